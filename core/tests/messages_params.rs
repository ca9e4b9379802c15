//! Every message the core can show fills all its `{param}`s: errors are produced from bad inputs
//! of every validator and rendered in every language.

use tradecover_core::cover_application::CoverApplicationDraft;
use tradecover_core::currency::Currency;
use tradecover_core::field::{
    validate_document, validate_field, DocumentUpload, Field, FieldContext,
};
use tradecover_core::identifier::{parse_kind, validate_identifier, IdentifierKind};
use tradecover_core::locale::{Language, Locale};
use tradecover_core::messages::{all_codes, message};
use tradecover_core::money::parse_money;
use tradecover_core::{BuyerQuery, Country, Insurer, ValidationError};

const BAD_TEXT: &[&str] = &[
    "",
    " ",
    "a",
    "--",
    "x\u{7}y",
    "12",
    "1 500",
    "-5",
    "1,2345",
    "99999999999999999999999",
    "USD 10",
    "http://example.com",
    "https://",
    "ftp://x",
    "0",
    "9999",
    "ZZ",
    "FR00000000000",
    "DE136695977",
    "HRB",
    "12345 Köln",
    "ÉÉÉ",
];

fn collect() -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let long = "x".repeat(3000);
    let texts: Vec<&str> = BAD_TEXT.iter().copied().chain([long.as_str()]).collect();
    for text in &texts {
        for kind in IdentifierKind::ALL {
            errors.extend(validate_identifier(*kind, text).err());
        }
        errors.extend(parse_kind(text).err());
        for country in ["US", "FR", "GB", "CA", "NL", "DE"] {
            for insurer in [
                Some(Insurer::Atradius),
                Some(Insurer::AllianzTrade),
                Some(Insurer::Coface),
                None,
            ] {
                let context = FieldContext {
                    country: Country::parse(country).ok(),
                    currency: Currency::parse("EUR").ok(),
                    locale: Locale::parse("fr-FR"),
                    insurer,
                    max_amount_minor: Some(100_000),
                };
                for field in Field::ALL {
                    if let Err(found) = validate_field(field, text, &context) {
                        errors.extend(found);
                    }
                }
            }
        }
        for currency in ["EUR", "JPY", "KWD"] {
            if let Ok(currency) = Currency::parse(currency) {
                errors.extend(parse_money(text, currency, &Locale::default()).err());
            }
        }
        errors.extend(Currency::parse(text).err());
        errors.extend(Country::parse(text).err());
        errors.extend(Insurer::parse(text).err());
        errors.extend(
            BuyerQuery::by_name(text, text, Some(text), Some(text))
                .err()
                .into_iter()
                .flatten(),
        );
        let upload = DocumentUpload {
            file_name: text.to_string(),
            media_type: "text/html".to_owned(),
            size_bytes: 50_000_000,
        };
        errors.extend(validate_document(&upload, &vec![text.to_string(); 600]));
        let draft = CoverApplicationDraft {
            insurer: "allianz-trade".to_owned(),
            cover_type: text.to_string(),
            amount: text.to_string(),
            currency: "EUR".to_owned(),
            ..CoverApplicationDraft::default()
        };
        errors.extend(
            draft
                .validate(&Locale::default())
                .err()
                .into_iter()
                .flatten(),
        );
    }
    errors
}

#[test]
fn every_rendered_message_has_its_params_filled() {
    let errors = collect();
    let codes = all_codes();
    for error in &errors {
        assert!(
            codes.contains(&error.code.as_str()),
            "{} is not a listed code",
            error.code
        );
        for language in Language::ALL {
            let text = message(language, error);
            assert!(!text.contains('{'), "{language:?} {error}: {text}");
            assert_ne!(
                text, error.code,
                "{language:?} has no message for {}",
                error.code
            );
        }
    }
    // The inputs above reach most codes; the catalogue test covers the rest.
    let reached: std::collections::BTreeSet<&str> =
        errors.iter().map(|e| e.code.as_str()).collect();
    assert!(
        reached.len() * 3 >= codes.len() * 2,
        "only {} of {} codes reached",
        reached.len(),
        codes.len()
    );
}
