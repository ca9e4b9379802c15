//! What the form reports once the insurer accepted an application.

use std::collections::BTreeMap;

use serde::Serialize;
use tradecover_core::Insurer;

/// The detail of `tradecover-submitted`: the insurer, the keys it gave the application
/// (`orderId`, `coverId`, `jobId`, `buyerId`, … as that insurer has them) and the idempotency
/// key the application was sent with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Submitted {
    /// The insurer.
    pub insurer: Insurer,
    /// The insurer's keys of the application.
    pub references: BTreeMap<String, String>,
    /// The key sent as `idempotency-key`.
    pub idempotency_key: String,
}
