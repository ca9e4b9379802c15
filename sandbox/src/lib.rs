//! Offline simulator of the trade-credit insurers' APIs, used by the tradecover demo and by
//! every test. Today it simulates the Coface CofaServe API (login with lockouts, search a
//! partner by name) over a deterministic data set of about 77,000 company records in 12
//! countries, with real towns and postcodes and national identifiers that carry correct
//! check digits.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let config = tradecover_sandbox::SandboxConfig::default();
//! let app = tradecover_sandbox::router(config);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8090").await?;
//! axum::serve(listener, app).await
//! # }
//! ```
//!
//! Routes:
//! - `POST /coface/authentication/v1/token`: login (`x-api-key` header; body `{"username",
//!   "password", "grantType": "password"}`) → `{"idToken", "accessToken", "refreshToken",
//!   "expiresIn": 3600, "tokenType": "Bearer"}`, with CofaServe's lockout after five failures
//!   (1 s, doubling up to 15 min; 15 quiet minutes or a later success reset it);
//! - `GET /coface/companies/name?countryCode=FRA&companyName=…[&town&postalCode&region&limit]`
//!   with headers `authorization` (the idToken), `x-api-key`, `X-COF-Policy-Number` →
//!   `{"companies": […], "count": n}`; matching and ranking are described on
//!   [`Dataset::search_by_name`] and [`NameQuery`];
//! - helpers (not insurer APIs): `GET /__sandbox/health`,
//!   `GET /__sandbox/companies/sample?countryCode=FRA&n=5[&knownToCoface=false]
//!   [&hasEstablishments=true]`, `POST /__sandbox/clock/advance?seconds=N` (expire tokens and
//!   lockouts without sleeping).
//!
//! Errors are JSON `{"code", "message"}`; unknown routes answer 404 `NotFound`.
//!
//! EASY numbers follow the real 19-digit layout with the sandbox's own check digits (Coface
//! does not publish its algorithm): see [`easy_number`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod checkdigits;
mod clock;
mod coface;
mod country;
mod dataset;
mod easy;
mod error;
mod generate;
mod identifiers;
mod idgen;
mod names;
mod normalize;
mod params;
mod rng;
mod sandbox_api;
mod search;
mod secret;
mod towns;

pub use country::Country;
pub use dataset::{dataset, Address, Company, Dataset, EstablishmentType};
pub use identifiers::{IdentifierType, LegalIdentifier};
pub use normalize::{compact_postcode, normalize};
pub use search::{MatchRank, NameMatch, NameQuery};

/// EASY number helpers. Layout: 12-digit identifier, 2 check digits
/// `97 − (identifier mod 97)` (the sandbox's own choice: Coface's algorithm is unpublished),
/// 5-digit establishment number: `00000` for a head office, `00001`, `00002`, … for its
/// establishments, which keep the head office's first 14 digits.
pub mod easy_number {
    pub use crate::easy::{
        check_digits, head_office_of, is_head_office, is_valid, HEAD_OFFICE_SUFFIX,
    };
}

use axum::Router;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// Credentials the simulated Coface API accepts.
#[derive(Clone)]
pub struct CofaceCredentials {
    /// Login user name.
    pub username: String,
    /// Login password.
    pub password: String,
    /// Value expected in the `x-api-key` header.
    pub api_key: String,
    /// Value expected in the `X-COF-Policy-Number` header.
    pub policy_number: String,
}

impl CofaceCredentials {
    /// User name `sandbox` with a freshly drawn random password, API key and policy number.
    pub fn random() -> Self {
        Self {
            username: "sandbox".to_owned(),
            password: secret::random_hex(16),
            api_key: secret::random_hex(20),
            policy_number: secret::random_digits(8),
        }
    }
}

impl Default for CofaceCredentials {
    /// The process's default credentials: user name `sandbox`, the rest drawn at random once
    /// per process (so no static secret exists to leak, and every `default()` in the process
    /// agrees).
    fn default() -> Self {
        static PROCESS_DEFAULT: OnceLock<CofaceCredentials> = OnceLock::new();
        PROCESS_DEFAULT.get_or_init(Self::random).clone()
    }
}

impl fmt::Debug for CofaceCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CofaceCredentials")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .field("api_key", &"<redacted>")
            .field("policy_number", &self.policy_number)
            .finish()
    }
}

/// Sandbox configuration.
#[derive(Clone, Debug)]
pub struct SandboxConfig {
    /// Seed of the generated data set (same seed, same companies).
    pub seed: u64,
    /// Credentials of the simulated Coface API.
    pub coface: CofaceCredentials,
}

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 2026;

impl Default for SandboxConfig {
    /// Seed [`DEFAULT_SEED`] and the process's default credentials
    /// ([`CofaceCredentials::default`]).
    fn default() -> Self {
        Self {
            seed: DEFAULT_SEED,
            coface: CofaceCredentials::default(),
        }
    }
}

/// The whole sandbox as an axum router: Coface under `/coface`, helpers under `/__sandbox`.
/// Each router has its own clock, tokens and lockouts; the data set is shared per seed.
pub fn router(config: SandboxConfig) -> Router {
    let data = dataset(config.seed);
    let clock = Arc::new(clock::Clock::new());
    let coface_state =
        coface::CofaceState::new(config.coface, Arc::clone(&data), Arc::clone(&clock));
    Router::new()
        .nest("/coface", coface::router(Arc::new(coface_state)))
        .nest(
            "/__sandbox",
            sandbox_api::router(sandbox_api::SandboxState {
                dataset: data,
                clock,
            }),
        )
        .fallback(error::route_not_found)
}
