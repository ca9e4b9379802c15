//! Why an Allianz Trade request could not be built from the values given.

use thiserror::Error;

use crate::cover_application::CoverType;
use crate::insurer::Insurer;

/// Every code of [`RequestError::code`].
pub const CODES: &[&str] = &[
    "allianz_trade.wrong_insurer",
    "allianz_trade.unsupported_cover_type",
    "allianz_trade.policy_required",
    "allianz_trade.unknown_buyer",
    "allianz_trade.unsupported_identifier",
    "allianz_trade.no_search_criteria",
    "allianz_trade.invalid_id",
    "allianz_trade.invalid_amount",
];

/// A request the builders refuse to make, before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RequestError {
    /// The application is addressed to another insurer.
    #[error("the application is for {insurer}, not Allianz Trade")]
    WrongInsurer {
        /// The insurer the application names.
        insurer: Insurer,
    },
    /// Allianz Trade's API offers credit limits only.
    #[error("Allianz Trade does not offer {} through its API", cover_type.as_str())]
    UnsupportedCoverType {
        /// The cover type asked for.
        cover_type: CoverType,
    },
    /// A cover request needs the policy triple (business unit, policy, extension).
    #[error("an Allianz Trade cover request needs a policy")]
    PolicyRequired,
    /// The buyer has no Allianz Trade company id yet: create the company first.
    #[error("the buyer has no Allianz Trade company id; create the company first")]
    UnknownBuyer,
    /// Allianz Trade has no identifier type known to tradecover for this kind.
    #[error("Allianz Trade has no identifier type for {kind}")]
    UnsupportedIdentifier {
        /// The identifier kind, e.g. `lei`.
        kind: String,
    },
    /// A company search needs a name or at least one identifier.
    #[error("a company search needs a name or an identifier")]
    NoSearchCriteria,
    /// An id to put in a path is empty or has characters a path segment may not carry.
    #[error("{value:?} is not a valid Allianz Trade id")]
    InvalidId {
        /// The id as given.
        value: String,
    },
    /// The amount is not above zero, or too large to travel exactly as a JSON number.
    #[error("the amount {amount} cannot be requested")]
    InvalidAmount {
        /// The amount, as `1000.50 EUR`.
        amount: String,
    },
}

impl RequestError {
    /// Stable machine code, e.g. `allianz_trade.policy_required`.
    pub fn code(&self) -> &'static str {
        match self {
            RequestError::WrongInsurer { .. } => "allianz_trade.wrong_insurer",
            RequestError::UnsupportedCoverType { .. } => "allianz_trade.unsupported_cover_type",
            RequestError::PolicyRequired => "allianz_trade.policy_required",
            RequestError::UnknownBuyer => "allianz_trade.unknown_buyer",
            RequestError::UnsupportedIdentifier { .. } => "allianz_trade.unsupported_identifier",
            RequestError::NoSearchCriteria => "allianz_trade.no_search_criteria",
            RequestError::InvalidId { .. } => "allianz_trade.invalid_id",
            RequestError::InvalidAmount { .. } => "allianz_trade.invalid_amount",
        }
    }
}

/// `id` as one path segment: trimmed, 1–128 letters, digits, `-`, `_` or `.`, not `.` or `..`
/// (what the proxy's operation allowlist lets through), or [`RequestError::InvalidId`].
pub(super) fn path_segment(id: &str) -> Result<&str, RequestError> {
    let trimmed = id.trim();
    let safe = !trimmed.is_empty()
        && trimmed.len() <= 128
        && trimmed != "."
        && trimmed != ".."
        && trimmed
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if safe {
        Ok(trimmed)
    } else {
        Err(RequestError::InvalidId {
            value: id.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_listed_once() {
        let every = [
            RequestError::WrongInsurer {
                insurer: Insurer::Coface,
            },
            RequestError::UnsupportedCoverType {
                cover_type: CoverType::Indication,
            },
            RequestError::PolicyRequired,
            RequestError::UnknownBuyer,
            RequestError::UnsupportedIdentifier { kind: "lei".into() },
            RequestError::NoSearchCriteria,
            RequestError::InvalidId { value: "/".into() },
            RequestError::InvalidAmount {
                amount: "0.00 EUR".into(),
            },
        ];
        let codes: Vec<&str> = every.iter().map(RequestError::code).collect();
        assert_eq!(codes, CODES);
        assert!(every[1].to_string().contains("indication"));
    }

    #[test]
    fn path_segments_are_checked() {
        assert_eq!(path_segment(" 4f1c-9a_2.b "), Ok("4f1c-9a_2.b"));
        for bad in [
            "",
            " ",
            ".",
            "..",
            "a/b",
            "a?b",
            "a%2e",
            "é",
            &"x".repeat(129),
        ] {
            assert_eq!(
                path_segment(bad).unwrap_err().code(),
                "allianz_trade.invalid_id",
                "{bad}"
            );
        }
    }
}
