//! The proxy's notification endpoints over real loopback HTTP: Allianz Trade webhooks and
//! Coface SNS pushes reach an SSE subscriber; forged, replayed and stale messages do not.

mod notifications_support;

use std::time::Duration;

use notifications_support::{
    allianz_functional, coface_decision_message, unix_millis, RunningProxy, SseClient,
};
use tradecover_core::allianz_trade::notification::parse_notification;
use tradecover_core::coface::notification::{parse_sns_envelope, read_push, PushMessage};
use tradecover_core::coface::sns::verify_signature;
use tradecover_sandbox::{sns_certificate_pem, sns_signer, SnsSigner};

const QUIET: Duration = Duration::from_millis(300);
const WAIT: Duration = Duration::from_secs(5);
const DAY_MS: u64 = 86_400_000;

/// A Coface message for `contract`, signed by the sandbox's SNS at `published_ms`.
fn signed_push(contract: &str, delivery_id: &str, message_id: &str, published_ms: u64) -> String {
    let message = coface_decision_message(contract, delivery_id).to_string();
    sns_signer()
        .notification("credit_insurance_cover", &message, message_id, published_ms)
        .to_string()
}

async fn post_sns(proxy: &RunningProxy, envelope: &str) -> (u16, String) {
    proxy
        .post(
            "/notifications/coface",
            &[
                ("content-type", "text/plain; charset=UTF-8"),
                ("x-amz-sns-message-type", "Notification"),
            ],
            envelope,
        )
        .await
}

fn code(body: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(body).unwrap();
    json["code"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn an_allianz_trade_webhook_reaches_the_subscriber() {
    let proxy = RunningProxy::start().await;
    let mut events = SseClient::connect(
        &proxy,
        "/proxy/events?client=tracker&policy=P-77",
        &[("accept-encoding", "gzip, br")],
    )
    .await;
    assert_eq!(events.status, 200);
    assert!(events
        .header("content-type")
        .unwrap()
        .starts_with("text/event-stream"));
    assert_eq!(
        events.header("content-encoding"),
        None,
        "events are never compressed"
    );

    let body = allianz_functional("N-1", "REQ-1001", "P-77").to_string();
    let (status, answer) = proxy.post("/notifications/allianz-trade", &[], &body).await;
    assert_eq!(status, 200, "{answer}");

    let event = events.next_event(WAIT).await.expect("the webhook's event");
    assert_eq!(event.event.as_deref(), Some("decision"));
    let data = event.json();
    assert_eq!(data["insurer"], "allianz-trade");
    assert_eq!(data["policy"], "P-77");
    let expected = parse_notification(body.as_bytes()).unwrap();
    assert_eq!(data["decision"], serde_json::json!(expected.decision()));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&answer).unwrap()["eventId"],
        event.number()
    );
    assert!(events.comments.iter().any(|c| c == "subscribed"));

    // The same notification again is not fanned out twice; a malformed one is refused.
    let (status, answer) = proxy.post("/notifications/allianz-trade", &[], &body).await;
    assert_eq!(
        (status, code(&answer).as_str()),
        (409, "notification.duplicate")
    );
    for malformed in ["not json", "[]", r#"{"notificationId": "N-2", "other": 1}"#] {
        let (status, answer) = proxy
            .post("/notifications/allianz-trade", &[], malformed)
            .await;
        assert_eq!(status, 400, "{malformed}: {answer}");
        assert_eq!(code(&answer), "notification.malformed");
    }
    assert_eq!(events.next_event(QUIET).await, None);
    proxy.stop().await;
}

#[tokio::test]
async fn a_signed_coface_push_reaches_the_subscriber() {
    let proxy = RunningProxy::start().await;
    let mut events =
        SseClient::connect(&proxy, "/proxy/events?client=tracker&contract=1234567", &[]).await;
    let envelope = signed_push(
        "1234567",
        "DLV-1",
        &SnsSigner::new_message_id(),
        unix_millis(),
    );
    let (status, answer) = post_sns(&proxy, &envelope).await;
    assert_eq!(status, 200, "{answer}");

    let event = events.next_event(WAIT).await.expect("the push's event");
    assert_eq!(event.event.as_deref(), Some("decision"));
    let data = event.json();
    assert_eq!(data["insurer"], "coface");
    assert_eq!(data["policy"], "1234567");
    let PushMessage::Notification(expected) =
        read_push(&parse_sns_envelope(envelope.as_bytes()).unwrap()).unwrap()
    else {
        panic!("not a notification");
    };
    assert_eq!(
        data["decision"],
        serde_json::json!(expected.decision().unwrap())
    );
    proxy.stop().await;
}

#[tokio::test]
async fn the_sandbox_certificate_verifies_its_envelopes_and_is_served() {
    let proxy = RunningProxy::start().await;
    let (status, pem) = proxy
        .request("GET", "/__sandbox/sns/certificate.pem", &[], "")
        .await;
    assert_eq!(status, 200);
    assert_eq!(pem, sns_certificate_pem());
    let envelope = signed_push("1", "DLV-2", "m-cert", unix_millis());
    let parsed = parse_sns_envelope(envelope.as_bytes()).unwrap();
    assert_eq!(verify_signature(&parsed, pem.as_bytes()), Ok(()));
    proxy.stop().await;
}

#[tokio::test]
async fn forged_pushes_are_refused_and_not_fanned_out() {
    let proxy = RunningProxy::start().await;
    let mut events =
        SseClient::connect(&proxy, "/proxy/events?client=tracker&contract=1234567", &[]).await;
    let good: serde_json::Value =
        serde_json::from_str(&signed_push("1234567", "DLV-3", "m-forged", unix_millis())).unwrap();

    let mut altered = good.clone();
    altered["Message"] = coface_decision_message("1234567", "DLV-999")
        .to_string()
        .into();
    let (status, answer) = post_sns(&proxy, &altered.to_string()).await;
    assert_eq!(
        (status, code(&answer).as_str()),
        (403, "notification.signature_invalid")
    );

    let mut garbage = good.clone();
    garbage["Signature"] = "AAAA".into();
    let (status, answer) = post_sns(&proxy, &garbage.to_string()).await;
    assert_eq!(
        (status, code(&answer).as_str()),
        (403, "notification.signature_invalid")
    );

    for url in [
        "https://attacker.example/SimpleNotificationService-x.pem",
        "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem",
    ] {
        let mut elsewhere = good.clone();
        elsewhere["SigningCertURL"] = url.into();
        let (status, answer) = post_sns(&proxy, &elsewhere.to_string()).await;
        assert_eq!(
            (status, code(&answer).as_str()),
            (403, "notification.certificate_untrusted"),
            "{url}"
        );
    }

    let (status, answer) = post_sns(&proxy, "{\"Type\": \"Notification\"}").await;
    assert_eq!(
        (status, code(&answer).as_str()),
        (400, "notification.malformed")
    );
    assert_eq!(
        events.next_event(QUIET).await,
        None,
        "nothing forged got through"
    );

    // The genuine message still goes through afterwards.
    let (status, answer) = post_sns(&proxy, &good.to_string()).await;
    assert_eq!(status, 200, "{answer}");
    assert!(events.next_event(WAIT).await.is_some());
    proxy.stop().await;
}

#[tokio::test]
async fn a_replayed_message_id_is_refused_and_fanned_out_once() {
    let proxy = RunningProxy::start().await;
    let mut events =
        SseClient::connect(&proxy, "/proxy/events?client=tracker&contract=1234567", &[]).await;
    let envelope = signed_push("1234567", "DLV-4", "m-replayed", unix_millis());
    assert_eq!(post_sns(&proxy, &envelope).await.0, 200);
    let (status, answer) = post_sns(&proxy, &envelope).await;
    assert_eq!(
        (status, code(&answer).as_str()),
        (409, "notification.duplicate")
    );

    let first = events.next_event(WAIT).await.unwrap();
    let other = signed_push("1234567", "DLV-5", "m-other", unix_millis());
    assert_eq!(post_sns(&proxy, &other).await.0, 200);
    let second = events.next_event(WAIT).await.unwrap();
    assert_eq!(second.number(), first.number() + 1);
    assert_eq!(second.json()["decision"]["id"], "DLV-5");
    proxy.stop().await;
}

#[tokio::test]
async fn messages_older_than_the_replay_window_are_refused() {
    let proxy = RunningProxy::start().await;
    let now = unix_millis();
    let stale = signed_push("1", "DLV-6", "m-stale", now - 6 * DAY_MS);
    let (status, answer) = post_sns(&proxy, &stale).await;
    assert_eq!(
        (status, code(&answer).as_str()),
        (400, "notification.too_old")
    );
    let ahead = signed_push("1", "DLV-7", "m-ahead", now + DAY_MS);
    let (status, answer) = post_sns(&proxy, &ahead).await;
    assert_eq!(
        (status, code(&answer).as_str()),
        (400, "notification.from_the_future")
    );
    // Within the five days a replayed delivery can take, a message is accepted.
    let late = signed_push("1", "DLV-8", "m-late", now - 4 * DAY_MS);
    assert_eq!(post_sns(&proxy, &late).await.0, 200);
    proxy.stop().await;
}

#[tokio::test]
async fn a_subscription_confirmation_is_confirmed() {
    let proxy = RunningProxy::start().await;
    let confirmation = sns_signer().subscription_confirmation(
        "credit_insurance_cover",
        &SnsSigner::new_message_id(),
        unix_millis(),
    );
    let (status, answer) = proxy
        .post(
            "/notifications/coface",
            &[("x-amz-sns-message-type", "SubscriptionConfirmation")],
            &confirmation.to_string(),
        )
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&answer).unwrap()["confirmed"],
        true
    );
    // The sandbox refuses a token it did not issue for the topic.
    let url = confirmation["SubscribeURL"]
        .as_str()
        .unwrap()
        .replace("Token=", "Token=00");
    let query = url.split_once('?').unwrap().1;
    let (status, _) = proxy
        .request("GET", &format!("/__sandbox/sns/confirm?{query}"), &[], "")
        .await;
    assert_eq!(status, 400);
    // A confirmation whose type header disagrees is refused.
    let (status, _) = proxy
        .post(
            "/notifications/coface",
            &[("x-amz-sns-message-type", "Notification")],
            &confirmation.to_string(),
        )
        .await;
    assert_eq!(status, 400);
    proxy.stop().await;
}
