//! The proxy's HTTP application: health, forwarding, the embedded sandbox, static files.

use std::sync::Arc;

use axum::routing::{any, get};
use axum::{Json, Router};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tradecover_sandbox::{CofaceCredentials as SandboxCoface, SandboxConfig};

use crate::coface_auth::CofaceAuth;
use crate::config::ProxyConfig;
use crate::forward::forward;
use crate::upstream::Upstream;

/// Shared state of the request handlers.
pub struct AppState {
    /// Coface session management.
    pub coface_auth: CofaceAuth,
    /// Where Coface calls go.
    pub coface_upstream: Upstream,
}

/// The proxy application for `config`: `/health`, `/proxy/{insurer}/…`, `/__sandbox/…`
/// (sandbox helpers), `/pkg/…` and `/` (static files, compressed); notifications
/// (`/notifications/…`, `/proxy/events`: see [`crate::notifications`]).
pub fn app(config: ProxyConfig) -> Router {
    let outbox = tradecover_sandbox::Outbox::new(); // notifications: the sandbox's pushes
    let sandbox = tradecover_sandbox::router(SandboxConfig {
        seed: config.sandbox_seed,
        coface: SandboxCoface {
            username: config.coface.username.clone(),
            password: config.coface.password.clone(),
            api_key: config.coface.api_key.clone(),
            policy_number: config.coface.policy_number.clone(),
        },
        outbox: outbox.clone(),
        ..SandboxConfig::default()
    });
    let coface_upstream = Upstream::embedded(sandbox.clone(), "/coface");
    let state = Arc::new(AppState {
        coface_auth: CofaceAuth::new(config.coface.clone(), coface_upstream.clone()),
        coface_upstream,
    });
    let mut router = Router::new()
        .route(
            "/health",
            get(|| async { Json(serde_json::json!({"status": "ok"})) }),
        )
        .route("/proxy/{*rest}", any(forward))
        .with_state(Arc::clone(&state))
        .merge(crate::notifications::embedded_sandbox_routes(
            crate::notifications::NotificationSettings::default(),
            state,
            sandbox.clone(),
            &outbox,
        ))
        .route_service(
            "/__sandbox/{*rest}",
            sandbox.into_service::<axum::body::Body>(),
        );
    if let Some(pkg) = config.pkg_dir {
        router = router.nest_service("/pkg", ServeDir::new(pkg));
    }
    if let Some(www) = config.www_dir {
        router = router.fallback_service(ServeDir::new(www));
    }
    router.layer(CompressionLayer::new())
}
