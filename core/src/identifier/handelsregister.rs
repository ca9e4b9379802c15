//! German register entry (`de.hr`): Handelsregister and its siblings, no checksum (format only).
//!
//! A register number is only unique with its register court, so both are required. Accepted:
//! `Amtsgericht Köln HRB 12345`, `HRB 12345 B Berlin (Charlottenburg)`, `AG München, HRA 1234`,
//! `HR B 12345 Köln`, `Registergericht: Amtsgericht Köln, Registernummer: HRB 12345`, and the
//! canonical form itself.
//!
//! Canonical form: `<TYPE><NUMBER>[<SUFFIX>]@<COURT>`, e.g. `HRB12345@KOELN`,
//! `HRB12345B@BERLIN-CHARLOTTENBURG`, `HRA7@FRANKFURT-AM-MAIN`:
//! - TYPE, upper case: `HRA`, `HRB`, `GNR` (Genossenschaften), `GSR` (Gesellschaften bürgerlichen
//!   Rechts, since 2024), `PR` (Partnerschaften), `VR` (Vereine);
//! - NUMBER: 1–6 digits, leading zeros dropped;
//! - SUFFIX: the 1–2 letters some courts append (`B` in Berlin, `HB` in Bremen, …);
//! - COURT: upper-case ASCII (Ä→AE, Ö→OE, Ü→UE, ß→SS), words joined by `-`, the words
//!   `Amtsgericht`, `AG`, `Registergericht`, … dropped, and a few spellings unified (`Berlin`,
//!   `Charlottenburg` → `BERLIN-CHARLOTTENBURG`; `Frankfurt a.M.` → `FRANKFURT-AM-MAIN`; …).
//!
//! Validating the canonical form gives it back unchanged.

use super::clean::is_separator;
use super::problem::Problem;

/// Register types, upper case.
const TYPES: &[&str] = &["HRA", "HRB", "GNR", "GSR", "PR", "VR"];

/// Words around a register entry that name no court.
const FILLERS: &[&str] = &[
    "AG",
    "AMTSGERICHT",
    "AMTSGERICHTS",
    "AMTSGERICHTES",
    "REGISTERGERICHT",
    "REGISTERGERICHTS",
    "HANDELSREGISTER",
    "GENOSSENSCHAFTSREGISTER",
    "GESELLSCHAFTSREGISTER",
    "PARTNERSCHAFTSREGISTER",
    "VEREINSREGISTER",
    "REGISTERNUMMER",
    "REGISTER",
    "NUMMER",
    "NR",
    "EINGETRAGEN",
    "IM",
    "BEIM",
    "DES",
    "DEM",
    "UNTER",
    "LOCAL",
    "DISTRICT",
    "COURT",
    "OF",
];

/// The word `@` becomes: it ends the register part, so a short first court word is never read
/// as a number suffix.
const COURT_MARK: &str = "@";

/// Court spellings unified: (as typed, canonical). Every canonical name maps to itself.
const ALIASES: &[(&str, &str)] = &[
    ("BERLIN", "BERLIN-CHARLOTTENBURG"),
    ("CHARLOTTENBURG", "BERLIN-CHARLOTTENBURG"),
    ("CHARLOTTENBURG-BERLIN", "BERLIN-CHARLOTTENBURG"),
    ("BERLIN-CHARLOTTENBURG", "BERLIN-CHARLOTTENBURG"),
    ("FRANKFURT", "FRANKFURT-AM-MAIN"),
    ("FRANKFURT-A-M", "FRANKFURT-AM-MAIN"),
    ("FRANKFURT-M", "FRANKFURT-AM-MAIN"),
    ("FRANKFURT-MAIN", "FRANKFURT-AM-MAIN"),
    ("FRANKFURT-AM-MAIN", "FRANKFURT-AM-MAIN"),
    ("FRANKFURT-O", "FRANKFURT-ODER"),
    ("FRANKFURT-AN-DER-ODER", "FRANKFURT-ODER"),
    ("FRANKFURT-ODER", "FRANKFURT-ODER"),
    ("COLOGNE", "KOELN"),
    ("MUNICH", "MUENCHEN"),
];

/// A parsed register entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    /// Register type, e.g. `HRB`.
    pub(super) register: &'static str,
    /// Number without leading zeros.
    pub(super) number: String,
    /// Letters after the number, possibly empty.
    pub(super) suffix: String,
    /// Canonical court name.
    pub(super) court: String,
}

impl Entry {
    /// The canonical form, e.g. `HRB12345@KOELN`.
    pub(super) fn canonical(&self) -> String {
        format!(
            "{}{}{}@{}",
            self.register, self.number, self.suffix, self.court
        )
    }

    /// The register part as people write it, e.g. `HRB 12345 B`.
    pub(super) fn spaced_register(&self) -> String {
        if self.suffix.is_empty() {
            format!("{} {}", self.register, self.number)
        } else {
            format!("{} {} {}", self.register, self.number, self.suffix)
        }
    }
}

/// `de.hr`: the canonical form of a register entry typed in any customary way.
pub(super) fn validate(text: &str) -> Result<String, Problem> {
    parse(text).map(|entry| entry.canonical())
}

/// Reads a register entry.
pub(super) fn parse(text: &str) -> Result<Entry, Problem> {
    let words = words(text)?;
    if words.is_empty() {
        return Err(Problem::Required);
    }
    let mut found: Option<(&'static str, String, String)> = None;
    let mut court: Vec<&str> = Vec::new();
    let mut i = 0;
    // After the register, a `@` starts the court (the canonical form): from there on every word
    // is part of the court, even one that looks like a register type (a court `HR A`).
    let mut in_court = false;
    while i < words.len() {
        let next = words.get(i + 1).map(String::as_str);
        if in_court {
            let word = words[i].as_str();
            if word.bytes().any(|b| b.is_ascii_digit()) {
                return Err(Problem::Format);
            }
            if word != COURT_MARK && !FILLERS.contains(&word) {
                court.push(word);
            }
            i += 1;
            continue;
        }
        if words[i] == COURT_MARK && found.is_some() {
            in_court = true;
            i += 1;
            continue;
        }
        if let Some((register, glued, used)) = register_type(&words[i], next) {
            if found.is_some() {
                return Err(Problem::Format);
            }
            i += used;
            let (number, suffix, used) = number_and_suffix(glued, &words[i..])?;
            i += used;
            found = Some((register, number, suffix));
            continue;
        }
        let word = words[i].as_str();
        if word.bytes().any(|b| b.is_ascii_digit()) {
            // A number outside the register part: a second number, a postcode, a typo.
            if found.is_none() && word.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Problem::RegisterType);
            }
            return Err(Problem::Format);
        }
        if word != COURT_MARK && !FILLERS.contains(&word) {
            court.push(word);
        }
        i += 1;
    }
    let (register, number, suffix) = found.ok_or(Problem::RegisterType)?;
    if court.is_empty() {
        return Err(Problem::Court);
    }
    let joined = court.join("-");
    let court = ALIASES
        .iter()
        .find(|(typed, _)| *typed == joined)
        .map_or(joined.clone(), |(_, canonical)| (*canonical).to_owned());
    Ok(Entry {
        register,
        number,
        suffix,
        court,
    })
}

/// The words of `text`: ASCII letters and digits upper case, German umlauts transliterated;
/// separators, brackets, colons, semicolons and apostrophes split words, and `@` (which starts
/// the court in the canonical form) is a word of its own, [`COURT_MARK`].
fn words(text: &str) -> Result<Vec<String>, Problem> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => current.push(c.to_ascii_uppercase()),
            'ä' | 'Ä' => current.push_str("AE"),
            'ö' | 'Ö' => current.push_str("OE"),
            'ü' | 'Ü' => current.push_str("UE"),
            'ß' | 'ẞ' => current.push_str("SS"),
            '@' => {
                words.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
                words.push(COURT_MARK.to_owned());
            }
            '(' | ')' | '[' | ']' | ':' | ';' | '\'' | '\u{2019}' => {
                words.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
            }
            c if is_separator(c) => {
                words.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
            }
            _ => return Err(Problem::InvalidCharacters),
        }
    }
    words.extend((!current.is_empty()).then_some(current));
    Ok(words)
}

/// The register type starting at `word` (looking at the `next` word for `HR B`): the type, the
/// text glued after it (e.g. `12345` in `HRB12345`), and how many words it used.
fn register_type<'a>(
    word: &'a str,
    next: Option<&'a str>,
) -> Option<(&'static str, &'a str, usize)> {
    for register in TYPES {
        if let Some(rest) = word.strip_prefix(register) {
            if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
                return Some((register, rest, 1));
            }
        }
    }
    if word == "HR" {
        let next = next?;
        for (letter, register) in [('A', "HRA"), ('B', "HRB")] {
            if let Some(rest) = next.strip_prefix(letter) {
                if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
                    return Some((register, rest, 2));
                }
            }
        }
    }
    None
}

/// The number and suffix after a register type: from `glued` if not empty, else from the first
/// of `rest` (after `Nr.` and similar). Returns number, suffix and how many of `rest` it used.
fn number_and_suffix(glued: &str, rest: &[String]) -> Result<(String, String, usize), Problem> {
    let mut used = 0;
    let source = if glued.is_empty() {
        while rest
            .get(used)
            .is_some_and(|word| FILLERS.contains(&word.as_str()))
        {
            used += 1;
        }
        let word = rest.get(used).ok_or(Problem::Format)?;
        used += 1;
        word.as_str()
    } else {
        glued
    };
    let digit_count = source.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, mut suffix) = source.split_at(digit_count);
    if digits.is_empty() {
        return Err(Problem::Format);
    }
    if suffix.is_empty() {
        if let Some(next) = rest.get(used) {
            if is_suffix(next) {
                suffix = next.as_str();
                used += 1;
            }
        }
    } else if !is_suffix(suffix) {
        return Err(Problem::Format);
    }
    let number = digits.trim_start_matches('0');
    if number.is_empty() {
        return Err(Problem::Format);
    }
    if number.len() > 6 {
        return Err(Problem::Length { min: 1, max: 6 });
    }
    Ok((number.to_owned(), suffix.to_owned(), used))
}

/// Whether `word` can be the letters after a register number: one or two ASCII letters that
/// are not a filler word (`AG` is Amtsgericht: as a suffix it would not survive a re-parse).
fn is_suffix(word: &str) -> bool {
    (1..=2).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && !FILLERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Result<String, Problem> {
        validate(text)
    }

    #[test]
    fn after_the_court_mark_everything_is_court() {
        // Found by the fuzzer: a court `HR A` read back as a second register `HR A`.
        let canonical = ok("@HR@HRA3@A@").unwrap();
        assert_eq!(canonical, "HRA3@HR-A");
        assert_eq!(ok(&canonical).as_deref(), Ok("HRA3@HR-A"));
    }

    #[test]
    fn a_filler_word_is_never_a_suffix() {
        // Found by the fuzzer: `GSR4AG` kept `AG` as a suffix, which its spaced variant lost.
        assert_eq!(ok("Köln GSR 4AG"), Err(Problem::Format));
        assert_eq!(ok("GSR 4 AG Köln").as_deref(), Ok("GSR4@KOELN"));
    }

    #[test]
    fn reads_customary_forms() {
        let koeln = Ok("HRB12345@KOELN".to_owned());
        assert_eq!(ok("Amtsgericht Köln HRB 12345"), koeln);
        assert_eq!(ok("HRB 12345, Amtsgericht Koeln"), koeln);
        assert_eq!(ok("AG Köln, HRB 012345"), koeln);
        assert_eq!(ok("HR B 12345 Köln"), koeln);
        assert_eq!(ok("hrb12345 köln"), koeln);
        assert_eq!(
            ok("Registergericht: Amtsgericht Köln, Registernummer: HRB 12345"),
            koeln
        );
        assert_eq!(ok("Köln HRB Nr. 12345"), koeln);
        assert_eq!(ok("HRB12345@KOELN"), koeln);
        assert_eq!(ok("Amtsgericht Cologne HRB 12345"), koeln);
        assert_eq!(
            ok("HRB 12345 B Berlin (Charlottenburg)"),
            Ok("HRB12345B@BERLIN-CHARLOTTENBURG".to_owned())
        );
        assert_eq!(
            ok("Amtsgericht Charlottenburg HRB 12345 B"),
            Ok("HRB12345B@BERLIN-CHARLOTTENBURG".to_owned())
        );
        assert_eq!(
            ok("Amtsgericht Frankfurt a.M. HRA 7"),
            Ok("HRA7@FRANKFURT-AM-MAIN".to_owned())
        );
        assert_eq!(
            ok("GnR 55 Amtsgericht München"),
            Ok("GNR55@MUENCHEN".to_owned())
        );
        assert_eq!(
            ok("VR 1234 Düsseldorf"),
            Ok("VR1234@DUESSELDORF".to_owned())
        );
        assert_eq!(ok("PR 9 Hamburg"), Ok("PR9@HAMBURG".to_owned()));
        assert_eq!(ok("HRB 1234 HB Bremen"), Ok("HRB1234HB@BREMEN".to_owned()));
        assert_eq!(ok("Aachen HRA 11223"), Ok("HRA11223@AACHEN".to_owned()));
        assert_eq!(
            ok("Amtsgericht St. Ingbert HRB 5"),
            Ok("HRB5@ST-INGBERT".to_owned())
        );
    }

    #[test]
    fn canonical_is_a_fixed_point() {
        for text in [
            "HRB12345B@BERLIN-CHARLOTTENBURG",
            "HRA7@FRANKFURT-AM-MAIN",
            "GNR55@MUENCHEN",
            "HRB1234HB@BREMEN",
            "VR1@BAD-HOMBURG-V-D-H",
            "HRB5@ST-INGBERT",
        ] {
            assert_eq!(ok(text), Ok(text.to_owned()));
        }
    }

    #[test]
    fn refuses_incomplete_entries() {
        assert_eq!(ok("Amtsgericht Köln 12345"), Err(Problem::RegisterType));
        assert_eq!(ok("Amtsgericht Köln"), Err(Problem::RegisterType));
        assert_eq!(ok("HRX 12345 Köln"), Err(Problem::RegisterType));
        assert_eq!(ok("HRB 12345"), Err(Problem::Court));
        assert_eq!(ok("Amtsgericht HRB 12345"), Err(Problem::Court));
        assert_eq!(ok("HRB Köln"), Err(Problem::Format));
        assert_eq!(ok("HRB 0 Köln"), Err(Problem::Format));
        assert_eq!(
            ok("HRB 1234567 Köln"),
            Err(Problem::Length { min: 1, max: 6 })
        );
        assert_eq!(ok("HRB 12345 HRA 1 Köln"), Err(Problem::Format));
        assert_eq!(ok("HRB 12345ABC Köln"), Err(Problem::Format));
        assert_eq!(ok("HRB 12345 Köln 50667"), Err(Problem::Format));
        assert_eq!(ok("HRB 12345 Kö\u{301}ln"), Err(Problem::InvalidCharacters));
        assert_eq!(ok(" ( ) "), Err(Problem::Required));
        assert_eq!(ok("HRB"), Err(Problem::Format));
    }
}
