//! CofaServe JSON shapes, exactly as the API names them. Nothing outside `coface` sees these.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use super::amount::WireAmount;

/// `GET /companies/name` and `GET /companies/identifier` answer.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CompanyListBody {
    #[serde(default)]
    pub companies: Vec<CompanyBody>,
    pub count: Option<u64>,
}

/// One company of a hit list.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CompanyBody {
    pub easy_number: String,
    pub company_name: String,
    pub establishment_type: Option<String>,
    pub head_office_easy_number: Option<String>,
    pub address: Option<AddressBody>,
    #[serde(default)]
    pub legal_identifiers: Vec<LegalIdentifierBody>,
}

/// A company's address.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct AddressBody {
    pub street_address: Option<String>,
    pub postal_code: Option<String>,
    pub town: Option<String>,
    pub region: Option<String>,
    pub country_code: Option<String>,
}

/// A legal identifier, typed `<TYPE>_<ISO3>` (e.g. `SIREN_FRA`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct LegalIdentifierBody {
    pub identifier_type: String,
    pub identifier_value: String,
}

/// `establishmentType` of a head office.
pub(super) const HEAD_OFFICE: &str = "HEAD_OFFICE";
/// `establishmentType` of a legally dependent branch.
pub(super) const ESTABLISHMENT: &str = "ESTABLISHMENT";

/// Login request body of `POST /authentication/v1/token`.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct LoginBody<'a> {
    pub username: &'a str,
    pub password: &'a str,
    pub grant_type: &'a str,
}

/// Login answer.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct TokenBody {
    pub id_token: String,
    pub expires_in: u64,
}

/// Error body: `{"code": "...", "message": "..."}`; an order refused outright may also carry
/// `rejectionReasons` (chosen name of the reason fields: see [`RejectionReasonBody`]).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ErrorBody {
    #[serde(default, deserialize_with = "text_or_number_or_empty")]
    pub code: String,
    #[serde(default, deserialize_with = "text_or_number_or_empty")]
    pub message: String,
    #[serde(default, deserialize_with = "nullable_vec")]
    pub rejection_reasons: Vec<RejectionReasonBody>,
}

/// Header carrying the per user-application API key.
pub(super) const API_KEY_HEADER: &str = "x-api-key";
/// Header carrying the contract (policy) number.
pub(super) const POLICY_HEADER: &str = "X-COF-Policy-Number";
/// Header carrying the login's id token.
pub(super) const AUTHORIZATION_HEADER: &str = "authorization";
/// Error code of a refused login, and of every attempt during a lockout.
pub(super) const NOT_AUTHORIZED: &str = "NotAuthorizedException";
/// Message of an attempt during a lockout.
pub(super) const ATTEMPTS_EXCEEDED: &str = "Password attempts exceeded";

// ------------------------------------------------------------------------------------------
// Everything below rests on the seed (paths, filters, codes); the seed gives no JSON field
// names for these resources, so the names were chosen in the style of the documented ones
// (`easyNumber`, `countryCode`, `identifierType`, `companies` + `count`, camelCase) and live
// here only. Confirm them against the CofaServe Swagger.
// ------------------------------------------------------------------------------------------

/// Query parameter: ISO alpha-3 country (documented for the identifier search).
pub(super) const COUNTRY_CODE: &str = "countryCode";
/// Query parameter: `<TYPE>_<ISO3>` identifier type (documented for the identifier search).
pub(super) const IDENTIFIER_TYPE: &str = "identifierType";
/// Query parameter: identifier value (documented for the identifier search).
pub(super) const IDENTIFIER_VALUE: &str = "identifierValue";
/// Query parameter of the name search: region or state (the sandbox reads this name).
pub(super) const REGION: &str = "region";
/// Portfolio filter (chosen): EASY number.
pub(super) const EASY_NUMBER: &str = "easyNumber";
/// Portfolio filter (chosen): customer reference.
pub(super) const CUSTOMER_REFERENCE: &str = "customerReference";
/// Portfolio filter (chosen): order id.
pub(super) const ORDER_ID: &str = "orderId";
/// Portfolio filter (chosen): delivery id.
pub(super) const DELIVERY_ID: &str = "deliveryId";
/// Portfolio filter (chosen): the date, read by CofaServe as midnight GMT of that day.
pub(super) const DATE: &str = "date";
/// Portfolio filter (chosen): product code.
pub(super) const PRODUCT_CODE: &str = "productCode";
/// The value that erases a customer reference: a single blank (the seed: "set a blank").
pub(super) const BLANK_REFERENCE: &str = " ";

/// `GET /companies/products` answer (chosen shape): the companies of the portfolio, each with
/// the last state of every product ordered on it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PortfolioBody<C> {
    /// The companies, read by the portfolio parser one at a time (see `portfolio`).
    #[serde(default)]
    pub companies: C,
    pub count: Option<u64>,
}

/// One company of the portfolio.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PortfolioCompanyBody {
    #[serde(default, deserialize_with = "text_or_number")]
    pub easy_number: Option<String>,
    pub company_name: Option<String>,
    pub customer_reference: Option<String>,
    #[serde(default, deserialize_with = "nullable_vec")]
    pub legal_identifiers: Vec<LegalIdentifierBody>,
    #[serde(default, deserialize_with = "nullable_vec")]
    pub products: Vec<ProductStateBody>,
}

/// The state of one product on one company: a portfolio line, the answer to an order
/// (`POST …/products`, `POST /companies/unknown/products`), order details and delivery
/// details all use these names.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct ProductStateBody {
    #[serde(deserialize_with = "text_or_number")]
    pub easy_number: Option<String>,
    pub company_name: Option<String>,
    pub customer_reference: Option<String>,
    pub product_code: Option<String>,
    #[serde(deserialize_with = "text_or_number")]
    pub order_id: Option<String>,
    #[serde(deserialize_with = "text_or_number")]
    pub delivery_id: Option<String>,
    #[serde(deserialize_with = "text_or_number")]
    pub external_id: Option<String>,
    pub order_status: Option<String>,
    pub delivery_status: Option<String>,
    pub requested_amount: WireAmount,
    pub granted_amount: WireAmount,
    pub currency_code: Option<String>,
    pub order_date: Option<String>,
    pub decision_date: Option<String>,
    pub effect_date: Option<String>,
    pub expiry_date: Option<String>,
    #[serde(deserialize_with = "nullable_vec")]
    pub conditions: Vec<ConditionBody>,
    #[serde(deserialize_with = "nullable_vec")]
    pub rejection_reasons: Vec<RejectionReasonBody>,
    #[serde(deserialize_with = "nullable_vec")]
    pub legal_identifiers: Vec<LegalIdentifierBody>,
}

/// A condition of a decision: a text, or `{code, label}` (`description` accepted; other
/// fields ignored).
#[derive(Debug)]
pub(super) enum ConditionBody {
    Text(String),
    Coded {
        code: Option<String>,
        label: Option<String>,
    },
}

impl<'de> Deserialize<'de> for ConditionBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ConditionVisitor)
    }
}

struct ConditionVisitor;

impl<'de> Visitor<'de> for ConditionVisitor {
    type Value = ConditionBody;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a condition: a string or {code, label}")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(ConditionBody::Text(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        Ok(ConditionBody::Text(value))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut code, mut label) = (None, None);
        while let Some(key) = map.next_key::<ConditionKey>()? {
            match key {
                ConditionKey::Code => code = map.next_value::<TextOrNumberValue>()?.0,
                ConditionKey::Label => label = map.next_value::<Option<String>>()?,
                ConditionKey::Other => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(ConditionBody::Coded { code, label })
    }
}

/// The keys of a coded condition.
enum ConditionKey {
    Code,
    Label,
    Other,
}

impl<'de> Deserialize<'de> for ConditionKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = ConditionKey;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<ConditionKey, E> {
                Ok(match key {
                    "code" => ConditionKey::Code,
                    "label" | "description" => ConditionKey::Label,
                    _ => ConditionKey::Other,
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// [`text_or_number`] as a value of its own, for hand-written visitors.
struct TextOrNumberValue(Option<String>);

impl<'de> Deserialize<'de> for TextOrNumberValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        text_or_number(deserializer).map(Self)
    }
}

/// One reason of an immediate rejection (`rejectionReasons`, a documented name): `code`
/// (`rejectionCode` accepted) and `label` (`rejectionLabel`, `message`, `description`
/// accepted); the codes are listed in CofaServe's Utilities resource.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RejectionReasonBody {
    #[serde(alias = "rejectionCode", deserialize_with = "text_or_number")]
    pub code: Option<String>,
    #[serde(alias = "rejectionLabel", alias = "message", alias = "description")]
    pub label: Option<String>,
}

/// `GET /companies/{easyNumber}/catalog` answer (chosen shape).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CatalogBody {
    #[serde(default, deserialize_with = "text_or_number")]
    pub easy_number: Option<String>,
    #[serde(default, deserialize_with = "nullable_vec")]
    pub products: Vec<CatalogProductBody>,
}

/// One product of a catalog: its code, the action code(s) possible (`actionCode`, the seed's
/// word, or a list `actionCodes`) and the last order / delivery / external ids.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct CatalogProductBody {
    pub product_code: Option<String>,
    #[serde(alias = "label")]
    pub product_label: Option<String>,
    pub action_code: Option<String>,
    #[serde(deserialize_with = "nullable_vec")]
    pub action_codes: Vec<String>,
    #[serde(alias = "deliveryId", deserialize_with = "text_or_number")]
    pub last_delivery_id: Option<String>,
    #[serde(alias = "orderId", deserialize_with = "text_or_number")]
    pub last_order_id: Option<String>,
    #[serde(alias = "externalId", deserialize_with = "text_or_number")]
    pub last_external_id: Option<String>,
}

/// `GET /companies/customerreferences` answer: `{"customerReferences": […], "count"}` (chosen)
/// or a bare list.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum CustomerReferencesBody {
    List(Vec<CustomerReferenceBody>),
    Wrapped {
        #[serde(
            default,
            rename = "customerReferences",
            deserialize_with = "nullable_vec"
        )]
        customer_references: Vec<CustomerReferenceBody>,
    },
}

/// One customer reference set on a company.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct CustomerReferenceBody {
    #[serde(deserialize_with = "text_or_number")]
    pub easy_number: Option<String>,
    pub company_name: Option<String>,
    pub customer_reference: Option<String>,
}

/// `PATCH /companies/customerreferences` body; the contract is the `X-COF-Policy-Number` the
/// proxy adds.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CustomerReferenceUpdateBody<'a> {
    pub easy_number: &'a str,
    pub customer_reference: &'a str,
}

/// Body of `POST /companies/{easyNumber}/products` (and its TopLiner and awaiting-delivery /
/// manufacturing siblings) and of `POST /companies/unknown/products` (with `company`).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct OrderBody<'a> {
    pub product_code: &'a str,
    pub action_code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<serde_json::Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_reference: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<UnknownCompanyBody<'a>>,
}

/// Every identification detail of a company without EASY number, in the names of the
/// documented company answer (`companyName`, `address`, `legalIdentifiers`) plus
/// `phoneNumber` (chosen).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct UnknownCompanyBody<'a> {
    pub company_name: &'a str,
    pub address: AddressOut<'a>,
    pub legal_identifiers: Vec<LegalIdentifierOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<&'a str>,
}

/// An address sent to CofaServe.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct AddressOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street_address: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub town: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<&'a str>,
    pub country_code: &'static str,
}

/// A legal identifier sent to CofaServe.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct LegalIdentifierOut {
    pub identifier_type: String,
    pub identifier_value: String,
}

/// A JSON array that may also be `null`.
fn nullable_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// An id or code that may come as a string or a number; `null` and blanks are `None`.
fn text_or_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    deserializer.deserialize_any(TextOrNumber)
}

/// As [`text_or_number`], `None` being the empty string.
fn text_or_number_or_empty<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(text_or_number(deserializer)?.unwrap_or_default())
}

struct TextOrNumber;

impl<'de> Visitor<'de> for TextOrNumber {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, a number or null")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        let value = value.trim();
        Ok((!value.is_empty()).then(|| value.to_owned()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        Ok(Some(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok(Some(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        Ok(Some(value.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}
