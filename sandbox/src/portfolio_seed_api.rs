//! `POST /__sandbox/portfolio`: seeds a large portfolio in one insurer simulation (not part of
//! any insurer API), for the scale tests, the benchmark and the demo:
//!
//! - `?insurer=allianz-trade&businessUnitCode=FRA&policyId=POL-1[&extensionId=DCL]`: decided
//!   cover requests V3 under that policy (listed by `POST /riskinfo/v3/covers/search`);
//! - `?insurer=atradius&customerId=1001&policyId=5000123`: decided cover records of that
//!   insured (listed by `GET …/cover-management/v1/covers`);
//!
//! both with `count=N` (1–[`MAX_SEEDED`]) and optionally `seed=S` (default 1): the
//! [plan](crate::portfolio_seed) of `N` requests for `S`, decided at the sandbox time of the
//! call. Each call adds to what the simulation holds. Answer: `{"insurer", "seed", "seeded":
//! N, "total": records the simulation now holds}`.
//!
//! Measured (release build): 100,000 Allianz Trade requests seed in about 0.3 s and take about
//! 100 MB; 100,000 Atradius records in about 0.15 s and 85 MB. Atradius lists covers in one
//! answer (no pagination is documented): 100,000 of them are about 97 MB of JSON, beyond the
//! proxy's default answer limit (16 MiB, about 16,000 covers).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::allianz_trade::{AllianzTradeState, Policy};
use crate::atradius::{AtradiusState, PolicyKey};
use crate::error::{method_not_allowed, ApiError};
use crate::params::{count_param, param, query_params};
use crate::portfolio_seed::MAX_SEEDED;

/// Seed of the plan when none is given.
const DEFAULT_PLAN_SEED: u64 = 1;

/// The simulations a portfolio can be seeded in.
#[derive(Clone, Debug)]
pub(crate) struct SeedTargets {
    /// Allianz Trade.
    pub(crate) allianz_trade: Arc<AllianzTradeState>,
    /// Atradius.
    pub(crate) atradius: Arc<AtradiusState>,
}

/// The route, to be nested under `/__sandbox`.
pub(crate) fn router(targets: SeedTargets) -> Router {
    Router::new()
        .route("/portfolio", post(seed_portfolio))
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(targets)
}

fn seeding_stopped(_: tokio::task::JoinError) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "SeedingFailed",
        "the seeding task stopped before its end",
    )
}

fn required<'p>(params: &'p HashMap<String, String>, name: &str) -> Result<&'p str, ApiError> {
    param(params, name)
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .ok_or_else(|| ApiError::bad_request(format!("{name} is required")))
}

async fn seed_portfolio(
    State(targets): State<SeedTargets>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let params = query_params(query)?;
    let insurer = required(&params, "insurer")?;
    let count = param(&params, "count")
        .ok_or_else(|| ApiError::bad_request("count is required"))
        .and_then(|_| count_param(&params, "count", 1, MAX_SEEDED))?;
    let seed = param(&params, "seed")
        .map(|text| {
            text.parse::<u64>()
                .map_err(|_| ApiError::bad_request("seed must be a non-negative integer"))
        })
        .transpose()?
        .unwrap_or(DEFAULT_PLAN_SEED);
    let (insurer, total) = match insurer {
        "allianz-trade" => {
            let policy = Policy {
                business_unit_code: required(&params, "businessUnitCode")?.to_owned(),
                policy_id: required(&params, "policyId")?.to_owned(),
                extension_id: param(&params, "extensionId")
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
            };
            let targets = targets.clone();
            let total = tokio::task::spawn_blocking(move || {
                targets.allianz_trade.seed_portfolio(&policy, seed, count)
            })
            .await
            .map_err(seeding_stopped)?;
            ("allianz-trade", total)
        }
        "atradius" => {
            let customer_id = required(&params, "customerId")?
                .parse::<u64>()
                .map_err(|_| ApiError::bad_request("customerId must be a number"))?;
            let policy = PolicyKey {
                customer_id,
                policy_id: required(&params, "policyId")?.to_owned(),
            };
            let targets = targets.clone();
            let total = tokio::task::spawn_blocking(move || {
                targets.atradius.seed_portfolio(&policy, seed, count)
            })
            .await
            .map_err(seeding_stopped)?;
            ("atradius", total)
        }
        other => {
            return Err(ApiError::bad_request(format!(
                "insurer must be allianz-trade or atradius, not {other:?}"
            )))
        }
    };
    Ok(Json(json!({
        "insurer": insurer,
        "seed": seed,
        "seeded": count,
        "total": total,
    })))
}
