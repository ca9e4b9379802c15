//! What the proxy needs to run: where each insurer is, the credentials, the security limits and
//! what it serves. Built by [`crate::config_load`] from a TOML file and the environment, or by
//! [`ProxyConfig::sandbox`]. `Debug` never shows a credential (the core's credential types
//! redact themselves).

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;
use tradecover_core::allianz_trade::AllianzCredentials;
use tradecover_core::atradius::AtradiusCredentials;
use tradecover_core::coface::CofaceCredentials;
use tradecover_core::Insurer;

use crate::clock::Clock;
use crate::notifications::NotificationSettings;
use crate::remote::RemoteUpstream;

/// Proxy configuration.
#[derive(Debug, Clone)]
pub struct ProxyConfig {
    /// Address to listen on (default `127.0.0.1:8080`).
    pub listen: SocketAddr,
    /// Credentials for Allianz Trade (held by the proxy only).
    pub allianz_trade: AllianzCredentials,
    /// Credentials for Atradius (held by the proxy only).
    pub atradius: AtradiusCredentials,
    /// Credentials for Coface CofaServe (held by the proxy only).
    pub coface: CofaceCredentials,
    /// Where each insurer's calls go.
    pub upstreams: UpstreamSettings,
    /// Origin, host and size checks.
    pub security: SecurityConfig,
    /// Per-client request rate limits.
    pub rate_limit: RateLimitConfig,
    /// Insurer notifications and the browsers' event stream.
    pub notifications: NotificationSettings,
    /// Whether one JSON line per request is written to stderr.
    pub access_log: bool,
    /// Whether `GET /metrics` answers (Prometheus text).
    pub metrics: bool,
    /// Seed of the embedded sandbox's data set.
    pub sandbox_seed: u64,
    /// Directory served at `/` (the demo portal), if any.
    pub www_dir: Option<PathBuf>,
    /// Directory served at `/pkg` (the built npm package), if any.
    pub pkg_dir: Option<PathBuf>,
    /// Source of "now" for token expiry and lockouts.
    pub clock: Clock,
}

/// Where one insurer's calls go.
#[derive(Debug, Clone, Default)]
pub enum UpstreamSetting {
    /// The simulation in the sandbox embedded in the process (the default): nothing leaves the
    /// machine.
    #[default]
    Sandbox,
    /// A router called in-process with insurer paths as they are (tests' fake insurers).
    Router(Router),
    /// A real insurer API over HTTPS.
    Remote(RemoteUpstream),
}

/// The upstream of each insurer.
#[derive(Debug, Clone, Default)]
pub struct UpstreamSettings {
    /// Allianz Trade.
    pub allianz_trade: UpstreamSetting,
    /// Atradius.
    pub atradius: UpstreamSetting,
    /// Coface.
    pub coface: UpstreamSetting,
}

impl UpstreamSettings {
    /// The setting of `insurer`.
    pub fn get(&self, insurer: Insurer) -> &UpstreamSetting {
        match insurer {
            Insurer::AllianzTrade => &self.allianz_trade,
            Insurer::Atradius => &self.atradius,
            _ => &self.coface,
        }
    }

    /// Whether any insurer uses the embedded sandbox (then `/__sandbox/…` is served too).
    pub fn uses_sandbox(&self) -> bool {
        [&self.allianz_trade, &self.atradius, &self.coface]
            .iter()
            .any(|setting| matches!(setting, UpstreamSetting::Sandbox))
    }
}

/// Checks on the browser's requests besides the allowlist.
#[derive(Debug, Clone)]
pub struct SecurityConfig {
    /// Origins (`https://portal.example.com`) allowed to call; empty = same origin only (the
    /// `Origin` header's host and port equal the `Host` header).
    pub allowed_origins: Vec<String>,
    /// Accepted `Host` header values (`portal.example.com`, `portal.example.com:8443`); empty =
    /// any syntactically valid host.
    pub allowed_hosts: Vec<String>,
    /// Largest request body forwarded, in bytes.
    pub max_body_bytes: usize,
    /// Longest query string forwarded, in bytes.
    pub max_query_bytes: usize,
    /// Largest insurer answer passed back, in bytes.
    pub max_response_bytes: usize,
}

impl Default for SecurityConfig {
    fn default() -> Self {
        Self {
            allowed_origins: Vec::new(),
            allowed_hosts: Vec::new(),
            max_body_bytes: 64 * 1024,
            max_query_bytes: 4096,
            max_response_bytes: 16 * 1024 * 1024,
        }
    }
}

/// Token bucket per client IP address.
#[derive(Debug, Clone, PartialEq)]
pub struct RateLimitConfig {
    /// Sustained requests per second per client.
    pub requests_per_second: f64,
    /// Requests a client may make at once after being idle.
    pub burst: u32,
    /// Whether loopback clients (127.0.0.0/8, ::1) are never limited: a reverse proxy or a load
    /// test on the same machine. Turn off when nothing trusted runs on the host.
    pub exempt_loopback: bool,
}

impl Default for RateLimitConfig {
    fn default() -> Self {
        Self {
            requests_per_second: 20.0,
            burst: 60,
            exempt_loopback: true,
        }
    }
}

impl ProxyConfig {
    /// A configuration for the embedded sandbox with fresh random credentials, serving nothing,
    /// on `127.0.0.1:8080`.
    pub fn sandbox() -> Self {
        let coface = tradecover_sandbox::CofaceCredentials::random();
        let allianz = tradecover_sandbox::AllianzTradeCredentials::random();
        let atradius = tradecover_sandbox::AtradiusCredentials::random();
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            allianz_trade: AllianzCredentials::new(allianz.api_key),
            atradius: AtradiusCredentials {
                client_id: atradius.client_id,
                client_secret: atradius.client_secret,
                app_key: atradius.app_key,
            },
            coface: CofaceCredentials {
                username: coface.username,
                password: coface.password,
                api_key: coface.api_key,
                policy_number: coface.policy_number,
            },
            upstreams: UpstreamSettings::default(),
            security: SecurityConfig::default(),
            rate_limit: RateLimitConfig::default(),
            notifications: NotificationSettings::default(),
            access_log: true,
            metrics: true,
            sandbox_seed: tradecover_sandbox::DEFAULT_SEED,
            www_dir: None,
            pkg_dir: None,
            clock: Clock::system(),
        }
    }

    /// The secrets this configuration holds (to keep them out of answers and logs).
    pub fn secrets(&self) -> Vec<String> {
        [
            &self.allianz_trade.api_key,
            &self.atradius.client_secret,
            &self.atradius.app_key,
            &self.coface.password,
            &self.coface.api_key,
        ]
        .into_iter()
        .chain(self.notifications.allianz_callback_token.as_ref())
        .filter(|secret| !secret.is_empty())
        .cloned()
        .collect()
    }
}
