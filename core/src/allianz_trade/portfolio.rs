//! Portfolio listings, page by page: `POST /riskinfo/v3/covers/search` (covers in force) and
//! `POST /riskinfo/v3/coverRequests/search` (requests, filtered by `requestStatusCode`), with
//! `pagination {page, pageSize, isTotalRequired}`.
//!
//! A page may come as a bare array (as a client saw) or as an object holding the items under
//! `covers`, `coverRequests` or `items` and the total under `totalItems` or `totalCount`; a
//! `Total-Items` / `Total-Pages` header counts too (all these names **chosen**: the envelope is
//! not public). A 2xx without a body is an empty page.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::cover::cover_to_decision;
use super::request_decision::request_to_decision;
use super::response::{check_status, malformed};
use super::wire::{
    loose_text, CoverBody, CoverRequestItemBody, PageBody, PaginationBody, PolicyBody,
    SearchPageBody, CONTENT_TYPE_HEADER, JSON, TOTAL_ITEMS_HEADER, TOTAL_PAGES_HEADER,
};
use crate::cover_application::PolicyRef;
use crate::decision::Decision;
use crate::http_request::{HttpRequest, Method};
use crate::http_response::HttpResponse;
use crate::insurer_error::InsurerError;

/// Path of the cover search, relative to the Allianz Trade base.
pub const COVERS_SEARCH_PATH: &str = "/riskinfo/v3/covers/search";
/// Path of the cover request search.
pub const COVER_REQUESTS_SEARCH_PATH: &str = "/riskinfo/v3/coverRequests/search";
/// Largest page asked for (a client asks for 5000).
pub const MAX_PAGE_SIZE: u32 = 5000;
/// Page size unless told otherwise.
pub const DEFAULT_PAGE_SIZE: u32 = 100;

/// Which page to ask for. Pages count from 1; a page of 0 is sent as 1 and the size is kept
/// within 1..=[`MAX_PAGE_SIZE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pagination {
    /// Page number, from 1.
    pub page: u32,
    /// Items per page.
    pub page_size: u32,
}

impl Default for Pagination {
    fn default() -> Self {
        Self {
            page: 1,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }
}

impl Pagination {
    /// Page and size as sent: page at least 1, size within 1..=[`MAX_PAGE_SIZE`].
    pub fn normalised(self) -> Self {
        Self {
            page: self.page.max(1),
            page_size: self.page_size.clamp(1, MAX_PAGE_SIZE),
        }
    }

    fn body(self) -> PaginationBody {
        let Self { page, page_size } = self.normalised();
        PaginationBody {
            page,
            page_size,
            is_total_required: true,
        }
    }
}

/// A search of the covers of some policies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverSearch {
    /// Policies to list (an empty extension id is sent as `""`).
    pub policies: Vec<PolicyRef>,
    /// Which page.
    #[serde(default)]
    pub pagination: Pagination,
}

/// A search of the cover requests of some policies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverRequestSearch {
    /// Policies to list.
    pub policies: Vec<PolicyRef>,
    /// Only requests in this Allianz Trade status, e.g. `InProgress`.
    #[serde(default)]
    pub request_status_code: Option<String>,
    /// Which page.
    #[serde(default)]
    pub pagination: Pagination,
}

fn policies(policies: &[PolicyRef]) -> Vec<PolicyBody<'_>> {
    policies
        .iter()
        .map(|policy| PolicyBody {
            business_unit_code: policy.business_unit_code.trim(),
            policy_id: policy.policy_id.trim(),
            extension_id: policy.extension_id.trim(),
        })
        .collect()
}

fn search_request(path: &str, body: SearchPageBody<'_>) -> HttpRequest {
    HttpRequest::new(Method::Post, path)
        .with_header(CONTENT_TYPE_HEADER, JSON)
        .with_json(serde_json::to_value(body).unwrap_or_default())
}

/// The cover search: `{policies: [{businessUnitCode, policyId, extensionId}], pagination:
/// {page, pageSize, isTotalRequired: true}}`.
pub fn covers_search_request(search: &CoverSearch) -> HttpRequest {
    search_request(
        COVERS_SEARCH_PATH,
        SearchPageBody {
            policies: policies(&search.policies),
            request_status_code: None,
            pagination: search.pagination.body(),
        },
    )
}

/// The cover request search: as [`covers_search_request`], plus `requestStatusCode` when given.
pub fn cover_requests_search_request(search: &CoverRequestSearch) -> HttpRequest {
    search_request(
        COVER_REQUESTS_SEARCH_PATH,
        SearchPageBody {
            policies: policies(&search.policies),
            request_status_code: search
                .request_status_code
                .as_deref()
                .map(str::trim)
                .filter(|code| !code.is_empty()),
            pagination: search.pagination.body(),
        },
    )
}

/// One page of decisions, and where the next one is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionPage {
    /// The decisions of this page, in the insurer's order.
    pub decisions: Vec<Decision>,
    /// This page's number.
    pub page: u32,
    /// The page size asked for.
    pub page_size: u32,
    /// How many items there are in all, when the insurer says.
    pub total: Option<u64>,
    /// The next page to ask for, if there is one: known from the totals when given, otherwise
    /// guessed from a full page.
    pub next_page: Option<u32>,
}

/// Parses a page of `covers/search` asked for with `pagination`. Each cover reads as in
/// [`parse_cover`](super::cover::parse_cover).
pub fn parse_covers_page(
    response: &HttpResponse,
    pagination: &Pagination,
) -> Result<DecisionPage, InsurerError> {
    parse_page::<CoverBody>(response, pagination, cover_to_decision)
}

/// Parses a page of `coverRequests/search` asked for with `pagination`. Each request's id is
/// its `requestId`, its status its `requestStatusCode`.
pub fn parse_cover_requests_page(
    response: &HttpResponse,
    pagination: &Pagination,
) -> Result<DecisionPage, InsurerError> {
    parse_page::<CoverRequestItemBody>(response, pagination, request_to_decision)
}

fn parse_page<T: DeserializeOwned>(
    response: &HttpResponse,
    pagination: &Pagination,
    to_decision: fn(T) -> Result<Decision, InsurerError>,
) -> Result<DecisionPage, InsurerError> {
    check_status(response.status, &response.body)?;
    let Pagination { page, page_size } = pagination.normalised();
    let unreadable = |error: serde_json::Error| malformed(error.to_string());
    let first = response
        .body
        .iter()
        .find(|byte| !byte.is_ascii_whitespace());
    let (items, body_total): (Vec<T>, Option<u64>) = match first {
        None => (Vec::new(), None),
        Some(b'[') => (
            serde_json::from_slice(&response.body).map_err(unreadable)?,
            None,
        ),
        Some(_) => {
            let body: PageBody<T> = serde_json::from_slice(&response.body).map_err(unreadable)?;
            let total = count("totalItems", loose_text(&body.total_items))?
                .or(count("totalCount", loose_text(&body.total_count))?);
            let items = body.covers.or(body.cover_requests).or(body.items);
            match (items, total) {
                (Some(items), _) => (items, total),
                (None, Some(0)) => (Vec::new(), total),
                (None, _) => {
                    return Err(malformed("the page has no covers, coverRequests or items"))
                }
            }
        }
    };
    let decisions = items
        .into_iter()
        .map(to_decision)
        .collect::<Result<Vec<_>, _>>()?;
    let total = count(
        TOTAL_ITEMS_HEADER,
        response.header(TOTAL_ITEMS_HEADER).map(str::trim),
    )?
    .or(body_total);
    let total_pages = count(
        TOTAL_PAGES_HEADER,
        response.header(TOTAL_PAGES_HEADER).map(str::trim),
    )?;
    let more = match (total_pages, total) {
        (Some(pages), _) => u64::from(page) < pages,
        (None, Some(total)) => u64::from(page) * u64::from(page_size) < total,
        (None, None) => decisions.len() >= page_size as usize,
    };
    Ok(DecisionPage {
        decisions,
        page,
        page_size,
        total,
        next_page: if more { page.checked_add(1) } else { None },
    })
}

/// A count read from text, `None` when absent; [`InsurerError::Malformed`] when not a whole
/// number.
fn count(what: &str, text: Option<&str>) -> Result<Option<u64>, InsurerError> {
    match text.filter(|text| !text.is_empty()) {
        None => Ok(None),
        Some(text) => text
            .parse::<u64>()
            .map(Some)
            .map_err(|_| malformed(format!("unreadable {what} {text:?}"))),
    }
}
