//! Identifiers: validation never panics, errors carry known codes, canonical forms are fixed
//! points, every search variant that validates names the same number, and detection finds the
//! kind of a valid value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradecover_core::identifier::{
    detect_identifier, search_variants, validate_identifier, IdentifierKind,
};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let kind = IdentifierKind::ALL[usize::from(selector) % IdentifierKind::ALL.len()];
    let text = String::from_utf8_lossy(rest);
    match validate_identifier(kind, &text) {
        Err(error) => assert!(tradecover_core::messages::all_codes().contains(&error.code.as_str()), "unknown code {}", error.code),
        Ok(identifier) => {
            let again = validate_identifier(kind, &identifier.value).expect("canonical form validates");
            assert_eq!(again.value, identifier.value, "canonicalisation is idempotent");
            // A variant may be partial (de.hr without its court), but never another number.
            for variant in search_variants(kind, &identifier.value) {
                if let Ok(back) = validate_identifier(kind, &variant) {
                    // XI (Northern Ireland) and GB prefix the same UK registration number.
                    let same = |value: &str| value.strip_prefix("XI").map_or(value.to_owned(), |rest| format!("GB{rest}"));
                    assert_eq!(same(&back.value), same(&identifier.value), "variant {variant} of {}", identifier.value);
                }
            }
            if let Some(country) = kind.country() {
                assert!(
                    detect_identifier(country, &identifier.value).contains(&kind),
                    "{} not detected as {}",
                    identifier.value,
                    kind.as_str()
                );
            }
        }
    }
});
