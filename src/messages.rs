//! English messages for the machine codes the widgets show. (Catalogues in more languages come
//! with the locale work; the codes are what integrators rely on.)

use tradecover_core::{InsurerError, ValidationError};

/// The message for a validation error.
pub fn validation_message(error: &ValidationError) -> String {
    let param = |key: &str| error.params.get(key).cloned().unwrap_or_default();
    match error.code.as_str() {
        "name.required" => "Type the company's name.".to_owned(),
        "name.too_short" => format!("Type at least {} characters of the name.", param("min")),
        "name.too_long" => format!("A company name has at most {} characters.", param("max")),
        "name.no_letters" => "A company name needs letters or digits.".to_owned(),
        "name.invalid_characters" => "The name contains characters that cannot be sent.".to_owned(),
        "country.required" => "Choose the company's country.".to_owned(),
        "country.unknown" => format!("“{}” is not a known country code.", param("value")),
        "insurer.required" => "No insurer is configured for this search.".to_owned(),
        "insurer.unknown" => format!(
            "“{}” is not a supported insurer (allianz-trade, atradius or coface).",
            param("value")
        ),
        "insurer.unsupported" => format!(
            "Searching {} buyers is not available yet in this version.",
            param("insurer")
        ),
        "town.too_long" => format!("A town has at most {} characters.", param("max")),
        "town.invalid_characters" => "The town contains characters that cannot be sent.".to_owned(),
        "postcode.too_long" => format!("A postal code has at most {} characters.", param("max")),
        "postcode.invalid_characters" => {
            "A postal code has only letters, digits, blanks and dashes.".to_owned()
        }
        other => format!("Invalid value ({other})."),
    }
}

/// The message for an insurer error.
pub fn insurer_message(error: &InsurerError) -> String {
    match error {
        InsurerError::Unauthorized { .. } => {
            "The insurer refused the portal's credentials. Please contact your administrator."
                .to_owned()
        }
        InsurerError::LockedOut { .. } => {
            "The insurer account is temporarily locked. Please try again in a few minutes."
                .to_owned()
        }
        InsurerError::Rejected { message, .. } if !message.is_empty() => {
            format!("The insurer refused the search: {message}")
        }
        InsurerError::Rejected { .. } => "The insurer refused the search.".to_owned(),
        InsurerError::Unavailable { .. } => {
            "The insurer is not reachable right now. Please try again.".to_owned()
        }
        _ => "The insurer's answer could not be read.".to_owned(),
    }
}

/// The message for a request that got no answer.
pub fn network_message(_detail: &str) -> String {
    "The search could not reach the server. Check the connection and try again.".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_buyer_query_error_has_a_message() {
        let cases = [
            ("", "FR"),
            ("a", "FR"),
            ("--", "FR"),
            ("x\u{1}", "FR"),
            ("ok", ""),
            ("ok", "QQ"),
        ];
        for (name, country) in cases {
            for error in
                tradecover_core::BuyerQuery::by_name(name, country, None, None).unwrap_err()
            {
                let message = validation_message(&error);
                assert!(!message.starts_with("Invalid value"), "{error}: {message}");
            }
        }
    }
}
