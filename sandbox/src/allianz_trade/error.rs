//! Allianz Trade's error answers.
//!
//! Allianz Trade does not publish its error body; the sandbox answers API errors as
//! `{"code", "message", "requestId"}` (the names seen in Allianz's design-guideline examples)
//! and bearer-token errors the OAuth way, `{"error", "error_description"}` with a
//! `WWW-Authenticate` header. The core reads both.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::secret::random_hex;

/// An error answer of the simulated Allianz Trade API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum AllianzError {
    /// An API error: `{"code", "message", "requestId"}`.
    Api {
        /// HTTP status.
        status: StatusCode,
        /// Machine code, upper snake case (`COMPANY_NOT_FOUND`).
        code: &'static str,
        /// Readable explanation.
        message: String,
    },
    /// A token error, OAuth style: `{"error", "error_description"}`.
    OAuth {
        /// HTTP status (401).
        status: StatusCode,
        /// OAuth error code (`invalid_token`, `invalid_client`, `invalid_request`).
        error: &'static str,
        /// Readable explanation.
        description: String,
    },
}

impl AllianzError {
    /// An API error with any status and code.
    pub(crate) fn api(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self::Api {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400 `BAD_REQUEST`: the body or a parameter cannot be read.
    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Self::api(StatusCode::BAD_REQUEST, "BAD_REQUEST", message)
    }

    /// 404 with `code`.
    pub(crate) fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        Self::api(StatusCode::NOT_FOUND, code, message)
    }

    /// 422 with `code`: the request is readable but cannot be carried out.
    pub(crate) fn unprocessable(code: &'static str, message: impl Into<String>) -> Self {
        Self::api(StatusCode::UNPROCESSABLE_ENTITY, code, message)
    }

    /// 401 `invalid_token`: no usable bearer token.
    pub(crate) fn invalid_token(description: impl Into<String>) -> Self {
        Self::OAuth {
            status: StatusCode::UNAUTHORIZED,
            error: "invalid_token",
            description: description.into(),
        }
    }

    /// 401 `invalid_client`: the API key is not one Allianz Trade issued.
    pub(crate) fn invalid_client(description: impl Into<String>) -> Self {
        Self::OAuth {
            status: StatusCode::UNAUTHORIZED,
            error: "invalid_client",
            description: description.into(),
        }
    }

    /// 400 `invalid_request`: the token request cannot be read.
    pub(crate) fn invalid_request(description: impl Into<String>) -> Self {
        Self::OAuth {
            status: StatusCode::BAD_REQUEST,
            error: "invalid_request",
            description: description.into(),
        }
    }

    /// The HTTP status of the answer.
    #[cfg(test)]
    pub(crate) fn status(&self) -> StatusCode {
        match self {
            Self::Api { status, .. } | Self::OAuth { status, .. } => *status,
        }
    }
}

impl IntoResponse for AllianzError {
    fn into_response(self) -> Response {
        match self {
            Self::Api {
                status,
                code,
                message,
            } => (
                status,
                Json(json!({"code": code, "message": message, "requestId": random_hex(8)})),
            )
                .into_response(),
            Self::OAuth {
                status,
                error,
                description,
            } => {
                let challenge = format!("Bearer error=\"{error}\"");
                (
                    status,
                    [(header::WWW_AUTHENTICATE, challenge)],
                    Json(json!({"error": error, "error_description": description})),
                )
                    .into_response()
            }
        }
    }
}

/// Fallback for unknown paths under `/allianz-trade`: 404 `NOT_FOUND`.
pub(crate) async fn route_not_found(uri: axum::http::Uri) -> AllianzError {
    AllianzError::not_found("NOT_FOUND", format!("No resource at {}", uri.path()))
}

/// Fallback for a known path called with the wrong method: 405 `METHOD_NOT_ALLOWED`.
pub(crate) async fn method_not_allowed(
    method: axum::http::Method,
    uri: axum::http::Uri,
) -> AllianzError {
    AllianzError::api(
        StatusCode::METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
        format!("{method} is not allowed on {}", uri.path()),
    )
}
