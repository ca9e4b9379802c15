//! # tradecover-core
//!
//! The pure heart of tradecover: the neutral trade credit insurance domain model, validation of
//! what people type, and each insurer's requests and responses as plain values. No IO and no
//! clock: time is passed in. The proxy and the widgets are thin shells around it.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "allianz_trade")]
pub mod allianz_trade;
#[cfg(feature = "atradius")]
pub mod atradius;
pub mod buyer;
pub mod buyer_query;
pub mod civil_date;
#[cfg(feature = "coface")]
pub mod coface;
pub mod country;
pub mod cover_application;
pub mod currency;
pub mod decision;
pub mod field;
pub mod http_request;
pub mod http_response;
pub mod identifier;
pub mod insurer;
pub mod insurer_error;
pub mod lifecycle;
pub mod locale;
pub mod messages;
pub mod money;
pub mod operation;
pub mod validation_error;
pub mod widget_text;

pub use buyer::{Address, Buyer, Establishment, Identifier};
pub use buyer_query::BuyerQuery;
pub use country::Country;
pub use http_request::{HttpRequest, Method};
pub use insurer::Insurer;
pub use insurer_error::InsurerError;
pub use operation::Operation;
pub use validation_error::ValidationError;
