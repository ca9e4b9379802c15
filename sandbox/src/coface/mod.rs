//! Simulated Coface CofaServe API, mounted under `/coface`.
//!
//! Routes:
//! - `POST /authentication/v1/token`: login ([`auth`]);
//! - `GET /companies/name`: search a partner by name ([`companies`]);
//! - `GET /companies/identifier`: search by legal identifier ([`identifier_search`]);
//! - `GET /companies/products`: the portfolio ([`portfolio`]);
//! - `GET`, `PATCH /companies/customerreferences` ([`customer_references`]);
//! - `GET /companies/{easyNumber}/catalog` ([`catalog`]);
//! - `POST /companies/{easyNumber}/products`, `…/products/topliner`,
//!   `…/products/awaitingdeliveries-manufacturing`, `POST /companies/unknown/products`
//!   ([`ordering`]);
//! - `DELETE /companies/{easyNumber}/products/{deliveryId}` ([`deletion`]);
//! - `GET /companies/{easyNumber}/products/orders/{orderId}` and
//!   `…/products/deliveries/{deliveryIdOrExternalId}` ([`details`]);
//! - `PATCH /replay/v1/replay` ([`replay`]).
//!
//! Every route checks the `x-api-key` header first (403 when wrong or missing); API routes
//! then require a live idToken in `authorization` and the configured `X-COF-Policy-Number`
//! (401 otherwise). Orders are decided by [`crate::underwriting`] ([`decision`]); what falls
//! due is settled as sandbox time passes and at the start of every request, and pushed to the
//! outbox ([`push`]).

mod auth;
mod book;
mod calendar;
mod catalog;
pub(crate) mod companies;
mod customer_references;
mod decision;
mod deletion;
mod details;
mod idempotency;
mod identification;
mod identifier_search;
pub(crate) mod lockout;
mod order_line;
mod ordering;
mod portfolio;
mod products;
mod push;
mod replay;
pub(crate) mod tokens;

use crate::clock::Clock;
use crate::dataset::Dataset;
use crate::error::{method_not_allowed, ApiError};
use crate::outbox::Outbox;
use crate::secret::secure_eq;
use crate::settle::Settle;
use crate::CofaceCredentials;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, patch, post};
use axum::Router;
use book::Book;
use lockout::Lockout;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokens::{TokenStatus, TokenStore};

/// Everything the Coface routes share.
#[derive(Debug)]
pub(crate) struct CofaceState {
    /// The credentials the simulation accepts.
    pub(crate) credentials: CofaceCredentials,
    /// The company data set.
    pub(crate) dataset: Arc<Dataset>,
    /// The sandbox clock.
    pub(crate) clock: Arc<Clock>,
    /// Tokens and lockouts.
    pub(crate) auth: Mutex<AuthState>,
    /// Where pushed notifications go.
    pub(crate) outbox: Outbox,
    /// Sandbox time after which referred orders and unknown companies are decided.
    pub(crate) referral_delay: Duration,
    /// Orders, references, notifications of the contract.
    book: Mutex<Book>,
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
        outbox: Outbox,
        referral_delay: Duration,
    ) -> Self {
        Self {
            credentials,
            dataset,
            clock,
            auth: Mutex::new(AuthState::default()),
            outbox,
            referral_delay,
            book: Mutex::new(Book::default()),
        }
    }

    /// Locks the contract's book after deciding what fell due (a poisoned lock is still
    /// usable: the book is consistent between statements that touch it).
    pub(crate) fn settled_book(&self) -> MutexGuard<'_, Book> {
        let mut book = self.book.lock().unwrap_or_else(|p| p.into_inner());
        decision::settle(self, &mut book, self.clock.now());
        book
    }

    /// Locks the authentication state (a poisoned lock is still usable: every update is a
    /// single insert or remove).
    pub(crate) fn auth(&self) -> std::sync::MutexGuard<'_, AuthState> {
        self.auth.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Settle for CofaceState {
    /// Forgets long-expired tokens and lockouts that have gone stale; decides the orders that
    /// fell due (and pushes their notifications).
    fn settle(&self, now: std::time::Duration) {
        {
            let mut auth = self.auth();
            auth.tokens.purge(now);
            auth.lockouts.retain(|_, lockout| !lockout.is_stale(now));
        }
        let mut book = self.book.lock().unwrap_or_else(|p| p.into_inner());
        decision::settle(self, &mut book, now);
    }
}

/// The Coface routes, to be nested under `/coface`.
pub(crate) fn router(state: Arc<CofaceState>) -> Router {
    Router::new()
        .route("/authentication/v1/token", post(auth::token))
        .route("/companies/name", get(companies::by_name))
        .route(
            "/companies/identifier",
            get(identifier_search::by_identifier),
        )
        .route("/companies/products", get(portfolio::portfolio))
        .route(
            "/companies/customerreferences",
            get(customer_references::list).patch(customer_references::set),
        )
        .route(
            "/companies/unknown/products",
            post(ordering::unknown_company),
        )
        .route("/companies/{easy}/catalog", get(catalog::catalog))
        .route(
            "/companies/{easy}/products",
            post(ordering::products).delete(deletion::without_delivery_id),
        )
        .route(
            "/companies/{easy}/products/topliner",
            post(ordering::topliner),
        )
        .route(
            "/companies/{easy}/products/awaitingdeliveries-manufacturing",
            post(ordering::awaiting_deliveries_manufacturing),
        )
        .route(
            "/companies/{easy}/products/{delivery}",
            axum::routing::delete(deletion::delete),
        )
        .route(
            "/companies/{easy}/products/orders/{order}",
            get(details::order),
        )
        .route(
            "/companies/{easy}/products/deliveries/{delivery}",
            get(details::delivery),
        )
        .route("/replay/v1/replay", patch(replay::replay))
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
