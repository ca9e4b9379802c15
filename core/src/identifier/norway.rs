//! Norwegian VAT number: `NO` + the 9-digit organisation number + `MVA`.
//!
//! Checksum implemented: weights 3, 2, 7, 6, 5, 4, 3, 2 on the first eight digits, check =
//! 11 − (sum mod 11), 11 → 0, 10 never issued. Canonical form `NO123456785MVA`, the form
//! Norwegian invoices must show; typed without `NO` or without `MVA` is accepted.

use super::checksum::weighted_sum;
use super::clean::{fixed_digits, split_prefix};
use super::problem::Problem;

/// `no.vat`: canonical `NO` + 9 digits + `MVA`.
pub(super) fn vat(compact: &str) -> Result<String, Problem> {
    let without_suffix = compact.strip_suffix("MVA").unwrap_or(compact);
    let (_, body) = split_prefix(without_suffix, &["NO"], "NO")?;
    let digits = fixed_digits(body, 9)?;
    let check = match 11 - weighted_sum(&digits, &[3, 2, 7, 6, 5, 4, 3, 2]) % 11 {
        11 => 0,
        check => check,
    };
    if check == u32::from(digits[8]) {
        Ok(format!("NO{body}MVA"))
    } else {
        Err(Problem::Checksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_numbers() {
        // 1·3+2·2+3·7+4·6+5·5+6·4+7·3+8·2 = 138 ≡ 6 → check 5.
        assert_eq!(vat("NO123456785MVA"), Ok("NO123456785MVA".to_owned()));
        assert_eq!(vat("123456785"), Ok("NO123456785MVA".to_owned()));
        assert_eq!(vat("NO123456785"), Ok("NO123456785MVA".to_owned()));
        assert_eq!(vat("123456785MVA"), Ok("NO123456785MVA".to_owned()));
        // 1·3+2·2+3·7+4·6+5·5+6·4+7·3+0·2 = 122 ≡ 1 → check 10: never valid.
        for last in 0..10 {
            assert_eq!(vat(&format!("12345670{last}")), Err(Problem::Checksum));
        }
        assert_eq!(vat("NO123456784MVA"), Err(Problem::Checksum));
        assert_eq!(vat("SE123456785"), Err(Problem::CountryPrefix("NO")));
        assert_eq!(vat("NO12345678MVA"), Err(Problem::length(9)));
    }
}
