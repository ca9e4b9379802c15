//! Atradius batches of applications (one result per application) and the `Idempotency-Key` of
//! new applications and batches, with the core's requests and parsers.

mod atradius_support;

use atradius_support::{application, eur, json, policy, Atradius};
use tradecover_core::atradius;
use tradecover_core::cover_application::CoverType;
use tradecover_core::lifecycle::{Outcome, PendingReason, Status};
use tradecover_core::InsurerError;

#[tokio::test]
async fn a_batch_answers_each_application_in_order() {
    let mut sandbox = Atradius::new();
    let first = sandbox.usual_buyer(0).await;
    let second = sandbox.usual_buyer(1).await;
    let risky = sandbox.risky_buyer().await;
    let applications = vec![
        application(&first, CoverType::CreditLimit, eur(40_000)),
        application(&second, CoverType::CreditLimit, eur(300_000)),
        application(&risky, CoverType::CreditLimit, eur(10_000)),
        application(&first, CoverType::CreditLimit, eur(60_000)),
        application(&second, CoverType::Indication, eur(5_000)),
    ];
    let mut request = atradius::batch_request(&policy(), &applications).unwrap();
    // The last one breaks the amount rule (the core would not build it).
    request.body.as_mut().unwrap()["data"][4]["creditLimitAmount"] = 5_500.into();
    let answer = sandbox.call(&request).await;
    assert_eq!(answer.status, 207);
    let results = atradius::parse_batch_response(&answer, &applications).unwrap();
    assert_eq!(results.len(), 5);
    let decided = results[0].as_ref().unwrap();
    assert_eq!(decided.status.status, Some(Status::Decided(Outcome::Full)));
    let referred = results[1].as_ref().unwrap();
    assert_eq!(
        referred.status.status,
        Some(Status::Pending(PendingReason::Underwriting))
    );
    let refused = results[2].as_ref().unwrap();
    assert_eq!(
        refused.status.status,
        Some(Status::Decided(Outcome::Refused))
    );
    assert!(matches!(
        &results[3],
        Err(InsurerError::Rejected { status: 409, .. })
    ));
    assert_eq!(
        results[4],
        Err(InsurerError::Rejected {
            status: 422,
            code: "creditLimitAmount".into(),
            message: "Must be positive number greater than zero and a multiple of 1000.".into()
        })
    );
    let covers = sandbox.list(atradius::covers_request, None).await;
    let mut ids: Vec<String> = covers.iter().map(|c| c.id.clone()).collect();
    ids.sort();
    let mut expected = vec![decided.id.clone(), referred.id.clone(), refused.id.clone()];
    expected.sort();
    assert_eq!(ids, expected);

    let all_good = vec![application(
        &sandbox.usual_buyer(2).await,
        CoverType::CreditLimit,
        eur(1_000),
    )];
    let request = atradius::batch_request(&policy(), &all_good).unwrap();
    let answer = sandbox.call(&request).await;
    assert_eq!(answer.status, 200);
    assert!(atradius::parse_batch_response(&answer, &all_good).unwrap()[0].is_ok());

    let mut empty = atradius::batch_request(&policy(), &all_good).unwrap();
    empty.body = Some(serde_json::json!({ "data": [] }));
    assert_eq!(sandbox.call(&empty).await.status, 422);
}

#[tokio::test]
async fn the_same_idempotency_key_and_body_answer_the_same_without_a_second_application() {
    let mut sandbox = Atradius::new();
    let buyer = sandbox.usual_buyer(3).await;
    let applied = application(&buyer, CoverType::CreditLimit, eur(30_000));
    let request = atradius::application_request(&policy(), &applied).unwrap();
    let key = [("Idempotency-Key", applied.idempotency_key.clone())];
    let first = sandbox.call_with(&request, &key).await;
    assert_eq!(first.status, 201);
    let again = sandbox.call_with(&request, &key).await;
    assert_eq!(again.status, 201);
    assert_eq!(json(&again), json(&first));
    assert_eq!(sandbox.list(atradius::covers_request, None).await.len(), 1);
    // Without the key, the same body is a second application (which conflicts).
    assert_eq!(sandbox.call(&request).await.status, 409);

    let other = application(&buyer, CoverType::CreditLimit, eur(31_000));
    let different = atradius::application_request(&policy(), &other).unwrap();
    let answer = sandbox.call_with(&different, &key).await;
    assert_eq!(answer.status, 422);
    assert!(atradius::parse_application_response(&answer, &other)
        .unwrap_err()
        .to_string()
        .contains("Idempotency-Key"));
    assert_eq!(sandbox.list(atradius::covers_request, None).await.len(), 1);

    // The replay is the first answer even after the application was decided differently.
    let referred_buyer = sandbox.usual_buyer(4).await;
    let large = application(&referred_buyer, CoverType::CreditLimit, eur(200_000));
    let request = atradius::application_request(&policy(), &large).unwrap();
    let key = [("Idempotency-Key", "large-1".to_owned())];
    assert_eq!(sandbox.call_with(&request, &key).await.status, 202);
    sandbox.advance(121).await;
    let replay = sandbox.call_with(&request, &key).await;
    assert_eq!(replay.status, 202);
    assert_eq!(sandbox.list(atradius::covers_request, None).await.len(), 2);

    let blank = [("Idempotency-Key", " ".to_owned())];
    assert_eq!(sandbox.call_with(&request, &blank).await.status, 400);
}

#[tokio::test]
async fn batches_are_idempotent_too() {
    let mut sandbox = Atradius::new();
    let applications = vec![
        application(
            &sandbox.usual_buyer(5).await,
            CoverType::CreditLimit,
            eur(10_000),
        ),
        application(
            &sandbox.usual_buyer(6).await,
            CoverType::CreditCheck,
            eur(0),
        ),
    ];
    let request = atradius::batch_request(&policy(), &applications).unwrap();
    let key = [("Idempotency-Key", "batch-1".to_owned())];
    let first = sandbox.call_with(&request, &key).await;
    assert_eq!(first.status, 200);
    let again = sandbox.call_with(&request, &key).await;
    assert_eq!((again.status, json(&again)), (200, json(&first)));
    assert_eq!(sandbox.list(atradius::covers_request, None).await.len(), 2);
    // The same key on a single application is another request.
    let single = atradius::application_request(&policy(), &applications[0]).unwrap();
    assert_eq!(sandbox.call_with(&single, &key).await.status, 422);
}

#[tokio::test]
async fn a_batch_of_changes_answers_each_change_in_order() {
    use tradecover_core::atradius::{CoverAction, CoverModification};
    let mut sandbox = Atradius::new();
    let mut buyers = Vec::new();
    for n in 0..2 {
        let buyer = sandbox.usual_buyer(n).await;
        let (answer, _) = sandbox
            .apply(&application(&buyer, CoverType::CreditLimit, eur(40_000)))
            .await;
        assert_eq!(answer.status, 201);
        buyers.push(buyer);
    }
    let uncovered = sandbox.usual_buyer(2).await;
    let change = |buyer: &str, action| CoverModification {
        buyer_id: buyer.into(),
        cover_type: CoverType::CreditLimit,
        action,
        customer_reference: None,
    };
    let changes = vec![
        change(
            &buyers[0],
            CoverAction::Supersede {
                amount: eur(60_000),
            },
        ),
        change(&buyers[1], CoverAction::Cancel),
        change(&uncovered, CoverAction::Cancel),
    ];
    let request = atradius::modification_batch_request(&policy(), &changes).unwrap();
    assert!(request.path.ends_with("/covers/batch"));
    let answer = sandbox.call(&request).await;
    assert_eq!(answer.status, 207, "{}", json(&answer));
    let results = atradius::parse_modification_batch_response(&answer, &changes).unwrap();
    assert_eq!(results.len(), 3);
    let increased = results[0].as_ref().unwrap();
    assert!(increased.cover_id.is_some());
    let cancelled = results[1].as_ref().unwrap();
    assert_eq!(
        cancelled.status.as_ref().and_then(|status| status.status),
        Some(Status::Withdrawn)
    );
    assert!(
        matches!(&results[2], Err(InsurerError::Rejected { status: 404, .. })),
        "{:?}",
        results[2]
    );
    // The increase is in force, the cancelled cover gone.
    let covers = sandbox.list(atradius::covers_request, None).await;
    assert_eq!(covers.len(), 1);
    assert_eq!(covers[0].granted, Some(eur(60_000)));
    assert_eq!(covers[0].buyer_id, buyers[0]);
}
