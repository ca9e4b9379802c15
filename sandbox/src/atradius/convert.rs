//! `PUT …/covers/{coverId}/cover-type`: convert an indication into a credit limit. The body is
//! `{customerId, policyId, coverType: "credit-limit"}` (the core's chosen shape). The
//! conversion takes effect at once and keeps the decision: a new credit-limit record with the
//! indication's amount, decision and conditions, effective today; the indication goes to
//! history `SCLD` (superseded). Answer 200 `{"data": [<the credit limit> + "response"]}`.
//!
//! Errors: an unknown cover (or one of another policy) is 404; a cover that is not an
//! indication, not decided, refused or already history is 409; a buyer that already has a
//! credit limit in force or pending is 409 "Credit limit/credit check already exists for this
//! buyer." (a refused credit limit is superseded); a `coverType` other than `credit-limit` is
//! 422.

use super::application::{json_body, ACTION_SUCCESSFUL};
use super::auth::authorize;
use super::cover::{Cover, CoverType};
use super::error::{AtradiusError, ALREADY_EXISTS};
use super::fields::{object, Fields};
use super::review::ReviewState;
use super::AtradiusState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};
use std::sync::Arc;

/// The handler.
pub(crate) async fn convert(
    State(state): State<Arc<AtradiusState>>,
    Path(cover_id): Path<String>,
    headers: HeaderMap,
    bytes: Bytes,
) -> Result<Json<Value>, AtradiusError> {
    authorize(&state, &headers)?;
    let cover_id: u64 = cover_id
        .parse()
        .map_err(|_| AtradiusError::bad_request("coverId must be a number", Some("coverId")))?;
    let body = json_body(&bytes)?;
    let mut fields = Fields::new(object(&body)?);
    let policy = fields.policy();
    let target = fields.cover_type();
    fields.finish()?;
    let (Some(policy), Some(target)) = (policy, target) else {
        return Err(AtradiusError::unprocessable(
            "The conversion is incomplete",
            None,
        ));
    };
    if target != CoverType::CreditLimit {
        return Err(AtradiusError::unprocessable(
            "An indication can only be converted to a credit-limit",
            Some("coverType"),
        ));
    }
    let now = state.clock.now();
    let at = state.calendar.unix(now);
    let mut book = state.book();
    let indication = book
        .portfolio
        .get(cover_id)
        .filter(|cover| cover.policy == policy)
        .cloned()
        .ok_or_else(|| AtradiusError::not_found("Cover not found", Some("coverId")))?;
    let conflict = |detail: &str| Err(AtradiusError::conflict(detail, Some("coverId")));
    if indication.cover_type != CoverType::Indication {
        return conflict("Only an indication can be converted to a credit limit");
    }
    if indication.is_historic() {
        return conflict("The indication is no longer current");
    }
    if indication.is_referred() {
        return conflict("The indication is not decided yet");
    }
    if !indication.is_in_force() {
        return conflict("A refused indication cannot be converted");
    }
    let portfolio = &book.portfolio;
    let (buyer, limit) = (indication.buyer, CoverType::CreditLimit);
    if portfolio.referred(&policy, buyer, limit).is_some() {
        return Err(AtradiusError::conflict(ALREADY_EXISTS, Some("coverId")));
    }
    let refused_limit = match portfolio.decided(&policy, buyer, limit) {
        Some(cover) if cover.is_in_force() => {
            return Err(AtradiusError::conflict(ALREADY_EXISTS, Some("coverId")))
        }
        Some(refused) => Some(refused.id),
        None => None,
    };
    let id = book.portfolio.next_id();
    book.portfolio.insert(Cover {
        id,
        cover_type: CoverType::CreditLimit,
        supersedes: Some(indication.id),
        effect_from: Some(at),
        review: ReviewState::default(),
        ..indication.clone()
    });
    for old in std::iter::once(indication.id).chain(refused_limit) {
        if let Some(cover) = book.portfolio.get_mut(old) {
            cover.retire("SCLD", at);
        }
    }
    let mut item = book
        .portfolio
        .get(id)
        .map(|cover| cover.to_json(&state.dataset, &state.calendar))
        .unwrap_or_else(|| json!({ "coverId": id }));
    item["response"] = json!(ACTION_SUCCESSFUL);
    Ok(Json(json!({ "data": [item] })))
}
