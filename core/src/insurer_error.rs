//! What can go wrong between the core and an insurer, once the input was valid.

use thiserror::Error;

/// Every code of [`InsurerError::code`].
pub const CODES: &[&str] = &[
    "insurer.unauthorized",
    "insurer.locked_out",
    "insurer.rejected",
    "insurer.unavailable",
    "insurer.malformed",
];

/// An insurer (or the proxy in front of it) did not give the answer the API documents.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum InsurerError {
    /// The insurer refused the credentials the proxy holds (401/403).
    #[error("the insurer refused the credentials (HTTP {status}): {message}")]
    Unauthorized {
        /// HTTP status.
        status: u16,
        /// The insurer's message, if it gave one.
        message: String,
    },
    /// The insurer's login is locked after repeated failures; retry after the lockout.
    #[error("the insurer account is temporarily locked: {message}")]
    LockedOut {
        /// The insurer's message.
        message: String,
    },
    /// The insurer rejected the request as invalid (4xx other than auth).
    #[error("the insurer rejected the request (HTTP {status}, {code}): {message}")]
    Rejected {
        /// HTTP status.
        status: u16,
        /// The insurer's own error code, or empty.
        code: String,
        /// The insurer's message, or empty.
        message: String,
    },
    /// The insurer or the proxy is unavailable or failed (5xx, 429).
    #[error("the insurer is unavailable (HTTP {status})")]
    Unavailable {
        /// HTTP status.
        status: u16,
    },
    /// The answer did not have the documented shape.
    #[error("the insurer's answer could not be read: {reason}")]
    Malformed {
        /// What was wrong with it.
        reason: String,
    },
}

impl InsurerError {
    /// Stable machine code, e.g. `insurer.unavailable`.
    pub fn code(&self) -> &'static str {
        match self {
            InsurerError::Unauthorized { .. } => "insurer.unauthorized",
            InsurerError::LockedOut { .. } => "insurer.locked_out",
            InsurerError::Rejected { .. } => "insurer.rejected",
            InsurerError::Unavailable { .. } => "insurer.unavailable",
            InsurerError::Malformed { .. } => "insurer.malformed",
        }
    }

    /// Whether trying the same request again later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            InsurerError::Unavailable { .. } | InsurerError::LockedOut { .. }
        )
    }
}
