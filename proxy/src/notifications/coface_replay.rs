//! `POST /proxy/coface/notifications/replay` with `{"messageId", "firstSentAt"}` (the
//! notification's `MessageId` and when CofaServe first sent it, ISO 8601 UTC) and the
//! `x-tradecover-client` header: asks CofaServe to push a missed notification again, only
//! within the seed's limits as the core's `replay_decision` applies them (from 5 hours to 5
//! days after the first sending, 7 replays at most, counted here per message).
//!
//! Answers 202 `{"messageId", "attempt"}` when CofaServe accepted; 409 `{"code":
//! "notification.replay_not_allowed", "decision": {…}}` when the rules say no; 400 for a
//! malformed request; the insurer's error otherwise.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;
use tradecover_core::coface::replay::{
    parse_replay_response, replay_request, ReplayDecision, ReplayError, REPLAY_CLOSES_AFTER_SECS,
};
use tradecover_core::Insurer;

use super::sns_timestamp::parse_sns_timestamp;
use super::{unix_millis_now, NotificationState};
use crate::auth::send_core_request;
use crate::origin::CLIENT_HEADER;
use crate::problem::Problem;

/// Most messages whose replay attempts are counted at once (those past the 5-day window are
/// forgotten first).
pub const REPLAY_LEDGER_SIZE: usize = 4096;

/// The replay request's body.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ReplayBody {
    message_id: String,
    first_sent_at: String,
}

/// Replays asked for so far, per `MessageId`: `(first sent, Unix seconds; attempts)`.
#[derive(Debug, Default)]
pub struct ReplayLedger {
    attempts: Mutex<HashMap<String, (u64, u32)>>,
}

impl ReplayLedger {
    /// Replays of `message_id` asked for so far.
    pub fn attempts(&self, message_id: &str) -> u32 {
        let ledger = self.attempts.lock().unwrap_or_else(|p| p.into_inner());
        ledger.get(message_id).map_or(0, |(_, attempts)| *attempts)
    }

    /// Counts one more replay of `message_id`; returns the new count.
    fn record(&self, message_id: &str, first_sent: u64, now: u64) -> u32 {
        let mut ledger = self.attempts.lock().unwrap_or_else(|p| p.into_inner());
        if ledger.len() >= REPLAY_LEDGER_SIZE && !ledger.contains_key(message_id) {
            ledger.retain(|_, (sent, _)| now.saturating_sub(*sent) < REPLAY_CLOSES_AFTER_SECS);
            if ledger.len() >= REPLAY_LEDGER_SIZE {
                if let Some(oldest) = ledger
                    .iter()
                    .min_by_key(|(_, (sent, _))| *sent)
                    .map(|(id, _)| id.clone())
                {
                    ledger.remove(&oldest);
                }
            }
        }
        let entry = ledger
            .entry(message_id.to_owned())
            .or_insert((first_sent, 0));
        entry.1 += 1;
        entry.1
    }
}

/// Asks for one replay.
pub async fn replay(
    State(state): State<Arc<NotificationState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match ask(&state, &headers, &body).await {
        Ok(answer) => answer,
        Err(problem) => problem.into_response(),
    }
}

async fn ask(
    state: &NotificationState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Response, Problem> {
    if !headers.contains_key(CLIENT_HEADER) {
        return Err(Problem::new(
            403,
            "proxy.client_header_missing",
            format!("Calls must carry the {CLIENT_HEADER} header."),
        ));
    }
    let bad_request = |message: &str| Problem::new(400, "proxy.bad_request", message.to_owned());
    let body: ReplayBody = serde_json::from_slice(body)
        .map_err(|_| bad_request("The body must be {\"messageId\", \"firstSentAt\"}."))?;
    let first_sent = parse_sns_timestamp(&body.first_sent_at)
        .map(|millis| millis / 1000)
        .ok_or_else(|| bad_request("firstSentAt is not an ISO 8601 UTC time."))?;
    let message_id = body.message_id.trim();
    let now = unix_millis_now() / 1000;
    let attempts = state.replays.attempts(message_id);
    let request = match replay_request(message_id, first_sent, now, attempts) {
        Ok(request) => request,
        Err(ReplayError::NotAllowed(decision)) => return Ok(not_allowed(decision)),
        Err(error) => return Err(bad_request(&error.to_string())),
    };
    let app = &state.app;
    let mut request = request;
    let auth = app
        .coface
        .auth
        .headers()
        .await
        .map_err(|failure| failure.into_problem(Insurer::Coface, now))?;
    for (name, value) in auth {
        request = request.with_header(name, value);
    }
    let answer = send_core_request(&app.coface.upstream, &request)
        .await
        .map_err(|_| Problem::new(502, "insurer.unavailable", "Coface cannot be reached."))?;
    parse_replay_response(answer.status.as_u16(), &answer.body).map_err(|error| {
        Problem::new(
            502,
            error.code(),
            format!("Coface refused the replay: {error}"),
        )
    })?;
    let attempt = state.replays.record(message_id, first_sent, now);
    Ok((
        StatusCode::ACCEPTED,
        Json(json!({ "messageId": message_id, "attempt": attempt })),
    )
        .into_response())
}

fn not_allowed(decision: ReplayDecision) -> Response {
    (
        StatusCode::CONFLICT,
        Json(json!({
            "code": "notification.replay_not_allowed",
            "message": "CofaServe's rules do not allow a replay of this notification now.",
            "decision": decision,
        })),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ledger_counts_per_message_in_bounded_memory() {
        let ledger = ReplayLedger::default();
        assert_eq!(ledger.record("a", 100, 200), 1);
        assert_eq!(ledger.record("a", 100, 300), 2);
        assert_eq!(ledger.attempts("a"), 2);
        assert_eq!(ledger.attempts("b"), 0);
        for n in 0..REPLAY_LEDGER_SIZE + 5 {
            ledger.record(&format!("m{n}"), 1_000 + n as u64, 2_000);
        }
        assert!(ledger.attempts.lock().unwrap().len() <= REPLAY_LEDGER_SIZE);
    }
}
