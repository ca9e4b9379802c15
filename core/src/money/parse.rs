//! Reading an amount the way people type it.

use super::format::format_money;
use super::style::{self, Style, ALL_SYMBOLS, TYPED_SYMBOLS};
use super::Money;
use crate::currency::Currency;
use crate::locale::Locale;
use crate::validation_error::ValidationError;

const FIELD: &str = "amount";

/// Reads an amount of `currency` typed by a person using `locale`.
///
/// Accepted, in any supported locale:
/// - digits with an optional decimal part: `1000`, `1000.5`, `1000,50`, `.50`;
/// - grouping with `.` `,` `'` `’` or blanks (space, U+00A0, U+202F, U+2009, U+2007):
///   `1 000,50`, `1.000,50`, `1,000.50`, `1'000.50`, `1’000.50`; every group after the first
///   has exactly three digits, and one kind of grouping is used;
/// - a currency before or after the number, blanks allowed: `€ 1.000,50`, `1.000,50 EUR`,
///   `EUR 1,000.50`, `CHF-1'000.50`. It is ignored when it is `currency`'s code (any case) or a
///   symbol of it in any supported locale (`€`, `US$`, `$US`, `$`, `CA$`, `£GB`…), or a common
///   local sign (`kr`, `zł`, `Fr.`…);
/// - a sign `-` or `−` (U+2212) or `+`, first or just before the number: `-1000`, `-€1,000.50`,
///   `€ -1.000,50`. Negative amounts parse: positivity is a field rule.
///
/// Which separator is the decimal one:
/// - when both `.` and `,` appear, the last one (which must appear once);
/// - when one of them appears more than once, it groups;
/// - when one appears once, followed by exactly three digits, with no other grouping, and it is
///   the one this locale groups with (`,` where the decimal separator is `.` — en, de-CH, fr-CH,
///   it-CH —, `.` elsewhere), it groups: `1,000` is a thousand in English, `1.000` in German;
/// - otherwise it is the decimal separator: `1.000` is one in English, `1,000` in German.
///
/// Errors (field `amount`):
/// - `amount.required`: nothing but blanks;
/// - `amount.format`: anything else unreadable — letters (`1.5k`, `1e5`), groups of other than
///   three digits (`1,00,000`), two currencies, a trailing sign;
/// - `amount.too_many_decimals` (param `max`: the currency's minor units) — `10.505` in EUR,
///   `1.5` in JPY;
/// - `amount.too_large` (param `max`: the largest amount, formatted) when it does not fit in
///   64 bits of minor units;
/// - `amount.currency_mismatch` (params `expected`, `found`: codes) when another currency's
///   code or symbol is typed: `USD 100` or `$100` for an amount in EUR.
pub fn parse_money(
    text: &str,
    currency: Currency,
    locale: &Locale,
) -> Result<Money, ValidationError> {
    let style = style::for_locale(locale);
    let text = text.trim();
    if text.is_empty() {
        return Err(ValidationError::new("amount.required", FIELD));
    }
    let (Some(first), Some(last)) = (
        text.find(|c: char| c.is_ascii_digit()),
        text.rfind(|c: char| c.is_ascii_digit()),
    ) else {
        return Err(format_error());
    };
    // Every index below sits on an ASCII character, so every slice is on a char boundary.
    let mut start = first;
    let before_digits = &text[..first];
    if before_digits.ends_with(['.', ',']) {
        let ahead = before_digits[..first - 1].chars().last();
        if ahead.is_none_or(|c| c.is_whitespace() || is_sign(c) || style::is_currency_sign(c)) {
            start = first - 1;
        }
    }
    let (negative, prefix) = split_sign(&text[..start])?;
    let suffix = text[last + 1..].trim();
    if suffix.contains(is_sign) {
        return Err(format_error());
    }
    match (prefix.is_empty(), suffix.is_empty()) {
        (true, true) => {}
        (false, true) => check_currency(prefix, currency)?,
        (true, false) => check_currency(suffix, currency)?,
        (false, false) => return Err(format_error()),
    }
    let minor = read_number(&text[start..=last], currency, style, locale)?;
    let minor = if negative { -minor } else { minor };
    i64::try_from(minor)
        .map(|minor| Money::from_minor(minor, currency))
        .map_err(|_| too_large(currency, locale))
}

fn format_error() -> ValidationError {
    ValidationError::new("amount.format", FIELD)
}

fn too_large(currency: Currency, locale: &Locale) -> ValidationError {
    ValidationError::new("amount.too_large", FIELD).with_param(
        "max",
        format_money(&Money::from_minor(i64::MAX, currency), locale),
    )
}

fn is_sign(c: char) -> bool {
    matches!(c, '-' | '+' | '\u{2212}')
}

/// Takes one sign off the start or the end of what precedes the number; returns whether it was
/// a minus and what is left (a currency, or nothing).
fn split_sign(prefix: &str) -> Result<(bool, &str), ValidationError> {
    let prefix = prefix.trim();
    let mut chars = prefix.chars();
    let (sign, rest) = match (chars.next(), prefix.chars().next_back()) {
        (Some(c), _) if is_sign(c) => (Some(c), chars.as_str()),
        (_, Some(c)) if is_sign(c) => {
            let mut rest = prefix.chars();
            rest.next_back();
            (Some(c), rest.as_str())
        }
        _ => (None, prefix),
    };
    let rest = rest.trim();
    if rest.contains(is_sign) {
        return Err(format_error());
    }
    Ok((sign.is_some_and(|c| c != '+'), rest))
}

/// Accepts a currency marker that names `currency`; refuses another currency's code or symbol
/// (`amount.currency_mismatch`) and anything else (`amount.format`).
fn check_currency(marker: &str, currency: Currency) -> Result<(), ValidationError> {
    let marker: String = marker.chars().filter(|c| !c.is_whitespace()).collect();
    if names(&marker, currency) {
        return Ok(());
    }
    match named_currency(&marker) {
        Some(other) => Err(ValidationError::new("amount.currency_mismatch", FIELD)
            .with_param("expected", currency.code())
            .with_param("found", other.code())),
        None => Err(format_error()),
    }
}

/// `symbol` without blanks, as typed.
fn compact(symbol: &str) -> String {
    symbol.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The currency sign inside a symbol (`$` in `CA$` or `$US`, `¥` in `JP¥`), if it has one.
fn narrow(symbol: &str) -> Option<String> {
    let signs: String = symbol.chars().filter(|c| !c.is_alphabetic()).collect();
    (!signs.is_empty() && signs.chars().all(style::is_currency_sign)).then_some(signs)
}

/// How `marker` relates to one `(code, symbol)` entry: written exactly, typed (case-insensitive
/// local sign), or reduced to its currency sign.
fn symbol_matches(marker: &str, symbol: &str, exact_only: bool) -> bool {
    if compact(symbol) == marker {
        return true;
    }
    !exact_only && narrow(symbol).is_some_and(|sign| sign == marker)
}

fn typed_matches(marker: &str, symbol: &str) -> bool {
    symbol.to_lowercase() == marker.to_lowercase()
}

fn names(marker: &str, currency: Currency) -> bool {
    let code = currency.code();
    marker.eq_ignore_ascii_case(code)
        || ALL_SYMBOLS.iter().any(|table| {
            table
                .iter()
                .any(|(owner, symbol)| *owner == code && symbol_matches(marker, symbol, false))
        })
        || TYPED_SYMBOLS
            .iter()
            .any(|(owner, symbol)| *owner == code && typed_matches(marker, symbol))
}

/// The currency `marker` names, if any: a code, then an exact symbol, then a typed sign, then a
/// bare currency sign.
fn named_currency(marker: &str) -> Option<Currency> {
    if marker.len() == 3 {
        if let Some(currency) = Currency::from_code(marker) {
            return Some(currency);
        }
    }
    let in_tables = |exact_only: bool| {
        ALL_SYMBOLS.iter().find_map(|table| {
            table
                .iter()
                .find(|(_, symbol)| symbol_matches(marker, symbol, exact_only))
                .map(|(owner, _)| *owner)
        })
    };
    in_tables(true)
        .or_else(|| {
            TYPED_SYMBOLS
                .iter()
                .find(|(_, symbol)| typed_matches(marker, symbol))
                .map(|(owner, _)| *owner)
        })
        .or_else(|| in_tables(false))
        .and_then(Currency::from_code)
}

/// The kinds of grouping separator; one amount uses at most one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Dot,
    Comma,
    Apostrophe,
    Blank,
}

fn group_kind(c: char) -> Option<Group> {
    match c {
        '.' => Some(Group::Dot),
        ',' => Some(Group::Comma),
        '\'' | '\u{2019}' => Some(Group::Apostrophe),
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' => Some(Group::Blank),
        _ => None,
    }
}

/// Reads the number itself (digits and separators, no sign) as a count of minor units.
fn read_number(
    number: &str,
    currency: Currency,
    style: &Style,
    locale: &Locale,
) -> Result<i128, ValidationError> {
    if !number
        .chars()
        .all(|c| c.is_ascii_digit() || group_kind(c).is_some())
    {
        return Err(format_error());
    }
    let decimal = decimal_separator(number, style)?;
    let (integer, fraction) = match decimal.and_then(|sep| number.rfind(sep)) {
        // The separator is ASCII: the index and the index after it are char boundaries.
        Some(at) => (&number[..at], &number[at + 1..]),
        None => (number, ""),
    };
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return Err(format_error());
    }
    check_groups(integer)?;
    let units = currency.minor_units();
    if fraction.len() > units as usize {
        return Err(
            ValidationError::new("amount.too_many_decimals", FIELD).with_param("max", units)
        );
    }
    let mut value: i128 = 0;
    let digits = integer
        .chars()
        .filter(char::is_ascii_digit)
        .chain(fraction.chars())
        .chain(std::iter::repeat_n('0', units as usize - fraction.len()));
    for digit in digits {
        let digit = i128::from(digit.to_digit(10).unwrap_or(0));
        value = value
            .checked_mul(10)
            .and_then(|value| value.checked_add(digit))
            .ok_or_else(|| too_large(currency, locale))?;
    }
    Ok(value)
}

/// Decides which of `.` and `,` (if any) is the decimal separator; see [`parse_money`].
fn decimal_separator(number: &str, style: &Style) -> Result<Option<char>, ValidationError> {
    let dots = number.matches('.').count();
    let commas = number.matches(',').count();
    let other_grouping = number
        .chars()
        .any(|c| matches!(group_kind(c), Some(Group::Apostrophe | Group::Blank)));
    Ok(match (dots, commas) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            if dots + commas > 1 {
                None
            } else {
                let after = number.rsplit(sep).next().unwrap_or_default();
                let three_digits = after.len() == 3 && after.chars().all(|c| c.is_ascii_digit());
                if three_digits && !other_grouping && sep == style.ambiguous_group() {
                    None
                } else {
                    Some(sep)
                }
            }
        }
        _ => {
            let last_dot = number.rfind('.');
            let last_comma = number.rfind(',');
            let sep = if last_dot > last_comma { '.' } else { ',' };
            if number.matches(sep).count() > 1 {
                return Err(format_error());
            }
            Some(sep)
        }
    })
}

/// Checks the grouping of the integer part: one kind of separator, a first group of one to
/// three digits, then groups of exactly three.
fn check_groups(integer: &str) -> Result<(), ValidationError> {
    let mut kind = None;
    for c in integer.chars() {
        if let Some(found) = group_kind(c) {
            if kind.is_some_and(|kind| kind != found) {
                return Err(format_error());
            }
            kind = Some(found);
        }
    }
    if kind.is_none() {
        return Ok(());
    }
    let mut groups = integer.split(|c: char| group_kind(c).is_some());
    let first_ok = groups
        .next()
        .is_some_and(|group| (1..=3).contains(&group.len()));
    if first_ok && groups.all(|group| group.len() == 3) {
        Ok(())
    } else {
        Err(format_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, tag: &str) -> Result<i64, String> {
        parse_money(text, Currency::EUR, &Locale::parse(tag))
            .map(|money| money.minor)
            .map_err(|error| error.code)
    }

    #[test]
    fn reads_the_usual_shapes() {
        assert_eq!(parse("1 000,50", "fr"), Ok(100_050));
        assert_eq!(parse("1.000,50", "de"), Ok(100_050));
        assert_eq!(parse("1,000.50", "en"), Ok(100_050));
        assert_eq!(parse("1'000.50", "de-CH"), Ok(100_050));
        assert_eq!(parse(",5", "fr"), Ok(50));
        assert_eq!(parse("€.5", "en"), Ok(50));
    }

    #[test]
    fn sign_positions() {
        assert_eq!(parse("-1000", "en"), Ok(-100_000));
        assert_eq!(parse("+1000", "en"), Ok(100_000));
        assert_eq!(parse("−1000", "en"), Ok(-100_000));
        assert_eq!(parse("- € 1000", "en"), Ok(-100_000));
        assert_eq!(parse("€ - 1000", "en"), Ok(-100_000));
        assert_eq!(parse("--1000", "en"), Err("amount.format".into()));
        assert_eq!(parse("-€-1000", "en"), Err("amount.format".into()));
        assert_eq!(parse("1000-", "en"), Err("amount.format".into()));
    }
}
