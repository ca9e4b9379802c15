//! Check-digit algorithms of the national company identifiers the sandbox generates.
//!
//! Every function is pure and works on decimal digits (`0..=9` values, most significant
//! first). The rules follow the sources listed in `shared/reference/insurer-apis.md` §6.1
//! and the published descriptions of each national registry; each one is unit-tested against
//! real, publicly known identifiers.

/// Decimal digits of an ASCII string, or `None` if it contains anything else.
pub fn parse_digits(text: &str) -> Option<Vec<u8>> {
    text.bytes()
        .map(|b| b.is_ascii_digit().then(|| b - b'0'))
        .collect()
}

/// Writes `value` as exactly `width` decimal digits (keeping the lowest ones).
pub fn to_digits(mut value: u64, width: usize) -> Vec<u8> {
    let mut out = vec![0u8; width];
    for slot in out.iter_mut().rev() {
        // `value % 10` is below 10, so the cast cannot truncate.
        *slot = (value % 10) as u8;
        value /= 10;
    }
    out
}

/// Reads decimal digits back into a number.
pub fn from_digits(digits: &[u8]) -> u64 {
    digits.iter().fold(0u64, |acc, d| {
        acc.wrapping_mul(10).wrapping_add(u64::from(*d))
    })
}

/// Formats digits as a string.
pub fn digits_to_string(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

fn luhn_sum(digits: &[u8], double_last: bool) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let double = (i % 2 == 0) == double_last;
            let v = u32::from(*d) * if double { 2 } else { 1 };
            if v > 9 {
                v - 9
            } else {
                v
            }
        })
        .sum()
}

/// Whether a digit sequence (check digit last) passes the Luhn (mod 10) test.
pub fn luhn_is_valid(digits: &[u8]) -> bool {
    !digits.is_empty() && luhn_sum(digits, false) % 10 == 0
}

/// The Luhn check digit to append to `body`.
pub fn luhn_check_digit(body: &[u8]) -> u8 {
    // The result is below 10, so the cast cannot truncate.
    ((10 - luhn_sum(body, true) % 10) % 10) as u8
}

/// French intra-community VAT key of a SIREN: `(12 + 3 × (SIREN mod 97)) mod 97`.
pub fn fr_vat_key(siren: u64) -> u64 {
    (12 + 3 * (siren % 97)) % 97
}

/// ISO 7064 MOD 11,10 check digit (German VAT number `DE` + 8 digits + check).
pub fn iso7064_mod11_10(body: &[u8]) -> u8 {
    let mut product = 10u32;
    for d in body {
        let mut sum = (u32::from(*d) + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    // The result is below 10.
    ((11 - product) % 10) as u8
}

/// Belgian enterprise number (KBO/BCE) check: the last two digits are
/// `97 − (first eight digits mod 97)`.
pub fn be_kbo_check(first_eight: u64) -> u64 {
    97 - first_eight % 97
}

/// Dutch VAT (omzetbelastingnummer) check digit: weights 9..2 on the first eight digits,
/// sum mod 11. `None` when the remainder is 10 (such numbers are never issued).
pub fn nl_vat_check(first_eight: &[u8]) -> Option<u8> {
    let sum: u32 = first_eight
        .iter()
        .zip((2..=9u32).rev())
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    let check = sum % 11;
    // Below 10 when accepted.
    (check < 10).then_some(check as u8)
}

fn gb_weighted_sum(first_seven: &[u8]) -> u64 {
    first_seven
        .iter()
        .zip((2..=8u64).rev())
        .map(|(d, w)| u64::from(*d) * w)
        .sum()
}

/// UK VAT check pair for the first seven digits (weights 8..2). The classic scheme makes
/// `sum + check` a multiple of 97; the scheme used since 2010 ("9755") makes
/// `sum + 55 + check` one.
pub fn gb_vat_check(first_seven: &[u8], since_2010: bool) -> u64 {
    let sum = gb_weighted_sum(first_seven) + if since_2010 { 55 } else { 0 };
    (97 - sum % 97) % 97
}

/// Whether nine digits form a valid UK VAT number under either scheme.
pub fn gb_vat_is_valid(digits: &[u8]) -> bool {
    if digits.len() != 9 {
        return false;
    }
    let sum = gb_weighted_sum(&digits[..7]);
    let check = from_digits(&digits[7..]);
    check < 97 && ((sum + check) % 97 == 0 || (sum + 55 + check) % 97 == 0)
}

/// Swiss UID (`CHE-123.456.789`) check digit: weights 5,4,3,2,7,6,5,4; `11 − (sum mod 11)`,
/// 11 becomes 0. `None` when the result would be 10 (such numbers are never issued).
pub fn ch_uid_check(first_eight: &[u8]) -> Option<u8> {
    const WEIGHTS: [u32; 8] = [5, 4, 3, 2, 7, 6, 5, 4];
    let sum: u32 = first_eight
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        // 1..=9 here.
        c => Some(c as u8),
    }
}

/// Austrian VAT (`ATU` + 8 digits) check digit over the first seven digits: alternate
/// weights 1,2 with digit-summed products, then `(10 − (sum + 4) mod 10) mod 10`.
pub fn at_uid_check(first_seven: &[u8]) -> u8 {
    let sum: u32 = first_seven
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(*d) * if i % 2 == 1 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    // Below 10.
    ((10 - (sum + 4) % 10) % 10) as u8
}

/// Polish NIP check digit: weights 6,5,7,2,3,4,5,6,7, sum mod 11. `None` for 10 (never issued).
pub fn pl_nip_check(first_nine: &[u8]) -> Option<u8> {
    const WEIGHTS: [u32; 9] = [6, 5, 7, 2, 3, 4, 5, 6, 7];
    let sum: u32 = first_nine
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    let check = sum % 11;
    (check < 10).then_some(check as u8)
}

/// Spanish CIF control value (0..=9) of the seven digits after the letter: digits in odd
/// positions are doubled and digit-summed, even ones added, then `(10 − sum mod 10) mod 10`.
pub fn es_cif_control(seven: &[u8]) -> u8 {
    let sum: u32 = seven
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 0 {
                let v = u32::from(*d) * 2;
                v / 10 + v % 10
            } else {
                u32::from(*d)
            }
        })
        .sum();
    // Below 10.
    ((10 - sum % 10) % 10) as u8
}

/// The letter form of a CIF control value (`JABCDEFGHI`), used by some entity letters.
pub fn es_cif_control_letter(control: u8) -> char {
    const LETTERS: &[u8; 10] = b"JABCDEFGHI";
    char::from(LETTERS[usize::from(control % 10)])
}

/// Whether a CIF (letter, seven digits, control digit or letter) is valid.
pub fn es_cif_is_valid(cif: &str) -> bool {
    let bytes = cif.as_bytes();
    if bytes.len() != 9 || !cif.is_ascii() {
        return false;
    }
    let letter = char::from(bytes[0]);
    if !"ABCDEFGHJNPQRSUVW".contains(letter) {
        return false;
    }
    let Some(body) = parse_digits(&cif[1..8]) else {
        return false;
    };
    let control = es_cif_control(&body);
    let last = char::from(bytes[8]);
    let as_digit = char::from(b'0' + control);
    let as_letter = es_cif_control_letter(control);
    match letter {
        // Entities whose control is always a letter.
        'N' | 'P' | 'Q' | 'R' | 'S' | 'W' => last == as_letter,
        // Companies (A = S.A., B = S.L.) and a few others always use a digit.
        'A' | 'B' | 'E' | 'H' => last == as_digit,
        _ => last == as_digit || last == as_letter,
    }
}

/// Whether an Italian partita IVA (11 digits) is valid: Luhn over all digits and an office
/// code (digits 8–10) in 001–100 or 120, 121, 888, 999.
pub fn it_piva_is_valid(digits: &[u8]) -> bool {
    if digits.len() != 11 || !luhn_is_valid(digits) {
        return false;
    }
    let office = from_digits(&digits[7..10]);
    (1..=100).contains(&office) || matches!(office, 120 | 121 | 888 | 999)
}

/// Two-digit EIN prefixes assigned by the IRS (campus and internet prefixes).
pub const US_EIN_PREFIXES: [u8; 83] = [
    1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33,
    34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 50, 51, 52, 53, 54, 55, 56, 57, 58,
    59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86,
    87, 88, 90, 91, 92, 93, 94, 95, 98, 99,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Vec<u8> {
        parse_digits(text).unwrap_or_default()
    }

    #[test]
    fn digit_helpers_round_trip() {
        assert_eq!(to_digits(42, 5), vec![0, 0, 0, 4, 2]);
        assert_eq!(from_digits(&[0, 0, 4, 2]), 42);
        assert_eq!(digits_to_string(&[0, 7, 3]), "073");
        assert_eq!(parse_digits("12a"), None);
    }

    #[test]
    fn luhn_on_published_french_numbers() {
        // The worked examples of the French Wikipedia SIREN/SIRET articles (732 829 320,
        // 732 829 320 00074) and Danone SA's SIREN 552 032 534.
        assert!(luhn_is_valid(&d("732829320")));
        assert!(luhn_is_valid(&d("552032534")));
        assert!(luhn_is_valid(&d("73282932000074")));
        assert!(!luhn_is_valid(&d("552032535")));
        assert_eq!(luhn_check_digit(&d("55203253")), 4);
        assert_eq!(luhn_check_digit(&d("7328293200007")), 4);
    }

    #[test]
    fn french_vat_key() {
        assert_eq!(fr_vat_key(552_032_534), 27); // FR27552032534
        assert_eq!(fr_vat_key(732_829_320), 44); // FR44732829320
    }

    #[test]
    fn german_vat_mod_11_10() {
        assert_eq!(iso7064_mod11_10(&d("13669597")), 6); // DE136695976
        assert_ne!(iso7064_mod11_10(&d("13669598")), 6);
    }

    #[test]
    fn belgian_kbo_mod_97() {
        assert_eq!(be_kbo_check(4_031_707), 1); // 0403.170.701
        assert_eq!(be_kbo_check(4_031_706), 2);
    }

    #[test]
    fn dutch_vat_mod_11() {
        assert_eq!(nl_vat_check(&d("00449544")), Some(5)); // NL004495445B01
        assert_eq!(nl_vat_check(&d("00000005")), None); // 5 × 2 = 10: never issued
    }

    #[test]
    fn uk_vat_both_schemes() {
        assert!(gb_vat_is_valid(&d("999999973"))); // HMRC's documented test number
        assert_eq!(gb_vat_check(&d("9999999"), false), 73);
        let new = gb_vat_check(&d("1234567"), true);
        let mut full = d("1234567");
        full.extend(to_digits(new, 2));
        assert!(gb_vat_is_valid(&full));
        assert!(!gb_vat_is_valid(&d("999999974")));
    }

    #[test]
    fn swiss_uid_mod_11() {
        assert_eq!(ch_uid_check(&d("11628171")), Some(0)); // CHE-116.281.710
        assert_eq!(ch_uid_check(&d("11628172")), Some(7));
        // 1,0,0,0,0,0,0,0 → sum 5 → 11 − 5 = 6; 0,0,0,0,0,0,0,3 → 12 → 10: never issued.
        assert_eq!(ch_uid_check(&d("10000000")), Some(6));
        assert_eq!(ch_uid_check(&d("00000003")), None);
    }

    #[test]
    fn austrian_uid() {
        assert_eq!(at_uid_check(&d("1358562")), 7); // ATU13585627
    }

    #[test]
    fn polish_nip() {
        assert_eq!(pl_nip_check(&d("123456321")), Some(8)); // 1234563218
        assert_eq!(pl_nip_check(&d("526025027")), Some(4)); // 526-025-02-74, a widely cited NIP
    }

    #[test]
    fn spanish_cif() {
        assert_eq!(es_cif_control(&d("9921658")), 2); // J99216582
        assert!(es_cif_is_valid("J99216582"));
        assert!(es_cif_is_valid("A28015865")); // Telefónica S.A.
        assert!(!es_cif_is_valid("A28015866"));
        assert!(!es_cif_is_valid("I28015865"));
        assert!(es_cif_is_valid("Q2826000H")); // Agencia Tributaria: control letter
        assert!(!es_cif_is_valid("Q28260008"));
    }

    #[test]
    fn italian_partita_iva() {
        assert!(it_piva_is_valid(&d("00743110157")));
        assert!(!it_piva_is_valid(&d("00743110158")));
    }

    #[test]
    fn swedish_organisation_number_is_luhn() {
        assert!(luhn_is_valid(&d("5560125790"))); // AB Volvo
        assert!(!luhn_is_valid(&d("5560125791")));
    }
}
