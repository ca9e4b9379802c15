//! The proxy's HTTP application. Routes:
//!
//! - `GET /health` → `{"status":"ok"}`;
//! - `GET /metrics` → Prometheus text (when enabled);
//! - `{METHOD} /proxy/{insurer}/{insurer path}` → the allowlisted insurer call
//!   ([`crate::forward`]);
//! - `/notifications/…`, `/proxy/events`, `/proxy/coface/notifications/replay` → the insurers'
//!   notifications and the browsers' event stream ([`crate::notifications`]);
//! - `/__sandbox/…` → the embedded sandbox's test helpers (only when an insurer uses it);
//! - `/pkg/…` and `/` → static files (when configured), compressed.

use std::sync::Arc;

use axum::routing::{any, get};
use axum::{middleware, Json, Router};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tradecover_core::Insurer;
use tradecover_sandbox::SandboxConfig;

use crate::access_log::observe;
use crate::auth::allianz_trade::AllianzTradeAuth;
use crate::auth::atradius::AtradiusAuth;
use crate::auth::coface::CofaceAuth;
use crate::auth::Authenticator;
use crate::clock::Clock;
use crate::config::{ProxyConfig, SecurityConfig, UpstreamSetting};
use crate::forward::forward;
use crate::guard::guard;
use crate::metrics::Metrics;
use crate::rate_limit::RateLimiter;
use crate::upstream::Upstream;

/// Where one insurer's calls go and how they are authenticated.
#[derive(Debug)]
pub struct InsurerRoute {
    /// The insurer API.
    pub upstream: Upstream,
    /// Its authentication.
    pub auth: Authenticator,
}

/// Shared state of the request handlers.
#[derive(Debug)]
pub struct AppState {
    /// Allianz Trade.
    pub allianz_trade: InsurerRoute,
    /// Atradius.
    pub atradius: InsurerRoute,
    /// Coface.
    pub coface: InsurerRoute,
    /// Origin, host and size checks.
    pub security: SecurityConfig,
    /// Per-client rate limit.
    pub rate_limiter: RateLimiter,
    /// Counters.
    pub metrics: Arc<Metrics>,
    /// Source of "now".
    pub clock: Clock,
    /// The credentials' secret parts, never passed back.
    pub secrets: Vec<String>,
    /// Whether requests are logged.
    pub access_log: bool,
    /// The `callback` header added to Allianz Trade cover requests sent without one
    /// ([`crate::allianz_callback`]).
    pub allianz_callback: Option<String>,
}

impl AppState {
    /// The handlers' state for `config`: each insurer's upstream (`sandbox` is the embedded
    /// sandbox, when the configuration uses it) and authentication, counting into `metrics`.
    pub fn new(config: &ProxyConfig, sandbox: Option<&Router>, metrics: Arc<Metrics>) -> Self {
        let upstream = |insurer: Insurer| -> Upstream {
            match (config.upstreams.get(insurer), sandbox) {
                (UpstreamSetting::Router(router), _) => Upstream::embedded(router.clone(), ""),
                (UpstreamSetting::Remote(remote), _) => Upstream::Remote(remote.clone()),
                (UpstreamSetting::Sandbox, Some(sandbox)) => {
                    Upstream::embedded(sandbox.clone(), &format!("/{}", insurer.as_str()))
                }
                (UpstreamSetting::Sandbox, None) => Upstream::embedded(Router::new(), ""),
            }
        };
        let clock = config.clock.clone();
        let allianz_upstream = upstream(Insurer::AllianzTrade);
        let atradius_upstream = upstream(Insurer::Atradius);
        let coface_upstream = upstream(Insurer::Coface);
        Self {
            allianz_trade: InsurerRoute {
                auth: Authenticator::AllianzTrade(AllianzTradeAuth::new(
                    config.allianz_trade.clone(),
                    allianz_upstream.clone(),
                    clock.clone(),
                    metrics.clone(),
                )),
                upstream: allianz_upstream,
            },
            atradius: InsurerRoute {
                auth: Authenticator::Atradius(AtradiusAuth::new(
                    config.atradius.clone(),
                    atradius_upstream.clone(),
                    clock.clone(),
                    metrics.clone(),
                )),
                upstream: atradius_upstream,
            },
            coface: InsurerRoute {
                auth: Authenticator::Coface(CofaceAuth::new(
                    config.coface.clone(),
                    coface_upstream.clone(),
                    clock.clone(),
                    metrics.clone(),
                )),
                upstream: coface_upstream,
            },
            security: config.security.clone(),
            rate_limiter: RateLimiter::new(config.rate_limit.clone()),
            metrics: metrics.clone(),
            clock,
            secrets: config.secrets(),
            access_log: config.access_log,
            allianz_callback: crate::allianz_callback::callback_header_value(
                config.notifications.allianz_callback_url.as_deref(),
                config.notifications.allianz_callback_token.as_deref(),
                matches!(config.upstreams.allianz_trade, UpstreamSetting::Sandbox),
            ),
        }
    }

    /// The route of `insurer`.
    pub fn route(&self, insurer: Insurer) -> &InsurerRoute {
        match insurer {
            Insurer::AllianzTrade => &self.allianz_trade,
            Insurer::Atradius => &self.atradius,
            _ => &self.coface,
        }
    }
}

/// The proxy application for `config` (see the module docs for its routes); notifications
/// (`/notifications/…`, `/proxy/events`) are described in [`crate::notifications`].
pub fn app(config: ProxyConfig) -> Router {
    app_with_metrics(config, Arc::new(Metrics::default()))
}

/// [`app`], counting into `metrics` (tests read them directly).
pub fn app_with_metrics(config: ProxyConfig, metrics: Arc<Metrics>) -> Router {
    // What the embedded sandbox pushes (webhooks, Coface SNS) is delivered to the proxy's own
    // notification routes in-process.
    let outbox = tradecover_sandbox::Outbox::new();
    let sandbox = config.upstreams.uses_sandbox().then(|| {
        tradecover_sandbox::router(SandboxConfig {
            seed: config.sandbox_seed,
            coface: tradecover_sandbox::CofaceCredentials {
                username: config.coface.username.clone(),
                password: config.coface.password.clone(),
                api_key: config.coface.api_key.clone(),
                policy_number: config.coface.policy_number.clone(),
            },
            allianz_trade: tradecover_sandbox::AllianzTradeCredentials {
                api_key: config.allianz_trade.api_key.clone(),
            },
            atradius: tradecover_sandbox::AtradiusCredentials {
                client_id: config.atradius.client_id.clone(),
                client_secret: config.atradius.client_secret.clone(),
                app_key: config.atradius.app_key.clone(),
            },
            outbox: outbox.clone(),
            ..SandboxConfig::default()
        })
    });
    let state = Arc::new(AppState::new(&config, sandbox.as_ref(), metrics.clone()));
    let mut router = Router::new()
        .route(
            "/health",
            get(|| async { Json(serde_json::json!({"status": "ok"})) }),
        )
        .route("/proxy/{*rest}", any(forward));
    if config.metrics {
        let metrics = metrics.clone();
        router = router.route(
            "/metrics",
            get(move || {
                let metrics = metrics.clone();
                async move {
                    (
                        [("content-type", "text/plain; version=0.0.4")],
                        metrics.render(),
                    )
                }
            }),
        );
    }
    let mut router =
        router
            .with_state(state.clone())
            .merge(crate::notifications::proxy_notification_routes(
                config.notifications.clone(),
                state.clone(),
                sandbox.as_ref(),
                matches!(config.upstreams.coface, UpstreamSetting::Sandbox),
                &outbox,
            ));
    if let Some(sandbox) = sandbox {
        router = router.route_service(
            "/__sandbox/{*rest}",
            sandbox.into_service::<axum::body::Body>(),
        );
    }
    if let Some(pkg) = config.pkg_dir {
        router = router.nest_service("/pkg", ServeDir::new(pkg));
    }
    if let Some(www) = config.www_dir {
        router = router.fallback_service(ServeDir::new(www));
    }
    router
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .layer(middleware::from_fn_with_state(state, observe))
}
