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
//! - Amazon SNS as Coface's pushes come through it (see [`SnsSigner`]):
//!   `GET /__sandbox/sns/certificate.pem` (the signing certificate),
//!   `GET /__sandbox/sns/confirm?Action=ConfirmSubscription&TopicArn&Token` (a `SubscribeURL`);
//! - `POST /__sandbox/outbox` `{"insurer", "target", "body"}`: push a notification into the
//!   [`Outbox`] as if a simulation had sent it;
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
mod outbox;
mod outbox_api;
mod params;
mod rng;
mod sandbox_api;
mod search;
mod secret;
mod settle;
mod sns_signer;
mod towns;
pub mod underwriting;

pub use country::Country;
pub use dataset::{dataset, Address, Company, Dataset, EstablishmentType};
pub use identifiers::{IdentifierType, LegalIdentifier};
pub use normalize::{compact_postcode, normalize};
pub use outbox::{Outbox, OutgoingNotification, OUTBOX_CAPACITY};
pub use search::{MatchRank, NameMatch, NameQuery};
pub use sns_signer::{
    sns_certificate_pem, sns_signer, sns_timestamp, SnsSigner, SANDBOX_SIGNING_CERT_URL,
    SANDBOX_SNS_ACCOUNT, SANDBOX_SNS_REGION,
};

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

/// Credentials the simulated Allianz Trade API accepts: the private API key exchanged for a
/// 60-minute bearer token.
#[derive(Clone)]
pub struct AllianzTradeCredentials {
    /// The private API key (sent in the token request).
    pub api_key: String,
}

impl AllianzTradeCredentials {
    /// A freshly drawn random API key.
    pub fn random() -> Self {
        Self {
            api_key: secret::random_hex(24),
        }
    }
}

impl Default for AllianzTradeCredentials {
    /// The process's default credentials, drawn at random once per process.
    fn default() -> Self {
        static PROCESS_DEFAULT: OnceLock<AllianzTradeCredentials> = OnceLock::new();
        PROCESS_DEFAULT.get_or_init(Self::random).clone()
    }
}

impl fmt::Debug for AllianzTradeCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AllianzTradeCredentials")
            .field("api_key", &"<redacted>")
            .finish()
    }
}

/// Credentials the simulated Atradius Cover API accepts: an OAuth client (Basic) plus the
/// application key, exchanged for a 30-minute bearer token.
#[derive(Clone)]
pub struct AtradiusCredentials {
    /// OAuth client id.
    pub client_id: String,
    /// OAuth client secret.
    pub client_secret: String,
    /// Application key (`Atradius-App-Key` header).
    pub app_key: String,
}

impl AtradiusCredentials {
    /// Client id `sandbox` with a freshly drawn random secret and application key.
    pub fn random() -> Self {
        Self {
            client_id: "sandbox".to_owned(),
            client_secret: secret::random_hex(16),
            app_key: secret::random_hex(16),
        }
    }
}

impl Default for AtradiusCredentials {
    /// The process's default credentials, drawn at random once per process.
    fn default() -> Self {
        static PROCESS_DEFAULT: OnceLock<AtradiusCredentials> = OnceLock::new();
        PROCESS_DEFAULT.get_or_init(Self::random).clone()
    }
}

impl fmt::Debug for AtradiusCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AtradiusCredentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("app_key", &"<redacted>")
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
    /// Credentials of the simulated Allianz Trade API.
    pub allianz_trade: AllianzTradeCredentials,
    /// Credentials of the simulated Atradius API.
    pub atradius: AtradiusCredentials,
    /// Sandbox time after which a referred (pending) application, job or order is decided.
    pub referral_delay: std::time::Duration,
    /// Where the simulated insurers send their notifications (webhooks, push messages).
    pub outbox: Outbox,
}

/// Default [`SandboxConfig::referral_delay`]: two minutes of sandbox time (tests advance the
/// clock instead of waiting).
pub const DEFAULT_REFERRAL_DELAY: std::time::Duration = std::time::Duration::from_secs(120);

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 2026;

impl Default for SandboxConfig {
    /// Seed [`DEFAULT_SEED`], the process's default credentials of each insurer and
    /// [`DEFAULT_REFERRAL_DELAY`], and a new [`Outbox`].
    fn default() -> Self {
        Self {
            seed: DEFAULT_SEED,
            coface: CofaceCredentials::default(),
            allianz_trade: AllianzTradeCredentials::default(),
            atradius: AtradiusCredentials::default(),
            referral_delay: DEFAULT_REFERRAL_DELAY,
            outbox: Outbox::new(),
        }
    }
}

/// The whole sandbox as an axum router: Coface under `/coface`, helpers under `/__sandbox`.
/// Each router has its own clock, tokens, lockouts and applications; the data set is shared per
/// seed. Inside a tokio runtime it also starts a ticker that decides what falls due (see
/// [`settle`](crate::settle)); the ticker ends when the router is dropped.
pub fn router(config: SandboxConfig) -> Router {
    let data = dataset(config.seed);
    let clock = Arc::new(clock::Clock::new());
    let mut settlers = settle::Settlers::default();
    let coface_state = Arc::new(coface::CofaceState::new(
        config.coface,
        Arc::clone(&data),
        Arc::clone(&clock),
    ));
    settlers.add(coface_state.clone());
    settlers.start_ticker(&clock);
    Router::new()
        .nest("/coface", coface::router(coface_state))
        .route(
            "/__sandbox/sns/certificate.pem",
            axum::routing::get(sns_signer::certificate_route),
        )
        .route(
            "/__sandbox/sns/confirm",
            axum::routing::get(sns_signer::confirm_route),
        )
        .merge(outbox_api::router(config.outbox.clone()))
        .nest(
            "/__sandbox",
            sandbox_api::router(sandbox_api::SandboxState {
                dataset: data,
                clock,
                settlers,
            }),
        )
        .fallback(error::route_not_found)
}
