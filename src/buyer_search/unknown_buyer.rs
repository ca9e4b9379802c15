//! The detail of the `tradecover-unknown-buyer` event: the insurer found nothing and the user
//! asks to go on with a company it does not know yet.

use serde::Serialize;

/// What the user searched when the insurer found nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnknownBuyer {
    /// The name searched (blanks collapsed), or the text when it was searched only as an
    /// identifier.
    pub name: String,
    /// Country searched, ISO 3166-1 alpha-2.
    pub country: String,
    /// The text as typed.
    pub text: String,
}
