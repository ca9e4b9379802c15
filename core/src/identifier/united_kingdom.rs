//! UK numbers: the Companies House company number (`gb.crn`) and the VAT number (`gb.vat`).
//!
//! Company number: format only (no checksum): 8 digits (England and Wales), or a 2-character
//! prefix (SC Scotland, NI Northern Ireland, OC LLP, LP, SL, SO, FC, R0, …) + 6 digits. Shorter
//! numbers get leading zeros after the prefix, if any (`12345` → `00012345`, `SC12345` →
//! `SC012345`).
//!
//! VAT number: checksum implemented. `GB` + 9 digits, or 12 (9 + a 3-digit branch, checked on
//! the first 9): weights 8…2 on the first seven digits, plus the last two as a number, must be
//! 0 mod 97 (old rule) or, from 100 000 000 on, 42 mod 97 (the "9755" rule: + 55 ≡ 0); 55 mod
//! 97 is accepted too, as python-stdnum does (some sources state the rule as − 55). Government
//! departments `GBGD` + 000–499 and health authorities `GBHA` + 500–999 are format only. The
//! Northern Ireland prefix `XI` is accepted and kept; without a prefix, `GB` is assumed.

use super::checksum::weighted_sum;
use super::clean::{digits, starts_with_two_letters};
use super::problem::Problem;

/// Prefixes of company numbers that are not plain digits.
const CRN_PREFIXES: &[&str] = &[
    "AC", "BR", "CE", "CS", "FC", "FE", "GE", "GN", "GS", "IC", "IP", "LP", "NA", "NC", "NF", "NI",
    "NL", "NO", "NP", "NR", "NZ", "OC", "PC", "R0", "RC", "RS", "SA", "SC", "SE", "SF", "SG", "SI",
    "SL", "SO", "SP", "SR", "SZ", "ZC",
];

/// `gb.crn`: 8 characters, leading zeros added to short numbers.
pub(super) fn crn(compact: &str) -> Result<String, Problem> {
    if let Some(values) = digits(compact) {
        return if values.len() <= 8 {
            Ok(format!("{compact:0>8}"))
        } else {
            Err(Problem::length(8))
        };
    }
    let (prefix, number) = match (compact.get(..2), compact.get(2..)) {
        (Some(prefix), Some(number)) if CRN_PREFIXES.contains(&prefix) => (prefix, number),
        _ => return Err(Problem::Format),
    };
    match digits(number) {
        Some(values) if values.is_empty() => Err(Problem::Format),
        Some(values) if values.len() <= 6 => Ok(format!("{prefix}{number:0>6}")),
        Some(_) => Err(Problem::length(8)),
        None => Err(Problem::Format),
    }
}

/// `gb.vat`: `GB` or `XI` (optional when typed, `GB` assumed) + the number.
pub(super) fn vat(compact: &str) -> Result<String, Problem> {
    let (country, body) = if let Some(body) = compact.strip_prefix("GB") {
        ("GB", body)
    } else if let Some(body) = compact.strip_prefix("XI") {
        ("XI", body)
    } else {
        ("GB", compact)
    };
    if let Some(range) = body
        .strip_prefix("GD")
        .map(|n| (n, 0..=499))
        .or_else(|| body.strip_prefix("HA").map(|n| (n, 500..=999)))
    {
        let (number, allowed) = range;
        let values = digits(number).ok_or(Problem::Format)?;
        if values.len() != 3 {
            return Err(Problem::length(5));
        }
        let value = values.iter().fold(0u32, |acc, d| acc * 10 + u32::from(*d));
        return if allowed.contains(&value) {
            Ok(format!("{country}{body}"))
        } else {
            Err(Problem::Format)
        };
    }
    if starts_with_two_letters(body) {
        return Err(Problem::CountryPrefix("GB"));
    }
    let values = digits(body).ok_or(Problem::Format)?;
    if values.len() != 9 && values.len() != 12 {
        return Err(Problem::Length { min: 9, max: 12 });
    }
    let remainder = weighted_sum(&values[..9], &[8, 7, 6, 5, 4, 3, 2, 10, 1]) % 97;
    let restarted = values[0] > 0;
    let valid = remainder == 0 || (restarted && (remainder == 42 || remainder == 55));
    if valid {
        Ok(format!("{country}{body}"))
    } else {
        Err(Problem::Checksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_numbers() {
        assert_eq!(crn("00445790"), Ok("00445790".to_owned()));
        assert_eq!(crn("445790"), Ok("00445790".to_owned()));
        assert_eq!(crn("SC123456"), Ok("SC123456".to_owned()));
        assert_eq!(crn("SC12345"), Ok("SC012345".to_owned()));
        assert_eq!(crn("R0123456"), Ok("R0123456".to_owned()));
        assert_eq!(crn("OC301234"), Ok("OC301234".to_owned()));
        assert_eq!(crn("123456789"), Err(Problem::length(8)));
        assert_eq!(crn("SC1234567"), Err(Problem::length(8)));
        assert_eq!(crn("XX123456"), Err(Problem::Format));
        assert_eq!(crn("SC"), Err(Problem::Format));
        assert_eq!(crn("S"), Err(Problem::Format));
        assert_eq!(crn("SC12A456"), Err(Problem::Format));
    }

    #[test]
    fn vat_numbers() {
        // 9·8+8·7+0·6+7·5+8·4+0·3+6·2 = 207, + 84 = 291 = 3 × 97 → valid (old rule).
        assert_eq!(vat("GB980780684"), Ok("GB980780684".to_owned()));
        assert_eq!(vat("980780684"), Ok("GB980780684".to_owned()));
        assert_eq!(vat("XI980780684"), Ok("XI980780684".to_owned()));
        assert_eq!(vat("GB980780684001"), Ok("GB980780684001".to_owned()));
        assert_eq!(vat("GB980780685"), Err(Problem::Checksum));
        // 1·8+2·7+3·6+4·5+5·4+6·3+7·2 = 112; + 82 = 194 = 2 × 97 (old rule); + 27 = 139 ≡ 42
        // (9755 rule: 139 + 55 = 194).
        assert_eq!(vat("GB123456782"), Ok("GB123456782".to_owned()));
        assert_eq!(vat("GB123456727"), Ok("GB123456727".to_owned()));
        assert_eq!(vat("GB123456728"), Err(Problem::Checksum));
        // Below 100 000 000 only the old rule: 0·8+1·7+2·6+3·5+4·4+5·3+6·2 = 77; 77 + 20 = 97.
        assert_eq!(vat("GB012345620"), Ok("GB012345620".to_owned()));
        // 77 + 62 = 139 ≡ 42: the 9755 rule does not apply there.
        assert_eq!(vat("GB012345662"), Err(Problem::Checksum));
        assert_eq!(vat("GBGD001"), Ok("GBGD001".to_owned()));
        assert_eq!(vat("HA500"), Ok("GBHA500".to_owned()));
        assert_eq!(vat("GBGD500"), Err(Problem::Format));
        assert_eq!(vat("GBHA499"), Err(Problem::Format));
        assert_eq!(vat("GBGD0011"), Err(Problem::length(5)));
        assert_eq!(vat("GB98078068"), Err(Problem::Length { min: 9, max: 12 }));
        assert_eq!(vat("IE980780684"), Err(Problem::CountryPrefix("GB")));
    }
}
