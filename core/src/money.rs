//! Amounts of money: integer minor units of one currency, never floats.
//!
//! [`parse_money`] reads what people type in any of the supported locales; [`format_money`]
//! writes what `Intl.NumberFormat(locale, {style: 'currency', currency})` writes in Chromium.

mod format;
mod parse;
mod style;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::currency::Currency;

pub use format::format_money;
pub use parse::parse_money;

/// Every code [`parse_money`] can produce (all on field `amount`).
pub const CODES: &[&str] = &[
    "amount.required",
    "amount.format",
    "amount.too_many_decimals",
    "amount.too_large",
    "amount.currency_mismatch",
];

/// An amount in one currency, held as a whole number of minor units (cents for EUR, yen for
/// JPY, fils for KWD).
///
/// Serialises as `{"minor": 100050, "currency": "EUR"}`. JavaScript reads `minor` exactly up to
/// 2^53 (about 90 trillion euros).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Money {
    /// The amount in minor units; negative for a debit.
    pub minor: i64,
    /// The currency.
    pub currency: Currency,
}

impl Money {
    /// An amount of `minor` minor units of `currency`: `Money::from_minor(100050, EUR)` is
    /// €1,000.50.
    pub fn from_minor(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    /// The whole major units, truncated towards zero: 1000 for €1,000.50, -3 for -€3.99.
    pub fn major_part(&self) -> i64 {
        self.minor / self.currency.minor_per_major()
    }

    /// The minor units after the whole major units, without sign: 50 for €1,000.50 and for
    /// -€1,000.50.
    pub fn minor_part(&self) -> u64 {
        self.minor.unsigned_abs() % self.currency.minor_per_major().unsigned_abs()
    }

    /// Whether the amount is above zero.
    pub fn is_positive(&self) -> bool {
        self.minor > 0
    }
}

/// A plain, locale-independent rendering for logs and debugging: `-1000.50 EUR`, `1000 JPY`.
/// People see [`format_money`] instead.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minor < 0 { "-" } else { "" };
        let major = self.minor.unsigned_abs() / self.currency.minor_per_major().unsigned_abs();
        let units = self.currency.minor_units() as usize;
        if units == 0 {
            write!(f, "{sign}{major} {}", self.currency)
        } else {
            write!(
                f,
                "{sign}{major}.{:0units$} {}",
                self.minor_part(),
                self.currency
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_and_display() {
        let eur = Money::from_minor(100_050, Currency::EUR);
        assert_eq!(eur.major_part(), 1000);
        assert_eq!(eur.minor_part(), 50);
        assert_eq!(eur.to_string(), "1000.50 EUR");
        let debit = Money::from_minor(-399, Currency::EUR);
        assert_eq!(debit.major_part(), -3);
        assert_eq!(debit.minor_part(), 99);
        assert_eq!(debit.to_string(), "-3.99 EUR");
        assert_eq!(
            Money::from_minor(-5, Currency::EUR).to_string(),
            "-0.05 EUR"
        );
        assert_eq!(
            Money::from_minor(1000, Currency::JPY).to_string(),
            "1000 JPY"
        );
        let kwd = Currency::parse("KWD").unwrap();
        assert_eq!(Money::from_minor(1_005, kwd).to_string(), "1.005 KWD");
        let min = Money::from_minor(i64::MIN, Currency::EUR);
        assert_eq!(min.to_string(), "-92233720368547758.08 EUR");
        assert_eq!(min.major_part(), -92_233_720_368_547_758);
    }

    #[test]
    fn serde_shape() {
        let eur = Money::from_minor(100_050, Currency::EUR);
        let json = serde_json::to_string(&eur).unwrap();
        assert_eq!(json, r#"{"minor":100050,"currency":"EUR"}"#);
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), eur);
    }
}
