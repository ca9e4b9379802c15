//! `POST …/covers/batch`: several applications at once, each handled as `POST …/covers` would
//! handle it, in order (so two applications for the same buyer and type conflict).
//!
//! The shape is the core's (nothing public shows it): request `{"data": [<application>, …]}`
//! (1 to [`MAX_BATCH`] items); answer `{"data": [<item>, …]}`, one item per application in
//! order, each the answer item of `POST …/covers` plus its own `status` (201, 202), or
//! `{"status", "errors"}` for an application that failed. The call answers 200 when every
//! application succeeded and 207 (multi-status) otherwise.
//!
//! An item with an `action` is a change of a cover (the body of `PUT …/covers`, see
//! [`super::modify`]; the core's chosen batch of changes): it is applied as `PUT …/covers`
//! would apply it, and answered with its item and status the same way.

use super::application::{answer_of, idempotent, json_body, read_application, submit};
use super::auth::authorize;
use super::error::AtradiusError;
use super::modify;
use super::AtradiusState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};
use std::sync::Arc;

/// Most applications in one batch.
pub(crate) const MAX_BATCH: usize = 100;

/// The handler.
pub(crate) async fn create(
    State(state): State<Arc<AtradiusState>>,
    headers: HeaderMap,
    bytes: Bytes,
) -> Result<Response, AtradiusError> {
    authorize(&state, &headers)?;
    let body = json_body(&bytes)?;
    idempotent(&state, &headers, "covers/batch", &body, |book, now| {
        let items = match body.get("data").and_then(Value::as_array) {
            Some(items) if (1..=MAX_BATCH).contains(&items.len()) => items,
            _ => {
                return answer_of(Err(AtradiusError::unprocessable(
                    format!("data must be a list of 1 to {MAX_BATCH} applications"),
                    Some("data"),
                )))
            }
        };
        let mut all_succeeded = true;
        let results: Vec<Value> = items
            .iter()
            .map(|item| {
                let result = if item.get("action").is_some() {
                    modify::read(&state, item)
                        .and_then(|change| modify::apply(&state, book, change, now))
                } else {
                    read_application(&state, item)
                        .and_then(|application| submit(&state, book, application, now))
                };
                let (status, mut answer) = match result {
                    Ok(answer) => answer,
                    Err(error) => {
                        all_succeeded = false;
                        (error.status, json!({ "errors": error.errors_json() }))
                    }
                };
                answer["status"] = json!(status.as_u16());
                answer
            })
            .collect();
        let status = if all_succeeded {
            StatusCode::OK
        } else {
            StatusCode::MULTI_STATUS
        };
        (status, json!({ "data": results }))
    })
}
