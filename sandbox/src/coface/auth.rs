//! `POST /coface/authentication/v1/token`: the CofaServe login.
//!
//! Request: header `x-api-key`; JSON body `{"username", "password", "grantType": "password"}`
//! (`grant_type` is accepted too), or `{"grantType": "refresh_token", "refreshToken"}`.
//! Response 200: `{"idToken", "accessToken", "refreshToken", "expiresIn": 3600,
//! "tokenType": "Bearer"}`. Wrong credentials: 400 `NotAuthorizedException` "Incorrect
//! username or password."; during a lockout ([`super::lockout`]): 400
//! `NotAuthorizedException` "Password attempts exceeded", whatever the password.

use super::lockout::Gate;
use super::tokens::{IssuedTokens, TOKEN_LIFETIME};
use super::{check_api_key, CofaceState};
use crate::error::ApiError;
use crate::secret::secure_eq;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Remembered user names beyond which stale lockout entries are dropped.
const MAX_TRACKED_USERS: usize = 10_000;

#[derive(Deserialize)]
struct TokenRequest {
    username: Option<String>,
    password: Option<String>,
    #[serde(rename = "grantType")]
    grant_type_camel: Option<String>,
    grant_type: Option<String>,
    #[serde(rename = "refreshToken")]
    refresh_token_camel: Option<String>,
    refresh_token: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct TokenResponse {
    id_token: String,
    access_token: String,
    refresh_token: String,
    expires_in: u64,
    token_type: &'static str,
}

impl From<IssuedTokens> for TokenResponse {
    fn from(tokens: IssuedTokens) -> Self {
        Self {
            id_token: tokens.id_token,
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
            expires_in: TOKEN_LIFETIME.as_secs(),
            token_type: "Bearer",
        }
    }
}

fn not_authorized(message: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "NotAuthorizedException", message)
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.is_empty())
}

/// The token handler.
pub(crate) async fn token(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<TokenResponse>, ApiError> {
    check_api_key(&state, &headers)?;
    // Like every request, a login first decides what fell due.
    drop(state.settled_book());
    let request: TokenRequest = serde_json::from_slice(&body).map_err(|_| {
        ApiError::bad_request(
            "The body must be a JSON object with username, password and grantType",
        )
    })?;
    let grant = non_empty(request.grant_type_camel.or(request.grant_type))
        .ok_or_else(|| ApiError::bad_request("grantType is required"))?;
    match grant.as_str() {
        "password" => {
            let (Some(username), Some(password)) =
                (non_empty(request.username), non_empty(request.password))
            else {
                return Err(ApiError::bad_request("username and password are required"));
            };
            password_login(&state, &username, &password).map(Json)
        }
        "refresh_token" => {
            let refresh = non_empty(request.refresh_token_camel.or(request.refresh_token))
                .ok_or_else(|| ApiError::bad_request("refreshToken is required"))?;
            let now = state.clock.now();
            state
                .auth()
                .tokens
                .refresh(&refresh, now)
                .map(|t| Json(t.into()))
                .ok_or_else(|| not_authorized("Invalid Refresh Token"))
        }
        _ => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "UnsupportedGrantType",
            "grantType must be password or refresh_token",
        )),
    }
}

/// Checks a username/password pair under the lockout rule and issues tokens.
fn password_login(
    state: &CofaceState,
    username: &str,
    password: &str,
) -> Result<TokenResponse, ApiError> {
    let now = state.clock.now();
    let mut auth = state.auth();
    if auth.lockouts.len() >= MAX_TRACKED_USERS {
        auth.lockouts.retain(|_, l| !l.is_stale(now));
    }
    let lockout = auth.lockouts.entry(username.to_owned()).or_default();
    if let Gate::Locked { .. } = lockout.begin_attempt(now) {
        return Err(not_authorized("Password attempts exceeded"));
    }
    let valid = secure_eq(username, &state.credentials.username)
        & secure_eq(password, &state.credentials.password);
    if !valid {
        lockout.record_failure(now);
        return Err(not_authorized("Incorrect username or password."));
    }
    lockout.record_success();
    auth.lockouts.remove(username);
    Ok(auth.tokens.issue(now).into())
}
