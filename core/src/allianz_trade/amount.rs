//! Amounts on the wire: decimal major units (`50000`, `50000.5`, `"50000.00"`, `""`) to and from
//! [`Money`], exactly.
//!
//! Text (strings, integers) is read digit by digit, without floating point. A JSON number with
//! a fraction has already become an `f64` (serde_json's default parsing may be one unit in the
//! last place off), so it is rounded to the currency's minor unit, provided it lies within that
//! error of a whole number of minor units: `50000.5` is read, `0.005` EUR is refused, and so is
//! a fractional number too large for an `f64` to tell cents apart.

use super::response::malformed;
use super::wire::Loose;
use crate::currency::Currency;
use crate::insurer_error::InsurerError;
use crate::money::Money;

/// Largest magnitude, in minor units, sent as a JSON number with decimals: JSON numbers with a
/// fraction travel as `f64`, which carries any decimal of up to 15 significant digits exactly
/// (beyond that, two amounts a cent apart may become the same number).
const MAX_EXACT_MINOR: u64 = 999_999_999_999_999;

/// Reads an amount of `what` in major units (`None`, null or blank: no amount) in the currency
/// `currency` (an ISO 4217 code, trimmed by the caller).
///
/// A malformed number, an unknown or missing currency, more decimals than the currency has
/// (unless they are zeros) or an amount beyond `i64` minor units give
/// [`InsurerError::Malformed`].
pub(super) fn parse_amount(
    what: &str,
    value: Option<&Loose>,
    currency: Option<&str>,
) -> Result<Option<Money>, InsurerError> {
    let Some(amount) = value.and_then(Loose::text) else {
        return Ok(None);
    };
    let code = currency.unwrap_or_default();
    if code.is_empty() {
        return Err(malformed(format!("{what} {amount:?} has no currency")));
    }
    let currency = Currency::from_code(code)
        .ok_or_else(|| malformed(format!("{what} has an unknown currency {code:?}")))?;
    let units = currency.minor_units();
    let minor = match value.and_then(Loose::float) {
        Some(float) => float_to_minor(float, units),
        None => decimal_to_minor(amount, units),
    }
    .ok_or_else(|| malformed(format!("{what} {amount:?} is not an amount in {code}")))?;
    Ok(Some(Money::from_minor(minor, currency)))
}

/// The number of minor units (`10^units` per major unit) that the decimal `text` stands for:
/// optional sign, digits with an optional `.` fraction, optional exponent (`1.5e3`). `None`
/// when it is not such a number, has non-zero digits below the minor unit, or overflows.
pub(super) fn decimal_to_minor(text: &str, units: u32) -> Option<i64> {
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], parse_exponent(&rest[at + 1..])?),
        None => (rest, 0),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (mantissa, ""),
    };
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    if !whole
        .bytes()
        .chain(fraction.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    // All the digits, leading zeros dropped, and where the minor unit falls among them.
    let digits: Vec<u8> = whole
        .bytes()
        .chain(fraction.bytes())
        .skip_while(|b| *b == b'0')
        .collect();
    if digits.is_empty() {
        return Some(0);
    }
    let fraction_len = i64::try_from(fraction.len()).ok()?;
    let shift = i64::from(units) + exponent - fraction_len;
    let kept = if shift < 0 {
        let dropped = usize::try_from(shift.unsigned_abs()).ok()?;
        let keep = digits.len().checked_sub(dropped)?;
        if digits[keep..].iter().any(|b| *b != b'0') {
            return None;
        }
        &digits[..keep]
    } else {
        &digits[..]
    };
    let mut value: i64 = 0;
    for digit in kept {
        value = value
            .checked_mul(10)?
            .checked_add(i64::from(digit - b'0'))?;
    }
    for _ in 0..shift.max(0) {
        value = value.checked_mul(10)?;
        if value == 0 {
            break;
        }
    }
    Some(if negative { -value } else { value })
}

/// The number of minor units (`10^units` per major unit) nearest to `value`, when `value` lies
/// within two units in the last place of it (the parsing error); `None` otherwise, or when the
/// result is beyond 2^53 or that error reaches half a minor unit.
pub(super) fn float_to_minor(value: f64, units: u32) -> Option<i64> {
    const TWO_ULPS: f64 = 2.0 * f64::EPSILON;
    let scale = 10_f64.powi(i32::try_from(units).ok()?);
    let scaled = value * scale;
    let rounded = scaled.round();
    let tolerance = scaled.abs() * TWO_ULPS;
    let exact_limit = 2_f64.powi(53);
    if !scaled.is_finite() || rounded.abs() >= exact_limit || tolerance >= 0.5 {
        return None;
    }
    if (scaled - rounded).abs() > tolerance {
        return None;
    }
    // Within ±2^53, so the conversion is exact.
    Some(rounded as i64)
}

/// An exponent: optional sign and digits, clamped to ±10 000 (larger ones only make the number
/// overflow or vanish, which the caller sees).
fn parse_exponent(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = digits.trim_start_matches('0');
    let value = if digits.len() > 5 {
        10_000
    } else {
        digits.parse::<i64>().unwrap_or(0).min(10_000)
    };
    Some(if negative { -value } else { value })
}

/// `money` as the JSON number of its major units: an integer when it has no minor part
/// (`50000`), otherwise the exact decimal (`50000.5`). `None` when that decimal cannot travel
/// exactly as a JSON number (more than 15 significant digits).
pub(super) fn money_to_number(money: Money) -> Option<serde_json::Number> {
    if money.minor_part() == 0 {
        return Some(serde_json::Number::from(money.major_part()));
    }
    if money.minor.unsigned_abs() > MAX_EXACT_MINOR {
        return None;
    }
    let sign = if money.minor < 0 { "-" } else { "" };
    let units = money.currency.minor_units() as usize;
    let text = format!(
        "{sign}{}.{:0units$}",
        money.major_part().unsigned_abs(),
        money.minor_part()
    );
    text.parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_decimals_exactly() {
        for (text, units, minor) in [
            ("50000", 2, Some(5_000_000)),
            ("50000.5", 2, Some(5_000_050)),
            ("50000.50", 2, Some(5_000_050)),
            ("50000.500", 2, Some(5_000_050)),
            ("0.01", 2, Some(1)),
            (".5", 2, Some(50)),
            ("5.", 2, Some(500)),
            ("-12.34", 2, Some(-1234)),
            ("+7", 0, Some(7)),
            ("1.5e3", 2, Some(150_000)),
            ("15E-1", 2, Some(150)),
            ("0", 2, Some(0)),
            ("000.000", 3, Some(0)),
            ("0e999999999", 2, Some(0)),
            ("1.005", 3, Some(1005)),
            ("1.005", 2, None),
            ("1e-3", 2, None),
            ("1e999999", 2, None),
            ("92233720368547758.07", 2, Some(i64::MAX)),
            ("92233720368547758.08", 2, None),
            ("", 2, None),
            ("-", 2, None),
            (".", 2, None),
            ("1,5", 2, None),
            ("1 000", 2, None),
            ("1e", 2, None),
            ("e5", 2, None),
            ("0x10", 2, None),
            ("NaN", 2, None),
            ("١٢", 2, None),
        ] {
            assert_eq!(decimal_to_minor(text, units), minor, "{text:?} ({units})");
        }
    }

    #[test]
    fn reads_floats_to_the_nearest_minor_unit() {
        for (value, units, minor) in [
            (50000.5, 2, Some(5_000_050)),
            (0.1 + 0.2, 2, Some(30)),
            (1.005, 3, Some(1005)),
            (-12.34, 2, Some(-1234)),
            (1e3, 0, Some(1000)),
            (7_113_202_304_775.351, 2, Some(711_320_230_477_535)),
            (0.005, 2, None),
            (1000.001, 2, None),
            (1e17, 2, None),
            (-1e300, 2, None),
        ] {
            assert_eq!(float_to_minor(value, units), minor, "{value} ({units})");
        }
    }

    #[test]
    fn parses_money_or_gives_typed_errors() {
        let text = Loose::from_text;
        assert_eq!(
            parse_amount("amount", Some(&text(" 1250.75 ")), Some("EUR")).unwrap(),
            Some(Money::from_minor(125_075, Currency::EUR))
        );
        assert_eq!(
            parse_amount("amount", Some(&text("300")), Some("jpy")).unwrap(),
            Some(Money::from_minor(300, Currency::JPY))
        );
        assert_eq!(
            parse_amount("amount", Some(&Loose::from_float(12500.5)), Some("USD")).unwrap(),
            Some(Money::from_minor(1_250_050, Currency::USD))
        );
        assert_eq!(parse_amount("amount", None, None).unwrap(), None);
        assert_eq!(
            parse_amount("amount", Some(&text(" ")), None).unwrap(),
            None
        );
        assert_eq!(
            parse_amount("amount", Some(&Loose::default()), Some("EUR")).unwrap(),
            None
        );
        for (amount, currency) in [
            (text("10"), None),
            (text("10"), Some("")),
            (text("10"), Some("EURO")),
            (text("ten"), Some("EUR")),
            (text("0.5"), Some("JPY")),
            (Loose::from_float(0.5), Some("JPY")),
        ] {
            let error = parse_amount("amount", Some(&amount), currency).unwrap_err();
            assert_eq!(error.code(), "insurer.malformed", "{amount:?} {currency:?}");
        }
    }

    #[test]
    fn writes_json_numbers() {
        let eur = |minor| money_to_number(Money::from_minor(minor, Currency::EUR));
        assert_eq!(eur(5_000_000).unwrap().to_string(), "50000");
        assert_eq!(eur(5_000_050).unwrap().to_string(), "50000.5");
        assert_eq!(eur(1).unwrap().to_string(), "0.01");
        assert_eq!(eur(-250).unwrap().to_string(), "-2.5");
        assert!(eur(5_000_000).unwrap().is_i64());
        assert_eq!(eur((1 << 53) + 1), None);
        assert_eq!(eur(1_000_000_000_000_001), None);
        assert_eq!(
            eur(999_999_999_999_999).unwrap().to_string(),
            "9999999999999.99"
        );
        assert_eq!(eur(i64::MAX - 7).unwrap().to_string(), "92233720368547758");
        let kwd = Currency::from_code("KWD").unwrap();
        assert_eq!(
            money_to_number(Money::from_minor(1_005, kwd))
                .unwrap()
                .to_string(),
            "1.005"
        );
        assert_eq!(
            money_to_number(Money::from_minor(1_000, Currency::JPY))
                .unwrap()
                .to_string(),
            "1000"
        );
    }
}
