//! Swiss enterprise identification number (UID / IDE / IDI).
//!
//! Checksum implemented: `CHE` + 9 digits; weights 5, 4, 3, 2, 7, 6, 5, 4 on the first eight,
//! check = 11 − (sum mod 11), 11 → 0, 10 never issued. The VAT and register suffixes (`MWST`,
//! `TVA`, `IVA`, `HR`) are dropped; the `CHE` prefix is optional when typed.

use super::checksum::weighted_sum;
use super::clean::{fixed_digits, split_prefix};
use super::problem::Problem;

/// Suffixes naming the register the UID is used in.
const SUFFIXES: &[&str] = &["MWST", "TVA", "IVA", "HR"];

/// `ch.uid`: canonical `CHE` + 9 digits.
pub(super) fn uid(compact: &str) -> Result<String, Problem> {
    let without_suffix = SUFFIXES
        .iter()
        .find_map(|suffix| compact.strip_suffix(suffix))
        .unwrap_or(compact);
    let (_, body) = split_prefix(without_suffix, &["CHE"], "CHE")?;
    let digits = fixed_digits(body, 9)?;
    let check = match 11 - weighted_sum(&digits, &[5, 4, 3, 2, 7, 6, 5, 4]) % 11 {
        11 => 0,
        check => check,
    };
    if check == u32::from(digits[8]) {
        Ok(format!("CHE{body}"))
    } else {
        Err(Problem::Checksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids() {
        // 1·5+1·4+6·3+2·2+8·7+1·6+7·5+1·4 = 132 = 12 × 11 → check 11 → 0.
        assert_eq!(uid("CHE116281710"), Ok("CHE116281710".to_owned()));
        assert_eq!(uid("116281710"), Ok("CHE116281710".to_owned()));
        assert_eq!(uid("CHE116281710MWST"), Ok("CHE116281710".to_owned()));
        assert_eq!(uid("CHE116281710TVA"), Ok("CHE116281710".to_owned()));
        assert_eq!(uid("CHE116281710IVA"), Ok("CHE116281710".to_owned()));
        assert_eq!(uid("CHE116281710HR"), Ok("CHE116281710".to_owned()));
        assert_eq!(uid("CHE116281711"), Err(Problem::Checksum));
        // 1·5 + 1·4 = 9 → check 11 − 9 = 2.
        assert_eq!(uid("CHE100000012"), Ok("CHE100000012".to_owned()));
        // 1·5 + 1·5 + 6·4 = 34 ≡ 1 → check 10: no number 10000016x is valid.
        for last in 0..10 {
            assert_eq!(uid(&format!("CHE10000016{last}")), Err(Problem::Checksum));
        }
        assert_eq!(uid("CH116281710"), Err(Problem::CountryPrefix("CHE")));
        assert_eq!(uid("CHE11628171"), Err(Problem::length(9)));
        assert_eq!(uid("MWST"), Err(Problem::length(9)));
    }
}
