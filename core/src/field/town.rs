//! A town or city name.

use super::text::{char_count, collapse_blanks, has_forbidden};
use super::Field;
use crate::buyer_query::TOWN_MAX_CHARS;
use crate::validation_error::ValidationError;

/// Every code [`validate_town`] can produce.
pub const CODES: &[&str] = &["town.required", "town.invalid_characters", "town.too_long"];

/// Trims the town and collapses inner blanks; it must then hold at most 80 characters and no
/// control character. A blank town is `""`, or an error when `required`.
///
/// Errors (field `town`): `town.required` (blank and required); `town.invalid_characters`;
/// `town.too_long` (param `max`: 80).
pub fn validate_town(value: &str, required: bool) -> Result<String, Vec<ValidationError>> {
    let field = Field::Town.as_str();
    let town = collapse_blanks(value);
    if town.is_empty() {
        return if required {
            Err(vec![ValidationError::new("town.required", field)])
        } else {
            Ok(town)
        };
    }
    let mut errors = Vec::new();
    if has_forbidden(&town) {
        errors.push(ValidationError::new("town.invalid_characters", field));
    }
    if char_count(&town) > TOWN_MAX_CHARS {
        errors.push(ValidationError::new("town.too_long", field).with_param("max", TOWN_MAX_CHARS));
    }
    if errors.is_empty() {
        Ok(town)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(value: &str, required: bool) -> Vec<String> {
        validate_town(value, required)
            .unwrap_err()
            .into_iter()
            .map(|error| error.code)
            .collect()
    }

    #[test]
    fn accepts_and_normalises() {
        assert_eq!(
            validate_town("  Saint-Étienne  ", true).unwrap(),
            "Saint-Étienne"
        );
        assert_eq!(validate_town(" ", false).unwrap(), "");
        assert_eq!(
            validate_town(&"ü".repeat(80), true)
                .unwrap()
                .chars()
                .count(),
            80
        );
    }

    #[test]
    fn refuses() {
        assert_eq!(codes("", true), ["town.required"]);
        assert_eq!(codes("Par\u{0}is", false), ["town.invalid_characters"]);
        assert_eq!(codes(&"t".repeat(81), false), ["town.too_long"]);
        assert_eq!(
            codes(&format!("{}\u{1b}", "t".repeat(81)), false),
            ["town.invalid_characters", "town.too_long"]
        );
    }
}
