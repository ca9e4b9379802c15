//! A cover request as Allianz Trade answers it: the cover (`GET /riskinfo/v3/covers/{id}`,
//! `covers/search` items, technical notifications), the cover request (`coverRequests/search`
//! items, functional notifications) and the job.
//!
//! Status codes, in the style of the ones seen (`AlreadyAgreed`, `Agreement`, `InProgress`)
//! and read by the core's tables:
//!
//! | moment | job `jobStatusCode` | cover `coverStatusCode` / limit `technicalDecisionStatusCode` | request `requestStatusCode` |
//! |---|---|---|---|
//! | submitted | `PENDING` | (no cover yet) | `Submitted` |
//! | processed, referred | `PROCESSED` | `Pending` / `Pending` | `InProgress` |
//! | granted | `PROCESSED` | `Agreement` / `Agreed` | `Accepted` |
//! | granted in part | `PROCESSED` | `PartialAgreement` / `PartiallyAgreed` | `PartiallyAccepted` |
//! | refused | `PROCESSED` | `Refusal` / `Refused` (amount 0) | `Refused` |
//!
//! A decided limit carries `amount`, `currencyCode`, `startDate` (the decision day) and
//! `decisionDate`; a partial one also `conditions[{description}]` (chosen name: the
//! condition's wording is not public); a granted one also `endDate`.
//!
//! After the decision, the insurer's review ([`crate::underwriting::review`]) changes the
//! cover (statuses **chosen**, read by the core's table):
//!
//! | review step | cover `coverStatusCode` | credit limits |
//! |---|---|---|
//! | reduced | `Reduction` | a new limit `Reduced` with the new `amount`, `startDate` the review day |
//! | withdrawal notified | (unchanged) | `endDate` becomes the withdrawal date |
//! | withdrawn | `Cancellation` | the current limit `Cancelled` |
//! | expired (validity run out) | `Expired` | the current limit `Expired` |
//! | cancelled at the seller's request (`Cancellation` request processed) | `Cancellation` | the current limit `Cancelled` |

use serde_json::{json, Map, Value};

use std::time::Duration;

use crate::underwriting::{validity, Change, Outcome};

use super::book::CoverRequest;
use super::dates::Calendar;

/// `requestTypeCode` of a credit limit request (also an increase or a reduction: it
/// supersedes the company's cover on the policy).
pub(crate) const REQUEST_TYPE_PRIMARY: &str = "Primary";
/// `requestTypeCode` of the cancellation of a cover (chosen, as in the core).
pub(crate) const REQUEST_TYPE_CANCELLATION: &str = "Cancellation";

/// The cover of `request` (meaningful once its job is processed).
pub(crate) fn cover(request: &CoverRequest, calendar: &Calendar) -> Value {
    let asked = &request.asked;
    let currency = &asked.requested.currency;
    let (cover_status, limits) = match request.decided_at {
        None => (
            "Pending",
            vec![json!({"technicalDecisionStatusCode": "Pending", "currencyCode": currency})],
        ),
        Some(at) => decided_limits(request, at, calendar),
    };
    let mut fields = Map::new();
    fields.insert("coverId".into(), json!(request.cover_id));
    fields.insert("companyId".into(), json!(asked.company_id));
    fields.insert("companyName".into(), json!(asked.company_name));
    fields.insert("coverTypeCode".into(), json!("CreditLimit"));
    fields.insert("coverStatusCode".into(), json!(cover_status));
    fields.insert("policy".into(), policy(request));
    fields.insert("currencyCode".into(), json!(currency));
    fields.insert("creditLimitDetails".into(), credit_limit_details(request));
    fields.insert(
        "creationDate".into(),
        json!(calendar.timestamp(request.submitted_at)),
    );
    fields.insert(
        "lastUpdateDate".into(),
        json!(calendar.timestamp(request.last_update())),
    );
    if let Some(reference) = &asked.customer_reference {
        fields.insert("customerReference".into(), json!(reference));
    }
    fields.insert(
        "creditLimitsAggregation".into(),
        json!({ "creditLimits": limits }),
    );
    Value::Object(fields)
}

/// The `coverStatusCode` and credit limits of `request`, decided at `at`: the decided limit,
/// then one more limit for a reduction at review; the withdrawal date notified at review, else
/// the end of validity, as `endDate` of granted limits; the current limit `Cancelled` or
/// `Expired` once the cover is withdrawn or expired.
fn decided_limits(
    request: &CoverRequest,
    at: Duration,
    calendar: &Calendar,
) -> (&'static str, Vec<Value>) {
    let asked = &request.asked;
    let currency = &asked.requested.currency;
    let outcome = &asked.underwriting.outcome;
    let (mut cover_status, limit_status, amount) = match outcome {
        Outcome::Granted => ("Agreement", "Agreed", asked.requested.amount.clone()),
        Outcome::Partial { granted, .. } => (
            "PartialAgreement",
            "PartiallyAgreed",
            serde_json::Number::from(*granted),
        ),
        Outcome::Refused => ("Refusal", "Refused", serde_json::Number::from(0u8)),
    };
    let mut limit = json!({
        "technicalDecisionStatusCode": limit_status,
        "amount": amount,
        "currencyCode": currency,
        "startDate": calendar.date(at),
        "decisionDate": calendar.timestamp(at),
    });
    if let (Outcome::Partial { condition, .. }, Value::Object(fields)) = (outcome, &mut limit) {
        fields.insert("conditions".into(), json!([{ "description": condition }]));
    }
    let mut limits = vec![limit];
    let mut end = at.saturating_add(validity());
    let mut last_status = None;
    for (changed_at, change) in &request.changes {
        match change {
            Change::Reduced { granted } => {
                cover_status = "Reduction";
                limits.push(json!({
                    "technicalDecisionStatusCode": "Reduced",
                    "amount": granted,
                    "currencyCode": currency,
                    "startDate": calendar.date(*changed_at),
                    "decisionDate": calendar.timestamp(*changed_at),
                }));
            }
            Change::WithdrawalNotified { withdrawn_after } => {
                end = at.saturating_add(*withdrawn_after);
            }
            Change::Withdrawn => {
                cover_status = "Cancellation";
                last_status = Some("Cancelled");
            }
            Change::Expired => {
                cover_status = "Expired";
                last_status = Some("Expired");
            }
        }
    }
    if request.cancelled_at().is_some() {
        cover_status = "Cancellation";
        last_status = Some("Cancelled");
    }
    if *outcome != Outcome::Refused {
        for limit in &mut limits {
            limit["endDate"] = json!(calendar.date(end));
        }
    }
    if let (Some(status), Some(current)) = (last_status, limits.last_mut()) {
        current["technicalDecisionStatusCode"] = json!(status);
    }
    (cover_status, limits)
}

/// The `requestStatusCode` of `request` now.
pub(crate) fn request_status(request: &CoverRequest) -> &'static str {
    match (request.processed_at, request.decided_at) {
        (None, _) => "Submitted",
        (Some(_), None) => "InProgress",
        (Some(_), Some(_)) => match request.asked.underwriting.outcome {
            Outcome::Granted => "Accepted",
            Outcome::Partial { .. } => "PartiallyAccepted",
            Outcome::Refused => "Refused",
        },
    }
}

/// The cover request `request`.
pub(crate) fn cover_request(request: &CoverRequest, calendar: &Calendar) -> Value {
    let asked = &request.asked;
    let mut fields = Map::new();
    fields.insert("requestId".into(), json!(request.request_id));
    if request.processed_at.is_some() {
        fields.insert("coverId".into(), json!(request.cover_id));
    }
    fields.insert("jobId".into(), json!(request.job_id));
    fields.insert("companyId".into(), json!(asked.company_id));
    fields.insert("companyName".into(), json!(asked.company_name));
    fields.insert("requestTypeCode".into(), json!(REQUEST_TYPE_PRIMARY));
    fields.insert("requestStatusCode".into(), json!(request_status(request)));
    fields.insert("policy".into(), policy(request));
    fields.insert("creditLimitDetails".into(), credit_limit_details(request));
    fields.insert("isRequestUrgent".into(), json!(asked.urgent));
    if let Some(comment) = &asked.comment {
        fields.insert("comment".into(), json!(comment));
    }
    if let Some(reference) = &asked.customer_reference {
        fields.insert("customerReference".into(), json!(reference));
    }
    fields.insert(
        "creationDate".into(),
        json!(calendar.timestamp(request.submitted_at)),
    );
    fields.insert(
        "lastUpdateDate".into(),
        json!(calendar.timestamp(request.last_update())),
    );
    Value::Object(fields)
}

/// The job `job_id` of `request` (its own, or its cancellation's); `resource_base` is the path
/// the API is mounted at, which the processed job's `ressourceUrl` starts with.
pub(crate) fn job(
    request: &CoverRequest,
    job_id: &str,
    resource_base: &str,
    calendar: &Calendar,
) -> Value {
    let (submitted_at, processed_at) = match &request.cancellation {
        Some(cancellation) if cancellation.job_id == job_id => {
            (cancellation.submitted_at, cancellation.processed_at)
        }
        _ => (request.submitted_at, request.processed_at),
    };
    match processed_at {
        None => json!({
            "jobId": job_id,
            "jobStatusCode": "PENDING",
            "creationDate": calendar.timestamp(submitted_at),
        }),
        Some(at) => json!({
            "jobId": job_id,
            "jobStatusCode": "PROCESSED",
            "creationDate": calendar.timestamp(submitted_at),
            "lastUpdateDate": calendar.timestamp(at),
            "ressourceUrl": format!("{resource_base}/riskinfo/v3/covers/{}", request.cover_id),
        }),
    }
}

fn policy(request: &CoverRequest) -> Value {
    let policy = &request.asked.policy;
    json!({
        "businessUnitCode": policy.business_unit_code,
        "policyId": policy.policy_id,
        "extensionId": policy.extension_id,
    })
}

fn credit_limit_details(request: &CoverRequest) -> Value {
    let requested = &request.asked.requested;
    json!({
        "requestedAmount": requested.amount,
        "currencyCode": requested.currency,
    })
}
