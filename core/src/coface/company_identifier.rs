//! Company search by legal identifier: `GET /companies/identifier` (CofaServe COMPANY service),
//! once per format Coface may have stored the number in, as the seed asks ("make different
//! searches using different possible formats for a given legal identifier").
//!
//! The answer has the shape of the name search's: read it with
//! [`parse_company_list`](super::parse_company_list).

use super::identifier_types::wire_identifier_type;
use super::request_error::CofaceRequestError;
use super::wire::{COUNTRY_CODE, IDENTIFIER_TYPE, IDENTIFIER_VALUE};
use crate::buyer::Identifier;
use crate::country::Country;
use crate::http_request::{HttpRequest, Method};
use crate::identifier::{search_variants, IdentifierKind};

/// Path of the search by identifier, relative to the CofaServe base.
pub const IDENTIFIER_SEARCH_PATH: &str = "/companies/identifier";

/// One search by identifier: `countryCode` (ISO alpha-3), `identifierType` (`<TYPE>_<ISO3>`,
/// e.g. `SIREN_FRA`) and `identifierValue` as given.
pub fn identifier_search_request(
    country: Country,
    identifier_type: &str,
    identifier_value: &str,
) -> HttpRequest {
    HttpRequest::new(Method::Get, IDENTIFIER_SEARCH_PATH)
        .with_query(COUNTRY_CODE, country.alpha3())
        .with_query(IDENTIFIER_TYPE, identifier_type)
        .with_query(IDENTIFIER_VALUE, identifier_value)
        .with_header("accept", "application/json")
}

/// The searches for one identifier in `country`, in the order to send them: one per search
/// variant of the number ([`search_variants`]: the canonical form first, then without the
/// country prefix, with the customary separators, …); an `other.<type>` identifier gives one
/// search with its value.
///
/// Errors: [`CofaceRequestError::IdentifierUnsupported`] when CofaServe has no identifier type
/// for the kind; [`CofaceRequestError::IdentifierCountryMismatch`] when the kind is another
/// country's (a French SIREN is not searched in Belgium).
pub fn identifier_search_requests(
    country: Country,
    identifier: &Identifier,
) -> Result<Vec<HttpRequest>, CofaceRequestError> {
    let identifier_type = wire_identifier_type(identifier)?;
    let variants = match IdentifierKind::parse(&identifier.kind) {
        Some(kind) => {
            if kind.country().is_some_and(|own| own != country) {
                return Err(CofaceRequestError::IdentifierCountryMismatch {
                    kind: kind.as_str().to_owned(),
                    country,
                });
            }
            search_variants(kind, &identifier.value)
        }
        None => {
            let value = identifier.value.trim();
            if value.is_empty() {
                Vec::new()
            } else {
                vec![value.to_owned()]
            }
        }
    };
    Ok(variants
        .iter()
        .map(|variant| identifier_search_request(country, &identifier_type, variant))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str) -> Country {
        Country::from_alpha2(code).unwrap()
    }

    fn identifier(kind: &str, value: &str) -> Identifier {
        Identifier {
            kind: kind.into(),
            value: value.into(),
        }
    }

    #[test]
    fn one_request_per_variant_in_order() {
        let requests =
            identifier_search_requests(country("FR"), &identifier("fr.siren", "552032534"))
                .unwrap();
        let paths: Vec<String> = requests.iter().map(HttpRequest::path_and_query).collect();
        assert_eq!(
            paths,
            [
                "/companies/identifier?countryCode=FRA&identifierType=SIREN_FRA&identifierValue=552032534",
                "/companies/identifier?countryCode=FRA&identifierType=SIREN_FRA&identifierValue=552+032+534",
            ]
        );
        assert!(requests.iter().all(|request| request.method == Method::Get));
    }

    #[test]
    fn other_types_are_searched_as_given() {
        let requests =
            identifier_search_requests(country("EC"), &identifier("other.ruc_ecu", " 1790001234 "))
                .unwrap();
        assert_eq!(requests.len(), 1);
        assert_eq!(
            requests[0].query[1..],
            [
                ("identifierType".to_owned(), "RUC_ECU".to_owned()),
                ("identifierValue".to_owned(), "1790001234".to_owned()),
            ]
        );
        assert!(
            identifier_search_requests(country("EC"), &identifier("other.ruc_ecu", " "))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn refusals_are_typed() {
        let mismatch =
            identifier_search_requests(country("BE"), &identifier("fr.siren", "552032534"));
        assert_eq!(
            mismatch.unwrap_err().code(),
            "coface.identifier_country_mismatch"
        );
        let easy = identifier_search_requests(
            country("FR"),
            &identifier("coface.easy", "0012345678904700000"),
        );
        assert_eq!(easy.unwrap_err().code(), "coface.identifier_unsupported");
        let lei =
            identifier_search_requests(country("DE"), &identifier("lei", "5493001KJTIIGC8Y1R12"))
                .unwrap();
        assert_eq!(lei.len(), 1);
    }
}
