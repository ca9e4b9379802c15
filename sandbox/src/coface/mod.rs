//! Simulated Coface CofaServe API, mounted under `/coface`.
//!
//! Routes: `POST /authentication/v1/token` (login, see [`auth`]) and
//! `GET /companies/name` (search a partner by name, see [`companies`]). Every route checks
//! the `x-api-key` header first (403 when wrong or missing); API routes then require a live
//! idToken in `authorization` and the configured `X-COF-Policy-Number` (401 otherwise).

mod auth;
pub(crate) mod companies;
pub(crate) mod lockout;
pub(crate) mod tokens;

use crate::clock::Clock;
use crate::dataset::Dataset;
use crate::error::{method_not_allowed, ApiError};
use crate::secret::secure_eq;
use crate::settle::Settle;
use crate::CofaceCredentials;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::Router;
use lockout::Lockout;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokens::{TokenStatus, TokenStore};

/// Everything the Coface routes share.
#[derive(Debug)]
pub(crate) struct CofaceState {
    pub(crate) credentials: CofaceCredentials,
    pub(crate) dataset: Arc<Dataset>,
    pub(crate) clock: Arc<Clock>,
    pub(crate) auth: Mutex<AuthState>,
}

/// Issued tokens and per-user lockouts.
#[derive(Debug, Default)]
pub(crate) struct AuthState {
    pub(crate) tokens: TokenStore,
    pub(crate) lockouts: HashMap<String, Lockout>,
}

impl CofaceState {
    /// State for a fresh simulator.
    pub(crate) fn new(
        credentials: CofaceCredentials,
        dataset: Arc<Dataset>,
        clock: Arc<Clock>,
    ) -> Self {
        Self {
            credentials,
            dataset,
            clock,
            auth: Mutex::new(AuthState::default()),
        }
    }

    /// Locks the authentication state (a poisoned lock is still usable: every update is a
    /// single insert or remove).
    pub(crate) fn auth(&self) -> std::sync::MutexGuard<'_, AuthState> {
        self.auth.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Settle for CofaceState {
    /// Forgets long-expired tokens and lockouts that have gone stale.
    fn settle(&self, now: std::time::Duration) {
        let mut auth = self.auth();
        auth.tokens.purge(now);
        auth.lockouts.retain(|_, lockout| !lockout.is_stale(now));
    }
}

/// The Coface routes, to be nested under `/coface`.
pub(crate) fn router(state: Arc<CofaceState>) -> Router {
    Router::new()
        .route("/authentication/v1/token", post(auth::token))
        .route("/companies/name", get(companies::by_name))
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

fn header<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// 403 unless `x-api-key` is the configured API key.
pub(crate) fn check_api_key(state: &CofaceState, headers: &HeaderMap) -> Result<(), ApiError> {
    match header(headers, "x-api-key") {
        Some(key) if secure_eq(key, &state.credentials.api_key) => Ok(()),
        _ => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "Forbidden",
            "Invalid API key",
        )),
    }
}

fn unauthorized(message: &str) -> ApiError {
    ApiError::new(StatusCode::UNAUTHORIZED, "Unauthorized", message)
}

/// Checks the API key, the idToken in `authorization` (raw or `Bearer …`) and the policy
/// number header of an API call.
pub(crate) fn authorize(state: &CofaceState, headers: &HeaderMap) -> Result<(), ApiError> {
    check_api_key(state, headers)?;
    let Some(raw) = header(headers, "authorization") else {
        return Err(unauthorized("Missing authorization header"));
    };
    let token = match raw.split_once(' ') {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("bearer") => rest.trim(),
        _ => raw,
    };
    let status = state.auth().tokens.check_id_token(token, state.clock.now());
    match status {
        TokenStatus::Valid => {}
        TokenStatus::Expired => return Err(unauthorized("The incoming token has expired")),
        TokenStatus::Unknown => return Err(unauthorized("Invalid token")),
    }
    match header(headers, "x-cof-policy-number") {
        None => Err(unauthorized("Missing X-COF-Policy-Number header")),
        Some(policy) if secure_eq(policy, &state.credentials.policy_number) => Ok(()),
        Some(_) => Err(unauthorized("Policy number not authorised for this user")),
    }
}
