//! `GET /riskinfo/v3/jobs/{jobId}`: `{"jobId", "jobStatusCode": "PENDING", "creationDate"}`
//! until the job is processed (one second of sandbox time after the request), then
//! `{"jobStatusCode": "PROCESSED", "ressourceUrl"}` (the documented spelling) pointing at the
//! cover, as a path under the API's mount point (`/allianz-trade/riskinfo/v3/covers/COV-…`).
//! A cancellation's job works the same way. An unknown job: 404 `JOB_NOT_FOUND`.

use std::sync::Arc;

use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, Uri};
use axum::Json;
use serde_json::Value;

use super::cover_json;
use super::error::AllianzError;
use super::AllianzTradeState;

/// Path pattern of the job status.
pub(crate) const JOB_PATH: &str = "/riskinfo/v3/jobs/{jobId}";

/// The job status handler.
pub(crate) async fn get_job(
    State(state): State<Arc<AllianzTradeState>>,
    Path(job_id): Path<String>,
    OriginalUri(original): OriginalUri,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Json<Value>, AllianzError> {
    state.begin(&headers)?;
    let base = original.path().strip_suffix(uri.path()).unwrap_or_default();
    let simulation = state.simulation();
    let request = simulation.book.by_job(&job_id).ok_or_else(|| {
        AllianzError::not_found("JOB_NOT_FOUND", format!("No job has the id {job_id:?}"))
    })?;
    Ok(Json(cover_json::job(
        request,
        &job_id,
        base,
        &state.calendar,
    )))
}
