//! Belgian enterprise number (KBO/BCE) and VAT number, which is the same number with `BE`.
//!
//! Checksum implemented: 10 digits starting with 0 or 1, last two = 97 − (first eight mod 97).
//! The old 9-digit form gets a leading 0.

use super::checksum::digits_mod;
use super::clean::{digits, split_prefix};
use super::problem::Problem;

/// The 10-digit enterprise number in `body`.
fn enterprise_number(body: &str) -> Result<String, Problem> {
    let mut values = digits(body).ok_or(Problem::Format)?;
    if values.len() == 9 {
        values.insert(0, 0);
    }
    if values.len() != 10 {
        return Err(Problem::Length { min: 9, max: 10 });
    }
    if values[0] > 1 {
        return Err(Problem::Format);
    }
    let (front, check) = values.split_at(8);
    if u32::from(check[0]) * 10 + u32::from(check[1]) != 97 - digits_mod(front, 97) {
        return Err(Problem::Checksum);
    }
    Ok(values.iter().map(|d| char::from(b'0' + d)).collect())
}

/// `be.kbo`: the enterprise number, 10 digits; a `BE` prefix is accepted and dropped.
pub(super) fn kbo(compact: &str) -> Result<String, Problem> {
    let (_, body) = split_prefix(compact, &["BE"], "BE")?;
    enterprise_number(body)
}

/// `be.vat`: `BE` + the enterprise number; the prefix is optional when typed.
pub(super) fn vat(compact: &str) -> Result<String, Problem> {
    let (_, body) = split_prefix(compact, &["BE"], "BE")?;
    enterprise_number(body).map(|number| format!("BE{number}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enterprise_numbers() {
        // 04031707 = 97 × 41563 + 96, check = 97 − 96 = 01.
        assert_eq!(kbo("0403170701"), Ok("0403170701".to_owned()));
        assert_eq!(kbo("403170701"), Ok("0403170701".to_owned()));
        assert_eq!(kbo("BE0403170701"), Ok("0403170701".to_owned()));
        assert_eq!(kbo("0403170702"), Err(Problem::Checksum));
        assert_eq!(kbo("2403170701"), Err(Problem::Format));
        assert_eq!(kbo("04031707011"), Err(Problem::Length { min: 9, max: 10 }));
        assert_eq!(kbo("NL0403170701"), Err(Problem::CountryPrefix("BE")));
    }

    #[test]
    fn vat_numbers() {
        assert_eq!(vat("BE0403170701"), Ok("BE0403170701".to_owned()));
        assert_eq!(vat("BE403170701"), Ok("BE0403170701".to_owned()));
        assert_eq!(vat("0403170701"), Ok("BE0403170701".to_owned()));
        assert_eq!(vat("BE0403170710"), Err(Problem::Checksum));
    }
}
