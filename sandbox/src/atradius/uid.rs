//! Atradius `uidType`s of the sandbox's identifiers, and how a searched `uid` is matched.
//!
//! The mapping is the core's (`tradecover_core::atradius::uid_type_for`): `SN` the French
//! SIREN, `VAT` every VAT number, `CR` the German register entry and the UK company number,
//! `NRN` the Belgian enterprise number and the Swiss UID, `TK` the Dutch KvK number, `FC` the
//! Italian partita IVA, the Spanish CIF and the US EIN. `DB` (D-U-N-S) is a valid type that
//! the sandbox's companies do not have. SIRETs, Polish NIPs and Swedish organisation numbers
//! have no `uidType` (a SIRET is searched by its SIREN).
//!
//! A `uid` matches when both sides give the same key: upper-case letters and digits only; a
//! Swiss VAT number without its `MWST`/`TVA`/`IVA` suffix; a German register entry as
//! `<TYPE><NUMBER>[<SUFFIX>]@<COURT>` with the court in upper-case ASCII words joined by `-`
//! (the core's canonical form, e.g. `HRB12345@KOELN`), whether it is given that way or as the
//! sandbox writes it (`Köln HRB 12345`).

use crate::identifiers::IdentifierType;

/// Every `uidType` Atradius knows (a closed list).
pub(crate) const UID_TYPES: [&str; 7] = ["VAT", "NRN", "CR", "DB", "FC", "SN", "TK"];

/// The `uidType` of a sandbox identifier type, if Atradius has one for it.
pub(crate) fn uid_type_of(kind: IdentifierType) -> Option<&'static str> {
    use IdentifierType as T;
    Some(match kind {
        T::SirenFra => "SN",
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
        T::HrbDeu | T::HraDeu | T::CrnGbr => "CR",
        T::KboBel | T::UidChe => "NRN",
        T::KvkNld => "TK",
        T::PivaIta | T::CifEsp | T::EinUsa => "FC",
        T::SiretFra | T::NipPol | T::OrgnrSwe => return None,
    })
}

/// The `uidTypeDescription` Atradius sends with a `uidType`.
pub(crate) fn description(uid_type: &str) -> &'static str {
    match uid_type {
        "VAT" => "VAT number",
        "NRN" => "National registration number",
        "CR" => "Commercial register number",
        "DB" => "D-U-N-S number",
        "FC" => "Fiscal code",
        "SN" => "SIREN",
        "TK" => "Chamber of Commerce number",
        _ => "",
    }
}

/// Whether the searched `uid` names the stored identifier `value` of type `kind`.
pub(crate) fn matches(kind: IdentifierType, value: &str, searched: &str) -> bool {
    match (stored_key(kind, value), searched_key(kind, searched)) {
        (Some(stored), Some(searched)) => stored == searched,
        _ => false,
    }
}

fn stored_key(kind: IdentifierType, value: &str) -> Option<String> {
    match kind {
        IdentifierType::HrbDeu | IdentifierType::HraDeu => register_key(value),
        _ => searched_key(kind, value),
    }
}

fn searched_key(kind: IdentifierType, searched: &str) -> Option<String> {
    match kind {
        IdentifierType::HrbDeu | IdentifierType::HraDeu => match searched.split_once('@') {
            Some((register, court)) => Some(format!("{}@{}", compact(register), court_key(court))),
            None => register_key(searched),
        },
        IdentifierType::VatChe => {
            let key = compact(searched);
            let bare = ["MWST", "TVA", "IVA"]
                .iter()
                .find_map(|suffix| key.strip_suffix(suffix))
                .unwrap_or(&key);
            Some(bare.to_owned())
        }
        _ => Some(compact(searched)),
    }
    .filter(|key| !key.is_empty())
}

/// Upper-case ASCII letters and digits of `text`, everything else dropped.
fn compact(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A register entry written `<court> <SECTION> <number>[ <suffix>]` as its key.
fn register_key(value: &str) -> Option<String> {
    let words: Vec<&str> = value.split_whitespace().collect();
    let at = words
        .iter()
        .position(|word| matches!(*word, "HRA" | "HRB"))?;
    let court = words.get(..at)?.join(" ");
    let number = words.get(at + 1)?;
    let suffix = words.get(at + 2).copied().unwrap_or_default();
    if court.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!(
        "{}{}{}@{}",
        words[at],
        number.trim_start_matches('0'),
        compact(suffix),
        court_key(&court)
    ))
}

/// A court name in upper-case ASCII, umlauts spelled out, words joined by `-`.
fn court_key(court: &str) -> String {
    let mut spelled = String::new();
    for c in court.chars() {
        match c {
            'ä' | 'Ä' => spelled.push_str("AE"),
            'ö' | 'Ö' => spelled.push_str("OE"),
            'ü' | 'Ü' => spelled.push_str("UE"),
            'ß' => spelled.push_str("SS"),
            c if c.is_ascii_alphanumeric() => spelled.push(c.to_ascii_uppercase()),
            _ => spelled.push(' '),
        }
    }
    spelled.split_whitespace().collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_agree_with_the_cores_canonical_forms() {
        assert!(matches(
            IdentifierType::HrbDeu,
            "Köln HRB 12345",
            "HRB12345@KOELN"
        ));
        assert!(matches(
            IdentifierType::HrbDeu,
            "Berlin (Charlottenburg) HRB 9876 B",
            "HRB9876B@BERLIN-CHARLOTTENBURG"
        ));
        assert!(matches(
            IdentifierType::HraDeu,
            "Frankfurt am Main HRA 7",
            "Frankfurt am Main HRA 7"
        ));
        assert!(!matches(
            IdentifierType::HrbDeu,
            "Köln HRB 12345",
            "HRB12345@BONN"
        ));
        assert!(matches(
            IdentifierType::VatChe,
            "CHE-116.281.710 MWST",
            "CHE116281710"
        ));
        assert!(matches(IdentifierType::EinUsa, "12-3456789", "123456789"));
        assert!(!matches(IdentifierType::SirenFra, "552032534", " - "));
        assert_eq!(uid_type_of(IdentifierType::SiretFra), None);
        assert_eq!(uid_type_of(IdentifierType::VatSwe), Some("VAT"));
    }
}
