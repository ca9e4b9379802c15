//! # tradecover-proxy
//!
//! The reference proxy between tradecover widgets and the insurers: the browser calls
//! `{base}/{insurer}/{insurer path}`, the proxy checks the call against the operations the core
//! knows, adds the insurer's authentication (which only the proxy holds) and forwards it to the
//! configured upstream (the embedded sandbox, a named UAT/production base, or a URL). It also
//! serves the demo portal and the built npm package. See `proxy/README.md` for the contract.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod access_log;
pub mod allianz_callback;
pub mod allowlist;
pub mod app;
pub mod auth;
pub mod clock;
pub mod config;
pub mod config_load;
pub mod config_notifications;
pub mod forward;
pub mod framing;
pub mod guard;
pub mod metrics;
pub mod notifications;
pub mod origin;
pub mod problem;
pub mod rate_limit;
pub mod remote;
pub mod request_target;
pub mod serve;
pub mod timestamp;
pub mod upstream;

pub use app::{app, app_with_metrics};
pub use clock::Clock;
pub use config::ProxyConfig;
pub use serve::{serve, shutdown_signal};
