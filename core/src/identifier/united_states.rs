//! US Employer Identification Number (EIN), format only (no checksum): 9 digits whose first
//! two are a prefix the IRS assigns (01–06, 10–16, 20–27, 30–48, 50–68, 71–77, 80–88, 90–95,
//! 98, 99). Canonical: the 9 digits, no dash.

use super::clean::fixed_digits;
use super::problem::Problem;

/// `us.ein`: 9 digits with a valid IRS prefix.
pub(super) fn ein(compact: &str) -> Result<String, Problem> {
    let digits = fixed_digits(compact, 9)?;
    let prefix = digits[0] * 10 + digits[1];
    if matches!(prefix, 1..=6 | 10..=16 | 20..=27 | 30..=48 | 50..=68 | 71..=77 | 80..=88 | 90..=95 | 98 | 99)
    {
        Ok(compact.to_owned())
    } else {
        Err(Problem::Format)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eins() {
        assert_eq!(ein("123456789"), Ok("123456789".to_owned()));
        assert_eq!(ein("471234567"), Ok("471234567".to_owned()));
        for unused in [
            "00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79",
            "89", "96", "97",
        ] {
            assert_eq!(
                ein(&format!("{unused}1234567")),
                Err(Problem::Format),
                "{unused}"
            );
        }
        assert_eq!(ein("12345678"), Err(Problem::length(9)));
    }
}
