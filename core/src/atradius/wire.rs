//! Atradius Cover API wire names and JSON shapes. Nothing outside `atradius` sees these.
//!
//! Sources, in order: the Atradius Cover API handbook (seed 001), then the reference
//! (`insurer-apis.md` §2, §7), which draws on two independent clients that ran against the real
//! API (🟢) or one of them (🟡). Names that nothing public shows were chosen here, in the style of
//! the documented ones, and are marked **chosen** below; they are the first thing to check against
//! the handbook behind Atradius' developer-portal login.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use serde::Deserialize;

use super::each_item::{EnvelopeSeed, ItemsSeed};
use crate::insurer_error::InsurerError;

// ---- Paths (relative to `https://api.atradius.com` or `https://api-uat.atradius.com`) ----

/// Token: Basic(client id, secret) + app key, empty body (🟢).
pub(super) const TOKEN_PATH: &str = "/authenticate/v2/tokens";
/// Buyers by national identifier: `country` (ISO alpha-3), `uid`, `uidType` (🟢).
pub(super) const BUYERS_PATH: &str = "/credit-insurance/organisation-management/v1/buyers";
/// Prefix of one buyer: `…/buyers/{buyerId}` (🟢).
pub(super) const BUYER_PATH_PREFIX: &str = "/credit-insurance/organisation-management/v1/buyers/";
/// Pattern of one buyer, for the proxy allowlist.
pub(super) const BUYER_PATH: &str = "/credit-insurance/organisation-management/v1/buyers/{buyerId}";
/// The policy's buyers with their rating "health" (🟢).
pub(super) const MY_BUYERS_PATH: &str =
    "/credit-insurance/organisation-management/v1/buyers/my-buyers";
/// Covers: GET the portfolio, POST a new application, PUT a modification (🟢).
pub(super) const COVERS_PATH: &str = "/credit-insurance/cover-management/v1/covers";
/// Decided covers, filter `fromDate` (🟢 path; the filter is seen in one client only).
pub(super) const DECISIONS_PATH: &str = "/credit-insurance/cover-management/v1/covers/decisions";
/// Applications not decided yet (🟡).
pub(super) const APPLICATIONS_PATH: &str =
    "/credit-insurance/cover-management/v1/covers/applications";
/// Historic covers (🟡).
pub(super) const HISTORIC_PATH: &str = "/credit-insurance/cover-management/v1/covers/historic";
/// Prefix of a cover's resources: `…/covers/{coverId}/cover-type`.
pub(super) const COVER_PATH_PREFIX: &str = "/credit-insurance/cover-management/v1/covers/";
/// Suffix of the conversion resource (🟡, path seen in one client).
pub(super) const COVER_TYPE_SUFFIX: &str = "/cover-type";
/// Pattern of the conversion resource, for the proxy allowlist.
pub(super) const COVER_TYPE_PATH: &str =
    "/credit-insurance/cover-management/v1/covers/{coverId}/cover-type";
/// **Chosen**: batch of applications. The handbook announces "batch processing of cover
/// requests" without a path; this one follows the `covers/<collection>` style of the others.
pub(super) const BATCH_PATH: &str = "/credit-insurance/cover-management/v1/covers/batch";

// ---- Headers ----

/// `Authorization` (Basic for the token, Bearer for the calls).
pub(super) const AUTHORIZATION_HEADER: &str = "Authorization";
/// The application key, on every call including the token (🟢).
pub(super) const APP_KEY_HEADER: &str = "Atradius-App-Key";
/// A UUID per call, which Atradius uses to trace it (🟢).
pub(super) const CORRELATION_HEADER: &str = "Atradius-Correlation-Id";
/// `accept`.
pub(super) const ACCEPT_HEADER: &str = "accept";
/// `content-type`.
pub(super) const CONTENT_TYPE_HEADER: &str = "content-type";
/// The media type of every body.
pub(super) const JSON: &str = "application/json";

// ---- Query parameters ----

/// Insured's numeric organisation id (🟢).
pub(super) const CUSTOMER_ID: &str = "customerId";
/// Policy id (🟢).
pub(super) const POLICY_ID: &str = "policyId";
/// Buyer id (🟢).
pub(super) const BUYER_ID: &str = "buyerId";
/// Cover type (🟢).
pub(super) const COVER_TYPE: &str = "coverType";
/// Buyer country, ISO 3166-1 alpha-3 (🟢).
pub(super) const COUNTRY: &str = "country";
/// Buyer national identifier value (🟢).
pub(super) const UID: &str = "uid";
/// Buyer national identifier type (🟡 list, 🟢 `SN`).
pub(super) const UID_TYPE: &str = "uidType";
/// Decisions since, `YYYY-MM-DDTHH:MM:SS` (🟡).
pub(super) const FROM_DATE: &str = "fromDate";
/// My-buyers: rating moved `up` or `down` (🟡).
pub(super) const HEALTH_CHANGE: &str = "healthChange";
/// My-buyers: rating updated after (🟡; date format not public, `YYYY-MM-DD` **chosen**).
pub(super) const RATING_UPDATED_AFTER: &str = "buyerRatingUpdatedAfter";
/// My-buyers: rating updated before (🟡; as above).
pub(super) const RATING_UPDATED_BEFORE: &str = "buyerRatingUpdatedBefore";

// ---- Body fields and values ----

/// Currency of the amount applied for (🟢).
pub(super) const CURRENCY_CODE: &str = "currencyCode";
/// Amount applied for, whole major units, multiple of 1000 (🟢).
pub(super) const CREDIT_LIMIT_AMOUNT: &str = "creditLimitAmount";
/// The seller's reference for the buyer (🟢).
pub(super) const CUSTOMER_REF_NUMBER: &str = "customerRefNumber";
/// Modification action (🟡).
pub(super) const ACTION: &str = "action";
/// Batch body: the applications, in the envelope style of the answers (**chosen**).
pub(super) const DATA: &str = "data";

/// `coverType` of a credit limit (🟢).
pub(super) const CREDIT_LIMIT: &str = "credit-limit";
/// `coverType` of a credit check: fixed policy amount, no amount or currency sent (🟢).
pub(super) const CREDIT_CHECK: &str = "credit-check";
/// **Chosen**: `coverType` of an indication. No client shows it; kebab case like the other two.
pub(super) const INDICATION: &str = "indication";

/// `action` increasing or replacing a cover (🟡).
pub(super) const SUPERSEDE: &str = "supersede";
/// `action` reducing a cover (🟡).
pub(super) const REDUCE: &str = "reduce";
/// `action` cancelling a cover (🟡).
pub(super) const CANCEL: &str = "cancel";
/// **Chosen**: `action` updating the customer reference only. The handbook lists the
/// operation; no client shows its action name.
pub(super) const UPDATE_REFERENCE: &str = "update-reference";

/// `response` text of a refused action (🟡).
pub(super) const REFUSED_RESPONSE: &str = "Action has been refused.";
/// Error `detail` of a buyer search without a hit (🟡).
pub(super) const NO_BUYER_MATCH: &str = "No buyer match found";

// ---- Answers ----

/// A scalar the API sends as a number or as a string (ids, amounts, `expires_in`): kept as
/// trimmed text. `null` is handled by `Option`. Booleans, arrays and objects are refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Scalar(pub String);

impl Scalar {
    /// The text, or `None` when blank.
    pub fn text(&self) -> Option<&str> {
        Some(self.0.as_str()).filter(|text| !text.is_empty())
    }
}

/// The text of an optional scalar, `None` when absent or blank.
pub(super) fn scalar_text(value: &Option<Scalar>) -> Option<&str> {
    value.as_ref().and_then(Scalar::text)
}

/// An optional string trimmed, `None` when absent or blank.
pub(super) fn text(value: &Option<String>) -> Option<&str> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

/// [`scalar_text`] of a scalar given away: its string itself, not a copy.
pub(super) fn owned_scalar(value: Option<Scalar>) -> Option<String> {
    value.map(|scalar| scalar.0).filter(|text| !text.is_empty())
}

/// [`text`] of a string given away: the string itself when it needs no trimming.
pub(super) fn owned_text(value: Option<String>) -> Option<String> {
    let value = value?;
    match value.trim() {
        "" => None,
        trimmed if trimmed.len() == value.len() => Some(value),
        trimmed => Some(trimmed.to_owned()),
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;

        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a string")
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Scalar, E> {
                Ok(Scalar(value.trim().to_owned()))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Scalar, E> {
                Ok(Scalar(value.to_string()))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Scalar, E> {
                Ok(Scalar(value.to_string()))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Scalar, E> {
                if value.is_finite() {
                    // Rust prints floats without exponent: 50000.0 → "50000", 0.5 → "0.5".
                    Ok(Scalar(value.to_string()))
                } else {
                    Err(E::custom("a non-finite number"))
                }
            }
        }

        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// `data` as the API sends it: an array (even for one id), sometimes a single object.
/// `null` is an empty list.
#[derive(Debug)]
pub(super) struct OneOrMany<T>(pub Vec<T>);

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (mut keep, mut failure) = (Ok::<T, InsurerError>, None);
        ItemsSeed::new(&mut keep, &mut failure)
            .deserialize(deserializer)
            .map(OneOrMany)
    }
}

/// Every answer: `{"data": …}`; an absent `data` is an empty list. A bare array (seen once by a
/// client) is the list itself.
#[derive(Debug)]
pub(super) struct Envelope<T> {
    pub data: OneOrMany<T>,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Envelope<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (mut keep, mut failure) = (Ok::<T, InsurerError>, None);
        EnvelopeSeed(ItemsSeed::new(&mut keep, &mut failure))
            .deserialize(deserializer)
            .map(|items| Envelope {
                data: OneOrMany(items),
            })
    }
}

/// The token answer's `data` (🟢 snake case; the older v1 answer used `accessToken`).
#[derive(Debug, Default, Deserialize)]
pub(super) struct TokenBody {
    pub access_token: Option<String>,
    #[serde(rename = "accessToken")]
    pub access_token_v1: Option<String>,
    pub token_type: Option<String>,
    pub expires_in: Option<Scalar>,
    #[serde(rename = "expiresIn")]
    pub expires_in_v1: Option<Scalar>,
}

/// The token answer, with its `data` envelope or (tolerated) without.
#[derive(Debug, Deserialize)]
pub(super) struct TokenAnswer {
    pub data: Option<TokenBody>,
    #[serde(flatten)]
    pub bare: TokenBody,
}

/// One error of `{"errors": [{"detail", "source": {"parameter"}}]}` (🟢); the JSON:API members
/// `title`, `code` and `source.pointer` are read too when present.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ErrorItem {
    pub detail: Option<String>,
    pub title: Option<String>,
    pub code: Option<Scalar>,
    pub source: Option<ErrorSource>,
}

/// Where an error points.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ErrorSource {
    pub parameter: Option<String>,
    pub pointer: Option<String>,
}

/// An error answer. `message` is what API gateways answer before the API itself.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ErrorBody {
    #[serde(default)]
    pub errors: OneOrMany<ErrorItem>,
    pub message: Option<String>,
}

/// An identifier of a buyer (🟢).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct UniqueIdentifierBody {
    pub uid: Option<Scalar>,
    pub uid_type: Option<String>,
}

/// **Chosen**: a buyer's `registeredAddress` (the field is 🟡; its members are not public).
/// Each member is read under the names an address commonly has; the first non-blank wins.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct AddressBody {
    pub street: Option<String>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub city: Option<String>,
    pub town: Option<String>,
    pub post_code: Option<String>,
    pub postal_code: Option<String>,
    pub region: Option<String>,
    pub state: Option<String>,
    pub country_code: Option<String>,
    pub country: Option<String>,
}

/// A buyer of `buyers`, `buyers/{id}` and `buyers/my-buyers`. The name's field is not
/// confirmed: `buyerName` (as on covers) is read first, then other common names.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct BuyerBody {
    pub buyer_id: Option<Scalar>,
    pub buyer_name: Option<String>,
    pub name: Option<String>,
    pub organisation_name: Option<String>,
    pub legal_name: Option<String>,
    pub unique_identifiers: Option<Vec<UniqueIdentifierBody>>,
    pub registered_address: Option<AddressBody>,
}

/// A condition of a decision (🟢).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ConditionBody {
    pub condition_code: Option<Scalar>,
    pub condition_description: Option<String>,
    pub condition_category_description: Option<String>,
}

/// `totalDecision`, `firstAmtDecision`, `secondAmtDecision` (🟢).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct AmountDecisionBody {
    pub decision_amt_in_policy_currency: Option<Scalar>,
    pub decision_expiry_date: Option<String>,
    pub decision_conditions: Option<Vec<ConditionBody>>,
}

/// A cover of `covers`, `covers/decisions`, `covers/applications`, `covers/historic`, and an
/// item of the answer to POST / PUT covers (`coverId` + `response`), which may carry any of the
/// cover's fields. Every field is optional; which are required is decided by the parser.
/// `status` and `errors` are the per-item members of the (**chosen**) batch answer.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CoverBody {
    pub cover_id: Option<Scalar>,
    pub buyer_id: Option<Scalar>,
    pub buyer_name: Option<String>,
    pub unique_identifiers: Option<Vec<UniqueIdentifierBody>>,
    pub cover_type: Option<String>,
    pub cover_status: Option<String>,
    pub decision_code: Option<String>,
    pub historic_code: Option<String>,
    pub pending_process_indicator: Option<String>,
    pub policy_currency_code: Option<String>,
    pub credit_limit_application_amount_in_policy_currency: Option<Scalar>,
    pub total_decision: Option<AmountDecisionBody>,
    pub first_amt_decision: Option<AmountDecisionBody>,
    pub second_amt_decision: Option<AmountDecisionBody>,
    pub application_date: Option<String>,
    pub decision_date: Option<String>,
    pub effect_from_date: Option<String>,
    pub withdrawal_date: Option<String>,
    pub effective_to_date: Option<String>,
    pub customer_ref_number: Option<Scalar>,
    pub response: Option<String>,
    pub status: Option<Scalar>,
    pub errors: Option<OneOrMany<ErrorItem>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_texts_are_trimmed_and_blank_is_none() {
        let owned = |value: Option<&str>| owned_text(value.map(str::to_owned));
        assert_eq!(owned(Some("Acme SA")), Some("Acme SA".to_owned()));
        assert_eq!(owned(Some("  Acme SA \n")), Some("Acme SA".to_owned()));
        assert_eq!(owned(Some(" \t ")), None);
        assert_eq!(owned(None), None);
        assert_eq!(
            owned_scalar(Some(Scalar("42".into()))),
            Some("42".to_owned())
        );
        assert_eq!(owned_scalar(Some(Scalar(String::new()))), None);
        assert_eq!(owned_scalar(None), None);
    }

    #[test]
    fn scalars_accept_numbers_and_strings() {
        let read = |json: &str| serde_json::from_str::<Scalar>(json).map(|s| s.0);
        assert_eq!(read("11223344").unwrap(), "11223344");
        assert_eq!(read("-5").unwrap(), "-5");
        assert_eq!(read("50000.0").unwrap(), "50000");
        assert_eq!(read("0.25").unwrap(), "0.25");
        assert_eq!(read(r#"" 50000 ""#).unwrap(), "50000");
        assert_eq!(read(r#""""#).unwrap(), "");
        assert!(read("true").is_err());
        assert!(read("[1]").is_err());
        assert!(read("{}").is_err());
    }

    #[test]
    fn data_is_an_array_an_object_or_nothing() {
        #[derive(Debug, Deserialize)]
        struct Item {
            a: u8,
        }
        let read = |json: &str| {
            serde_json::from_str::<Envelope<Item>>(json).map(|envelope| {
                envelope
                    .data
                    .0
                    .iter()
                    .map(|item| item.a)
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(read(r#"{"data":[{"a":1},{"a":2}]}"#).unwrap(), [1, 2]);
        assert_eq!(read(r#"{"data":{"a":3}}"#).unwrap(), [3]);
        assert_eq!(read(r#"{"data":null}"#).unwrap(), [0u8; 0]);
        assert_eq!(read(r#"{"other":1}"#).unwrap(), [0u8; 0]);
        assert_eq!(read(r#"[{"a":4}]"#).unwrap(), [4]);
        assert!(read("null").is_err());
        assert!(read("3").is_err());
        assert!(read(r#"{"data":"x"}"#).is_err());
        assert!(read(r#"{"data":[{"a":"x"}]}"#).is_err());
    }
}
