//! The buyer calls (organisation management):
//!
//! - `GET …/buyers?country=<alpha-3>&uid=&uidType=`: the head offices of that country with an
//!   identifier of that `uidType` matching `uid` (see [`super::uid`]) → `{"data": [<buyer>]}`;
//!   nothing found (or a country the sandbox has no companies in) is 404 "No buyer match
//!   found"; a country that is not three letters or an unknown `uidType` is 400.
//! - `GET …/buyers/{buyerId}` → `{"data": [<buyer>]}`; 404 "Buyer not found".
//! - `GET …/buyers/my-buyers?customerId=&policyId=[&healthChange=up|down]
//!   [&buyerRatingUpdatedAfter=YYYY-MM-DD][&buyerRatingUpdatedBefore=YYYY-MM-DD]`: the buyers
//!   with a current cover (decided or pending) on the policy, by buyer id, filtered on the
//!   last rating change (after / before are exclusive).

use super::auth::authorize;
use super::buyer::{buyer_json, company_of, Rating};
use super::calendar;
use super::error::{AtradiusError, NO_BUYER_MATCH};
use super::query::{CoverScope, QueryParams};
use super::uid::{uid_type_of, UID_TYPES};
use super::AtradiusState;
use crate::country::Country;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::sync::Arc;

type RawQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Most buyers one search answers.
const MAX_MATCHES: usize = 20;

/// `GET …/buyers`.
pub(crate) async fn search(
    State(state): State<Arc<AtradiusState>>,
    headers: HeaderMap,
    query: RawQuery,
) -> Result<Json<Value>, AtradiusError> {
    authorize(&state, &headers)?;
    let params = QueryParams::read(query, &["country", "uid", "uidType"])?;
    let country = params.required("country")?;
    if country.len() != 3 || !country.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(AtradiusError::bad_request(
            "country must be an ISO 3166-1 alpha-3 code",
            Some("country"),
        ));
    }
    let uid = params.required("uid")?;
    let uid_type = params.required("uidType")?;
    let uid_type = UID_TYPES
        .iter()
        .find(|known| known.eq_ignore_ascii_case(uid_type))
        .ok_or_else(|| {
            AtradiusError::bad_request(
                format!("uidType must be one of {}", UID_TYPES.join(", ")),
                Some("uidType"),
            )
        })?;
    let no_match = || AtradiusError::not_found(NO_BUYER_MATCH, Some("uid"));
    let country = Country::from_alpha3(&country.to_ascii_uppercase()).ok_or_else(no_match)?;
    let found: Vec<Value> = state
        .dataset
        .in_country(country)
        .iter()
        .filter(|company| {
            company.is_head_office()
                && company.legal_identifiers().iter().any(|identifier| {
                    uid_type_of(identifier.kind()) == Some(*uid_type)
                        && super::uid::matches(identifier.kind(), identifier.value(), uid)
                })
        })
        .take(MAX_MATCHES)
        .map(|company| buyer_json(company, &state.calendar))
        .collect();
    if found.is_empty() {
        return Err(no_match());
    }
    Ok(Json(json!({ "data": found })))
}

/// `GET …/buyers/{buyerId}`.
pub(crate) async fn detail(
    State(state): State<Arc<AtradiusState>>,
    Path(buyer_id): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Value>, AtradiusError> {
    authorize(&state, &headers)?;
    let not_found = || AtradiusError::not_found("Buyer not found", Some("buyerId"));
    let id: u64 = buyer_id.parse().map_err(|_| not_found())?;
    let company = company_of(&state.dataset, id).ok_or_else(not_found)?;
    Ok(Json(
        json!({ "data": [buyer_json(company, &state.calendar)] }),
    ))
}

/// `GET …/buyers/my-buyers`.
pub(crate) async fn my_buyers(
    State(state): State<Arc<AtradiusState>>,
    headers: HeaderMap,
    query: RawQuery,
) -> Result<Json<Value>, AtradiusError> {
    authorize(&state, &headers)?;
    let params = QueryParams::read(
        query,
        &[
            "customerId",
            "policyId",
            "healthChange",
            "buyerRatingUpdatedAfter",
            "buyerRatingUpdatedBefore",
        ],
    )?;
    let scope = CoverScope::read(&params)?;
    let health = match params.get("healthChange") {
        None => None,
        Some(change @ ("up" | "down")) => Some(change),
        Some(_) => {
            return Err(AtradiusError::bad_request(
                "healthChange must be up or down",
                Some("healthChange"),
            ))
        }
    };
    let date = |name: &'static str| {
        params
            .get(name)
            .map(|text| {
                calendar::parse(text)
                    .filter(|_| text.len() == 10)
                    .ok_or_else(|| {
                        AtradiusError::bad_request(format!("{name} must be YYYY-MM-DD"), Some(name))
                    })
            })
            .transpose()
    };
    let after = date("buyerRatingUpdatedAfter")?;
    let before = date("buyerRatingUpdatedBefore")?;
    let buyers: BTreeSet<usize> = state
        .book()
        .portfolio
        .all()
        .filter(|cover| {
            !cover.is_historic() && scope.insured(cover.policy.customer_id, &cover.policy.policy_id)
        })
        .map(|cover| cover.buyer)
        .collect();
    let found: Vec<Value> = buyers
        .into_iter()
        .filter_map(|index| state.dataset.get(index))
        .filter(|company| {
            let rating = Rating::of(company, &state.calendar);
            health.is_none_or(|wanted| rating.change() == Some(wanted))
                && after.is_none_or(|after| rating.updated > after)
                && before.is_none_or(|before| rating.updated < before)
        })
        .map(|company| buyer_json(company, &state.calendar))
        .collect();
    Ok(Json(json!({ "data": found })))
}
