//! The insured's keys that scope every cover call, and the checks on Atradius ids.

use serde::{Deserialize, Serialize};

use super::request_error::AtradiusRequestError;
use super::wire::{ACCEPT_HEADER, CUSTOMER_ID, JSON, POLICY_ID};
use crate::http_request::{HttpRequest, Method};

/// The insured at Atradius: its numeric organisation id (`customerId`, required in every
/// application body) and its policy (`policyId`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AtradiusPolicy {
    /// The insured's organisation id (`customerId`).
    pub customer_id: u64,
    /// The policy id (`policyId`).
    pub policy_id: String,
}

impl AtradiusPolicy {
    /// The policy id, trimmed, or [`AtradiusRequestError::PolicyRequired`] when blank.
    pub(super) fn policy_id(&self) -> Result<&str, AtradiusRequestError> {
        Some(self.policy_id.trim())
            .filter(|id| !id.is_empty())
            .ok_or(AtradiusRequestError::PolicyRequired)
    }

    /// A GET of `path` scoped to the insured: `customerId` and `policyId` first.
    pub(super) fn get(&self, path: impl Into<String>) -> Result<HttpRequest, AtradiusRequestError> {
        Ok(HttpRequest::new(Method::Get, path)
            .with_query(CUSTOMER_ID, self.customer_id.to_string())
            .with_query(POLICY_ID, self.policy_id()?)
            .with_header(ACCEPT_HEADER, JSON))
    }
}

/// An Atradius buyer id (a number; leading zeros are not significant) as a number.
pub(super) fn buyer_id(text: &str) -> Result<u64, AtradiusRequestError> {
    number(text).ok_or_else(|| AtradiusRequestError::BuyerIdInvalid {
        value: text.to_owned(),
    })
}

/// An Atradius cover id (a number) in canonical decimal form, safe as a path segment.
pub(super) fn cover_id(text: &str) -> Result<String, AtradiusRequestError> {
    number(text)
        .map(|id| id.to_string())
        .ok_or_else(|| AtradiusRequestError::CoverIdInvalid {
            value: text.to_owned(),
        })
}

fn number(text: &str) -> Option<u64> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_numbers() {
        assert_eq!(buyer_id(" 11223344 "), Ok(11_223_344));
        assert_eq!(buyer_id("0042"), Ok(42));
        for bad in ["", "12a", "-1", "+1", "1.0", "99999999999999999999", "１２"] {
            assert_eq!(
                buyer_id(bad).unwrap_err().code(),
                "atradius.buyer_id_invalid",
                "{bad}"
            );
        }
        assert_eq!(cover_id("007"), Ok("7".into()));
        assert_eq!(
            cover_id("../x").unwrap_err().code(),
            "atradius.cover_id_invalid"
        );
    }

    #[test]
    fn scoped_gets() {
        let policy = AtradiusPolicy {
            customer_id: 10_000_001,
            policy_id: " P-1 ".into(),
        };
        let request = policy.get("/x").unwrap();
        assert_eq!(
            request.path_and_query(),
            "/x?customerId=10000001&policyId=P-1"
        );
        let blank = AtradiusPolicy {
            customer_id: 1,
            policy_id: " ".into(),
        };
        assert_eq!(blank.get("/x"), Err(AtradiusRequestError::PolicyRequired));
    }
}
