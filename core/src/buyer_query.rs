//! What a person typed to find a buyer, validated.

use serde::{Deserialize, Serialize};

use crate::country::Country;
use crate::validation_error::ValidationError;

/// Fewest characters of a company name worth sending to an insurer.
pub const NAME_MIN_CHARS: usize = 2;
/// Most characters of a company name an insurer accepts.
pub const NAME_MAX_CHARS: usize = 120;
/// Most characters of a town name.
pub const TOWN_MAX_CHARS: usize = 80;
/// Most characters of a postal code (any country).
pub const POSTCODE_MAX_CHARS: usize = 12;

/// A validated search for a buyer by name, within one country, optionally narrowed by town or
/// postal code (Coface advises sending only the most representative part of the name, plus the
/// town or the postal code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BuyerQuery {
    /// Company name, trimmed, inner blanks collapsed.
    pub name: String,
    /// Country of the buyer.
    pub country: Country,
    /// Town, trimmed; `None` when left blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    /// Postal code, trimmed; `None` when left blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
}

impl BuyerQuery {
    /// Validates a name search from raw text. Every problem is reported, not only the first.
    pub fn by_name(
        name: &str,
        country: &str,
        town: Option<&str>,
        postcode: Option<&str>,
    ) -> Result<Self, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let name = collapse_blanks(name);
        let name_chars = name.chars().count();
        if name.is_empty() {
            errors.push(ValidationError::new("name.required", "name"));
        } else if has_control(&name) {
            errors.push(ValidationError::new("name.invalid_characters", "name"));
        } else if !name.chars().any(char::is_alphanumeric) {
            errors.push(ValidationError::new("name.no_letters", "name"));
        } else if name_chars < NAME_MIN_CHARS {
            errors.push(
                ValidationError::new("name.too_short", "name").with_param("min", NAME_MIN_CHARS),
            );
        } else if name_chars > NAME_MAX_CHARS {
            errors.push(
                ValidationError::new("name.too_long", "name").with_param("max", NAME_MAX_CHARS),
            );
        }
        let country = Country::parse(country)
            .map_err(|error| errors.push(error))
            .ok();
        let town = optional(town);
        if let Some(town) = &town {
            if has_control(town) {
                errors.push(ValidationError::new("town.invalid_characters", "town"));
            } else if town.chars().count() > TOWN_MAX_CHARS {
                errors.push(
                    ValidationError::new("town.too_long", "town").with_param("max", TOWN_MAX_CHARS),
                );
            }
        }
        let postcode = optional(postcode);
        if let Some(postcode) = &postcode {
            if !postcode
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
            {
                errors.push(ValidationError::new(
                    "postcode.invalid_characters",
                    "postcode",
                ));
            } else if postcode.chars().count() > POSTCODE_MAX_CHARS {
                errors.push(
                    ValidationError::new("postcode.too_long", "postcode")
                        .with_param("max", POSTCODE_MAX_CHARS),
                );
            }
        }
        match country {
            Some(country) if errors.is_empty() => Ok(Self {
                name,
                country,
                town,
                postcode,
            }),
            _ => Err(errors),
        }
    }
}

/// Trims and collapses every run of white space into one blank.
fn collapse_blanks(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn optional(text: Option<&str>) -> Option<String> {
    text.map(collapse_blanks).filter(|text| !text.is_empty())
}

fn has_control(text: &str) -> bool {
    text.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(result: Result<BuyerQuery, Vec<ValidationError>>) -> Vec<String> {
        result.unwrap_err().into_iter().map(|e| e.code).collect()
    }

    #[test]
    fn accepts_and_normalises_a_name_search() {
        let query =
            BuyerQuery::by_name("  Dupont \t Logistique ", "fr", Some(" "), Some(" 75 ")).unwrap();
        assert_eq!(query.name, "Dupont Logistique");
        assert_eq!(query.country.alpha3(), "FRA");
        assert_eq!(query.town, None);
        assert_eq!(query.postcode.as_deref(), Some("75"));
    }

    #[test]
    fn reports_every_problem() {
        assert_eq!(
            codes(BuyerQuery::by_name("", "XX", None, None)),
            ["name.required", "country.unknown"]
        );
        assert_eq!(
            codes(BuyerQuery::by_name("a", "FR", None, Some("75<"))),
            ["name.too_short", "postcode.invalid_characters"]
        );
        assert_eq!(
            codes(BuyerQuery::by_name("--", "FR", None, None)),
            ["name.no_letters"]
        );
        assert_eq!(
            codes(BuyerQuery::by_name("ab\u{7}c", "", None, None)),
            ["name.invalid_characters", "country.required"]
        );
        let long = "x".repeat(NAME_MAX_CHARS + 1);
        assert_eq!(
            codes(BuyerQuery::by_name(
                &long,
                "FR",
                Some(&"t".repeat(81)),
                None
            )),
            ["name.too_long", "town.too_long"]
        );
    }

    #[test]
    fn counts_characters_not_bytes() {
        assert!(BuyerQuery::by_name("Éé", "FR", None, None).is_ok());
        assert!(BuyerQuery::by_name(&"é".repeat(NAME_MAX_CHARS), "FR", None, None).is_ok());
    }
}
