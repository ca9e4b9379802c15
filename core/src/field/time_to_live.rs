//! How long, in hours, Allianz Trade keeps calling a webhook back (`timeToLive`).

use super::Field;
use crate::validation_error::ValidationError;

/// Every code [`validate_time_to_live`] can produce.
pub const CODES: &[&str] = &[
    "time_to_live.required",
    "time_to_live.format",
    "time_to_live.range",
];

/// Fewest hours.
pub const TIME_TO_LIVE_MIN_HOURS: u32 = 1;
/// Most hours: one year.
pub const TIME_TO_LIVE_MAX_HOURS: u32 = 8760;

/// Reads a whole number of hours between 1 and 8760 (a year), blanks around allowed, and
/// returns it without leading zeros. A blank value is `""`, or an error when `required`.
///
/// Errors (field `timeToLiveHours`): `time_to_live.required`; `time_to_live.format` (not a
/// whole number: `24.5`, `1e3`, `abc`); `time_to_live.range` (params `min`: 1, `max`: 8760)
/// for a whole number out of range, negative or huge included.
pub fn validate_time_to_live(value: &str, required: bool) -> Result<String, Vec<ValidationError>> {
    let field = Field::TimeToLiveHours.as_str();
    let text = value.trim();
    if text.is_empty() {
        return if required {
            Err(vec![ValidationError::new("time_to_live.required", field)])
        } else {
            Ok(String::new())
        };
    }
    let (negative, digits) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(digits) => (true, digits),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(vec![ValidationError::new("time_to_live.format", field)]);
    }
    let digits = digits.trim_start_matches('0');
    let hours = if negative && !digits.is_empty() {
        None
    } else {
        digits
            .parse::<u32>()
            .ok()
            .or(digits.is_empty().then_some(0))
    };
    match hours {
        Some(hours) if (TIME_TO_LIVE_MIN_HOURS..=TIME_TO_LIVE_MAX_HOURS).contains(&hours) => {
            Ok(hours.to_string())
        }
        _ => Err(vec![ValidationError::new("time_to_live.range", field)
            .with_param("min", TIME_TO_LIVE_MIN_HOURS)
            .with_param("max", TIME_TO_LIVE_MAX_HOURS)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(value: &str) -> String {
        validate_time_to_live(value, true).unwrap_err()[0]
            .code
            .clone()
    }

    #[test]
    fn accepts_whole_hours() {
        assert_eq!(validate_time_to_live("24", true).unwrap(), "24");
        assert_eq!(validate_time_to_live(" 024 ", true).unwrap(), "24");
        assert_eq!(validate_time_to_live("+1", true).unwrap(), "1");
        assert_eq!(validate_time_to_live("8760", true).unwrap(), "8760");
        assert_eq!(validate_time_to_live("", false).unwrap(), "");
    }

    #[test]
    fn refuses() {
        assert_eq!(code(""), "time_to_live.required");
        for value in ["24.5", "1e3", "abc", "-", "+", "1 000", "٣"] {
            assert_eq!(code(value), "time_to_live.format", "{value}");
        }
        for value in ["0", "000", "-0", "-5", "8761", "99999999999999999999999"] {
            assert_eq!(code(value), "time_to_live.range", "{value}");
        }
        let error = &validate_time_to_live("0", true).unwrap_err()[0];
        assert_eq!(error.params["min"], "1");
        assert_eq!(error.params["max"], "8760");
        assert_eq!(error.field, "timeToLiveHours");
    }
}
