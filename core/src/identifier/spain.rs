//! Spanish tax numbers: CIF (companies), NIF (anyone: DNI, NIE, CIF, K/L/M) and the VAT number
//! (`ES` + NIF).
//!
//! Checksums implemented:
//! - CIF: entity letter `ABCDEFGHJNPQRSUVW` + 7 digits + control, the Luhn check digit `c` of the
//!   7 digits, or the letter `JABCDEFGHI`[c]. Letter rules: A, B, E, H take the digit; N, P, Q,
//!   R, S, W the letter; the others either. (The "province 00 takes a letter" rule is not
//!   enforced.)
//! - DNI: 8 digits + `TRWAGMYFPDXBNJZSQVHLCKE`[number mod 23].
//! - NIE: X, Y or Z (read as 0, 1, 2) + 7 digits + the DNI letter of the 8-digit number.
//! - K, L, M numbers: letter + 7 digits + the DNI letter of the 7 digits.

use super::checksum::luhn_check_digit;
use super::clean::{digits, split_prefix};
use super::problem::Problem;

/// Entity letters of a CIF.
const CIF_ENTITIES: &[u8] = b"ABCDEFGHJNPQRSUVW";

/// Control letters of a CIF, indexed by its check digit.
const CIF_CONTROL_LETTERS: &[u8; 10] = b"JABCDEFGHI";

/// Control letters of a DNI, indexed by the number mod 23.
const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// Splits the optional `ES` prefix off and checks the 9-character length.
fn body(compact: &str) -> Result<&str, Problem> {
    let (_, body) = split_prefix(compact, &["ES"], "ES")?;
    if body.len() == 9 {
        Ok(body)
    } else {
        Err(Problem::length(9))
    }
}

/// Whether `body` (9 ASCII characters) is a valid CIF.
fn check_cif(body: &[u8]) -> Result<(), Problem> {
    let entity = body[0];
    let number = digits_of(&body[1..8])?;
    if !CIF_ENTITIES.contains(&entity) {
        return Err(Problem::Format);
    }
    let check = luhn_check_digit(&number);
    let as_digit = b'0' + check;
    let as_letter = CIF_CONTROL_LETTERS[usize::from(check)];
    let control = body[8];
    let valid = match entity {
        b'A' | b'B' | b'E' | b'H' => control == as_digit,
        b'N' | b'P' | b'Q' | b'R' | b'S' | b'W' => control == as_letter,
        _ => control == as_digit || control == as_letter,
    };
    if valid {
        Ok(())
    } else if control.is_ascii_alphanumeric() {
        Err(Problem::Checksum)
    } else {
        Err(Problem::Format)
    }
}

/// The digit values of ASCII `bytes`, or [`Problem::Format`].
fn digits_of(bytes: &[u8]) -> Result<Vec<u8>, Problem> {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(digits)
        .ok_or(Problem::Format)
}

/// Whether `letter` is the DNI letter of `number`.
fn check_dni_letter(number: &[u8], letter: u8) -> Result<(), Problem> {
    if !letter.is_ascii_uppercase() {
        return Err(Problem::Format);
    }
    let value = number
        .iter()
        .fold(0u32, |acc, d| (acc * 10 + u32::from(*d)) % 23);
    if DNI_LETTERS[value as usize] == letter {
        Ok(())
    } else {
        Err(Problem::Checksum)
    }
}

/// Whether `body` (9 ASCII characters) is a valid NIF of any form.
fn check_nif(body: &[u8]) -> Result<(), Problem> {
    match body[0] {
        b'0'..=b'9' => check_dni_letter(&digits_of(&body[..8])?, body[8]),
        first @ (b'X' | b'Y' | b'Z') => {
            let mut number = vec![first - b'X'];
            number.extend(digits_of(&body[1..8])?);
            check_dni_letter(&number, body[8])
        }
        b'K' | b'L' | b'M' => check_dni_letter(&digits_of(&body[1..8])?, body[8]),
        _ => check_cif(body),
    }
}

/// `es.cif`: a company's CIF; an `ES` prefix is accepted and dropped.
pub(super) fn cif(compact: &str) -> Result<String, Problem> {
    let body = body(compact)?;
    check_cif(body.as_bytes()).map(|()| body.to_owned())
}

/// `es.nif`: any NIF (DNI, NIE, CIF, K/L/M); an `ES` prefix is accepted and dropped.
pub(super) fn nif(compact: &str) -> Result<String, Problem> {
    let body = body(compact)?;
    check_nif(body.as_bytes()).map(|()| body.to_owned())
}

/// `es.vat`: `ES` (optional when typed) + NIF; canonical with `ES`.
pub(super) fn vat(compact: &str) -> Result<String, Problem> {
    let body = body(compact)?;
    check_nif(body.as_bytes()).map(|()| format!("ES{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cif_numbers() {
        // Luhn check digit of 5881850: 5881850·0 from the right 0+0+5+(16→7)+1+(16→7)+8+(10→1)
        // = 29 → 1; A takes the digit.
        assert_eq!(cif("A58818501"), Ok("A58818501".to_owned()));
        assert_eq!(cif("ESA58818501"), Ok("A58818501".to_owned()));
        // 1234567·0: 0+(14→5)+6+(10→1)+4+6+2+2 = 26 → 4; B takes the digit, not D.
        assert_eq!(cif("B12345674"), Ok("B12345674".to_owned()));
        assert_eq!(cif("B1234567D"), Err(Problem::Checksum));
        // 2876031·0: 0+2+3+0+6+(14→5)+8+4 = 28 → 2 → B; Q takes the letter, not 2.
        assert_eq!(cif("Q2876031B"), Ok("Q2876031B".to_owned()));
        assert_eq!(cif("Q28760312"), Err(Problem::Checksum));
        // 0112768·0: 0+(16→7)+6+(14→5)+2+2+1+0 = 23 → 7 → G; N takes the letter.
        assert_eq!(cif("N0112768G"), Ok("N0112768G".to_owned()));
        // J takes either: 9921658 → 2 (B).
        assert_eq!(cif("J99216582"), Ok("J99216582".to_owned()));
        assert_eq!(cif("J9921658B"), Ok("J9921658B".to_owned()));
        assert_eq!(cif("A58818502"), Err(Problem::Checksum));
        // The right check, in the wrong shape: A takes the digit 1, not its letter A; W takes
        // the letter J (8265365 → 0), not the digit 0.
        assert_eq!(cif("A5881850A"), Err(Problem::Checksum));
        assert_eq!(cif("W8265365J"), Ok("W8265365J".to_owned()));
        assert_eq!(cif("W82653650"), Err(Problem::Checksum));
        assert_eq!(cif("I58818501"), Err(Problem::Format));
        assert_eq!(cif("X1234567L"), Err(Problem::Format));
        assert_eq!(cif("A5881850"), Err(Problem::length(9)));
        assert_eq!(cif("FRA58818501"), Err(Problem::CountryPrefix("ES")));
    }

    #[test]
    fn nif_numbers() {
        // 12345678 = 23 × 536768 + 14 → Z.
        assert_eq!(nif("12345678Z"), Ok("12345678Z".to_owned()));
        assert_eq!(nif("12345678A"), Err(Problem::Checksum));
        // NIE X1234567: 1234567 = 23 × 53676 + 19 → L; Y → 11234567 = 23 × 488459 + 10 → X.
        assert_eq!(nif("X1234567L"), Ok("X1234567L".to_owned()));
        assert_eq!(nif("Y1234567X"), Ok("Y1234567X".to_owned()));
        assert_eq!(nif("Z1234567L"), Err(Problem::Checksum));
        assert_eq!(nif("M1234567L"), Ok("M1234567L".to_owned()));
        assert_eq!(nif("A58818501"), Ok("A58818501".to_owned()));
        assert_eq!(nif("1234567ZZ"), Err(Problem::Format));
        assert_eq!(nif("123456789"), Err(Problem::Format));
    }

    #[test]
    fn vat_numbers() {
        assert_eq!(vat("ESA58818501"), Ok("ESA58818501".to_owned()));
        assert_eq!(vat("A58818501"), Ok("ESA58818501".to_owned()));
        assert_eq!(vat("ES12345678Z"), Ok("ES12345678Z".to_owned()));
        assert_eq!(vat("PTA58818501"), Err(Problem::CountryPrefix("ES")));
    }
}
