//! CofaServe JSON shapes, exactly as the API names them. Nothing outside `coface` sees these.

use serde::Deserialize;

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
#[derive(Debug, Deserialize)]
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

/// Error body: `{"code": "...", "message": "..."}`.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ErrorBody {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
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
