//! The check-digit algorithms shared by several kinds. Digits are values 0–9, not ASCII.

/// Sum of `digits` times `weights`, pairwise (the shorter one decides the length).
pub(super) fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(digit, weight)| u32::from(*digit) * weight)
        .sum()
}

/// The Luhn sum modulo 10 of `digits`, the last digit undoubled: 0 for a valid number.
pub(super) fn luhn_remainder(digits: &[u8]) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, digit)| {
            let value = u32::from(*digit);
            if i % 2 == 1 {
                let doubled = value * 2;
                doubled / 10 + doubled % 10
            } else {
                value
            }
        })
        .sum::<u32>()
        % 10
}

/// Whether `digits` pass the Luhn check.
pub(super) fn luhn_valid(digits: &[u8]) -> bool {
    luhn_remainder(digits) == 0
}

/// The Luhn check digit to append to `digits`.
pub(super) fn luhn_check_digit(digits: &[u8]) -> u8 {
    let mut with_zero = digits.to_vec();
    with_zero.push(0);
    // Less than 10, so the cast is exact.
    ((10 - luhn_remainder(&with_zero)) % 10) as u8
}

/// Whether `digits` (check digit last) pass ISO 7064 MOD 11,10.
pub(super) fn mod_11_10_valid(digits: &[u8]) -> bool {
    let Some((check, body)) = digits.split_last() else {
        return false;
    };
    let mut product = 10;
    for digit in body {
        let mut sum = (u32::from(*digit) + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    (11 - product) % 10 == u32::from(*check)
}

/// The remainder modulo 97 of an alphanumeric text read as ISO 7064 MOD 97-10 reads it (digits
/// as themselves, letters A–Z as 10–35); `None` on any other character.
pub(super) fn mod_97(text: &str) -> Option<u32> {
    let mut remainder = 0u32;
    for c in text.chars() {
        let value = c.to_digit(36)?;
        remainder = if value < 10 {
            (remainder * 10 + value) % 97
        } else {
            (remainder * 100 + value) % 97
        };
    }
    Some(remainder)
}

/// Whether an alphanumeric text passes ISO 7064 MOD 97-10 (remainder 1).
pub(super) fn mod_97_10_valid(text: &str) -> bool {
    mod_97(text) == Some(1)
}

/// The remainder modulo `modulus` of a decimal digit string of any length.
pub(super) fn digits_mod(digits: &[u8], modulus: u32) -> u32 {
    digits.iter().fold(0, |remainder, digit| {
        (remainder * 10 + u32::from(*digit)) % modulus
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn() {
        // 79927398713 is the textbook Luhn example.
        assert!(luhn_valid(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]));
        assert!(!luhn_valid(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4]));
        assert_eq!(luhn_check_digit(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1]), 3);
    }

    #[test]
    fn iso_7064() {
        // DE136695976, hand computed: products 10→ 1:(1+10)%10=1,2*1%11=2; 3:5,10; 6:6,1;
        // 6:7,3; 9:2,4; 5:9,7; 9:6,1; 7:8,5; check (11-5)%10=6.
        assert!(mod_11_10_valid(&[1, 3, 6, 6, 9, 5, 9, 7, 6]));
        assert!(!mod_11_10_valid(&[1, 3, 6, 6, 9, 5, 9, 7, 7]));
        assert!(!mod_11_10_valid(&[]));
        // ISO 13616 example IBAN GB82WEST12345698765432 rearranged.
        assert!(mod_97_10_valid("WEST12345698765432GB82"));
        assert!(!mod_97_10_valid("WEST12345698765432GB83"));
        assert_eq!(mod_97("A-1"), None);
        assert_eq!(digits_mod(&[2, 0, 2, 2, 7, 4, 9, 6, 1, 9], 11), 0);
    }
}
