//! The proxy's own error answers: JSON `{"code", "message"}` with a fitting status.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// An error the proxy answers itself (the insurer never saw the request, or failed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// HTTP status.
    #[serde(skip)]
    pub status: u16,
    /// Stable machine code, e.g. `proxy.not_allowed`.
    pub code: &'static str,
    /// Human message (never contains a secret or a request body).
    pub message: String,
}

impl Problem {
    /// A problem with `status`, `code` and `message`.
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
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
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(self)).into_response()
    }
}
