//! Offline simulator of the trade-credit insurers' APIs, used by the tradecover demo and by
//! every test. It simulates the Coface CofaServe API (login with lockouts, company search by
//! name and by legal identifier, portfolio, customer references, catalog, product orders,
//! deletions, order and delivery details, push notifications and their replay), the Allianz
//! Trade API (token, company search, cover requests answered through jobs, webhooks) and the
//! Atradius Cover API (buyers, applications, modifications, covers) over a deterministic data
//! set of about 77,000 company records in 12 countries, with real towns and postcodes and
//! national identifiers that carry correct check digits. Every decision follows one
//! [`underwriting`] policy.
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
//! - the CofaServe API under `/coface`, each call with headers `authorization` (the idToken),
//!   `x-api-key` and `X-COF-Policy-Number`:
//!   - `GET /companies/name?countryCode=FRA&companyName=…[&town&postalCode&region&limit]`
//!     → `{"companies": […], "count": n}`; matching and ranking are described on
//!     [`Dataset::search_by_name`] and [`NameQuery`];
//!   - `GET /companies/identifier?countryCode&identifierType&identifierValue` (exact on the
//!     stored format);
//!   - `GET /companies/products` (portfolio; filters `easyNumber`, `customerReference`,
//!     `orderId`, `deliveryId`, `date` — midnight GMT of that day —, `productCode`,
//!     `countryCode`; `page`, `limit`);
//!   - `GET` and `PATCH /companies/customerreferences` (a blank reference erases);
//!   - `GET /companies/{easyNumber}/catalog` (action codes CREA/UPDT/CHANGE/STOP/DELE by
//!     product state, last deliveryId);
//!   - `POST /companies/{easyNumber}/products`, `…/products/topliner`,
//!     `…/products/awaitingdeliveries-manufacturing` and `POST /companies/unknown/products`
//!     (temporary `Z…` EASY number until Coface identifies the company), with optional
//!     `Idempotency-Key`; referred orders are decided once
//!     [`SandboxConfig::referral_delay`] of sandbox time has passed;
//!   - `DELETE /companies/{easyNumber}/products/{deliveryId}` (SCOREMON and ARATINGMON
//!     stopped first);
//!   - `GET /companies/{easyNumber}/products/orders/{orderId}` and
//!     `…/products/deliveries/{deliveryIdOrExternalId}`;
//!   - `PATCH /replay/v1/replay` (`{"messageId"}`: 5 hours to 5 days, 7 attempts);
//!
//!   deliveries and product changes are pushed to [`SandboxConfig::outbox`] (target: the
//!   notification topic; body: the CofaServe message, with the `messageId` to use as SNS
//!   `MessageId`);
//! - Allianz Trade under `/allianz-trade` (bearer token from `POST /v1/idp/oauth2/authorize`
//!   `{"apiKey"}`, 60 minutes, never refreshed): `POST /search/v2/companies/advancedSearch`
//!   and `/matching` (every company has a stable `companyId`), `POST
//!   /company-referential/v1/companies`, `POST /riskinfo/v3/covers` (→ `{"jobId"}`, with the
//!   `callback` webhook header and `Idempotency-Key`), `GET /riskinfo/v3/jobs/{jobId}`,
//!   `GET /riskinfo/v3/covers/{coverId}`, `POST /riskinfo/v3/covers/search` and
//!   `/coverRequests/search`; decisions follow [`underwriting`], webhook notifications go to
//!   the [`Outbox`]; errors are `{"code", "message", "requestId"}`, bearer-token errors
//!   `{"error", "error_description"}` (OAuth style);
//! - the Atradius Cover API under `/atradius`, at the paths and in the shapes of
//!   `tradecover_core::atradius`: `POST /atradius/authenticate/v2/tokens` (Basic client id :
//!   secret + `Atradius-App-Key` → a 30-minute bearer); under
//!   `/atradius/credit-insurance/organisation-management/v1`: `GET buyers?country=<alpha-3>&uid=
//!   &uidType=` (VAT, NRN, CR, DB, FC, SN, TK), `GET buyers/{buyerId}`, `GET buyers/my-buyers`;
//!   under `/atradius/credit-insurance/cover-management/v1`: `GET covers`, `covers/decisions`,
//!   `covers/applications`, `covers/historic`, `POST covers` (201 decided / 202 referred, by
//!   [`underwriting`]), `POST covers/batch`, `PUT covers` (supersede, reduce, cancel,
//!   update-reference), `PUT covers/{coverId}/cover-type` (indication → credit limit). Calls
//!   need the bearer, the app key and `Atradius-Correlation-Id` (echoed); `POST covers` and
//!   `covers/batch` honour `Idempotency-Key`; errors are Atradius' `{"errors": [{"status",
//!   "title", "detail", "source": {"parameter"}}]}`; buyer ids are 20,000,000 + the head
//!   office's index in the data set;
//! - fault injection on every insurer route (never on `/__sandbox`): request header
//!   `x-sandbox-fault: <fault>`, where a fault is `latency=<ms>` (at most 10,000) and / or one of
//!   `status=<5xx>`, `429` (with `Retry-After: 2`), `drop` (the connection is closed without an
//!   answer; in-process, the response body fails) and `malformed` (the insurer handles the
//!   request, its answer is cut in half and sent as 200); or a default for the run with
//!   `POST /__sandbox/faults` `{"fault", "probability": 0–1, "seed", "pathPrefix"}`
//!   (deterministic draws per seed), `GET` / `DELETE /__sandbox/faults`. The header never
//!   reaches the insurer simulations;
//! - what the insurer routes received (recorded before fault injection; the newest 1,000):
//!   `GET /__sandbox/requests[?insurer=coface|allianz-trade|atradius][&limit=N]` →
//!   `{"requests": [{"seq", "insurer", "method", "path", "query", "status"}]}`, oldest first
//!   (`status` is `null` for a request under way or abandoned by its caller), and
//!   `DELETE /__sandbox/requests`;
//! - Amazon SNS as Coface's pushes come through it (see [`SnsSigner`]):
//!   `GET /__sandbox/sns/certificate.pem` (the signing certificate),
//!   `GET /__sandbox/sns/confirm?Action=ConfirmSubscription&TopicArn&Token` (a `SubscribeURL`);
//! - `POST /__sandbox/outbox` `{"insurer", "target", "body"}`: push a notification into the
//!   [`Outbox`] as if a simulation had sent it;
//! - helpers (not insurer APIs): `GET /__sandbox/health`,
//!   `POST /__sandbox/portfolio?insurer=allianz-trade|atradius&count=N[&seed=S]` with the
//!   policy (a large decided portfolio, see `portfolio_seed_api`),
//!   `GET /__sandbox/companies/sample?countryCode=FRA&n=5[&knownToCoface=false]
//!   [&hasEstablishments=true][&highRisk=true]
//!   [&review=reduce|withdraw|keep]`, `POST /__sandbox/clock/advance?seconds=N`
//!   (expire tokens and lockouts, decide referred orders, apply the insurers' reviews of
//!   granted covers — see [`underwriting`] —, without sleeping).
//!
//! Errors are JSON `{"code", "message"}` (Atradius: see above); unknown routes answer 404
//! `NotFound` (403 under `/atradius`, as Atradius' gateway does).
//!
//! EASY numbers follow the real 19-digit layout with the sandbox's own check digits (Coface
//! does not publish its algorithm): see [`easy_number`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod allianz_trade;
mod atradius;
mod bearer_tokens;
mod checkdigits;
mod clock;
mod coface;
mod country;
mod dataset;
mod easy;
mod error;
mod fault;
mod generate;
mod identifiers;
mod idgen;
mod names;
mod normalize;
mod outbox;
mod outbox_api;
mod params;
mod portfolio_seed;
mod portfolio_seed_api;
mod request_log;
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
    /// Whether sandbox time stands still until advanced (`POST /__sandbox/clock/advance`)
    /// instead of following real time: for tests that assert a state before moving on.
    pub manual_clock: bool,
}

/// Default [`SandboxConfig::referral_delay`]: two minutes of sandbox time (tests advance the
/// clock instead of waiting).
pub const DEFAULT_REFERRAL_DELAY: std::time::Duration = std::time::Duration::from_secs(120);

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 2026;

impl Default for SandboxConfig {
    /// Seed [`DEFAULT_SEED`], the process's default credentials of each insurer and
    /// [`DEFAULT_REFERRAL_DELAY`], a new [`Outbox`] and a clock following real time.
    fn default() -> Self {
        Self {
            seed: DEFAULT_SEED,
            coface: CofaceCredentials::default(),
            allianz_trade: AllianzTradeCredentials::default(),
            atradius: AtradiusCredentials::default(),
            referral_delay: DEFAULT_REFERRAL_DELAY,
            outbox: Outbox::new(),
            manual_clock: false,
        }
    }
}

/// The whole sandbox as an axum router: Coface under `/coface`, Allianz Trade under
/// `/allianz-trade`, Atradius under `/atradius` (all behind the fault injection and the
/// request log), helpers under `/__sandbox`.
/// Each router has its own clock, tokens, lockouts and applications; the data set is shared per
/// seed. Inside a tokio runtime it also starts a ticker that decides what falls due (see
/// the `settle` module); the ticker ends when the router is dropped.
pub fn router(config: SandboxConfig) -> Router {
    let data = dataset(config.seed);
    let clock = Arc::new(if config.manual_clock {
        clock::Clock::manual()
    } else {
        clock::Clock::new()
    });
    let mut settlers = settle::Settlers::default();
    let coface_state = Arc::new(coface::CofaceState::new(
        config.coface,
        Arc::clone(&data),
        Arc::clone(&clock),
        config.outbox.clone(),
        config.referral_delay,
    ));
    settlers.add(coface_state.clone());
    let allianz_trade_state = Arc::new(allianz_trade::AllianzTradeState::new(
        config.allianz_trade,
        Arc::clone(&data),
        Arc::clone(&clock),
        config.referral_delay,
        config.outbox.clone(),
    ));
    settlers.add(allianz_trade_state.clone());
    let atradius_state = Arc::new(atradius::AtradiusState::new(
        config.atradius,
        Arc::clone(&data),
        Arc::clone(&clock),
        config.referral_delay,
    ));
    settlers.add(atradius_state.clone());
    settlers.start_ticker(&clock);
    let faults = Arc::new(fault::Faults::default());
    let requests = Arc::new(request_log::RequestLog::default());
    let insurers = Router::new()
        .nest("/coface", coface::router(coface_state))
        .nest(
            "/allianz-trade",
            allianz_trade::router(Arc::clone(&allianz_trade_state)),
        )
        .nest("/atradius", atradius::router(Arc::clone(&atradius_state)));
    Router::new()
        .merge(request_log::wrap(
            fault::wrap(insurers, Arc::clone(&faults)),
            Arc::clone(&requests),
        ))
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
            })
            .merge(portfolio_seed_api::router(
                portfolio_seed_api::SeedTargets {
                    allianz_trade: allianz_trade_state,
                    atradius: atradius_state,
                },
            ))
            .merge(fault::router(faults))
            .merge(request_log::router(requests)),
        )
        .fallback(error::route_not_found)
}
