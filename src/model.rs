//! The report model: meta data, narrative texts and the 200 cells, with exact value types.
//!
//! A cell is [`CellValue::Blank`] until filled (blank ≠ 0). Counts are `u64`; 收费金额 is a
//! [`WanAmount`], an exact decimal. Anything that is not a valid value (a negative number, a
//! fraction in a count, text, a number beyond `u64`) is kept as [`CellValue::Invalid`] with
//! its raw text, so nothing a user typed or a file contained is lost and the checks can
//! report it.

use std::collections::BTreeSet;
use std::fmt;

use crate::template::{ALL_CELLS, CellKind, TEMPLATE, TEXTS, TextId};

/// Which official format the report's tables follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// 国办公开办函〔2021〕30号 (report years 2021 and later).
    #[default]
    V2021,
    /// 国办公开办函〔2019〕60号 trial format (report years 2019–2020).
    V2019,
}

impl Format {
    /// `"2021"` or `"2019"`.
    pub fn key(self) -> &'static str {
        match self {
            Format::V2021 => "2021",
            Format::V2019 => "2019",
        }
    }
    /// Parses `"2021"` or `"2019"`.
    pub fn from_key(s: &str) -> Option<Format> {
        match s {
            "2021" => Some(Format::V2021),
            "2019" => Some(Format::V2019),
            _ => None,
        }
    }
}

/// The kind of organ that publishes the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum OrganKind {
    /// 各级人民政府 (and the 政府办公室 that reports for it).
    Government,
    /// 政府部门.
    Department,
    /// 乡镇人民政府、街道办事处.
    Township,
    /// 其他.
    #[default]
    Other,
}

impl OrganKind {
    /// All kinds, in the order the UI offers them.
    pub const ALL: [OrganKind; 4] = [
        OrganKind::Government,
        OrganKind::Department,
        OrganKind::Township,
        OrganKind::Other,
    ];

    /// Chinese label, also the serialised form.
    pub fn label(self) -> &'static str {
        match self {
            OrganKind::Government => "人民政府",
            OrganKind::Department => "部门",
            OrganKind::Township => "乡镇街道",
            OrganKind::Other => "其他",
        }
    }

    /// Parses the Chinese label or an English alias.
    pub fn parse(s: &str) -> Option<OrganKind> {
        let s = s.trim();
        OrganKind::ALL.into_iter().find(|k| k.label() == s).or(
            match s.to_ascii_lowercase().as_str() {
                "government" | "gov" => Some(OrganKind::Government),
                "department" | "dept" => Some(OrganKind::Department),
                "township" | "street" => Some(OrganKind::Township),
                "other" => Some(OrganKind::Other),
                _ => None,
            },
        )
    }

    /// Infers the kind from an organ's full name. Used where a source has no explicit kind
    /// (published text): 乡/镇/街道 first, then 人民政府 (incl. its 办公室), then departments.
    pub fn infer(name: &str) -> OrganKind {
        let name = name.trim();
        let township_ends = ["乡", "镇", "街道", "街道办事处", "办事处", "街道办"];
        let township_govs = ["乡人民政府", "镇人民政府", "乡政府", "镇政府"];
        if township_ends.iter().any(|e| name.ends_with(e))
            || township_govs.iter().any(|e| name.ends_with(e))
        {
            return OrganKind::Township;
        }
        let gov_ends = [
            "人民政府",
            "人民政府办公室",
            "人民政府办公厅",
            "政府办公室",
            "政府办公厅",
            "政府办",
        ];
        if gov_ends.iter().any(|e| name.ends_with(e)) {
            return OrganKind::Government;
        }
        let dept_ends = [
            "局",
            "委员会",
            "委",
            "厅",
            "部",
            "署",
            "办公室",
            "办",
            "中心",
            "院",
            "所",
            "队",
            "处",
        ];
        if dept_ends.iter().any(|e| name.ends_with(e)) {
            return OrganKind::Department;
        }
        OrganKind::Other
    }
}

/// A calendar date (publication or signature date).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The statistical year a report started on this day is most likely for: this year from
    /// November on (the report is drafted in December), last year before.
    pub fn report_year(self) -> u16 {
        if self.month >= 11 {
            self.year
        } else {
            self.year.saturating_sub(1)
        }
    }

    /// A valid date or None.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1900 && day >= 1 && day <= days).then_some(Date { year, month, day })
    }

    /// Parses `2022-01-28`, `2022/1/28`, `2022.1.28` or `2022年1月28日` (full-width digits too).
    pub fn parse(s: &str) -> Option<Date> {
        let s = normalize_digits(s.trim());
        let s = s.trim_end_matches('日');
        let parts: Vec<&str> = s
            .split(['-', '/', '.', '年', '月'])
            .map(str::trim)
            .collect();
        if parts.len() != 3 {
            return None;
        }
        let year = parts[0].parse().ok()?;
        let month = parts[1].parse().ok()?;
        let day = parts[2].parse().ok()?;
        Date::new(year, month, day)
    }

    /// ISO form `2022-01-28`, used in drafts and JSON.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Chinese form `2022年1月28日` (GB/T 9704: Arabic numerals, no zero padding).
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// Today from the system clock (UTC), for the program's edges (the CLI, the editor); the
    /// core never reads the clock itself. A clock set before 1970 gives 1970-01-01.
    pub fn today() -> Date {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        i64::try_from(days)
            .ok()
            .and_then(Date::from_unix_days)
            .unwrap_or(Date {
                year: 1970,
                month: 1,
                day: 1,
            })
    }

    /// The civil date of a day count since 1970-01-01 (UTC); None before 1900 or after 9999.
    pub fn from_unix_days(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let year = u16::try_from(year).ok().filter(|y| *y <= 9999)?;
        Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }
}

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

/// Report meta data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// 机关全称.
    pub organ: String,
    /// 机关类型.
    pub organ_kind: OrganKind,
    /// 统计年度.
    pub year: Option<u16>,
    /// 发布日期.
    pub published: Option<Date>,
    /// 落款机关.
    pub signature: String,
}

/// A whole report: meta, twelve text fields and the 200 cells of the 2021 template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub format: Format,
    pub meta: Meta,
    texts: [String; TEXTS.len()],
    /// Headed sections that the source document did not contain at all (e.g. fixture 002
    /// has no section 六). Only fields with their own heading can be absent.
    absent: BTreeSet<TextId>,
    cells: Vec<CellValue>,
}

impl Default for Report {
    fn default() -> Self {
        Report {
            format: Format::V2021,
            meta: Meta::default(),
            texts: Default::default(),
            absent: BTreeSet::new(),
            cells: vec![CellValue::Blank; ALL_CELLS],
        }
    }
}

impl Report {
    /// A blank 2021-format report for an organ and year.
    pub fn new(organ: &str, kind: OrganKind, year: u16) -> Report {
        let mut r = Report::default();
        r.meta.organ = organ.to_string();
        r.meta.organ_kind = kind;
        r.meta.year = Some(year);
        r.meta.signature = organ.to_string();
        r
    }

    /// The title: `{organ}{year}年政府信息公开工作年度报告`.
    pub fn title(&self) -> String {
        match self.meta.year {
            Some(y) => format!(
                "{}{}年{}",
                self.meta.organ,
                y,
                crate::template::TITLE_SUFFIX
            ),
            None => format!("{}{}", self.meta.organ, crate::template::TITLE_SUFFIX),
        }
    }

    /// The cell at a template index.
    pub fn cell(&self, index: usize) -> &CellValue {
        &self.cells[index]
    }

    /// All cells in template order.
    pub fn cells(&self) -> &[CellValue] {
        &self.cells
    }

    /// Replaces a cell's value.
    pub fn set_cell(&mut self, index: usize, value: CellValue) {
        self.cells[index] = value;
    }

    /// The cell with a stable id.
    pub fn cell_by_id(&self, id: &str) -> Option<&CellValue> {
        TEMPLATE.index_of(id).map(|i| &self.cells[i])
    }

    /// A text field; None if the source document lacked that section.
    pub fn text(&self, id: TextId) -> Option<&str> {
        (!self.absent.contains(&id)).then(|| self.texts[id.index()].as_str())
    }

    /// A text field for editing; marks the section as present.
    pub fn text_mut(&mut self, id: TextId) -> &mut String {
        self.absent.remove(&id);
        &mut self.texts[id.index()]
    }

    /// Sets a text field (present).
    pub fn set_text(&mut self, id: TextId, text: impl Into<String>) {
        *self.text_mut(id) = text.into();
    }

    /// Marks a headed section as missing from the source document. Fields without a
    /// heading of their own cannot be absent and are set to empty instead.
    pub fn set_absent(&mut self, id: TextId) {
        self.texts[id.index()].clear();
        if id.spec().heading.is_some() {
            self.absent.insert(id);
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn civil_date_from_day_count() {
        assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1));
        assert_eq!(Date::from_unix_days(11_016), Date::new(2000, 2, 29));
        assert_eq!(Date::from_unix_days(20_779), Date::new(2026, 11, 22));
        assert_eq!(Date::from_unix_days(-25_566), Date::new(1900, 1, 2));
        assert_eq!(Date::from_unix_days(-30_000), None);
    }

    use super::*;

    #[test]
    fn the_report_year_is_this_year_from_november() {
        let d = |m| Date::new(2026, m, 15).unwrap();
        assert_eq!(d(1).report_year(), 2025);
        assert_eq!(d(10).report_year(), 2025);
        assert_eq!(d(11).report_year(), 2026);
        assert_eq!(d(12).report_year(), 2026);
    }

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

    #[test]
    fn dates() {
        assert_eq!(Date::parse("2022年1月28日"), Date::new(2022, 1, 28));
        assert_eq!(Date::parse("２０２２-01-28"), Date::new(2022, 1, 28));
        assert_eq!(Date::parse("2022年2月30日"), None);
        assert_eq!(
            Date::new(2024, 2, 29).map(|d| d.chinese()),
            Some("2024年2月29日".into())
        );
    }

    #[test]
    fn infer_kinds() {
        assert_eq!(
            OrganKind::infer("清河县人民政府办公室"),
            OrganKind::Government
        );
        assert_eq!(OrganKind::infer("汇源街道办事处"), OrganKind::Township);
        assert_eq!(OrganKind::infer("某某镇人民政府"), OrganKind::Township);
        assert_eq!(OrganKind::infer("某市生态环境局"), OrganKind::Department);
        assert_eq!(OrganKind::infer("某协会"), OrganKind::Other);
    }

    #[test]
    fn absent_sections() {
        let mut r = Report::default();
        r.set_absent(TextId::S6);
        assert_eq!(r.text(TextId::S6), None);
        r.set_absent(TextId::Intro);
        assert_eq!(r.text(TextId::Intro), Some(""));
        r.text_mut(TextId::S6).push('无');
        assert_eq!(r.text(TextId::S6), Some("无"));
    }
}
