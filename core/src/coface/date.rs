//! Calendar dates as CofaServe exchanges them: ISO `YYYY-MM-DD`. Dates received as date-times
//! keep their date part; the portfolio's date filter needs "the next day" (see
//! [`super::portfolio`]).

use std::fmt;

use crate::insurer_error::InsurerError;

/// A valid Gregorian calendar date, years 0001–9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct IsoDate {
    year: u16,
    month: u8,
    day: u8,
}

impl IsoDate {
    /// Parses exactly `YYYY-MM-DD` (no blanks, no time), checking the calendar.
    pub(super) fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let year = number(0..4)?;
        let month = u8::try_from(number(5..7)?).ok()?;
        let day = u8::try_from(number(8..10)?).ok()?;
        let valid = year >= 1 && (1..=12).contains(&month) && day >= 1;
        (valid && day <= days_in_month(year, month)).then_some(Self { year, month, day })
    }

    /// The day after, or `None` after 9999-12-31.
    pub(super) fn next_day(self) -> Option<Self> {
        let Self { year, month, day } = self;
        if day < days_in_month(year, month) {
            Some(Self {
                day: day + 1,
                ..self
            })
        } else if month < 12 {
            Some(Self {
                month: month + 1,
                day: 1,
                ..self
            })
        } else if year < 9999 {
            Some(Self {
                year: year + 1,
                month: 1,
                day: 1,
            })
        } else {
            None
        }
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days of `month` (1–12) in `year`; 0 for a month out of range (so no day is valid in it).
fn days_in_month(year: u16, month: u8) -> u8 {
    crate::civil_date::days_in_month(i64::from(year), u32::from(month))
        .and_then(|days| u8::try_from(days).ok())
        .unwrap_or(0)
}

/// A date field of an answer: absent, `null` or blank gives `None`; `YYYY-MM-DD`, alone or
/// followed by a time (`T…` or ` …`), gives the date; anything else is
/// [`InsurerError::Malformed`].
pub(super) fn wire_date(text: Option<&str>, field: &str) -> Result<Option<String>, InsurerError> {
    let Some(text) = text.map(str::trim).filter(|text| !text.is_empty()) else {
        return Ok(None);
    };
    let date = text.get(..10).and_then(IsoDate::parse);
    let rest_ok = text
        .get(10..)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['T', 't', ' ']));
    match date {
        Some(date) if rest_ok => Ok(Some(date.to_string())),
        _ => Err(InsurerError::Malformed {
            reason: format!("{field} is not an ISO date: {text:?}"),
        }),
    }
}

/// [`wire_date`] of an owned text, kept without copying when it already is `YYYY-MM-DD`.
pub(super) fn wire_date_owned(
    text: Option<String>,
    field: &str,
) -> Result<Option<String>, InsurerError> {
    match text {
        Some(text) if text.len() == 10 && IsoDate::parse(&text).is_some() => Ok(Some(text)),
        other => wire_date(other.as_deref(), field),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn next(text: &str) -> String {
        IsoDate::parse(text)
            .unwrap()
            .next_day()
            .unwrap()
            .to_string()
    }

    #[test]
    fn parses_only_calendar_dates() {
        assert!(IsoDate::parse("2020-07-01").is_some());
        assert!(IsoDate::parse("2024-02-29").is_some());
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2020-13-01",
            "2020-00-10",
            "2020-04-31",
            "0000-01-01",
            "2020-7-01",
            "2020/07/01",
            "+020-07-01",
            "2020-07-01T",
            "",
        ] {
            assert_eq!(IsoDate::parse(bad), None, "{bad}");
        }
        assert!(IsoDate::parse("2000-02-29").is_some());
    }

    #[test]
    fn the_next_day_rolls_over() {
        assert_eq!(next("2020-07-01"), "2020-07-02");
        assert_eq!(next("2020-06-30"), "2020-07-01");
        assert_eq!(next("2024-02-28"), "2024-02-29");
        assert_eq!(next("2023-02-28"), "2023-03-01");
        assert_eq!(next("2020-12-31"), "2021-01-01");
        assert_eq!(IsoDate::parse("9999-12-31").unwrap().next_day(), None);
    }

    #[test]
    fn wire_dates_keep_the_date_part() {
        let date = |text| wire_date(Some(text), "d");
        assert_eq!(date("2020-07-01").unwrap().as_deref(), Some("2020-07-01"));
        assert_eq!(
            date("2020-07-01T23:59:59.123+02:00").unwrap().as_deref(),
            Some("2020-07-01")
        );
        assert_eq!(
            date(" 2020-07-01 10:00 ").unwrap().as_deref(),
            Some("2020-07-01")
        );
        assert_eq!(date("").unwrap(), None);
        assert_eq!(wire_date(None, "d").unwrap(), None);
        let owned = |text: &str| wire_date_owned(Some(text.to_owned()), "d");
        assert_eq!(owned("2020-07-01").unwrap().as_deref(), Some("2020-07-01"));
        assert_eq!(
            owned("2020-07-01T10:00:00Z").unwrap().as_deref(),
            Some("2020-07-01")
        );
        assert_eq!(owned("2020-02-30").unwrap_err().code(), "insurer.malformed");
        assert_eq!(wire_date_owned(None, "d").unwrap(), None);
        for bad in [
            "01/07/2020",
            "2020-07-32",
            "2020-07-01X",
            "20200701",
            "é2020-07-0",
        ] {
            assert_eq!(date(bad).unwrap_err().code(), "insurer.malformed", "{bad}");
        }
    }
}
