//! `POST /notifications/allianz-trade[?token=…]`: the webhook callbacks of Allianz Trade (a
//! technical notification carrying the cover, or a functional one carrying the cover request's
//! decision), read with the core, de-duplicated and fanned out.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use tradecover_core::allianz_trade::notification::{parse_notification, Notification};
use tradecover_core::Insurer;

use super::event::{EventKind, NotificationEvent};
use super::NotificationState;
use crate::problem::Problem;

/// Largest callback body accepted.
pub const MAX_WEBHOOK_BODY: usize = 256 * 1024;

/// Receives one callback: 200 `{"eventId"}` when fanned out; 403 without the configured
/// token; 400 when the core cannot read it; 409 when the same notification already came.
pub async fn receive_allianz_trade(
    State(state): State<Arc<NotificationState>>,
    Query(params): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    match receive(&state, &params, &body) {
        Ok(id) => Json(serde_json::json!({ "eventId": id })).into_response(),
        Err(problem) => problem.into_response(),
    }
}

fn receive(
    state: &NotificationState,
    params: &HashMap<String, String>,
    body: &[u8],
) -> Result<u64, Problem> {
    if let Some(expected) = &state.settings.allianz_callback_token {
        let given = params.get("token").map(String::as_str).unwrap_or_default();
        if !constant_time_eq(given.as_bytes(), expected.as_bytes()) {
            return Err(Problem::new(
                403,
                "notification.token_invalid",
                "The callback URL's token is missing or wrong.",
            ));
        }
    }
    if body.len() > MAX_WEBHOOK_BODY {
        return Err(Problem::new(
            413,
            "proxy.body_too_large",
            "The notification is too large.",
        ));
    }
    let notification = parse_notification(body).map_err(|error| {
        Problem::new(
            400,
            "notification.malformed",
            format!("Not an Allianz Trade notification: {error}"),
        )
    })?;
    let raw: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    if !state
        .seen
        .first_time(&dedup_key(&raw, &notification), Instant::now())
    {
        return Err(Problem::new(
            409,
            "notification.duplicate",
            "This notification was already received.",
        ));
    }
    let kind = match notification {
        Notification::Technical(_) => EventKind::Cover,
        Notification::Functional(_) => EventKind::Decision,
        _ => EventKind::Decision,
    };
    let decision = serde_json::to_value(notification.decision()).unwrap_or_default();
    Ok(state.hub.publish(NotificationEvent::new(
        kind,
        Insurer::AllianzTrade,
        policy_of(&raw),
        "decision",
        decision,
    )))
}

/// The de-duplication key: the `notificationId` when the body has one, else the decision it
/// carries (the same decision sent again is the same notification).
fn dedup_key(raw: &serde_json::Value, notification: &Notification) -> String {
    match raw.get("notificationId").and_then(scalar_text) {
        Some(id) => format!("allianz-trade:id:{id}"),
        None => format!(
            "allianz-trade:content:{}",
            serde_json::to_string(notification).unwrap_or_default()
        ),
    }
}

/// The `policyId` of the notification (`policy.policyId` or `policyId`, at the top or in the
/// `cover` / `coverRequest` object), when it carries one.
fn policy_of(raw: &serde_json::Value) -> Option<String> {
    let in_object = |object: &serde_json::Value| {
        object
            .get("policy")
            .and_then(|policy| policy.get("policyId"))
            .or_else(|| object.get("policyId"))
            .and_then(scalar_text)
    };
    in_object(raw)
        .or_else(|| raw.get("cover").and_then(in_object))
        .or_else(|| raw.get("coverRequest").and_then(in_object))
}

/// A string or number as text (not blank).
fn scalar_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
        serde_json::Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// Compares secrets without stopping at the first difference.
fn constant_time_eq(given: &[u8], expected: &[u8]) -> bool {
    let mut difference = given.len() ^ expected.len();
    for (index, byte) in expected.iter().enumerate() {
        difference |= usize::from(byte ^ given.get(index).copied().unwrap_or(!byte));
    }
    difference == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_policy_wherever_it_is() {
        let nested = serde_json::json!({"cover": {"policy": {"policyId": "P-1"}}});
        assert_eq!(policy_of(&nested).as_deref(), Some("P-1"));
        let top = serde_json::json!({"policyId": 42, "coverRequest": {}});
        assert_eq!(policy_of(&top).as_deref(), Some("42"));
        assert_eq!(policy_of(&serde_json::json!({"cover": {}})), None);
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secreT", b"secret"));
        assert!(!constant_time_eq(b"secret-", b"secret"));
        assert!(!constant_time_eq(b"", b"secret"));
    }
}
