//! Changing Atradius covers — supersede, reduce, cancel, update the reference, convert an
//! indication — with the core's requests and parsers, and the history each change leaves.

mod atradius_support;

use atradius_support::{application, eur, json, policy, Atradius};
use tradecover_core::atradius::{self, CoverAction, CoverModification};
use tradecover_core::cover_application::CoverType;
use tradecover_core::lifecycle::{Outcome, PendingReason, Status};
use tradecover_core::money::Money;
use tradecover_core::InsurerError;

fn change(buyer: &str, cover_type: CoverType, action: CoverAction) -> CoverModification {
    CoverModification {
        buyer_id: buyer.into(),
        cover_type,
        action,
        customer_reference: None,
    }
}

async fn modify(
    sandbox: &mut Atradius,
    modification: &CoverModification,
) -> (u16, Result<atradius::ActionOutcome, InsurerError>) {
    let request = atradius::modification_request(&policy(), modification).unwrap();
    let answer = sandbox.call(&request).await;
    (
        answer.status,
        atradius::parse_modification_response(&answer, modification),
    )
}

/// A buyer with a credit limit of `amount` granted at once; the cover id.
async fn granted(
    sandbox: &mut Atradius,
    n: usize,
    cover_type: CoverType,
    amount: Money,
) -> (String, String) {
    let buyer = sandbox.usual_buyer(n).await;
    let (answer, decision) = sandbox
        .apply(&application(&buyer, cover_type, amount))
        .await;
    assert_eq!(answer.status, 201);
    (buyer, decision.unwrap().id)
}

#[tokio::test]
async fn supersede_decided_at_once_replaces_the_cover() {
    let mut sandbox = Atradius::new();
    let (buyer, old) = granted(&mut sandbox, 0, CoverType::CreditLimit, eur(50_000)).await;
    let increase = change(
        &buyer,
        CoverType::CreditLimit,
        CoverAction::Supersede {
            amount: eur(80_000),
        },
    );
    let (status, outcome) = modify(&mut sandbox, &increase).await;
    assert_eq!(status, 200);
    let outcome = outcome.unwrap();
    let status = outcome.status.unwrap();
    assert_eq!(status.status, Some(Status::Decided(Outcome::Full)));
    let new = outcome.cover_id.unwrap();
    assert_ne!(new, old);
    let covers = sandbox.list(atradius::covers_request, None).await;
    assert_eq!(covers.len(), 1);
    assert_eq!(
        (covers[0].id.clone(), covers[0].granted),
        (new, Some(eur(80_000)))
    );
    let historic = sandbox.list(atradius::historic_request, None).await;
    assert_eq!(historic.len(), 1);
    assert_eq!(historic[0].id, old);
    assert_eq!(historic[0].status.raw.code, "SCLD");
    assert_eq!(historic[0].status.status, Some(Status::Superseded));
}

#[tokio::test]
async fn a_referred_supersede_keeps_the_cover_until_decided() {
    let mut sandbox = Atradius::new();
    let (buyer, old) = granted(&mut sandbox, 1, CoverType::CreditLimit, eur(50_000)).await;
    let increase = change(
        &buyer,
        CoverType::CreditLimit,
        CoverAction::Supersede {
            amount: eur(400_000),
        },
    );
    let (status, outcome) = modify(&mut sandbox, &increase).await;
    assert_eq!(status, 202);
    assert_eq!(
        outcome.unwrap().status.unwrap().status,
        Some(Status::Pending(PendingReason::Underwriting))
    );
    assert_eq!(
        sandbox
            .list(atradius::applications_request, None)
            .await
            .len(),
        1
    );
    let decided = sandbox
        .list(atradius_support::decisions_request_now, None)
        .await;
    assert_eq!(decided.len(), 1);
    assert_eq!(decided[0].id, old);
    // While the application is pending, another supersede cannot replace the cover.
    let (status, outcome) = modify(&mut sandbox, &increase).await;
    assert_eq!(status, 409);
    assert!(outcome
        .unwrap_err()
        .to_string()
        .contains("New Application cannot supersede existing cover"));

    sandbox.advance(121).await;
    let covers = sandbox.list(atradius::covers_request, None).await;
    assert_eq!(covers.len(), 1);
    assert_eq!(covers[0].granted, Some(eur(400_000)));
    assert_ne!(covers[0].id, old);
    let historic = sandbox.list(atradius::historic_request, None).await;
    assert_eq!(historic.len(), 1);
    assert_eq!(
        (historic[0].id.clone(), historic[0].status.raw.code.clone()),
        (old, "SCLD".to_owned())
    );
}

#[tokio::test]
async fn reduce_gives_a_lower_cover_and_amends_the_old_one() {
    let mut sandbox = Atradius::new();
    let (buyer, old) = granted(&mut sandbox, 2, CoverType::CreditLimit, eur(50_000)).await;
    let too_high = change(
        &buyer,
        CoverType::CreditLimit,
        CoverAction::Reduce {
            amount: eur(50_000),
        },
    );
    let (status, outcome) = modify(&mut sandbox, &too_high).await;
    assert_eq!(status, 422);
    assert_eq!(outcome.unwrap_err().code(), "insurer.rejected");

    let reduce = change(
        &buyer,
        CoverType::CreditLimit,
        CoverAction::Reduce {
            amount: eur(20_000),
        },
    );
    let (status, outcome) = modify(&mut sandbox, &reduce).await;
    assert_eq!(status, 200);
    let outcome = outcome.unwrap();
    assert_eq!(outcome.status.unwrap().status, Some(Status::Reduced));
    let covers = sandbox.list(atradius::covers_request, None).await;
    assert_eq!(covers.len(), 1);
    assert_eq!(Some(covers[0].id.clone()), outcome.cover_id);
    assert_eq!(covers[0].granted, Some(eur(20_000)));
    assert_eq!(covers[0].status.raw.code, "DC09");
    assert_eq!(covers[0].status.status, Some(Status::Reduced));
    let historic = sandbox.list(atradius::historic_request, None).await;
    assert_eq!(
        (historic[0].id.clone(), historic[0].status.raw.code.clone()),
        (old, "ACLD".to_owned())
    );
}

#[tokio::test]
async fn reducing_a_refused_or_pending_cover_conflicts() {
    let mut sandbox = Atradius::new();
    let risky = sandbox.risky_buyer().await;
    let (answer, _) = sandbox
        .apply(&application(&risky, CoverType::CreditLimit, eur(10_000)))
        .await;
    assert_eq!(answer.status, 201);
    let reduce = change(
        &risky,
        CoverType::CreditLimit,
        CoverAction::Reduce { amount: eur(5_000) },
    );
    let (status, outcome) = modify(&mut sandbox, &reduce).await;
    assert_eq!(status, 409);
    assert!(matches!(
        outcome,
        Err(InsurerError::Rejected { status: 409, .. })
    ));

    let pending_buyer = sandbox.usual_buyer(3).await;
    let (answer, _) = sandbox
        .apply(&application(
            &pending_buyer,
            CoverType::CreditLimit,
            eur(300_000),
        ))
        .await;
    assert_eq!(answer.status, 202);
    let reduce = change(
        &pending_buyer,
        CoverType::CreditLimit,
        CoverAction::Reduce { amount: eur(5_000) },
    );
    assert_eq!(modify(&mut sandbox, &reduce).await.0, 409);

    let nothing = change(
        &sandbox.usual_buyer(4).await,
        CoverType::CreditLimit,
        CoverAction::Cancel,
    );
    assert_eq!(modify(&mut sandbox, &nothing).await.0, 404);

    // A credit check has a fixed amount (the core refuses to build it; sent anyway).
    let (check_buyer, _) = granted(&mut sandbox, 5, CoverType::CreditCheck, eur(0)).await;
    let mut request = atradius::modification_request(
        &policy(),
        &change(
            &check_buyer,
            CoverType::CreditLimit,
            CoverAction::Reduce { amount: eur(1_000) },
        ),
    )
    .unwrap();
    request.body.as_mut().unwrap()["coverType"] = "credit-check".into();
    assert_eq!(sandbox.call(&request).await.status, 422);
}

#[tokio::test]
async fn cancel_sends_covers_and_applications_to_history() {
    let mut sandbox = Atradius::new();
    let (limit_buyer, limit) = granted(&mut sandbox, 6, CoverType::CreditLimit, eur(50_000)).await;
    let (indication_buyer, indication) =
        granted(&mut sandbox, 7, CoverType::Indication, eur(40_000)).await;
    let pending_buyer = sandbox.usual_buyer(8).await;
    let (answer, pending) = sandbox
        .apply(&application(
            &pending_buyer,
            CoverType::CreditLimit,
            eur(500_000),
        ))
        .await;
    assert_eq!(answer.status, 202);
    let pending = pending.unwrap().id;
    for (buyer, cover_type) in [
        (&limit_buyer, CoverType::CreditLimit),
        (&indication_buyer, CoverType::Indication),
        (&pending_buyer, CoverType::CreditLimit),
    ] {
        let (status, outcome) = modify(
            &mut sandbox,
            &change(buyer, cover_type, CoverAction::Cancel),
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(
            outcome.unwrap().status.unwrap().status,
            Some(Status::Withdrawn)
        );
    }
    assert!(sandbox
        .list(atradius::covers_request, None)
        .await
        .is_empty());
    sandbox.advance(600).await;
    assert!(sandbox
        .list(atradius::covers_request, None)
        .await
        .is_empty());
    let historic = sandbox.list(atradius::historic_request, None).await;
    let codes: Vec<(String, String)> = historic
        .iter()
        .map(|d| (d.id.clone(), d.status.raw.code.clone()))
        .collect();
    assert_eq!(
        codes,
        vec![
            (limit, "CCLD".to_owned()),
            (indication, "CIND".to_owned()),
            (pending, "CCLA".to_owned())
        ]
    );
    assert!(historic
        .iter()
        .all(|d| d.status.status == Some(Status::Withdrawn)));
}

#[tokio::test]
async fn update_reference_changes_only_the_reference() {
    let mut sandbox = Atradius::new();
    let (buyer, id) = granted(&mut sandbox, 9, CoverType::CreditLimit, eur(50_000)).await;
    let update = change(
        &buyer,
        CoverType::CreditLimit,
        CoverAction::UpdateReference {
            customer_reference: "NEW-REF-9".into(),
        },
    );
    let (status, outcome) = modify(&mut sandbox, &update).await;
    assert_eq!(status, 200);
    let outcome = outcome.unwrap();
    assert_eq!(outcome.status, None);
    assert_eq!(outcome.message.as_deref(), Some("Action successful"));
    let covers = sandbox.list(atradius::covers_request, None).await;
    assert_eq!(covers.len(), 1);
    assert_eq!(covers[0].id, id);
    assert_eq!(covers[0].customer_reference.as_deref(), Some("NEW-REF-9"));
    assert_eq!(
        covers[0].status.status,
        Some(Status::Decided(Outcome::Full))
    );
    assert!(sandbox
        .list(atradius::historic_request, None)
        .await
        .is_empty());
}

#[tokio::test]
async fn an_indication_converts_to_a_credit_limit_at_once() {
    let mut sandbox = Atradius::new();
    let (buyer, indication) = granted(&mut sandbox, 10, CoverType::Indication, eur(60_000)).await;
    let request = atradius::convert_indication_request(&policy(), &indication).unwrap();
    let answer = sandbox.call(&request).await;
    assert_eq!(answer.status, 200);
    assert_eq!(json(&answer)["data"][0]["coverType"], "credit-limit");
    let outcome = atradius::parse_conversion_response(&answer).unwrap();
    assert_eq!(
        outcome.status.unwrap().status,
        Some(Status::Decided(Outcome::Full))
    );
    let limit = outcome.cover_id.unwrap();
    let covers = sandbox.list(atradius::covers_request, Some(&buyer)).await;
    assert_eq!(covers.len(), 1);
    assert_eq!(covers[0].id, limit);
    assert_eq!(covers[0].product, "credit-limit");
    assert_eq!(covers[0].granted, Some(eur(60_000)));
    let historic = sandbox.list(atradius::historic_request, None).await;
    assert_eq!(
        (historic[0].id.clone(), historic[0].status.raw.code.clone()),
        (indication.clone(), "SCLD".to_owned())
    );

    // The indication is history now, a credit limit is not an indication, unknown is 404.
    for (cover, expected) in [
        (indication.as_str(), 409),
        (limit.as_str(), 409),
        ("123", 404),
    ] {
        let request = atradius::convert_indication_request(&policy(), cover).unwrap();
        let answer = sandbox.call(&request).await;
        assert_eq!(answer.status, expected, "{cover}");
        assert_eq!(
            atradius::parse_conversion_response(&answer)
                .unwrap_err()
                .code(),
            "insurer.rejected"
        );
    }
}
