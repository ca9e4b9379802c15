//! Simulated Allianz Trade API, mounted under `/allianz-trade`, at the paths and in the shapes
//! `tradecover_core::allianz_trade` builds and parses.
//!
//! Routes (every one but the token call needs `Authorization: Bearer <token>`):
//! - `POST /v1/idp/oauth2/authorize` `{"apiKey"}` → `{"access_token", "token_type": "Bearer",
//!   "expires_in": 3600}`: 60-minute tokens on the sandbox clock, never refreshed ([`auth`]);
//! - `POST /search/v2/companies/advancedSearch` and `POST /search/v2/companies/matching`:
//!   company search by name (+ country, town, postcode) and by identifier over the data set,
//!   every company with a stable `companyId` ([`search`]);
//! - `POST /company-referential/v1/companies`: create an unknown company ([`companies`]);
//! - `POST /riskinfo/v3/covers`: cover request V3, answered 202 `{"jobId"}`, with the
//!   `callback` webhook header and `Idempotency-Key` ([`cover_request`]);
//! - `GET /riskinfo/v3/jobs/{jobId}`: `PENDING`, then `PROCESSED` with the cover's
//!   `ressourceUrl` one second of sandbox time after submission ([`jobs`]);
//! - `GET /riskinfo/v3/covers/{coverId}`, `POST /riskinfo/v3/covers/search`,
//!   `POST /riskinfo/v3/coverRequests/search` ([`covers`], [`portfolio`]).
//!
//! Decisions follow [`crate::underwriting`]; referred requests are decided once
//! `referral_delay` has passed since submission, and webhook notifications go to the outbox
//! ([`lifecycle`], [`notifications`]). Errors are described in [`error`].

mod auth;
mod base64;
mod body;
mod book;
mod callback;
mod companies;
mod company_ids;
mod company_json;
mod cover_json;
mod cover_request;
mod covers;
mod created;
mod dates;
mod error;
mod idempotency;
mod identifier_match;
mod jobs;
mod lifecycle;
mod notifications;
mod pagination;
mod portfolio;
mod search;
mod seeding;
mod tokens;

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::Router;

use crate::clock::Clock;
use crate::dataset::{Company, Dataset};
use crate::outbox::Outbox;
use crate::settle::Settle;
use crate::AllianzTradeCredentials;

use book::Book;
pub(crate) use book::Policy;
use company_ids::CompanyKey;
use created::CreatedCompanies;
use dates::Calendar;
use error::AllianzError;
use tokens::{TokenStatus, TokenStore};

/// Everything the Allianz Trade routes share: configuration, and the mutable simulation
/// behind one lock.
#[derive(Debug)]
pub(crate) struct AllianzTradeState {
    credentials: AllianzTradeCredentials,
    dataset: Arc<Dataset>,
    clock: Arc<Clock>,
    referral_delay: Duration,
    outbox: Outbox,
    calendar: Calendar,
    inner: Mutex<Simulation>,
}

/// The mutable part of the simulation.
#[derive(Debug, Default)]
pub(crate) struct Simulation {
    /// Issued bearer tokens.
    pub(crate) tokens: TokenStore,
    /// Companies created through the API.
    pub(crate) created: CreatedCompanies,
    /// Cover requests, their jobs and covers.
    pub(crate) book: Book,
}

/// A company cover may be requested on.
pub(crate) struct Buyer<'a> {
    /// Its company id, canonical.
    pub(crate) company_id: String,
    /// Its registered name.
    pub(crate) name: &'a str,
    /// The record the underwriting policy judges.
    pub(crate) record: &'a Company,
}

impl AllianzTradeState {
    /// State for a fresh simulation.
    pub(crate) fn new(
        credentials: AllianzTradeCredentials,
        dataset: Arc<Dataset>,
        clock: Arc<Clock>,
        referral_delay: Duration,
        outbox: Outbox,
    ) -> Self {
        let calendar = Calendar::starting_now(clock.now());
        Self {
            credentials,
            dataset,
            clock,
            referral_delay,
            outbox,
            calendar,
            inner: Mutex::new(Simulation::default()),
        }
    }

    /// Locks the simulation (a poisoned lock is still usable: every change leaves it
    /// consistent).
    pub(crate) fn simulation(&self) -> MutexGuard<'_, Simulation> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// How many tokens were issued since the sandbox started (what a test of a client's token
    /// caching checks; nothing in the simulated API reports it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn tokens_issued(&self) -> u64 {
        self.simulation().tokens.issued()
    }

    /// Starts an API call: settles what fell due, then checks the bearer token. Returns the
    /// sandbox time of the call.
    pub(crate) fn begin(&self, headers: &HeaderMap) -> Result<Duration, AllianzError> {
        let now = self.clock.now();
        self.settle(now);
        let Some(raw) = headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .map(str::trim)
            .filter(|value| !value.is_empty())
        else {
            return Err(AllianzError::invalid_token(
                "The Authorization header with a Bearer token is missing",
            ));
        };
        let token = match raw.split_once(' ') {
            Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
            _ => {
                return Err(AllianzError::invalid_token(
                    "The Authorization header must be Bearer <access_token>",
                ))
            }
        };
        match self.simulation().tokens.check(token, now) {
            TokenStatus::Valid => Ok(now),
            TokenStatus::Expired => Err(AllianzError::invalid_token("The access token expired")),
            TokenStatus::Unknown => Err(AllianzError::invalid_token("The access token is invalid")),
        }
    }

    /// The company `company_id` names, in the data set or among `simulation`'s created ones.
    pub(crate) fn buyer<'a>(
        &'a self,
        simulation: &'a Simulation,
        company_id: &str,
    ) -> Option<Buyer<'a>> {
        match company_ids::parse(company_id)? {
            CompanyKey::Dataset(index) => {
                let company = self.dataset.get(index)?;
                Some(Buyer {
                    company_id: company_ids::of_index(index),
                    name: company.name(),
                    record: company,
                })
            }
            CompanyKey::Created(n) => {
                let company = simulation.created.get(n)?;
                Some(Buyer {
                    company_id: company.company_id.clone(),
                    name: &company.details.name,
                    record: &company.underwriting_record,
                })
            }
        }
    }
}

impl Settle for AllianzTradeState {
    /// Processes the jobs and decides the referred requests that fell due (pushing their
    /// webhook notifications), and forgets long-expired tokens.
    fn settle(&self, now: Duration) {
        let mut simulation = self.simulation();
        simulation.tokens.purge(now);
        let context = lifecycle::Context {
            referral_delay: self.referral_delay,
            outbox: &self.outbox,
            calendar: &self.calendar,
        };
        simulation.book.settle(now, &context);
    }
}

/// The Allianz Trade routes, to be nested under `/allianz-trade`.
pub(crate) fn router(state: Arc<AllianzTradeState>) -> Router {
    Router::new()
        .route(auth::TOKEN_PATH, post(auth::token))
        .route(search::ADVANCED_SEARCH_PATH, post(search::advanced_search))
        .route(search::MATCHING_PATH, post(search::matching))
        .route(companies::COMPANIES_PATH, post(companies::create))
        .route(cover_request::COVERS_PATH, post(cover_request::submit))
        .route(jobs::JOB_PATH, get(jobs::get_job))
        .route(covers::COVER_PATH, get(covers::get_cover))
        .route(
            portfolio::COVERS_SEARCH_PATH,
            post(portfolio::covers_search),
        )
        .route(
            portfolio::COVER_REQUESTS_SEARCH_PATH,
            post(portfolio::cover_requests_search),
        )
        .method_not_allowed_fallback(error::method_not_allowed)
        .fallback(error::route_not_found)
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::DEFAULT_SEED;
    use axum::http::HeaderValue;

    #[test]
    fn counts_tokens_and_checks_bearers() {
        let clock = Arc::new(Clock::new());
        let state = AllianzTradeState::new(
            AllianzTradeCredentials::random(),
            dataset(DEFAULT_SEED),
            Arc::clone(&clock),
            Duration::from_secs(120),
            Outbox::new(),
        );
        assert_eq!(state.tokens_issued(), 0);
        let token = state.simulation().tokens.issue(clock.now());
        assert_eq!(state.tokens_issued(), 1);
        let mut headers = HeaderMap::new();
        assert!(state.begin(&headers).is_err());
        let bearer = HeaderValue::from_str(&format!("Bearer {token}")).unwrap();
        headers.insert(axum::http::header::AUTHORIZATION, bearer);
        assert!(state.begin(&headers).is_ok());
        clock.advance(tokens::TOKEN_LIFETIME);
        assert_eq!(
            state.begin(&headers).unwrap_err(),
            AllianzError::invalid_token("The access token expired")
        );
    }
}
