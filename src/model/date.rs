//! Calendar dates as reports print them (2026年1月20日), without a time zone library.

use super::value::normalize_digits;

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
        Date::parse_checked(s).ok()
    }

    /// Like [`Date::parse`], with what is wrong in Chinese: `月份 13 不存在`,
    /// `2023年2月没有30日`, or the format expected.
    pub fn parse_checked(s: &str) -> Result<Date, String> {
        const FORMAT: &str = "日期格式应如 2026年1月20日 或 2026-01-20";
        let s = normalize_digits(s.trim());
        let s = s.trim_end_matches('日');
        let parts: Vec<&str> = s
            .split(['-', '/', '.', '年', '月'])
            .map(str::trim)
            .collect();
        if parts.len() != 3 {
            return Err(FORMAT.to_string());
        }
        let (Ok(year), Ok(month), Ok(day)) = (
            parts[0].parse::<u16>(),
            parts[1].parse::<u8>(),
            parts[2].parse::<u8>(),
        ) else {
            return Err(FORMAT.to_string());
        };
        if year < 1900 {
            return Err(format!("年份 {year} 不对"));
        }
        if !(1..=12).contains(&month) {
            return Err(format!("月份 {month} 不存在"));
        }
        Date::new(year, month, day).ok_or_else(|| format!("{year}年{month}月没有{day}日"))
    }

    /// ISO form `2022-01-28`, used in drafts and JSON.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Chinese form `2022年1月28日` (GB/T 9704: Arabic numerals, no zero padding).
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// Today in 北京时间 (UTC+8) from the system clock, for the program's edges (the CLI,
    /// the editor); the core never reads the clock itself. The date of
    /// `Stamp::now_beijing`, so a letter written just after midnight is dated the
    /// same day as the 说明 in it.
    pub fn today() -> Date {
        beijing_now().0
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

/// Today and the minutes since midnight, in 北京时间 (a clock set before 1970 gives
/// 1970-01-01 00:00).
pub(super) fn beijing_now() -> (Date, u16) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    beijing_of_unix(secs).unwrap_or((
        Date {
            year: 1970,
            month: 1,
            day: 1,
        },
        0,
    ))
}

/// The 北京时间 date and minutes since midnight of a moment `secs` after 1970-01-01 UTC
/// (no daylight saving); None past 9999.
pub(super) fn beijing_of_unix(secs: u64) -> Option<(Date, u16)> {
    let local = secs.checked_add(8 * 3600)?;
    let date = Date::from_unix_days(i64::try_from(local / 86_400).ok()?)?;
    Some((date, ((local % 86_400) / 60) as u16))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_impossible_date_says_what_is_wrong() {
        assert_eq!(
            Date::parse_checked("2023-13-40").unwrap_err(),
            "月份 13 不存在"
        );
        assert_eq!(
            Date::parse_checked("2023年2月30日").unwrap_err(),
            "2023年2月没有30日"
        );
        assert!(
            Date::parse_checked("明天")
                .unwrap_err()
                .contains("日期格式")
        );
        assert_eq!(
            Date::parse_checked("２０２４年２月２９日"),
            Ok(Date::new(2024, 2, 29).unwrap())
        );
    }

    #[test]
    fn civil_date_from_day_count() {
        assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1));
        assert_eq!(Date::from_unix_days(11_016), Date::new(2000, 2, 29));
        assert_eq!(Date::from_unix_days(20_779), Date::new(2026, 11, 22));
        assert_eq!(Date::from_unix_days(-25_566), Date::new(1900, 1, 2));
        assert_eq!(Date::from_unix_days(-30_000), None);
    }
    #[test]
    fn the_report_year_is_this_year_from_november() {
        let d = |m| Date::new(2026, m, 15).unwrap();
        assert_eq!(d(1).report_year(), 2025);
        assert_eq!(d(10).report_year(), 2025);
        assert_eq!(d(11).report_year(), 2026);
        assert_eq!(d(12).report_year(), 2026);
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
}
