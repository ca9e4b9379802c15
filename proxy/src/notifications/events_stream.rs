//! `GET /proxy/events?client=<name>&contract=<n>` (or `policy=<n>`): the notifications of one
//! policy, as Server-Sent Events.
//!
//! A browser's `EventSource` cannot set headers, so instead of the `x-tradecover-client` header
//! the forwarded calls carry, the stream requires a `client` query parameter (1–64 of
//! `A–Z a–z 0–9 . _ : -`, naming the widget) and checks `Origin`: when the browser sends one
//! (cross-origin requests), it must be the proxy's own origin or one of
//! [`NotificationSettings::allowed_origins`](super::NotificationSettings), which are then
//! named in `Access-Control-Allow-Origin`.
//!
//! Each event has an `id` (increasing), an `event` type (`decision`, `cover`, `order`) and JSON
//! `data`. A reconnecting browser sends `Last-Event-ID` (or `?lastEventId=`): the kept events
//! after it (the last `history_size`, [`EVENT_HISTORY`](super::EVENT_HISTORY) by default) come
//! first; if some are no longer kept, a `gap` event says from which id. A comment is sent every
//! 15 seconds to keep the connection open; a subscriber whose connection closes is dropped at the next write, and one that falls
//! [`SUBSCRIBER_BACKLOG`](super::event_hub::SUBSCRIBER_BACKLOG) events behind is disconnected
//! (its browser reconnects and resumes). When the server served by
//! [`serve`](fn@crate::serve) begins its graceful shutdown, the stream ends, so that the shutdown
//! does not wait for it (the browser reconnects to another instance).

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Extension, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::future::{self, Either};
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::broadcast::error::RecvError;

use super::event_hub::{StoredEvent, Subscription};
use super::NotificationState;
use crate::problem::Problem;
use crate::serve::ShuttingDown;

/// Interval of the keep-alive comment.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// Reconnection delay suggested to the browser.
pub const RETRY_AFTER: Duration = Duration::from_secs(2);
/// Longest `client` and `contract`/`policy` values.
const MAX_PARAM: usize = 64;

/// Opens the event stream.
pub async fn events(
    State(state): State<Arc<NotificationState>>,
    Query(params): Query<HashMap<String, String>>,
    shutting_down: Option<Extension<ShuttingDown>>,
    headers: HeaderMap,
) -> Response {
    let shutting_down = shutting_down.map(|Extension(shutting_down)| shutting_down);
    match open(&state, &params, &headers, shutting_down) {
        Ok(response) => response,
        Err(problem) => problem.into_response(),
    }
}

fn open(
    state: &NotificationState,
    params: &HashMap<String, String>,
    headers: &HeaderMap,
    shutting_down: Option<ShuttingDown>,
) -> Result<Response, Problem> {
    let client = params.get("client").map(String::as_str).unwrap_or_default();
    if !is_token(client) {
        return Err(Problem::new(
            403,
            "proxy.client_missing",
            "The event stream needs a client parameter naming the widget.",
        ));
    }
    let policy = policy_param(params)?;
    let allowed_origin = check_origin(state, headers)?;
    let last_event_id = last_event_id(params, headers)?;
    let subscription = state.hub.subscribe(last_event_id);
    let until = match shutting_down {
        Some(shutting_down) => Either::Left(shutting_down.begun()),
        None => Either::Right(future::pending()),
    };
    let mut response = Sse::new(event_stream(subscription, policy).take_until(until))
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE).text("keep-alive"))
        .into_response();
    let response_headers = response.headers_mut();
    response_headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response_headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    if let Some(origin) = allowed_origin {
        response_headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response_headers.insert(header::VARY, HeaderValue::from_static("origin"));
    }
    Ok(response)
}

/// The SSE stream: a first comment (so the browser sees the stream open at once) with the
/// reconnection delay, the `gap` notice if any, the kept events, then live ones.
fn event_stream(
    subscription: Subscription,
    policy: String,
) -> impl Stream<Item = Result<Event, Infallible>> {
    let Subscription {
        backlog,
        missed_from,
        live,
    } = subscription;
    let mut opening = vec![Event::default().comment("subscribed").retry(RETRY_AFTER)];
    if let Some(missed_from) = missed_from {
        let resumed_from = backlog.first().map(|stored| stored.id);
        opening.push(Event::default().event("gap").data(
            serde_json::json!({"missedFrom": missed_from, "resumedFrom": resumed_from}).to_string(),
        ));
    }
    opening.extend(
        backlog
            .iter()
            .filter(|stored| stored.event.concerns(&policy))
            .map(|stored| sse_event(stored)),
    );
    let live = stream::unfold((live, policy), |(mut live, policy)| async move {
        loop {
            match live.recv().await {
                Ok(stored) if stored.event.concerns(&policy) => {
                    return Some((sse_event(&stored), (live, policy)));
                }
                Ok(_) => {}
                Err(RecvError::Lagged(_) | RecvError::Closed) => return None,
            }
        }
    });
    stream::iter(opening).chain(live).map(Ok)
}

fn sse_event(stored: &StoredEvent) -> Event {
    Event::default()
        .id(stored.id.to_string())
        .event(stored.event.kind.as_str())
        .data(stored.event.data.to_string())
}

/// The `contract` or `policy` parameter (synonyms: Coface says contract, Allianz Trade policy).
fn policy_param(params: &HashMap<String, String>) -> Result<String, Problem> {
    let contract = params.get("contract").map(|value| value.trim());
    let policy = params.get("policy").map(|value| value.trim());
    let chosen = match (contract, policy) {
        (Some(contract), Some(policy)) if contract != policy => None,
        (Some(value), _) | (None, Some(value)) => Some(value),
        (None, None) => None,
    };
    chosen
        .filter(|value| is_token(value))
        .map(str::to_owned)
        .ok_or_else(|| {
            Problem::new(
                400,
                "proxy.policy_missing",
                "The event stream needs one contract (or policy) parameter.",
            )
        })
}

/// The `Origin` to name in `Access-Control-Allow-Origin`, if a cross-origin one is allowed;
/// 403 for an origin that is neither the proxy's own nor allowed.
fn check_origin(
    state: &NotificationState,
    headers: &HeaderMap,
) -> Result<Option<HeaderValue>, Problem> {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(None);
    };
    let text = origin.to_str().unwrap_or_default();
    let host = headers
        .get(header::HOST)
        .and_then(|host| host.to_str().ok())
        .unwrap_or_default();
    let same_origin =
        !host.is_empty() && (text == format!("http://{host}") || text == format!("https://{host}"));
    if same_origin {
        return Ok(None);
    }
    if state
        .settings
        .allowed_origins
        .iter()
        .any(|allowed| allowed == text)
    {
        return Ok(Some(origin.clone()));
    }
    Err(Problem::new(
        403,
        "proxy.origin_not_allowed",
        "Pages of this origin may not subscribe to the proxy's events.",
    ))
}

/// `Last-Event-ID` (header, else `lastEventId` parameter): 400 if not a number.
fn last_event_id(
    params: &HashMap<String, String>,
    headers: &HeaderMap,
) -> Result<Option<u64>, Problem> {
    let value = match headers.get("last-event-id") {
        Some(header) => Some(header.to_str().unwrap_or("-").trim().to_owned()),
        None => params
            .get("lastEventId")
            .map(|value| value.trim().to_owned()),
    };
    match value.filter(|value| !value.is_empty()) {
        None => Ok(None),
        Some(value) => value.parse().map(Some).map_err(|_| {
            Problem::new(
                400,
                "proxy.last_event_id_invalid",
                "Last-Event-ID is not an event id of this proxy.",
            )
        }),
    }
}

/// 1–64 characters of `A–Z a–z 0–9 . _ : -`.
fn is_token(value: &str) -> bool {
    (1..=MAX_PARAM).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}
