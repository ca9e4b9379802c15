//! French numbers: SIREN, SIRET and the VAT number (numéro de TVA intracommunautaire).
//!
//! Checksums implemented: SIREN Luhn; SIRET Luhn, except La Poste establishments (SIREN
//! 356000000, head office 35600000000048 excepted) whose digit sum must be a multiple of 5;
//! VAT key = (12 + 3 × (SIREN mod 97)) mod 97 over a valid SIREN (Monaco's numbers, SIREN part
//! starting `000`, skip the Luhn check). The old alphabetic VAT keys are refused: their rule is
//! not published by a source we trust.

use super::checksum::{digits_mod, luhn_valid};
use super::clean::{fixed_digits, split_prefix};
use super::problem::Problem;

/// SIREN of La Poste, whose establishments do not use Luhn.
const LA_POSTE: &str = "356000000";

/// The head office of La Poste, which does use Luhn.
const LA_POSTE_HEAD_OFFICE: &str = "35600000000048";

/// `fr.siren`: 9 digits passing Luhn.
pub(super) fn siren(compact: &str) -> Result<String, Problem> {
    let digits = fixed_digits(compact, 9)?;
    if luhn_valid(&digits) {
        Ok(compact.to_owned())
    } else {
        Err(Problem::Checksum)
    }
}

/// `fr.siret`: 14 digits, a valid SIREN followed by the 5-digit establishment number.
pub(super) fn siret(compact: &str) -> Result<String, Problem> {
    let digits = fixed_digits(compact, 14)?;
    let valid = if compact.starts_with(LA_POSTE) && compact != LA_POSTE_HEAD_OFFICE {
        digits.iter().map(|d| u32::from(*d)).sum::<u32>() % 5 == 0
    } else {
        luhn_valid(&digits)
    };
    if valid && luhn_valid(&digits[..9]) {
        Ok(compact.to_owned())
    } else {
        Err(Problem::Checksum)
    }
}

/// The VAT key of a SIREN.
pub(super) fn vat_key(siren: &[u8]) -> u32 {
    (12 + 3 * digits_mod(siren, 97)) % 97
}

/// `fr.vat`: `FR` (optional when typed) + 2-digit key + SIREN; canonical with `FR`.
pub(super) fn vat(compact: &str) -> Result<String, Problem> {
    let (_, body) = split_prefix(compact, &["FR"], "FR")?;
    let digits = fixed_digits(body, 11)?;
    let (key, siren) = digits.split_at(2);
    let siren_ok = body.get(2..5) == Some("000") || luhn_valid(siren);
    if siren_ok && u32::from(key[0]) * 10 + u32::from(key[1]) == vat_key(siren) {
        Ok(format!("FR{body}"))
    } else {
        Err(Problem::Checksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siren_numbers() {
        // 552032534 (Danone), from the right, every second digit doubled:
        // 4 + 6 + 5 + 4 + 3 + 0 + 2 + (10→1) + 5 = 30 → valid.
        assert_eq!(siren("552032534"), Ok("552032534".to_owned()));
        // 732829320: 0 + 4 + 3 + (18→9) + 2 + (16→7) + 2 + 6 + 7 = 40 → valid.
        assert_eq!(siren("732829320"), Ok("732829320".to_owned()));
        // Last digit + 1: sum 31.
        assert_eq!(siren("552032535"), Err(Problem::Checksum));
        assert_eq!(siren("55203253"), Err(Problem::length(9)));
        assert_eq!(siren("55203253A"), Err(Problem::Format));
    }

    #[test]
    fn siret_numbers() {
        // 73282932000074: odd positions from the right 4+0+0+2+9+8+3 = 26, even positions
        // doubled (14→5)+0+0+6+4+4+(14→5) = 24; total 50 → valid (and SIREN 732829320 valid).
        assert_eq!(siret("73282932000074"), Ok("73282932000074".to_owned()));
        assert_eq!(siret("73282932000075"), Err(Problem::Checksum));
        // La Poste establishment: digit sum 3+5+6+4+9+9+4 = 40, a multiple of 5 (Luhn would
        // refuse it: 0+8+9+(18→9)+4+0+…+(12→3)+5+6 = 44).
        assert_eq!(siret("35600000049940"), Ok("35600000049940".to_owned()));
        assert_eq!(siret("35600000049941"), Err(Problem::Checksum));
        // La Poste head office uses Luhn: 8 + 8 + 3 + 5 + 6 = 30 → valid; digit sum 26 is not.
        assert_eq!(siret("35600000000048"), Ok("35600000000048".to_owned()));
        assert_eq!(siret("123"), Err(Problem::length(14)));
    }

    #[test]
    fn vat_numbers() {
        // 552032534 = 97 × 5691057 + 5, key = (12 + 3 × 5) mod 97 = 27.
        assert_eq!(vat("FR27552032534"), Ok("FR27552032534".to_owned()));
        assert_eq!(vat("27552032534"), Ok("FR27552032534".to_owned()));
        // 303265045 = 97 × 3126443 + 74, key = (12 + 222) mod 97 = 40.
        assert_eq!(vat("FR40303265045"), Ok("FR40303265045".to_owned()));
        assert_eq!(vat("FR28552032534"), Err(Problem::Checksum));
        assert_eq!(vat("DE27552032534"), Err(Problem::CountryPrefix("FR")));
        assert_eq!(vat("FRAB552032534"), Err(Problem::Format));
        assert_eq!(vat("FR2755203253"), Err(Problem::length(11)));
        // SIREN 552032535 fails Luhn though its key is right: 552032535 mod 97 = 6, key 30.
        assert_eq!(vat("FR30552032535"), Err(Problem::Checksum));
    }
}
