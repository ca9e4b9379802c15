//! Push notifications: every delivery and product change reaches the outbox on the topic of its
//! product, in the message shape the core reads (wrapped here in an SNS envelope, as the
//! delivering side does), and the replay endpoint applies the seed's rules (from five hours to
//! five days after the first sending, seven times at most).

mod coface_support;
mod common;

use coface_support::{address, application, major, Contract};
use serde_json::{json, Value};
use tradecover_core::coface::notification::{
    parse_sns_envelope, read_push, CofaceNotification, ProductCode, PushMessage, Topic,
};
use tradecover_core::coface::replay::{parse_replay_response, replay_request, ReplayError};
use tradecover_core::coface::{self, delete_request, ActionCode, ProductResource};
use tradecover_core::cover_application::ApplicationBuyer;
use tradecover_core::currency::Currency;
use tradecover_core::lifecycle::{Outcome, Status};
use tradecover_core::{HttpRequest, Method};
use tradecover_sandbox::{OutgoingNotification, DEFAULT_REFERRAL_DELAY};

const PRODUCTS: ProductResource = ProductResource::Products;
const HOUR: u64 = 3_600;
const DAY: u64 = 24 * HOUR;

/// The notification as the core reads it once wrapped in an SNS envelope.
fn read(notification: &OutgoingNotification) -> CofaceNotification {
    assert_eq!(notification.insurer, "coface");
    let envelope = json!({
        "Type": "Notification",
        "MessageId": notification.body["messageId"],
        "TopicArn": format!("arn:aws:sns:eu-west-1:000000000000:{}", notification.target),
        "Message": notification.body.to_string(),
        "Timestamp": "2026-01-01T00:00:00.000Z",
    });
    let envelope = parse_sns_envelope(envelope.to_string().as_bytes()).expect("an SNS envelope");
    match read_push(&envelope).expect("the core reads the message") {
        PushMessage::Notification(notification) => *notification,
        other => panic!("not a notification: {other:?}"),
    }
}

#[tokio::test]
async fn a_delivery_is_pushed_on_its_product_topic() {
    let mut contract = Contract::open().await;
    let easy = contract.usual_buyer("FRA", 3).await;
    let (_, report) = contract
        .order(&easy, "CREDITLIMIT", ActionCode::Crea, 25_000, PRODUCTS)
        .await;
    let decision = report.unwrap().decision;
    let pushed = contract.pushed();
    assert_eq!(pushed.len(), 1);
    assert_eq!(pushed[0].target, "credit_insurance_cover");
    let notification = read(&pushed[0]);
    assert_eq!(notification.topic, Topic::CreditInsuranceCover);
    assert_eq!(notification.easy_number.as_deref(), Some(easy.as_str()));
    assert_eq!(notification.product, Some(ProductCode::CreditLimit));
    assert_eq!(
        notification.delivery_id.as_deref(),
        Some(decision.id.as_str())
    );
    assert_eq!(notification.order_id, decision.order_id);
    assert_eq!(
        notification.contract_number.as_deref(),
        Some(contract.sandbox.creds.policy_number.as_str())
    );
    assert_eq!(major(notification.granted), Some(25_000));
    assert!(notification.external_id.is_some() && notification.event_date.is_some());
    assert!(notification.country.is_some() && notification.company_name.is_some());
    let row = notification.decision().expect("a tracker row");
    assert_eq!(row.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(row.id, decision.id);
}

#[tokio::test]
async fn referred_decisions_are_pushed_when_the_clock_moves_without_any_other_call() {
    let mut contract = Contract::open().await;
    let easy = contract.usual_buyer("DEU", 2).await;
    let (_, report) = contract
        .order(&easy, "CREDITLIMIT", ActionCode::Crea, 1_500_000, PRODUCTS)
        .await;
    let order_id = report.unwrap().decision.order_id.unwrap();
    assert!(contract.pushed().is_empty(), "nothing decided yet");
    contract
        .sandbox
        .advance(DEFAULT_REFERRAL_DELAY.as_secs())
        .await;
    let pushed = contract.pushed();
    assert_eq!(pushed.len(), 1);
    let notification = read(&pushed[0]);
    assert_eq!(notification.order_id.as_deref(), Some(order_id.as_str()));
    assert_eq!(
        notification.status.unwrap().status,
        Some(Status::Decided(Outcome::Partial))
    );
}

#[tokio::test]
async fn changes_of_every_kind_are_pushed() {
    let mut contract = Contract::open().await;
    let easy = contract.usual_buyer("ITA", 2).await;
    let orders = [
        (
            "CREDITLIMIT",
            ActionCode::Crea,
            PRODUCTS,
            "credit_insurance_cover",
        ),
        (
            "TOPLINER",
            ActionCode::Crea,
            ProductResource::TopLiner,
            "credit_insurance_special_cover",
        ),
        ("CCO", ActionCode::Crea, PRODUCTS, "coface_opinion"),
        ("SCOREMON", ActionCode::Crea, PRODUCTS, "scoring"),
    ];
    for (product, action, resource, topic) in orders {
        let (status, _) = contract
            .order(&easy, product, action, 3_000, resource)
            .await;
        assert_eq!(status, 201, "{product}");
        let pushed = contract.pushed();
        assert_eq!(pushed.len(), 1, "{product}");
        assert_eq!(pushed[0].target, topic);
        assert_eq!(read(&pushed[0]).topic, Topic::parse(topic));
    }
    // Stop and delete the monitored score: two changes.
    let (status, _) = contract
        .send(&coface::stop_request(&easy, "SCOREMON").unwrap())
        .await;
    assert_eq!(status, 201);
    let catalog = contract.catalog(&easy).await;
    let (status, _) = contract
        .send(&delete_request(&easy, &catalog, "SCOREMON").unwrap())
        .await;
    assert_eq!(status, 200);
    let pushed = contract.pushed();
    assert_eq!(pushed.len(), 2);
    let withdrawn = read(&pushed[1]);
    assert_eq!(withdrawn.status.unwrap().raw.code, "WITHDRAWN");
    // An unknown company's decision comes on its definitive number.
    let buyer = ApplicationBuyer::Unknown {
        name: "Officine Sconosciute SpA".into(),
        address: address("Milano", "ITA"),
        identifiers: vec![],
        phone: None,
    };
    let request = coface::order_request(
        &application(buyer, 2_000, Currency::EUR),
        "CREDITLIMIT",
        &ActionCode::Crea,
        PRODUCTS,
    )
    .unwrap();
    let (status, body) = contract.send(&request).await;
    let temporary = coface::parse_order_response(status, &body)
        .unwrap()
        .decision;
    contract.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let pushed = contract.pushed();
    assert_eq!(pushed.len(), 1);
    let identified = read(&pushed[0]);
    assert!(!identified.has_temporary_easy_number());
    assert_eq!(identified.order_id, temporary.order_id);
}

async fn replay(contract: &Contract, message_id: &str) -> (u16, Value) {
    let request = HttpRequest::new(Method::Patch, "/replay/v1/replay")
        .with_header("content-type", "application/json")
        .with_json(json!({ "messageId": message_id }));
    contract.json(&request).await
}

#[tokio::test]
async fn replays_follow_the_five_hours_five_days_seven_attempts_rules() {
    let mut contract = Contract::open().await;
    let easy = contract.usual_buyer("NLD", 1).await;
    let (status, _) = contract
        .order(&easy, "ECL", ActionCode::Crea, 9_000, PRODUCTS)
        .await;
    assert_eq!(status, 201);
    let first = contract.pushed().remove(0);
    let message_id = first.body["messageId"].as_str().unwrap().to_owned();
    // Too early: the automatic retries may still run.
    let (status, body) = replay(&contract, &message_id).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("ReplayTooEarly"))
    );
    assert!(matches!(
        replay_request(&message_id, 0, HOUR, 0),
        Err(ReplayError::NotAllowed(_))
    ));
    contract.advance(5 * HOUR).await;
    // Seven replays, each built by the core and pushing the same message again.
    for attempt in 0..7 {
        let request = replay_request(&message_id, 0, 5 * HOUR, attempt).unwrap();
        let (status, body) = contract.send(&request).await;
        assert_eq!(
            parse_replay_response(status, &body),
            Ok(()),
            "attempt {attempt}"
        );
        let again = contract.pushed();
        assert_eq!(again, vec![first.clone()]);
    }
    // The core will not build an eighth; the sandbox refuses it.
    assert!(replay_request(&message_id, 0, 5 * HOUR, 7).is_err());
    let (status, body) = replay(&contract, &message_id).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("ReplayAttemptsExceeded"))
    );
    assert!(contract.pushed().is_empty());
    // Another message, replayed too late.
    let other = contract.usual_buyer("NLD", 2).await;
    let (status, _) = contract
        .order(&other, "ECL", ActionCode::Crea, 9_000, PRODUCTS)
        .await;
    assert_eq!(status, 201);
    let second = contract.pushed().remove(0);
    let second_id = second.body["messageId"].as_str().unwrap().to_owned();
    assert_ne!(second_id, message_id);
    contract.advance(5 * DAY).await;
    let (status, body) = replay(&contract, &second_id).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("ReplayExpired"))
    );
    // Unknown and missing ids.
    let (status, body) = replay(&contract, "no-such-message").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("MessageNotFound"))
    );
    let empty = HttpRequest::new(Method::Patch, "/replay/v1/replay").with_json(json!({}));
    assert_eq!(contract.json(&empty).await.0, 400);
}
