//! Amounts as CofaServe may send them — a JSON number, a numeric string or an empty string, in
//! major units of a separate currency code — turned into exact [`Money`], and back.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

use crate::currency::Currency;
use crate::insurer_error::InsurerError;
use crate::money::Money;

/// An amount field as received, not yet tied to its currency.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) enum WireAmount {
    /// Absent or `null`.
    #[default]
    Absent,
    /// A JSON integer.
    Integer(i128),
    /// A JSON number with a fraction or an exponent.
    Float(f64),
    /// A string, as received.
    Text(String),
}

impl<'de> Deserialize<'de> for WireAmount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AmountVisitor)
    }
}

struct AmountVisitor;

impl<'de> Visitor<'de> for AmountVisitor {
    type Value = WireAmount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount: a number, a numeric string, an empty string or null")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<WireAmount, E> {
        Ok(WireAmount::Integer(i128::from(value)))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<WireAmount, E> {
        Ok(WireAmount::Integer(i128::from(value)))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<WireAmount, E> {
        Ok(WireAmount::Float(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<WireAmount, E> {
        Ok(WireAmount::Text(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<WireAmount, E> {
        Ok(WireAmount::Text(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<WireAmount, E> {
        Ok(WireAmount::Absent)
    }

    fn visit_none<E: de::Error>(self) -> Result<WireAmount, E> {
        Ok(WireAmount::Absent)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<WireAmount, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl WireAmount {
    /// Whether nothing was given (absent, `null`, or a blank string).
    pub(super) fn is_blank(&self) -> bool {
        match self {
            Self::Absent => true,
            Self::Text(text) => text.trim().is_empty(),
            Self::Integer(_) | Self::Float(_) => false,
        }
    }

    /// The amount in `currency`: `None` when blank; [`InsurerError::Malformed`] when it is not
    /// a plain decimal, has more decimals than the currency, overflows, or has no currency.
    pub(super) fn to_money(
        &self,
        currency: Option<Currency>,
        field: &str,
    ) -> Result<Option<Money>, InsurerError> {
        if self.is_blank() {
            return Ok(None);
        }
        let malformed = |what: &str| InsurerError::Malformed {
            reason: format!("{field} {what}"),
        };
        let currency = currency.ok_or_else(|| malformed("has no currency"))?;
        let minor = match self {
            Self::Integer(major) => major
                .checked_mul(i128::from(currency.minor_per_major()))
                .and_then(|minor| i64::try_from(minor).ok()),
            Self::Float(value) if value.is_finite() => {
                decimal_to_minor(&value.to_string(), currency.minor_units())
            }
            Self::Text(text) => decimal_to_minor(text.trim(), currency.minor_units()),
            Self::Float(_) | Self::Absent => None,
        }
        .ok_or_else(|| malformed(&format!("is not an amount in {currency}: {self}")))?;
        Ok(Some(Money::from_minor(minor, currency)))
    }
}

impl fmt::Display for WireAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Absent => f.write_str("null"),
            Self::Integer(value) => write!(f, "{value}"),
            Self::Float(value) => write!(f, "{value}"),
            Self::Text(text) => write!(f, "{text:?}"),
        }
    }
}

/// `[+-]digits[.digits]` (digits on at least one side of the point) in minor units of a currency
/// with `units` decimals; decimals beyond `units` must be zeros.
fn decimal_to_minor(text: &str, units: u32) -> Option<i64> {
    let (negative, unsigned) = match text.as_bytes().first()? {
        b'-' => (true, text.get(1..)?),
        b'+' => (false, text.get(1..)?),
        _ => (false, text),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    let units = usize::try_from(units).ok()?;
    let (kept, dropped) = fraction.split_at(fraction.len().min(units));
    if dropped.bytes().any(|b| b != b'0') {
        return None;
    }
    let mut minor: i128 = 0;
    let padded = kept.bytes().chain(std::iter::repeat(b'0')).take(units);
    for b in whole.bytes().chain(padded) {
        minor = minor
            .checked_mul(10)?
            .checked_add(i128::from(b.saturating_sub(b'0')))?;
        if minor > i128::from(i64::MAX) + 1 {
            return None;
        }
    }
    i64::try_from(if negative { -minor } else { minor }).ok()
}

/// An amount as CofaServe is sent it: a JSON number in major units (`50000`, `1000.5`).
pub(super) fn to_wire_number(money: Money) -> serde_json::Number {
    let per_major = money.currency.minor_per_major();
    if money.minor % per_major == 0 {
        return serde_json::Number::from(money.minor / per_major);
    }
    // `Money`'s plain rendering is exact ("1000.50 EUR"); its shortest f64 prints back the same.
    let text = money.to_string();
    let decimal = text.split(' ').next().unwrap_or_default();
    decimal
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .unwrap_or_else(|| serde_json::Number::from(money.major_part()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> WireAmount {
        serde_json::from_str(json).unwrap()
    }

    fn eur(json: &str) -> Result<Option<i64>, InsurerError> {
        parse(json)
            .to_money(Some(Currency::EUR), "amount")
            .map(|money| money.map(|money| money.minor))
    }

    #[test]
    fn numbers_strings_and_blanks() {
        assert_eq!(eur("50000"), Ok(Some(5_000_000)));
        assert_eq!(eur("1000.5"), Ok(Some(100_050)));
        assert_eq!(eur("1e3"), Ok(Some(100_000)));
        assert_eq!(eur("-3.99"), Ok(Some(-399)));
        assert_eq!(eur("\"1000.50\""), Ok(Some(100_050)));
        assert_eq!(eur("\" 75000 \""), Ok(Some(7_500_000)));
        assert_eq!(eur("\"12.\""), Ok(Some(1200)));
        assert_eq!(eur("\".5\""), Ok(Some(50)));
        assert_eq!(eur("\"1.500\""), Ok(Some(150)));
        assert_eq!(eur("\"\""), Ok(None));
        assert_eq!(eur("\"  \""), Ok(None));
        assert_eq!(eur("null"), Ok(None));
    }

    #[test]
    fn bad_amounts_are_malformed() {
        for bad in [
            "\"1,000\"",
            "\"abc\"",
            "\"1.005\"",
            "\".\"",
            "\"-\"",
            "\"1 000\"",
            "\"1e3\"",
            "1.005",
            "99999999999999999999",
            "\"92233720368547758.08\"",
        ] {
            assert_eq!(eur(bad).unwrap_err().code(), "insurer.malformed", "{bad}");
        }
        assert_eq!(
            eur("\"-92233720368547758.08\""),
            Ok(Some(i64::MIN)),
            "the smallest i64 is reachable"
        );
        let no_currency = parse("100").to_money(None, "grantedAmount").unwrap_err();
        assert_eq!(no_currency.code(), "insurer.malformed");
        assert_eq!(parse("\"\"").to_money(None, "x"), Ok(None));
    }

    #[test]
    fn currencies_without_minor_units() {
        let jpy = parse("\"1200\"")
            .to_money(Some(Currency::JPY), "a")
            .unwrap();
        assert_eq!(jpy.map(|m| m.minor), Some(1200));
        assert!(parse("\"1200.5\"")
            .to_money(Some(Currency::JPY), "a")
            .is_err());
    }

    #[test]
    fn wire_numbers() {
        let number = |minor| to_wire_number(Money::from_minor(minor, Currency::EUR)).to_string();
        assert_eq!(number(5_000_000), "50000");
        assert_eq!(number(100_050), "1000.5");
        assert_eq!(number(10), "0.1");
        assert_eq!(
            to_wire_number(Money::from_minor(1200, Currency::JPY)).to_string(),
            "1200"
        );
    }
}
