//! A moment to the minute in 北京时间: when a 说明 was written, a note made, a report
//! signed. Saved and shown as `YYYY-MM-DD HH:MM`.

use std::fmt;

use super::date::Date;

/// A date and a time of day to the minute, in 北京时间 (UTC+8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
}

impl Stamp {
    /// A valid moment or None.
    pub fn new(date: Date, hour: u8, minute: u8) -> Option<Stamp> {
        (hour < 24 && minute < 60).then_some(Stamp { date, hour, minute })
    }

    /// Parses `2026-01-20 10:00` (the form saved); also `2026-01-20T10:00` and with
    /// seconds (`10:00:30`, dropped).
    pub fn parse(s: &str) -> Option<Stamp> {
        let (day, time) = s.trim().split_once([' ', 'T'])?;
        let date = Date::parse(day)?;
        let mut parts = time.trim().split(':');
        let number = |p: Option<&str>| -> Option<u8> {
            let p = p?;
            (!p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let hour = number(parts.next())?;
        let minute = number(parts.next())?;
        if let Some(seconds) = parts.next() {
            number(Some(seconds)).filter(|s| *s < 60)?;
        }
        if parts.next().is_some() {
            return None;
        }
        Stamp::new(date, hour, minute)
    }

    /// Now in 北京时间 (no daylight saving). For the program's edges only, like
    /// [`Date::today`]; a clock set before 1970 gives 1970-01-01 00:00.
    pub fn now_beijing() -> Stamp {
        let (date, minutes) = super::date::beijing_now();
        Stamp::of_minutes(date, minutes)
    }

    /// The moment `secs` after 1970-01-01 00:00 UTC, in 北京时间 (a file's time).
    pub fn from_unix_secs(secs: u64) -> Option<Stamp> {
        let (date, minutes) = super::date::beijing_of_unix(secs)?;
        Some(Stamp::of_minutes(date, minutes))
    }

    fn of_minutes(date: Date, minutes: u16) -> Stamp {
        Stamp {
            date,
            hour: (minutes / 60) as u8,
            minute: (minutes % 60) as u8,
        }
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:02}:{:02}", self.date.iso(), self.hour, self.minute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_form_round_trips_and_bad_times_are_refused() {
        let s = Stamp::parse("2026-01-20 09:05").unwrap();
        assert_eq!(s.to_string(), "2026-01-20 09:05");
        assert_eq!(Stamp::parse(&s.to_string()), Some(s));
        assert_eq!(Stamp::parse("2026-01-20T09:05:59"), Some(s));
        for bad in [
            "",
            "2026-01-20",
            "2026-01-20 24:00",
            "2026-01-20 10:60",
            "2026-02-30 10:00",
            "2026-01-20 10:00:61",
            "2026-01-20 1:2:3:4",
            "昨天 10:00",
            "2026-01-20 +1:00",
        ] {
            assert_eq!(Stamp::parse(bad), None, "{bad}");
        }
        assert!(Stamp::parse("2026-01-20 10:00") < Stamp::parse("2026-01-20 10:01"));
        assert!(Stamp::parse("2026-01-19 23:59") < Stamp::parse("2026-01-20 00:00"));
        assert_eq!(
            Stamp::from_unix_secs(0).map(|s| s.to_string()),
            Some("1970-01-01 08:00".to_string())
        );
        let now = Stamp::now_beijing();
        assert_eq!(Stamp::parse(&now.to_string()), Some(now));
    }
}
