//! Property tests of `tradecover_core::field`: no rule panics on any input, every error code is
//! listed, and every normalised value is a fixed point.

use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use tradecover_core::currency::{self, Currency};
use tradecover_core::field::{
    validate_document, validate_field, DocumentUpload, Field, FieldContext, CODES,
};
use tradecover_core::insurer::Insurer;
use tradecover_core::locale::Locale;
use tradecover_core::money;
use tradecover_core::Country;

const COUNTRIES: &[&str] = &[
    "FR", "BE", "NL", "DE", "IT", "ES", "GB", "CH", "AT", "IE", "LV", "LT", "MT", "PL", "PT", "CZ",
    "US", "PR", "CA", "AU", "DK", "GL", "FO", "AR", "JP", "GG",
];

fn context() -> impl Strategy<Value = FieldContext> {
    (
        option::of(select(COUNTRIES).prop_map(|code| Country::from_alpha2(code).unwrap())),
        option::of(select(Currency::all().collect::<Vec<_>>())),
        select(&["en", "fr", "de-CH", "es", "it", "nl-BE"][..]).prop_map(Locale::parse),
        option::of(select(Insurer::ALL.to_vec())),
        option::of(any::<i64>()),
    )
        .prop_map(
            |(country, currency, locale, insurer, max_amount_minor)| FieldContext {
                country,
                currency,
                locale,
                insurer,
                max_amount_minor,
            },
        )
}

/// Arbitrary text, and text made of the characters the rules care about.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,40}",
        "[a-zA-Z0-9 \\-.,:/?#@%\u{a0}\u{7}\u{202e}\r\n\t]{0,60}",
        "https://[a-z0-9.:\\[\\]@-]{0,20}[/?#%a-z0-9]{0,20}",
        "[0-9 A-Z-]{0,14}",
    ]
}

fn known(code: &str) -> bool {
    CODES.contains(&code) || money::CODES.contains(&code) || currency::CODES.contains(&code)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn rules_never_panic_and_use_listed_codes(
        field in select(Field::ALL.to_vec()),
        value in value(),
        context in context(),
    ) {
        if let Err(errors) = validate_field(field, &value, &context) {
            prop_assert!(!errors.is_empty());
            for error in errors {
                prop_assert!(known(&error.code), "{}", error);
                prop_assert!(
                    error.field == field.as_str() || error.field == "currency",
                    "{} on {}", error, field
                );
            }
        }
    }

    #[test]
    fn normalised_values_are_fixed_points(
        field in select(Field::ALL.to_vec()),
        value in value(),
        context in context(),
    ) {
        // An amount is normalised to minor units, a different notation: skip it.
        prop_assume!(field != Field::Amount);
        if let Ok(normalised) = validate_field(field, &value, &context) {
            prop_assert_eq!(validate_field(field, &normalised, &context), Ok(normalised.clone()));
        }
    }

    #[test]
    fn documents_never_panic_and_use_listed_codes(
        file_name in value(),
        media_type in prop_oneof![
            any::<String>(),
            select(&["application/pdf", "image/jpeg", "", "text/plain"][..]).prop_map(String::from),
        ],
        size_bytes in any::<u64>(),
        attached in prop::collection::vec(value(), 0..5),
    ) {
        let upload = DocumentUpload { file_name, media_type, size_bytes };
        for error in validate_document(&upload, &attached) {
            prop_assert!(CODES.contains(&error.code.as_str()), "{}", error);
            prop_assert_eq!(error.field.as_str(), "document");
        }
    }
}
