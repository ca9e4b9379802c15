//! Field rules: never panic on any text or context, and report only known codes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradecover_core::currency::Currency;
use tradecover_core::field::{validate_document, validate_field, DocumentUpload, Field, FieldContext};
use tradecover_core::locale::Locale;
use tradecover_core::{Country, Insurer};

fuzz_target!(|data: &[u8]| {
    let [field, country, currency, insurer, locale, rest @ ..] = data else {
        return;
    };
    let countries: Vec<Country> = Country::all().collect();
    let currencies: Vec<Currency> = Currency::all().collect();
    let context = FieldContext {
        country: Some(countries[usize::from(*country) % countries.len()]),
        currency: Some(currencies[usize::from(*currency) % currencies.len()]),
        locale: Locale::parse(["en", "fr-FR", "de-CH", "nl", "es", "it"][usize::from(*locale) % 6]),
        insurer: Insurer::ALL.get(usize::from(*insurer) % 4).copied(),
        max_amount_minor: (insurer % 2 == 0).then_some(i64::from(*insurer) * 100_000),
    };
    let field = Field::ALL[usize::from(*field) % Field::ALL.len()];
    let text = String::from_utf8_lossy(rest);
    if let Err(errors) = validate_field(field, &text, &context) {
        for error in errors {
            assert!(tradecover_core::messages::all_codes().contains(&error.code.as_str()), "unknown code {}", error.code);
        }
    }
    let upload = DocumentUpload {
        file_name: text.to_string(),
        media_type: String::from_utf8_lossy(&rest[..rest.len().min(40)]).into_owned(),
        size_bytes: u64::from(*country) << 17,
    };
    for error in validate_document(&upload, &[text.to_string()]) {
        assert!(tradecover_core::messages::all_codes().contains(&error.code.as_str()), "unknown code {}", error.code);
    }
});
