//! The insured's own reference for a buyer or a case ("customer reference").

use super::text::{char_count, has_forbidden};
use super::Field;
use crate::insurer::Insurer;
use crate::validation_error::ValidationError;

/// Every code [`validate_customer_reference`] can produce.
pub const CODES: &[&str] = &[
    "customer_reference.invalid_characters",
    "customer_reference.too_long",
];

/// Most characters of a customer reference at Allianz Trade.
pub const ALLIANZ_MAX_CHARS: usize = 20;
/// Most characters of a customer reference elsewhere.
pub const DEFAULT_MAX_CHARS: usize = 35;

/// Trims a customer reference (inner blanks are kept: a reference is an identifier) and checks
/// its length: at most 20 characters for Allianz Trade, 35 otherwise; no control character.
///
/// A blank reference is valid and normalised to `""`: no reference, or for Coface the request
/// to erase the reference already set (Coface erases on a blank value; the Coface adapter sends
/// the blank).
///
/// Errors (field `customerReference`): `customer_reference.invalid_characters`;
/// `customer_reference.too_long` (param `max`: 20 or 35).
pub fn validate_customer_reference(
    value: &str,
    insurer: Option<Insurer>,
) -> Result<String, Vec<ValidationError>> {
    let field = Field::CustomerReference.as_str();
    let reference = value.trim();
    let mut errors = Vec::new();
    if has_forbidden(reference) {
        errors.push(ValidationError::new(
            "customer_reference.invalid_characters",
            field,
        ));
    }
    let max = match insurer {
        Some(Insurer::AllianzTrade) => ALLIANZ_MAX_CHARS,
        _ => DEFAULT_MAX_CHARS,
    };
    if char_count(reference) > max {
        errors.push(
            ValidationError::new("customer_reference.too_long", field).with_param("max", max),
        );
    }
    if errors.is_empty() {
        Ok(reference.to_owned())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_depend_on_the_insurer() {
        let twenty_one = "R".repeat(21);
        assert!(validate_customer_reference(&twenty_one, None).is_ok());
        assert!(validate_customer_reference(&twenty_one, Some(Insurer::Coface)).is_ok());
        let error =
            &validate_customer_reference(&twenty_one, Some(Insurer::AllianzTrade)).unwrap_err()[0];
        assert_eq!(error.code, "customer_reference.too_long");
        assert_eq!(error.params["max"], "20");
        assert!(validate_customer_reference(&"é".repeat(20), Some(Insurer::AllianzTrade)).is_ok());
        let error = &validate_customer_reference(&"R".repeat(36), None).unwrap_err()[0];
        assert_eq!(error.params["max"], "35");
    }

    #[test]
    fn blank_means_none_or_erase() {
        assert_eq!(
            validate_customer_reference("   ", Some(Insurer::Coface)).unwrap(),
            ""
        );
        assert_eq!(validate_customer_reference("", None).unwrap(), "");
        assert_eq!(
            validate_customer_reference(" REF  01 ", None).unwrap(),
            "REF  01"
        );
    }

    #[test]
    fn refuses_control_characters() {
        let errors = validate_customer_reference("RE\tF", None).unwrap_err();
        assert_eq!(errors[0].code, "customer_reference.invalid_characters");
        assert_eq!(errors[0].field, "customerReference");
    }
}
