//! Writing an amount the way the user's browser would.

use super::style::{self, Layout, Style, NBSP};
use super::Money;
use crate::locale::Locale;

/// Writes `money` as `new Intl.NumberFormat(locale, {style: 'currency', currency}).format(x)`
/// does in Chromium (ICU 78, CLDR 48), for example with 1000.50:
///
/// | locale | result | notes |
/// |---|---|---|
/// | en, en-US | `€1,000.50`, `-€1,000.50`, `CHF 1,000.50` | U+00A0 after a letter symbol |
/// | en-GB, en-IE (and other `en-001` regions) | `£1,000.50`, `US$1,000.50` | |
/// | fr, fr-FR, fr-BE | `1 000,50 €` | U+202F groups, U+00A0 before the symbol |
/// | fr-CH | `1 000.50 CHF` | U+202F groups, decimal point |
/// | fr-LU | `1.000,50 €` | |
/// | de, de-DE | `1.000,50 €` | U+00A0 |
/// | de-AT | `€ 1.000,50`, `-€ 1.000,50` | U+00A0 |
/// | de-CH | `CHF 1'000.50`, `CHF-1'000.50`, `EUR 1'000.50` | U+0027 since CLDR 48, was U+2019 |
/// | de-LI | `CHF 1'000.50`, `-CHF 1'000.50` | |
/// | nl, nl-BE | `€ 1.000,50`, `€ -1.000,50` | U+00A0 |
/// | es | `1000,50 €`, `10.000,50 €` | groups only from five integer digits |
/// | it | `1000,50 €`, `10.000,50 €` | groups only from five integer digits since CLDR 46 |
/// | it-CH | `CHF 1000.50`, `CHF 10'000.50` | |
///
/// Symbols are those the locale uses (`€`, `$`/`US$`/`$US`, `£`/`£GB`, `¥`/`JP¥`, `CA$`…);
/// currencies without one are written as their code (`CHF`, `SEK`). Other regions are written
/// as their language (see the style table).
///
/// One deliberate difference: the number of decimals is always the currency's ISO 4217 minor
/// unit, so that nothing is rounded away. Intl shows fewer for 16 currencies where CLDR rounds
/// (AFN ALL COP HUF IDR IQD IRR KPW LAK LBP MGA MMK PKR SOS SYP YER show no decimals there).
pub fn format_money(money: &Money, locale: &Locale) -> String {
    let style = style::for_locale(locale);
    let symbol = style.symbol(money.currency);
    let number = format_number(
        money.minor.unsigned_abs(),
        money.currency.minor_units(),
        style,
    );
    let negative = money.minor < 0;
    let minus = if negative { "-" } else { "" };
    match style.layout {
        Layout::PrefixTight => {
            let needs_space = !symbol.chars().last().is_some_and(style::is_currency_sign);
            let space = if needs_space { "\u{a0}" } else { "" };
            format!("{minus}{symbol}{space}{number}")
        }
        Layout::PrefixMinusFirst => format!("{minus}{symbol}{NBSP}{number}"),
        Layout::PrefixMinusAfterSymbol if negative => format!("{symbol}-{number}"),
        Layout::PrefixMinusAfterSymbol => format!("{symbol}{NBSP}{number}"),
        Layout::PrefixMinusAfterSpace => format!("{symbol}{NBSP}{minus}{number}"),
        Layout::Suffix => format!("{minus}{number}{NBSP}{symbol}"),
    }
}

/// `magnitude` minor units with `units` decimals, grouped and separated as `style` says.
fn format_number(magnitude: u64, units: u32, style: &Style) -> String {
    let units = units as usize;
    let mut digits = magnitude.to_string();
    if digits.len() <= units {
        digits = format!("{digits:0>width$}", width = units + 1);
    }
    // Only ASCII digits: every byte index is a character boundary.
    let (integer, fraction) = digits.split_at(digits.len() - units);
    let mut out = String::with_capacity(digits.len() * 2);
    let grouped = integer.len() >= style.group_from_digits;
    for (index, digit) in integer.chars().enumerate() {
        let remaining = integer.len() - index;
        if grouped && index > 0 && remaining % 3 == 0 {
            out.push(style.group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(style.decimal);
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::currency::Currency;

    fn eur(minor: i64, tag: &str) -> String {
        format_money(
            &Money::from_minor(minor, Currency::EUR),
            &Locale::parse(tag),
        )
    }

    #[test]
    fn formats_the_headline_examples() {
        assert_eq!(eur(100_050, "en"), "€1,000.50");
        assert_eq!(eur(100_050, "fr"), "1\u{202f}000,50\u{a0}€");
        assert_eq!(eur(100_050, "de"), "1.000,50\u{a0}€");
        assert_eq!(eur(100_050, "nl"), "€\u{a0}1.000,50");
        assert_eq!(eur(100_050, "es"), "1000,50\u{a0}€");
        assert_eq!(eur(1_000_050, "es"), "10.000,50\u{a0}€");
        assert_eq!(eur(5, "en"), "€0.05");
        assert_eq!(eur(0, "de"), "0,00\u{a0}€");
    }
}
