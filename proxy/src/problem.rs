//! The proxy's own error answers: JSON `{"code", "message"}` with a fitting status, plus
//! `lockedUntil` and `Retry-After` when the answer says when to try again.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::timestamp::rfc3339;

/// An error the proxy answers itself (the insurer never saw the request, or failed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// HTTP status.
    #[serde(skip)]
    pub status: u16,
    /// Stable machine code, e.g. `proxy.not_allowed`.
    pub code: &'static str,
    /// Human message (never contains a secret or a request body).
    pub message: String,
    /// Until when the insurer account is locked (RFC 3339, UTC), for `insurer.locked`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locked_until: Option<String>,
    /// Seconds after which a retry may succeed (`Retry-After`).
    #[serde(skip)]
    pub retry_after: Option<u64>,
    /// Whether the connection must be closed after this answer (request framing was unsafe).
    #[serde(skip)]
    pub close: bool,
}

impl Problem {
    /// A problem with `status`, `code` and `message`.
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            locked_until: None,
            retry_after: None,
            close: false,
        }
    }

    /// 404 for anything that is not an allowed insurer operation.
    pub fn not_allowed() -> Self {
        Self::new(
            404,
            "proxy.not_allowed",
            "No such insurer operation is available through this proxy.",
        )
    }

    /// 400 for a request whose framing or target is unsafe to handle; closes the connection.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            close: true,
            ..Self::new(400, code, message)
        }
    }

    /// 503 `insurer.locked`: the insurer account is locked until `until` (Unix seconds), `now`
    /// being the current Unix second.
    pub fn locked(until: u64, now: u64) -> Self {
        Self {
            locked_until: Some(rfc3339(until)),
            retry_after: Some(until.saturating_sub(now).max(1)),
            ..Self::new(
                503,
                "insurer.locked",
                "The insurer account is locked after failed logins; try again later.",
            )
        }
    }

    /// The same problem with a `Retry-After` of `seconds`.
    pub fn with_retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let retry_after = self.retry_after;
        let close = self.close;
        let code = self.code;
        let mut response = (status, Json(self)).into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if close {
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response.extensions_mut().insert(ProblemCode(code));
        response
    }
}

/// The code of a problem answer, kept in the response's extensions for the access log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProblemCode(pub &'static str);
