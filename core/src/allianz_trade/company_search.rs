//! Company search: `POST /search/v2/companies/advancedSearch` (by name and address, documented)
//! and `POST /search/v2/companies/matching` (best matches with a score, seen in clients), both
//! answered with `results[].company`.
//!
//! `countryCode` is sent as ISO 3166 **alpha-2**: Allianz Trade's own example sends `"FR"`
//! (Atradius and CofaServe use alpha-3). Answers are read in either form.

use serde::{Deserialize, Serialize};

use super::identifier_types::{self, compact};
use super::request_error::RequestError;
use super::response::{malformed, parse_json};
use super::wire::{
    loose_text, non_blank, CompanyBody, SearchBody, SearchResultsBody, CONTENT_TYPE_HEADER,
    EH_ID_TYPE, JSON,
};
use crate::buyer::{Address, Buyer, Establishment, Identifier};
use crate::buyer_query::BuyerQuery;
use crate::country::Country;
use crate::http_request::{HttpRequest, Method};
use crate::identifier::{validate_identifier, IdentifierKind};
use crate::insurer::Insurer;
use crate::insurer_error::InsurerError;

/// Path of the advanced search, relative to the Allianz Trade base.
pub const ADVANCED_SEARCH_PATH: &str = "/search/v2/companies/advancedSearch";
/// Path of the matching search.
pub const MATCHING_PATH: &str = "/search/v2/companies/matching";
/// How many companies a search asks for unless told otherwise.
pub const DEFAULT_SIZE: u32 = 10;
/// Kind of the Allianz Trade company id among a buyer's identifiers.
pub const COMPANY_ID_KIND: &str = "allianz.company_id";

/// A company search: a name and/or identifiers within one country, optionally narrowed by town
/// or postal code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompanySearch {
    /// Company name, when searching by name.
    #[serde(default)]
    pub name: Option<String>,
    /// Country of the company (always sent: it avoids false positives).
    pub country: Country,
    /// Town.
    #[serde(default)]
    pub town: Option<String>,
    /// Postal code.
    #[serde(default)]
    pub postcode: Option<String>,
    /// Legal identifiers, validated (sent as `companyIdentifiers`).
    #[serde(default)]
    pub identifiers: Vec<Identifier>,
    /// How many companies to return (`pageSize` / `requestedSize`); 0 is sent as 1.
    pub size: u32,
    /// Lowest matching score wanted (matching only).
    #[serde(default)]
    pub minimum_score: Option<u32>,
}

impl CompanySearch {
    /// A search by name from a validated [`BuyerQuery`], for [`DEFAULT_SIZE`] companies.
    pub fn from_query(query: &BuyerQuery) -> Self {
        Self {
            name: Some(query.name.clone()),
            country: query.country,
            town: query.town.clone(),
            postcode: query.postcode.clone(),
            identifiers: Vec::new(),
            size: DEFAULT_SIZE,
            minimum_score: None,
        }
    }

    /// A search by one validated identifier in `country`, for [`DEFAULT_SIZE`] companies.
    pub fn by_identifier(country: Country, identifier: Identifier) -> Self {
        Self {
            name: None,
            country,
            town: None,
            postcode: None,
            identifiers: vec![identifier],
            size: DEFAULT_SIZE,
            minimum_score: None,
        }
    }
}

/// Which of the two searches a body is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SearchKind {
    Advanced,
    Matching,
}

fn search_request(search: &CompanySearch, kind: SearchKind) -> Result<HttpRequest, RequestError> {
    let name = non_blank(search.name.as_deref());
    let town = non_blank(search.town.as_deref());
    let postcode = non_blank(search.postcode.as_deref());
    if name.is_none() && search.identifiers.is_empty() {
        return Err(RequestError::NoSearchCriteria);
    }
    let company_identifiers = search
        .identifiers
        .iter()
        .map(identifier_types::to_wire)
        .collect::<Result<Vec<_>, _>>()?;
    let size = search.size.max(1);
    let matching = kind == SearchKind::Matching;
    let body = SearchBody {
        company_name: name,
        town,
        postal_code: postcode,
        country_code: search.country.alpha2(),
        company_identifiers,
        page_size: (!matching).then_some(size),
        requested_size: matching.then_some(size),
        minimum_score: search.minimum_score.filter(|_| matching),
        company_identifier_type_code: matching.then_some(EH_ID_TYPE),
    };
    let path = if matching {
        MATCHING_PATH
    } else {
        ADVANCED_SEARCH_PATH
    };
    Ok(HttpRequest::new(Method::Post, path)
        .with_header(CONTENT_TYPE_HEADER, JSON)
        .with_json(serde_json::to_value(body).unwrap_or_default()))
}

/// The advanced search: `companyName`, `countryCode` (alpha-2), `town`, `postalCode`,
/// `companyIdentifiers` and `pageSize`, blanks left out.
///
/// Errors: [`RequestError::NoSearchCriteria`] without a name or identifier;
/// [`RequestError::UnsupportedIdentifier`] for an identifier Allianz Trade has no type for.
pub fn advanced_search_request(search: &CompanySearch) -> Result<HttpRequest, RequestError> {
    search_request(search, SearchKind::Advanced)
}

/// The matching search: as [`advanced_search_request`] with `requestedSize` instead of
/// `pageSize`, the `minimumScore` when given, and `companyIdentifierTypeCode: "EH"`.
pub fn matching_request(search: &CompanySearch) -> Result<HttpRequest, RequestError> {
    search_request(search, SearchKind::Matching)
}

/// One company found, with its matching score when the insurer gives one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompanyHit {
    /// The company as a neutral buyer; its `insurer_id` is the Allianz Trade company id.
    pub buyer: Buyer,
    /// Matching score as the insurer gave it.
    pub score: Option<f64>,
}

/// The companies an advanced search or a matching found, in the insurer's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompanyResults {
    /// The hits.
    pub hits: Vec<CompanyHit>,
}

/// Parses the answer of an advanced search or a matching.
///
/// A hit without company, `companyId`, `legalData.companyName` or a readable
/// `address.countryCode` (alpha-2 or alpha-3), an `isHeadOffice` that is not a boolean, or a
/// `score` that is not a number gives [`InsurerError::Malformed`]; unknown fields are ignored.
pub fn parse_company_results(status: u16, body: &[u8]) -> Result<CompanyResults, InsurerError> {
    let results: SearchResultsBody = parse_json(status, body)?;
    let hits = results
        .results
        .into_iter()
        .map(|result| {
            let company = result
                .company
                .ok_or_else(|| malformed("a search result has no company"))?;
            let score = match loose_text(&result.score) {
                None => None,
                Some(text) => Some(
                    text.parse::<f64>()
                        .ok()
                        .filter(|score| score.is_finite())
                        .ok_or_else(|| malformed(format!("unreadable score {text:?}")))?,
                ),
            };
            Ok(CompanyHit {
                buyer: company_to_buyer(company)?,
                score,
            })
        })
        .collect::<Result<Vec<_>, InsurerError>>()?;
    Ok(CompanyResults { hits })
}

/// The Allianz Trade company id in canonical form (its digits) when it is a valid one, else the
/// trimmed text as received.
pub(super) fn company_id(text: &str) -> String {
    validate_identifier(IdentifierKind::AllianzCompanyId, text)
        .map(|identifier| identifier.value)
        .unwrap_or_else(|_| text.trim().to_owned())
}

fn company_to_buyer(company: CompanyBody) -> Result<Buyer, InsurerError> {
    let id = loose_text(&company.company_id)
        .map(company_id)
        .ok_or_else(|| malformed("a company has no companyId"))?;
    let name = company
        .legal_data
        .as_ref()
        .and_then(|legal| legal.company_name.as_deref())
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .ok_or_else(|| malformed(format!("company {id} has no legalData.companyName")))?
        .to_owned();
    let address = company
        .address
        .ok_or_else(|| malformed(format!("company {id} has no address")))?;
    let code = loose_text(&address.country_code).unwrap_or_default();
    let country = Country::from_alpha2(code)
        .or_else(|| Country::from_alpha3(code))
        .ok_or_else(|| malformed(format!("company {id} has an unknown countryCode {code:?}")))?;
    let street = match (
        loose_text(&address.street_number),
        loose_text(&address.street_name),
    ) {
        (Some(number), Some(street)) => Some(format!("{number} {street}")),
        (None, Some(street)) => Some(street.to_owned()),
        _ => None,
    };
    let postcode = loose_text(&address.postal_code)
        .or_else(|| {
            address
                .post_codes
                .iter()
                .find_map(|code| loose_text(&code.post_code_value))
        })
        .map(str::to_owned);
    let establishment = match loose_text(&company.is_head_office) {
        None => Establishment::HeadOffice,
        Some(flag) if flag.eq_ignore_ascii_case("true") => Establishment::HeadOffice,
        Some(flag) if flag.eq_ignore_ascii_case("false") => Establishment::Branch,
        Some(flag) => {
            return Err(malformed(format!(
                "company {id} has an unreadable isHeadOffice {flag:?}"
            )))
        }
    };
    let mut identifiers = vec![Identifier {
        kind: COMPANY_ID_KIND.to_owned(),
        value: id.clone(),
    }];
    for item in &company.company_identifiers {
        let (Some(type_code), Some(value)) =
            (loose_text(&item.id_type_code), loose_text(&item.id_value))
        else {
            continue;
        };
        if let Some(identifier) = identifier_types::from_wire(type_code, value, country) {
            if !identifiers.contains(&identifier) {
                identifiers.push(identifier);
            }
        }
    }
    Ok(Buyer {
        insurer: Insurer::AllianzTrade,
        insurer_id: id,
        name,
        address: Address {
            street,
            postcode,
            town: loose_text(&address.town).map(str::to_owned),
            region: loose_text(&address.region_name).map(str::to_owned),
            country,
        },
        identifiers,
        establishment,
        head_office_id: loose_text(&company.head_office_company_id)
            .map(company_id)
            .filter(|id| !compact(id).is_empty()),
    })
}
