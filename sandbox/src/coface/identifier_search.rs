//! `GET /coface/companies/identifier?countryCode=FRA&identifierType=SIREN_FRA&identifierValue=…
//! [&limit]`: CofaServe's search by legal identifier. Matching is exact on the format Coface
//! stores (the sandbox's canonical form, e.g. `552032534`, `FR27552032534`,
//! `Köln HRB 12345`): where the separators are and which characters are letters or digits must
//! be the same; only typography is forgiven ([`match_key`]: letter case, German umlauts written
//! `AE`/`OE`/`UE`/`SS`, and which punctuation separates the words, so `Berlin (Charlottenburg)
//! HRB 9876 B` is also found as `BERLIN CHARLOTTENBURG HRB 9876 B`). Other formats (`552 032
//! 534`) are the caller's to try, as the seed says ("make different searches using different
//! possible formats"). Only companies Coface knows (including those it identified after an
//! unknown-company order) are returned, head offices first; the answer has the name search's
//! shape (`{"companies": [Company…], "count"}`).
//!
//! An identifier type of another country is refused (400 `InvalidIdentifierType`); a type the
//! sandbox holds for no country (e.g. `LEI`) finds nothing.

use super::companies::{CompaniesResponse, CompanyJson, DEFAULT_LIMIT, MAX_LIMIT};
use super::{authorize, CofaceState};
use crate::dataset::Company;
use crate::error::ApiError;
use crate::identifiers::IdentifierType;
use crate::params::{count_param, country_param, param, query_params};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::collections::HashMap;
use std::sync::Arc;

/// The search handler.
pub(crate) async fn by_identifier(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, ApiError> {
    authorize(&state, &headers)?;
    let params = query_params(query)?;
    let required = |name: &str| {
        param(&params, name).ok_or_else(|| ApiError::bad_request(format!("{name} is required")))
    };
    let country = country_param(required("countryCode")?)?;
    let raw_type = required("identifierType")?;
    let value = required("identifierValue")?;
    let limit = count_param(&params, "limit", DEFAULT_LIMIT, MAX_LIMIT)?;
    let kind = IdentifierType::from_code(raw_type);
    if let Some(kind) = kind.filter(|k| k.country() != country) {
        let valid: Vec<&str> = IdentifierType::of_country(country)
            .map(IdentifierType::code)
            .collect();
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "InvalidIdentifierType",
            format!(
                "{} is not an identifier type of {}; use one of {}",
                kind.code(),
                country.alpha3(),
                valid.join(", ")
            ),
        ));
    }
    let wanted = match_key(value);
    let book = state.settled_book();
    let mut hits: Vec<&Company> = match kind {
        None => Vec::new(),
        Some(kind) => state
            .dataset
            .in_country(country)
            .iter()
            .filter(|company| company.known_to_coface() || book.assigned_easy(company).is_some())
            .filter(|company| {
                company
                    .identifier(kind)
                    .is_some_and(|stored| match_key(stored) == wanted)
            })
            .collect(),
    };
    hits.sort_by_key(|company| (!company.is_head_office(), company.index()));
    let response = CompaniesResponse::new(
        hits.iter()
            .take(limit)
            .map(|c| CompanyJson::from(*c).with_easy_number(book.assigned_easy(c)))
            .collect(),
        hits.len(),
    );
    Ok(Json(response).into_response())
}

/// The form two identifier values are compared in: upper case, `Ä Ö Ü ß` as `AE OE UE SS`,
/// every run of characters other than letters and digits as one blank, no blank at either end.
pub(crate) fn match_key(value: &str) -> String {
    let mut key = String::with_capacity(value.len());
    let mut blank = false;
    for c in value.trim().chars() {
        let spelled = match c {
            'ä' | 'Ä' => "AE",
            'ö' | 'Ö' => "OE",
            'ü' | 'Ü' => "UE",
            'ß' => "SS",
            c if c.is_alphanumeric() => {
                if blank && !key.is_empty() {
                    key.push(' ');
                }
                blank = false;
                key.extend(c.to_uppercase());
                continue;
            }
            _ => {
                blank = true;
                continue;
            }
        };
        if blank && !key.is_empty() {
            key.push(' ');
        }
        blank = false;
        key.push_str(spelled);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::match_key;

    #[test]
    fn typography_is_forgiven_but_not_the_format() {
        assert_eq!(
            match_key("Berlin (Charlottenburg) HRB 9876 B"),
            match_key("BERLIN CHARLOTTENBURG HRB 9876 B")
        );
        assert_eq!(match_key("Köln HRB 12345"), "KOELN HRB 12345");
        assert_eq!(match_key(" fr27552032534 "), "FR27552032534");
        assert_ne!(match_key("552 032 534"), match_key("552032534"));
        assert_ne!(match_key("CHE-116.281.710"), match_key("CHE116281710"));
    }
}
