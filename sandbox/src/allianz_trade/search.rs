//! Company search: `POST /search/v2/companies/advancedSearch` and
//! `POST /search/v2/companies/matching`, answered `{"results": [{"company", "score"?}],
//! "totalCount"}`.
//!
//! Criteria: `companyName`, `countryCode` (ISO alpha-2; alpha-3 is read too; without it every
//! country is searched), `town`, `postalCode`, `companyIdentifiers[{idTypeCode, idValue}]`;
//! a name or an identifier is required. Names are matched by the sandbox's shared matcher
//! ([`Dataset::search_by_name`](crate::Dataset::search_by_name)); identifiers by
//! [`identifier_match`](super::identifier_match), `EH` being the company id. Identifier hits
//! come first, then name hits, without repeats.
//!
//! advancedSearch takes `pageSize` (1–100, default 10); matching takes `requestedSize` (same
//! bounds), `minimumScore` and `companyIdentifierTypeCode: "EH"` (which adds the `EH`
//! identifier to each company), and scores its hits: 100 for an identifier or an exact name,
//! 90 for a name that starts with the query, 75 for the other name matches.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};

use super::body::{array_at, count_at, object, required_text, text_at, Object};
use super::company_ids::{self, CompanyKey};
use super::company_json::{created_company, dataset_company};
use super::error::AllianzError;
use super::identifier_match::{answers_to, same_free, same_value, COMPANY_ID_TYPE};
use super::{AllianzTradeState, Simulation};
use crate::country::Country;
use crate::dataset::Company;
use crate::search::{MatchRank, NameQuery};

/// Path of the advanced search.
pub(crate) const ADVANCED_SEARCH_PATH: &str = "/search/v2/companies/advancedSearch";
/// Path of the matching search.
pub(crate) const MATCHING_PATH: &str = "/search/v2/companies/matching";
/// Companies answered unless told otherwise.
const DEFAULT_SIZE: u64 = 10;
/// Most companies one search answers.
const MAX_SIZE: u64 = 100;

/// Score of an identifier match or an exact name.
const EXACT_SCORE: u64 = 100;
/// Score of a name starting with the query.
const PREFIX_SCORE: u64 = 90;
/// Score of the other name matches.
const WORDS_SCORE: u64 = 75;

/// Which of the two searches.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Advanced,
    Matching,
}

/// Where the country criterion points.
enum CountryFilter {
    /// No country given: every country.
    Any,
    /// A country of the data set.
    One(Country),
    /// A well-formed code of a country the sandbox has no companies in.
    Elsewhere,
}

/// The criteria of a search, read from its body.
struct Criteria {
    name: Option<String>,
    country: CountryFilter,
    town: Option<String>,
    postcode: Option<String>,
    identifiers: Vec<(String, String)>,
    size: usize,
    minimum_score: u64,
    with_company_id_identifier: bool,
}

/// A company found, by key, with its score.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Hit {
    key: CompanyKey,
    score: u64,
}

/// The advancedSearch handler.
pub(crate) async fn advanced_search(
    State(state): State<Arc<AllianzTradeState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, AllianzError> {
    search(&state, &headers, &body, Kind::Advanced)
}

/// The matching handler.
pub(crate) async fn matching(
    State(state): State<Arc<AllianzTradeState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, AllianzError> {
    search(&state, &headers, &body, Kind::Matching)
}

fn search(
    state: &AllianzTradeState,
    headers: &HeaderMap,
    body: &[u8],
    kind: Kind,
) -> Result<Json<Value>, AllianzError> {
    state.begin(headers)?;
    let criteria = criteria(&object(body)?, kind)?;
    let simulation = state.simulation();
    let mut hits = identifier_hits(state, &simulation, &criteria);
    for hit in name_hits(state, &criteria) {
        if !hits.iter().any(|known| known.key == hit.key) {
            hits.push(hit);
        }
    }
    hits.retain(|hit| hit.score >= criteria.minimum_score);
    let total = hits.len();
    let results: Vec<Value> = hits
        .iter()
        .take(criteria.size)
        .filter_map(|hit| {
            let company = match hit.key {
                CompanyKey::Dataset(index) => dataset_company(
                    state.dataset.get(index)?,
                    criteria.with_company_id_identifier,
                ),
                CompanyKey::Created(n) => created_company(
                    simulation.created.get(n)?,
                    criteria.with_company_id_identifier,
                ),
            };
            Some(match kind {
                Kind::Advanced => json!({ "company": company }),
                Kind::Matching => json!({ "score": hit.score, "company": company }),
            })
        })
        .collect();
    Ok(Json(json!({ "results": results, "totalCount": total })))
}

fn criteria(fields: &Object, kind: Kind) -> Result<Criteria, AllianzError> {
    let name = text_at(fields, "companyName", "companyName")?;
    let country = match text_at(fields, "countryCode", "countryCode")? {
        None => CountryFilter::Any,
        Some(code) => {
            let known = Country::from_alpha2(&code).or_else(|| Country::from_alpha3(&code));
            match known {
                Some(country) => CountryFilter::One(country),
                None if matches!(code.len(), 2 | 3)
                    && code.bytes().all(|b| b.is_ascii_alphabetic()) =>
                {
                    CountryFilter::Elsewhere
                }
                None => {
                    return Err(AllianzError::bad_request(format!(
                        "countryCode {code:?} is not an ISO 3166 alpha-2 code"
                    )))
                }
            }
        }
    };
    let mut identifiers = Vec::new();
    for (i, item) in array_at(fields, "companyIdentifiers", "companyIdentifiers")?
        .iter()
        .enumerate()
    {
        let path = format!("companyIdentifiers[{i}]");
        let serde_json::Value::Object(item) = item else {
            return Err(AllianzError::bad_request(format!(
                "{path} must be a JSON object"
            )));
        };
        let code = required_text(item, "idTypeCode", &format!("{path}.idTypeCode"))?;
        let value = required_text(item, "idValue", &format!("{path}.idValue"))?;
        identifiers.push((code, value));
    }
    if name.is_none() && identifiers.is_empty() {
        return Err(AllianzError::bad_request(
            "companyName or companyIdentifiers is required",
        ));
    }
    let size_field = match kind {
        Kind::Advanced => "pageSize",
        Kind::Matching => "requestedSize",
    };
    let size = count_at(fields, size_field, size_field)?.unwrap_or(DEFAULT_SIZE);
    if !(1..=MAX_SIZE).contains(&size) {
        return Err(AllianzError::bad_request(format!(
            "{size_field} must be between 1 and {MAX_SIZE}"
        )));
    }
    let minimum_score = match kind {
        Kind::Advanced => 0,
        Kind::Matching => count_at(fields, "minimumScore", "minimumScore")?.unwrap_or(0),
    };
    let with_company_id_identifier = kind == Kind::Matching
        && text_at(
            fields,
            "companyIdentifierTypeCode",
            "companyIdentifierTypeCode",
        )?
        .is_some_and(|code| code.eq_ignore_ascii_case(COMPANY_ID_TYPE));
    Ok(Criteria {
        name,
        country,
        town: text_at(fields, "town", "town")?,
        postcode: text_at(fields, "postalCode", "postalCode")?,
        identifiers,
        size: size as usize,
        minimum_score,
        with_company_id_identifier,
    })
}

/// Whether `country` passes the criteria's country filter.
fn in_country(filter: &CountryFilter, country: Country) -> bool {
    match filter {
        CountryFilter::Any => true,
        CountryFilter::One(wanted) => *wanted == country,
        CountryFilter::Elsewhere => false,
    }
}

fn identifier_hits(
    state: &AllianzTradeState,
    simulation: &Simulation,
    criteria: &Criteria,
) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    let mut push = |key: CompanyKey| {
        if !hits.iter().any(|hit| hit.key == key) {
            hits.push(Hit {
                key,
                score: EXACT_SCORE,
            });
        }
    };
    for (code, value) in &criteria.identifiers {
        if code.eq_ignore_ascii_case(COMPANY_ID_TYPE) {
            if let Some(buyer) = state.buyer(simulation, value) {
                if in_country(&criteria.country, buyer.record.country()) {
                    if let Some(key) = company_ids::parse(&buyer.company_id) {
                        push(key);
                    }
                }
            }
            continue;
        }
        let pool: &[Company] = match criteria.country {
            CountryFilter::Any => state.dataset.companies(),
            CountryFilter::One(country) => state.dataset.in_country(country),
            CountryFilter::Elsewhere => &[],
        };
        for company in pool {
            let found = company.legal_identifiers().iter().any(|identifier| {
                answers_to(identifier.kind(), code)
                    && same_value(identifier.kind(), identifier.value(), value)
            });
            if found {
                push(CompanyKey::Dataset(company.index()));
            }
        }
        for (n, company) in simulation.created.iter().enumerate() {
            let details = &company.details;
            let found = in_country(&criteria.country, details.country)
                && details.identifiers.iter().any(|given| {
                    same_free(&given.code, &given.value, code, value, details.country)
                });
            if found {
                push(CompanyKey::Created(n));
            }
        }
    }
    hits
}

fn name_hits(state: &AllianzTradeState, criteria: &Criteria) -> Vec<Hit> {
    let Some(name) = criteria.name.as_deref() else {
        return Vec::new();
    };
    let countries: Vec<Country> = match criteria.country {
        CountryFilter::Any => Country::ALL.to_vec(),
        CountryFilter::One(country) => vec![country],
        CountryFilter::Elsewhere => Vec::new(),
    };
    let mut hits = Vec::new();
    for country in countries {
        let query = NameQuery {
            country,
            name,
            town: criteria.town.as_deref(),
            postal_code: criteria.postcode.as_deref(),
            region: None,
        };
        hits.extend(
            state
                .dataset
                .search_by_name(&query, |_| true)
                .iter()
                .map(|found| Hit {
                    key: CompanyKey::Dataset(found.company.index()),
                    score: match found.rank {
                        MatchRank::Exact => EXACT_SCORE,
                        MatchRank::Prefix => PREFIX_SCORE,
                        MatchRank::Words => WORDS_SCORE,
                    },
                }),
        );
    }
    hits
}
