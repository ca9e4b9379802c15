//! Atradius' review of granted credit limits as sandbox time passes (the shared policy of
//! `tradecover_sandbox::underwriting::review`): on a `review=reduce` buyer a DC09 record
//! replaces the cover [`REVIEW_AFTER`] after its decision (the old one to history, `ACLD`); on
//! a `review=withdraw` buyer the cover is pre-notified (DC21, with its `withdrawalDate`) then
//! withdrawn [`WITHDRAWAL_NOTICE`] later (DC08, to history as `WCLD`); on a `review=keep`
//! buyer it stays until it expires (`ECLD`). Requests are built by the core, lists parsed by
//! it.

mod atradius_support;

use atradius_support::{application, eur, json, policy, Atradius};
use tradecover_core::atradius::{self, CoverFilter};
use tradecover_core::cover_application::CoverType;
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::{Outcome, Status};
use tradecover_sandbox::underwriting::{REVIEW_AFTER, VALIDITY_DAYS, WITHDRAWAL_NOTICE};

const DAY: u64 = 86_400;

/// A French head office whose covers the review treats as `review`; its Atradius buyer id.
async fn buyer(sandbox: &mut Atradius, review: &str) -> String {
    let sample = sandbox
        .sample(&format!("countryCode=FRA&n=1&review={review}"))
        .await;
    sandbox.buyer_id_of(&sample[0]).await
}

/// A credit limit of 50,000 granted at once on `buyer`; its decision.
async fn granted(sandbox: &mut Atradius, buyer: &str) -> Decision {
    let (answer, decision) = sandbox
        .apply(&application(buyer, CoverType::CreditLimit, eur(50_000)))
        .await;
    assert_eq!(answer.status, 201);
    let decision = decision.unwrap();
    assert_eq!(decision.status.status, Some(Status::Decided(Outcome::Full)));
    decision
}

/// Moves the clock on; the next call logs in again (tokens last 30 minutes).
async fn advance(sandbox: &mut Atradius, seconds: u64) {
    sandbox.advance(seconds).await;
    sandbox.token = None;
}

/// The current covers (`covers`) and the history (`covers/historic`) of `buyer`.
async fn portfolio(sandbox: &mut Atradius, buyer: &str) -> (Vec<Decision>, Vec<Decision>) {
    let current = sandbox.list(atradius::covers_request, Some(buyer)).await;
    let historic = sandbox.list(atradius::historic_request, Some(buyer)).await;
    (current, historic)
}

/// The raw JSON of the current covers of `buyer`.
async fn raw_covers(sandbox: &mut Atradius, buyer: &str) -> serde_json::Value {
    let filter = CoverFilter {
        buyer_id: Some(buyer.to_owned()),
        cover_type: None,
    };
    let request = atradius::covers_request(&policy(), &filter).unwrap();
    json(&sandbox.call(&request).await)
}

#[tokio::test]
async fn a_credit_limit_on_a_reduce_buyer_is_reduced_with_dc09_then_expires() {
    let mut sandbox = Atradius::new();
    let buyer = buyer(&mut sandbox, "reduce").await;
    let decision = granted(&mut sandbox, &buyer).await;
    let (current, _) = portfolio(&mut sandbox, &buyer).await;
    let expiry = current[0]
        .expires_on
        .clone()
        .expect("a decision expiry date");

    advance(&mut sandbox, REVIEW_AFTER.as_secs() - 1).await;
    let (before, historic) = portfolio(&mut sandbox, &buyer).await;
    assert_eq!(before, current);
    assert!(historic.is_empty());

    advance(&mut sandbox, 1).await;
    let (current, historic) = portfolio(&mut sandbox, &buyer).await;
    assert_eq!(current.len(), 1, "{current:?}");
    let reduced = &current[0];
    assert_ne!(reduced.id, decision.id);
    assert_eq!(reduced.status.status, Some(Status::Reduced));
    assert_eq!(reduced.status.raw.code, "DC09");
    assert_eq!(reduced.granted, Some(eur(25_000)));
    assert_eq!(reduced.expires_on.as_deref(), Some(expiry.as_str()));
    assert_eq!(historic.len(), 1);
    assert_eq!(historic[0].id, decision.id);
    assert_eq!(historic[0].status.status, Some(Status::Superseded));
    assert_eq!(historic[0].granted, Some(eur(50_000)));

    advance(
        &mut sandbox,
        VALIDITY_DAYS * DAY - REVIEW_AFTER.as_secs() - 1,
    )
    .await;
    assert_eq!(portfolio(&mut sandbox, &buyer).await.0.len(), 1);
    advance(&mut sandbox, 1).await;
    let (current, historic) = portfolio(&mut sandbox, &buyer).await;
    assert!(current.is_empty(), "{current:?}");
    let expired = historic.iter().find(|d| d.id == reduced.id).unwrap();
    assert_eq!(expired.status.status, Some(Status::Expired));
    assert_eq!(expired.status.raw.code, "ECLD");
    assert_eq!(expired.expires_on.as_deref(), Some(expiry.as_str()));
}

#[tokio::test]
async fn a_credit_limit_on_a_withdraw_buyer_is_pre_notified_then_withdrawn() {
    let mut sandbox = Atradius::new();
    let buyer = buyer(&mut sandbox, "withdraw").await;
    let decision = granted(&mut sandbox, &buyer).await;
    let (current, _) = portfolio(&mut sandbox, &buyer).await;
    let expiry = current[0].expires_on.clone().unwrap();

    advance(&mut sandbox, REVIEW_AFTER.as_secs() - 1).await;
    assert_eq!(portfolio(&mut sandbox, &buyer).await.0, current);
    advance(&mut sandbox, 1).await;
    let (notified, historic) = portfolio(&mut sandbox, &buyer).await;
    assert!(historic.is_empty());
    assert_eq!(notified.len(), 1);
    assert_eq!(notified[0].id, decision.id);
    assert_eq!(notified[0].status.raw.code, "DC21");
    assert_eq!(notified[0].status.status, Some(Status::Cancelled));
    assert_eq!(notified[0].granted, Some(eur(50_000)));
    let withdrawal = notified[0].expires_on.clone().unwrap();
    assert!(withdrawal < expiry, "{withdrawal} {expiry}");
    let raw = raw_covers(&mut sandbox, &buyer).await;
    assert_eq!(raw["data"][0]["withdrawalDate"], withdrawal.as_str());

    advance(&mut sandbox, WITHDRAWAL_NOTICE.as_secs() - 1).await;
    assert_eq!(portfolio(&mut sandbox, &buyer).await.0, notified);
    advance(&mut sandbox, 1).await;
    let (current, historic) = portfolio(&mut sandbox, &buyer).await;
    assert!(current.is_empty(), "{current:?}");
    assert_eq!(historic.len(), 1);
    let withdrawn = &historic[0];
    assert_eq!(withdrawn.id, decision.id);
    assert_eq!(withdrawn.status.status, Some(Status::Cancelled));
    assert_eq!(withdrawn.status.raw.code, "WCLD");
    assert_eq!(withdrawn.expires_on.as_deref(), Some(withdrawal.as_str()));
}

#[tokio::test]
async fn a_credit_limit_on_a_keep_buyer_stays_until_it_expires() {
    let mut sandbox = Atradius::new();
    let buyer = buyer(&mut sandbox, "keep").await;
    granted(&mut sandbox, &buyer).await;
    let (current, _) = portfolio(&mut sandbox, &buyer).await;
    let expiry = current[0].expires_on.clone().unwrap();

    let reviewed = (REVIEW_AFTER + WITHDRAWAL_NOTICE).as_secs() + DAY;
    advance(&mut sandbox, reviewed).await;
    assert_eq!(
        portfolio(&mut sandbox, &buyer).await,
        (current.clone(), vec![])
    );

    advance(&mut sandbox, VALIDITY_DAYS * DAY - reviewed - 1).await;
    assert_eq!(portfolio(&mut sandbox, &buyer).await.0, current);
    advance(&mut sandbox, 1).await;
    let (now, historic) = portfolio(&mut sandbox, &buyer).await;
    assert!(now.is_empty());
    assert_eq!(historic.len(), 1);
    assert_eq!(historic[0].status.status, Some(Status::Expired));
    assert_eq!(historic[0].granted, Some(eur(50_000)));
    assert_eq!(historic[0].expires_on.as_deref(), Some(expiry.as_str()));
}

#[tokio::test]
async fn credit_checks_are_not_reviewed() {
    let mut sandbox = Atradius::new();
    let buyer = buyer(&mut sandbox, "withdraw").await;
    let (answer, _) = sandbox
        .apply(&application(&buyer, CoverType::CreditCheck, eur(7_000)))
        .await;
    assert_eq!(answer.status, 201);
    let (current, _) = portfolio(&mut sandbox, &buyer).await;
    advance(&mut sandbox, (REVIEW_AFTER + WITHDRAWAL_NOTICE).as_secs()).await;
    assert_eq!(portfolio(&mut sandbox, &buyer).await, (current, vec![]));
}
