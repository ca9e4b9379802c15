//! Coface EASY numbers as the sandbox builds them.
//!
//! A real EASY number has 19 digits: a 12-digit identifier, 2 check digits and 5 digits for
//! the establishment (`shared/reference/insurer-apis.md` §6.3). Coface does not publish the
//! check-digit algorithm, so the sandbox uses its own, documented here:
//!
//! - **identifier**: 12 digits, never starting with `0`, unique per legal entity;
//! - **check digits**: `97 − (identifier mod 97)`, written on two digits (`01`…`97`);
//! - **establishment**: `00000` for the head office; the establishments of the same legal
//!   entity keep the head office's first 14 digits and are numbered `00001`, `00002`, … in
//!   the order the generator creates them.
//!
//! So `123456789012` + `(97 − 123456789012 mod 97)` + `00000` is a head office, and its
//! second establishment differs only in the last five digits (`00002`). An establishment's
//! head office is therefore always `first 14 digits + 00000`. Temporary EASY numbers (letter
//! `Z` first) are not generated here: they belong to unknown-buyer orders.

/// The five-digit establishment part of a head office's EASY number.
pub const HEAD_OFFICE_SUFFIX: &str = "00000";

/// The two check digits (1..=97) of a 12-digit identifier.
pub fn check_digits(identifier: u64) -> u64 {
    97 - identifier % 97
}

/// The EASY number of a head office (establishment part `00000`).
pub fn head_office(identifier: u64) -> String {
    format!(
        "{identifier:012}{:02}{HEAD_OFFICE_SUFFIX}",
        check_digits(identifier)
    )
}

/// The EASY number of establishment `number` (1..=99 999) of the head office `head_office`.
/// Returns `None` if `head_office` is not a valid head-office EASY number or `number` is out
/// of range.
pub fn establishment(head_office: &str, number: u32) -> Option<String> {
    if !is_valid(head_office) || !head_office.ends_with(HEAD_OFFICE_SUFFIX) {
        return None;
    }
    if !(1..=99_999).contains(&number) {
        return None;
    }
    Some(format!("{}{number:05}", &head_office[..14]))
}

/// Whether `easy` is 19 digits whose first 12 carry the right check digits.
pub fn is_valid(easy: &str) -> bool {
    if easy.len() != 19 || !easy.bytes().all(|b| b.is_ascii_digit()) || easy.starts_with('0') {
        return false;
    }
    match (easy[..12].parse::<u64>(), easy[12..14].parse::<u64>()) {
        (Ok(identifier), Ok(check)) => check == check_digits(identifier),
        _ => false,
    }
}

/// The head office EASY number of any valid EASY number (itself for a head office).
pub fn head_office_of(easy: &str) -> Option<String> {
    is_valid(easy).then(|| format!("{}{HEAD_OFFICE_SUFFIX}", &easy[..14]))
}

/// Whether `easy` designates a head office (establishment part `00000`).
pub fn is_head_office(easy: &str) -> bool {
    is_valid(easy) && easy.ends_with(HEAD_OFFICE_SUFFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_office_layout() {
        let easy = head_office(123_456_789_012);
        assert_eq!(easy.len(), 19);
        // 123456789012 mod 97 = 18 → check 79.
        assert_eq!(123_456_789_012u64 % 97, 18);
        assert_eq!(easy, "1234567890127900000");
        assert!(is_valid(&easy));
        assert!(is_head_office(&easy));
    }

    #[test]
    fn check_digits_range_is_one_to_ninety_seven() {
        assert_eq!(check_digits(97 * 1_000_000_000), 97);
        assert_eq!(check_digits(97 * 1_000_000_000 + 96), 1);
        assert_eq!(head_office(97 * 1_000_000_000).get(12..14), Some("97"));
    }

    #[test]
    fn establishments_share_the_entity_part() {
        let head = head_office(400_000_000_001);
        let second = establishment(&head, 2).unwrap_or_default();
        assert_eq!(&second[..14], &head[..14]);
        assert!(second.ends_with("00002"));
        assert!(is_valid(&second));
        assert!(!is_head_office(&second));
        assert_eq!(head_office_of(&second), Some(head.clone()));
        assert_eq!(establishment(&head, 0), None);
        assert_eq!(establishment(&second, 3), None);
    }

    #[test]
    fn rejects_malformed_numbers() {
        let good = head_office(555_555_555_555);
        let mut bad_check = good.clone();
        bad_check.replace_range(12..14, "00");
        assert!(!is_valid(&bad_check));
        assert!(!is_valid(&good[..18]));
        assert!(!is_valid("Z123456789012345678"));
        assert!(!is_valid("0123456789012300000"));
        assert_eq!(head_office_of("nope"), None);
    }
}
