//! Money: parsing never panics, errors carry known codes, and what is formatted parses back to
//! the same amount in every supported locale.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradecover_core::currency::Currency;
use tradecover_core::locale::Locale;
use tradecover_core::money::{format_money, parse_money};

const LOCALES: [&str; 8] = ["en", "en-GB", "fr", "de", "de-CH", "nl", "es", "it"];

fuzz_target!(|data: &[u8]| {
    let [currency_selector, locale_selector, rest @ ..] = data else {
        return;
    };
    let currencies: Vec<Currency> = Currency::all().collect();
    let currency = currencies[usize::from(*currency_selector) % currencies.len()];
    let locale = Locale::parse(LOCALES[usize::from(*locale_selector) % LOCALES.len()]);
    let text = String::from_utf8_lossy(rest);
    match parse_money(&text, currency, &locale) {
        Err(error) => assert!(tradecover_core::messages::all_codes().contains(&error.code.as_str()), "unknown code {}", error.code),
        Ok(money) => {
            let shown = format_money(&money, &locale);
            let back = parse_money(&shown, currency, &locale).expect("formatted money parses");
            assert_eq!(back, money, "{text:?} → {shown:?}");
        }
    }
});
