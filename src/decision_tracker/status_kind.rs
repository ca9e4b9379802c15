//! The status groups the tracker shows and filters by: the neutral status without the pending
//! reason, plus "unknown" for an insurer code the core does not map.

use tradecover_core::lifecycle::{Outcome, Status};

/// One label per neutral status (pending reasons merged), in the order the filter lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatusKind {
    /// Not sent yet.
    Draft,
    /// Sent, no answer yet.
    Submitted,
    /// The insurer is working on it (any reason).
    Pending,
    /// Granted in full.
    Granted,
    /// Granted in part.
    Partial,
    /// Refused.
    Refused,
    /// Reduced.
    Reduced,
    /// Cancelled.
    Cancelled,
    /// Expired.
    Expired,
    /// Withdrawn.
    Withdrawn,
    /// Replaced by a newer decision.
    Superseded,
    /// A raw code the core does not know.
    Unknown,
}

impl StatusKind {
    /// Every kind, in display order.
    pub const ALL: [StatusKind; 12] = [
        StatusKind::Draft,
        StatusKind::Submitted,
        StatusKind::Pending,
        StatusKind::Granted,
        StatusKind::Partial,
        StatusKind::Refused,
        StatusKind::Reduced,
        StatusKind::Cancelled,
        StatusKind::Expired,
        StatusKind::Withdrawn,
        StatusKind::Superseded,
        StatusKind::Unknown,
    ];

    /// The kind of a neutral status (`None`: unknown code).
    pub fn of(status: Option<Status>) -> Self {
        match status {
            None => StatusKind::Unknown,
            Some(Status::Draft) => StatusKind::Draft,
            Some(Status::Submitted) => StatusKind::Submitted,
            Some(Status::Pending(_)) => StatusKind::Pending,
            Some(Status::Decided(Outcome::Full)) => StatusKind::Granted,
            Some(Status::Decided(Outcome::Partial)) => StatusKind::Partial,
            Some(Status::Decided(Outcome::Refused)) => StatusKind::Refused,
            Some(Status::Reduced) => StatusKind::Reduced,
            Some(Status::Cancelled) => StatusKind::Cancelled,
            Some(Status::Expired) => StatusKind::Expired,
            Some(Status::Withdrawn) => StatusKind::Withdrawn,
            Some(Status::Superseded) => StatusKind::Superseded,
        }
    }

    /// Its key in URLs and attributes, and the suffix of its text `tracker.status_<key>`.
    pub fn key(self) -> &'static str {
        match self {
            StatusKind::Draft => "draft",
            StatusKind::Submitted => "submitted",
            StatusKind::Pending => "pending",
            StatusKind::Granted => "granted",
            StatusKind::Partial => "partial",
            StatusKind::Refused => "refused",
            StatusKind::Reduced => "reduced",
            StatusKind::Cancelled => "cancelled",
            StatusKind::Expired => "expired",
            StatusKind::Withdrawn => "withdrawn",
            StatusKind::Superseded => "superseded",
            StatusKind::Unknown => "unknown",
        }
    }

    /// The kind named `key` (see [`StatusKind::key`]).
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key.trim())
    }
}
