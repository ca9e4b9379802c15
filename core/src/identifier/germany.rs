//! German VAT number (Umsatzsteuer-Identifikationsnummer, USt-IdNr.).
//!
//! Checksum implemented: `DE` + 9 digits, the ninth an ISO 7064 MOD 11,10 check digit (the rule
//! python-stdnum uses; the tax office publishes no algorithm). The register entry (`de.hr`) is in
//! `handelsregister.rs`.

use super::checksum::mod_11_10_valid;
use super::clean::{fixed_digits, split_prefix};
use super::problem::Problem;

/// `de.vat`: `DE` (optional when typed) + 9 digits; canonical with `DE`.
pub(super) fn vat(compact: &str) -> Result<String, Problem> {
    let (_, body) = split_prefix(compact, &["DE"], "DE")?;
    let digits = fixed_digits(body, 9)?;
    if mod_11_10_valid(&digits) {
        Ok(format!("DE{body}"))
    } else {
        Err(Problem::Checksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_numbers() {
        // Hand computed in checksum.rs: check digit of 13669597 is 6.
        assert_eq!(vat("DE136695976"), Ok("DE136695976".to_owned()));
        assert_eq!(vat("136695976"), Ok("DE136695976".to_owned()));
        assert_eq!(vat("DE136695977"), Err(Problem::Checksum));
        assert_eq!(vat("DE13669597"), Err(Problem::length(9)));
        assert_eq!(vat("AT136695976"), Err(Problem::CountryPrefix("DE")));
    }
}
