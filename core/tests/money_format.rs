//! `format_money` against what `Intl.NumberFormat` writes, literally.

use tradecover_core::currency::Currency;
use tradecover_core::locale::Locale;
use tradecover_core::money::{format_money, parse_money, Money};

fn format(minor: i64, code: &str, tag: &str) -> String {
    let currency = Currency::parse(code).unwrap();
    format_money(&Money::from_minor(minor, currency), &Locale::parse(tag))
}

#[test]
fn headline_strings_per_locale() {
    // en: symbol first, no space after a sign.
    assert_eq!(format(100_050, "EUR", "en"), "€1,000.50");
    assert_eq!(format(-100_050, "EUR", "en"), "-€1,000.50");
    assert_eq!(format(100_050, "USD", "en"), "$1,000.50");
    assert_eq!(format(100_050, "CHF", "en"), "CHF\u{a0}1,000.50");
    assert_eq!(format(1_000, "JPY", "en"), "¥1,000");
    // en-GB
    assert_eq!(format(100_050, "GBP", "en-GB"), "£1,000.50");
    assert_eq!(format(100_050, "USD", "en-GB"), "US$1,000.50");
    // fr: U+202F groups, U+00A0 before the symbol.
    assert_eq!(format(100_050, "EUR", "fr"), "1\u{202f}000,50\u{a0}€");
    assert_eq!(format(-100_050, "EUR", "fr-FR"), "-1\u{202f}000,50\u{a0}€");
    assert_eq!(format(100_050, "USD", "fr"), "1\u{202f}000,50\u{a0}$US");
    assert_eq!(format(100_050, "CHF", "fr-CH"), "1\u{202f}000.50\u{a0}CHF");
    // de
    assert_eq!(format(100_050, "EUR", "de"), "1.000,50\u{a0}€");
    assert_eq!(format(100_050, "EUR", "de-AT"), "€\u{a0}1.000,50");
    // de-CH: U+0027 groups since CLDR 48 (Chromium before it wrote U+2019).
    assert_eq!(format(100_050, "CHF", "de-CH"), "CHF\u{a0}1'000.50");
    assert_eq!(format(-100_050, "CHF", "de-CH"), "CHF-1'000.50");
    assert_eq!(format(100_050, "EUR", "de-CH"), "EUR\u{a0}1'000.50");
    // nl: symbol first, minus after the space.
    assert_eq!(format(100_050, "EUR", "nl"), "€\u{a0}1.000,50");
    assert_eq!(format(-100_050, "EUR", "nl-BE"), "€\u{a0}-1.000,50");
    // es: grouping only from five integer digits.
    assert_eq!(format(100_050, "EUR", "es"), "1000,50\u{a0}€");
    assert_eq!(format(1_000_050, "EUR", "es"), "10.000,50\u{a0}€");
    assert_eq!(format(123_456_789, "EUR", "es"), "1.234.567,89\u{a0}€");
    // it: the same since CLDR 46 (older Chromium wrote 1.000,50 €).
    assert_eq!(format(100_050, "EUR", "it"), "1000,50\u{a0}€");
    assert_eq!(format(1_000_050, "EUR", "it"), "10.000,50\u{a0}€");
    assert_eq!(format(1_000_050, "CHF", "it-CH"), "CHF\u{a0}10'000.50");
    // minor units: 0, 3, 4
    assert_eq!(format(1_000_500, "KWD", "en"), "KWD\u{a0}1,000.500");
    assert_eq!(format(10_005_000, "CLF", "de"), "1.000,5000\u{a0}CLF");
    assert_eq!(format(1_001, "XOF", "fr"), "1\u{202f}001\u{a0}F\u{202f}CFA");
}

#[test]
fn deliberately_keeps_iso_decimals_where_intl_rounds() {
    // Intl writes `HUF 1,001` (CLDR rounds HUF to whole forints); the amount is kept exact.
    assert_eq!(format(100_050, "HUF", "en"), "HUF\u{a0}1,000.50");
}

struct Case {
    line: usize,
    tag: &'static str,
    currency: Currency,
    minor: i64,
    expected: &'static str,
}

fn cases() -> Vec<Case> {
    include_str!("data/money_format_intl.tsv")
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.is_empty())
        .map(|(index, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "line {}", index + 1);
            Case {
                line: index + 1,
                tag: fields[0],
                currency: Currency::parse(fields[1]).unwrap(),
                minor: fields[2].parse().unwrap(),
                expected: fields[3],
            }
        })
        .collect()
}

#[test]
fn matches_intl_for_every_currency_and_style() {
    let cases = cases();
    assert!(cases.len() > 3000);
    let mut failures = Vec::new();
    for case in &cases {
        let money = Money::from_minor(case.minor, case.currency);
        let actual = format_money(&money, &Locale::parse(case.tag));
        if actual != case.expected {
            failures.push(format!(
                "line {}: {} {:?} {}: got {actual:?}, Intl {:?}",
                case.line, case.tag, case.currency, case.minor, case.expected
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn parses_what_intl_writes() {
    let mut failures = Vec::new();
    for case in cases() {
        let parsed = parse_money(case.expected, case.currency, &Locale::parse(case.tag));
        if parsed != Ok(Money::from_minor(case.minor, case.currency)) {
            failures.push(format!(
                "line {}: {:?} in {}: {parsed:?}",
                case.line, case.expected, case.tag
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
