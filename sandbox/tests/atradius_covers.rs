//! Atradius applications (201 decided, 202 referred then decided on the sandbox clock) and the
//! cover lists, with the core's requests and parsers.

mod atradius_support;

use atradius_support::{application, eur, json, policy, Atradius};
use std::time::Duration;
use tradecover_core::atradius::{self, CoverFilter, DateFilter};
use tradecover_core::cover_application::CoverType;
use tradecover_core::lifecycle::{Outcome, PendingReason, Status};
use tradecover_core::{InsurerError, Method};
use tradecover_sandbox::SandboxConfig;

fn ids(decisions: &[tradecover_core::decision::Decision]) -> Vec<String> {
    decisions.iter().map(|d| d.id.clone()).collect()
}

#[tokio::test]
async fn a_small_application_is_granted_at_once() {
    let mut sandbox = Atradius::new();
    let buyer = sandbox.usual_buyer(0).await;
    let applied = application(&buyer, CoverType::CreditLimit, eur(50_000));
    let (answer, decision) = sandbox.apply(&applied).await;
    assert_eq!(answer.status, 201);
    assert_eq!(json(&answer)["data"][0]["response"], "Action successful");
    let decision = decision.unwrap();
    assert_eq!(decision.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(decision.status.raw.code, "DC01");
    assert_eq!(decision.granted, Some(eur(50_000)));
    assert_eq!(decision.requested, Some(eur(50_000)));
    assert_eq!(decision.buyer_id, buyer);
    assert_eq!(decision.customer_reference.as_deref(), Some("REF-1"));
    assert!(decision.decided_on.is_some());

    let covers = sandbox.list(atradius::covers_request, Some(&buyer)).await;
    assert_eq!(covers, vec![decision.clone()]);
    let decisions = sandbox
        .list(atradius_support::decisions_request_now, None)
        .await;
    assert_eq!(ids(&decisions), vec![decision.id.clone()]);
    assert!(sandbox
        .list(atradius::applications_request, None)
        .await
        .is_empty());
    assert!(sandbox
        .list(atradius::historic_request, None)
        .await
        .is_empty());
}

#[tokio::test]
async fn a_referred_application_is_decided_once_the_delay_has_passed() {
    let config = SandboxConfig {
        referral_delay: Duration::from_secs(300),
        manual_clock: true,
        ..SandboxConfig::default()
    };
    let mut sandbox = Atradius::with(config);
    let buyer = sandbox.usual_buyer(1).await;
    let applied = application(&buyer, CoverType::CreditLimit, eur(250_000));
    let (answer, decision) = sandbox.apply(&applied).await;
    assert_eq!(answer.status, 202);
    let decision = decision.unwrap();
    assert_eq!(
        decision.status.status,
        Some(Status::Pending(PendingReason::Underwriting))
    );
    let pending = sandbox.list(atradius::applications_request, None).await;
    assert_eq!(ids(&pending), vec![decision.id.clone()]);
    assert_eq!(pending[0].status.raw.code, "REFERRED");
    assert!(sandbox
        .list(atradius_support::decisions_request_now, None)
        .await
        .is_empty());

    sandbox.advance(299).await;
    assert_eq!(
        sandbox
            .list(atradius::applications_request, None)
            .await
            .len(),
        1
    );
    sandbox.advance(1).await;
    assert!(sandbox
        .list(atradius::applications_request, None)
        .await
        .is_empty());
    let decided = sandbox
        .list(atradius_support::decisions_request_now, None)
        .await;
    assert_eq!(ids(&decided), vec![decision.id.clone()]);
    assert_eq!(
        decided[0].status.status,
        Some(Status::Decided(Outcome::Full))
    );
    assert_eq!(decided[0].granted, Some(eur(250_000)));
    let covers = sandbox.list(atradius::covers_request, None).await;
    assert_eq!(covers, decided);
}

#[tokio::test]
async fn a_large_application_is_granted_in_part_with_a_condition() {
    let mut sandbox = Atradius::new();
    let buyer = sandbox.usual_buyer(2).await;
    let applied = application(&buyer, CoverType::CreditLimit, eur(2_000_000));
    let (answer, _) = sandbox.apply(&applied).await;
    assert_eq!(answer.status, 202);
    sandbox.advance(121).await;
    let decided = sandbox
        .list(atradius_support::decisions_request_now, None)
        .await;
    assert_eq!(decided.len(), 1);
    let decision = &decided[0];
    assert_eq!(
        decision.status.status,
        Some(Status::Decided(Outcome::Partial))
    );
    assert_eq!(decision.status.raw.code, "DC04");
    let granted = decision.granted.unwrap();
    assert!(
        granted.minor > 0 && granted.minor < eur(2_000_000).minor,
        "{granted:?}"
    );
    assert_eq!(granted.minor % 100_000, 0);
    assert_eq!(
        decision.conditions,
        vec![tradecover_sandbox::underwriting::PARTIAL_CONDITION.to_owned()]
    );
}

#[tokio::test]
async fn a_high_risk_buyer_is_refused() {
    let mut sandbox = Atradius::new();
    let buyer = sandbox.risky_buyer().await;
    let applied = application(&buyer, CoverType::CreditLimit, eur(10_000));
    let (answer, decision) = sandbox.apply(&applied).await;
    assert_eq!(answer.status, 201);
    assert_eq!(
        json(&answer)["data"][0]["response"],
        "Action has been refused."
    );
    let decision = decision.unwrap();
    assert_eq!(
        decision.status.status,
        Some(Status::Decided(Outcome::Refused))
    );
    assert_eq!(decision.status.raw.code, "DC03");
    // A refused decision does not block a new application: the new one supersedes it.
    let (again, _) = sandbox.apply(&applied).await;
    assert_eq!(again.status, 201);
    let historic = sandbox.list(atradius::historic_request, None).await;
    assert_eq!(ids(&historic), vec![decision.id.clone()]);
    assert_eq!(historic[0].status.raw.code, "SCLD");
}

#[tokio::test]
async fn amounts_must_be_positive_multiples_of_a_thousand() {
    let mut sandbox = Atradius::new();
    let buyer = sandbox.usual_buyer(3).await;
    let applied = application(&buyer, CoverType::CreditLimit, eur(50_000));
    for amount in [
        serde_json::json!(1500),
        serde_json::json!(0),
        serde_json::json!(-1000),
        serde_json::json!(2000.5),
    ] {
        let mut request = atradius::application_request(&policy(), &applied).unwrap();
        request.body.as_mut().unwrap()["creditLimitAmount"] = amount.clone();
        let answer = sandbox.call(&request).await;
        assert_eq!(answer.status, 422, "{amount}");
        assert_eq!(
            atradius::parse_application_response(&answer, &applied),
            Err(InsurerError::Rejected {
                status: 422,
                code: "creditLimitAmount".into(),
                message: "Must be positive number greater than zero and a multiple of 1000.".into(),
            })
        );
    }
    let mut request = atradius::application_request(&policy(), &applied).unwrap();
    let body = request.body.as_mut().unwrap();
    body["creditLimitAmount"] = serde_json::json!(1500);
    body["currencyCode"] = serde_json::json!("euro");
    body.as_object_mut().unwrap().remove("policyId");
    let answer = sandbox.call(&request).await;
    assert_eq!(answer.status, 422);
    assert_eq!(json(&answer)["errors"].as_array().unwrap().len(), 3);
    assert!(sandbox
        .list(atradius::covers_request, None)
        .await
        .is_empty());
}

#[tokio::test]
async fn a_second_application_for_the_same_cover_conflicts() {
    let mut sandbox = Atradius::new();
    let buyer = sandbox.usual_buyer(4).await;
    let applied = application(&buyer, CoverType::CreditLimit, eur(20_000));
    assert_eq!(sandbox.apply(&applied).await.0.status, 201);
    let (answer, decision) = sandbox.apply(&applied).await;
    assert_eq!(answer.status, 409);
    let error = decision.unwrap_err().to_string();
    assert!(error.contains("already exists for this buyer"), "{error}");
    // Another type of cover on the same buyer is a separate cover.
    let check = application(&buyer, CoverType::CreditCheck, eur(0));
    let (answer, decision) = sandbox.apply(&check).await;
    assert_eq!(answer.status, 201);
    let decision = decision.unwrap();
    assert_eq!(decision.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(decision.product, "credit-check");
    assert!(decision.granted.is_some_and(|granted| granted.minor > 0));
    let unknown_buyer = application("19999999", CoverType::CreditLimit, eur(1_000));
    assert_eq!(sandbox.apply(&unknown_buyer).await.0.status, 404);
}

#[tokio::test]
async fn lists_filter_by_buyer_type_policy_and_decision_date() {
    let mut sandbox = Atradius::new();
    let first = sandbox.usual_buyer(5).await;
    let second = sandbox.usual_buyer(6).await;
    for (buyer, cover_type) in [
        (&first, CoverType::CreditLimit),
        (&second, CoverType::Indication),
    ] {
        let (answer, _) = sandbox
            .apply(&application(buyer, cover_type, eur(10_000)))
            .await;
        assert_eq!(answer.status, 201);
    }
    assert_eq!(sandbox.list(atradius::covers_request, None).await.len(), 2);
    let only_first = sandbox.list(atradius::covers_request, Some(&first)).await;
    assert_eq!(only_first.len(), 1);
    assert_eq!(only_first[0].buyer_id, first);
    let indications = atradius::covers_request(
        &policy(),
        &CoverFilter {
            buyer_id: None,
            cover_type: Some(CoverType::Indication),
        },
    )
    .unwrap();
    let found = atradius::parse_cover_list(&sandbox.call(&indications).await).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].product, "indication");
    let other_policy = atradius::AtradiusPolicy {
        customer_id: 10_000_002,
        policy_id: "OTHER".into(),
    };
    let request = atradius::covers_request(&other_policy, &CoverFilter::default()).unwrap();
    assert!(atradius::parse_cover_list(&sandbox.call(&request).await)
        .unwrap()
        .is_empty());
    let future = atradius::decisions_request(
        &policy(),
        &CoverFilter::default(),
        DateFilter::parse("2999-01-01T00:00:00"),
    )
    .unwrap();
    assert!(atradius::parse_cover_list(&sandbox.call(&future).await)
        .unwrap()
        .is_empty());
    let past = atradius::decisions_request(
        &policy(),
        &CoverFilter::default(),
        DateFilter::parse("2000-01-01"),
    )
    .unwrap();
    assert_eq!(
        atradius::parse_cover_list(&sandbox.call(&past).await)
            .unwrap()
            .len(),
        2
    );
    let unknown = tradecover_core::HttpRequest::new(
        Method::Get,
        "/credit-insurance/cover-management/v1/covers/historic?policyId=P&fromDate=2026-01-01",
    );
    assert_eq!(sandbox.call(&unknown).await.status, 400);
}
