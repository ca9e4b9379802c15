//! Coface's review of granted covers as sandbox time passes (the shared policy of
//! `tradecover_sandbox::underwriting::review`): on a `review=reduce` buyer the delivery becomes
//! `REDUCED` [`REVIEW_AFTER`] after the decision; on a `review=withdraw` buyer
//! `UNDER_CANCELLATION` (the withdrawal date as `expiryDate`) then `CANCELLED`
//! [`WITHDRAWAL_NOTICE`] later; on a `review=keep` buyer it stays until it is `EXPIRED`. Each
//! change is pushed with a `messageId`, and shows in the delivery details and the portfolio,
//! all read by the core. The sandbox's clock runs in real time here, so "not yet" is checked a
//! minute before each step.

mod coface_support;
mod common;

use coface_support::{major, Contract};
use serde_json::json;
use tradecover_core::coface::notification::{
    parse_sns_envelope, read_push, CofaceNotification, PushMessage,
};
use tradecover_core::coface::{
    parse_portfolio, portfolio_request, ActionCode, PortfolioFilter, ProductResource,
};
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::{Outcome, Status};
use tradecover_sandbox::underwriting::{REVIEW_AFTER, VALIDITY_DAYS, WITHDRAWAL_NOTICE};
use tradecover_sandbox::OutgoingNotification;

const DAY: u64 = 86_400;
/// Real time a test may take between two clock moves, at most.
const MARGIN: u64 = 60;

/// A Polish head office whose covers the review treats as `review`; its EASY number.
async fn buyer(contract: &Contract, review: &str) -> String {
    let companies = contract
        .sample(&format!("countryCode=POL&n=1&review={review}"))
        .await;
    coface_support::easy(&companies[0])
}

/// A credit limit of 50,000 EUR granted at once on `easy`; its decision.
async fn granted(contract: &mut Contract, easy: &str) -> Decision {
    let (status, report) = contract
        .order(
            easy,
            "CREDITLIMIT",
            ActionCode::Crea,
            50_000,
            ProductResource::Products,
        )
        .await;
    assert_eq!(status, 201, "{report:?}");
    let decision = report.unwrap().decision;
    assert_eq!(decision.status.status, Some(Status::Decided(Outcome::Full)));
    contract.pushed();
    decision
}

/// Every message pushed since the last call, as the core reads it in its SNS envelope.
fn pushed(contract: &mut Contract) -> Vec<CofaceNotification> {
    contract
        .pushed()
        .iter()
        .map(|notification: &OutgoingNotification| {
            assert_eq!(notification.insurer, "coface");
            assert!(notification.body["messageId"].is_string());
            let envelope = json!({
                "Type": "Notification",
                "MessageId": notification.body["messageId"],
                "TopicArn": format!("arn:aws:sns:eu-west-1:000000000000:{}", notification.target),
                "Message": notification.body.to_string(),
                "Timestamp": "2026-01-01T00:00:00.000Z",
            });
            let envelope = parse_sns_envelope(envelope.to_string().as_bytes()).unwrap();
            match read_push(&envelope).expect("the core reads the message") {
                PushMessage::Notification(message) => *message,
                other => panic!("not a notification: {other:?}"),
            }
        })
        .collect()
}

/// The portfolio lines of `easy` (ended decisions stay listed for two years).
async fn in_portfolio(contract: &Contract, easy: &str) -> Vec<Decision> {
    let filter = PortfolioFilter {
        easy_number: Some(easy.to_owned()),
        ..Default::default()
    };
    let (status, body) = contract.send(&portfolio_request(&filter).unwrap()).await;
    parse_portfolio(status, &body).unwrap().decisions
}

/// What a decision says about the cover: id, status, amount in force, expiry.
type Listing = (String, Option<Status>, String, Option<i64>, Option<String>);

fn listing(decision: &Decision) -> Listing {
    (
        decision.id.clone(),
        decision.status.status,
        decision.status.raw.code.clone(),
        major(decision.granted),
        decision.expires_on.clone(),
    )
}

/// The portfolio lines of `easy`, as [`listing`]s.
async fn listed_as(contract: &Contract, easy: &str) -> Vec<Listing> {
    in_portfolio(contract, easy)
        .await
        .iter()
        .map(listing)
        .collect()
}

#[tokio::test]
async fn a_cover_on_a_reduce_buyer_is_reduced_then_expires() {
    let mut contract = Contract::open().await;
    let easy = buyer(&contract, "reduce").await;
    let decision = granted(&mut contract, &easy).await;
    let expiry = decision.expires_on.clone().unwrap();

    contract.advance(REVIEW_AFTER.as_secs() - MARGIN).await;
    let before = contract.delivery(&easy, &decision.id).await;
    assert_eq!(before.status.raw.code, "DECIDED_FULL");
    assert!(pushed(&mut contract).is_empty());

    contract.advance(MARGIN).await;
    let reduced = contract.delivery(&easy, &decision.id).await;
    assert_eq!(reduced.status.status, Some(Status::Reduced));
    assert_eq!(reduced.status.raw.code, "REDUCED");
    assert_eq!(major(reduced.granted), Some(25_000));
    assert_eq!(reduced.expires_on.as_deref(), Some(expiry.as_str()));
    assert!(reduced.effective_from > decision.effective_from);
    let messages = pushed(&mut contract);
    assert_eq!(messages.len(), 1);
    assert_eq!(
        messages[0].delivery_id.as_deref(),
        Some(decision.id.as_str())
    );
    assert_eq!(messages[0].decision().unwrap().status, reduced.status);
    assert_eq!(major(messages[0].granted), Some(25_000));
    assert_eq!(listed_as(&contract, &easy).await, [listing(&reduced)]);

    contract
        .advance(VALIDITY_DAYS * DAY - REVIEW_AFTER.as_secs())
        .await;
    let expired = contract.delivery(&easy, &decision.id).await;
    assert_eq!(expired.status.status, Some(Status::Expired));
    assert_eq!(major(expired.granted), Some(25_000));
    let messages = pushed(&mut contract);
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].decision().unwrap().status, expired.status);
    assert_eq!(listed_as(&contract, &easy).await, [listing(&expired)]);
}

#[tokio::test]
async fn a_cover_on_a_withdraw_buyer_is_put_under_cancellation_then_cancelled() {
    let mut contract = Contract::open().await;
    let easy = buyer(&contract, "withdraw").await;
    let decision = granted(&mut contract, &easy).await;
    let expiry = decision.expires_on.clone().unwrap();

    contract.advance(REVIEW_AFTER.as_secs() - MARGIN).await;
    assert_eq!(
        contract.delivery(&easy, &decision.id).await.status.raw.code,
        "DECIDED_FULL"
    );
    contract.advance(MARGIN).await;
    let notice = contract.delivery(&easy, &decision.id).await;
    assert_eq!(notice.status.raw.code, "UNDER_CANCELLATION");
    assert_eq!(notice.status.status, Some(Status::Cancelled));
    assert_eq!(major(notice.granted), Some(50_000));
    let withdrawal = notice.expires_on.clone().unwrap();
    assert!(withdrawal < expiry, "{withdrawal} {expiry}");
    let messages = pushed(&mut contract);
    assert_eq!(messages.len(), 1);
    assert_eq!(
        messages[0].expiry_date.as_deref(),
        Some(withdrawal.as_str())
    );
    assert_eq!(listed_as(&contract, &easy).await, [listing(&notice)]);

    contract
        .advance(WITHDRAWAL_NOTICE.as_secs() - 2 * MARGIN)
        .await;
    assert_eq!(
        contract.delivery(&easy, &decision.id).await.status.raw.code,
        "UNDER_CANCELLATION"
    );
    contract.advance(2 * MARGIN).await;
    let cancelled = contract.delivery(&easy, &decision.id).await;
    assert_eq!(cancelled.status.raw.code, "CANCELLED");
    assert_eq!(cancelled.status.status, Some(Status::Cancelled));
    assert_eq!(cancelled.expires_on.as_deref(), Some(withdrawal.as_str()));
    let messages = pushed(&mut contract);
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].decision().unwrap().status, cancelled.status);
    assert_eq!(listed_as(&contract, &easy).await, [listing(&cancelled)]);

    contract.advance(VALIDITY_DAYS * DAY).await;
    assert!(pushed(&mut contract).is_empty());
}

#[tokio::test]
async fn a_cover_on_a_keep_buyer_stays_until_it_expires() {
    let mut contract = Contract::open().await;
    let easy = buyer(&contract, "keep").await;
    let decision = granted(&mut contract, &easy).await;

    let reviewed = (REVIEW_AFTER + WITHDRAWAL_NOTICE).as_secs() + DAY;
    contract.advance(reviewed).await;
    let kept = contract.delivery(&easy, &decision.id).await;
    assert_eq!(kept.status, decision.status);
    assert_eq!(kept.granted, decision.granted);
    assert!(pushed(&mut contract).is_empty());

    contract
        .advance(VALIDITY_DAYS * DAY - reviewed - MARGIN)
        .await;
    assert_eq!(
        contract.delivery(&easy, &decision.id).await.status,
        decision.status
    );
    contract.advance(MARGIN).await;
    let expired = contract.delivery(&easy, &decision.id).await;
    assert_eq!(expired.status.status, Some(Status::Expired));
    assert_eq!(expired.expires_on, decision.expires_on);
    assert_eq!(pushed(&mut contract).len(), 1);
}

#[tokio::test]
async fn the_sample_helper_refuses_an_unknown_review() {
    let contract = Contract::open().await;
    let (status, body) = contract
        .sandbox
        .get("/__sandbox/companies/sample?review=sometimes")
        .await;
    assert_eq!(status.as_u16(), 400, "{body}");
    let kept = contract.sample("countryCode=POL&n=3&review=keep").await;
    let reduced = contract.sample("countryCode=POL&n=3&review=reduce").await;
    assert_eq!((kept.len(), reduced.len()), (3, 3));
    assert!(kept.iter().all(|k| !reduced.contains(k)));
}
