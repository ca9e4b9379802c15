//! Atradius amounts: numbers, numeric strings or empty strings (the API sends all three), read
//! exactly into [`Money`] — never through a float.

use super::response::malformed;
use super::wire::Scalar;
use crate::currency::Currency;
use crate::insurer_error::InsurerError;
use crate::money::Money;

/// Reads an amount in `currency`: absent, `null`, `""` and blanks are `None`; `"50000"`,
/// `50000`, `"50000.50"` and `50000.5` are amounts; anything else (separators, exponents,
/// more decimals than the currency has — unless they are zeros —, an amount that does not fit)
/// is [`InsurerError::Malformed`] naming `field`.
pub(super) fn read_amount(
    value: &Option<Scalar>,
    currency: Currency,
    field: &str,
) -> Result<Option<Money>, InsurerError> {
    let Some(text) = value.as_ref().and_then(Scalar::text) else {
        return Ok(None);
    };
    to_minor(text, currency.minor_units())
        .map(|minor| Some(Money::from_minor(minor, currency)))
        .ok_or_else(|| malformed(format!("{field} is not an amount: {text:?}")))
}

/// `text` (an optional `-`, digits, an optional `.` and digits) in minor units of a currency
/// with `units` decimals.
fn to_minor(text: &str, units: u32) -> Option<i64> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !digits(whole) || !digits(fraction) {
        return None;
    }
    let units = units as usize;
    let (kept, dropped) = fraction.split_at(fraction.len().min(units));
    if dropped.bytes().any(|b| b != b'0') {
        return None;
    }
    let mut minor: i64 = 0;
    let padding = units - kept.len();
    for byte in whole
        .bytes()
        .chain(kept.bytes())
        .chain(std::iter::repeat_n(b'0', padding))
    {
        minor = minor.checked_mul(10)?.checked_add(i64::from(byte - b'0'))?;
    }
    Some(if negative { -minor } else { minor })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(value: Option<&str>, currency: Currency) -> Result<Option<i64>, String> {
        read_amount(&value.map(|v| Scalar(v.to_owned())), currency, "x")
            .map(|money| money.map(|money| money.minor))
            .map_err(|error| error.code().to_owned())
    }

    #[test]
    fn reads_numbers_strings_and_blanks() {
        let eur = Currency::EUR;
        assert_eq!(amount(Some("50000"), eur), Ok(Some(5_000_000)));
        assert_eq!(amount(Some("50000.5"), eur), Ok(Some(5_000_050)));
        assert_eq!(amount(Some("50000.50"), eur), Ok(Some(5_000_050)));
        assert_eq!(amount(Some("50000.500"), eur), Ok(Some(5_000_050)));
        assert_eq!(amount(Some(".5"), eur), Ok(Some(50)));
        assert_eq!(amount(Some("7."), eur), Ok(Some(700)));
        assert_eq!(amount(Some("-250"), eur), Ok(Some(-25_000)));
        assert_eq!(amount(Some("0"), eur), Ok(Some(0)));
        assert_eq!(amount(Some(""), eur), Ok(None));
        assert_eq!(amount(None, eur), Ok(None));
        assert_eq!(amount(Some("1000"), Currency::JPY), Ok(Some(1000)));
        let kwd = Currency::parse("KWD").unwrap();
        assert_eq!(amount(Some("1.5"), kwd), Ok(Some(1500)));
    }

    #[test]
    fn refuses_what_is_not_an_exact_amount() {
        let eur = Currency::EUR;
        for text in [
            "50,000",
            "50 000",
            "5e4",
            "1.005",
            "abc",
            "-",
            ".",
            "1.2.3",
            "--1",
            "99999999999999999999",
            "€5",
        ] {
            assert_eq!(
                amount(Some(text), eur),
                Err("insurer.malformed".into()),
                "{text}"
            );
        }
        assert_eq!(
            amount(Some("1.5"), Currency::JPY),
            Err("insurer.malformed".into())
        );
        assert_eq!(
            amount(Some("92233720368547758.07"), eur),
            Ok(Some(i64::MAX))
        );
        assert_eq!(
            amount(Some("92233720368547758.08"), eur),
            Err("insurer.malformed".into())
        );
    }
}
