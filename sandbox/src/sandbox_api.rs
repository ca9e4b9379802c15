//! Sandbox helper routes under `/__sandbox` (not part of any insurer API), for tests and the
//! demo:
//!
//! - `GET /__sandbox/health` → `{"status": "ok", "seed", "companies"}`;
//! - `GET /__sandbox/companies/sample?countryCode=FRA&n=5` → `{"companies": [Company…]}`, a
//!   deterministic, evenly spread sample of head offices in the CofaServe company JSON.
//!   Optional `knownToCoface=false` samples companies unknown to Coface instead (their
//!   `easyNumber` is null), `hasEstablishments=true|false` filters on establishments;
//!   `countryCode` may be omitted to sample every country; `n` is 1–100, default 5;
//!   `highRisk=true|false` picks buyers the [`crate::underwriting`] policy refuses (or not);
//!   `review=reduce|withdraw|keep` picks buyers whose granted covers the insurer's review
//!   reduces, withdraws or keeps ([`crate::underwriting::review_of`]);
//! - `POST /__sandbox/clock/advance?seconds=N` moves the sandbox clock forward (token expiry,
//!   login lockouts, referred decisions, reviews of granted covers, all settled before it answers) and answers `{"offsetSeconds": total}`.

use crate::clock::Clock;
use crate::coface::companies::CompanyJson;
use crate::dataset::{Company, Dataset};
use crate::error::{method_not_allowed, ApiError};
use crate::params::{bool_param, count_param, country_param, param, query_params};
use crate::settle::Settlers;
use crate::underwriting::{is_high_risk, review_of, Review};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// Largest sample size.
const MAX_SAMPLE: usize = 100;
/// Largest single clock advance: ten years.
const MAX_ADVANCE_SECONDS: u64 = 10 * 365 * 24 * 3600;

/// State of the helper routes.
#[derive(Debug, Clone)]
pub(crate) struct SandboxState {
    pub(crate) dataset: Arc<Dataset>,
    pub(crate) clock: Arc<Clock>,
    /// The simulations to settle after the clock moves.
    pub(crate) settlers: Settlers,
}

/// The helper routes, to be nested under `/__sandbox`.
pub(crate) fn router(state: SandboxState) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/companies/sample", get(sample))
        .route("/clock/advance", post(advance_clock))
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

async fn health(State(state): State<SandboxState>) -> Json<serde_json::Value> {
    Json(json!({
        "status": "ok",
        "seed": state.dataset.seed(),
        "companies": state.dataset.len(),
    }))
}

async fn sample(
    State(state): State<SandboxState>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let params = query_params(query)?;
    let country = param(&params, "countryCode")
        .map(country_param)
        .transpose()?;
    let n = count_param(&params, "n", 5, MAX_SAMPLE)?;
    let known = bool_param(&params, "knownToCoface")?.unwrap_or(true);
    let with_establishments = bool_param(&params, "hasEstablishments")?;
    let high_risk = bool_param(&params, "highRisk")?;
    let review = param(&params, "review")
        .map(|text| {
            Review::parse(text)
                .ok_or_else(|| ApiError::bad_request("review must be reduce, withdraw or keep"))
        })
        .transpose()?;
    let picked = state
        .dataset
        .sample_head_offices(country, n, |c: &Company| {
            c.known_to_coface() == known
                && with_establishments.is_none_or(|wanted| (c.establishment_count() > 0) == wanted)
                && high_risk.is_none_or(|wanted| is_high_risk(c) == wanted)
                && review.is_none_or(|wanted| review_of(c) == wanted)
        });
    let companies: Vec<CompanyJson<'_>> = picked.into_iter().map(CompanyJson::from).collect();
    Ok(Json(json!({ "companies": companies })).into_response())
}

async fn advance_clock(
    State(state): State<SandboxState>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let params = query_params(query)?;
    let seconds = param(&params, "seconds")
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|s| *s <= MAX_ADVANCE_SECONDS)
        .ok_or_else(|| {
            ApiError::bad_request(format!(
                "seconds must be an integer between 0 and {MAX_ADVANCE_SECONDS}"
            ))
        })?;
    let offset = state.clock.advance(Duration::from_secs(seconds));
    state.settlers.settle_all(&state.clock);
    Ok(Json(json!({ "offsetSeconds": offset.as_secs() })))
}
