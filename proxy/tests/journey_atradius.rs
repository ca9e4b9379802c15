//! Atradius journeys through the proxy over loopback HTTP, as a widget makes them: find a buyer
//! by a legal identifier (Atradius searches by identifier only), apply for a credit limit (202
//! referred), see it among the applications, move the sandbox clock past the referral delay and
//! see it decided; an idempotency key makes a retried application one. Every request is built
//! and every answer read by `tradecover_core`.

mod journey_support;

use journey_support::{atradius_policy, credit_limit, eur, text, Journey};
use tradecover_core::atradius::{self, CoverFilter};
use tradecover_core::decision::Decision;
use tradecover_core::identifier::IdentifierKind;
use tradecover_core::lifecycle::{Outcome, PendingReason, Status};
use tradecover_core::{Buyer, Insurer};
use tradecover_sandbox::DEFAULT_REFERRAL_DELAY;

const INSURER: Insurer = Insurer::Atradius;

/// The Atradius buyer of a sampled company, found by its first identifier Atradius searches by.
async fn find_by_identifier(journey: &Journey, sampled: &Buyer) -> Buyer {
    let identifier = sampled
        .identifiers
        .iter()
        .find(|identifier| {
            IdentifierKind::parse(&identifier.kind)
                .and_then(atradius::uid_type_for)
                .is_some()
        })
        .expect("an identifier Atradius searches by");
    let request = atradius::buyer_search_request(sampled.address.country, identifier).unwrap();
    let response = journey.call(INSURER, &request, &[]).await;
    assert_eq!(response.status, 200, "{}", text(&response));
    let mut found = atradius::parse_buyer_list(&response, Some(sampled.address.country)).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    let buyer = found.remove(0);
    assert_eq!(buyer.name, sampled.name);
    buyer
}

/// A cover list of the journey's policy for `buyer`, read by the core.
async fn list(
    journey: &Journey,
    request: tradecover_core::HttpRequest,
    buyer: &str,
) -> Vec<Decision> {
    let response = journey.call(INSURER, &request, &[]).await;
    assert_eq!(response.status, 200, "{}", text(&response));
    atradius::parse_cover_list(&response)
        .unwrap()
        .into_iter()
        .filter(|decision| decision.buyer_id == buyer)
        .collect()
}

fn filter(buyer: &str) -> CoverFilter {
    CoverFilter {
        buyer_id: Some(buyer.to_owned()),
        cover_type: None,
    }
}

#[tokio::test]
async fn a_referred_credit_limit_is_found_applied_for_pending_then_granted() {
    let journey = Journey::start().await;
    let sampled = journey
        .sample("countryCode=FRA&n=3&highRisk=false")
        .await
        .remove(2);
    let buyer = find_by_identifier(&journey, &sampled).await;
    let detail = journey
        .call(
            INSURER,
            &atradius::buyer_detail_request(&buyer.insurer_id).unwrap(),
            &[],
        )
        .await;
    assert_eq!(
        atradius::parse_buyer_detail(&detail).unwrap().insurer_id,
        buyer.insurer_id
    );

    let application = credit_limit(INSURER, &buyer.insurer_id, 250_000, None, None);
    let request = atradius::application_request(&atradius_policy(), &application).unwrap();
    let response = journey.call(INSURER, &request, &[]).await;
    assert_eq!(response.status, 202, "{}", text(&response));
    let referred = atradius::parse_application_response(&response, &application).unwrap();
    assert_eq!(
        referred.status.status,
        Some(Status::Pending(PendingReason::Underwriting))
    );
    let policy = atradius_policy();
    let pending = list(
        &journey,
        atradius::applications_request(&policy, &filter(&buyer.insurer_id)).unwrap(),
        &buyer.insurer_id,
    )
    .await;
    assert_eq!(pending.len(), 1, "{pending:?}");
    assert_eq!(pending[0].id, referred.id);

    journey.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let decided = list(
        &journey,
        atradius::decisions_request(&policy, &filter(&buyer.insurer_id), None).unwrap(),
        &buyer.insurer_id,
    )
    .await;
    assert_eq!(decided.len(), 1, "{decided:?}");
    assert_eq!(
        decided[0].status.status,
        Some(Status::Decided(Outcome::Full))
    );
    assert_eq!(decided[0].granted, Some(eur(250_000)));
    assert!(list(
        &journey,
        atradius::applications_request(&policy, &filter(&buyer.insurer_id)).unwrap(),
        &buyer.insurer_id,
    )
    .await
    .is_empty());
    journey.stop().await;
}

#[tokio::test]
async fn the_same_idempotency_key_twice_makes_one_application() {
    let journey = Journey::start().await;
    let sampled = journey
        .sample("countryCode=FRA&n=4&highRisk=false")
        .await
        .remove(3);
    let buyer = find_by_identifier(&journey, &sampled).await;
    let application = credit_limit(INSURER, &buyer.insurer_id, 300_000, None, None);
    let request = atradius::application_request(&atradius_policy(), &application).unwrap();
    let key = [("idempotency-key", "journey-atradius-0001")];
    let first = journey.call(INSURER, &request, &key).await;
    let second = journey.call(INSURER, &request, &key).await;
    assert_eq!(first.status, 202, "{}", text(&first));
    assert_eq!(second.status, 202, "{}", text(&second));
    let first = atradius::parse_application_response(&first, &application).unwrap();
    let second = atradius::parse_application_response(&second, &application).unwrap();
    assert_eq!(first.id, second.id);
    let applications = list(
        &journey,
        atradius::applications_request(&atradius_policy(), &filter(&buyer.insurer_id)).unwrap(),
        &buyer.insurer_id,
    )
    .await;
    assert_eq!(applications.len(), 1, "{applications:?}");
    journey.stop().await;
}
