//! CofaServe legal identifier types (`<TYPE>_<ISO3>`) ⇄ tradecover identifier kinds.

/// (CofaServe `identifierType`, tradecover kind).
const TYPES: &[(&str, &str)] = &[
    ("SIREN_FRA", "fr.siren"),
    ("SIRET_FRA", "fr.siret"),
    ("VAT_FRA", "fr.vat"),
    ("HRB_DEU", "de.hr"),
    ("VAT_DEU", "de.vat"),
    ("KBO_BEL", "be.kbo"),
    ("VAT_BEL", "be.vat"),
    ("KVK_NLD", "nl.kvk"),
    ("VAT_NLD", "nl.vat"),
    ("PIVA_ITA", "it.piva"),
    ("VAT_ITA", "it.vat"),
    ("CIF_ESP", "es.cif"),
    ("VAT_ESP", "es.vat"),
    ("CRN_GBR", "gb.crn"),
    ("VAT_GBR", "gb.vat"),
    ("UID_CHE", "ch.uid"),
    ("VAT_AUT", "at.vat"),
    ("NIP_POL", "pl.nip"),
    ("ORGNR_SWE", "se.orgnr"),
    ("VAT_SWE", "se.vat"),
    ("EIN_USA", "us.ein"),
];

/// The tradecover kind of a CofaServe identifier type; unknown types become `other.<type>`.
pub(super) fn kind_of(identifier_type: &str) -> String {
    TYPES
        .iter()
        .find(|(wire, _)| wire.eq_ignore_ascii_case(identifier_type))
        .map(|(_, kind)| (*kind).to_owned())
        .unwrap_or_else(|| format!("other.{}", identifier_type.to_ascii_lowercase()))
}

/// Canonical compact form of an identifier value: upper case, letters and digits only.
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
    fn maps_known_and_unknown_types() {
        assert_eq!(kind_of("SIREN_FRA"), "fr.siren");
        assert_eq!(kind_of("uid_che"), "ch.uid");
        assert_eq!(kind_of("RUC_ECU"), "other.ruc_ecu");
        assert_eq!(compact("che-116.281 710"), "CHE116281710");
    }
}
