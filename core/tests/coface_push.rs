//! Coface push notifications and replays: the subscription and replay requests against their
//! exact fixtures, SNS envelopes and CofaServe messages parsed field by field, and the parsers
//! fed arbitrary bytes.
#![cfg(feature = "coface")]

use std::path::PathBuf;

use proptest::prelude::*;
use tradecover_core::coface::notification::{
    self, parse_sns_envelope, parse_subscription_response, read_push, subscription_request,
    token_auth_subscription_request, CofaceNotification, NotificationEndpoint, ProductCode,
    PushMessage, SnsMessageType, SubscriberOauth, SubscriptionReceipt, Topic,
};
use tradecover_core::coface::replay::{
    parse_replay_response, replay_decision, replay_request, ReplayDecision, ReplayError,
};
use tradecover_core::currency::Currency;
use tradecover_core::lifecycle::{Outcome, PendingReason, RawStatus, Status, StatusReport};
use tradecover_core::money::Money;
use tradecover_core::{Country, HttpRequest, Insurer, InsurerError};

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "coface",
        name,
    ]
    .iter()
    .collect();
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn request_fixture(operation: &str) -> HttpRequest {
    serde_json::from_slice(&fixture(&format!("{operation}.request.json")))
        .unwrap_or_else(|error| panic!("{operation}.request.json: {error}"))
}

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

fn report(scheme: &str, code: &str, status: Option<Status>) -> StatusReport {
    StatusReport {
        status,
        raw: RawStatus::new(scheme, code),
    }
}

fn notification_of(body: &[u8]) -> CofaceNotification {
    let envelope = parse_sns_envelope(body).unwrap();
    match read_push(&envelope).unwrap() {
        PushMessage::Notification(notification) => *notification,
        other => panic!("a notification expected, got {other:?}"),
    }
}

// ---- subscriptions ----

#[test]
fn subscription_golden() {
    let endpoint = NotificationEndpoint::from_url(
        "https://my-own-host.com/my_own_path?my_technical_user=mtu007",
    )
    .unwrap();
    let request = subscription_request(&Topic::CreditInsuranceCover, &endpoint).unwrap();
    assert_eq!(request, request_fixture("subscription"));
    assert_eq!(
        notification::subscription_path(&Topic::Scoring),
        "/topics/scoring/subscriptions"
    );
}

#[test]
fn token_auth_subscription_golden() {
    let endpoint =
        NotificationEndpoint::from_url("https://hooks.seller.example:8443/coface/push").unwrap();
    let oauth = SubscriberOauth {
        token_endpoint: NotificationEndpoint::from_url("https://auth.seller.example/oauth2/token")
            .unwrap(),
        client_id: "cofaserve-push".into(),
        client_secret: "not-a-real-secret".into(),
        scope: Some(" notifications.write ".into()),
    };
    let request = token_auth_subscription_request(&Topic::Scoring, &endpoint, &oauth).unwrap();
    assert_eq!(request, request_fixture("subscription_token_auth"));
}

#[test]
fn subscription_answers() {
    let typical =
        parse_subscription_response(201, &fixture("subscription.response.typical.json")).unwrap();
    assert_eq!(
        typical,
        SubscriptionReceipt {
            subscription_arn: Some(
                "arn:aws:sns:eu-west-1:123456789012:credit_insurance_cover:\
                 2bcfbf39-05c3-41de-beaa-fcfcc21c8f55"
                    .into()
            ),
            topic: Some(Topic::CreditInsuranceCover),
            status: Some("confirmed".into()),
        }
    );
    let edge =
        parse_subscription_response(200, &fixture("subscription.response.edge.json")).unwrap();
    assert_eq!(edge.subscription_arn, None);
    assert_eq!(edge.topic, Some(Topic::Other("late_payment_alerts".into())));
    assert_eq!(edge.status, None);
    assert_eq!(
        parse_subscription_response(204, b""),
        Ok(SubscriptionReceipt::default())
    );
    assert_eq!(
        parse_subscription_response(404, &fixture("subscription.response.error.json")),
        Err(InsurerError::Rejected {
            status: 404,
            code: "TopicNotFound".into(),
            message: "Unknown topic".into()
        })
    );
    assert_eq!(
        parse_subscription_response(200, b"<html>")
            .unwrap_err()
            .code(),
        "insurer.malformed"
    );
}

// ---- pushes ----

#[test]
fn typical_notification_is_read_field_by_field() {
    let body = fixture("sns/notification-v2.json");
    let envelope = parse_sns_envelope(&body).unwrap();
    assert_eq!(envelope.message_type, SnsMessageType::Notification);
    assert_eq!(envelope.dedup_key(), "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
    assert_eq!(envelope.signature_version.as_deref(), Some("2"));
    assert_eq!(envelope.subject, None);
    assert!(envelope
        .unsubscribe_url
        .as_deref()
        .unwrap()
        .starts_with("https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&"));

    let notification = notification_of(&body);
    assert_eq!(
        notification.dedup_key(),
        "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324"
    );
    assert_eq!(notification.topic, Topic::CreditInsuranceCover);
    assert_eq!(notification.published_at, "2024-05-02T10:15:00.000Z");
    assert_eq!(notification.external_id.as_deref(), Some("EXT-88412"));
    assert_eq!(notification.event_date.as_deref(), Some("2024-05-02"));
    assert_eq!(notification.contract_number.as_deref(), Some("1234567"));
    assert_eq!(
        notification.easy_number.as_deref(),
        Some("0012345678904700000")
    );
    assert!(!notification.has_temporary_easy_number());
    assert_eq!(
        notification.company_name.as_deref(),
        Some("Société Dupont SAS")
    );
    assert_eq!(notification.country, Country::from_alpha2("FR"));
    assert_eq!(notification.product, Some(ProductCode::CreditLimit));
    assert_eq!(notification.order_id.as_deref(), Some("ORD-552019"));
    assert_eq!(notification.delivery_id.as_deref(), Some("DLV-901233"));
    assert_eq!(
        notification.status,
        Some(report(
            "coface.delivery",
            "DECIDED_PARTIAL",
            Some(Status::Decided(Outcome::Partial))
        ))
    );
    assert_eq!(notification.requested, Some(eur(10_000_000)));
    assert_eq!(notification.granted, Some(eur(5_000_000)));
    assert_eq!(notification.decision_date.as_deref(), Some("2024-05-02"));
    assert_eq!(notification.effective_date.as_deref(), Some("2024-05-03"));
    assert_eq!(notification.expiry_date, None);
    assert_eq!(notification.customer_reference.as_deref(), Some("C-42"));

    let decision = notification.decision().unwrap();
    assert_eq!(decision.insurer, Insurer::Coface);
    assert_eq!(decision.id, "DLV-901233");
    assert_eq!(decision.buyer_id, "0012345678904700000");
    assert_eq!(decision.product, "CREDITLIMIT");
    assert_eq!(decision.order_id.as_deref(), Some("ORD-552019"));
    assert_eq!(decision.granted, Some(eur(5_000_000)));
    assert_eq!(decision.effective_from.as_deref(), Some("2024-05-03"));
}

#[test]
fn pending_notification_on_a_temporary_easy_number() {
    let notification = notification_of(&fixture("push.notification.temporary.json"));
    assert_eq!(
        notification.dedup_key(),
        "0d4f5b5e-1f9e-4e0b-9a57-5c5a0c7a1e01"
    );
    assert_eq!(notification.easy_number.as_deref(), Some("Z000123456"));
    assert!(notification.has_temporary_easy_number());
    assert_eq!(
        notification.product,
        Some(ProductCode::Other("NEWPRODUCT".into()))
    );
    assert_eq!(notification.order_id.as_deref(), Some("552020"));
    assert_eq!(notification.delivery_id, None);
    assert_eq!(
        notification.status,
        Some(report(
            "coface.order",
            "STATUS_PENDING_DEBTOR_VALIDATION",
            Some(Status::Pending(PendingReason::Identification))
        ))
    );
    assert_eq!(notification.requested, Some(eur(7_500_000)));
    assert_eq!(notification.granted, None);
    assert_eq!(notification.external_id, None);
    assert_eq!(notification.company_name, None);
    assert_eq!(notification.country, None);
    assert_eq!(notification.customer_reference, None);
    let decision = notification.decision().unwrap();
    assert_eq!(decision.id, "552020");
    assert_eq!(decision.buyer_id, "Z000123456");
    assert_eq!(decision.order_id.as_deref(), Some("552020"));
}

#[test]
fn unknown_status_is_kept_raw() {
    let notification = notification_of(&fixture("push.notification.unknown_status.json"));
    assert_eq!(notification.topic, Topic::Scoring);
    assert_eq!(notification.product, Some(ProductCode::ScoreMon));
    assert_eq!(
        notification.status,
        Some(report("coface.delivery", "SUSPENDED_BY_COFACE", None))
    );
    assert_eq!(notification.granted, Some(eur(1_250)));
    assert_eq!(notification.decision().unwrap().status.status, None);
}

#[test]
fn subscription_confirmation_is_read() {
    let envelope = parse_sns_envelope(&fixture("sns/subscription-confirmation.json")).unwrap();
    assert_eq!(envelope.dedup_key(), "165545c9-2a5c-472c-8df2-7ff2be2b3b1b");
    match read_push(&envelope).unwrap() {
        PushMessage::SubscriptionConfirmation {
            topic,
            subscribe_url,
            token,
        } => {
            assert_eq!(topic, Topic::Scoring);
            assert!(subscribe_url.contains("Action=ConfirmSubscription"));
            assert!(token.unwrap().starts_with("2336412f37fb687f"));
        }
        other => panic!("a confirmation expected, got {other:?}"),
    }
}

#[test]
fn other_types_and_malformed_pushes() {
    let unsubscribe = br#"{"Type":"UnsubscribeConfirmation","MessageId":"u","TopicArn":"arn:aws:sns:r:1:coface_opinion","Message":"bye","Timestamp":"t"}"#;
    assert_eq!(
        read_push(&parse_sns_envelope(unsubscribe).unwrap()).unwrap(),
        PushMessage::UnsubscribeConfirmation {
            topic: Topic::CofaceOpinion
        }
    );
    let other = br#"{"Type":"Ping","MessageId":"p","TopicArn":"a","Message":"","Timestamp":"t"}"#;
    assert_eq!(
        read_push(&parse_sns_envelope(other).unwrap()).unwrap(),
        PushMessage::Other {
            message_type: "Ping".into()
        }
    );
    let envelope = parse_sns_envelope(&fixture("push.notification.malformed.json")).unwrap();
    assert_eq!(
        read_push(&envelope).unwrap_err().code(),
        "insurer.malformed"
    );
    for body in [
        &b""[..],
        b"[]",
        br#"{"Type":"Notification","MessageId":" ","TopicArn":"a","Message":"{}","Timestamp":"t"}"#,
        br#"{"Type":"Notification","MessageId":"m","TopicArn":"a","Timestamp":"t"}"#,
        br#"{"Type":"Notification","MessageId":"m","MessageId":"n","TopicArn":"a","Message":"{}","Timestamp":"t"}"#,
    ] {
        assert_eq!(
            parse_sns_envelope(body).unwrap_err().code(),
            "insurer.malformed",
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    let confirmation_without_url = br#"{"Type":"SubscriptionConfirmation","MessageId":"m","TopicArn":"a","Message":"","Timestamp":"t"}"#;
    assert_eq!(
        read_push(&parse_sns_envelope(confirmation_without_url).unwrap())
            .unwrap_err()
            .code(),
        "insurer.malformed"
    );
    for message in [
        r#"{"grantedAmount":"1","currencyCode":""}"#,
        r#"{"grantedAmount":"1","currencyCode":"XYZ"}"#,
        r#"{"grantedAmount":"1.234","currencyCode":"EUR"}"#,
        r#"{"decisionDate":"02/05/2024"}"#,
        r#"{"orderId":true}"#,
    ] {
        let body = serde_json::json!({
            "Type": "Notification", "MessageId": "m", "TopicArn": "a",
            "Message": message, "Timestamp": "t"
        });
        let envelope = parse_sns_envelope(body.to_string().as_bytes()).unwrap();
        assert_eq!(
            read_push(&envelope).unwrap_err().code(),
            "insurer.malformed",
            "{message}"
        );
    }
}

// ---- replay ----

const SENT: u64 = 1_714_644_900;

#[test]
fn replay_golden() {
    let request = replay_request(
        "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
        SENT,
        SENT + 6 * 3_600,
        0,
    )
    .unwrap();
    assert_eq!(request, request_fixture("replay"));
    assert_eq!(
        replay_request("x", SENT, SENT + 5 * 86_400, 0),
        Err(ReplayError::NotAllowed(ReplayDecision::Expired))
    );
}

#[test]
fn replay_answers() {
    assert_eq!(
        parse_replay_response(200, &fixture("replay.response.typical.json")),
        Ok(())
    );
    assert_eq!(
        parse_replay_response(409, &fixture("replay.response.error.json")),
        Err(InsurerError::Rejected {
            status: 409,
            code: "ReplayAttemptsExceeded".into(),
            message: "This message cannot be replayed anymore".into()
        })
    );
}

#[test]
fn replay_window_over_a_week() {
    let hour = 3_600;
    let expected = |elapsed: u64| match elapsed {
        e if e < 5 * hour => ReplayDecision::TooEarly {
            until: SENT + 5 * hour,
        },
        e if e < 120 * hour => ReplayDecision::Allowed,
        _ => ReplayDecision::Expired,
    };
    for elapsed in (0..=168 * hour).step_by(1_800) {
        assert_eq!(
            replay_decision(SENT, SENT + elapsed, 3),
            expected(elapsed),
            "{elapsed} s"
        );
    }
}

// ---- no panic on any input ----

proptest! {
    #[test]
    fn push_parsers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(envelope) = parse_sns_envelope(&bytes) {
            let _ = read_push(&envelope);
        }
        let _ = parse_subscription_response(200, &bytes);
        let _ = parse_subscription_response(400, &bytes);
        let _ = parse_replay_response(500, &bytes);
    }

    #[test]
    fn any_message_text_reads_or_fails_cleanly(message in ".{0,300}", kind in "Notification|SubscriptionConfirmation|[A-Za-z]{1,12}") {
        let body = serde_json::json!({
            "Type": kind, "MessageId": "m", "TopicArn": "arn:aws:sns:r:1:scoring",
            "Message": message, "Timestamp": "t", "SubscribeURL": message,
        });
        let envelope = parse_sns_envelope(body.to_string().as_bytes()).unwrap();
        let _ = read_push(&envelope);
    }

    #[test]
    fn any_coface_message_fields_read_or_fail_cleanly(
        amount in prop_oneof![Just(serde_json::json!(null)), any::<f64>().prop_map(|x| serde_json::json!(x)), ".{0,24}".prop_map(|x| serde_json::json!(x)), any::<i64>().prop_map(|x| serde_json::json!(x))],
        currency in "[A-Za-z]{0,4}",
        date in ".{0,30}",
        status in ".{0,40}",
    ) {
        let message = serde_json::json!({
            "grantedAmount": amount, "requestedAmount": amount, "currencyCode": currency,
            "decisionDate": date, "status": status, "deliveryId": status, "easyNumber": status,
        });
        let body = serde_json::json!({
            "Type": "Notification", "MessageId": "m", "TopicArn": "a",
            "Message": message.to_string(), "Timestamp": "t",
        });
        let envelope = parse_sns_envelope(body.to_string().as_bytes()).unwrap();
        if let Ok(PushMessage::Notification(notification)) = read_push(&envelope) {
            let _ = notification.decision();
        }
    }
}
