//! CofaServe legal identifier types (`<TYPE>_<ISO3>`) ⇄ tradecover identifier kinds.

use super::request_error::CofaceRequestError;
use crate::buyer::Identifier;
use crate::identifier::{validate_identifier, IdentifierKind};

/// (CofaServe `identifierType`, tradecover kind).
const TYPES: &[(&str, IdentifierKind)] = &[
    ("SIREN_FRA", IdentifierKind::FrSiren),
    ("SIRET_FRA", IdentifierKind::FrSiret),
    ("VAT_FRA", IdentifierKind::FrVat),
    ("HRA_DEU", IdentifierKind::DeHr),
    ("HRB_DEU", IdentifierKind::DeHr),
    ("VAT_DEU", IdentifierKind::DeVat),
    ("KBO_BEL", IdentifierKind::BeKbo),
    ("VAT_BEL", IdentifierKind::BeVat),
    ("KVK_NLD", IdentifierKind::NlKvk),
    ("VAT_NLD", IdentifierKind::NlVat),
    ("PIVA_ITA", IdentifierKind::ItPiva),
    ("VAT_ITA", IdentifierKind::ItVat),
    ("CIF_ESP", IdentifierKind::EsCif),
    ("VAT_ESP", IdentifierKind::EsVat),
    ("CRN_GBR", IdentifierKind::GbCrn),
    ("VAT_GBR", IdentifierKind::GbVat),
    ("UID_CHE", IdentifierKind::ChUid),
    ("VAT_CHE", IdentifierKind::ChUid),
    ("VAT_AUT", IdentifierKind::AtVat),
    ("NIP_POL", IdentifierKind::PlVat),
    ("VAT_POL", IdentifierKind::PlVat),
    ("VAT_SWE", IdentifierKind::SeVat),
    ("EIN_USA", IdentifierKind::UsEin),
];

/// A CofaServe identifier as a neutral [`Identifier`]: a known type is validated and given its
/// canonical form; a type tradecover has no kind for (or a value that fails tradecover's checks,
/// which Coface's data may still hold) keeps its compact value under `other.<type>`.
pub(super) fn to_identifier(identifier_type: &str, value: &str) -> Option<Identifier> {
    let known = TYPES
        .iter()
        .find(|(wire, _)| wire.eq_ignore_ascii_case(identifier_type))
        .and_then(|(_, kind)| validate_identifier(*kind, value).ok());
    if known.is_some() {
        return known;
    }
    let value = compact(value);
    (!value.is_empty()).then(|| Identifier {
        kind: format!("other.{}", identifier_type.to_ascii_lowercase()),
        value,
    })
}

/// The CofaServe `identifierType` of a neutral identifier:
/// - a kind of the table above: its type (for `de.hr`, `HRA_DEU` or `HRB_DEU` from the register
///   in the value; the other German registers follow the pattern, e.g. `VR_DEU`);
/// - `other.<type>` (what [`to_identifier`] makes of a type it does not know): `<TYPE>` again;
/// - any other national kind `<cc>.<name>`: `<NAME>_<ISO3>` (e.g. `es.nif` → `NIF_ESP`), the
///   pattern of the documented `RUC_ECU` (a generalisation, unconfirmed);
/// - `lei` and `duns`: `LEI`, `DUNS` (unconfirmed);
/// - the insurers' own keys (`coface.easy`, `allianz.company_id`): none — an EASY number is
///   not searched as a legal identifier.
pub(super) fn wire_identifier_type(identifier: &Identifier) -> Result<String, CofaceRequestError> {
    let unsupported = || CofaceRequestError::IdentifierUnsupported {
        kind: identifier.kind.trim().to_owned(),
    };
    if let Some(raw) = identifier.kind.trim().strip_prefix("other.") {
        let raw = raw.to_ascii_uppercase();
        let ok = !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        return if ok { Ok(raw) } else { Err(unsupported()) };
    }
    let kind = IdentifierKind::parse(&identifier.kind).ok_or_else(unsupported)?;
    if kind == IdentifierKind::DeHr {
        let register: String = identifier
            .value
            .trim()
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        return if register.is_empty() {
            Err(unsupported())
        } else {
            Ok(format!("{}_DEU", register.to_ascii_uppercase()))
        };
    }
    if let Some((wire, _)) = TYPES.iter().find(|(_, known)| *known == kind) {
        return Ok((*wire).to_owned());
    }
    match (kind, kind.country()) {
        (IdentifierKind::CofaceEasy | IdentifierKind::AllianzCompanyId, _) => Err(unsupported()),
        (_, Some(country)) => {
            let name = kind.as_str().split('.').nth(1).unwrap_or_default();
            Ok(format!(
                "{}_{}",
                name.to_ascii_uppercase(),
                country.alpha3()
            ))
        }
        (_, None) => Ok(kind.as_str().to_ascii_uppercase()),
    }
}

/// Compact form of a value: upper case, letters and digits only.
pub(super) fn compact(value: &str) -> String {
    value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_types_get_canonical_values() {
        let siren = to_identifier("SIREN_FRA", "552 032 534").unwrap();
        assert_eq!(
            (siren.kind.as_str(), siren.value.as_str()),
            ("fr.siren", "552032534")
        );
        let nip = to_identifier("nip_pol", "526-025-02-74").unwrap();
        assert_eq!(
            (nip.kind.as_str(), nip.value.as_str()),
            ("pl.vat", "PL5260250274")
        );
        let uid = to_identifier("UID_CHE", "CHE-116.281.710").unwrap();
        assert_eq!(uid.value, "CHE116281710");
    }

    fn wire(kind: &str, value: &str) -> Result<String, &'static str> {
        wire_identifier_type(&Identifier {
            kind: kind.into(),
            value: value.into(),
        })
        .map_err(|error| error.code())
    }

    #[test]
    fn identifier_types_for_requests() {
        assert_eq!(wire("fr.siren", "552032534"), Ok("SIREN_FRA".into()));
        assert_eq!(wire("fr.siret", "73282932000074"), Ok("SIRET_FRA".into()));
        assert_eq!(wire("pl.vat", "PL5260250274"), Ok("NIP_POL".into()));
        assert_eq!(wire("ch.uid", "CHE116281710"), Ok("UID_CHE".into()));
        assert_eq!(wire("de.hr", "HRB12345@KOELN"), Ok("HRB_DEU".into()));
        assert_eq!(
            wire("de.hr", "HRA7@FRANKFURT-AM-MAIN"),
            Ok("HRA_DEU".into())
        );
        assert_eq!(wire("de.hr", "VR99@BONN"), Ok("VR_DEU".into()));
        assert_eq!(wire("es.nif", "12345678Z"), Ok("NIF_ESP".into()));
        assert_eq!(wire("gr.vat", "EL094259216"), Ok("VAT_GRC".into()));
        assert_eq!(wire("lei", "5493001KJTIIGC8Y1R12"), Ok("LEI".into()));
        assert_eq!(wire("other.ruc_ecu", "1790001234"), Ok("RUC_ECU".into()));
        assert_eq!(
            wire("coface.easy", "1"),
            Err("coface.identifier_unsupported")
        );
        assert_eq!(
            wire("allianz.company_id", "1"),
            Err("coface.identifier_unsupported")
        );
        assert_eq!(
            wire("xx.unknown", "1"),
            Err("coface.identifier_unsupported")
        );
        assert_eq!(wire("other.a/b", "1"), Err("coface.identifier_unsupported"));
        assert_eq!(wire("de.hr", "12345"), Err("coface.identifier_unsupported"));
    }

    #[test]
    fn unknown_types_and_failing_values_are_kept_compact() {
        let ruc = to_identifier("RUC_ECU", "17-9000-1234").unwrap();
        assert_eq!(
            (ruc.kind.as_str(), ruc.value.as_str()),
            ("other.ruc_ecu", "1790001234")
        );
        let bad = to_identifier("SIREN_FRA", "552 032 535").unwrap();
        assert_eq!(bad.kind, "other.siren_fra");
        assert_eq!(to_identifier("SIREN_FRA", " - "), None);
    }
}
