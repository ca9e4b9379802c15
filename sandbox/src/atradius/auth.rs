//! Authentication: `POST /authenticate/v2/tokens` and the headers every other call needs.
//!
//! The token call carries `Authorization: Basic base64(client_id:client_secret)` and
//! `Atradius-App-Key` (its body is empty and ignored) and answers 200
//! `{"data": {"access_token", "token_type": "Bearer", "expires_in": 1800}}`. A missing or wrong
//! app key is 403; missing or wrong client credentials are 401 "Invalid client credentials".
//!
//! Every other call needs, in this order: the app key (403 when missing or wrong), a live
//! bearer token (401 when missing, unknown or expired) and an `Atradius-Correlation-Id`
//! (400 when missing or longer than [`MAX_CORRELATION_ID`] characters).

use super::error::AtradiusError;
use super::tokens::{TokenStatus, TOKEN_LIFETIME};
use super::AtradiusState;
use crate::secret::secure_eq;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Value};
use std::sync::Arc;

/// The `Authorization` header.
pub(crate) const AUTHORIZATION: &str = "authorization";
/// The application key header.
pub(crate) const APP_KEY: &str = "atradius-app-key";
/// The per-call trace header, echoed in every answer.
pub(crate) const CORRELATION_ID: &str = "atradius-correlation-id";
/// Longest accepted correlation id (a UUID has 36 characters).
pub(crate) const MAX_CORRELATION_ID: usize = 100;

/// A header's value, trimmed; `None` when absent, blank or not visible ASCII.
pub(crate) fn header<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

fn check_app_key(state: &AtradiusState, headers: &HeaderMap) -> Result<(), AtradiusError> {
    match header(headers, APP_KEY) {
        Some(key) if secure_eq(key, &state.credentials.app_key) => Ok(()),
        Some(_) => Err(AtradiusError::new(
            StatusCode::FORBIDDEN,
            "Invalid application key",
            None,
        )),
        None => Err(AtradiusError::new(
            StatusCode::FORBIDDEN,
            "Missing application key (Atradius-App-Key)",
            None,
        )),
    }
}

fn unauthorized(detail: &str) -> AtradiusError {
    AtradiusError::new(StatusCode::UNAUTHORIZED, detail, None)
}

/// The token handler.
pub(crate) async fn token(
    State(state): State<Arc<AtradiusState>>,
    headers: HeaderMap,
) -> Result<Json<Value>, AtradiusError> {
    check_app_key(&state, &headers)?;
    let presented = header(&headers, AUTHORIZATION).unwrap_or_default();
    if !secure_eq(presented, &state.expected_basic) {
        return Err(unauthorized("Invalid client credentials"));
    }
    let access_token = state.book().tokens.issue(state.clock.now());
    Ok(Json(json!({
        "data": {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": TOKEN_LIFETIME.as_secs(),
        }
    })))
}

/// Checks the app key, the bearer token and the correlation id of an API call.
pub(crate) fn authorize(state: &AtradiusState, headers: &HeaderMap) -> Result<(), AtradiusError> {
    check_app_key(state, headers)?;
    let bearer = header(headers, AUTHORIZATION)
        .and_then(|value| {
            let (scheme, token) = value.split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        })
        .ok_or_else(|| unauthorized("Missing bearer token"))?;
    match state.book().tokens.check(bearer, state.clock.now()) {
        TokenStatus::Valid => {}
        TokenStatus::Expired => return Err(unauthorized("The access token has expired")),
        TokenStatus::Unknown => return Err(unauthorized("Invalid access token")),
    }
    match header(headers, CORRELATION_ID) {
        Some(id) if id.chars().count() <= MAX_CORRELATION_ID => Ok(()),
        Some(_) => Err(AtradiusError::bad_request(
            format!("Atradius-Correlation-Id must be at most {MAX_CORRELATION_ID} characters"),
            None,
        )),
        None => Err(AtradiusError::bad_request(
            "Missing Atradius-Correlation-Id header",
            None,
        )),
    }
}
