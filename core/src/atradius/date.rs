//! Atradius dates: read as ISO `YYYY-MM-DD` (date-times keep their date part as Atradius wrote
//! it, UTC or UTC+01:00, never shifted), and the date filters sent in queries.

use std::fmt;

use super::response::malformed;
use super::wire::text;
use crate::insurer_error::InsurerError;

/// The date part of an Atradius date or date-time: `None` when absent or blank,
/// [`InsurerError::Malformed`] (naming `field`) when it does not start with a calendar date.
pub(super) fn read_date(
    value: &Option<String>,
    field: &str,
) -> Result<Option<String>, InsurerError> {
    let Some(value) = text(value) else {
        return Ok(None);
    };
    let date = value.get(..10).filter(|date| is_calendar_date(date));
    let complete = value
        .as_bytes()
        .get(10)
        .is_none_or(|next| !next.is_ascii_digit());
    match date {
        Some(date) if complete => Ok(Some(date.to_owned())),
        _ => Err(malformed(format!("{field} is not a date: {value:?}"))),
    }
}

/// Whether `date` is `YYYY-MM-DD` with a month 01–12 and a day that month can have.
fn is_calendar_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = bytes.get(range)?;
        part.iter().all(u8::is_ascii_digit).then(|| {
            part.iter()
                .fold(0, |value, digit| value * 10 + u32::from(digit - b'0'))
        })
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// A date, or a date and time, to filter on (`fromDate` of decisions, the rating dates of
/// my-buyers). Build it with [`DateFilter::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateFilter {
    date: [u8; 10],
    time: Option<[u8; 8]>,
}

impl DateFilter {
    /// Reads `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (a blank instead of `T` is accepted);
    /// `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let date_text = text.get(..10).filter(|date| is_calendar_date(date))?;
        let mut date = [0u8; 10];
        date.copy_from_slice(date_text.as_bytes());
        let rest = &text[10..];
        if rest.is_empty() {
            return Some(Self { date, time: None });
        }
        let time_text = rest.strip_prefix(['T', ' '])?;
        let bytes = time_text.as_bytes();
        let two = |at: usize, max: u8| -> bool {
            matches!(bytes.get(at..at + 2), Some([a, b]) if a.is_ascii_digit() && b.is_ascii_digit()
                && (a - b'0') * 10 + (b - b'0') <= max)
        };
        let valid = bytes.len() == 8
            && bytes[2] == b':'
            && bytes[5] == b':'
            && two(0, 23)
            && two(3, 59)
            && two(6, 59);
        if !valid {
            return None;
        }
        let mut time = [0u8; 8];
        time.copy_from_slice(bytes);
        Some(Self {
            date,
            time: Some(time),
        })
    }

    /// `YYYY-MM-DD`.
    pub fn date(&self) -> &str {
        std::str::from_utf8(&self.date).unwrap_or_default()
    }

    /// `YYYY-MM-DDTHH:MM:SS`, midnight when only a date was given (the `fromDate` format).
    pub fn date_time(&self) -> String {
        let time = self
            .time
            .as_ref()
            .and_then(|time| std::str::from_utf8(time).ok())
            .unwrap_or("00:00:00");
        format!("{}T{time}", self.date())
    }
}

impl fmt::Display for DateFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.date_time())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Option<String>, &'static str> {
        read_date(&Some(text.to_owned()), "d").map_err(|error| error.code())
    }

    #[test]
    fn keeps_the_date_part() {
        assert_eq!(read("2026-08-22"), Ok(Some("2026-08-22".into())));
        assert_eq!(read("2026-08-22T23:30:00"), Ok(Some("2026-08-22".into())));
        assert_eq!(
            read("2026-08-22T00:30:00+01:00"),
            Ok(Some("2026-08-22".into()))
        );
        assert_eq!(read("2026-08-22 10:00"), Ok(Some("2026-08-22".into())));
        assert_eq!(read(" 2024-02-29Z "), Ok(Some("2024-02-29".into())));
        assert_eq!(read(""), Ok(None));
        assert_eq!(read_date(&None, "d"), Ok(None));
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "22/08/2026",
            "2026-8-22",
            "2026-13-01",
            "2026-02-29",
            "2026-04-31",
            "2026-00-10",
            "2026-08-220",
            "20260822",
            "2026-08-2é",
            "x",
        ] {
            assert_eq!(read(text), Err("insurer.malformed"), "{text}");
        }
    }

    #[test]
    fn filters_render_dates_and_times() {
        let date = DateFilter::parse("2026-08-01").unwrap();
        assert_eq!(date.date(), "2026-08-01");
        assert_eq!(date.date_time(), "2026-08-01T00:00:00");
        let time = DateFilter::parse(" 2026-08-01 13:05:09 ").unwrap();
        assert_eq!(time.to_string(), "2026-08-01T13:05:09");
        assert_eq!(time.date(), "2026-08-01");
        for text in [
            "",
            "2026-08-01T",
            "2026-08-01T24:00:00",
            "2026-08-01T10:60:00",
            "2026-08-01T10:00",
            "2026-08-01Z",
            "01/08/2026",
            "2026-02-30",
        ] {
            assert_eq!(DateFilter::parse(text), None, "{text}");
        }
    }
}
