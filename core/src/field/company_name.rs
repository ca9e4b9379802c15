//! A company's name, as typed to search for a buyer or to name one.

use super::text::{char_count, collapse_blanks, has_forbidden};
use super::Field;
use crate::buyer_query::{NAME_MAX_CHARS, NAME_MIN_CHARS};
use crate::validation_error::ValidationError;

/// Every code [`validate_company_name`] can produce (the same as [`crate::BuyerQuery`]'s).
pub const CODES: &[&str] = &[
    "name.required",
    "name.invalid_characters",
    "name.no_letters",
    "name.too_short",
    "name.too_long",
];

/// Trims the name and collapses inner blanks; it must then hold 2 to 120 characters, at least
/// one letter or digit, and no control character.
///
/// Errors (field `companyName`): `name.required` (blank); `name.invalid_characters` (a control
/// or bidirectional-override character); `name.no_letters` (only punctuation or symbols);
/// `name.too_short` (param `min`: 2); `name.too_long` (param `max`: 120).
pub fn validate_company_name(value: &str) -> Result<String, Vec<ValidationError>> {
    let field = Field::CompanyName.as_str();
    let name = collapse_blanks(value);
    if name.is_empty() {
        return Err(vec![ValidationError::new("name.required", field)]);
    }
    let mut errors = Vec::new();
    if has_forbidden(&name) {
        errors.push(ValidationError::new("name.invalid_characters", field));
    }
    if !name.chars().any(char::is_alphanumeric) {
        errors.push(ValidationError::new("name.no_letters", field));
    }
    let chars = char_count(&name);
    if chars < NAME_MIN_CHARS {
        errors
            .push(ValidationError::new("name.too_short", field).with_param("min", NAME_MIN_CHARS));
    } else if chars > NAME_MAX_CHARS {
        errors.push(ValidationError::new("name.too_long", field).with_param("max", NAME_MAX_CHARS));
    }
    if errors.is_empty() {
        Ok(name)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(value: &str) -> Vec<String> {
        validate_company_name(value)
            .unwrap_err()
            .into_iter()
            .map(|error| error.code)
            .collect()
    }

    #[test]
    fn normalises_valid_names() {
        assert_eq!(
            validate_company_name("  Dupont \t Logistique ").unwrap(),
            "Dupont Logistique"
        );
        assert_eq!(validate_company_name("3M").unwrap(), "3M");
        assert_eq!(validate_company_name("Éé").unwrap(), "Éé");
        let longest = "é".repeat(NAME_MAX_CHARS);
        assert_eq!(validate_company_name(&longest).unwrap(), longest);
    }

    #[test]
    fn reports_every_problem() {
        assert_eq!(codes(" \n "), ["name.required"]);
        assert_eq!(codes("a"), ["name.too_short"]);
        assert_eq!(codes("--"), ["name.no_letters"]);
        assert_eq!(codes("-"), ["name.no_letters", "name.too_short"]);
        assert_eq!(codes("ab\u{7}c"), ["name.invalid_characters"]);
        assert_eq!(codes("ab\u{202e}c"), ["name.invalid_characters"]);
        assert_eq!(codes(&"x".repeat(NAME_MAX_CHARS + 1)), ["name.too_long"]);
        let error = &validate_company_name("a").unwrap_err()[0];
        assert_eq!(error.field, "companyName");
        assert_eq!(error.params["min"], "2");
    }
}
