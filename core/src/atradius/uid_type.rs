//! Atradius `uidType` (the kind of a buyer's national identifier) ⇄ tradecover identifier kinds.
//!
//! The list `VAT, NRN, CR, DB, FC, SN, TK` is closed (🟡, one client); only `SN` = French SIREN
//! is confirmed (🟢). The meaning of the others is read from their letters, and which kinds
//! Atradius accepts in which country is in an appendix that is not public. The mapping:
//!
//! | `uidType` | meaning (read)                 | tradecover kinds                                  |
//! |-----------|--------------------------------|---------------------------------------------------|
//! | `VAT`     | VAT number, with its prefix    | every `*.vat` (`FR…`, `DE…`, `EL…`, `NO…MVA`, …)  |
//! | `SN`      | SIREN (🟢)                     | `fr.siren`; `fr.siret` sends its SIREN part       |
//! | `CR`      | commercial register            | `de.hr`, `gb.crn`                                 |
//! | `NRN`     | national registration number   | `be.kbo`, `ch.uid`                                |
//! | `TK`      | Kamer van Koophandel (KvK)     | `nl.kvk`                                          |
//! | `FC`      | fiscal code / tax number       | `it.piva`, `es.cif`, `es.nif`, `us.ein`           |
//! | `DB`      | Dun & Bradstreet D-U-N-S       | `duns`                                            |
//!
//! `lei` and the insurers' own keys have no `uidType`.

use std::fmt;

use crate::buyer::Identifier;
use crate::country::Country;
use crate::identifier::{validate_identifier, IdentifierKind};

/// The kind of a national identifier at Atradius.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UidType {
    /// `VAT`: a VAT number.
    Vat,
    /// `NRN`: a national registration number.
    Nrn,
    /// `CR`: a commercial register number.
    Cr,
    /// `DB`: a D-U-N-S number.
    Db,
    /// `FC`: a fiscal code.
    Fc,
    /// `SN`: a French SIREN.
    Sn,
    /// `TK`: a Dutch Chamber of Commerce (KvK) number.
    Tk,
    /// A type this library does not know, as received.
    Other(String),
}

const NAMED: [(UidType, &str); 7] = [
    (UidType::Vat, "VAT"),
    (UidType::Nrn, "NRN"),
    (UidType::Cr, "CR"),
    (UidType::Db, "DB"),
    (UidType::Fc, "FC"),
    (UidType::Sn, "SN"),
    (UidType::Tk, "TK"),
];

impl UidType {
    /// Reads a `uidType` (blanks and case ignored); an unknown one is kept as `Other`.
    pub fn parse(code: &str) -> Self {
        let code = code.trim();
        NAMED
            .iter()
            .find(|(_, name)| name.eq_ignore_ascii_case(code))
            .map_or_else(|| Self::Other(code.to_owned()), |(kind, _)| kind.clone())
    }

    /// The code as Atradius writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Other(code) => code,
            known => NAMED
                .iter()
                .find(|(kind, _)| kind == known)
                .map_or("", |(_, name)| name),
        }
    }

    /// The tradecover kinds a `uid` of this type may be, in `country`.
    fn kinds(&self, country: Option<Country>) -> Vec<IdentifierKind> {
        use IdentifierKind as K;
        let code = country.map(Country::alpha2);
        let of_country = |kind: &IdentifierKind| code.is_none() || kind.country_code() == code;
        let candidates: &[IdentifierKind] = match self {
            Self::Sn => &[K::FrSiren],
            Self::Cr => &[K::DeHr, K::GbCrn],
            Self::Nrn => &[K::BeKbo, K::ChUid],
            Self::Tk => &[K::NlKvk],
            Self::Fc => &[K::ItPiva, K::EsCif, K::EsNif, K::UsEin],
            Self::Db => &[K::Duns],
            Self::Vat => {
                return IdentifierKind::ALL
                    .iter()
                    .filter(|kind| kind.is_vat() && of_country(kind))
                    .copied()
                    .collect()
            }
            Self::Other(_) => &[],
        };
        candidates
            .iter()
            .filter(|kind| kind.country_code().is_none() || of_country(kind))
            .copied()
            .collect()
    }
}

impl fmt::Display for UidType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `uidType` to search an identifier of `kind` under, if Atradius has one (see the module
/// table).
pub fn uid_type_for(kind: IdentifierKind) -> Option<UidType> {
    use IdentifierKind as K;
    Some(match kind {
        K::FrSiren | K::FrSiret => UidType::Sn,
        K::DeHr | K::GbCrn => UidType::Cr,
        K::BeKbo | K::ChUid => UidType::Nrn,
        K::NlKvk => UidType::Tk,
        K::ItPiva | K::EsCif | K::EsNif | K::UsEin => UidType::Fc,
        K::Duns => UidType::Db,
        K::Lei | K::AllianzCompanyId | K::CofaceEasy => return None,
        vat if vat.is_vat() => UidType::Vat,
        _ => return None,
    })
}

/// The `uid` value to send for a canonical identifier of `kind`: the canonical form, except a
/// SIRET, searched by its SIREN (Atradius assesses the company, not the establishment).
pub(super) fn uid_value(kind: IdentifierKind, canonical: &str) -> String {
    match kind {
        IdentifierKind::FrSiret => canonical.chars().take(9).collect(),
        _ => canonical.to_owned(),
    }
}

/// An Atradius identifier of a buyer in `country` as a neutral [`Identifier`]: the first kind the
/// type may be that validates gives the canonical form; otherwise the compact value is kept as
/// `other.atradius_<type>`. `None` when the value is blank.
pub(super) fn to_identifier(
    uid_type: &str,
    uid: &str,
    country: Option<Country>,
) -> Option<Identifier> {
    let parsed = UidType::parse(uid_type);
    // Without a country (cover rows), a VAT number names its own: its prefix (`EL`, `XI` too).
    let country = country.or_else(|| {
        let prefix: String = uid.trim().chars().take(2).collect();
        (parsed == UidType::Vat)
            .then(|| Country::parse(&prefix).ok())
            .flatten()
    });
    let known = parsed
        .kinds(country)
        .into_iter()
        .find_map(|kind| validate_identifier(kind, uid).ok());
    if known.is_some() {
        return known;
    }
    let value: String = uid
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let kind: String = parsed
        .as_str()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (!value.is_empty()).then(|| Identifier {
        kind: format!("other.atradius_{kind}"),
        value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str) -> Option<Country> {
        Country::from_alpha2(code)
    }

    #[test]
    fn every_kind_with_a_type_round_trips() {
        for kind in IdentifierKind::ALL {
            let Some(uid_type) = uid_type_for(*kind) else {
                continue;
            };
            let canonical = validate_identifier(*kind, kind.example()).unwrap().value;
            let sent = uid_value(*kind, &canonical);
            let back = to_identifier(uid_type.as_str(), &sent, kind.country()).unwrap();
            if *kind == IdentifierKind::FrSiret {
                assert_eq!(back.kind, "fr.siren");
            } else if *kind == IdentifierKind::EsNif {
                // A company NIF is a CIF: read back as the more specific kind.
                assert!(back.kind.starts_with("es."), "{kind}");
            } else {
                assert_eq!(back.kind, kind.as_str(), "{kind}");
            }
        }
    }

    #[test]
    fn maps_types() {
        assert_eq!(uid_type_for(IdentifierKind::FrSiren), Some(UidType::Sn));
        assert_eq!(uid_type_for(IdentifierKind::GrVat), Some(UidType::Vat));
        assert_eq!(uid_type_for(IdentifierKind::NoVat), Some(UidType::Vat));
        assert_eq!(uid_type_for(IdentifierKind::Lei), None);
        assert_eq!(uid_type_for(IdentifierKind::CofaceEasy), None);
        assert_eq!(UidType::parse(" tk ").as_str(), "TK");
        assert_eq!(UidType::parse("XX"), UidType::Other("XX".into()));
        assert_eq!(
            uid_value(IdentifierKind::FrSiret, "73282932000074"),
            "732829320"
        );
    }

    #[test]
    fn reads_identifiers_back() {
        let vat = to_identifier("VAT", "FR 27 552 032 534", country("FR")).unwrap();
        assert_eq!(
            (vat.kind.as_str(), vat.value.as_str()),
            ("fr.vat", "FR27552032534")
        );
        let bad = to_identifier("SN", "552032535", country("FR")).unwrap();
        assert_eq!(
            (bad.kind.as_str(), bad.value.as_str()),
            ("other.atradius_sn", "552032535")
        );
        let cnpj = to_identifier("CNPJ", "11.222.333/0001-81", country("BR")).unwrap();
        assert_eq!(
            (cnpj.kind.as_str(), cnpj.value.as_str()),
            ("other.atradius_cnpj", "11222333000181")
        );
        assert_eq!(to_identifier("VAT", " - ", country("FR")), None);
        let greek = to_identifier("VAT", "EL094259216", None).unwrap();
        assert_eq!(greek.kind, "gr.vat");
        let duns = to_identifier("DB", "123456789", country("US")).unwrap();
        assert_eq!(duns.kind, "duns");
    }
}
