//! `GET /coface/companies/products`: the portfolio — every company the contract ordered on
//! that Coface identified with an EASY number (temporary `Z…` ones included), each with the
//! last order of every product ordered on it. Decisions no longer in force stay listed for
//! [`KEPT_FOR_DAYS`] after they were made.
//!
//! Filters (all optional, combined): `easyNumber` (definitive, or the temporary number an
//! order was made under), `customerReference` (exact), `orderId`, `deliveryId`, `productCode`,
//! `countryCode` (ISO alpha-3) and `date`: CofaServe reads `2020-07-01` as
//! 2020-07-01T00:00:00 GMT, so only lines decided (or, while pending, ordered) before that
//! instant are listed — the core sends the day after the last day wanted.
//!
//! Paging: `limit` companies per page (1–1000, default 1000: the core asks once and reads
//! `count`) and `page` (from 1). Answer: `{"companies": [{easyNumber, companyName,
//! countryCode, customerReference, legalIdentifiers, products: [product state…]}],
//! "count": <companies matched>, "page", "limit"}`.

use super::calendar::midnight_of;
use super::order_line::OrderLine;
use super::{authorize, CofaceState};
use crate::error::ApiError;
use crate::params::{count_param, country_param, param, query_params};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

/// Days a decision no longer in force stays in the portfolio (two years).
pub(crate) const KEPT_FOR_DAYS: u64 = 730;
/// Companies per page when `limit` is absent.
pub(crate) const DEFAULT_LIMIT: usize = 1000;
/// Largest `limit`.
pub(crate) const MAX_LIMIT: usize = 1000;

fn still_listed(line: &OrderLine, now: Duration) -> bool {
    let active =
        line.status.is_pending() || line.delivery.as_ref().is_some_and(|d| d.status.in_force());
    active
        || line
            .reference_time()
            .saturating_add(Duration::from_secs(KEPT_FOR_DAYS * 86_400))
            > now
}

/// The portfolio handler.
pub(crate) async fn portfolio(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    let params = query_params(query)?;
    let easy = param(&params, "easyNumber").map(str::to_ascii_uppercase);
    let reference = param(&params, "customerReference");
    let order_id = param(&params, "orderId");
    let delivery_id = param(&params, "deliveryId");
    let product_code = param(&params, "productCode").map(str::to_ascii_uppercase);
    let country = param(&params, "countryCode")
        .map(country_param)
        .transpose()?;
    let before = match param(&params, "date") {
        None => None,
        Some(text) => Some(midnight_of(text).ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "InvalidDate",
                format!("date must be an ISO date YYYY-MM-DD, not {text:?}"),
            )
        })?),
    };
    let limit = count_param(&params, "limit", DEFAULT_LIMIT, MAX_LIMIT)?;
    let page = count_param(&params, "page", 1, usize::MAX)?;
    let book = state.settled_book();
    let now = state.clock.now();
    // The last order of each product on each company…
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    let mut is_current = vec![false; book.lines.len()];
    for (i, line) in book.lines.iter().enumerate().rev() {
        is_current[i] = seen.insert((line.easy_number.as_str(), line.product.code));
    }
    // …grouped by company, companies in the order of their first order.
    let mut companies: Vec<(&str, Vec<&OrderLine>)> = Vec::new();
    for (i, line) in book.lines.iter().enumerate() {
        if !is_current[i] || !still_listed(line, now) {
            continue;
        }
        match companies.iter_mut().find(|(e, _)| *e == line.easy_number) {
            Some((_, lines)) => lines.push(line),
            None => companies.push((&line.easy_number, vec![line])),
        }
    }
    let line_matches = |line: &OrderLine| {
        order_id.is_none_or(|id| line.order_id == id)
            && delivery_id.is_none_or(|id| line.delivery.as_ref().is_some_and(|d| d.id == id))
            && product_code
                .as_deref()
                .is_none_or(|code| line.product.code == code)
            && before.is_none_or(|limit| {
                i64::try_from(line.reference_time().as_secs()).unwrap_or(i64::MAX) < limit
            })
    };
    let matched: Vec<Value> = companies
        .into_iter()
        .filter(|(company_easy, lines)| {
            let first = lines[0];
            easy.as_deref().is_none_or(|e| first.concerns(e) || *company_easy == e)
                && reference.is_none_or(|r| book.reference(company_easy) == Some(r))
                && country.is_none_or(|c| first.country == c)
        })
        .filter_map(|(company_easy, lines)| {
            let products: Vec<Value> = lines
                .iter()
                .filter(|line| line_matches(line))
                .map(|line| line.to_json(book.reference(company_easy)))
                .collect();
            if products.is_empty() {
                return None;
            }
            let first = lines[0];
            let identifiers: Vec<Value> = first
                .company
                .and_then(|i| state.dataset.get(i))
                .map(|company| {
                    company
                        .legal_identifiers()
                        .iter()
                        .map(|id| {
                            json!({"identifierType": id.kind().code(), "identifierValue": id.value()})
                        })
                        .collect()
                })
                .unwrap_or_default();
            Some(json!({
                "easyNumber": company_easy,
                "companyName": first.company_name,
                "countryCode": first.country.alpha3(),
                "customerReference": book.reference(company_easy),
                "legalIdentifiers": identifiers,
                "products": products,
            }))
        })
        .collect();
    let count = matched.len();
    let start = (page - 1).saturating_mul(limit);
    let shown: Vec<Value> = matched.into_iter().skip(start).take(limit).collect();
    Ok(Json(json!({
        "companies": shown,
        "count": count,
        "page": page,
        "limit": limit,
    })))
}
