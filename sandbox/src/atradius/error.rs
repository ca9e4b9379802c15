//! Atradius-style error answers: `{"errors": [{"status", "title", "detail", "source":
//! {"parameter"}}]}`, the shape the real API and the core's parser use.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

/// The detail Atradius gives for an amount that is not a positive multiple of 1,000.
pub(crate) const AMOUNT_RULE: &str =
    "Must be positive number greater than zero and a multiple of 1000.";
/// The detail Atradius gives when a buyer already has a cover of the type applied for.
pub(crate) const ALREADY_EXISTS: &str = "Credit limit/credit check already exists for this buyer.";
/// The detail Atradius gives when a buyer search finds nothing.
pub(crate) const NO_BUYER_MATCH: &str = "No buyer match found";
/// The detail Atradius gives when a supersede cannot replace the cover.
pub(crate) const CANNOT_SUPERSEDE: &str = "New Application cannot supersede existing cover";

/// One problem of an error answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    /// What went wrong, for people.
    pub(crate) detail: String,
    /// The query parameter or body field at fault, if one is.
    pub(crate) parameter: Option<&'static str>,
}

/// An error answer: an HTTP status and one or more problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AtradiusError {
    /// HTTP status of the answer.
    pub(crate) status: StatusCode,
    /// The problems, in the order found.
    pub(crate) problems: Vec<Problem>,
}

impl AtradiusError {
    /// An error with one problem.
    pub(crate) fn new(
        status: StatusCode,
        detail: impl Into<String>,
        parameter: Option<&'static str>,
    ) -> Self {
        Self {
            status,
            problems: vec![Problem {
                detail: detail.into(),
                parameter,
            }],
        }
    }

    /// 400: the request cannot be read.
    pub(crate) fn bad_request(detail: impl Into<String>, parameter: Option<&'static str>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, detail, parameter)
    }

    /// 404: what the request names does not exist.
    pub(crate) fn not_found(detail: impl Into<String>, parameter: Option<&'static str>) -> Self {
        Self::new(StatusCode::NOT_FOUND, detail, parameter)
    }

    /// 409: the request does not fit the state of the cover.
    pub(crate) fn conflict(detail: impl Into<String>, parameter: Option<&'static str>) -> Self {
        Self::new(StatusCode::CONFLICT, detail, parameter)
    }

    /// 422: a value breaks one of Atradius' rules.
    pub(crate) fn unprocessable(
        detail: impl Into<String>,
        parameter: Option<&'static str>,
    ) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, detail, parameter)
    }

    /// The JSON body of the answer (also used for the failed items of a batch).
    pub(crate) fn errors_json(&self) -> Value {
        let title = self.status.canonical_reason().unwrap_or("Error");
        let errors: Vec<Value> = self
            .problems
            .iter()
            .map(|problem| {
                let mut error = json!({
                    "status": self.status.as_u16().to_string(),
                    "title": title,
                    "detail": problem.detail,
                });
                if let Some(parameter) = problem.parameter {
                    error["source"] = json!({ "parameter": parameter });
                }
                error
            })
            .collect();
        Value::Array(errors)
    }
}

impl IntoResponse for AtradiusError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "errors": self.errors_json() }))).into_response()
    }
}

/// Fallback of the Atradius routes: like Atradius' gateway, a path outside the API contract is
/// answered 403.
pub(crate) async fn outside_contract(uri: axum::http::Uri) -> AtradiusError {
    AtradiusError::new(
        StatusCode::FORBIDDEN,
        format!("{} is not part of the API contract", uri.path()),
        None,
    )
}

/// A known Atradius path called with a method it does not offer: 405.
pub(crate) async fn method_not_allowed(
    method: axum::http::Method,
    uri: axum::http::Uri,
) -> AtradiusError {
    AtradiusError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{method} is not allowed on {}", uri.path()),
        None,
    )
}
