//! Allianz Trade identifier types (`idTypeCode`) ⇄ tradecover identifier kinds.
//!
//! **Chosen**: Allianz Trade lists its national identifier types per country in its "Key
//! Reference Data" (behind login; the `dataRef/tableTypes/{TYPE}/codes` endpoint may enumerate
//! them). Only `EH` (the Allianz Trade company id) was seen in a client; the other codes are the
//! identifiers' usual short names and must be checked against the reference data.

use crate::buyer::Identifier;
use crate::country::Country;
use crate::identifier::{validate_identifier, IdentifierKind};

use super::request_error::RequestError;
use super::wire::IdentifierBody;

/// `idTypeCode` of every VAT number, whatever its country.
const VAT: &str = "VAT";

/// (Allianz Trade `idTypeCode`, tradecover kind), VAT numbers aside.
const TYPES: &[(&str, IdentifierKind)] = &[
    ("EH", IdentifierKind::AllianzCompanyId),
    ("SIREN", IdentifierKind::FrSiren),
    ("SIRET", IdentifierKind::FrSiret),
    ("KBO", IdentifierKind::BeKbo),
    ("KVK", IdentifierKind::NlKvk),
    ("HR", IdentifierKind::DeHr),
    ("PIVA", IdentifierKind::ItPiva),
    ("CIF", IdentifierKind::EsCif),
    ("NIF", IdentifierKind::EsNif),
    ("CRN", IdentifierKind::GbCrn),
    ("UID", IdentifierKind::ChUid),
    ("EIN", IdentifierKind::UsEin),
    ("LEI", IdentifierKind::Lei),
    ("DUNS", IdentifierKind::Duns),
];

/// The `companyIdentifiers[]` item for `identifier`, or
/// [`RequestError::UnsupportedIdentifier`] for a kind Allianz Trade has no type for here.
pub(super) fn to_wire(identifier: &Identifier) -> Result<IdentifierBody, RequestError> {
    let unsupported = || RequestError::UnsupportedIdentifier {
        kind: identifier.kind.clone(),
    };
    let kind = IdentifierKind::parse(&identifier.kind).ok_or_else(unsupported)?;
    let code = if kind.is_vat() {
        VAT
    } else {
        TYPES
            .iter()
            .find(|(_, known)| *known == kind)
            .map(|(code, _)| *code)
            .ok_or_else(unsupported)?
    };
    Ok(IdentifierBody {
        id_type_code: code,
        id_value: identifier.value.clone(),
    })
}

/// A received identifier as a neutral [`Identifier`]: a known type (a `VAT` read as the VAT
/// kind of `country`) is validated and given its canonical form; an unknown type, or a value
/// that fails tradecover's checks, keeps its compact value under `other.<type>`.
pub(super) fn from_wire(type_code: &str, value: &str, country: Country) -> Option<Identifier> {
    let kind = if type_code.eq_ignore_ascii_case(VAT) {
        IdentifierKind::parse(&format!("{}.vat", country.alpha2().to_ascii_lowercase()))
    } else {
        TYPES
            .iter()
            .find(|(code, _)| code.eq_ignore_ascii_case(type_code))
            .map(|(_, kind)| *kind)
    };
    if let Some(identifier) = kind.and_then(|kind| validate_identifier(kind, value).ok()) {
        return Some(identifier);
    }
    let value = compact(value);
    let type_code = compact(type_code).to_ascii_lowercase();
    (!value.is_empty() && !type_code.is_empty()).then(|| Identifier {
        kind: format!("other.{type_code}"),
        value,
    })
}

/// Compact form: ASCII letters and digits only, upper case.
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

    fn identifier(kind: &str, value: &str) -> Identifier {
        Identifier {
            kind: kind.into(),
            value: value.into(),
        }
    }

    #[test]
    fn sends_known_kinds() {
        let vat = to_wire(&identifier("de.vat", "DE136695976")).unwrap();
        assert_eq!(
            (vat.id_type_code, vat.id_value.as_str()),
            ("VAT", "DE136695976")
        );
        let siren = to_wire(&identifier("fr.siren", "552032534")).unwrap();
        assert_eq!(siren.id_type_code, "SIREN");
        assert_eq!(
            to_wire(&identifier("allianz.company_id", "1234567"))
                .unwrap()
                .id_type_code,
            "EH"
        );
        assert_eq!(
            to_wire(&identifier("coface.easy", "1")).unwrap_err(),
            RequestError::UnsupportedIdentifier {
                kind: "coface.easy".into()
            }
        );
        assert!(to_wire(&identifier("other.x", "1")).is_err());
    }

    #[test]
    fn reads_received_identifiers() {
        let fr = Country::from_alpha2("FR").unwrap();
        let gr = Country::from_alpha2("GR").unwrap();
        assert_eq!(
            from_wire("siren", "552 032 534", fr),
            Some(identifier("fr.siren", "552032534"))
        );
        assert_eq!(
            from_wire("VAT", "FR27552032534", fr),
            Some(identifier("fr.vat", "FR27552032534"))
        );
        assert_eq!(
            from_wire("VAT", "EL094259216", gr),
            Some(identifier("gr.vat", "EL094259216"))
        );
        assert_eq!(
            from_wire("SIREN", "552 032 535", fr),
            Some(identifier("other.siren", "552032535"))
        );
        assert_eq!(
            from_wire("ABN", "51-824-753-556", fr),
            Some(identifier("other.abn", "51824753556"))
        );
        assert_eq!(from_wire("ABN", " - ", fr), None);
        assert_eq!(from_wire("", "123", fr), None);
    }
}
