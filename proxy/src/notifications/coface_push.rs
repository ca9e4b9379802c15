//! `POST /notifications/coface`: what Amazon SNS posts for CofaServe (push notifications and
//! subscription confirmations). In order: read the envelope (400); check the `SigningCertURL`
//! (403 unless an allowlisted Amazon SNS certificate URL) and verify the signature with the
//! core (403 when forged or altered); refuse a topic not configured (403); refuse a `Timestamp` older than the allowed age or from
//! the future (400); refuse a `MessageId` already handled (409, so a replayed or duplicate
//! message is never fanned out twice); then fan the notification out (200 `{"eventId"}`), or
//! confirm the subscription by visiting its checked `SubscribeURL` (200 `{"confirmed": true}`).

use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use tradecover_core::coface::notification::{
    parse_sns_envelope, read_push, CofaceNotification, PushMessage, SnsEnvelope,
};
use tradecover_core::coface::sns::{check_sns_url, verify_signature};
use tradecover_core::Insurer;

use super::event::{EventKind, NotificationEvent};
use super::sns_timestamp::{freshness, parse_sns_timestamp, Freshness};
use super::{unix_millis_now, NotificationState};
use crate::problem::Problem;

/// Largest SNS message (Amazon SNS's own limit is 256 KiB of payload).
pub const MAX_SNS_BODY: usize = 300 * 1024;
/// Header SNS sets to the message `Type`.
pub const SNS_TYPE_HEADER: &str = "x-amz-sns-message-type";

/// Receives one SNS message.
pub async fn receive_coface(
    State(state): State<Arc<NotificationState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match receive(&state, &headers, &body).await {
        Ok(answer) => Json(answer).into_response(),
        Err(problem) => problem.into_response(),
    }
}

async fn receive(
    state: &NotificationState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<serde_json::Value, Problem> {
    if body.len() > MAX_SNS_BODY {
        return Err(Problem::new(
            413,
            "proxy.body_too_large",
            "The message is too large.",
        ));
    }
    let envelope = parse_sns_envelope(body).map_err(|error| {
        Problem::new(
            400,
            "notification.malformed",
            format!("Not an SNS message: {error}"),
        )
    })?;
    if let Some(declared) = headers.get(SNS_TYPE_HEADER) {
        if declared.as_bytes() != envelope.message_type.as_str().as_bytes() {
            return Err(Problem::new(
                400,
                "notification.malformed",
                format!("The {SNS_TYPE_HEADER} header does not match the message Type."),
            ));
        }
    }
    check_authentic(state, &envelope).await?;
    if !state.settings.accepts_topic(&envelope.topic_arn) {
        return Err(Problem::new(
            403,
            "notification.topic_not_allowed",
            "Messages of this SNS topic are not accepted.",
        ));
    }
    check_fresh(state, &envelope)?;
    if !state
        .seen
        .first_time(&format!("coface:{}", envelope.dedup_key()), Instant::now())
    {
        return Err(Problem::new(
            409,
            "notification.duplicate",
            "This MessageId was already received.",
        ));
    }
    let push = read_push(&envelope).map_err(|error| {
        Problem::new(
            400,
            "notification.malformed",
            format!("Not a CofaServe notification: {error}"),
        )
    })?;
    match push {
        PushMessage::Notification(notification) => {
            let id = state.hub.publish(event_of(&notification));
            Ok(json!({ "eventId": id }))
        }
        PushMessage::SubscriptionConfirmation { subscribe_url, .. } => {
            confirm(state, &subscribe_url).await?;
            Ok(json!({ "confirmed": true }))
        }
        PushMessage::UnsubscribeConfirmation { .. } => Ok(json!({ "unsubscribed": true })),
        _ => Ok(json!({ "ignored": envelope.message_type.as_str() })),
    }
}

/// The signature check: the certificate from an allowlisted SNS URL, then the core's RSA
/// verification.
async fn check_authentic(state: &NotificationState, envelope: &SnsEnvelope) -> Result<(), Problem> {
    let url = envelope.signing_cert_url.as_deref().unwrap_or_default();
    let certificate = state
        .certificates
        .certificate(url, state.sns.as_ref())
        .await?;
    verify_signature(envelope, &certificate).map_err(|error| {
        Problem::new(
            403,
            "notification.signature_invalid",
            format!("The SNS signature cannot be trusted: {error}"),
        )
    })
}

fn check_fresh(state: &NotificationState, envelope: &SnsEnvelope) -> Result<(), Problem> {
    let published = parse_sns_timestamp(&envelope.timestamp).ok_or_else(|| {
        Problem::new(
            400,
            "notification.malformed",
            "The SNS Timestamp is not an ISO 8601 UTC time.",
        )
    })?;
    match freshness(
        published,
        unix_millis_now(),
        state.settings.max_message_age,
        state.settings.max_clock_skew,
    ) {
        Freshness::Fresh => Ok(()),
        Freshness::TooOld => Err(Problem::new(
            400,
            "notification.too_old",
            "The message is older than any delivery or replay of it can be.",
        )),
        Freshness::FromTheFuture => Err(Problem::new(
            400,
            "notification.from_the_future",
            "The message's Timestamp is ahead of the proxy's clock.",
        )),
    }
}

/// Visits the `SubscribeURL` (only an Amazon SNS URL on a trusted host) to confirm the
/// subscription.
async fn confirm(state: &NotificationState, subscribe_url: &str) -> Result<(), Problem> {
    let untrusted = || {
        Problem::new(
            403,
            "notification.subscribe_url_untrusted",
            "The SubscribeURL is not a trusted Amazon SNS URL.",
        )
    };
    check_sns_url(subscribe_url).map_err(|_| untrusted())?;
    if !state.certificates.allows_host(subscribe_url) {
        return Err(untrusted());
    }
    match state.sns.get(subscribe_url).await {
        Ok((status, _)) if (200..300).contains(&status) => Ok(()),
        _ => Err(Problem::new(
            502,
            "notification.confirmation_failed",
            "The subscription could not be confirmed.",
        )),
    }
}

/// The event of a Coface notification: a `decision` with the neutral row when the core can make
/// one, else an `order` with the parsed CofaServe fields.
fn event_of(notification: &CofaceNotification) -> NotificationEvent {
    let policy = notification.contract_number.clone();
    match notification.decision() {
        Some(decision) => NotificationEvent::new(
            EventKind::Decision,
            Insurer::Coface,
            policy,
            "decision",
            serde_json::to_value(decision).unwrap_or_default(),
        ),
        None => NotificationEvent::new(
            EventKind::Order,
            Insurer::Coface,
            policy,
            "notification",
            serde_json::to_value(notification).unwrap_or_default(),
        ),
    }
}
