//! `PATCH /coface/replay/v1/replay` with `{"messageId"}`: pushes a notification again (the
//! real service is on the TCI API host, `https://api.coface.com/tci/replay/v1/replay`). The
//! seed's rules: from five hours after the message was first sent (the automatic retries) until
//! five days after it, at most seven times; then it is lost. Answer 200 `{"messageId",
//! "status": "REPLAYED", "attempts", "remainingAttempts"}`; refusals are 400
//! `ReplayTooEarly`, `ReplayExpired` or `ReplayAttemptsExceeded`, 404 `MessageNotFound`.

use super::{authorize, CofaceState};
use crate::error::ApiError;
use crate::outbox::OutgoingNotification;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

/// Time after the first sending before a replay may be asked for.
pub(crate) const OPENS_AFTER: Duration = Duration::from_secs(5 * 3600);
/// Time after the first sending after which a message is lost.
pub(crate) const CLOSES_AFTER: Duration = super::push::REPLAY_WINDOW;
/// Most replays of one message.
pub(crate) const MAX_ATTEMPTS: u32 = 7;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReplayBody {
    message_id: Option<String>,
}

fn refused(code: &'static str, message: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, code, message)
}

/// The replay handler.
pub(crate) async fn replay(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    let request: ReplayBody = serde_json::from_slice(&body)
        .map_err(|_| ApiError::bad_request("The body must be a JSON object with messageId"))?;
    let message_id = request
        .message_id
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .ok_or_else(|| ApiError::bad_request("messageId is required"))?
        .to_owned();
    let now = state.clock.now();
    let mut book = state.settled_book();
    let entry = book.log.get_mut(&message_id).ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "MessageNotFound",
            format!("No notification {message_id} can be replayed"),
        )
    })?;
    let elapsed = now.saturating_sub(entry.first_sent);
    if entry.replays >= MAX_ATTEMPTS {
        return Err(refused(
            "ReplayAttemptsExceeded",
            "This message cannot be replayed anymore",
        ));
    }
    if elapsed >= CLOSES_AFTER {
        return Err(refused(
            "ReplayExpired",
            "Messages can be replayed until five days after they were sent",
        ));
    }
    if elapsed < OPENS_AFTER {
        return Err(refused(
            "ReplayTooEarly",
            "Messages can be replayed from five hours after they were sent",
        ));
    }
    entry.replays += 1;
    let attempts = entry.replays;
    state.outbox.push(OutgoingNotification {
        insurer: "coface",
        target: entry.topic.to_owned(),
        body: entry.body.clone(),
    });
    Ok(Json(json!({
        "messageId": message_id,
        "status": "REPLAYED",
        "attempts": attempts,
        "remainingAttempts": MAX_ATTEMPTS - attempts,
    })))
}
