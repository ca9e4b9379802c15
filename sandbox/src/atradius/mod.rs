//! Simulated Atradius Cover API, mounted under `/atradius`, at the paths and in the shapes of
//! `tradecover_core::atradius`.
//!
//! Routes (relative to `/atradius`):
//! - `POST /authenticate/v2/tokens`: Basic(client id : secret) + `Atradius-App-Key` → a
//!   30-minute bearer token ([`auth`]);
//! - `GET /credit-insurance/organisation-management/v1/buyers?country=&uid=&uidType=`,
//!   `GET …/buyers/{buyerId}`, `GET …/buyers/my-buyers` ([`buyers`]);
//! - `GET /credit-insurance/cover-management/v1/covers`, `…/covers/decisions`,
//!   `…/covers/applications`, `…/covers/historic` ([`lists`]);
//! - `POST …/covers`: a new application, 201 decided or 202 referred ([`application`]);
//! - `POST …/covers/batch`: several applications, one result each ([`batch`]);
//! - `PUT …/covers`: supersede, reduce, cancel, update the reference ([`modify`]);
//! - `PUT …/covers/{coverId}/cover-type`: convert an indication ([`convert`]).
//!
//! Every call but the token needs the bearer token, the app key and a correlation id (see
//! [`auth`]); every answer echoes the request's `Atradius-Correlation-Id`. New applications
//! and batches honour an `Idempotency-Key` ([`idempotency`]). Errors are Atradius' `{"errors":
//! [{"status", "title", "detail", "source": {"parameter"}}]}`; a path outside the API is 403,
//! as at Atradius' gateway. Referred applications are decided once the configured referral
//! delay of sandbox time has passed: by [`Settle`] after each clock advance and at the start of
//! every Atradius request, which also applies Atradius' reviews of the credit limits in force
//! ([`review`]). Any `customerId` / `policyId` is accepted; each pair is its own
//! portfolio.

mod application;
mod auth;
mod base64;
mod batch;
mod buyer;
mod buyers;
mod calendar;
mod convert;
mod cover;
mod error;
mod fields;
mod idempotency;
mod lists;
mod modify;
mod portfolio;
mod query;
mod review;
mod seeding;
mod tokens;
mod uid;

use crate::clock::Clock;
use crate::dataset::Dataset;
use crate::settle::Settle;
use crate::AtradiusCredentials;
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::Router;
use calendar::Calendar;
pub(crate) use cover::PolicyKey;
use idempotency::IdempotencyStore;
use portfolio::Portfolio;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokens::TokenStore;

/// Prefix of the buyer calls.
const BUYERS: &str = "/credit-insurance/organisation-management/v1/buyers";
/// Prefix of the cover calls.
const COVERS: &str = "/credit-insurance/cover-management/v1/covers";

/// Everything the Atradius routes share.
#[derive(Debug)]
pub(crate) struct AtradiusState {
    credentials: AtradiusCredentials,
    /// The `Authorization` value the token call must carry.
    expected_basic: String,
    dataset: Arc<Dataset>,
    clock: Arc<Clock>,
    calendar: Calendar,
    referral_delay: Duration,
    book: Mutex<Book>,
}

/// The simulation's changing state.
#[derive(Debug, Default)]
pub(crate) struct Book {
    tokens: TokenStore,
    portfolio: Portfolio,
    idempotency: IdempotencyStore,
}

impl AtradiusState {
    /// State for a fresh simulation.
    pub(crate) fn new(
        credentials: AtradiusCredentials,
        dataset: Arc<Dataset>,
        clock: Arc<Clock>,
        referral_delay: Duration,
    ) -> Self {
        let expected_basic = format!(
            "Basic {}",
            base64::encode(
                format!("{}:{}", credentials.client_id, credentials.client_secret).as_bytes()
            )
        );
        Self {
            credentials,
            expected_basic,
            dataset,
            calendar: Calendar::anchored(clock.now()),
            clock,
            referral_delay,
            book: Mutex::new(Book::default()),
        }
    }

    /// Locks the changing state (a poisoned lock is still usable: every change leaves it
    /// consistent before anything can panic).
    fn book(&self) -> MutexGuard<'_, Book> {
        self.book.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Settle for AtradiusState {
    /// Decides the referrals that fell due, applies Atradius' reviews that fell due; forgets long-expired tokens and old idempotency
    /// keys.
    fn settle(&self, now: Duration) {
        let mut book = self.book();
        book.portfolio.settle(now, |at| self.calendar.unix(at));
        book.portfolio
            .review(self.calendar.unix(now), &self.dataset);
        book.tokens.purge(now);
        book.idempotency.purge(now);
    }
}

/// Settles before every request, and echoes the correlation id in the answer.
async fn around_each_request(
    State(state): State<Arc<AtradiusState>>,
    request: Request,
    next: Next,
) -> Response {
    state.settle(state.clock.now());
    let correlation: Option<HeaderValue> = request.headers().get(auth::CORRELATION_ID).cloned();
    let mut response = next.run(request).await;
    if let Some(correlation) = correlation {
        response
            .headers_mut()
            .insert(auth::CORRELATION_ID, correlation);
    }
    response
}

/// The Atradius routes, to be nested under `/atradius`.
pub(crate) fn router(state: Arc<AtradiusState>) -> Router {
    Router::new()
        .route("/authenticate/v2/tokens", post(auth::token))
        .route(BUYERS, get(buyers::search))
        .route(&format!("{BUYERS}/my-buyers"), get(buyers::my_buyers))
        .route(&format!("{BUYERS}/{{buyerId}}"), get(buyers::detail))
        .route(
            COVERS,
            get(lists::covers)
                .post(application::create)
                .put(modify::modify),
        )
        .route(&format!("{COVERS}/decisions"), get(lists::decisions))
        .route(&format!("{COVERS}/applications"), get(lists::applications))
        .route(&format!("{COVERS}/historic"), get(lists::historic))
        .route(&format!("{COVERS}/batch"), post(batch::create))
        .route(
            &format!("{COVERS}/{{coverId}}/cover-type"),
            put(convert::convert),
        )
        .fallback(error::outside_contract)
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            around_each_request,
        ))
        .with_state(state)
}
