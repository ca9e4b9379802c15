//! Portfolio listings: `POST /riskinfo/v3/covers/search` (the covers of processed requests)
//! and `POST /riskinfo/v3/coverRequests/search` (every request, optionally filtered by
//! `requestStatusCode`, compared without case or separators), in submission order.
//!
//! Body: `policies[{businessUnitCode, policyId, extensionId}]` (an absent `extensionId` is
//! the empty one; an empty list means every policy) and [`pagination`](super::pagination).
//! Answer: `{"covers": […]}` / `{"coverRequests": […]}`, with `totalItems` and the
//! `Total-Items` / `Total-Pages` headers when the totals are asked for.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{Map, Value};

use super::body::{array_at, object, required_text, text_at, Object};
use super::book::{CoverRequest, Policy};
use super::cover_json;
use super::error::AllianzError;
use super::pagination::Pagination;
use super::AllianzTradeState;

/// Path of the cover search.
pub(crate) const COVERS_SEARCH_PATH: &str = "/riskinfo/v3/covers/search";
/// Path of the cover request search.
pub(crate) const COVER_REQUESTS_SEARCH_PATH: &str = "/riskinfo/v3/coverRequests/search";

/// The cover search handler.
pub(crate) async fn covers_search(
    State(state): State<Arc<AllianzTradeState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AllianzError> {
    state.begin(&headers)?;
    let fields = object(&body)?;
    let policies = policies(&fields)?;
    let pagination = Pagination::read(&fields)?;
    let simulation = state.simulation();
    let book = &simulation.book;
    let matching: Vec<&CoverRequest> = book
        .requests()
        .iter()
        .enumerate()
        .filter(|(n, request)| book.is_shown(*n) && covers_policy(&policies, request))
        .map(|(_, request)| request)
        .collect();
    let items = pagination
        .slice(&matching)
        .iter()
        .map(|request| cover_json::cover(request, &state.calendar))
        .collect();
    Ok(page("covers", items, matching.len(), &pagination))
}

/// The cover request search handler.
pub(crate) async fn cover_requests_search(
    State(state): State<Arc<AllianzTradeState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AllianzError> {
    state.begin(&headers)?;
    let fields = object(&body)?;
    let policies = policies(&fields)?;
    let status = text_at(&fields, "requestStatusCode", "requestStatusCode")?.map(|s| normalise(&s));
    let pagination = Pagination::read(&fields)?;
    let simulation = state.simulation();
    let matching: Vec<&CoverRequest> = simulation
        .book
        .requests()
        .iter()
        .filter(|request| covers_policy(&policies, request))
        .filter(|request| {
            status
                .as_deref()
                .is_none_or(|wanted| normalise(cover_json::request_status(request)) == wanted)
        })
        .collect();
    let items = pagination
        .slice(&matching)
        .iter()
        .map(|request| cover_json::cover_request(request, &state.calendar))
        .collect();
    Ok(page("coverRequests", items, matching.len(), &pagination))
}

fn policies(fields: &Object) -> Result<Vec<Policy>, AllianzError> {
    array_at(fields, "policies", "policies")?
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let path = format!("policies[{i}]");
            let Value::Object(item) = item else {
                return Err(AllianzError::bad_request(format!(
                    "{path} must be a JSON object"
                )));
            };
            Ok(Policy {
                business_unit_code: required_text(
                    item,
                    "businessUnitCode",
                    &format!("{path}.businessUnitCode"),
                )?,
                policy_id: required_text(item, "policyId", &format!("{path}.policyId"))?,
                extension_id: text_at(item, "extensionId", &format!("{path}.extensionId"))?
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// Whether `request` is under one of `policies` (any policy when there are none).
fn covers_policy(policies: &[Policy], request: &CoverRequest) -> bool {
    let own = &request.asked.policy;
    policies.is_empty()
        || policies.iter().any(|policy| {
            policy
                .business_unit_code
                .eq_ignore_ascii_case(&own.business_unit_code)
                && policy.policy_id == own.policy_id
                && policy.extension_id.eq_ignore_ascii_case(&own.extension_id)
        })
}

/// A status code without case or separators.
fn normalise(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn page(key: &str, items: Vec<Value>, total: usize, pagination: &Pagination) -> Response {
    let mut body = Map::new();
    body.insert(key.into(), Value::Array(items));
    if !pagination.total_required {
        return Json(Value::Object(body)).into_response();
    }
    body.insert("totalItems".into(), Value::from(total));
    let mut response = Json(Value::Object(body)).into_response();
    let headers = response.headers_mut();
    for (name, value) in [
        ("total-items", total as u64),
        ("total-pages", pagination.pages(total)),
    ] {
        headers.insert(HeaderName::from_static(name), HeaderValue::from(value));
    }
    response
}
