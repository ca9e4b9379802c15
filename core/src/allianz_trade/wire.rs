//! Allianz Trade JSON shapes and header names, exactly as the API names them. Nothing outside
//! `allianz_trade` sees these.
//!
//! Sources, by confidence (see `shared/reference/insurer-apis.md` §1 and §7):
//! - documented by Allianz Trade (seed `000_a5dc94a72971bd77.txt`): the token call, the
//!   advancedSearch body (`companyName`, `countryCode` as ISO **alpha-2** `"FR"`, `pageSize`),
//!   the webhook callback JSON (`callbackUrl`, `timeToLive`, `extendedNotification`), job ids and
//!   `ressourceUrl`;
//! - seen in third-party clients: `matching` (`requestedSize`, `companyIdentifiers[{idTypeCode,
//!   idValue}]`, `minimumScore`, `companyIdentifierTypeCode: "EH"`), the search answer
//!   (`results[].company.{companyId, legalData.companyName, address.{streetName, town,
//!   countryCode, postCodes[].postCodeValue}}`), Cover V3 (`requestTypeCode`, `policy`,
//!   `creditLimitDetails`, `companyId`, `isRequestUrgent`), `jobStatusCode`/`resourceUrl`,
//!   `creditLimitsAggregation.creditLimits[].{technicalDecisionStatusCode, amount, startDate}`,
//!   the searches' `pagination{page, pageSize, isTotalRequired}` and cover-request items
//!   (`requestId, coverId, creationDate, lastUpdateDate, creditLimitDetails`);
//! - **chosen here** (nothing public; named in the style above, marked "chosen" on each item):
//!   the `callback` header name, the cover's own fields beyond those above, the page envelope,
//!   the notification wrapper, the company-creation body, the error body and the `idTypeCode`
//!   values (see `identifier_types`).

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

/// Header of the JSON requests (documented).
pub(super) const CONTENT_TYPE_HEADER: &str = "Content-Type";
/// Content type of every body.
pub(super) const JSON: &str = "application/json";
/// Header carrying the bearer token (documented).
pub(super) const AUTHORIZATION_HEADER: &str = "Authorization";
/// Header carrying the Base64 webhook settings. **Chosen**: Allianz Trade's public pages do not
/// name it ("include it in the header according to the API specification"); `callback` is the
/// name commonly reported, unconfirmed.
pub(super) const CALLBACK_HEADER: &str = "callback";

/// `token_type` of a bearer token.
pub(super) const BEARER: &str = "Bearer";
/// `requestTypeCode` of a credit limit request (third-party clients).
pub(super) const REQUEST_TYPE_PRIMARY: &str = "Primary";
/// `requestTypeCode` of the cancellation of a cover. **Chosen**: Allianz Trade publishes no
/// value besides `Primary` and `GradeCover`; named after UN/EDIFACT 4505 code 6 "cancellation".
pub(super) const REQUEST_TYPE_CANCELLATION: &str = "Cancellation";
/// `companyIdentifierTypeCode` asking matching to return Allianz Trade (EH) ids.
pub(super) const EH_ID_TYPE: &str = "EH";
/// `communicationChannels[].typeCode` of a phone number (third-party clients).
pub(super) const PHONE_NUMBER: &str = "PHONE_NUMBER";
/// Product name of a decision when the answer names none (the Cover V2 `coverTypeCode`).
pub(super) const DEFAULT_PRODUCT: &str = "CreditLimit";

/// Response headers of the page totals. **Chosen** from the pagination summary of Allianz's
/// design guidelines (names only corroborated by a synthetic profile).
pub(super) const TOTAL_ITEMS_HEADER: &str = "Total-Items";
/// See [`TOTAL_ITEMS_HEADER`].
pub(super) const TOTAL_PAGES_HEADER: &str = "Total-Pages";

// ---------------------------------------------------------------------------------------------
// Lenient scalars
// ---------------------------------------------------------------------------------------------

/// A scalar read as text, whatever JSON type it arrived as: a string as is, a number in its
/// decimal form, a boolean as `true`/`false`; `null` is no text. Objects and arrays are refused.
/// Amounts, ids and dates go through it, so that `50000`, `"50000"` and `""` are all read. A
/// JSON number with a fraction or an exponent also keeps its `f64`, which amounts read rather
/// than its text (see `amount`).
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Loose {
    text: Option<String>,
    float: Option<f64>,
}

impl Loose {
    /// A scalar that arrived as the string `text`.
    #[cfg(test)]
    pub fn from_text(text: &str) -> Self {
        Self {
            text: Some(text.to_owned()),
            float: None,
        }
    }

    /// A scalar that arrived as the JSON number `value`, with a fraction or an exponent.
    #[cfg(test)]
    pub fn from_float(value: f64) -> Self {
        Self {
            text: Some(value.to_string()),
            float: Some(value),
        }
    }

    /// The text, trimmed; `None` when absent or blank.
    pub fn text(&self) -> Option<&str> {
        self.text
            .as_deref()
            .map(str::trim)
            .filter(|text| !text.is_empty())
    }

    /// The value, when it arrived as a JSON number with a fraction or an exponent.
    pub fn float(&self) -> Option<f64> {
        self.float
    }
}

/// `text` trimmed, `None` when absent or blank.
pub(super) fn non_blank(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|text| !text.is_empty())
}

/// Trimmed non-blank text of an optional [`Loose`].
pub(super) fn loose_text(value: &Option<Loose>) -> Option<&str> {
    value.as_ref().and_then(Loose::text)
}

struct LooseVisitor;

fn text(text: String) -> Loose {
    Loose {
        text: Some(text),
        float: None,
    }
}

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, a number, a boolean or null")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Loose, E> {
        Ok(text(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Loose, E> {
        Ok(text(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Loose, E> {
        Ok(text(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Loose, E> {
        Ok(text(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Loose, E> {
        // `Display` of an `f64` is its shortest round-trip decimal, never in exponent form.
        Ok(Loose {
            text: Some(value.to_string()),
            float: Some(value),
        })
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Loose, E> {
        Ok(text(value.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::default())
    }

    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::default())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Loose, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
}

/// Reads `null` as the default value (an empty list), as a missing field is.
pub(super) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

// ---------------------------------------------------------------------------------------------
// Token
// ---------------------------------------------------------------------------------------------

/// `POST /v1/idp/oauth2/authorize` body (documented).
#[derive(Debug, Serialize)]
pub(super) struct TokenRequestBody<'a> {
    #[serde(rename = "apiKey")]
    pub api_key: &'a str,
}

/// Token answer (documented; snake_case as Allianz Trade writes it).
#[derive(Debug, Deserialize)]
pub(super) struct TokenBody {
    #[serde(default)]
    pub access_token: Option<String>,
    #[serde(default)]
    pub token_type: Option<String>,
    #[serde(default)]
    pub expires_in: Option<Loose>,
}

// ---------------------------------------------------------------------------------------------
// Company search, matching and creation
// ---------------------------------------------------------------------------------------------

/// Body of `advancedSearch` and `matching`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SearchBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub town: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<&'a str>,
    pub country_code: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub company_identifiers: Vec<IdentifierBody>,
    /// advancedSearch only (documented).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    /// matching only (third-party clients).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requested_size: Option<u32>,
    /// matching only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_score: Option<u32>,
    /// matching only: which identifier the answer carries (`EH`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_identifier_type_code: Option<&'a str>,
}

/// `companyIdentifiers[]` item, sent.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct IdentifierBody {
    pub id_type_code: &'static str,
    pub id_value: String,
}

/// Search and matching answer.
#[derive(Debug, Deserialize)]
pub(super) struct SearchResultsBody {
    #[serde(default, deserialize_with = "null_as_default")]
    pub results: Vec<SearchResultBody>,
}

/// One hit. `score` is **chosen** (matching takes a `minimumScore`, so hits carry one).
#[derive(Debug, Deserialize)]
pub(super) struct SearchResultBody {
    #[serde(default)]
    pub company: Option<CompanyBody>,
    #[serde(default)]
    pub score: Option<Loose>,
}

/// A company as search returns it. `companyIdentifiers`, `isHeadOffice` and
/// `headOfficeCompanyId` are **chosen** (read when present).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CompanyBody {
    #[serde(default)]
    pub company_id: Option<Loose>,
    #[serde(default)]
    pub legal_data: Option<LegalDataBody>,
    #[serde(default)]
    pub address: Option<AddressBody>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub company_identifiers: Vec<IdentifierInBody>,
    #[serde(default)]
    pub is_head_office: Option<Loose>,
    #[serde(default)]
    pub head_office_company_id: Option<Loose>,
}

/// `legalData`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct LegalDataBody {
    #[serde(default)]
    pub company_name: Option<String>,
}

/// `address` of a company. `streetNumber` is from the advancedSearch request, `postalCode` and
/// `regionName` **chosen** (read when present, besides the documented `postCodes`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct AddressBody {
    #[serde(default)]
    pub street_name: Option<Loose>,
    #[serde(default)]
    pub street_number: Option<Loose>,
    #[serde(default)]
    pub town: Option<Loose>,
    #[serde(default)]
    pub region_name: Option<Loose>,
    #[serde(default)]
    pub country_code: Option<Loose>,
    #[serde(default)]
    pub postal_code: Option<Loose>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub post_codes: Vec<PostCodeBody>,
}

/// `postCodes[]` item.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PostCodeBody {
    #[serde(default)]
    pub post_code_value: Option<Loose>,
}

/// `companyIdentifiers[]` item, received.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct IdentifierInBody {
    #[serde(default)]
    pub id_type_code: Option<Loose>,
    #[serde(default)]
    pub id_value: Option<Loose>,
}

/// `POST /company-referential/v1/companies` body. **Chosen**: the company resource as search
/// returns it (`legalData`, `address` with `postCodes`, `companyIdentifiers`,
/// `communicationChannels`).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct NewCompanyBody<'a> {
    pub legal_data: NewLegalDataBody<'a>,
    pub address: NewAddressBody<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub company_identifiers: Vec<IdentifierBody>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub communication_channels: Vec<ChannelBody<'a>>,
}

/// `legalData`, sent.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct NewLegalDataBody<'a> {
    pub company_name: &'a str,
}

/// `address`, sent.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct NewAddressBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub town: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub post_codes: Vec<NewPostCodeBody<'a>>,
    pub country_code: &'a str,
}

/// `postCodes[]` item, sent.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct NewPostCodeBody<'a> {
    pub post_code_value: &'a str,
}

/// `communicationChannels[]` item, sent.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ChannelBody<'a> {
    pub type_code: &'static str,
    pub value: &'a str,
}

/// Company creation answer: the new `companyId`, or (asynchronous, as every Allianz Trade POST
/// may be) a `jobId`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CompanyCreatedBody {
    #[serde(default)]
    pub company_id: Option<Loose>,
    #[serde(default)]
    pub job_id: Option<Loose>,
}

// ---------------------------------------------------------------------------------------------
// Cover V3
// ---------------------------------------------------------------------------------------------

/// `POST /riskinfo/v3/covers` body. `comment` and `customerReference` are **chosen** (Cover V2
/// had `requestData.comment`; V3 names neither publicly) and only sent when given.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CoverRequestBody<'a> {
    pub request_type_code: &'static str,
    pub policy: PolicyBody<'a>,
    pub credit_limit_details: CreditLimitDetailsOut<'a>,
    pub company_id: &'a str,
    pub is_request_urgent: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_reference: Option<&'a str>,
}

/// `POST /riskinfo/v3/covers` body of a cancellation (**chosen**, see
/// [`REQUEST_TYPE_CANCELLATION`]): the cover is named by its policy and company, as a new
/// request names it; no amount.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CancellationBody<'a> {
    pub request_type_code: &'static str,
    pub policy: PolicyBody<'a>,
    pub company_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<&'a str>,
}

/// The policy triple.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PolicyBody<'a> {
    pub business_unit_code: &'a str,
    pub policy_id: &'a str,
    pub extension_id: &'a str,
}

/// `creditLimitDetails`, sent.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CreditLimitDetailsOut<'a> {
    pub requested_amount: serde_json::Number,
    pub currency_code: &'a str,
}

/// `creditLimitDetails`, received.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CreditLimitDetailsBody {
    #[serde(default)]
    pub requested_amount: Option<Loose>,
    #[serde(default)]
    pub currency_code: Option<Loose>,
}

/// Key of the job id when an asynchronous answer is an object (documented: "response contains
/// jobId").
pub(super) const JOB_ID: &str = "jobId";

/// `GET /riskinfo/v3/jobs/{jobId}` answer. The status is read from `jobStatusCode` (third-party
/// client) or else `status`; the resource from `ressourceUrl` (documented spelling) or else
/// `resourceUrl` (third-party client).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JobBody {
    #[serde(default)]
    pub job_id: Option<Loose>,
    #[serde(default)]
    pub job_status_code: Option<Loose>,
    #[serde(default)]
    pub status: Option<Loose>,
    #[serde(default)]
    pub ressource_url: Option<Loose>,
    #[serde(default)]
    pub resource_url: Option<Loose>,
}

/// A cover (`GET /riskinfo/v3/covers/{coverId}`, `covers/search` items, technical
/// notifications). Only `creditLimitsAggregation` is from a client; `coverId`, `companyId`,
/// `creditLimitDetails` and `creationDate` follow the cover-request items; `companyName`,
/// `coverTypeCode`, `coverStatusCode` (Cover V2), `currencyCode` and `customerReference` are
/// **chosen**.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CoverBody {
    #[serde(default)]
    pub cover_id: Option<Loose>,
    #[serde(default)]
    pub company_id: Option<Loose>,
    #[serde(default)]
    pub company_name: Option<Loose>,
    #[serde(default)]
    pub cover_type_code: Option<Loose>,
    #[serde(default)]
    pub cover_status_code: Option<Loose>,
    #[serde(default)]
    pub currency_code: Option<Loose>,
    #[serde(default)]
    pub credit_limit_details: Option<CreditLimitDetailsBody>,
    #[serde(default)]
    pub credit_limits_aggregation: Option<CreditLimitsAggregationBody>,
    #[serde(default)]
    pub creation_date: Option<Loose>,
    #[serde(default)]
    pub customer_reference: Option<Loose>,
}

/// `creditLimitsAggregation`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CreditLimitsAggregationBody {
    #[serde(default, deserialize_with = "null_as_default")]
    pub credit_limits: Vec<CreditLimitBody>,
}

/// One credit limit of a cover. `technicalDecisionStatusCode`, `amount` and `startDate` are from
/// a client; `currencyCode`, `endDate` and `decisionDate` are **chosen**.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CreditLimitBody {
    #[serde(default)]
    pub technical_decision_status_code: Option<Loose>,
    #[serde(default)]
    pub amount: Option<Loose>,
    #[serde(default)]
    pub currency_code: Option<Loose>,
    #[serde(default)]
    pub start_date: Option<Loose>,
    #[serde(default)]
    pub end_date: Option<Loose>,
    #[serde(default)]
    pub decision_date: Option<Loose>,
}

/// A cover request (`coverRequests/search` items, functional notifications). `requestId`,
/// `coverId`, `creationDate`, `lastUpdateDate` and `creditLimitDetails` are from a client;
/// `requestStatusCode` is the search filter's name; `companyId`, `companyName`,
/// `requestTypeCode` and `customerReference` follow the cover request body or are **chosen**.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CoverRequestItemBody {
    #[serde(default)]
    pub request_id: Option<Loose>,
    #[serde(default)]
    pub cover_id: Option<Loose>,
    #[serde(default)]
    pub company_id: Option<Loose>,
    #[serde(default)]
    pub company_name: Option<Loose>,
    #[serde(default)]
    pub request_type_code: Option<Loose>,
    #[serde(default)]
    pub request_status_code: Option<Loose>,
    #[serde(default)]
    pub credit_limit_details: Option<CreditLimitDetailsBody>,
    #[serde(default)]
    pub creation_date: Option<Loose>,
    #[serde(default)]
    pub last_update_date: Option<Loose>,
    #[serde(default)]
    pub customer_reference: Option<Loose>,
}

// ---------------------------------------------------------------------------------------------
// Searches
// ---------------------------------------------------------------------------------------------

/// `covers/search` and `coverRequests/search` body.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SearchPageBody<'a> {
    pub policies: Vec<PolicyBody<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_status_code: Option<&'a str>,
    pub pagination: PaginationBody,
}

/// `pagination`. `isTotalRequired` is sent as a JSON boolean (one client sent the string
/// `"true"`).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PaginationBody {
    pub page: u32,
    pub page_size: u32,
    pub is_total_required: bool,
}

/// A page answered as an object. **Chosen**: the items under `covers` / `coverRequests` (or
/// `items`), the total under `totalItems` (or `totalCount`). A bare array is read too (as a
/// client saw for `coverRequests/search`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", bound(deserialize = "T: Deserialize<'de>"))]
pub(super) struct PageBody<T> {
    #[serde(default)]
    pub covers: Option<Vec<T>>,
    #[serde(default)]
    pub cover_requests: Option<Vec<T>>,
    #[serde(default)]
    pub items: Option<Vec<T>>,
    #[serde(default)]
    pub total_items: Option<Loose>,
    #[serde(default)]
    pub total_count: Option<Loose>,
}

// ---------------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------------

/// The JSON that goes, Base64-encoded, in the [`CALLBACK_HEADER`] (documented).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CallbackBody<'a> {
    pub callback_url: &'a str,
    pub time_to_live: u32,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub extended_notification: bool,
}

/// Key of a technical notification's cover when wrapped. **Chosen** ("Payload contains: the
/// cover").
pub(super) const NOTIFICATION_COVER: &str = "cover";
/// Key of a functional notification's cover request when wrapped. **Chosen** ("Payload
/// contains: the coverRequest").
pub(super) const NOTIFICATION_COVER_REQUEST: &str = "coverRequest";
/// Key that tells a bare cover request.
pub(super) const REQUEST_ID: &str = "requestId";
/// Keys that tell a bare cover.
pub(super) const COVER_KEYS: [&str; 2] = ["coverId", "creditLimitsAggregation"];

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Error body. **Chosen**: not public; `code`/`message` (the synthetic profile's names) and the
/// OAuth `error`/`error_description` are read, whichever is present.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ErrorBody {
    #[serde(default)]
    pub code: Option<Loose>,
    #[serde(default)]
    pub message: Option<Loose>,
    #[serde(default)]
    pub error: Option<Loose>,
    #[serde(default)]
    pub error_description: Option<Loose>,
}
