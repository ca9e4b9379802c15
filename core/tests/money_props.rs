//! Property tests of `tradecover_core::money`.

use proptest::prelude::*;
use proptest::sample::select;
use tradecover_core::currency::Currency;
use tradecover_core::locale::Locale;
use tradecover_core::money::{format_money, parse_money, Money, CODES};

/// The six languages, every region with a format of its own, and a few that fall back.
const TAGS: &[&str] = &[
    "en", "fr", "de", "nl", "es", "it", "de-CH", "en-GB", "en-US", "en-IE", "fr-CH", "fr-LU",
    "fr-BE", "de-AT", "de-LI", "nl-BE", "it-CH", "es-MX", "en-CA", "xx",
];

fn currency() -> impl Strategy<Value = Currency> {
    select(Currency::all().collect::<Vec<_>>())
}

fn locale() -> impl Strategy<Value = Locale> {
    select(TAGS).prop_map(Locale::parse)
}

/// Minor amounts of every size, the extremes included.
fn minor() -> impl Strategy<Value = i64> {
    prop_oneof![
        any::<i64>(),
        -1_000_000i64..1_000_000,
        Just(i64::MAX),
        Just(i64::MIN),
        Just(0),
    ]
}

/// Text that looks like an amount more often than arbitrary text does.
fn amount_like() -> impl Strategy<Value = String> {
    "[-+−€$£¥ 0-9.,'’\u{a0}\u{202f}A-Za-z]{0,24}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parse_reads_back_what_format_writes(
        minor in minor(),
        currency in currency(),
        locale in locale(),
    ) {
        let money = Money::from_minor(minor, currency);
        let text = format_money(&money, &locale);
        let parsed = parse_money(&text, currency, &locale);
        prop_assert_eq!(parsed, Ok(money), "{:?} in {}", text, locale);
    }

    #[test]
    fn parse_never_panics_and_uses_listed_codes(
        text in prop_oneof![any::<String>(), amount_like()],
        currency in currency(),
        locale in locale(),
    ) {
        match parse_money(&text, currency, &locale) {
            Ok(money) => prop_assert_eq!(money.currency, currency),
            Err(error) => {
                prop_assert!(CODES.contains(&error.code.as_str()), "{}", error);
                prop_assert_eq!(error.field.as_str(), "amount");
            }
        }
    }

    #[test]
    fn plain_numbers_parse_in_every_locale(major in 0u32..1_000_000, locale in locale()) {
        let money = parse_money(&major.to_string(), Currency::EUR, &locale);
        // Digits alone are never ambiguous.
        prop_assert_eq!(money.map(|money| money.minor), Ok(i64::from(major) * 100));
    }
}
