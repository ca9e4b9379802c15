//! VAT numbers of the EU member states not handled in a country file of their own (FR, BE, NL,
//! DE, IT and ES are), each `<prefix><body>`: the prefix is optional when typed and always in
//! the canonical form. Greece's prefix is `EL` (VIES); `GR` is accepted and becomes `EL`.
//!
//! Checksums implemented (the published rules, as python-stdnum implements them):
//! - AT `U` + 8 digits: Luhn-like, check = (6 − Luhn sum of the first 7) mod 10.
//! - BG 9 digits: weights 1…8 mod 11 (10 → weights 3…10 mod 11), then mod 10. 10 digits: any of
//!   the EGN (weights 2,4,8,5,10,9,7,3,6 mod 11 mod 10), foreigner (21,19,17,13,11,9,7,3,1
//!   mod 10) or other (4,3,2,7,6,5,4,3,2; 11 − mod 11) checks; birth dates are not checked.
//! - CY 8 digits + letter: odd positions mapped 0→1, 1→0, 2→5, 3→7, 4→9, 5→13, 6→15, 7→17,
//!   8→19, 9→21, even positions as is, sum mod 26 → A–Z.
//! - CZ 8 digits (legal entities, not starting with 9): weights 8…2, (11 − mod 11) mod 11, 0 → 1,
//!   then mod 10. 10 digits (birth number): first nine mod 11 = last (10 → 0). 9 digits
//!   (individuals, old birth numbers or special numbers starting with 6): format only, the
//!   sources disagree on the special rule.
//! - DK 8 digits: weights 2,7,6,5,4,3,2,1 ≡ 0 mod 11.
//! - EE 9 digits: weights 3,7,1 repeated ≡ 0 mod 10.
//! - EL 9 digits (8 get a leading 0): weights 256…2 mod 11 mod 10.
//! - FI 8 digits: weights 7,9,10,5,8,4,2,1 ≡ 0 mod 11.
//! - HR 11 digits (OIB): ISO 7064 MOD 11,10.
//! - HU 8 digits: weights 9,7,3,1 repeated ≡ 0 mod 10.
//! - IE: new form 7 digits + check letter + optional letter (weights 8…2, the second letter's
//!   index × 9, mod 23 → `WABCDEFGHIJKLMNOPQRSTUV`); old form digit + letter + 5 digits + check
//!   letter (read as `0` + the 5 digits + the first digit). The old forms with `+` or `*` are
//!   refused as invalid characters.
//! - LT 9 or 12 digits, the second last `1`: weights 1…9,1,2 mod 11 (10 → weights 3…9,1…4
//!   mod 11), then mod 10.
//! - LU 8 digits: first six mod 89 = last two.
//! - LV 11 digits: legal entities (first digit > 3): weights 9,1,4,8,3,10,2,5,7,6,1 ≡ 3 mod 11;
//!   natural persons (first digit 0–3): format only.
//! - MT 8 digits: weights 3,4,6,7,8,9,10,1 ≡ 0 mod 37.
//! - PL 10 digits: weights 6,5,7,2,3,4,5,6,7 mod 11 = last (10 never issued).
//! - PT 9 digits: weights 9…2, 11 − mod 11, 10 and 11 → 0.
//! - RO 2–10 digits, no leading zero: padded to 10, weights 7,5,3,2,1,7,5,3,2, × 10 mod 11
//!   mod 10.
//! - SE 12 digits: a Luhn-valid 10-digit organisation number + `01`.
//! - SI 8 digits, no leading zero: weights 8…2, 11 − mod 11, 10 → 0, 11 never issued.
//! - SK 10 digits, no leading zero, third digit 2, 3, 4, 7, 8 or 9: the number ≡ 0 mod 11.

use super::checksum::{digits_mod, luhn_remainder, luhn_valid, mod_11_10_valid, weighted_sum};
use super::clean::{digits, fixed_digits, split_prefix};
use super::kind::IdentifierKind;
use super::problem::Problem;

/// How one member state's VAT number is written and checked.
#[derive(Clone, Copy)]
pub(super) struct Rule {
    /// Canonical prefix, e.g. `EL`.
    pub(super) prefix: &'static str,
    /// Prefixes accepted when typed, canonical first.
    accepted: &'static [&'static str],
    /// Checks the body after the prefix and returns its canonical form.
    body: fn(&str) -> Result<String, Problem>,
}

/// The rule of `kind`, if it is one of this file's VAT kinds.
pub(super) fn rule(kind: IdentifierKind) -> Option<Rule> {
    use IdentifierKind as K;
    let (prefix, accepted, body): (&'static str, &'static [&'static str], fn(&str) -> _) =
        match kind {
            K::AtVat => ("AT", &["AT"], at),
            K::BgVat => ("BG", &["BG"], bg),
            K::CyVat => ("CY", &["CY"], cy),
            K::CzVat => ("CZ", &["CZ"], cz),
            K::DkVat => ("DK", &["DK"], dk),
            K::EeVat => ("EE", &["EE"], ee),
            K::GrVat => ("EL", &["EL", "GR"], gr),
            K::FiVat => ("FI", &["FI"], fi),
            K::HrVat => ("HR", &["HR"], hr),
            K::HuVat => ("HU", &["HU"], hu),
            K::IeVat => ("IE", &["IE"], ie),
            K::LtVat => ("LT", &["LT"], lt),
            K::LuVat => ("LU", &["LU"], lu),
            K::LvVat => ("LV", &["LV"], lv),
            K::MtVat => ("MT", &["MT"], mt),
            K::PlVat => ("PL", &["PL"], pl),
            K::PtVat => ("PT", &["PT"], pt),
            K::RoVat => ("RO", &["RO"], ro),
            K::SeVat => ("SE", &["SE"], se),
            K::SiVat => ("SI", &["SI"], si),
            K::SkVat => ("SK", &["SK"], sk),
            _ => return None,
        };
    Some(Rule {
        prefix,
        accepted,
        body,
    })
}

/// Validates a compact text against `rule`: canonical prefix + canonical body.
pub(super) fn validate(rule: Rule, compact: &str) -> Result<String, Problem> {
    let (_, body) = split_prefix(compact, rule.accepted, rule.prefix)?;
    (rule.body)(body).map(|body| format!("{}{body}", rule.prefix))
}

/// Turns a check verdict into the result for `body`.
fn verdict(valid: bool, body: &str) -> Result<String, Problem> {
    if valid {
        Ok(body.to_owned())
    } else {
        Err(Problem::Checksum)
    }
}

/// `11 − sum mod 11`, with 11 → 0; 10 stays 10 (never a digit).
fn eleven_minus(sum: u32) -> u32 {
    match 11 - sum % 11 {
        11 => 0,
        check => check,
    }
}

/// Austria: `U` + 8 digits.
fn at(body: &str) -> Result<String, Problem> {
    let number = body.strip_prefix('U').ok_or(Problem::Format)?;
    let d = fixed_digits(number, 8).map_err(|problem| match problem {
        Problem::Length { .. } => Problem::length(9),
        other => other,
    })?;
    verdict((16 - luhn_remainder(&d[..7])) % 10 == u32::from(d[7]), body)
}

/// Bulgaria: 9 digits (legal entities) or 10 (persons, foreigners, others).
fn bg(body: &str) -> Result<String, Problem> {
    let d = digits(body).ok_or(Problem::Format)?;
    let last = d.last().map_or(0, |d| u32::from(*d));
    match d.len() {
        9 => {
            let mut check = weighted_sum(&d, &[1, 2, 3, 4, 5, 6, 7, 8]) % 11;
            if check == 10 {
                check = weighted_sum(&d, &[3, 4, 5, 6, 7, 8, 9, 10]) % 11;
            }
            verdict(check % 10 == last, body)
        }
        10 => {
            let egn = weighted_sum(&d, &[2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11 % 10 == last;
            let foreigner = weighted_sum(&d, &[21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10 == last;
            let other = eleven_minus(weighted_sum(&d, &[4, 3, 2, 7, 6, 5, 4, 3, 2])) == last;
            verdict(egn || foreigner || other, body)
        }
        _ => Err(Problem::Length { min: 9, max: 10 }),
    }
}

/// Cyprus: 8 digits + check letter.
fn cy(body: &str) -> Result<String, Problem> {
    if body.len() != 9 {
        return Err(Problem::length(9));
    }
    let (number, letter) = body.split_at(8);
    let d = digits(number).ok_or(Problem::Format)?;
    let letter = letter.as_bytes()[0];
    if !letter.is_ascii_uppercase() {
        return Err(Problem::Format);
    }
    const ODD: [u32; 10] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
    let sum: u32 = d
        .iter()
        .enumerate()
        .map(|(i, digit)| {
            if i % 2 == 0 {
                ODD[usize::from(*digit)]
            } else {
                u32::from(*digit)
            }
        })
        .sum();
    verdict(u32::from(letter - b'A') == sum % 26, body)
}

/// Czechia: 8 digits (legal entities), 9 or 10 (individuals).
fn cz(body: &str) -> Result<String, Problem> {
    let d = digits(body).ok_or(Problem::Format)?;
    match d.len() {
        8 => {
            if d[0] == 9 {
                return Err(Problem::Format);
            }
            let check = (11 - weighted_sum(&d, &[8, 7, 6, 5, 4, 3, 2]) % 11) % 11;
            let check = if check == 0 { 1 } else { check % 10 };
            verdict(check == u32::from(d[7]), body)
        }
        9 => Ok(body.to_owned()),
        10 => {
            let check = digits_mod(&d[..9], 11);
            verdict(check % 10 == u32::from(d[9]), body)
        }
        _ => Err(Problem::Length { min: 8, max: 10 }),
    }
}

/// Denmark: 8 digits.
fn dk(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 8)?;
    verdict(weighted_sum(&d, &[2, 7, 6, 5, 4, 3, 2, 1]) % 11 == 0, body)
}

/// Estonia: 9 digits.
fn ee(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 9)?;
    verdict(
        weighted_sum(&d, &[3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 == 0,
        body,
    )
}

/// Greece: 9 digits, 8 padded.
fn gr(body: &str) -> Result<String, Problem> {
    let mut d = digits(body).ok_or(Problem::Format)?;
    if d.len() == 8 {
        d.insert(0, 0);
    }
    if d.len() != 9 {
        return Err(Problem::Length { min: 8, max: 9 });
    }
    let check = weighted_sum(&d, &[256, 128, 64, 32, 16, 8, 4, 2]) % 11 % 10;
    let canonical: String = d.iter().map(|digit| char::from(b'0' + digit)).collect();
    verdict(check == u32::from(d[8]), &canonical)
}

/// Finland: 8 digits.
fn fi(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 8)?;
    verdict(weighted_sum(&d, &[7, 9, 10, 5, 8, 4, 2, 1]) % 11 == 0, body)
}

/// Croatia: 11 digits.
fn hr(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 11)?;
    verdict(mod_11_10_valid(&d), body)
}

/// Hungary: 8 digits.
fn hu(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 8)?;
    verdict(weighted_sum(&d, &[9, 7, 3, 1, 9, 7, 3, 1]) % 10 == 0, body)
}

/// Irish check letters, indexed by remainder mod 23.
const IE_LETTERS: &[u8; 23] = b"WABCDEFGHIJKLMNOPQRSTUV";

/// The Irish check letter of 7 digits and an optional second letter.
fn ie_check(seven: &[u8], second: Option<u8>) -> Option<u8> {
    let second = match second {
        Some(letter) => IE_LETTERS.iter().position(|l| *l == letter)?,
        None => 0,
    };
    // `second` < 23, so the conversion is exact.
    let sum = weighted_sum(seven, &[8, 7, 6, 5, 4, 3, 2]) + 9 * second as u32;
    IE_LETTERS.get((sum % 23) as usize).copied()
}

/// Ireland: 7 digits + check letter (+ letter), or the old digit, letter, 5 digits, letter.
fn ie(body: &str) -> Result<String, Problem> {
    let bytes = body.as_bytes();
    if bytes.len() != 8 && bytes.len() != 9 {
        return Err(Problem::Length { min: 8, max: 9 });
    }
    let check = bytes[7];
    if let Some(seven) = digits(&body[..7]) {
        let second = bytes.get(8).copied();
        if second.is_some_and(|s| !IE_LETTERS.contains(&s)) || !check.is_ascii_uppercase() {
            return Err(Problem::Format);
        }
        return verdict(ie_check(&seven, second) == Some(check), body);
    }
    let old = bytes.len() == 8
        && bytes[0].is_ascii_digit()
        && bytes[1].is_ascii_uppercase()
        && check.is_ascii_uppercase();
    let middle = digits(&body[2..7]).filter(|_| old).ok_or(Problem::Format)?;
    let mut seven = vec![0];
    seven.extend(middle);
    seven.push(bytes[0] - b'0');
    verdict(ie_check(&seven, None) == Some(check), body)
}

/// Lithuania: 9 or 12 digits.
fn lt(body: &str) -> Result<String, Problem> {
    let d = digits(body).ok_or(Problem::Format)?;
    if d.len() != 9 && d.len() != 12 {
        return Err(Problem::Length { min: 9, max: 12 });
    }
    let (front, check) = d.split_at(d.len() - 1);
    if front[front.len() - 1] != 1 {
        return Err(Problem::Format);
    }
    let mut sum = weighted_sum(front, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2]) % 11;
    if sum == 10 {
        sum = weighted_sum(front, &[3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4]) % 11;
    }
    verdict(sum % 10 == u32::from(check[0]), body)
}

/// Luxembourg: 8 digits.
fn lu(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 8)?;
    let check = u32::from(d[6]) * 10 + u32::from(d[7]);
    verdict(digits_mod(&d[..6], 89) == check, body)
}

/// Latvia: 11 digits.
fn lv(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 11)?;
    if d[0] <= 3 {
        return Ok(body.to_owned());
    }
    verdict(
        weighted_sum(&d, &[9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1]) % 11 == 3,
        body,
    )
}

/// Malta: 8 digits.
fn mt(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 8)?;
    verdict(weighted_sum(&d, &[3, 4, 6, 7, 8, 9, 10, 1]) % 37 == 0, body)
}

/// Poland: 10 digits.
fn pl(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 10)?;
    let check = weighted_sum(&d, &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
    verdict(check == u32::from(d[9]), body)
}

/// Portugal: 9 digits.
fn pt(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 9)?;
    let check = match 11 - weighted_sum(&d, &[9, 8, 7, 6, 5, 4, 3, 2]) % 11 {
        10 | 11 => 0,
        check => check,
    };
    verdict(check == u32::from(d[8]), body)
}

/// Romania: 2–10 digits, no leading zero.
fn ro(body: &str) -> Result<String, Problem> {
    let d = digits(body).ok_or(Problem::Format)?;
    if !(2..=10).contains(&d.len()) {
        return Err(Problem::Length { min: 2, max: 10 });
    }
    if d[0] == 0 {
        return Err(Problem::Format);
    }
    let mut padded = vec![0; 10 - d.len()];
    padded.extend(&d);
    let check = weighted_sum(&padded, &[7, 5, 3, 2, 1, 7, 5, 3, 2]) * 10 % 11 % 10;
    verdict(check == u32::from(padded[9]), body)
}

/// Sweden: 10-digit organisation number + `01`.
fn se(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 12)?;
    if d[10..] != [0, 1] {
        return Err(Problem::Format);
    }
    verdict(luhn_valid(&d[..10]), body)
}

/// Slovenia: 8 digits, no leading zero.
fn si(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 8)?;
    if d[0] == 0 {
        return Err(Problem::Format);
    }
    let check = match eleven_minus(weighted_sum(&d, &[8, 7, 6, 5, 4, 3, 2])) {
        10 => 0,
        0 => 11,
        check => check,
    };
    verdict(check == u32::from(d[7]), body)
}

/// Slovakia: 10 digits.
fn sk(body: &str) -> Result<String, Problem> {
    let d = fixed_digits(body, 10)?;
    if d[0] == 0 || !matches!(d[2], 2 | 3 | 4 | 7 | 8 | 9) {
        return Err(Problem::Format);
    }
    verdict(digits_mod(&d, 11) == 0, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(kind: IdentifierKind, compact: &str) -> Result<String, Problem> {
        rule(kind).map_or(Err(Problem::Format), |rule| validate(rule, compact))
    }

    fn valid(kind: IdentifierKind, compact: &str, canonical: &str) {
        assert_eq!(
            check(kind, compact),
            Ok(canonical.to_owned()),
            "{kind} {compact}"
        );
    }

    fn invalid(kind: IdentifierKind, compact: &str, problem: Problem) {
        assert_eq!(check(kind, compact), Err(problem), "{kind} {compact}");
    }

    use IdentifierKind as K;

    #[test]
    fn austria() {
        // 1358562: 1 + (3→6) + 5 + (8→16→7) + 5 + (6→12→3) + 2 = 29 → (6 − 9) mod 10 = 7.
        valid(K::AtVat, "ATU13585627", "ATU13585627");
        valid(K::AtVat, "U13585627", "ATU13585627");
        invalid(K::AtVat, "ATU13585626", Problem::Checksum);
        invalid(K::AtVat, "AT13585627", Problem::Format);
        invalid(K::AtVat, "ATU1358562", Problem::length(9));
    }

    #[test]
    fn bulgaria() {
        // 1·1+7·2+5·3+0·4+7·5+4·6+7·7+5·8 = 178 ≡ 2 (mod 11) → 2.
        valid(K::BgVat, "BG175074752", "BG175074752");
        invalid(K::BgVat, "BG175074753", Problem::Checksum);
        // EGN 7523169263: 7·2+5·4+2·8+3·5+1·10+6·9+9·7+2·3+6·6 = 234 ≡ 3 (mod 11) → 3.
        valid(K::BgVat, "7523169263", "BG7523169263");
        invalid(K::BgVat, "BG17507475", Problem::Length { min: 9, max: 10 });
    }

    #[test]
    fn cyprus() {
        // 1,2,9,3 at odd positions → 0+5+21+7 = 33; 0,5,0,3 → 8; 41 mod 26 = 15 → P.
        valid(K::CyVat, "CY10259033P", "CY10259033P");
        invalid(K::CyVat, "CY10259033Q", Problem::Checksum);
        invalid(K::CyVat, "CY102590339", Problem::Format);
        invalid(K::CyVat, "CY1025903P", Problem::length(9));
    }

    #[test]
    fn czechia() {
        // 2·8+5·7+1·6+2·5+3·4+8·3+9·2 = 121 ≡ 0 → (11 − 0) mod 11 = 0 → 1.
        valid(K::CzVat, "CZ25123891", "CZ25123891");
        invalid(K::CzVat, "CZ25123890", Problem::Checksum);
        invalid(K::CzVat, "CZ95123891", Problem::Format);
        // Birth number 736028/5163: 736028516 = 11 × 66911683 + 3 → last digit 3.
        valid(K::CzVat, "7360285163", "CZ7360285163");
        invalid(K::CzVat, "7360285164", Problem::Checksum);
        valid(K::CzVat, "CZ640903926", "CZ640903926");
        invalid(K::CzVat, "CZ1234567", Problem::Length { min: 8, max: 10 });
    }

    #[test]
    fn denmark_estonia_finland() {
        // 1·2+3·7+5·6+8·5+5·4+6·3+2·2+8·1 = 143 = 13 × 11.
        valid(K::DkVat, "DK13585628", "DK13585628");
        invalid(K::DkVat, "DK13585627", Problem::Checksum);
        // 1·3+0+0+9·3+3·7+1·1+5·3+5·7+8·1 = 110.
        valid(K::EeVat, "EE100931558", "EE100931558");
        invalid(K::EeVat, "EE100931559", Problem::Checksum);
        // 2·7+0·9+7·10+7·5+4·8+7·4+4·2+0·1 = 187 = 17 × 11.
        valid(K::FiVat, "FI20774740", "FI20774740");
        invalid(K::FiVat, "FI20774741", Problem::Checksum);
    }

    #[test]
    fn greece() {
        // 9·128+4·64+2·32+5·16+9·8+2·4+1·2 = 1634 ≡ 6 (mod 11) → 6.
        valid(K::GrVat, "EL094259216", "EL094259216");
        valid(K::GrVat, "GR094259216", "EL094259216");
        valid(K::GrVat, "94259216", "EL094259216");
        invalid(K::GrVat, "EL094259217", Problem::Checksum);
        invalid(K::GrVat, "DE094259216", Problem::CountryPrefix("EL"));
    }

    #[test]
    fn croatia_hungary() {
        // MOD 11,10 over 3339200596: products 6,7,9,5,3,6,1,1,9,10 → check (11 − 10) mod 10 = 1.
        valid(K::HrVat, "HR33392005961", "HR33392005961");
        invalid(K::HrVat, "HR33392005962", Problem::Checksum);
        // 1·9+2·7+8·3+9·1+2·9+3·7+1·3+2·1 = 100.
        valid(K::HuVat, "HU12892312", "HU12892312");
        invalid(K::HuVat, "HU12892313", Problem::Checksum);
    }

    #[test]
    fn ireland() {
        // 6·8+3·7+8·6+8·5+0·4+4·3+7·2 = 183 ≡ 22 (mod 23) → V.
        valid(K::IeVat, "IE6388047V", "IE6388047V");
        invalid(K::IeVat, "IE6388047W", Problem::Checksum);
        // Old form 8Z49289F → 0492898: 0+28+54+10+32+27+16 = 167 ≡ 6 → F.
        valid(K::IeVat, "IE8Z49289F", "IE8Z49289F");
        invalid(K::IeVat, "IE8Z49289G", Problem::Checksum);
        // 1234567: 8+14+18+20+20+18+14 = 112; with A (9 × 1): 121 ≡ 6 → F; alone 112 ≡ 20 → T.
        valid(K::IeVat, "IE1234567FA", "IE1234567FA");
        valid(K::IeVat, "IE1234567T", "IE1234567T");
        invalid(K::IeVat, "IE1234567TA", Problem::Checksum);
        invalid(K::IeVat, "IE1234567", Problem::Length { min: 8, max: 9 });
        invalid(K::IeVat, "IE12345678", Problem::Format);
    }

    #[test]
    fn lithuania_luxembourg_latvia() {
        // 1·1+1·2+9·3+5·4+1·5+1·6+5·7+1·8 = 104 ≡ 5 (mod 11) → 5.
        valid(K::LtVat, "LT119511515", "LT119511515");
        invalid(K::LtVat, "LT119511516", Problem::Checksum);
        invalid(K::LtVat, "LT119511525", Problem::Format);
        // 150274 = 89 × 1688 + 42.
        valid(K::LuVat, "LU15027442", "LU15027442");
        invalid(K::LuVat, "LU15027443", Problem::Checksum);
        // 4·9+0+0+0+3·3+5·10+2·2+1·5+6·7+0·6+0·1 = 146 ≡ 3 (mod 11).
        valid(K::LvVat, "LV40003521600", "LV40003521600");
        invalid(K::LvVat, "LV40003521601", Problem::Checksum);
    }

    #[test]
    fn malta_poland_portugal() {
        // 1·3+1·4+6·6+7·7+9·8+1·9+1·10+2·1 = 185 = 5 × 37.
        valid(K::MtVat, "MT11679112", "MT11679112");
        invalid(K::MtVat, "MT11679113", Problem::Checksum);
        // 5·6+2·5+6·7+0·2+2·3+5·4+0·5+2·6+7·7 = 169 ≡ 4 (mod 11).
        valid(K::PlVat, "PL5260250274", "PL5260250274");
        invalid(K::PlVat, "PL5260250275", Problem::Checksum);
        // 5·9+0·8+1·7+9·6+6·5+4·4+8·3+4·2 = 184 ≡ 8 → 11 − 8 = 3.
        valid(K::PtVat, "PT501964843", "PT501964843");
        invalid(K::PtVat, "PT501964844", Problem::Checksum);
    }

    #[test]
    fn romania_sweden_slovenia_slovakia() {
        // 0018547290: 0+0+1·3+8·2+5·1+4·7+7·5+2·3+9·2 = 111; 1110 mod 11 = 10 → 0.
        valid(K::RoVat, "RO18547290", "RO18547290");
        invalid(K::RoVat, "RO18547291", Problem::Checksum);
        invalid(K::RoVat, "RO018547290", Problem::Format);
        invalid(K::RoVat, "RO1", Problem::Length { min: 2, max: 10 });
        // 5561888404 Luhn: 4+0+4+(16→7)+8+(16→7)+1+(12→3)+5+(10→1) = 40.
        valid(K::SeVat, "SE556188840401", "SE556188840401");
        invalid(K::SeVat, "SE556188840501", Problem::Checksum);
        invalid(K::SeVat, "SE556188840402", Problem::Format);
        // 5·8+0·7+2·6+2·5+3·4+0·3+5·2 = 84 ≡ 7 → 11 − 7 = 4.
        valid(K::SiVat, "SI50223054", "SI50223054");
        invalid(K::SiVat, "SI50223055", Problem::Checksum);
        // 2022749619 = 11 × 183886329.
        valid(K::SkVat, "SK2022749619", "SK2022749619");
        invalid(K::SkVat, "SK2022749618", Problem::Checksum);
        invalid(K::SkVat, "SK2012749619", Problem::Format);
    }

    #[test]
    fn only_this_files_kinds_have_rules() {
        assert!(rule(K::FrVat).is_none());
        assert!(rule(K::SkVat).is_some());
    }
}
