//! CofaServe legal identifier types (`<TYPE>_<ISO3>`) ⇄ tradecover identifier kinds.

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
