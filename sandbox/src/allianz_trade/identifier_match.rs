//! Allianz Trade identifier types (`idTypeCode`) for the sandbox's identifiers, and whether an
//! identifier sent in a search names a company's.
//!
//! The codes are those the core sends (`SIREN`, `SIRET`, `VAT`, `HR`, `KBO`, `KVK`, `PIVA`,
//! `CIF`/`NIF`, `CRN`, `UID`, `EIN`; `EH` is the company id itself); the sandbox's Polish NIP
//! and Swedish organisation numbers, which the core has no type for, are answered as `NIP` and
//! `ORGNR`. Values compare without spaces, dots or dashes, case aside; German register entries
//! compare by register, number and suffix, and by court when both sides name one (the core
//! writes `HRB12345@KOELN`, the data set `Köln HRB 12345`).

use crate::country::Country;
use crate::identifiers::IdentifierType;
use crate::normalize::{german_form, normalize};

/// The `idTypeCode` of the company id.
pub(crate) const COMPANY_ID_TYPE: &str = "EH";

/// The `idTypeCode` Allianz Trade gives a sandbox identifier type.
pub(crate) fn wire_code(kind: IdentifierType) -> &'static str {
    use IdentifierType as T;
    match kind {
        T::SirenFra => "SIREN",
        T::SiretFra => "SIRET",
        T::HrbDeu | T::HraDeu => "HR",
        T::KboBel => "KBO",
        T::KvkNld => "KVK",
        T::PivaIta => "PIVA",
        T::CifEsp => "CIF",
        T::CrnGbr => "CRN",
        T::UidChe => "UID",
        T::NipPol => "NIP",
        T::OrgnrSwe => "ORGNR",
        T::EinUsa => "EIN",
        T::VatFra
        | T::VatDeu
        | T::VatBel
        | T::VatNld
        | T::VatIta
        | T::VatEsp
        | T::VatGbr
        | T::VatChe
        | T::VatAut
        | T::VatPol
        | T::VatSwe => "VAT",
    }
}

/// Whether the sandbox type `kind` answers to the `idTypeCode` `code` (`NIF` is the Spanish
/// tax number, which the data set files as a CIF).
pub(crate) fn answers_to(kind: IdentifierType, code: &str) -> bool {
    let code = code.trim();
    code.eq_ignore_ascii_case(wire_code(kind))
        || (kind == IdentifierType::CifEsp && code.eq_ignore_ascii_case("NIF"))
}

/// Whether `wanted` (as sent) is the identifier `stored` (as the data set writes it) of type
/// `kind`.
pub(crate) fn same_value(kind: IdentifierType, stored: &str, wanted: &str) -> bool {
    match kind {
        IdentifierType::HrbDeu | IdentifierType::HraDeu => {
            match (RegisterEntry::read(stored), RegisterEntry::read(wanted)) {
                (Some(stored), Some(wanted)) => stored.is(&wanted),
                _ => false,
            }
        }
        _ => {
            let wanted = compact(wanted);
            !wanted.is_empty() && compact(stored) == wanted
        }
    }
}

/// Whether two identifiers with free `idTypeCode`s are the same (companies created through
/// the API keep the codes they were given).
pub(crate) fn same_free(
    stored_code: &str,
    stored: &str,
    code: &str,
    wanted: &str,
    country: Country,
) -> bool {
    let kind = IdentifierType::of_country(country).find(|kind| answers_to(*kind, stored_code));
    match kind {
        Some(kind) => answers_to(kind, code) && same_value(kind, stored, wanted),
        None => {
            stored_code.trim().eq_ignore_ascii_case(code.trim()) && {
                let wanted = compact(wanted);
                !wanted.is_empty() && compact(stored) == wanted
            }
        }
    }
}

/// ASCII letters and digits only, upper case.
fn compact(value: &str) -> String {
    value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Words around a German register entry that name no court.
const FILLERS: &[&str] = &[
    "AG",
    "AMTSGERICHT",
    "REGISTERGERICHT",
    "HANDELSREGISTER",
    "REGISTERNUMMER",
    "NR",
];

/// A German register entry: `HRB`, number, suffix, court letters.
#[derive(Debug, PartialEq, Eq)]
struct RegisterEntry {
    register: String,
    number: String,
    suffix: String,
    court: String,
}

impl RegisterEntry {
    /// Reads `Köln HRB 12345`, `HRB12345@KOELN`, `HR B 12345 B Berlin`…
    fn read(text: &str) -> Option<Self> {
        let words = german_form(text).unwrap_or_else(|| normalize(text));
        let words: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();
        let mut register = None;
        let mut court = String::new();
        let mut i = 0;
        while i < words.len() {
            let word = words[i];
            if register.is_none() {
                if let Some((kind, glued, used)) = register_start(word, words.get(i + 1).copied()) {
                    i += used;
                    let source = if glued.is_empty() {
                        let next = words.get(i).copied()?;
                        i += 1;
                        next
                    } else {
                        glued
                    };
                    let digits = source.bytes().take_while(u8::is_ascii_digit).count();
                    let (number, mut suffix) = source.split_at(digits);
                    if number.is_empty() {
                        return None;
                    }
                    if suffix.is_empty() {
                        if let Some(next) = words.get(i) {
                            if next.len() <= 2 && next.bytes().all(|b| b.is_ascii_alphabetic()) {
                                suffix = next;
                                i += 1;
                            }
                        }
                    }
                    register = Some((kind, number.trim_start_matches('0'), suffix));
                    continue;
                }
            }
            if !FILLERS.contains(&word) {
                court.push_str(word);
            }
            i += 1;
        }
        let (kind, number, suffix) = register?;
        Some(Self {
            register: kind.to_owned(),
            number: number.to_owned(),
            suffix: suffix.to_owned(),
            court,
        })
    }

    /// Same register, number and suffix, and the same court unless one side names none.
    fn is(&self, other: &Self) -> bool {
        self.register == other.register
            && self.number == other.number
            && self.suffix == other.suffix
            && (self.court.is_empty() || other.court.is_empty() || self.court == other.court)
    }
}

/// The register type at `word` (`HRB`, `HRB12345`, or `HR` followed by `B…`): the type, the
/// text glued after it and how many words it took.
fn register_start<'w>(
    word: &'w str,
    next: Option<&'w str>,
) -> Option<(&'static str, &'w str, usize)> {
    for kind in ["HRA", "HRB"] {
        if let Some(rest) = word.strip_prefix(kind) {
            if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
                return Some((kind, rest, 1));
            }
        }
    }
    if word == "HR" {
        let next = next?;
        for (letter, kind) in [('A', "HRA"), ('B', "HRB")] {
            if let Some(rest) = next.strip_prefix(letter) {
                if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
                    return Some((kind, rest, 2));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use IdentifierType as T;

    #[test]
    fn register_entries_match_across_spellings() {
        let stored = "Köln HRB 12345";
        for wanted in [
            "HRB12345@KOELN",
            "HRB 12345",
            "Amtsgericht Köln HRB 012345",
            "HR B 12345 Köln",
        ] {
            assert!(same_value(T::HrbDeu, stored, wanted), "{wanted}");
        }
        for wanted in [
            "HRB12345@MUENCHEN",
            "HRA12345@KOELN",
            "HRB1234@KOELN",
            "12345",
            "",
        ] {
            assert!(!same_value(T::HrbDeu, stored, wanted), "{wanted}");
        }
        let berlin = "Berlin (Charlottenburg) HRB 4711 B";
        assert!(same_value(
            T::HrbDeu,
            berlin,
            "HRB4711B@BERLIN-CHARLOTTENBURG"
        ));
        assert!(!same_value(
            T::HrbDeu,
            berlin,
            "HRB4711@BERLIN-CHARLOTTENBURG"
        ));
    }

    #[test]
    fn other_values_compare_compact() {
        assert!(same_value(T::UidChe, "CHE-123.456.789", "CHE123456789"));
        assert!(same_value(T::EinUsa, "12-3456789", "123456789"));
        assert!(!same_value(T::SirenFra, "552032534", ""));
        assert!(answers_to(T::CifEsp, "nif"));
        assert!(answers_to(T::VatFra, "VAT"));
        assert!(!answers_to(T::SirenFra, "SIRET"));
        assert!(same_free(
            "SIREN",
            "552 032 534",
            "siren",
            "552032534",
            Country::France
        ));
        assert!(same_free("ABN", "51 824", "abn", "51824", Country::France));
        assert!(!same_free("ABN", "51 824", "VAT", "51824", Country::France));
    }
}
