//! The insurers' own company keys, format only (no published check digits).
//!
//! - Allianz Trade company id (EH id): 6–10 digits.
//! - Coface EASY number: 19 digits when definitive; a temporary one (unknown company being
//!   investigated) is `Z` + digits, whose length is not public: `Z` + 1–18 digits accepted.

use super::clean::{compact, digits};
use super::problem::Problem;

/// `allianz.company_id`: 6–10 digits.
pub(super) fn allianz_company_id(compact: &str) -> Result<String, Problem> {
    let values = digits(compact).ok_or(Problem::Format)?;
    if (6..=10).contains(&values.len()) {
        Ok(compact.to_owned())
    } else {
        Err(Problem::Length { min: 6, max: 10 })
    }
}

/// `coface.easy`: 19 digits, or `Z` + 1–18 digits.
pub(super) fn coface_easy(compact: &str) -> Result<String, Problem> {
    if let Some(number) = compact.strip_prefix('Z') {
        let values = digits(number).ok_or(Problem::Format)?;
        return if (1..=18).contains(&values.len()) {
            Ok(compact.to_owned())
        } else {
            Err(Problem::Length { min: 2, max: 19 })
        };
    }
    let values = digits(compact).ok_or(Problem::Format)?;
    if values.len() == 19 {
        Ok(compact.to_owned())
    } else {
        Err(Problem::length(19))
    }
}

/// Whether `text` is a valid temporary Coface EASY number (`Z` + digits), however typed.
pub fn is_temporary_easy(text: &str) -> bool {
    compact(text)
        .and_then(|compact| coface_easy(&compact))
        .is_ok_and(|canonical| canonical.starts_with('Z'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allianz_ids() {
        assert_eq!(allianz_company_id("123456"), Ok("123456".to_owned()));
        assert_eq!(
            allianz_company_id("1234567890"),
            Ok("1234567890".to_owned())
        );
        assert_eq!(
            allianz_company_id("12345"),
            Err(Problem::Length { min: 6, max: 10 })
        );
        assert_eq!(
            allianz_company_id("12345678901"),
            Err(Problem::Length { min: 6, max: 10 })
        );
        assert_eq!(allianz_company_id("12345A"), Err(Problem::Format));
    }

    #[test]
    fn easy_numbers() {
        assert_eq!(
            coface_easy("1234567890123456789"),
            Ok("1234567890123456789".to_owned())
        );
        assert_eq!(coface_easy("Z1"), Ok("Z1".to_owned()));
        assert_eq!(
            coface_easy("Z123456789012345678"),
            Ok("Z123456789012345678".to_owned())
        );
        assert_eq!(
            coface_easy("Z1234567890123456789"),
            Err(Problem::Length { min: 2, max: 19 })
        );
        assert_eq!(coface_easy("Z"), Err(Problem::Length { min: 2, max: 19 }));
        assert_eq!(coface_easy("ZA1"), Err(Problem::Format));
        assert_eq!(coface_easy("123456789012345678"), Err(Problem::length(19)));
        assert_eq!(coface_easy("Y123"), Err(Problem::Format));
        assert!(is_temporary_easy(" z 0012 345 "));
        assert!(!is_temporary_easy("1234567890123456789"));
        assert!(!is_temporary_easy("Z"));
        assert!(!is_temporary_easy(""));
    }
}
