//! `GET /riskinfo/v3/covers/{coverId}`: the cover a processed job points at (see
//! [`cover_json`]); 404 `COVER_NOT_FOUND` for an id the sandbox never
//! gave or a cover whose job is not processed yet.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::Value;

use super::cover_json;
use super::error::AllianzError;
use super::AllianzTradeState;

/// Path pattern of a cover.
pub(crate) const COVER_PATH: &str = "/riskinfo/v3/covers/{coverId}";

/// The cover handler.
pub(crate) async fn get_cover(
    State(state): State<Arc<AllianzTradeState>>,
    Path(cover_id): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Value>, AllianzError> {
    state.begin(&headers)?;
    let simulation = state.simulation();
    let request = simulation.book.by_cover(&cover_id).ok_or_else(|| {
        AllianzError::not_found(
            "COVER_NOT_FOUND",
            format!("No cover has the id {cover_id:?}"),
        )
    })?;
    Ok(Json(cover_json::cover(request, &state.calendar)))
}
