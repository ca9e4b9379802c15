//! Dun & Bradstreet D-U-N-S number, format only (no published check digit): 9 digits.

use super::clean::fixed_digits;
use super::problem::Problem;

/// `duns`: 9 digits.
pub(super) fn duns(compact: &str) -> Result<String, Problem> {
    fixed_digits(compact, 9).map(|_| compact.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duns_numbers() {
        assert_eq!(duns("150483782"), Ok("150483782".to_owned()));
        assert_eq!(duns("15048378"), Err(Problem::length(9)));
        assert_eq!(duns("15048378A"), Err(Problem::Format));
    }
}
