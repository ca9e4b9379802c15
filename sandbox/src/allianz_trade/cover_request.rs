//! `POST /riskinfo/v3/covers`: the cover request V3, answered 202 `{"jobId"}`.
//!
//! Body: `requestTypeCode` (`Primary` or `Cancellation`), `policy {businessUnitCode, policyId, extensionId}`,
//! `creditLimitDetails {requestedAmount (major units, number or numeric string),
//! currencyCode}`, `companyId`, `isRequestUrgent`, and optionally `comment` and
//! `customerReference`. Headers: `callback` (webhook, see [`callback`]) and
//! `Idempotency-Key` (see [`idempotency`]).
//!
//! A `Primary` request for a company whose cover on the same policy is processed supersedes
//! that cover (an increase or a reduction, decided by the shared underwriting policy like any
//! request; see [`super::book`]). A `Cancellation` request (chosen name, as in the core) carries
//! only `policy` and `companyId` (and optionally `comment`): it ends the company's current cover
//! on the policy once its job is processed; 422 `COVER_NOT_FOUND` when there is none.
//!
//! Errors: 400 for a body that is not JSON, a missing field or a value of the wrong type;
//! 422 `INVALID_AMOUNT` for an amount not above zero, `COMPANY_NOT_FOUND` for a company id the
//! sandbox does not know, `COMPANY_IS_AN_ESTABLISHMENT` for a branch (only head offices are
//! assessed; the message names the head office's id), `REQUEST_TYPE_NOT_SUPPORTED` for anything but `Primary` or `Cancellation` (a
//! `GradeCover` needs no amount and is not simulated), `IDEMPOTENCY_KEY_REUSED` for a key
//! already used with another request.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Number, Value};

use super::body::{bool_at, object, object_at, required_text, text_at, Object};
use super::book::{NewCoverRequest, Policy, Requested};
use super::callback::{self, CALLBACK_HEADER};
use super::company_ids;
use super::cover_json::{REQUEST_TYPE_CANCELLATION, REQUEST_TYPE_PRIMARY};
use super::error::AllianzError;
use super::idempotency::{self, Fingerprint, Replay, IDEMPOTENCY_HEADER};
use super::AllianzTradeState;
use crate::underwriting::{review, underwrite};

/// Path of the cover request.
pub(crate) const COVERS_PATH: &str = "/riskinfo/v3/covers";

/// The cover request handler.
pub(crate) async fn submit(
    State(state): State<Arc<AllianzTradeState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), AllianzError> {
    let now = state.begin(&headers)?;
    let key = idempotency::key_of(&headers)?;
    let fields = object(&body)?;
    let fingerprint = Fingerprint {
        body: Value::Object(fields.clone()),
        callback: headers
            .get(CALLBACK_HEADER)
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned()),
    };
    let callback = callback::from_headers(&headers)?;
    if is_cancellation(&fields)? {
        return cancel(&state, now, key, fingerprint, &fields);
    }
    let asked = read(&fields)?;
    let mut simulation = state.simulation();
    if let Some(key) = &key {
        match simulation.book.idempotency.check(key, &fingerprint) {
            Replay::First => {}
            Replay::Same(n) => {
                let job_id = simulation
                    .book
                    .get(n)
                    .map(|request| request.job_id.clone())
                    .unwrap_or_default();
                return Ok(accepted(job_id));
            }
            Replay::Conflict => return Err(key_reused(key)),
        }
    }
    let (company_id, company_name, underwriting, review) = {
        let buyer = state.buyer(&simulation, &asked.company_id).ok_or_else(|| {
            AllianzError::unprocessable(
                "COMPANY_NOT_FOUND",
                format!("No company has the companyId {:?}", asked.company_id),
            )
        })?;
        if let Some(head_office) = buyer.record.head_office_index() {
            return Err(AllianzError::unprocessable(
                "COMPANY_IS_AN_ESTABLISHMENT",
                format!(
                    "Company {} is an establishment; request cover on its head office {}",
                    buyer.company_id,
                    company_ids::of_index(head_office)
                ),
            ));
        }
        let underwriting = underwrite(buyer.record, asked.requested.major);
        let granted = underwriting.outcome.granted(asked.requested.major);
        let review = review(buyer.record, granted);
        (
            buyer.company_id,
            buyer.name.to_owned(),
            underwriting,
            review,
        )
    };
    let n = simulation.book.submit(
        NewCoverRequest {
            company_id,
            company_name,
            policy: asked.policy,
            requested: asked.requested,
            urgent: asked.urgent,
            comment: asked.comment,
            customer_reference: asked.customer_reference,
            underwriting,
            review,
            callback,
        },
        now,
    );
    if let Some(key) = key {
        simulation.book.idempotency.remember(key, fingerprint, n);
    }
    let job_id = simulation
        .book
        .get(n)
        .map(|request| request.job_id.clone())
        .unwrap_or_default();
    Ok(accepted(job_id))
}

/// Whether the body asks for a cancellation (`requestTypeCode` `Cancellation`).
fn is_cancellation(fields: &Object) -> Result<bool, AllianzError> {
    let request_type = required_text(fields, "requestTypeCode", "requestTypeCode")?;
    Ok(request_type.eq_ignore_ascii_case(REQUEST_TYPE_CANCELLATION))
}

/// A cancellation request: the company's current cover on the policy is cancelled once the
/// answered job is processed.
fn cancel(
    state: &AllianzTradeState,
    now: std::time::Duration,
    key: Option<String>,
    fingerprint: Fingerprint,
    fields: &Object,
) -> Result<(StatusCode, Json<Value>), AllianzError> {
    let policy = read_policy(fields)?;
    let company_id = required_text(fields, "companyId", "companyId")?;
    let _ = text_at(fields, "comment", "comment")?;
    let mut simulation = state.simulation();
    if let Some(key) = &key {
        match simulation.book.idempotency.check(key, &fingerprint) {
            Replay::First => {}
            Replay::Same(n) => {
                let job_id = simulation
                    .book
                    .get(n)
                    .and_then(|request| request.cancellation.as_ref())
                    .map(|cancellation| cancellation.job_id.clone())
                    .unwrap_or_default();
                return Ok(accepted(job_id));
            }
            Replay::Conflict => return Err(key_reused(key)),
        }
    }
    let canonical = state
        .buyer(&simulation, &company_id)
        .map(|buyer| buyer.company_id)
        .unwrap_or_else(|| company_id.clone());
    let not_found = || {
        AllianzError::unprocessable(
            "COVER_NOT_FOUND",
            format!(
                "Company {company_id} has no cover in force on policy {} to cancel",
                policy.policy_id
            ),
        )
    };
    let n = simulation
        .book
        .current_cover(&canonical, &policy)
        .ok_or_else(not_found)?;
    let job_id = simulation.book.cancel(n, now).ok_or_else(not_found)?;
    if let Some(key) = key {
        simulation.book.idempotency.remember(key, fingerprint, n);
    }
    Ok(accepted(job_id))
}

fn accepted(job_id: String) -> (StatusCode, Json<Value>) {
    (StatusCode::ACCEPTED, Json(json!({ "jobId": job_id })))
}

/// The request as read from the body, before the company is looked up.
struct Asked {
    company_id: String,
    policy: Policy,
    requested: Requested,
    urgent: bool,
    comment: Option<String>,
    customer_reference: Option<String>,
}

fn read(fields: &Object) -> Result<Asked, AllianzError> {
    let request_type = required_text(fields, "requestTypeCode", "requestTypeCode")?;
    if !request_type.eq_ignore_ascii_case(REQUEST_TYPE_PRIMARY) {
        return Err(AllianzError::unprocessable(
            "REQUEST_TYPE_NOT_SUPPORTED",
            format!(
                "requestTypeCode {request_type:?} is not supported; use {REQUEST_TYPE_PRIMARY:?}"
            ),
        ));
    }
    let policy = read_policy(fields)?;
    let details = object_at(fields, "creditLimitDetails", "creditLimitDetails")?
        .ok_or_else(|| AllianzError::bad_request("creditLimitDetails is required"))?;
    let currency = required_text(details, "currencyCode", "creditLimitDetails.currencyCode")?;
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(AllianzError::bad_request(format!(
            "creditLimitDetails.currencyCode {currency:?} is not an ISO 4217 code"
        )));
    }
    let amount = required_text(
        details,
        "requestedAmount",
        "creditLimitDetails.requestedAmount",
    )?;
    let (amount, major) = read_amount(&amount)?;
    Ok(Asked {
        company_id: required_text(fields, "companyId", "companyId")?,
        policy,
        requested: Requested {
            amount,
            major,
            currency: currency.to_ascii_uppercase(),
        },
        urgent: bool_at(fields, "isRequestUrgent", "isRequestUrgent")?.unwrap_or(false),
        comment: text_at(fields, "comment", "comment")?,
        customer_reference: text_at(fields, "customerReference", "customerReference")?,
    })
}

/// The `policy` triple of the body.
fn read_policy(fields: &Object) -> Result<Policy, AllianzError> {
    let policy = object_at(fields, "policy", "policy")?
        .ok_or_else(|| AllianzError::bad_request("policy is required"))?;
    Ok(Policy {
        business_unit_code: required_text(policy, "businessUnitCode", "policy.businessUnitCode")?,
        policy_id: required_text(policy, "policyId", "policy.policyId")?,
        extension_id: text_at(policy, "extensionId", "policy.extensionId")?.unwrap_or_default(),
    })
}

/// The amount `text` (a decimal in major units) as a JSON number and its whole major units;
/// 400 when it is not a number, 422 `INVALID_AMOUNT` when it is not above zero or too large.
fn read_amount(text: &str) -> Result<(Number, u64), AllianzError> {
    let invalid = |why: &str| {
        AllianzError::unprocessable(
            "INVALID_AMOUNT",
            format!("creditLimitDetails.requestedAmount {text} {why}"),
        )
    };
    if let Ok(whole) = text.parse::<u64>() {
        if whole == 0 {
            return Err(invalid("must be above zero"));
        }
        return Ok((Number::from(whole), whole));
    }
    let value = text
        .parse::<f64>()
        .ok()
        .filter(|value| value.is_finite())
        .ok_or_else(|| {
            AllianzError::bad_request(format!(
                "creditLimitDetails.requestedAmount {text:?} is not a number"
            ))
        })?;
    if value <= 0.0 {
        return Err(invalid("must be above zero"));
    }
    // Amounts beyond 2^53 cannot travel exactly as JSON numbers.
    if value >= 9_007_199_254_740_992.0 {
        return Err(invalid("is too large"));
    }
    let number = Number::from_f64(value).ok_or_else(|| invalid("is not a number"))?;
    Ok((number, value.floor() as u64))
}

/// The error for an idempotency key used before with a different request.
fn key_reused(key: &str) -> AllianzError {
    AllianzError::unprocessable(
        "IDEMPOTENCY_KEY_REUSED",
        format!("The {IDEMPOTENCY_HEADER} {key:?} was already used with a different request"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts() {
        assert_eq!(read_amount("50000").unwrap().1, 50_000);
        let (number, major) = read_amount("50000.5").unwrap();
        assert_eq!((number.to_string().as_str(), major), ("50000.5", 50_000));
        assert_eq!(read_amount("1e6").unwrap().1, 1_000_000);
        for bad in ["0", "-5", "0.0", "1e300"] {
            assert_eq!(
                read_amount(bad).unwrap_err().status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{bad}"
            );
        }
        for bad in ["ten", "NaN", "inf", ""] {
            assert_eq!(
                read_amount(bad).unwrap_err().status(),
                StatusCode::BAD_REQUEST,
                "{bad}"
            );
        }
    }
}
