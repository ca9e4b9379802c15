//! Changing a cover: `PUT …/covers` with an `action` — `supersede` (increase or replace),
//! `reduce`, `cancel` (🟡) or the update of the customer reference (action name **chosen**:
//! `update-reference`) — and converting an indication to a credit limit.
//!
//! PUT bodies name the cover by buyer and cover type, as the client that uses them does:
//! `{action, customerId, policyId, buyerId, coverType, currencyCode, creditLimitAmount,
//! customerRefNumber}` (amount and currency only for supersede and reduce).
//!
//! **Conversion.** The handbook (the insurer's own text, which wins) lists "PUT Convert indication
//! to credit limit … takes effect immediately"; the only path seen is `covers/{coverId}/cover-type`,
//! in one client that calls it with PATCH. This module sends **PUT** to that path with the body
//! `{customerId, policyId, coverType: "credit-limit"}` (**chosen**); the method is one constant in
//! `wire` and one entry of the allowlist if the handbook behind the portal says PATCH.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::application::{insert_amount, insert_reference, is_refusal};
use super::covers::{codes_of, to_decision, wire_cover_type};
use super::policy::{buyer_id, cover_id, AtradiusPolicy};
use super::request_error::AtradiusRequestError;
use super::response::{check_status, describe, parse_body};
use super::status::{cover_report, cover_status_report, ACTION_SCHEME, COVER_STATUS_SCHEME};
use super::wire::{
    scalar_text, text, CoverBody, Envelope, ACCEPT_HEADER, ACTION, BUYER_ID, CANCEL,
    CONTENT_TYPE_HEADER, COVERS_PATH, COVER_PATH_PREFIX, COVER_TYPE, COVER_TYPE_SUFFIX,
    CREDIT_LIMIT, CUSTOMER_ID, JSON, POLICY_ID, REDUCE, SUPERSEDE, UPDATE_REFERENCE,
};
use crate::cover_application::CoverType;
use crate::http_request::{HttpRequest, Method};
use crate::http_response::HttpResponse;
use crate::insurer_error::InsurerError;
use crate::lifecycle::{RawStatus, Status, StatusReport};
use crate::money::Money;

/// Method of the conversion of an indication (the handbook's; see the module documentation).
pub const CONVERT_METHOD: Method = Method::Put;

/// What to do to a cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "type")]
#[non_exhaustive]
pub enum CoverAction {
    /// Apply for a new amount replacing the cover (an increase): may be referred (202).
    Supersede {
        /// The new amount (positive multiple of 1000 units).
        amount: Money,
    },
    /// Reduce the cover to a lower amount.
    Reduce {
        /// The new amount (positive multiple of 1000 units).
        amount: Money,
    },
    /// End the cover.
    Cancel,
    /// Set the seller's reference for the buyer (blank erases it: sent as `""`).
    UpdateReference {
        /// The new reference.
        customer_reference: String,
    },
}

impl CoverAction {
    /// The wire `action`.
    fn wire(&self) -> &'static str {
        match self {
            Self::Supersede { .. } => SUPERSEDE,
            Self::Reduce { .. } => REDUCE,
            Self::Cancel => CANCEL,
            Self::UpdateReference { .. } => UPDATE_REFERENCE,
        }
    }
}

/// A change to the cover of one buyer and cover type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverModification {
    /// The Atradius buyer id.
    pub buyer_id: String,
    /// The cover's type.
    pub cover_type: CoverType,
    /// The change.
    pub action: CoverAction,
    /// The seller's reference, sent with supersede, reduce and cancel when given.
    pub customer_reference: Option<String>,
}

/// What Atradius answered to an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionOutcome {
    /// The cover id the answer gave (for a supersede, the new cover's).
    pub cover_id: Option<String>,
    /// The answer's `response` text (e.g. `Action successful`).
    pub message: Option<String>,
    /// The cover's status after the action: `None` when the action does not change it (update
    /// of the reference, conversion without the cover in the answer); a report with no neutral
    /// status when the cover changed in a way the answer does not tell (a supersede decided at
    /// once: read the buyer's covers).
    pub status: Option<StatusReport>,
}

/// The modification request: `PUT …/covers` with the action's body.
pub fn modification_request(
    policy: &AtradiusPolicy,
    modification: &CoverModification,
) -> Result<HttpRequest, AtradiusRequestError> {
    let mut body = Map::new();
    body.insert(ACTION.into(), modification.action.wire().into());
    body.insert(CUSTOMER_ID.into(), policy.customer_id.into());
    body.insert(POLICY_ID.into(), policy.policy_id()?.into());
    body.insert(BUYER_ID.into(), buyer_id(&modification.buyer_id)?.into());
    body.insert(
        COVER_TYPE.into(),
        wire_cover_type(modification.cover_type).into(),
    );
    match &modification.action {
        CoverAction::Supersede { amount } | CoverAction::Reduce { amount } => {
            if modification.cover_type == CoverType::CreditCheck {
                return Err(AtradiusRequestError::CreditCheckFixed);
            }
            insert_amount(&mut body, *amount)?;
            insert_reference(&mut body, modification.customer_reference.as_deref());
        }
        CoverAction::Cancel => {
            insert_reference(&mut body, modification.customer_reference.as_deref());
        }
        CoverAction::UpdateReference { customer_reference } => {
            body.insert(
                super::wire::CUSTOMER_REF_NUMBER.into(),
                customer_reference.trim().into(),
            );
        }
    }
    Ok(HttpRequest::new(Method::Put, COVERS_PATH)
        .with_header(CONTENT_TYPE_HEADER, JSON)
        .with_header(ACCEPT_HEADER, JSON)
        .with_json(Value::Object(body)))
}

/// Reads the answer to a modification. 202: referred (pending underwriting). Other 2xx:
/// supersede → decided, outcome to be read (unless the item carries the cover's codes); reduce
/// → reduced; cancel → ended at the seller's request ([`Status::Withdrawn`]); update of the
/// reference → unchanged. A 2xx whose `response` says the action was refused is
/// [`InsurerError::Rejected`] (nothing changed), as is an item that carries `errors`.
pub fn parse_modification_response(
    response: &HttpResponse,
    modification: &CoverModification,
) -> Result<ActionOutcome, InsurerError> {
    let (item, outcome) = read_answer(response)?;
    let status = if response.status == 202 {
        Some(cover_status_report("REFERRED"))
    } else {
        match &modification.action {
            CoverAction::Supersede { .. } => {
                Some(item.and_then(codes_report).unwrap_or(StatusReport {
                    status: None,
                    raw: RawStatus::new(COVER_STATUS_SCHEME, "DECISION"),
                }))
            }
            CoverAction::Reduce { .. } => Some(action_report(Status::Reduced, REDUCE)),
            CoverAction::Cancel => Some(action_report(Status::Withdrawn, CANCEL)),
            CoverAction::UpdateReference { .. } => None,
        }
    };
    Ok(ActionOutcome { status, ..outcome })
}

/// The conversion of an indication to a credit limit: `PUT …/covers/{coverId}/cover-type`.
pub fn convert_indication_request(
    policy: &AtradiusPolicy,
    cover: &str,
) -> Result<HttpRequest, AtradiusRequestError> {
    let id = cover_id(cover)?;
    let mut body = Map::new();
    body.insert(CUSTOMER_ID.into(), policy.customer_id.into());
    body.insert(POLICY_ID.into(), policy.policy_id()?.into());
    body.insert(COVER_TYPE.into(), CREDIT_LIMIT.into());
    Ok(HttpRequest::new(
        CONVERT_METHOD,
        format!("{COVER_PATH_PREFIX}{id}{COVER_TYPE_SUFFIX}"),
    )
    .with_header(CONTENT_TYPE_HEADER, JSON)
    .with_header(ACCEPT_HEADER, JSON)
    .with_json(Value::Object(body)))
}

/// Reads the answer to a conversion. The client that calls it got the cover back: when the
/// answer carries the cover's codes its status is reported, otherwise the status is unchanged
/// (`None`): the conversion takes effect at once and keeps the decision.
pub fn parse_conversion_response(response: &HttpResponse) -> Result<ActionOutcome, InsurerError> {
    let (item, outcome) = read_answer(response)?;
    let status = if response.status == 202 {
        Some(cover_status_report("REFERRED"))
    } else {
        item.and_then(codes_report)
    };
    Ok(ActionOutcome { status, ..outcome })
}

/// The first item of an action answer and the outcome's id and message; refusals and item
/// errors are rejections.
fn read_answer(
    response: &HttpResponse,
) -> Result<(Option<CoverBody>, ActionOutcome), InsurerError> {
    check_status(response)?;
    let item = if response.body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        parse_body::<Envelope<CoverBody>>(&response.body)?
            .data
            .0
            .into_iter()
            .next()
    };
    let message = item
        .as_ref()
        .and_then(|item| text(&item.response))
        .map(str::to_owned);
    let errors = item
        .as_ref()
        .and_then(|item| item.errors.as_ref())
        .map(|errors| describe(&errors.0))
        .filter(|(code, message)| !code.is_empty() || !message.is_empty());
    if let Some((code, message)) = errors {
        return Err(InsurerError::Rejected {
            status: response.status,
            code,
            message,
        });
    }
    if let Some(message) = message.as_deref().filter(|message| is_refusal(message)) {
        return Err(InsurerError::Rejected {
            status: response.status,
            code: String::new(),
            message: message.to_owned(),
        });
    }
    let cover_id = item
        .as_ref()
        .and_then(|item| scalar_text(&item.cover_id))
        .map(str::to_owned);
    Ok((
        item,
        ActionOutcome {
            cover_id,
            message,
            status: None,
        },
    ))
}

/// The status an answer item's own codes give, when it has any (the client that converts got the
/// whole cover back): judged with its amounts when it is a whole cover.
fn codes_report(item: CoverBody) -> Option<StatusReport> {
    let codes = codes_of(&item);
    if codes.is_empty() {
        return None;
    }
    let fallback = cover_report(&codes, None, None);
    Some(to_decision(item, None).map_or(fallback, |decision| decision.status))
}

fn action_report(status: Status, action: &str) -> StatusReport {
    StatusReport {
        status: Some(status),
        raw: RawStatus::new(ACTION_SCHEME, action),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::currency::Currency;

    fn policy() -> AtradiusPolicy {
        AtradiusPolicy {
            customer_id: 1,
            policy_id: "P".into(),
        }
    }

    #[test]
    fn refuses_what_atradius_would_refuse() {
        let amount = Money::from_minor(5_000_000, Currency::EUR);
        let check = CoverModification {
            buyer_id: "1".into(),
            cover_type: CoverType::CreditCheck,
            action: CoverAction::Supersede { amount },
            customer_reference: None,
        };
        assert_eq!(
            modification_request(&policy(), &check),
            Err(AtradiusRequestError::CreditCheckFixed)
        );
        let odd = CoverModification {
            cover_type: CoverType::CreditLimit,
            action: CoverAction::Reduce {
                amount: Money::from_minor(123_400, Currency::EUR),
            },
            ..check.clone()
        };
        assert_eq!(
            modification_request(&policy(), &odd),
            Err(AtradiusRequestError::AmountInvalid)
        );
        let cancel = CoverModification {
            action: CoverAction::Cancel,
            ..check
        };
        assert!(modification_request(&policy(), &cancel).is_ok());
        assert_eq!(
            convert_indication_request(&policy(), "12/../3")
                .unwrap_err()
                .code(),
            "atradius.cover_id_invalid"
        );
    }

    #[test]
    fn item_errors_in_a_success_are_rejections() {
        let body = r#"{"data":[{"coverId":1,"errors":[{"detail":"Cover not found"}]}]}"#;
        assert_eq!(
            parse_conversion_response(&HttpResponse::new(200, body)),
            Err(InsurerError::Rejected {
                status: 200,
                code: String::new(),
                message: "Cover not found".into()
            })
        );
    }
}
