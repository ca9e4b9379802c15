//! The customer's own references for companies:
//! - `GET /coface/companies/customerreferences` → `{"customerReferences": [{easyNumber,
//!   companyName, customerReference}], "count"}`, by EASY number;
//! - `PATCH /coface/companies/customerreferences` with `{"easyNumber", "customerReference"}`
//!   creates or replaces the reference of a company Coface knows (or of a temporary number);
//!   a blank reference erases it (the seed: "set a blank"). Answer: `{"easyNumber",
//!   "customerReference"}` (`""` once erased). An order's `customerReference` sets it too.

use super::book::Designated;
use super::catalog::company_not_found;
use super::ordering::checked_reference;
use super::{authorize, CofaceState};
use crate::error::ApiError;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UpdateBody {
    easy_number: Option<String>,
    customer_reference: Option<String>,
}

/// The list handler.
pub(crate) async fn list(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    let book = state.settled_book();
    let references: Vec<Value> = book
        .references
        .iter()
        .map(|(easy, reference)| {
            let name = match book.designated(&state.dataset, easy) {
                Designated::Company(index) => state.dataset.get(index).map(|c| c.name().to_owned()),
                Designated::Temporary | Designated::Nothing => book
                    .lines
                    .iter()
                    .find(|line| line.concerns(easy))
                    .map(|line| line.company_name.clone()),
            };
            json!({"easyNumber": easy, "companyName": name, "customerReference": reference})
        })
        .collect();
    Ok(Json(json!({
        "count": references.len(),
        "customerReferences": references,
    })))
}

/// The create / update / erase handler.
pub(crate) async fn set(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    let update: UpdateBody = serde_json::from_slice(&body).map_err(|_| {
        ApiError::bad_request(
            "The body must be a JSON object with easyNumber and customerReference",
        )
    })?;
    let easy = update
        .easy_number
        .as_deref()
        .map(|e| e.trim().to_ascii_uppercase())
        .filter(|e| !e.is_empty())
        .ok_or_else(|| ApiError::bad_request("easyNumber is required"))?;
    let Some(raw) = update.customer_reference else {
        return Err(ApiError::bad_request(
            "customerReference is required (a blank erases it)",
        ));
    };
    let reference = checked_reference(Some(&raw))?;
    let mut book = state.settled_book();
    let known = match book.designated(&state.dataset, &easy) {
        Designated::Company(index) => state
            .dataset
            .get(index)
            .is_some_and(|c| c.known_to_coface() || book.known_easy(c).is_some()),
        Designated::Temporary => true,
        Designated::Nothing => false,
    };
    if !known {
        return Err(company_not_found(&easy));
    }
    match &reference {
        Some(reference) => {
            book.references.insert(easy.clone(), reference.clone());
        }
        None => {
            book.references.remove(&easy);
        }
    }
    Ok(Json(json!({
        "easyNumber": easy,
        "customerReference": reference.unwrap_or_default(),
    })))
}
