//! The small parsers of typed or configured text: country, insurer, locale, currency, kind,
//! and the buyer name search.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradecover_core::currency::Currency;
use tradecover_core::identifier::parse_kind;
use tradecover_core::locale::Locale;
use tradecover_core::{BuyerQuery, Country, Insurer};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(country) = Country::parse(&text) {
        assert_eq!(Country::parse(country.alpha3()), Ok(country));
    }
    if let Ok(insurer) = Insurer::parse(&text) {
        assert_eq!(Insurer::parse(insurer.as_str()), Ok(insurer));
    }
    let locale = Locale::parse(&text);
    assert_eq!(Locale::parse(&locale.tag()), locale);
    if let Ok(currency) = Currency::parse(&text) {
        assert_eq!(Currency::parse(currency.code()), Ok(currency));
    }
    let _ = parse_kind(&text);
    let mut parts = text.splitn(4, '|');
    let (name, country, town, postcode) = (parts.next(), parts.next(), parts.next(), parts.next());
    if let Ok(query) = BuyerQuery::by_name(name.unwrap_or(""), country.unwrap_or(""), town, postcode) {
        let again = BuyerQuery::by_name(&query.name, query.country.alpha2(), query.town.as_deref(), query.postcode.as_deref());
        assert_eq!(again, Ok(query));
    }
});
