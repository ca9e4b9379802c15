//! The cover lists: `GET …/covers` (every current record, decided or referred),
//! `…/covers/decisions` (decided, optionally since `fromDate=YYYY-MM-DDTHH:MM:SS`, compared
//! with `decisionDate`), `…/covers/applications` (referred) and `…/covers/historic` (history).
//! Each takes `customerId` and / or `policyId` (one at least), and optionally `buyerId` and
//! `coverType`; it answers `{"data": [<cover>, …]}` in `coverId` order, without pagination
//! (none is documented).

use super::auth::authorize;
use super::buyer::BUYER_ID_OFFSET;
use super::calendar;
use super::error::AtradiusError;
use super::portfolio::Listing;
use super::query::{CoverScope, QueryParams, COVER_SCOPE_PARAMETERS};
use super::AtradiusState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

type RawQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

fn list(
    state: &AtradiusState,
    headers: &HeaderMap,
    query: RawQuery,
    listing: Listing,
) -> Result<Response, AtradiusError> {
    authorize(state, headers)?;
    let mut known = COVER_SCOPE_PARAMETERS.to_vec();
    if listing == Listing::Decisions {
        known.push("fromDate");
    }
    let params = QueryParams::read(query, &known)?;
    let scope = CoverScope::read(&params)?;
    let from = params
        .get("fromDate")
        .map(|text| {
            calendar::parse(text).ok_or_else(|| {
                AtradiusError::bad_request("fromDate must be YYYY-MM-DDTHH:MM:SS", Some("fromDate"))
            })
        })
        .transpose()?;
    let book = state.book();
    // Written cover by cover: a seeded portfolio of 100,000 covers is about 100 MB of JSON,
    // which a `Vec<Value>` of the whole list would hold many times over.
    let mut body = b"{\"data\":[".to_vec();
    let mut first = true;
    for cover in book.portfolio.all().filter(|cover| {
        listing.shows(cover)
            && scope.contains(cover, BUYER_ID_OFFSET + cover.buyer as u64)
            && from.is_none_or(|from| cover.decided_at.is_some_and(|at| at >= from))
    }) {
        if !first {
            body.push(b',');
        }
        first = false;
        let item = cover.to_json(&state.dataset, &state.calendar);
        serde_json::to_writer(&mut body, &item).map_err(|_| {
            AtradiusError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the cover list could not be written",
                None,
            )
        })?;
    }
    body.extend_from_slice(b"]}");
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// `GET …/covers`.
pub(crate) async fn covers(
    State(state): State<Arc<AtradiusState>>,
    headers: HeaderMap,
    query: RawQuery,
) -> Result<Response, AtradiusError> {
    list(&state, &headers, query, Listing::Current)
}

/// `GET …/covers/decisions`.
pub(crate) async fn decisions(
    State(state): State<Arc<AtradiusState>>,
    headers: HeaderMap,
    query: RawQuery,
) -> Result<Response, AtradiusError> {
    list(&state, &headers, query, Listing::Decisions)
}

/// `GET …/covers/applications`.
pub(crate) async fn applications(
    State(state): State<Arc<AtradiusState>>,
    headers: HeaderMap,
    query: RawQuery,
) -> Result<Response, AtradiusError> {
    list(&state, &headers, query, Listing::Applications)
}

/// `GET …/covers/historic`.
pub(crate) async fn historic(
    State(state): State<Arc<AtradiusState>>,
    headers: HeaderMap,
    query: RawQuery,
) -> Result<Response, AtradiusError> {
    list(&state, &headers, query, Listing::Historic)
}
