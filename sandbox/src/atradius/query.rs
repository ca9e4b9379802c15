//! Query strings of the Atradius GET calls: only the parameters a call knows are accepted (like
//! Atradius, which answers "Unknown query parameter"), each at most once.

use super::cover::{Cover, CoverType};
use super::error::AtradiusError;
use axum::extract::rejection::QueryRejection;
use axum::extract::Query;

/// The parameters of one call.
#[derive(Debug)]
pub(crate) struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    /// Reads the query, refusing unknown (400 "Unknown query parameter") and repeated ones.
    pub(crate) fn read(
        query: Result<Query<Vec<(String, String)>>, QueryRejection>,
        known: &[&'static str],
    ) -> Result<Self, AtradiusError> {
        let Query(pairs) = query
            .map_err(|_| AtradiusError::bad_request("The query string cannot be read", None))?;
        for (index, (name, _)) in pairs.iter().enumerate() {
            let Some(known) = known.iter().find(|known| *known == name) else {
                return Err(AtradiusError::bad_request(
                    format!("Unknown query parameter {name}"),
                    None,
                ));
            };
            if pairs[..index].iter().any(|(other, _)| other == name) {
                return Err(AtradiusError::bad_request(
                    format!("{name} is given more than once"),
                    Some(known),
                ));
            }
        }
        Ok(Self(pairs))
    }

    /// A parameter, trimmed; `None` when absent or blank.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim())
            .filter(|value| !value.is_empty())
    }

    /// A required parameter; 400 when absent.
    pub(crate) fn required(&self, name: &'static str) -> Result<&str, AtradiusError> {
        self.get(name)
            .ok_or_else(|| AtradiusError::bad_request(format!("{name} is required"), Some(name)))
    }

    /// An optional numeric parameter; 400 when it is not a number.
    pub(crate) fn number(&self, name: &'static str) -> Result<Option<u64>, AtradiusError> {
        self.get(name)
            .map(|value| {
                value
                    .parse()
                    .ok()
                    .filter(|_| value.bytes().all(|b| b.is_ascii_digit()))
                    .ok_or_else(|| {
                        AtradiusError::bad_request(format!("{name} must be a number"), Some(name))
                    })
            })
            .transpose()
    }
}

/// Which covers a list call asks for: the insured (`customerId` and / or `policyId`, one at
/// least), and optionally one buyer and one cover type.
#[derive(Debug)]
pub(crate) struct CoverScope {
    customer_id: Option<u64>,
    policy_id: Option<String>,
    buyer_id: Option<u64>,
    cover_type: Option<CoverType>,
}

/// The parameters every cover list knows.
pub(crate) const COVER_SCOPE_PARAMETERS: [&str; 4] =
    ["customerId", "policyId", "buyerId", "coverType"];

impl CoverScope {
    /// Reads the scope; 400 without `customerId` and `policyId`, or with a bad value.
    pub(crate) fn read(params: &QueryParams) -> Result<Self, AtradiusError> {
        let customer_id = params.number("customerId")?;
        let policy_id = params.get("policyId").map(str::to_owned);
        if customer_id.is_none() && policy_id.is_none() {
            return Err(AtradiusError::bad_request(
                "customerId or policyId is required",
                Some("policyId"),
            ));
        }
        let cover_type = params
            .get("coverType")
            .map(|text| {
                CoverType::parse(text).ok_or_else(|| {
                    AtradiusError::bad_request(
                        "coverType must be credit-limit, credit-check or indication",
                        Some("coverType"),
                    )
                })
            })
            .transpose()?;
        Ok(Self {
            customer_id,
            policy_id,
            buyer_id: params.number("buyerId")?,
            cover_type,
        })
    }

    /// Whether the insured matches (buyer and type aside).
    pub(crate) fn insured(&self, customer_id: u64, policy_id: &str) -> bool {
        self.customer_id.is_none_or(|id| id == customer_id)
            && self.policy_id.as_deref().is_none_or(|id| id == policy_id)
    }

    /// Whether `cover`, of buyer `buyer_id`, is in the scope.
    pub(crate) fn contains(&self, cover: &Cover, buyer_id: u64) -> bool {
        self.insured(cover.policy.customer_id, &cover.policy.policy_id)
            && self.buyer_id.is_none_or(|id| id == buyer_id)
            && self.cover_type.is_none_or(|kind| kind == cover.cover_type)
    }
}
