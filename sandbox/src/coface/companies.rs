//! `GET /coface/companies/name`: CofaServe "search a partner" by name, and the CofaServe
//! company JSON shared with the sandbox helper routes.
//!
//! Query parameters: `countryCode` (ISO 3166 alpha-3, required), `companyName` (required),
//! `town`, `postalCode` (prefix), `region` (US state code), `limit` (1–100, default 20).
//! Response: `{"companies": [Company…], "count": <matches before the limit>}`. Companies
//! unknown to Coface are never returned (until Coface identifies one after an unknown-company
//! order: it then has an EASY number). Matching and ranking: [`crate::search`].

use super::{authorize, CofaceState};
use crate::dataset::Company;
use crate::error::ApiError;
use crate::normalize::normalize;
use crate::params::{count_param, country_param, param, query_params};
use crate::search::NameQuery;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

/// Results per page when `limit` is absent.
pub(crate) const DEFAULT_LIMIT: usize = 20;
/// Largest accepted `limit`.
pub(crate) const MAX_LIMIT: usize = 100;

/// A company as CofaServe returns it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CompanyJson<'a> {
    easy_number: Option<&'a str>,
    company_name: &'a str,
    establishment_type: &'static str,
    head_office_easy_number: Option<String>,
    address: AddressJson<'a>,
    legal_identifiers: Vec<IdentifierJson<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AddressJson<'a> {
    street_address: &'a str,
    postal_code: &'a str,
    town: &'a str,
    region: Option<&'a str>,
    country_code: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct IdentifierJson<'a> {
    identifier_type: &'static str,
    identifier_value: &'a str,
}

impl<'a> From<&'a Company> for CompanyJson<'a> {
    fn from(company: &'a Company) -> Self {
        let address = company.address();
        Self {
            easy_number: company.easy_number(),
            company_name: company.name(),
            establishment_type: company.establishment_type().code(),
            head_office_easy_number: company.head_office_easy_number(),
            address: AddressJson {
                street_address: address.street_address(),
                postal_code: address.postal_code(),
                town: address.town(),
                region: address.region(),
                country_code: address.country().alpha3(),
            },
            legal_identifiers: company
                .legal_identifiers()
                .iter()
                .map(|id| IdentifierJson {
                    identifier_type: id.kind().code(),
                    identifier_value: id.value(),
                })
                .collect(),
        }
    }
}

/// The search response.
#[derive(Serialize)]
pub(crate) struct CompaniesResponse<'a> {
    companies: Vec<CompanyJson<'a>>,
    count: usize,
}

impl<'a> CompanyJson<'a> {
    /// The company with the EASY number Coface gave it after identifying it (companies the
    /// data set holds without one, identified after an unknown-company order).
    pub(crate) fn with_easy_number(mut self, easy_number: Option<&'a str>) -> Self {
        if self.easy_number.is_none() {
            self.easy_number = easy_number;
        }
        self
    }
}

impl<'a> CompaniesResponse<'a> {
    /// A page of `companies` out of `count` matches.
    pub(crate) fn new(companies: Vec<CompanyJson<'a>>, count: usize) -> Self {
        Self { companies, count }
    }
}

/// The search handler.
pub(crate) async fn by_name(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, ApiError> {
    authorize(&state, &headers)?;
    let params = query_params(query)?;
    let code = param(&params, "countryCode")
        .ok_or_else(|| ApiError::bad_request("countryCode is required"))?;
    let country = country_param(code)?;
    let name = param(&params, "companyName")
        .ok_or_else(|| ApiError::bad_request("companyName is required"))?;
    if normalize(name).is_empty() {
        return Err(ApiError::bad_request(
            "companyName must contain at least one letter or digit",
        ));
    }
    let limit = count_param(&params, "limit", DEFAULT_LIMIT, MAX_LIMIT)?;
    let query = NameQuery {
        country,
        name,
        town: param(&params, "town"),
        postal_code: param(&params, "postalCode"),
        region: param(&params, "region"),
    };
    let book = state.settled_book();
    let hits = state.dataset.search_by_name(&query, |company: &Company| {
        company.known_to_coface() || book.assigned_easy(company).is_some()
    });
    let response = CompaniesResponse {
        count: hits.len(),
        companies: hits
            .iter()
            .take(limit)
            .map(|hit| {
                CompanyJson::from(hit.company).with_easy_number(book.assigned_easy(hit.company))
            })
            .collect(),
    };
    // Serialised here, while the data set borrowed by the response is alive.
    Ok(Json(response).into_response())
}
