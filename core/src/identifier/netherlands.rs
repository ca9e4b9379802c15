//! Dutch numbers: the Chamber of Commerce number (KvK) and the VAT number (btw).
//!
//! KvK: 8 digits, format only (no public checksum). VAT: `NL` + 9 digits + `B` + 2 digits
//! (01–99); checksum implemented, either of the two in use: the old omzetbelastingnummer
//! (weights 9…2 over the first eight digits, mod 11 = ninth digit) or the 2020
//! btw-identificatienummer of sole traders (ISO 7064 MOD 97-10 over `NL` + the 12 characters).
//! Fewer than 9 digits before the `B` get leading zeros.

use super::checksum::{mod_97_10_valid, weighted_sum};
use super::clean::{digits, fixed_digits, split_prefix};
use super::problem::Problem;

/// `nl.kvk`: 8 digits.
pub(super) fn kvk(compact: &str) -> Result<String, Problem> {
    fixed_digits(compact, 8).map(|_| compact.to_owned())
}

/// `nl.vat`: `NL` (optional when typed) + 9 digits + `B` + 2 digits; canonical with `NL`.
pub(super) fn vat(compact: &str) -> Result<String, Problem> {
    let (_, body) = split_prefix(compact, &["NL"], "NL")?;
    let Some(b_at) = body.len().checked_sub(3) else {
        return Err(Problem::length(12));
    };
    let (number, suffix) = body.split_at(b_at);
    let branch = suffix.strip_prefix('B').ok_or(Problem::Format)?;
    let number_digits = digits(number).ok_or(Problem::Format)?;
    if digits(branch).is_none() || branch == "00" || number_digits.is_empty() {
        return Err(Problem::Format);
    }
    if number_digits.len() > 9 {
        return Err(Problem::length(12));
    }
    let canonical = format!("NL{number:0>9}B{branch}");
    let mut padded = vec![0; 9 - number_digits.len()];
    padded.extend(number_digits);
    let old_valid = weighted_sum(&padded, &[9, 8, 7, 6, 5, 4, 3, 2]) % 11 == u32::from(padded[8]);
    if old_valid || mod_97_10_valid(&canonical) {
        Ok(canonical)
    } else {
        Err(Problem::Checksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kvk_numbers() {
        assert_eq!(kvk("12345678"), Ok("12345678".to_owned()));
        assert_eq!(kvk("1234567"), Err(Problem::length(8)));
    }

    #[test]
    fn vat_numbers() {
        // Old form: 0,0,4,4,9,5,4,4 × 9…2 = 0+0+28+24+45+20+12+8 = 137, 137 mod 11 = 5 = 9th digit.
        assert_eq!(vat("NL004495445B01"), Ok("NL004495445B01".to_owned()));
        assert_eq!(vat("004495445B01"), Ok("NL004495445B01".to_owned()));
        assert_eq!(vat("NL4495445B01"), Ok("NL004495445B01".to_owned()));
        assert_eq!(vat("NL004495446B01"), Err(Problem::Checksum));
        // 2020 form: mod 11 gives 0+0+14+24+25+20+21+18 = 122 → 1 ≠ 9, but
        // "2321" "002455799" "11" "11" mod 97 = 1 (N=23, L=21, B=11).
        assert_eq!(vat("NL002455799B11"), Ok("NL002455799B11".to_owned()));
        assert_eq!(vat("NL002455799B12"), Err(Problem::Checksum));
        assert_eq!(vat("NL004495445B00"), Err(Problem::Format));
        assert_eq!(vat("NL004495445X01"), Err(Problem::Format));
        assert_eq!(vat("NL0044954450B01"), Err(Problem::length(12)));
        assert_eq!(vat("NLB01"), Err(Problem::Format));
        assert_eq!(vat("B1"), Err(Problem::length(12)));
    }
}
