//! `POST /__sandbox/outbox` with `{"insurer": "allianz-trade" | "coface", "target", "body"}`:
//! pushes a notification into the sandbox's [`Outbox`] as if the insurer's simulation had sent
//! it (a demo or test helper, not an insurer API) → 202 `{"queued": true}`; 400 for another
//! insurer or a malformed body.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::error::ApiError;
use crate::outbox::{Outbox, OutgoingNotification};

/// The pushed notification.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PushBody {
    insurer: String,
    target: String,
    body: serde_json::Value,
}

/// The route, with its outbox.
pub(crate) fn router(outbox: Outbox) -> Router {
    Router::new()
        .route("/__sandbox/outbox", post(push))
        .with_state(outbox)
}

async fn push(
    State(outbox): State<Outbox>,
    body: Result<Json<PushBody>, JsonRejection>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    let Json(body) = body.map_err(|error| ApiError::bad_request(error.body_text()))?;
    let insurer = match body.insurer.as_str() {
        "allianz-trade" => "allianz-trade",
        "coface" => "coface",
        other => {
            return Err(ApiError::bad_request(format!(
                "{other:?} sends no notifications (allianz-trade or coface)"
            )))
        }
    };
    outbox.push(OutgoingNotification {
        insurer,
        target: body.target,
        body: body.body,
    });
    Ok((StatusCode::ACCEPTED, Json(json!({ "queued": true }))))
}
