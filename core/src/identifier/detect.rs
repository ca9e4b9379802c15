//! Which kinds a typed number can be, for a buyer in a given country.

use crate::country::Country;

use super::clean::compact;
use super::kind::IdentifierKind;

/// Every kind of `country`, plus the country-independent ones (`lei`, `coface.easy`, `duns`,
/// `allianz.company_id`), that `text` is valid as; empty when none fits.
///
/// Order: the country's kinds first, those whose canonical form is the text as typed (once
/// compacted) before those that need a prefix added or zeros padded, then in
/// [`IdentifierKind::ALL`] order (more specific first); the country-independent kinds last. So
/// `0403170701` in Belgium is `be.kbo` then `be.vat`, and `BE0403170701` the other way round.
pub fn detect_identifier(country: Country, text: &str) -> Vec<IdentifierKind> {
    let typed = compact(text).ok();
    let mut national: Vec<(bool, IdentifierKind)> = Vec::new();
    let mut global: Vec<IdentifierKind> = Vec::new();
    for kind in IdentifierKind::ALL {
        let national_kind = match kind.country() {
            Some(of) if of == country => true,
            Some(_) => continue,
            None => false,
        };
        let Ok(value) = super::canonical(*kind, text) else {
            continue;
        };
        if national_kind {
            national.push((typed.as_deref() == Some(value.as_str()), *kind));
        } else {
            global.push(*kind);
        }
    }
    national.sort_by_key(|(exact, _)| !exact);
    national
        .into_iter()
        .map(|(_, kind)| kind)
        .chain(global)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use IdentifierKind as K;

    fn country(code: &str) -> Country {
        Country::from_alpha2(code).unwrap_or_else(|| panic!("{code}"))
    }

    #[test]
    fn most_specific_first() {
        assert_eq!(
            detect_identifier(country("FR"), "552 032 534"),
            vec![K::FrSiren, K::Duns, K::AllianzCompanyId]
        );
        assert_eq!(
            detect_identifier(country("FR"), "FR27552032534"),
            vec![K::FrVat]
        );
        assert_eq!(
            detect_identifier(country("BE"), "0403170701"),
            vec![K::BeKbo, K::BeVat, K::AllianzCompanyId]
        );
        assert_eq!(
            detect_identifier(country("BE"), "BE0403170701"),
            vec![K::BeVat, K::BeKbo]
        );
        assert_eq!(
            detect_identifier(country("ES"), "A58818501"),
            vec![K::EsCif, K::EsNif, K::EsVat]
        );
        assert_eq!(
            detect_identifier(country("DE"), "Amtsgericht Köln HRB 12345"),
            vec![K::DeHr]
        );
        assert_eq!(
            detect_identifier(country("JP"), "5493001KJTIIGC8Y1R12"),
            vec![K::Lei]
        );
    }

    #[test]
    fn nothing_fits() {
        assert!(detect_identifier(country("FR"), "DE136695976").is_empty());
        assert!(detect_identifier(country("FR"), "").is_empty());
        assert!(detect_identifier(country("FR"), "\u{1F600}").is_empty());
    }
}
