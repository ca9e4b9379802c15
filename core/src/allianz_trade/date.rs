//! Dates on the wire: kept as ISO `YYYY-MM-DD`; a date-time (`2024-03-01T10:15:00Z`,
//! `2024-03-01 10:15:00`) keeps its date part.

use super::response::malformed;
use crate::insurer_error::InsurerError;

/// The ISO date of `text` (already trimmed; `None` when absent or blank), or
/// [`InsurerError::Malformed`] naming `what` when it is neither a date nor a date-time.
pub(super) fn iso_date(what: &str, text: Option<&str>) -> Result<Option<String>, InsurerError> {
    let Some(text) = text else {
        return Ok(None);
    };
    let date = text.get(..10).filter(|_| {
        matches!(
            text.as_bytes().get(10),
            None | Some(b'T' | b't' | b' ' | b'Z' | b'z' | b'+')
        )
    });
    match date {
        Some(date) if is_valid_date(date) => Ok(Some(date.to_owned())),
        _ => Err(malformed(format!("{what} {text:?} is not an ISO date"))),
    }
}

/// Whether `date` is `YYYY-MM-DD` naming a day that exists (leap years included).
fn is_valid_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = date.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_date_part() {
        for (text, date) in [
            ("2024-03-01", "2024-03-01"),
            ("2024-03-01T10:15:00Z", "2024-03-01"),
            ("2024-03-01T10:15:00.123+01:00", "2024-03-01"),
            ("2024-03-01 10:15:00", "2024-03-01"),
            ("2024-02-29", "2024-02-29"),
            ("2000-02-29Z", "2000-02-29"),
        ] {
            assert_eq!(iso_date("d", Some(text)).unwrap().as_deref(), Some(date));
        }
        assert_eq!(iso_date("d", None).unwrap(), None);
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "2023-02-29",
            "1900-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "2024-3-1",
            "01/03/2024",
            "20240301",
            "2024-03-011",
            "2024-03-01X",
            "+024-03-01",
            "2024-03-é1",
            "1709251200",
        ] {
            let error = iso_date("startDate", Some(text)).unwrap_err();
            assert_eq!(error.code(), "insurer.malformed", "{text}");
        }
    }
}
