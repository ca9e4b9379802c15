//! Allianz Trade webhook notifications: a cover request carrying the core's `callback` header
//! makes the sandbox push, to its outbox, the technical notification (the cover) when the job
//! is processed and when a referred request is decided, and the functional one (the cover
//! request) at that decision when `extendedNotification` is set — each parsed by the core's
//! notification parser.

mod allianz_trade_support;

use std::time::Duration;

use allianz_trade_support::{application, eur, Allianz};
use tokio::sync::broadcast::Receiver;
use tradecover_core::allianz_trade::{
    self as allianz, callback_header, AllianzToken, Notification, WebhookConfig,
};
use tradecover_core::cover_application::DecisionCallback;
use tradecover_core::lifecycle::{Outcome, PendingReason, Status};
use tradecover_sandbox::{OutgoingNotification, SandboxConfig, DEFAULT_REFERRAL_DELAY};

const HOOK: &str = "https://hooks.example.com/allianz";

fn callback(hours: u32) -> Option<DecisionCallback> {
    Some(DecisionCallback {
        url: HOOK.into(),
        time_to_live_hours: hours,
    })
}

async fn company_id(sandbox: &Allianz, token: &AllianzToken) -> String {
    let sampled = sandbox.sample("BEL", 1, false).await.remove(0);
    sandbox.find(token, &sampled).await.insurer_id
}

/// Every notification waiting in `receiver`, parsed by the core.
fn received(receiver: &mut Receiver<OutgoingNotification>) -> Vec<Notification> {
    let mut all = Vec::new();
    while let Ok(notification) = receiver.try_recv() {
        assert_eq!(notification.insurer, "allianz-trade");
        assert_eq!(notification.target, HOOK);
        let body = serde_json::to_vec(&notification.body).unwrap();
        all.push(allianz::parse_notification(&body).expect("the core reads the notification"));
    }
    all
}

#[tokio::test]
async fn a_referred_request_notifies_processing_then_its_decision() {
    let sandbox = Allianz::new();
    let mut outbox = sandbox.config.outbox.subscribe();
    let token = sandbox.token().await;
    let company_id = company_id(&sandbox, &token).await;
    let job_id = sandbox
        .job_id(&token, &application(&company_id, 300_000, callback(24)))
        .await;
    assert!(received(&mut outbox).is_empty());

    sandbox.advance(1).await;
    let processed = received(&mut outbox);
    assert_eq!(processed.len(), 1, "{processed:?}");
    let Notification::Technical(pending) = &processed[0] else {
        panic!("a technical notification first: {processed:?}");
    };
    assert_eq!(
        pending.status.status,
        Some(Status::Pending(PendingReason::Underwriting))
    );
    let cover_id = sandbox.job(&token, &job_id).await.cover_id().unwrap();
    assert_eq!(pending.id, cover_id);
    assert_eq!(pending.requested, Some(eur(300_000)));

    sandbox.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let decided = received(&mut outbox);
    assert_eq!(decided.len(), 2, "{decided:?}");
    let Notification::Technical(cover) = &decided[0] else {
        panic!("the updated cover first: {decided:?}");
    };
    assert_eq!(cover.id, cover_id);
    assert_eq!(cover.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(cover.granted, Some(eur(300_000)));
    let Notification::Functional(request) = &decided[1] else {
        panic!("then the cover request: {decided:?}");
    };
    assert_eq!(request.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(request.buyer_id, company_id);
    assert!(request.decided_on.is_some());
    let listed = sandbox
        .send(
            &allianz::cover_requests_search_request(&allianz::CoverRequestSearch {
                policies: Vec::new(),
                request_status_code: None,
                pagination: allianz::Pagination::default(),
            }),
            Some(&token),
            &[],
        )
        .await;
    let page =
        allianz::parse_cover_requests_page(&listed, &allianz::Pagination::default()).unwrap();
    assert_eq!(page.decisions[0].id, request.id);

    sandbox.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    assert!(received(&mut outbox).is_empty(), "nothing is sent twice");
}

#[tokio::test]
async fn a_decision_made_at_once_has_only_the_technical_notification() {
    let sandbox = Allianz::new();
    let mut outbox = sandbox.config.outbox.subscribe();
    let token = sandbox.token().await;
    let company_id = company_id(&sandbox, &token).await;
    sandbox
        .job_id(&token, &application(&company_id, 20_000, callback(24)))
        .await;
    sandbox.advance(DEFAULT_REFERRAL_DELAY.as_secs() * 2).await;
    let all = received(&mut outbox);
    assert_eq!(all.len(), 1, "{all:?}");
    let Notification::Technical(cover) = &all[0] else {
        panic!("technical: {all:?}");
    };
    assert_eq!(cover.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(cover.granted, Some(eur(20_000)));
}

#[tokio::test]
async fn technical_only_callbacks_get_no_functional_notification() {
    let sandbox = Allianz::new();
    let mut outbox = sandbox.config.outbox.subscribe();
    let token = sandbox.token().await;
    let company_id = company_id(&sandbox, &token).await;
    let (name, value) = callback_header(&WebhookConfig {
        callback_url: HOOK.into(),
        time_to_live_hours: 24,
        extended_notification: false,
    });
    let response = sandbox
        .request_cover(
            &token,
            &application(&company_id, 400_000, None),
            &[(name, value.as_str())],
        )
        .await;
    assert_eq!(response.status, 202);
    sandbox.advance(1).await;
    sandbox.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let all = received(&mut outbox);
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all
        .iter()
        .all(|notification| matches!(notification, Notification::Technical(_))));
    assert_eq!(
        all[1].decision().status.status,
        Some(Status::Decided(Outcome::Full))
    );
}

#[tokio::test]
async fn no_notification_once_the_callback_has_expired() {
    let config = SandboxConfig {
        referral_delay: Duration::from_secs(2 * 3600),
        manual_clock: true,
        ..SandboxConfig::default()
    };
    let sandbox = Allianz::with(config);
    let mut outbox = sandbox.config.outbox.subscribe();
    let token = sandbox.token().await;
    let company_id = company_id(&sandbox, &token).await;
    let job_id = sandbox
        .job_id(&token, &application(&company_id, 200_000, callback(1)))
        .await;
    sandbox.advance(1).await;
    assert_eq!(received(&mut outbox).len(), 1);
    sandbox.advance(2 * 3600).await;
    assert!(received(&mut outbox).is_empty());
    // The decision is made all the same.
    let token = sandbox.token().await;
    let cover_id = sandbox.job(&token, &job_id).await.cover_id().unwrap();
    let decision = sandbox.cover(&token, &cover_id).await;
    assert_eq!(decision.status.status, Some(Status::Decided(Outcome::Full)));
}
