//! The one neutral status every insurer's raw statuses map onto.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why an application is waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PendingReason {
    /// An underwriter is assessing the buyer.
    Underwriting,
    /// The insurer is identifying the buyer (unknown buyer, temporary Coface "Z" EASY number).
    Identification,
    /// The insurer needs more information from the seller.
    ComplementaryInformation,
    /// Waiting, no reason given (on hold, queued, job in progress).
    OnHold,
}

/// What the insurer decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// Granted as requested.
    Full,
    /// Granted for less than requested, or with conditions.
    Partial,
    /// Refused.
    Refused,
}

/// Where an application or a decision stands, whatever the insurer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "state", content = "detail")]
pub enum Status {
    /// Being written; not sent.
    Draft,
    /// Sent; the insurer has not answered with a status yet.
    Submitted,
    /// The insurer is working on it.
    Pending(PendingReason),
    /// The insurer decided.
    Decided(Outcome),
    /// A decision in force was reduced (by the insurer or at the seller's request).
    Reduced,
    /// Cancelled by the insurer (or under cancellation).
    Cancelled,
    /// The decision reached its expiry date.
    Expired,
    /// Withdrawn or deleted by the seller (or under withdrawal).
    Withdrawn,
    /// Replaced by a newer decision on the same buyer (increase, change of product).
    Superseded,
}

impl Status {
    /// Whether nothing more will happen to this application or decision.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Decided(Outcome::Refused)
                | Status::Cancelled
                | Status::Expired
                | Status::Withdrawn
                | Status::Superseded
        )
    }

    /// Whether cover is in force (granted, possibly reduced).
    pub fn is_in_force(self) -> bool {
        matches!(
            self,
            Status::Decided(Outcome::Full | Outcome::Partial) | Status::Reduced
        )
    }

    /// Whether the insurer is still to decide.
    pub fn is_waiting(self) -> bool {
        matches!(self, Status::Submitted | Status::Pending(_))
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Pending(PendingReason::Underwriting) => "pending (underwriting)",
            Status::Pending(PendingReason::Identification) => "pending (identification)",
            Status::Pending(PendingReason::ComplementaryInformation) => {
                "pending (complementary information)"
            }
            Status::Pending(PendingReason::OnHold) => "pending (on hold)",
            Status::Decided(Outcome::Full) => "decided (full)",
            Status::Decided(Outcome::Partial) => "decided (partial)",
            Status::Decided(Outcome::Refused) => "decided (refused)",
            Status::Reduced => "reduced",
            Status::Cancelled => "cancelled",
            Status::Expired => "expired",
            Status::Withdrawn => "withdrawn",
            Status::Superseded => "superseded",
        };
        f.write_str(text)
    }
}

/// An insurer's own status code, kept for display next to the neutral status: the scheme it
/// belongs to (e.g. `coface.delivery`, `atradius.decisionCode`, `allianz_trade.job`) and the
/// code as received.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RawStatus {
    /// Which list of codes this comes from, e.g. `coface.order`.
    pub scheme: String,
    /// The code as the insurer sent it, e.g. `STATUS_PENDING_UNDERWRITING`.
    pub code: String,
}

impl RawStatus {
    /// A raw status of `scheme` with `code`.
    pub fn new(scheme: &str, code: &str) -> Self {
        Self {
            scheme: scheme.to_owned(),
            code: code.to_owned(),
        }
    }
}

/// A raw status and the neutral status it maps to; `status` is `None` for a code the mapping
/// does not know (shown raw, never rejected).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusReport {
    /// The neutral status, if the raw code is known.
    pub status: Option<Status>,
    /// The insurer's code.
    pub raw: RawStatus,
}
