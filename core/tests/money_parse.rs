//! `parse_money` on what people type.

use tradecover_core::currency::Currency;
use tradecover_core::locale::Locale;
use tradecover_core::money::{parse_money, CODES};
use tradecover_core::ValidationError;

fn parse_in(text: &str, code: &str, tag: &str) -> Result<i64, ValidationError> {
    let currency = Currency::parse(code).unwrap();
    parse_money(text, currency, &Locale::parse(tag)).map(|money| {
        assert_eq!(money.currency, currency);
        money.minor
    })
}

fn eur(text: &str, tag: &str) -> Result<i64, String> {
    parse_in(text, "EUR", tag).map_err(|error| {
        assert!(CODES.contains(&error.code.as_str()), "{error}");
        assert_eq!(error.field, "amount");
        error.code
    })
}

#[test]
fn accepts_the_usual_ways_of_typing() {
    for (text, tag) in [
        ("1 000,50", "fr"),
        ("1.000,50", "de"),
        ("1,000.50", "en"),
        ("1'000.50", "de-CH"),
        ("1’000.50", "de-CH"),
        ("1\u{a0}000,50", "fr"),
        ("1\u{202f}000,50", "fr"),
        ("1\u{2009}000,50", "fr"),
        ("€ 1.000,50", "nl"),
        ("€1.000,50", "es"),
        ("1.000,50 EUR", "it"),
        ("1.000,50eur", "de"),
        ("EUR 1,000.50", "en"),
        ("  1000.50  ", "en"),
        ("\t1000,50\n", "fr"),
        ("1000,5", "de"),
        ("1 000.50 €", "fr"),
        ("1,000.50", "de"),
        ("1.000,50", "en"),
        ("1.000.000,50 €", "es"),
        ("1000.50 euros", "fr"),
    ] {
        let expected = if text.contains("000.000") {
            100_000_050
        } else {
            100_050
        };
        assert_eq!(eur(text, tag), Ok(expected), "{text:?} in {tag}");
    }
    assert_eq!(eur("1000", "en"), Ok(100_000));
    assert_eq!(eur("1 000", "fr"), Ok(100_000));
    assert_eq!(eur("1\u{a0}000", "de"), Ok(100_000));
    assert_eq!(eur("1\u{202f}000", "en"), Ok(100_000));
    assert_eq!(eur("0", "en"), Ok(0));
    assert_eq!(eur("0,05", "fr"), Ok(5));
    assert_eq!(eur(",05", "fr"), Ok(5));
    assert_eq!(eur("007", "en"), Ok(700));
}

#[test]
fn negative_amounts_parse() {
    assert_eq!(eur("-1000", "en"), Ok(-100_000));
    assert_eq!(eur("-€1,000.50", "en"), Ok(-100_050));
    assert_eq!(eur("€ -1.000,50", "nl"), Ok(-100_050));
    assert_eq!(eur("-1 000,50 €", "fr"), Ok(-100_050));
    assert_eq!(eur("EUR-1'000.50", "de-CH"), Ok(-100_050));
    assert_eq!(eur("−1000", "en"), Ok(-100_000));
    assert_eq!(eur("-0", "en"), Ok(0));
}

#[test]
fn the_ambiguous_separator_follows_the_locale() {
    // Once, before exactly three digits: a group where the locale groups with it…
    assert_eq!(eur("1,000", "en"), Ok(100_000));
    assert_eq!(eur("1.000", "de"), Ok(100_000));
    assert_eq!(eur("1.000", "fr"), Ok(100_000));
    assert_eq!(eur("1.000", "nl"), Ok(100_000));
    assert_eq!(eur("1.000", "es"), Ok(100_000));
    assert_eq!(eur("1.000", "it"), Ok(100_000));
    // …and the decimal separator elsewhere.
    assert_eq!(eur("1.000", "en"), Err("amount.too_many_decimals".into()));
    assert_eq!(eur("1,000", "de"), Err("amount.too_many_decimals".into()));
    assert_eq!(
        eur("1.000", "de-CH"),
        Err("amount.too_many_decimals".into())
    );
    let kwd = |text: &str, tag: &str| parse_in(text, "KWD", tag).unwrap();
    assert_eq!(kwd("1.000", "en"), 1_000);
    assert_eq!(kwd("1,000", "en"), 1_000_000);
    assert_eq!(kwd("1,000", "fr"), 1_000);
    assert_eq!(kwd("1.000", "de-CH"), 1_000);
    // Not before three digits: always decimal.
    assert_eq!(eur("1,5", "en"), Ok(150));
    assert_eq!(eur("1.5", "de"), Ok(150));
    assert_eq!(eur("1,0000", "en"), Err("amount.too_many_decimals".into()));
    // Repeated: always grouping.
    assert_eq!(eur("1.000.000", "en"), Ok(100_000_000));
    assert_eq!(eur("1,000,000", "de"), Ok(100_000_000));
    // With blanks or apostrophes grouping already, a lone separator is decimal.
    assert_eq!(
        eur("1 000,500", "en"),
        Err("amount.too_many_decimals".into())
    );
    assert_eq!(parse_in("1'000,500", "KWD", "de-CH").unwrap(), 1_000_500);
    // Both: the last one is decimal.
    assert_eq!(eur("1.000,5", "en"), Ok(100_050));
    assert_eq!(eur("1,000.5", "fr"), Ok(100_050));
}

#[test]
fn groups_must_have_three_digits_and_one_kind() {
    for text in [
        "1,00,000",
        "1.0000.000",
        "1 00",
        "1'00",
        "1000,000,00",
        "1.000 000",
        "1 000'000",
        "1  000",
        ",000",
        "1,000.000.50",
    ] {
        assert_eq!(eur(text, "en"), Err("amount.format".into()), "{text:?}");
    }
}

#[test]
fn refuses_letters_and_junk() {
    for text in [
        "1.5k",
        "1e5",
        "abc",
        "€",
        "-",
        ".",
        "1 000 € EUR",
        "€ 100 €",
        "10 20 30x",
        "1-000",
        "1000-",
        "--5",
        "(100)",
        "١٠٠",
        "１００",
        "10%",
        "$$10",
        "1,000.50.",
        "EUR EUR 10",
    ] {
        assert_eq!(eur(text, "en"), Err("amount.format".into()), "{text:?}");
    }
    assert_eq!(eur("", "en"), Err("amount.required".into()));
    assert_eq!(eur(" \u{a0}\t", "en"), Err("amount.required".into()));
}

#[test]
fn another_currency_is_a_mismatch() {
    for (text, found) in [
        ("USD 100", "USD"),
        ("100 usd", "USD"),
        ("$100", "USD"),
        ("US$ 100", "USD"),
        ("100 $US", "USD"),
        ("£100", "GBP"),
        ("100 CHF", "CHF"),
        ("¥100", "JPY"),
        ("100 BGN", "BGN"),
    ] {
        let result = parse_in(text, "EUR", "en");
        if found == "BGN" {
            // A withdrawn code is not a currency any more: unreadable, not a mismatch.
            assert_eq!(result.unwrap_err().code, "amount.format");
            continue;
        }
        let error = result.unwrap_err();
        assert_eq!(error.code, "amount.currency_mismatch", "{text}");
        assert_eq!(error.params["expected"], "EUR");
        assert_eq!(error.params["found"], found, "{text}");
    }
    // The currency's own symbols, in any locale's spelling, are fine.
    assert_eq!(parse_in("$100", "USD", "fr").unwrap(), 10_000);
    assert_eq!(parse_in("100 $US", "USD", "en").unwrap(), 10_000);
    assert_eq!(parse_in("CA$100", "CAD", "en").unwrap(), 10_000);
    assert_eq!(parse_in("$100", "CAD", "en").unwrap(), 10_000);
    assert_eq!(parse_in("100 kr", "SEK", "en").unwrap(), 10_000);
    assert_eq!(parse_in("Fr. 100", "CHF", "de-CH").unwrap(), 10_000);
    assert_eq!(parse_in("100 F CFA", "XOF", "fr").unwrap(), 100);
    assert_eq!(parse_in("¥100", "CNY", "en").unwrap(), 10_000);
}

#[test]
fn too_many_decimals_names_the_maximum() {
    let error = parse_in("10.505", "EUR", "en").unwrap_err();
    assert_eq!(error.code, "amount.too_many_decimals");
    assert_eq!(error.params["max"], "2");
    let error = parse_in("1.5", "JPY", "en").unwrap_err();
    assert_eq!(error.params["max"], "0");
    assert_eq!(parse_in("1.505", "KWD", "en").unwrap(), 1_505);
    let error = parse_in("1.5055", "KWD", "en").unwrap_err();
    assert_eq!(error.params["max"], "3");
    assert_eq!(parse_in("1,0000", "CLF", "de").unwrap(), 10_000);
}

#[test]
fn overflow_is_too_large() {
    assert_eq!(
        parse_in("92233720368547758.07", "EUR", "en").unwrap(),
        i64::MAX
    );
    assert_eq!(
        parse_in("-92233720368547758.08", "EUR", "en").unwrap(),
        i64::MIN
    );
    for text in [
        "92233720368547758.08",
        "-92233720368547758.09",
        "100000000000000000000",
        "999999999999999999999999999999999999999999999999",
    ] {
        let error = parse_in(text, "EUR", "en").unwrap_err();
        assert_eq!(error.code, "amount.too_large", "{text}");
        assert_eq!(error.params["max"], "€92,233,720,368,547,758.07");
    }
    assert_eq!(
        parse_in("9223372036854775808", "JPY", "fr")
            .unwrap_err()
            .params["max"],
        "9\u{202f}223\u{202f}372\u{202f}036\u{202f}854\u{202f}775\u{202f}807\u{a0}JPY"
    );
}
