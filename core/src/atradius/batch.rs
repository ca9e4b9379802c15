//! A batch of cover applications, with one result per application.
//!
//! The handbook announces "batch processing of cover requests" but nothing public shows its
//! shape, so it is **chosen** here, in the style of the documented calls:
//!
//! - request: `POST …/covers/batch` with `{"data": [<application>, …]}`, each item the body of
//!   `POST …/covers`;
//! - answer: any 2xx (200 or 207) with `{"data": [<item>, …]}`, one item per application **in
//!   the order sent**; an item is an answer of `POST …/covers` (`coverId`, `response`, optionally
//!   the cover's fields) plus its own HTTP-like `status` (201 decided, 202 referred, 4xx/5xx
//!   failed; absent: the call's status) and, when it failed, `errors` like an error answer.
//!
//! Each item gives a [`Decision`] (read as for a single application) or a typed
//! [`InsurerError`]; an answer with another number of items than applications sent is
//! [`InsurerError::Malformed`].

use serde_json::Value;
use thiserror::Error;

use super::application::{answer_decision, application_body, known_of};
use super::request_error::AtradiusRequestError;
use super::response::{check_status, error_of, malformed, parse_body};
use super::wire::{
    scalar_text, CoverBody, Envelope, ACCEPT_HEADER, BATCH_PATH, CONTENT_TYPE_HEADER, DATA, JSON,
};
use crate::cover_application::CoverApplication;
use crate::decision::Decision;
use crate::http_request::{HttpRequest, Method};
use crate::http_response::HttpResponse;
use crate::insurer_error::InsurerError;

use super::policy::AtradiusPolicy;

/// Why a batch could not be built: the error, and which application (by index) caused it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{error} (application {index:?} of the batch)")]
pub struct BatchRequestError {
    /// Index of the application at fault; `None` for the batch as a whole (empty).
    pub index: Option<usize>,
    /// The error.
    pub error: AtradiusRequestError,
}

impl BatchRequestError {
    /// The error's stable code.
    pub fn code(&self) -> &'static str {
        self.error.code()
    }
}

/// The batch request. Every application is checked as for a single one; the first that cannot
/// be sent stops the batch.
pub fn batch_request(
    policy: &AtradiusPolicy,
    applications: &[CoverApplication],
) -> Result<HttpRequest, BatchRequestError> {
    if applications.is_empty() {
        return Err(BatchRequestError {
            index: None,
            error: AtradiusRequestError::NothingToSend,
        });
    }
    let items = applications
        .iter()
        .enumerate()
        .map(|(index, application)| {
            application_body(policy, application)
                .map(Value::Object)
                .map_err(|error| BatchRequestError {
                    index: Some(index),
                    error,
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(batch_post(items))
}

/// `POST …/covers/batch` with `items` as its `data`.
pub(super) fn batch_post(items: Vec<Value>) -> HttpRequest {
    let mut body = serde_json::Map::new();
    body.insert(DATA.into(), Value::Array(items));
    HttpRequest::new(Method::Post, BATCH_PATH)
        .with_header(CONTENT_TYPE_HEADER, JSON)
        .with_header(ACCEPT_HEADER, JSON)
        .with_json(Value::Object(body))
}

/// Reads the answer to a batch: one result per application, in order.
pub fn parse_batch_response(
    response: &HttpResponse,
    applications: &[CoverApplication],
) -> Result<Vec<Result<Decision, InsurerError>>, InsurerError> {
    check_status(response)?;
    let items = parse_body::<Envelope<CoverBody>>(&response.body)?.data.0;
    if items.len() != applications.len() {
        return Err(malformed(format!(
            "the batch answer has {} items for {} applications",
            items.len(),
            applications.len()
        )));
    }
    Ok(items
        .into_iter()
        .zip(applications)
        .map(|(item, application)| item_result(response.status, item, application))
        .collect())
}

fn item_result(
    call_status: u16,
    mut item: CoverBody,
    application: &CoverApplication,
) -> Result<Decision, InsurerError> {
    let status = match scalar_text(&item.status) {
        None => call_status,
        Some(text) => text
            .parse::<u16>()
            .map_err(|_| malformed(format!("a batch item has the status {text:?}")))?,
    };
    let errors = item
        .errors
        .take()
        .map(|errors| errors.0)
        .unwrap_or_default();
    if !errors.is_empty() || !(200..300).contains(&status) {
        // An item that failed without saying how is a rejection, never a success.
        let status = if (200..300).contains(&status) {
            400
        } else {
            status
        };
        return Err(error_of(status, &errors, None));
    }
    answer_decision(status, item, &known_of(application))
}
