//! Cell values: blank, an exact count, an exact 万元 amount, or the raw text of an invalid
//! entry (kept, never lost).

use std::fmt;

use crate::template::CellKind;

/// An exact non-negative decimal amount in 万元: `digits / 10^scale`, kept with the number
/// of decimals as entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WanAmount {
    /// The decimal digits without the point, e.g. 12345 for `1.2345`.
    pub digits: u64,
    /// Number of decimal places as entered (0 for `3`).
    pub scale: u8,
}

/// The most decimals the template allows (4 decimals of 万元 = 1 元).
pub const MAX_WAN_DECIMALS: u8 = 4;
const MAX_SCALE: u8 = 18;

impl WanAmount {
    /// The integer part (whole 万元).
    pub fn whole_wan(&self) -> u64 {
        self.digits / 10u64.pow(self.scale as u32)
    }

    /// The exact sum of two amounts (None if it does not fit).
    pub fn checked_add(&self, other: &WanAmount) -> Option<WanAmount> {
        let scale = self.scale.max(other.scale);
        let widen = |a: &WanAmount| {
            10u64
                .checked_pow(u32::from(scale - a.scale))
                .and_then(|f| a.digits.checked_mul(f))
        };
        let digits = widen(self)?.checked_add(widen(other)?)?;
        Some(WanAmount { digits, scale })
    }

    /// The amount with at least four decimals, e.g. `0.0000` (JSON export form).
    pub fn with_four_decimals(&self) -> String {
        if self.scale >= MAX_WAN_DECIMALS {
            self.to_string()
        } else {
            let extra = (MAX_WAN_DECIMALS - self.scale) as u32;
            // Cannot overflow in u128.
            let digits = self.digits as u128 * 10u128.pow(extra);
            format_decimal(&digits.to_string(), MAX_WAN_DECIMALS)
        }
    }
}

fn format_decimal(digits: &str, scale: u8) -> String {
    let scale = scale as usize;
    if scale == 0 {
        return digits.to_string();
    }
    let padded = if digits.len() <= scale {
        format!("{}{}", "0".repeat(scale + 1 - digits.len()), digits)
    } else {
        digits.to_string()
    };
    let (int, frac) = padded.split_at(padded.len() - scale);
    format!("{int}.{frac}")
}

impl fmt::Display for WanAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_decimal(&self.digits.to_string(), self.scale))
    }
}

/// The content of one data cell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum CellValue {
    /// Not filled in (the template has no blank: a zero is written `0`).
    #[default]
    Blank,
    /// A count.
    Count(u64),
    /// 收费金额 in 万元.
    Amount(WanAmount),
    /// Text that is not a valid value for the cell, kept as it was (trimmed).
    Invalid(String),
}

/// Why typed input is not a valid value (the editor refuses it with this message).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("不能为负数")]
    Negative,
    #[error("件数须为整数，不能有小数")]
    Fraction,
    #[error("最多保留{MAX_WAN_DECIMALS}位小数")]
    TooManyDecimals,
    #[error("数值过大")]
    TooLarge,
    #[error("只能填写数字")]
    NotANumber,
}

/// Maps full-width digits, full-width point/minus/comma to ASCII; keeps everything else.
pub fn normalize_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' | '−' => '-',
            '，' => ',',
            '＋' => '+',
            _ => c,
        })
        .collect()
}

/// Placeholders that published reports print instead of a number: all mean "blank".
const BLANK_PLACEHOLDERS: [&str; 9] = ["—", "-", "/", "无", "－", "——", "--", "／", "\u{3000}"];

impl CellValue {
    /// Strict parse of what a user typed into a cell of this kind. Empty input is `Blank`.
    /// Accepts full-width digits, a trailing 件 (counts) or 万元 (amounts), thousands
    /// separators and surrounding spaces.
    pub fn parse_input(kind: CellKind, input: &str) -> Result<CellValue, InputError> {
        let mut s = normalize_digits(input.trim());
        let suffixes: &[&str] = match kind {
            CellKind::Count => &["件", "个", "项"],
            CellKind::AmountWan => &["万元", "万"],
        };
        for suffix in suffixes {
            if let Some(stripped) = s.strip_suffix(suffix) {
                s = stripped.trim_end().to_string();
                break;
            }
        }
        if s.is_empty() {
            return Ok(CellValue::Blank);
        }
        let s = strip_thousands(&s).ok_or(InputError::NotANumber)?;
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(&s)),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let digits_ok = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if !digits_ok(int)
            || frac.is_some_and(|f| !digits_ok(f))
            || (int.is_empty() && frac.is_none_or(str::is_empty))
        {
            return Err(InputError::NotANumber);
        }
        if negative {
            // Even "-0" is refused: a count is never written with a sign.
            return Err(InputError::Negative);
        }
        match kind {
            CellKind::Count => {
                if frac.is_some() {
                    return Err(InputError::Fraction);
                }
                int.parse::<u64>()
                    .map(CellValue::Count)
                    .map_err(|_| InputError::TooLarge)
            }
            CellKind::AmountWan => {
                let frac = frac.unwrap_or("");
                if frac.len() > MAX_WAN_DECIMALS as usize {
                    return Err(InputError::TooManyDecimals);
                }
                parse_amount(int, frac).map(CellValue::Amount)
            }
        }
    }

    /// Lenient parse of a cell read from a file: placeholders (—, /, 无) are blank; amounts
    /// may carry more than 4 decimals (the checks warn); anything else that is not a valid
    /// value is kept as [`CellValue::Invalid`].
    pub fn from_source(kind: CellKind, raw: &str) -> CellValue {
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if trimmed.is_empty() || BLANK_PLACEHOLDERS.contains(&trimmed) {
            return CellValue::Blank;
        }
        match CellValue::parse_input(kind, trimmed) {
            Ok(v) => v,
            Err(InputError::TooManyDecimals) => {
                let s = normalize_digits(trimmed);
                let s = s.trim_end_matches("万元").trim_end_matches('万').trim();
                let parsed = strip_thousands(s)
                    .and_then(|s| {
                        s.split_once('.')
                            .map(|(i, f)| (i.to_string(), f.to_string()))
                    })
                    .filter(|(_, f)| f.len() <= MAX_SCALE as usize)
                    .and_then(|(i, f)| parse_amount(&i, &f).ok());
                parsed.map_or_else(
                    || CellValue::Invalid(trimmed.to_string()),
                    CellValue::Amount,
                )
            }
            Err(_) => CellValue::Invalid(trimmed.to_string()),
        }
    }

    /// The count, if the cell holds a valid count.
    pub fn count(&self) -> Option<u64> {
        match self {
            CellValue::Count(n) => Some(*n),
            _ => None,
        }
    }

    /// True for [`CellValue::Blank`].
    pub fn is_blank(&self) -> bool {
        matches!(self, CellValue::Blank)
    }

    /// The text form used in exports and drafts: blank is empty, invalid is the raw text.
    pub fn display(&self) -> String {
        match self {
            CellValue::Blank => String::new(),
            CellValue::Count(n) => n.to_string(),
            CellValue::Amount(a) => a.to_string(),
            CellValue::Invalid(raw) => raw.clone(),
        }
    }
}

fn parse_amount(int: &str, frac: &str) -> Result<WanAmount, InputError> {
    let all = format!("{}{}", if int.is_empty() { "0" } else { int }, frac);
    let digits = all.parse::<u64>().map_err(|_| InputError::TooLarge)?;
    Ok(WanAmount {
        digits,
        scale: frac.len() as u8,
    })
}

/// Removes thousands separators (`1,234,567`) when they are well placed; None when a comma
/// is misplaced.
fn strip_thousands(s: &str) -> Option<String> {
    if !s.contains(',') {
        return Some(s.to_string());
    }
    let (int, rest) = match s.find('.') {
        Some(p) => (&s[..p], &s[p..]),
        None => (s, ""),
    };
    let unsigned = int.trim_start_matches(['-', '+']);
    let groups: Vec<&str> = unsigned.split(',').collect();
    let ok = !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && !rest.contains(',');
    ok.then(|| format!("{}{}", &int[..int.len() - unsigned.len()], groups.concat()) + rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_counts() {
        let p = |s| CellValue::parse_input(CellKind::Count, s);
        assert_eq!(p(""), Ok(CellValue::Blank));
        assert_eq!(p(" 12 "), Ok(CellValue::Count(12)));
        assert_eq!(p("１２"), Ok(CellValue::Count(12)));
        assert_eq!(p("5件"), Ok(CellValue::Count(5)));
        assert_eq!(p("1,234"), Ok(CellValue::Count(1234)));
        assert_eq!(p("-2"), Err(InputError::Negative));
        assert_eq!(p("1.5"), Err(InputError::Fraction));
        assert_eq!(p("a"), Err(InputError::NotANumber));
        assert_eq!(p("1,23"), Err(InputError::NotANumber));
        assert_eq!(p("99999999999999999999999"), Err(InputError::TooLarge));
        assert_eq!(p(&u64::MAX.to_string()), Ok(CellValue::Count(u64::MAX)));
    }
    #[test]
    fn parse_amounts() {
        let p = |s| CellValue::parse_input(CellKind::AmountWan, s);
        assert_eq!(
            p("0"),
            Ok(CellValue::Amount(WanAmount {
                digits: 0,
                scale: 0
            }))
        );
        assert_eq!(
            p("1.2345"),
            Ok(CellValue::Amount(WanAmount {
                digits: 12345,
                scale: 4
            }))
        );
        assert_eq!(p(".5").map(|v| v.display()), Ok("0.5".to_string()));
        assert_eq!(p("1.23456"), Err(InputError::TooManyDecimals));
        assert_eq!(p("-1"), Err(InputError::Negative));
        assert_eq!(p("3万元").map(|v| v.display()), Ok("3".to_string()));
        let five = CellValue::from_source(CellKind::AmountWan, "1.23456");
        assert_eq!(
            five,
            CellValue::Amount(WanAmount {
                digits: 123456,
                scale: 5
            })
        );
    }
    #[test]
    fn from_source_keeps_invalid_raw_text() {
        assert_eq!(
            CellValue::from_source(CellKind::Count, " -2 "),
            CellValue::Invalid("-2".into())
        );
        assert_eq!(
            CellValue::from_source(CellKind::Count, "无"),
            CellValue::Blank
        );
        assert_eq!(
            CellValue::from_source(CellKind::Count, "　"),
            CellValue::Blank
        );
        assert_eq!(
            CellValue::from_source(CellKind::Count, "x"),
            CellValue::Invalid("x".into())
        );
    }
    #[test]
    fn amount_formats() {
        assert_eq!(
            WanAmount {
                digits: 0,
                scale: 0
            }
            .with_four_decimals(),
            "0.0000"
        );
        assert_eq!(
            WanAmount {
                digits: 5,
                scale: 2
            }
            .to_string(),
            "0.05"
        );
        assert_eq!(
            WanAmount {
                digits: 5,
                scale: 2
            }
            .with_four_decimals(),
            "0.0500"
        );
        assert_eq!(
            WanAmount {
                digits: 1234567,
                scale: 5
            }
            .with_four_decimals(),
            "12.34567"
        );
        assert_eq!(
            WanAmount {
                digits: 1_000_000_000,
                scale: 4
            }
            .whole_wan(),
            100_000
        );
    }
}
