//! `PUT …/covers`: change the cover of one buyer and cover type, named in the body with
//! `{action, customerId, policyId, buyerId, coverType, currencyCode, creditLimitAmount,
//! customerRefNumber}`.
//!
//! - `supersede` (amount): a new application replacing the cover, underwritten like a new one:
//!   200 with the new decision when decided at once (the old cover goes to history `SCLD`),
//!   202 when referred. A refused increase leaves the cover in force with `DC05` and answers
//!   "Action has been refused."; an application already pending is 409 "New Application cannot
//!   supersede existing cover".
//! - `reduce` (amount below the amount in force): a new record with `DC09` for the lower
//!   amount; the old one goes to history `ACLD` (amended). Reducing a refused cover or a pending
//!   application is 409.
//! - `cancel`: the cover goes to history — `CCLD` (a decision), `CIND` (an indication) or
//!   `CCLA` (a pending application, also cancelled with the cover it would supersede).
//! - `update-reference` (the core's chosen name; `customerRefNumber` required, blank erases):
//!   the reference of the current records changes, nothing else.
//!
//! A credit check has a fixed amount: supersede and reduce on one are 422. No cover of that
//! buyer and type is 404. Every accepted action answers 200 (202 for a referred supersede)
//! `{"data": [<the cover> + "response": "Action successful"]}`.

use super::application::{json_body, underwrite_and_record, ACTION_REFUSED, ACTION_SUCCESSFUL};
use super::auth::authorize;
use super::buyer::company_of;
use super::cover::{Cover, CoverType, PolicyKey};
use super::error::{AtradiusError, CANNOT_SUPERSEDE};
use super::fields::{object, Fields};
use super::review::ReviewState;
use super::{AtradiusState, Book};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

/// The actions of `PUT …/covers`.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Action {
    Supersede { currency: String, amount: u64 },
    Reduce { currency: String, amount: u64 },
    Cancel,
    UpdateReference,
}

/// A modification, read and checked.
pub(crate) struct Modification {
    action: Action,
    policy: PolicyKey,
    buyer: usize,
    cover_type: CoverType,
    reference: Option<String>,
}

/// The modification in `body`, read and checked.
pub(crate) fn read(state: &AtradiusState, body: &Value) -> Result<Modification, AtradiusError> {
    let map = object(body)?;
    let mut fields = Fields::new(map);
    let action = fields.text("action");
    let policy = fields.policy();
    let buyer_id = fields.number("buyerId");
    let cover_type = fields.cover_type();
    let with_amount = matches!(action.as_deref(), Some("supersede" | "reduce"));
    let fixed = cover_type == Some(CoverType::CreditCheck);
    let amount = if with_amount && !fixed {
        fields.amount(true)
    } else {
        None
    };
    let reference = fields.reference();
    fields.finish()?;
    let (Some(action), Some(policy), Some(buyer_id), Some(cover_type)) =
        (action, policy, buyer_id, cover_type)
    else {
        return Err(AtradiusError::unprocessable(
            "The modification is incomplete",
            None,
        ));
    };
    if with_amount && fixed {
        return Err(AtradiusError::unprocessable(
            "A credit check has a fixed amount: it cannot be superseded or reduced",
            Some("coverType"),
        ));
    }
    let action = match (action.as_str(), amount) {
        ("supersede", Some((currency, amount))) => Action::Supersede { currency, amount },
        ("reduce", Some((currency, amount))) => Action::Reduce { currency, amount },
        ("cancel", _) => Action::Cancel,
        ("update-reference", _) => {
            if !map.contains_key("customerRefNumber") {
                return Err(AtradiusError::unprocessable(
                    "customerRefNumber is required",
                    Some("customerRefNumber"),
                ));
            }
            Action::UpdateReference
        }
        _ => {
            return Err(AtradiusError::unprocessable(
                "action must be supersede, reduce, cancel or update-reference",
                Some("action"),
            ))
        }
    };
    let buyer = company_of(&state.dataset, buyer_id)
        .ok_or_else(|| AtradiusError::not_found("Buyer not found", Some("buyerId")))?
        .index();
    Ok(Modification {
        action,
        policy,
        buyer,
        cover_type,
        reference,
    })
}

fn no_cover() -> AtradiusError {
    AtradiusError::not_found(
        "No cover found for this buyer and cover type",
        Some("buyerId"),
    )
}

fn same_currency(cover: &Cover, currency: &str) -> Result<(), AtradiusError> {
    if cover.currency == currency {
        Ok(())
    } else {
        Err(AtradiusError::unprocessable(
            format!(
                "currencyCode must be the cover's currency, {}",
                cover.currency
            ),
            Some("currencyCode"),
        ))
    }
}

/// The answer item of an accepted action on record `id`.
fn item(state: &AtradiusState, book: &Book, id: u64, response: &str) -> Value {
    let mut item = book
        .portfolio
        .get(id)
        .map(|cover| cover.to_json(&state.dataset, &state.calendar))
        .unwrap_or_else(|| json!({ "coverId": id }));
    item["response"] = json!(response);
    item
}

/// Applies `change` at `now`: the answer's status and item.
pub(crate) fn apply(
    state: &AtradiusState,
    book: &mut Book,
    change: Modification,
    now: Duration,
) -> Result<(StatusCode, Value), AtradiusError> {
    let at = state.calendar.unix(now);
    let (policy, buyer, cover_type) = (&change.policy, change.buyer, change.cover_type);
    let decided = book.portfolio.decided(policy, buyer, cover_type).cloned();
    let referred = book
        .portfolio
        .referred(policy, buyer, cover_type)
        .map(|c| c.id);
    match change.action {
        Action::Supersede { currency, amount } => {
            if referred.is_some() {
                return Err(AtradiusError::conflict(CANNOT_SUPERSEDE, Some("buyerId")));
            }
            let old = decided.ok_or_else(no_cover)?;
            same_currency(&old, &currency)?;
            let new = Cover {
                id: book.portfolio.next_id(),
                requested: Some(amount),
                granted: None,
                decision_code: None,
                condition: None,
                referral: None,
                supersedes: Some(old.id),
                customer_reference: change.reference.or(old.customer_reference.clone()),
                applied_at: at,
                decided_at: None,
                effect_from: None,
                effective_to: None,
                review: ReviewState::default(),
                ..old.clone()
            };
            let (status, answer) = underwrite_and_record(state, book, new, now);
            if status == StatusCode::ACCEPTED {
                return Ok((status, answer));
            }
            let increase_refused = book
                .portfolio
                .get(old.id)
                .is_some_and(|cover| cover.decision_code == Some("DC05") && !cover.is_historic());
            if increase_refused {
                return Ok((StatusCode::OK, item(state, book, old.id, ACTION_REFUSED)));
            }
            Ok((StatusCode::OK, answer))
        }
        Action::Reduce { currency, amount } => {
            let Some(old) = decided else {
                return Err(match referred {
                    Some(_) => AtradiusError::conflict(
                        "The application is pending a decision and cannot be reduced",
                        Some("buyerId"),
                    ),
                    None => no_cover(),
                });
            };
            let granted = old.granted.unwrap_or_default();
            if !old.is_in_force() {
                return Err(AtradiusError::conflict(
                    "The cover was refused: there is no amount in force to reduce",
                    Some("buyerId"),
                ));
            }
            same_currency(&old, &currency)?;
            if amount >= granted {
                return Err(AtradiusError::unprocessable(
                    format!("creditLimitAmount must be lower than the amount in force, {granted}"),
                    Some("creditLimitAmount"),
                ));
            }
            let id = book.portfolio.next_id();
            book.portfolio.insert(Cover {
                id,
                requested: Some(amount),
                granted: Some(amount),
                decision_code: Some("DC09"),
                supersedes: Some(old.id),
                customer_reference: change.reference.or(old.customer_reference.clone()),
                decided_at: Some(at),
                effect_from: Some(at),
                review: ReviewState::default(),
                ..old.clone()
            });
            if let Some(old) = book.portfolio.get_mut(old.id) {
                old.retire("ACLD", at);
            }
            Ok((StatusCode::OK, item(state, book, id, ACTION_SUCCESSFUL)))
        }
        Action::Cancel => {
            let target = decided.as_ref().map(|cover| cover.id).or(referred);
            let target = target.ok_or_else(no_cover)?;
            if let Some(pending) = referred {
                if let Some(cover) = book.portfolio.get_mut(pending) {
                    cover.retire("CCLA", at);
                }
            }
            if let Some(cover) = decided.and_then(|old| book.portfolio.get_mut(old.id)) {
                let code = if cover.cover_type == CoverType::Indication {
                    "CIND"
                } else {
                    "CCLD"
                };
                cover.retire(code, at);
            }
            Ok((StatusCode::OK, item(state, book, target, ACTION_SUCCESSFUL)))
        }
        Action::UpdateReference => {
            let target = decided.as_ref().map(|cover| cover.id).or(referred);
            let target = target.ok_or_else(no_cover)?;
            for id in decided.map(|cover| cover.id).into_iter().chain(referred) {
                if let Some(cover) = book.portfolio.get_mut(id) {
                    cover.customer_reference = change.reference.clone();
                }
            }
            Ok((StatusCode::OK, item(state, book, target, ACTION_SUCCESSFUL)))
        }
    }
}

/// The handler of `PUT …/covers`.
pub(crate) async fn modify(
    State(state): State<Arc<AtradiusState>>,
    headers: HeaderMap,
    bytes: Bytes,
) -> Result<Response, AtradiusError> {
    authorize(&state, &headers)?;
    let body = json_body(&bytes)?;
    let change = read(&state, &body)?;
    let now = state.clock.now();
    let mut book = state.book();
    let (status, item) = apply(&state, &mut book, change, now)?;
    Ok((status, Json(json!({ "data": [item] }))).into_response())
}
