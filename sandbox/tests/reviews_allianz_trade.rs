//! Allianz Trade's review of granted covers as sandbox time passes (the shared policy of
//! `tradecover_sandbox::underwriting::review`): a cover on a `review=reduce` buyer is reduced
//! [`REVIEW_AFTER`] after its decision, one on a `review=withdraw` buyer gets the withdrawal
//! date as its end date then is cancelled [`WITHDRAWAL_NOTICE`] later, one on a `review=keep`
//! buyer runs until it expires. Requests are built by the core, answers (cover, cover search,
//! technical notifications) parsed by it.

mod allianz_trade_support;

use allianz_trade_support::{application, dataset_company, eur, policy, Allianz};
use axum::body::Body;
use axum::http::Request;
use serde_json::Value;
use tokio::sync::broadcast::Receiver;
use tradecover_core::allianz_trade::{
    self as allianz, AllianzToken, CoverSearch, Notification, Pagination,
};
use tradecover_core::cover_application::DecisionCallback;
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::{Outcome, Status};
use tradecover_sandbox::underwriting::{
    review_of, Review, REVIEW_AFTER, VALIDITY_DAYS, WITHDRAWAL_NOTICE,
};
use tradecover_sandbox::OutgoingNotification;

const HOOK: &str = "https://hooks.example.com/allianz-reviews";
/// A webhook that lives longer than a year, so every review step is notified.
const TTL_HOURS: u32 = 24 * 400;
const DAY: u64 = 86_400;

/// A head office of `review` kind, checked against the data set, as an Allianz Trade buyer id.
async fn buyer(sandbox: &Allianz, token: &AllianzToken, review: Review) -> String {
    let request = Request::builder()
        .uri(format!(
            "/__sandbox/companies/sample?countryCode=BEL&n=1&review={}",
            review.name()
        ))
        .body(Body::empty())
        .unwrap();
    let response = sandbox.raw(request).await;
    assert_eq!(response.status, 200);
    let body: Value = serde_json::from_slice(&response.body).unwrap();
    let sampled = body["companies"][0].clone();
    assert_eq!(review_of(&dataset_company(&sampled)), review);
    sandbox.find(token, &sampled).await.insurer_id
}

/// Requests cover for `amount` (decided at once) with a long-lived webhook; returns the cover
/// id once its job is processed.
async fn granted_cover(sandbox: &Allianz, token: &AllianzToken, company_id: &str) -> String {
    let callback = Some(DecisionCallback {
        url: HOOK.into(),
        time_to_live_hours: TTL_HOURS,
    });
    let job_id = sandbox
        .job_id(token, &application(company_id, 50_000, callback))
        .await;
    let cover_id = sandbox.processed_cover_id(token, &job_id).await;
    let cover = sandbox.cover(token, &cover_id).await;
    assert_eq!(cover.status.status, Some(Status::Decided(Outcome::Full)));
    cover_id
}

/// Every technical notification waiting in `receiver`, parsed by the core.
fn notified(receiver: &mut Receiver<OutgoingNotification>) -> Vec<Decision> {
    let mut all = Vec::new();
    while let Ok(notification) = receiver.try_recv() {
        assert_eq!(notification.target, HOOK);
        let body = serde_json::to_vec(&notification.body).unwrap();
        match allianz::parse_notification(&body).expect("the core reads the notification") {
            Notification::Technical(cover) => all.push(cover),
            other => panic!("only technical notifications: {other:?}"),
        }
    }
    all
}

/// The cover `cover_id` now, with a fresh token (tokens last an hour; the tests move months).
async fn cover_now(sandbox: &Allianz, cover_id: &str) -> Decision {
    let token = sandbox.token().await;
    sandbox.cover(&token, cover_id).await
}

/// The covers of the test policy, as `covers/search` lists them.
async fn listed(sandbox: &Allianz) -> Vec<Decision> {
    let token = sandbox.token().await;
    let token = &token;
    let search = CoverSearch {
        policies: vec![policy()],
        pagination: Pagination::default(),
    };
    let response = sandbox
        .send(&allianz::covers_search_request(&search), Some(token), &[])
        .await;
    allianz::parse_covers_page(&response, &search.pagination)
        .unwrap()
        .decisions
}

#[tokio::test]
async fn a_cover_on_a_reduce_buyer_is_reduced_at_review_then_expires() {
    let sandbox = Allianz::new();
    let mut outbox = sandbox.config.outbox.subscribe();
    let token = sandbox.token().await;
    let company_id = buyer(&sandbox, &token, Review::Reduce).await;
    let cover_id = granted_cover(&sandbox, &token, &company_id).await;
    let granted = cover_now(&sandbox, &cover_id).await;
    let expiry = granted
        .expires_on
        .clone()
        .expect("a granted cover has an end date");
    notified(&mut outbox);

    sandbox.advance(REVIEW_AFTER.as_secs() - 1).await;
    assert_eq!(cover_now(&sandbox, &cover_id).await, granted);
    assert!(notified(&mut outbox).is_empty());

    sandbox.advance(1).await;
    let reduced = cover_now(&sandbox, &cover_id).await;
    assert_eq!(reduced.status.status, Some(Status::Reduced));
    assert_eq!(reduced.granted, Some(eur(25_000)));
    assert_eq!(reduced.requested, Some(eur(50_000)));
    assert_eq!(reduced.expires_on.as_deref(), Some(expiry.as_str()));
    assert!(reduced.effective_from > granted.effective_from);
    assert_eq!(notified(&mut outbox), std::slice::from_ref(&reduced));
    assert_eq!(listed(&sandbox).await, std::slice::from_ref(&reduced));

    sandbox
        .advance(VALIDITY_DAYS * DAY - REVIEW_AFTER.as_secs())
        .await;
    let expired = cover_now(&sandbox, &cover_id).await;
    assert_eq!(expired.status.status, Some(Status::Expired));
    assert_eq!(expired.expires_on.as_deref(), Some(expiry.as_str()));
    assert_eq!(notified(&mut outbox), [expired]);
}

#[tokio::test]
async fn a_cover_on_a_withdraw_buyer_is_notified_then_cancelled() {
    let sandbox = Allianz::new();
    let mut outbox = sandbox.config.outbox.subscribe();
    let token = sandbox.token().await;
    let company_id = buyer(&sandbox, &token, Review::Withdraw).await;
    let cover_id = granted_cover(&sandbox, &token, &company_id).await;
    let granted = cover_now(&sandbox, &cover_id).await;
    notified(&mut outbox);

    sandbox.advance(REVIEW_AFTER.as_secs() - 1).await;
    assert_eq!(cover_now(&sandbox, &cover_id).await, granted);

    sandbox.advance(1).await;
    let notice = cover_now(&sandbox, &cover_id).await;
    assert_eq!(notice.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(notice.granted, Some(eur(50_000)));
    let withdrawal = notice.expires_on.clone().unwrap();
    assert!(withdrawal < granted.expires_on.clone().unwrap());
    assert_eq!(notified(&mut outbox), [notice]);

    sandbox.advance(WITHDRAWAL_NOTICE.as_secs() - 1).await;
    assert!(notified(&mut outbox).is_empty());
    sandbox.advance(1).await;
    let cancelled = cover_now(&sandbox, &cover_id).await;
    assert_eq!(cancelled.status.status, Some(Status::Cancelled));
    assert_eq!(cancelled.status.raw.code, "Cancelled");
    assert_eq!(cancelled.expires_on.as_deref(), Some(withdrawal.as_str()));
    assert_eq!(notified(&mut outbox), std::slice::from_ref(&cancelled));
    assert_eq!(listed(&sandbox).await, [cancelled]);

    sandbox.advance(VALIDITY_DAYS * DAY).await;
    assert!(notified(&mut outbox).is_empty());
    let later = cover_now(&sandbox, &cover_id).await;
    assert_eq!(later.status.status, Some(Status::Cancelled));
}

#[tokio::test]
async fn a_cover_on_a_keep_buyer_stays_until_it_expires() {
    let sandbox = Allianz::new();
    let mut outbox = sandbox.config.outbox.subscribe();
    let token = sandbox.token().await;
    let company_id = buyer(&sandbox, &token, Review::Keep).await;
    let cover_id = granted_cover(&sandbox, &token, &company_id).await;
    let granted = cover_now(&sandbox, &cover_id).await;
    notified(&mut outbox);

    sandbox
        .advance((REVIEW_AFTER + WITHDRAWAL_NOTICE).as_secs() + DAY)
        .await;
    assert_eq!(cover_now(&sandbox, &cover_id).await, granted);
    assert!(notified(&mut outbox).is_empty());

    let elapsed = (REVIEW_AFTER + WITHDRAWAL_NOTICE).as_secs() + DAY;
    sandbox.advance(VALIDITY_DAYS * DAY - elapsed - 1).await;
    assert_eq!(cover_now(&sandbox, &cover_id).await, granted);
    sandbox.advance(1).await;
    let expired = cover_now(&sandbox, &cover_id).await;
    assert_eq!(expired.status.status, Some(Status::Expired));
    assert_eq!(expired.granted, Some(eur(50_000)));
    assert_eq!(expired.expires_on, granted.expires_on);
    assert_eq!(notified(&mut outbox), [expired]);
}

#[tokio::test]
async fn without_a_live_webhook_reviews_are_not_notified() {
    let sandbox = Allianz::new();
    let mut outbox = sandbox.config.outbox.subscribe();
    let token = sandbox.token().await;
    let company_id = buyer(&sandbox, &token, Review::Reduce).await;
    let job_id = sandbox
        .job_id(&token, &application(&company_id, 50_000, None))
        .await;
    let cover_id = sandbox.processed_cover_id(&token, &job_id).await;
    sandbox.advance(REVIEW_AFTER.as_secs()).await;
    let reduced = cover_now(&sandbox, &cover_id).await;
    assert_eq!(reduced.status.status, Some(Status::Reduced));
    assert!(outbox.try_recv().is_err());
}
