//! # tradecover
//!
//! Trade credit insurance widgets for any web portal, written in Rust with Leptos and compiled to
//! WebAssembly. Use them as Leptos components ([`BuyerSearch`]), as custom elements
//! (`<tradecover-buyer-search>`, registered by the npm package's `tradecover/define` entry), or
//! through the JS mount API ([`mount_buyer_search`]).
//!
//! Every insurer call goes to the customer's proxy (`proxy` attribute), which holds the insurer
//! credentials; the browser never does. The rules, requests and parsing live in
//! [`tradecover_core`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod buyer_search;
pub mod cover_form;
pub mod decision_tracker;
pub mod js_api;
pub mod proxy_client;
mod stylesheet;
pub mod text_overrides;
pub mod validation_api;
pub mod widget_error;

pub use buyer_search::BuyerSearch;
pub use buyer_search::UnknownBuyer;
pub use cover_form::CoverRequestForm;
pub use decision_tracker::DecisionTracker;
pub use js_api::cover_form::{mount_cover_form, CoverFormHandle};
pub use js_api::decision_tracker::{mount_decision_tracker, DecisionTrackerHandle};
pub use js_api::{mount_buyer_search, WidgetHandle};
pub use proxy_client::ProxyClient;
pub use text_overrides::TextOverrides;
pub use tradecover_core as core;
pub use widget_error::WidgetError;
