//! A decision for the tracker's unit tests: empty but for what a test sets (by struct update).

use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::{RawStatus, StatusReport};
use tradecover_core::Insurer;

/// A decision of `insurer` with id `id` and buyer id `buyer_id`, no status, no name, no amounts.
pub(crate) fn decision(insurer: Insurer, id: &str, buyer_id: &str) -> Decision {
    Decision {
        insurer,
        id: id.to_owned(),
        buyer_id: buyer_id.to_owned(),
        buyer_name: None,
        buyer_identifiers: Vec::new(),
        product: String::new(),
        requested: None,
        granted: None,
        status: StatusReport {
            status: None,
            raw: RawStatus::new("test", "code"),
        },
        applied_on: None,
        decided_on: None,
        effective_from: None,
        expires_on: None,
        customer_reference: None,
        order_id: None,
        conditions: Vec::new(),
    }
}
