//! Cover V3 request: `POST /riskinfo/v3/covers`, built from a validated [`CoverApplication`],
//! answered asynchronously with a job id (follow it with [`job_request`](super::job::job_request)
//! or wait for the webhook).

use super::amount::money_to_number;
use super::request_error::RequestError;
use super::response::{malformed, parse_value};
use super::webhook::{callback_header, WebhookConfig};
use super::wire::{
    non_blank, CoverRequestBody, CreditLimitDetailsOut, PolicyBody, CONTENT_TYPE_HEADER, JOB_ID,
    JSON, REQUEST_TYPE_PRIMARY,
};
use crate::cover_application::{ApplicationBuyer, CoverApplication, CoverType};
use crate::http_request::{HttpRequest, Method};
use crate::insurer::Insurer;
use crate::insurer_error::InsurerError;

/// Path of the cover request, relative to the Allianz Trade base.
pub const COVERS_PATH: &str = "/riskinfo/v3/covers";

/// The cover request for `application`: `requestTypeCode: "Primary"`, the policy triple,
/// `creditLimitDetails {requestedAmount (major units), currencyCode}`, `companyId`,
/// `isRequestUrgent`, plus `comment` and `customerReference` when given; with the webhook
/// header when the application has a callback.
///
/// Errors: [`RequestError::WrongInsurer`], [`RequestError::UnsupportedCoverType`] (anything but
/// a credit limit), [`RequestError::PolicyRequired`], [`RequestError::UnknownBuyer`] (create the
/// company first: [`create_company_request`](super::company_create::create_company_request)),
/// [`RequestError::InvalidAmount`].
pub fn cover_request(application: &CoverApplication) -> Result<HttpRequest, RequestError> {
    if application.insurer != Insurer::AllianzTrade {
        return Err(RequestError::WrongInsurer {
            insurer: application.insurer,
        });
    }
    if application.cover_type != CoverType::CreditLimit {
        return Err(RequestError::UnsupportedCoverType {
            cover_type: application.cover_type,
        });
    }
    let policy = application
        .policy
        .as_ref()
        .ok_or(RequestError::PolicyRequired)?;
    let company_id = match &application.buyer {
        ApplicationBuyer::Known { insurer_id } if !insurer_id.trim().is_empty() => {
            insurer_id.trim()
        }
        _ => return Err(RequestError::UnknownBuyer),
    };
    let requested_amount = Some(application.amount)
        .filter(|amount| amount.is_positive())
        .and_then(money_to_number)
        .ok_or_else(|| RequestError::InvalidAmount {
            amount: application.amount.to_string(),
        })?;
    let body = CoverRequestBody {
        request_type_code: REQUEST_TYPE_PRIMARY,
        policy: PolicyBody {
            business_unit_code: policy.business_unit_code.trim(),
            policy_id: policy.policy_id.trim(),
            extension_id: policy.extension_id.trim(),
        },
        credit_limit_details: CreditLimitDetailsOut {
            requested_amount,
            currency_code: application.amount.currency.code(),
        },
        company_id,
        is_request_urgent: application.urgent,
        comment: non_blank(application.comment.as_deref()),
        customer_reference: non_blank(application.customer_reference.as_deref()),
    };
    let mut request =
        HttpRequest::new(Method::Post, COVERS_PATH).with_header(CONTENT_TYPE_HEADER, JSON);
    if let Some(callback) = &application.callback {
        let (name, value) = callback_header(&WebhookConfig::from(callback));
        request = request.with_header(name, value);
    }
    Ok(request.with_json(serde_json::to_value(body).unwrap_or_default()))
}

/// Parses the answer of an asynchronous call (cover request, and any POST answered with a job):
/// the job id, sent as a bare JSON string or number (as a client saw) or as `{"jobId": …}`.
pub fn parse_job_id(status: u16, body: &[u8]) -> Result<String, InsurerError> {
    let value = parse_value(status, body)?;
    job_id_of(&value).ok_or_else(|| malformed("the answer carries no jobId"))
}

/// The job id in a bare value or a `{"jobId"}` object, trimmed, if any.
pub(super) fn job_id_of(value: &serde_json::Value) -> Option<String> {
    let id = match value {
        serde_json::Value::String(id) => id.trim().to_owned(),
        serde_json::Value::Number(id) => id.to_string(),
        serde_json::Value::Object(fields) => match fields.get(JOB_ID) {
            Some(serde_json::Value::String(id)) => id.trim().to_owned(),
            Some(serde_json::Value::Number(id)) => id.to_string(),
            _ => String::new(),
        },
        _ => String::new(),
    };
    (!id.is_empty()).then_some(id)
}
