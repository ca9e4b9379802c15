//! Notifications from the insurers, received by the proxy and fanned out to browsers.
//!
//! Routes:
//! - `POST /notifications/allianz-trade[?token=…]`: Allianz Trade webhook callbacks
//!   ([`allianz_webhook`]);
//! - `POST /notifications/coface`: Amazon SNS messages for CofaServe, signature-verified
//!   ([`coface_push`]);
//! - `GET /proxy/events?client=…&contract=…|policy=…`: Server-Sent Events to browsers
//!   ([`events_stream`]);
//! - `POST /proxy/coface/notifications/replay`: ask CofaServe to push a missed notification
//!   again ([`coface_replay`]).
//!
//! The routes are served in every configuration ([`proxy_notification_routes`]). When Coface is
//! simulated by the embedded sandbox, SNS is the sandbox's ([`sns_access::EmbeddedSandboxSns`]);
//! otherwise SNS URLs are fetched over HTTPS ([`sns_remote::RemoteSns`]). When the proxy embeds
//! the sandbox, the sandbox's outbox is delivered to the two `/notifications/…` endpoints
//! in-process ([`sandbox_delivery`]).

pub mod allianz_webhook;
pub mod coface_push;
pub mod coface_replay;
pub mod event;
pub mod event_hub;
pub mod events_stream;
pub mod sandbox_delivery;
pub mod seen_ids;
pub mod settings;
pub mod sns_access;
pub mod sns_certificates;
pub mod sns_remote;
pub mod sns_timestamp;

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::routing::{get, post};
use axum::Router;
use tradecover_sandbox::Outbox;

pub use event::{EventKind, NotificationEvent};
pub use event_hub::{EventHub, EVENT_HISTORY};
pub use settings::NotificationSettings;

use crate::app::AppState;
use coface_replay::ReplayLedger;
use seen_ids::{SeenIds, SEEN_IDS_CAPACITY};
use sns_access::{EmbeddedSandboxSns, SnsAccess};
use sns_certificates::SnsCertificates;
use sns_remote::RemoteSns;

/// Everything the notification routes share.
pub struct NotificationState {
    /// The settings.
    pub settings: NotificationSettings,
    /// Numbered events and their subscribers.
    pub hub: EventHub,
    /// Notifications already handled (de-duplication).
    pub seen: SeenIds,
    /// Trusted SNS signing certificates.
    pub certificates: SnsCertificates,
    /// How SNS URLs are reached.
    pub sns: Arc<dyn SnsAccess>,
    /// Replays asked for, per message.
    pub replays: ReplayLedger,
    /// The proxy's Coface session and upstream (for replays).
    pub app: Arc<AppState>,
}

impl NotificationState {
    /// The state for `settings`, reaching SNS through `sns` and Coface through `app`.
    pub fn new(
        settings: NotificationSettings,
        sns: Arc<dyn SnsAccess>,
        app: Arc<AppState>,
    ) -> Self {
        let seen_for = settings
            .max_message_age
            .saturating_add(settings.max_clock_skew)
            .max(Duration::from_secs(1));
        Self {
            certificates: SnsCertificates::new(&settings.certificate_hosts),
            seen: SeenIds::new(SEEN_IDS_CAPACITY, seen_for),
            hub: EventHub::with_history(settings.history_size),
            replays: ReplayLedger::default(),
            settings,
            sns,
            app,
        }
    }
}

/// The notification routes over `state`.
pub fn notification_routes(state: Arc<NotificationState>) -> Router {
    Router::new()
        .route(
            "/notifications/allianz-trade",
            post(allianz_webhook::receive_allianz_trade),
        )
        .route("/notifications/coface", post(coface_push::receive_coface))
        .route("/proxy/events", get(events_stream::events))
        .route(
            "/proxy/coface/notifications/replay",
            post(coface_replay::replay),
        )
        .with_state(state)
}

/// The notification routes of a proxy embedding the sandbox `sandbox`: SNS is the sandbox's,
/// and what the sandbox pushes into `outbox` is delivered to these routes in-process.
pub fn embedded_sandbox_routes(
    settings: NotificationSettings,
    app: Arc<AppState>,
    sandbox: Router,
    outbox: &Outbox,
) -> Router {
    let sns = Arc::new(EmbeddedSandboxSns::new(sandbox));
    let state = Arc::new(NotificationState::new(settings, sns, app));
    sandbox_delivery::start(outbox, Arc::downgrade(&state));
    notification_routes(state)
}

/// The notification routes of the proxy: SNS is the embedded sandbox's when `sandbox` is given
/// and `coface_in_sandbox` (Coface is simulated by it: its certificate is a public test fixture,
/// trusted only then), else Amazon's over HTTPS; what the embedded `sandbox` (if any) pushes into
/// `outbox` is delivered to these routes in-process.
pub fn proxy_notification_routes(
    settings: NotificationSettings,
    app: Arc<AppState>,
    sandbox: Option<&Router>,
    coface_in_sandbox: bool,
    outbox: &Outbox,
) -> Router {
    let sns: Arc<dyn SnsAccess> = match sandbox {
        Some(sandbox) if coface_in_sandbox => Arc::new(EmbeddedSandboxSns::new(sandbox.clone())),
        _ => Arc::new(RemoteSns::new(settings.insecure_sns_endpoint.as_deref())),
    };
    let state = Arc::new(NotificationState::new(settings, sns, app));
    if sandbox.is_some() {
        sandbox_delivery::start(outbox, Arc::downgrade(&state));
    }
    notification_routes(state)
}

/// Milliseconds since the Unix epoch (0 if the clock is before it).
pub fn unix_millis_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}
