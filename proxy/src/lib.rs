//! # tradecover-proxy
//!
//! The reference proxy between tradecover widgets and the insurers: the browser calls
//! `{base}/{insurer}/{insurer path}`, the proxy checks the call against the operations the core
//! knows, adds the insurer's authentication (which only the proxy holds) and forwards it. It also
//! serves the demo portal and the built npm package. See `proxy/README.md` for the contract.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod app;
pub mod coface_auth;
pub mod config;
pub mod forward;
pub mod notifications;
pub mod problem;
pub mod upstream;

pub use app::app;
pub use config::ProxyConfig;
