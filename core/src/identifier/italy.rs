//! Italian VAT number (partita IVA), bare (`it.piva`) or with its `IT` prefix (`it.vat`).
//!
//! Checksum implemented: 11 digits, Luhn; the first seven not all zero; digits 8–10 the
//! provincial tax office: 001–100, 120, 121, 888 or 999.

use super::checksum::luhn_valid;
use super::clean::{fixed_digits, split_prefix};
use super::problem::Problem;

/// The 11-digit partita IVA in `body`.
fn partita_iva(body: &str) -> Result<String, Problem> {
    let digits = fixed_digits(body, 11)?;
    if digits[..7].iter().all(|d| *d == 0) {
        return Err(Problem::Format);
    }
    let office = digits[7..10]
        .iter()
        .fold(0u32, |acc, d| acc * 10 + u32::from(*d));
    if !matches!(office, 1..=100 | 120 | 121 | 888 | 999) {
        return Err(Problem::OfficeCode);
    }
    if luhn_valid(&digits) {
        Ok(body.to_owned())
    } else {
        Err(Problem::Checksum)
    }
}

/// `it.piva`: 11 digits; an `IT` prefix is accepted and dropped.
pub(super) fn piva(compact: &str) -> Result<String, Problem> {
    let (_, body) = split_prefix(compact, &["IT"], "IT")?;
    partita_iva(body)
}

/// `it.vat`: `IT` (optional when typed) + partita IVA; canonical with `IT`.
pub(super) fn vat(compact: &str) -> Result<String, Problem> {
    let (_, body) = split_prefix(compact, &["IT"], "IT")?;
    partita_iva(body).map(|number| format!("IT{number}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partite_iva() {
        // 00743110157: office 015; Luhn from the right 7 + (10→1) + 1 + 0 + 1 + 2 + 3 + 8 + 7
        // + 0 + 0 = 30 → valid.
        assert_eq!(piva("00743110157"), Ok("00743110157".to_owned()));
        assert_eq!(piva("IT00743110157"), Ok("00743110157".to_owned()));
        assert_eq!(vat("00743110157"), Ok("IT00743110157".to_owned()));
        assert_eq!(vat("IT00743110157"), Ok("IT00743110157".to_owned()));
        assert_eq!(piva("00743110158"), Err(Problem::Checksum));
        // Office 000 and 101 do not exist.
        assert_eq!(piva("00743110007"), Err(Problem::OfficeCode));
        assert_eq!(piva("00743111017"), Err(Problem::OfficeCode));
        assert_eq!(piva("00000000157"), Err(Problem::Format));
        assert_eq!(piva("0074311015"), Err(Problem::length(11)));
        assert_eq!(vat("FR00743110157"), Err(Problem::CountryPrefix("IT")));
    }
}
