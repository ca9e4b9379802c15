//! Delivery of the embedded sandbox's notifications: every [`OutgoingNotification`] its
//! simulations push into the [`Outbox`] is posted, in-process, to the proxy's own notification
//! endpoints through their router, so that it takes the full path a real one takes — an
//! Allianz Trade callback body as is, a Coface message wrapped and signed by the sandbox's SNS
//! signer (then verified like any SNS message).

use std::sync::Weak;

use axum::body::Body;
use axum::http::{header, Request};
use tokio::sync::broadcast::error::RecvError;
use tower::ServiceExt;
use tradecover_sandbox::{sns_signer, Outbox, OutgoingNotification, SnsSigner};

use super::coface_push::SNS_TYPE_HEADER;
use super::{notification_routes, unix_millis_now, NotificationState};

/// Starts delivering the notifications pushed into `outbox` from now on (when called inside a
/// tokio runtime; a no-op otherwise). The task ends when the proxy's notification state is
/// gone or the outbox closes.
pub fn start(outbox: &Outbox, state: Weak<NotificationState>) {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let mut receiver = outbox.subscribe();
    runtime.spawn(async move {
        loop {
            let notification = match receiver.recv().await {
                Ok(notification) => notification,
                Err(RecvError::Lagged(missed)) => {
                    eprintln!("tradecover-proxy: {missed} sandbox notifications were dropped");
                    continue;
                }
                Err(RecvError::Closed) => return,
            };
            let Some(state) = state.upgrade() else {
                return;
            };
            deliver(&state, &notification).await;
        }
    });
}

/// Posts one notification to the matching endpoint.
pub async fn deliver(
    state: &std::sync::Arc<NotificationState>,
    notification: &OutgoingNotification,
) {
    let Some(request) = delivery_request(state, notification) else {
        eprintln!(
            "tradecover-proxy: sandbox notification from {} not deliverable",
            notification.insurer
        );
        return;
    };
    let router = notification_routes(std::sync::Arc::clone(state));
    let response = match router.oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    if !response.status().is_success() {
        eprintln!(
            "tradecover-proxy: sandbox notification from {} refused with {}",
            notification.insurer,
            response.status()
        );
    }
}

/// The request that delivers `notification`, `None` for an insurer that does not push.
fn delivery_request(
    state: &NotificationState,
    notification: &OutgoingNotification,
) -> Option<Request<Body>> {
    let (uri, body, sns_type): (String, String, Option<&str>) = match notification.insurer {
        "allianz-trade" => {
            let uri = match &state.settings.allianz_callback_token {
                Some(token) => format!("/notifications/allianz-trade?token={token}"),
                None => "/notifications/allianz-trade".to_owned(),
            };
            (uri, notification.body.to_string(), None)
        }
        "coface" => {
            // The simulation names the message (its replay log finds it by that id); SNS
            // carries it as the envelope's MessageId.
            let message_id = notification
                .body
                .get("messageId")
                .and_then(|id| id.as_str())
                .map_or_else(SnsSigner::new_message_id, str::to_owned);
            let envelope = sns_signer().notification(
                &notification.target,
                &notification.body.to_string(),
                &message_id,
                unix_millis_now(),
            );
            (
                "/notifications/coface".to_owned(),
                envelope.to_string(),
                Some("Notification"),
            )
        }
        _ => return None,
    };
    let mut builder = Request::post(uri);
    builder = match sns_type {
        // What SNS itself sends.
        Some(sns_type) => builder
            .header(header::CONTENT_TYPE, "text/plain; charset=UTF-8")
            .header(SNS_TYPE_HEADER, sns_type),
        None => builder.header(header::CONTENT_TYPE, "application/json"),
    };
    builder.body(Body::from(body)).ok()
}
