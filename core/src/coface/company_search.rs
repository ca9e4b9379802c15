//! Company search by name: `GET /companies/name` (CofaServe COMPANY service).

use serde::Serialize;

use super::identifier_types::{compact, to_identifier};
use super::response::parse_json;
use super::wire::{CompanyBody, CompanyListBody, ESTABLISHMENT, HEAD_OFFICE, REGION};
use crate::buyer::{Address, Buyer, Establishment, Identifier};
use crate::buyer_query::BuyerQuery;
use crate::country::Country;
use crate::http_request::{HttpRequest, Method};
use crate::insurer::Insurer;
use crate::insurer_error::InsurerError;

/// Path of the search by name, relative to the CofaServe base.
pub const NAME_SEARCH_PATH: &str = "/companies/name";

/// Kind of the Coface EASY number among a buyer's identifiers.
pub const EASY_KIND: &str = "coface.easy";

/// The request for a search by name: `countryCode` (ISO alpha-3), `companyName`, and the town or
/// postal code when the person gave them.
pub fn name_search_request(query: &BuyerQuery) -> HttpRequest {
    HttpRequest::new(Method::Get, NAME_SEARCH_PATH)
        .with_query("countryCode", query.country.alpha3())
        .with_query("companyName", query.name.as_str())
        .with_optional_query("town", query.town.as_deref())
        .with_optional_query("postalCode", query.postcode.as_deref())
        .with_header("accept", "application/json")
}

/// The search by name with the region or state too (`region`): CofaServe needs it in the US
/// and its possessions, Canada, Australia and Denmark's possessions
/// ([`crate::field::region_required`]); elsewhere it narrows the search. A blank region is
/// left out.
pub fn name_search_request_in_region(query: &BuyerQuery, region: Option<&str>) -> HttpRequest {
    let region = region.map(str::trim).filter(|region| !region.is_empty());
    name_search_request(query).with_optional_query(REGION, region)
}

/// A hit list: the buyers returned and how many matched in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompanyList {
    /// The buyers returned, in the insurer's order.
    pub buyers: Vec<Buyer>,
    /// How many companies matched, which may exceed `buyers.len()`.
    pub total: u64,
}

/// Parses the answer of a search by name (or by identifier: same shape) into neutral buyers.
pub fn parse_company_list(status: u16, body: &[u8]) -> Result<CompanyList, InsurerError> {
    let list: CompanyListBody = parse_json(status, body)?;
    let buyers = list
        .companies
        .into_iter()
        .map(company_to_buyer)
        .collect::<Result<Vec<_>, _>>()?;
    let total = list
        .count
        .unwrap_or(buyers.len() as u64)
        .max(buyers.len() as u64);
    Ok(CompanyList { buyers, total })
}

fn company_to_buyer(company: CompanyBody) -> Result<Buyer, InsurerError> {
    let malformed = |reason: String| InsurerError::Malformed { reason };
    let easy_number = compact(&company.easy_number);
    if easy_number.is_empty() {
        return Err(malformed("a company has no easyNumber".into()));
    }
    let address = company
        .address
        .ok_or_else(|| malformed(format!("company {easy_number} has no address")))?;
    let country_code = address.country_code.unwrap_or_default();
    let country = Country::from_alpha3(&country_code)
        .or_else(|| Country::from_alpha2(&country_code))
        .ok_or_else(|| {
            malformed(format!(
                "company {easy_number} has an unknown countryCode {country_code:?}"
            ))
        })?;
    // An establishment type this version does not know is shown, never rejected; as only head
    // offices may be ordered on, it is taken for a branch (shown, not orderable).
    let establishment = match company.establishment_type.as_deref().map(str::trim) {
        Some(HEAD_OFFICE) | Some("") | None => Establishment::HeadOffice,
        Some(ESTABLISHMENT) | Some(_) => Establishment::Branch,
    };
    let mut identifiers = vec![Identifier {
        kind: EASY_KIND.to_owned(),
        value: easy_number.clone(),
    }];
    identifiers.extend(
        company
            .legal_identifiers
            .into_iter()
            .filter_map(|identifier| {
                to_identifier(&identifier.identifier_type, &identifier.identifier_value)
            }),
    );
    Ok(Buyer {
        insurer: Insurer::Coface,
        insurer_id: easy_number,
        name: company.company_name.trim().to_owned(),
        address: Address {
            street: non_blank(address.street_address),
            postcode: non_blank(address.postal_code),
            town: non_blank(address.town),
            region: non_blank(address.region),
            country,
        },
        identifiers,
        establishment,
        head_office_id: non_blank(company.head_office_easy_number).map(|id| compact(&id)),
    })
}

fn non_blank(text: Option<String>) -> Option<String> {
    text.map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(name: &str, town: Option<&str>, postcode: Option<&str>) -> BuyerQuery {
        BuyerQuery::by_name(name, "FR", town, postcode).unwrap()
    }

    #[test]
    fn builds_the_name_search() {
        let request = name_search_request(&query("Dupont Logistique", Some("Paris"), None));
        assert_eq!(request.method, Method::Get);
        assert_eq!(
            request.path_and_query(),
            "/companies/name?countryCode=FRA&companyName=Dupont+Logistique&town=Paris"
        );
        assert_eq!(request.body, None);
        let with_postcode = name_search_request(&query("Dupont", None, Some("75002")));
        assert_eq!(
            with_postcode.query,
            [
                ("countryCode".to_owned(), "FRA".to_owned()),
                ("companyName".to_owned(), "Dupont".to_owned()),
                ("postalCode".to_owned(), "75002".to_owned()),
            ]
        );
    }

    #[test]
    fn adds_the_region_when_given() {
        let query = BuyerQuery::by_name("Acme", "US", Some("Albany"), None).unwrap();
        assert_eq!(
            name_search_request_in_region(&query, Some(" NY ")).path_and_query(),
            "/companies/name?countryCode=USA&companyName=Acme&town=Albany&region=NY"
        );
        assert_eq!(
            name_search_request_in_region(&query, Some(" ")),
            name_search_request(&query)
        );
    }

    const HIT_LIST: &str = r#"{
      "companies": [
        {"easyNumber": "0012345678904700000", "companyName": " Société Dupont SAS ",
         "establishmentType": "HEAD_OFFICE", "headOfficeEasyNumber": null,
         "address": {"streetAddress": "12 rue de la Paix", "postalCode": "75002", "town": "Paris",
                     "region": null, "countryCode": "FRA"},
         "legalIdentifiers": [{"identifierType": "SIREN_FRA", "identifierValue": "552 032 534"},
                              {"identifierType": "RUC_ECU", "identifierValue": "x"}]},
        {"easyNumber": "0012345678905800001", "companyName": "Société Dupont SAS",
         "establishmentType": "ESTABLISHMENT", "headOfficeEasyNumber": "0012345678904700000",
         "address": {"town": "Lyon", "countryCode": "FRA"}}
      ],
      "count": 7
    }"#;

    #[test]
    fn parses_head_offices_and_branches() {
        let list = parse_company_list(200, HIT_LIST.as_bytes()).unwrap();
        assert_eq!(list.total, 7);
        let [head, branch] = &list.buyers[..] else {
            panic!("two buyers expected, got {:?}", list.buyers)
        };
        assert_eq!(head.insurer, Insurer::Coface);
        assert_eq!(head.insurer_id, "0012345678904700000");
        assert_eq!(head.name, "Société Dupont SAS");
        assert_eq!(head.address.town.as_deref(), Some("Paris"));
        assert_eq!(head.address.region, None);
        assert_eq!(head.address.country.alpha2(), "FR");
        assert!(head.can_request_cover());
        assert_eq!(
            head.identifiers,
            [
                Identifier {
                    kind: "coface.easy".into(),
                    value: "0012345678904700000".into()
                },
                Identifier {
                    kind: "fr.siren".into(),
                    value: "552032534".into()
                },
                Identifier {
                    kind: "other.ruc_ecu".into(),
                    value: "X".into()
                },
            ]
        );
        assert_eq!(branch.establishment, Establishment::Branch);
        assert!(!branch.can_request_cover());
        assert_eq!(
            branch.head_office_id.as_deref(),
            Some("0012345678904700000")
        );
        assert_eq!(branch.address.street, None);
    }

    #[test]
    fn total_is_never_below_what_was_returned() {
        let body = HIT_LIST.replace("\"count\": 7", "\"count\": 1");
        assert_eq!(parse_company_list(200, body.as_bytes()).unwrap().total, 2);
        let empty = parse_company_list(200, br#"{"companies":[]}"#).unwrap();
        assert_eq!((empty.buyers.len(), empty.total), (0, 0));
    }

    #[test]
    fn unknown_establishment_types_are_not_orderable() {
        let body = r#"{"companies":[{"easyNumber":"1","companyName":"x","establishmentType":"SHOP","address":{"countryCode":"FRA"}}]}"#;
        let list = parse_company_list(200, body.as_bytes()).unwrap();
        assert_eq!(list.buyers[0].establishment, Establishment::Branch);
        assert!(!list.buyers[0].can_request_cover());
    }

    #[test]
    fn malformed_answers_are_typed_errors() {
        for body in [
            "",
            "null",
            r#"{"companies":[{"companyName":"x"}]}"#,
            r#"{"companies":[{"easyNumber":"","companyName":"x","address":{"countryCode":"FRA"}}]}"#,
            r#"{"companies":[{"easyNumber":"1","companyName":"x"}]}"#,
            r#"{"companies":[{"easyNumber":"1","companyName":"x","address":{"countryCode":"QQQ"}}]}"#,
        ] {
            let error = parse_company_list(200, body.as_bytes()).unwrap_err();
            assert_eq!(error.code(), "insurer.malformed", "body {body}");
        }
    }
}
