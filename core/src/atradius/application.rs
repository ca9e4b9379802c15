//! A new cover application: `POST …/covers`, answered 201 when decided at once (automatic
//! underwriting) and 202 when referred to an underwriter.
//!
//! The body is `{customerId, policyId, buyerId, coverType, currencyCode, creditLimitAmount,
//! customerRefNumber}` (🟢); a credit check carries no amount and no currency (the policy fixes
//! them). The answer is `{"data": [{"coverId", "response": "Action successful"}]}`: it says
//! *that* Atradius decided, not *what*. So a 201 gives a [`Decision`] whose status is `None`
//! with the raw `coverStatus` DECISION — read the buyer's covers (`covers_request` filtered on
//! the buyer) for the outcome — unless the item carries the cover's codes, or its `response`
//! says the action was refused. A 202 is pending underwriting (raw REFERRED). The application's
//! comment and idempotency key have no Atradius field and are not sent; `effectFromDate` (🟡) is
//! left to Atradius (today).

use serde_json::{Map, Value};

use super::covers::{codes_of, to_decision, wire_cover_type, Known};
use super::policy::{buyer_id, AtradiusPolicy};
use super::request_error::AtradiusRequestError;
use super::response::{check_status, malformed, parse_body};
use super::status::{cover_status_report, COVER_STATUS_SCHEME, RESPONSE_SCHEME};
use super::wire::{
    text, CoverBody, Envelope, ACCEPT_HEADER, BUYER_ID, CONTENT_TYPE_HEADER, COVERS_PATH,
    COVER_TYPE, CREDIT_LIMIT_AMOUNT, CURRENCY_CODE, CUSTOMER_ID, CUSTOMER_REF_NUMBER, JSON,
    POLICY_ID, REFUSED_RESPONSE,
};
use crate::cover_application::{ApplicationBuyer, CoverApplication, CoverType};
use crate::decision::Decision;
use crate::field::ATRADIUS_MULTIPLE;
use crate::http_request::{HttpRequest, Method};
use crate::http_response::HttpResponse;
use crate::insurer::Insurer;
use crate::insurer_error::InsurerError;
use crate::lifecycle::{Outcome, RawStatus, Status, StatusReport};
use crate::money::Money;

/// The application request: `POST …/covers` with the application body.
pub fn application_request(
    policy: &AtradiusPolicy,
    application: &CoverApplication,
) -> Result<HttpRequest, AtradiusRequestError> {
    let body = application_body(policy, application)?;
    Ok(HttpRequest::new(Method::Post, COVERS_PATH)
        .with_header(CONTENT_TYPE_HEADER, JSON)
        .with_header(ACCEPT_HEADER, JSON)
        .with_json(Value::Object(body)))
}

/// The body of one application (also an item of a batch).
pub(super) fn application_body(
    policy: &AtradiusPolicy,
    application: &CoverApplication,
) -> Result<Map<String, Value>, AtradiusRequestError> {
    if application.insurer != Insurer::Atradius {
        return Err(AtradiusRequestError::WrongInsurer);
    }
    let ApplicationBuyer::Known { insurer_id } = &application.buyer else {
        return Err(AtradiusRequestError::UnknownBuyer);
    };
    let mut body = Map::new();
    body.insert(CUSTOMER_ID.into(), policy.customer_id.into());
    body.insert(POLICY_ID.into(), policy.policy_id()?.into());
    body.insert(BUYER_ID.into(), buyer_id(insurer_id)?.into());
    body.insert(
        COVER_TYPE.into(),
        wire_cover_type(application.cover_type).into(),
    );
    if application.cover_type != CoverType::CreditCheck {
        insert_amount(&mut body, application.amount)?;
    }
    insert_reference(&mut body, application.customer_reference.as_deref());
    Ok(body)
}

/// Adds `currencyCode` and `creditLimitAmount` (whole units), after checking the amount is a
/// positive multiple of 1000 units.
pub(super) fn insert_amount(
    body: &mut Map<String, Value>,
    amount: Money,
) -> Result<(), AtradiusRequestError> {
    let per_unit = amount.currency.minor_per_major();
    let step = per_unit.saturating_mul(ATRADIUS_MULTIPLE);
    if amount.minor <= 0 || amount.minor % step != 0 {
        return Err(AtradiusRequestError::AmountInvalid);
    }
    body.insert(CURRENCY_CODE.into(), amount.currency.code().into());
    body.insert(CREDIT_LIMIT_AMOUNT.into(), (amount.minor / per_unit).into());
    Ok(())
}

/// Adds `customerRefNumber` when the reference is not blank.
pub(super) fn insert_reference(body: &mut Map<String, Value>, reference: Option<&str>) {
    if let Some(reference) = reference.map(str::trim).filter(|r| !r.is_empty()) {
        body.insert(CUSTOMER_REF_NUMBER.into(), reference.into());
    }
}

/// What the application knew, for an answer that does not repeat it.
pub(super) fn known_of(application: &CoverApplication) -> Known {
    let buyer_id = match &application.buyer {
        ApplicationBuyer::Known { insurer_id } => buyer_id(insurer_id)
            .map(|id| id.to_string())
            .unwrap_or_else(|_| insurer_id.trim().to_owned()),
        ApplicationBuyer::Unknown { .. } => String::new(),
    };
    Known {
        buyer_id,
        product: wire_cover_type(application.cover_type),
        requested: (application.cover_type != CoverType::CreditCheck).then_some(application.amount),
        customer_reference: application
            .customer_reference
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned),
    }
}

/// Reads the answer to an application (see the module documentation for the statuses).
pub fn parse_application_response(
    response: &HttpResponse,
    application: &CoverApplication,
) -> Result<Decision, InsurerError> {
    check_status(response)?;
    let item = parse_body::<Envelope<CoverBody>>(&response.body)?
        .data
        .0
        .into_iter()
        .next()
        .ok_or_else(|| malformed("the answer to the application has no item"))?;
    answer_decision(response.status, item, &known_of(application))
}

/// The decision an answer item stands for, given the (item or call) HTTP status.
pub(super) fn answer_decision(
    status: u16,
    item: CoverBody,
    known: &Known,
) -> Result<Decision, InsurerError> {
    let has_codes = !codes_of(&item).is_empty();
    let refused = text(&item.response)
        .filter(|text| is_refusal(text))
        .map(str::to_owned);
    let mut decision = to_decision(item, Some(known))?;
    if status == 202 {
        decision.status = cover_status_report("REFERRED");
    } else if has_codes {
        // The item carries the cover's own codes: `to_decision` read them.
    } else if let Some(text) = refused {
        decision.status = StatusReport {
            status: Some(Status::Decided(Outcome::Refused)),
            raw: RawStatus::new(RESPONSE_SCHEME, &text),
        };
    } else {
        decision.status = StatusReport {
            status: None,
            raw: RawStatus::new(COVER_STATUS_SCHEME, "DECISION"),
        };
    }
    Ok(decision)
}

/// Whether a `response` text says the action was refused ("Action has been refused.").
pub(super) fn is_refusal(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    text.eq_ignore_ascii_case(REFUSED_RESPONSE.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::currency::Currency;

    fn application(cover_type: CoverType, amount: i64) -> CoverApplication {
        CoverApplication {
            insurer: Insurer::Atradius,
            buyer: ApplicationBuyer::Known {
                insurer_id: "11223344".into(),
            },
            cover_type,
            amount: Money::from_minor(amount, Currency::EUR),
            customer_reference: Some(" REF-1 ".into()),
            urgent: false,
            policy: None,
            comment: Some("not sent".into()),
            callback: None,
            idempotency_key: "key-12345678".into(),
        }
    }

    fn policy() -> AtradiusPolicy {
        AtradiusPolicy {
            customer_id: 10_000_001,
            policy_id: "POL-1".into(),
        }
    }

    #[test]
    fn credit_check_sends_no_amount() {
        let request =
            application_request(&policy(), &application(CoverType::CreditCheck, 0)).unwrap();
        assert_eq!(
            request.body.unwrap(),
            serde_json::json!({"customerId": 10000001, "policyId": "POL-1", "buyerId": 11223344,
                "coverType": "credit-check", "customerRefNumber": "REF-1"})
        );
    }

    #[test]
    fn amounts_are_positive_thousands() {
        for minor in [0, -100_000, 150_000, 100_050] {
            assert_eq!(
                application_request(&policy(), &application(CoverType::CreditLimit, minor)),
                Err(AtradiusRequestError::AmountInvalid),
                "{minor}"
            );
        }
        let request = application_request(
            &policy(),
            &application(CoverType::Indication, 2_500_000_000),
        )
        .unwrap();
        let body = request.body.unwrap();
        assert_eq!(body["creditLimitAmount"], 25_000_000);
        assert_eq!(body["coverType"], "indication");
    }

    #[test]
    fn refuses_other_insurers_and_unknown_buyers() {
        let mut other = application(CoverType::CreditLimit, 5_000_000);
        other.insurer = Insurer::Coface;
        assert_eq!(
            application_request(&policy(), &other),
            Err(AtradiusRequestError::WrongInsurer)
        );
        let mut unknown = application(CoverType::CreditLimit, 5_000_000);
        unknown.buyer = ApplicationBuyer::Unknown {
            name: "X".into(),
            address: crate::buyer::Address {
                street: None,
                postcode: None,
                town: Some("Paris".into()),
                region: None,
                country: crate::Country::from_alpha2("FR").unwrap(),
            },
            identifiers: Vec::new(),
            phone: None,
        };
        assert_eq!(
            application_request(&policy(), &unknown),
            Err(AtradiusRequestError::UnknownBuyer)
        );
    }

    #[test]
    fn refusal_texts() {
        assert!(is_refusal("Action has been refused."));
        assert!(is_refusal(" action has been refused "));
        assert!(!is_refusal("Action successful"));
    }
}
