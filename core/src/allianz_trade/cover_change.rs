//! Changing a cover: increase, reduce or cancel, each a `POST /riskinfo/v3/covers` answered
//! with a job id like a first request (read by [`parse_job_id`](super::cover_request::parse_job_id),
//! followed with [`job_request`](super::job::job_request) until processed, then the cover read
//! again with [`cover_get_request`](super::cover::cover_get_request)).
//!
//! Allianz Trade publishes no `requestTypeCode` besides `Primary` and `GradeCover` (see the
//! reference's open questions), so how a change is expressed is **chosen** here:
//! - **increase or reduce**: a new `Primary` request for the same company and policy with the
//!   new amount. Allianz Trade keeps one cover per buyer and policy (EOLIS: "request / increase
//!   / cancel limit" on the buyer's cover), so the request supersedes the cover's limit: its
//!   processed job names the same cover, which shows the new limit once decided (an increase
//!   may be referred: the cover is then pending and the old limit stays in force meanwhile);
//! - **cancel**: a request with `requestTypeCode: "Cancellation"` (after UN/EDIFACT 4505 code 6),
//!   the policy and the company, no `creditLimitDetails`; once its job is processed the cover
//!   is `Cancellation` and its current limit `Cancelled`.
//!
//! Both honour the `Idempotency-Key` header like a first request: the widget sends the key
//! made when the user opened the confirmation, and a retry with it gets the first job back.

use super::amount::money_to_number;
use super::cover_request::COVERS_PATH;
use super::request_error::RequestError;
use super::wire::{
    non_blank, CancellationBody, CoverRequestBody, CreditLimitDetailsOut, PolicyBody,
    CONTENT_TYPE_HEADER, JSON, REQUEST_TYPE_CANCELLATION, REQUEST_TYPE_PRIMARY,
};
use crate::cover_application::PolicyRef;
use crate::http_request::{HttpRequest, Method};
use crate::money::Money;

/// What to do to the cover of one company on one policy.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CoverChangeKind {
    /// Ask for a new amount (above the current one: an increase; below: a reduction).
    NewAmount {
        /// The new amount.
        amount: Money,
        /// The seller's reference, sent when given.
        customer_reference: Option<String>,
    },
    /// End the cover.
    Cancel,
}

/// A change to the cover of `company_id` on `policy`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverChange {
    /// The policy the cover is on.
    pub policy: PolicyRef,
    /// The buyer's Allianz Trade company id.
    pub company_id: String,
    /// The change.
    pub kind: CoverChangeKind,
}

/// The request for `change` (see the module documentation for its shape).
///
/// Errors: [`RequestError::UnknownBuyer`] for a blank company id,
/// [`RequestError::PolicyRequired`] for a blank policy id, [`RequestError::InvalidAmount`] for a
/// new amount not above zero.
pub fn cover_change_request(change: &CoverChange) -> Result<HttpRequest, RequestError> {
    let company_id = change.company_id.trim();
    if company_id.is_empty() {
        return Err(RequestError::UnknownBuyer);
    }
    if change.policy.policy_id.trim().is_empty() {
        return Err(RequestError::PolicyRequired);
    }
    let policy = PolicyBody {
        business_unit_code: change.policy.business_unit_code.trim(),
        policy_id: change.policy.policy_id.trim(),
        extension_id: change.policy.extension_id.trim(),
    };
    let body = match &change.kind {
        CoverChangeKind::NewAmount {
            amount,
            customer_reference,
        } => {
            let requested_amount = Some(*amount)
                .filter(Money::is_positive)
                .and_then(money_to_number)
                .ok_or_else(|| RequestError::InvalidAmount {
                    amount: amount.to_string(),
                })?;
            serde_json::to_value(CoverRequestBody {
                request_type_code: REQUEST_TYPE_PRIMARY,
                policy,
                credit_limit_details: CreditLimitDetailsOut {
                    requested_amount,
                    currency_code: amount.currency.code(),
                },
                company_id,
                is_request_urgent: false,
                comment: None,
                customer_reference: non_blank(customer_reference.as_deref()),
            })
        }
        CoverChangeKind::Cancel => serde_json::to_value(CancellationBody {
            request_type_code: REQUEST_TYPE_CANCELLATION,
            policy,
            company_id,
            comment: None,
        }),
    };
    Ok(HttpRequest::new(Method::Post, COVERS_PATH)
        .with_header(CONTENT_TYPE_HEADER, JSON)
        .with_json(body.unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::currency::Currency;

    fn policy() -> PolicyRef {
        PolicyRef {
            business_unit_code: "FRA".into(),
            policy_id: "POL-000123".into(),
            extension_id: "DCL".into(),
        }
    }

    #[test]
    fn refuses_what_cannot_be_sent() {
        let cancel = |company: &str, policy_id: &str| CoverChange {
            policy: PolicyRef {
                policy_id: policy_id.into(),
                ..policy()
            },
            company_id: company.into(),
            kind: CoverChangeKind::Cancel,
        };
        assert_eq!(
            cover_change_request(&cancel(" ", "POL-1")),
            Err(RequestError::UnknownBuyer)
        );
        assert_eq!(
            cover_change_request(&cancel("12345678", " ")),
            Err(RequestError::PolicyRequired)
        );
        let zero = CoverChange {
            policy: policy(),
            company_id: "12345678".into(),
            kind: CoverChangeKind::NewAmount {
                amount: Money::from_minor(0, Currency::EUR),
                customer_reference: None,
            },
        };
        assert!(matches!(
            cover_change_request(&zero),
            Err(RequestError::InvalidAmount { .. })
        ));
    }
}
