//! `POST …/covers`: a new application, decided at once (201) or referred to an underwriter
//! (202), by the sandbox's [`underwriting`](crate::underwriting) policy.
//!
//! Body: `{customerId, policyId, buyerId, coverType, currencyCode, creditLimitAmount,
//! customerRefNumber, effectFromDate}`; a credit check carries no amount and no currency.
//! Problems with the fields are 422 with every problem listed (an amount that is not a positive
//! multiple of 1,000: "Must be positive number greater than zero and a multiple of 1000."); an
//! unknown buyer is 404; a buyer that already has a cover in force or an application pending
//! of that type is 409 "Credit limit/credit check already exists for this buyer." (a refused
//! decision is superseded by the new application instead).
//!
//! Answers: `{"data": [<the cover> + "response"]}`: 201 with the decision (`DC01` granted,
//! `DC04` granted in part with a condition, `DC03` refused with the response "Action has been
//! refused."), or 202 with `coverStatus` REFERRED until the referral delay has passed.

use super::auth::authorize;
use super::buyer::company_of;
use super::cover::{Cover, CoverType, PolicyKey, Referral, CREDIT_CHECK_CURRENCY};
use super::error::{AtradiusError, ALREADY_EXISTS};
use super::fields::{object, Fields};
use super::idempotency::{key_of, Seen};
use super::review::ReviewState;
use super::{AtradiusState, Book};
use crate::underwriting::{underwrite, Outcome, Timing};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

/// The `response` of an accepted action.
pub(crate) const ACTION_SUCCESSFUL: &str = "Action successful";
/// The `response` of a refused action.
pub(crate) const ACTION_REFUSED: &str = "Action has been refused.";

/// A new application, read and checked.
#[derive(Clone, Debug)]
pub(crate) struct NewApplication {
    /// The insured.
    pub(crate) policy: PolicyKey,
    /// Index of the buyer in the data set.
    pub(crate) buyer: usize,
    /// What is applied for.
    pub(crate) cover_type: CoverType,
    /// Currency of the amount.
    pub(crate) currency: String,
    /// Amount applied for (major units); `None` for a credit check.
    pub(crate) requested: Option<u64>,
    /// `customerRefNumber`.
    pub(crate) reference: Option<String>,
    /// `effectFromDate`, as a Unix second.
    pub(crate) effect_from: Option<u64>,
}

/// Reads an application body (one item of a batch, or the body of `POST …/covers`).
pub(crate) fn read_application(
    state: &AtradiusState,
    body: &Value,
) -> Result<NewApplication, AtradiusError> {
    let mut fields = Fields::new(object(body)?);
    let policy = fields.policy();
    let buyer_id = fields.number("buyerId");
    let cover_type = fields.cover_type();
    let amount = cover_type.and_then(|kind| fields.amount(kind != CoverType::CreditCheck));
    let reference = fields.reference();
    let effect_from = fields.effect_from();
    fields.finish()?;
    let (Some(policy), Some(buyer_id), Some(cover_type)) = (policy, buyer_id, cover_type) else {
        return Err(AtradiusError::unprocessable(
            "The application is incomplete",
            None,
        ));
    };
    let buyer = company_of(&state.dataset, buyer_id)
        .ok_or_else(|| AtradiusError::not_found("Buyer not found", Some("buyerId")))?
        .index();
    let (currency, requested) = match amount {
        Some((currency, amount)) => (currency, Some(amount)),
        None => (CREDIT_CHECK_CURRENCY.to_owned(), None),
    };
    Ok(NewApplication {
        policy,
        buyer,
        cover_type,
        currency,
        requested,
        reference,
        effect_from,
    })
}

/// Submits `application` at sandbox time `now`: the answer's status and its `data` item.
pub(crate) fn submit(
    state: &AtradiusState,
    book: &mut Book,
    application: NewApplication,
    now: Duration,
) -> Result<(StatusCode, Value), AtradiusError> {
    let portfolio = &book.portfolio;
    let (policy, buyer, cover_type) = (
        &application.policy,
        application.buyer,
        application.cover_type,
    );
    if portfolio.referred(policy, buyer, cover_type).is_some() {
        return Err(AtradiusError::conflict(ALREADY_EXISTS, Some("buyerId")));
    }
    let supersedes = match portfolio.decided(policy, buyer, cover_type) {
        Some(cover) if cover.is_in_force() => {
            return Err(AtradiusError::conflict(ALREADY_EXISTS, Some("buyerId")))
        }
        Some(refused) => Some(refused.id),
        None => None,
    };
    let cover = Cover {
        id: book.portfolio.next_id(),
        policy: application.policy,
        buyer,
        cover_type,
        currency: application.currency,
        requested: application.requested,
        granted: None,
        decision_code: None,
        condition: None,
        historic_code: None,
        referral: None,
        supersedes,
        customer_reference: application.reference,
        applied_at: state.calendar.unix(now),
        decided_at: None,
        effect_from: application.effect_from,
        effective_to: None,
        review: ReviewState::default(),
    };
    Ok(underwrite_and_record(state, book, cover, now))
}

/// Underwrites a new record, stores it, and gives the answer's status and item: 201 when
/// decided at once, 202 when referred.
pub(crate) fn underwrite_and_record(
    state: &AtradiusState,
    book: &mut Book,
    mut cover: Cover,
    now: Duration,
) -> (StatusCode, Value) {
    let id = cover.id;
    let Some(company) = state.dataset.get(cover.buyer) else {
        return (
            StatusCode::NOT_FOUND,
            json!({"errors": [{"detail": "Buyer not found"}]}),
        );
    };
    let underwriting = underwrite(company, cover.assessed_amount());
    let referred = underwriting.timing == Timing::Referred;
    if referred {
        cover.referral = Some(Referral {
            due: now + state.referral_delay,
            outcome: underwriting.outcome.clone(),
        });
    }
    book.portfolio.insert(cover);
    if !referred {
        book.portfolio
            .decide(id, &underwriting.outcome, state.calendar.unix(now));
    }
    let mut item = book
        .portfolio
        .get(id)
        .map(|cover| cover.to_json(&state.dataset, &state.calendar))
        .unwrap_or_else(|| json!({ "coverId": id }));
    let refused = !referred && underwriting.outcome == Outcome::Refused;
    item["response"] = json!(if refused {
        ACTION_REFUSED
    } else {
        ACTION_SUCCESSFUL
    });
    let status = if referred {
        StatusCode::ACCEPTED
    } else {
        StatusCode::CREATED
    };
    (status, item)
}

/// An answer as a status and JSON body (errors included), for idempotent replays.
pub(crate) fn answer_of(result: Result<(StatusCode, Value), AtradiusError>) -> (StatusCode, Value) {
    match result {
        Ok(answer) => answer,
        Err(error) => (error.status, json!({ "errors": error.errors_json() })),
    }
}

/// Runs `process` under the request's `Idempotency-Key`, if any: a replay answers what was
/// answered the first time; a new request is processed and remembered.
pub(crate) fn idempotent(
    state: &AtradiusState,
    headers: &HeaderMap,
    route: &'static str,
    body: &Value,
    process: impl FnOnce(&mut Book, Duration) -> (StatusCode, Value),
) -> Result<Response, AtradiusError> {
    let key = key_of(headers)?;
    let now = state.clock.now();
    let mut book = state.book();
    if let Some(key) = &key {
        if let Seen::Replay(status, answer) = book.idempotency.check(key, route, body)? {
            return Ok((status, Json(answer)).into_response());
        }
    }
    let (status, answer) = process(&mut book, now);
    if let Some(key) = key {
        book.idempotency
            .remember(key, route, body.clone(), status, answer.clone(), now);
    }
    Ok((status, Json(answer)).into_response())
}

/// Parses a JSON request body; 400 when it is not JSON.
pub(crate) fn json_body(bytes: &[u8]) -> Result<Value, AtradiusError> {
    serde_json::from_slice(bytes)
        .map_err(|_| AtradiusError::bad_request("The body must be JSON", None))
}

/// The handler of `POST …/covers`.
pub(crate) async fn create(
    State(state): State<Arc<AtradiusState>>,
    headers: HeaderMap,
    bytes: Bytes,
) -> Result<Response, AtradiusError> {
    authorize(&state, &headers)?;
    let body = json_body(&bytes)?;
    idempotent(&state, &headers, "covers", &body, |book, now| {
        answer_of(
            read_application(&state, &body)
                .and_then(|application| submit(&state, book, application, now))
                .map(|(status, item)| (status, json!({ "data": [item] }))),
        )
    })
}
