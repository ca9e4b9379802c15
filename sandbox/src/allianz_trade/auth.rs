//! `POST /v1/idp/oauth2/authorize`: the private API key exchanged for a bearer token.
//!
//! Request `{"apiKey"}`; answer 200 `{"access_token", "token_type": "Bearer", "expires_in":
//! 3600}` (snake case, as documented). An unreadable body or a missing key: 400
//! `invalid_request`; a key the sandbox was not configured with: 401 `invalid_client`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use super::body::{object, text_at};
use super::error::AllianzError;
use super::tokens::TOKEN_LIFETIME;
use super::AllianzTradeState;
use crate::secret::secure_eq;
use crate::settle::Settle;

/// Path of the token call.
pub(crate) const TOKEN_PATH: &str = "/v1/idp/oauth2/authorize";

/// The token handler.
pub(crate) async fn token(
    State(state): State<Arc<AllianzTradeState>>,
    body: Bytes,
) -> Result<Json<Value>, AllianzError> {
    let now = state.clock.now();
    state.settle(now);
    let fields = object(&body).map_err(|_| {
        AllianzError::invalid_request("The body must be the JSON object {\"apiKey\": \"…\"}")
    })?;
    let api_key = text_at(&fields, "apiKey", "apiKey")
        .ok()
        .flatten()
        .ok_or_else(|| AllianzError::invalid_request("apiKey is required"))?;
    if !secure_eq(&api_key, &state.credentials.api_key) {
        return Err(AllianzError::invalid_client("Invalid API key"));
    }
    let token = state.simulation().tokens.issue(now);
    Ok(Json(json!({
        "access_token": token,
        "token_type": "Bearer",
        "expires_in": TOKEN_LIFETIME.as_secs(),
    })))
}
