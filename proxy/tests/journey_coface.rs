//! Coface journeys through the proxy over loopback HTTP, as a widget makes them: search a
//! company by name and by a legal identifier, order a credit limit (a pending order), move the
//! sandbox clock past the referral delay and see the order decided, with its delivery and the
//! portfolio line. Every request is built and every answer read by `tradecover_core`.

mod journey_support;

use journey_support::{credit_limit, eur, text, Journey};
use tradecover_core::coface::{self, ActionCode, PortfolioFilter, ProductResource};
use tradecover_core::lifecycle::{Outcome, PendingReason, Status};
use tradecover_core::{Buyer, BuyerQuery, Insurer};
use tradecover_sandbox::DEFAULT_REFERRAL_DELAY;

const INSURER: Insurer = Insurer::Coface;

/// The CofaServe companies found by name (and postcode).
async fn find_by_name(journey: &Journey, sampled: &Buyer) -> Vec<Buyer> {
    let query = BuyerQuery::by_name(
        &sampled.name,
        sampled.address.country.alpha2(),
        None,
        sampled.address.postcode.as_deref(),
    )
    .unwrap();
    let response = journey
        .call(INSURER, &coface::name_search_request(&query), &[])
        .await;
    assert_eq!(response.status, 200, "{}", text(&response));
    coface::parse_company_list(response.status, &response.body)
        .unwrap()
        .buyers
}

/// The CofaServe companies found by the sampled company's first legal identifier (other than
/// the EASY number), trying the core's search variants in order.
async fn find_by_identifier(journey: &Journey, sampled: &Buyer) -> Vec<Buyer> {
    let requests = sampled
        .identifiers
        .iter()
        .filter(|identifier| identifier.kind != "coface.easy")
        .find_map(|identifier| {
            coface::identifier_search_requests(sampled.address.country, identifier).ok()
        })
        .expect("a legal identifier CofaServe searches by");
    for request in requests {
        let response = journey.call(INSURER, &request, &[]).await;
        if response.status == 404 {
            continue;
        }
        assert_eq!(response.status, 200, "{}", text(&response));
        let found = coface::parse_company_list(response.status, &response.body)
            .unwrap()
            .buyers;
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

#[tokio::test]
async fn a_referred_credit_limit_is_found_ordered_pending_then_granted() {
    let journey = Journey::start().await;
    let sampled = journey
        .sample("countryCode=DEU&n=2&highRisk=false")
        .await
        .remove(1);
    let easy = sampled.insurer_id.clone();
    let by_name = find_by_name(&journey, &sampled).await;
    assert!(
        by_name.iter().any(|buyer| buyer.insurer_id == easy),
        "{by_name:?}"
    );
    let by_identifier = find_by_identifier(&journey, &sampled).await;
    assert!(
        by_identifier.iter().any(|buyer| buyer.insurer_id == easy),
        "{by_identifier:?}"
    );

    let application = credit_limit(INSURER, &easy, 250_000, None, None);
    let request = coface::order_request(
        &application,
        "CREDITLIMIT",
        &ActionCode::Crea,
        ProductResource::Products,
    )
    .unwrap();
    let response = journey.call(INSURER, &request, &[]).await;
    assert_eq!(response.status, 201, "{}", text(&response));
    let pending = coface::parse_order_response(response.status, &response.body)
        .unwrap()
        .decision;
    assert_eq!(
        pending.status.status,
        Some(Status::Pending(PendingReason::Underwriting))
    );
    let order_id = pending.order_id.clone().unwrap();

    journey.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let details = journey
        .call(
            INSURER,
            &coface::order_details_request(&easy, &order_id).unwrap(),
            &[],
        )
        .await;
    let decided = coface::parse_order_details(details.status, &details.body)
        .unwrap()
        .decision;
    assert_eq!(decided.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(decided.granted, Some(eur(250_000)));
    let delivery = journey
        .call(
            INSURER,
            &coface::delivery_details_request(&easy, &decided.id).unwrap(),
            &[],
        )
        .await;
    let delivery = coface::parse_delivery_details(delivery.status, &delivery.body).unwrap();
    assert_eq!(delivery.order_id.as_deref(), Some(order_id.as_str()));
    let portfolio = journey
        .call(
            INSURER,
            &coface::portfolio_request(&PortfolioFilter {
                easy_number: Some(easy.clone()),
                product_code: Some("CREDITLIMIT".into()),
                ..PortfolioFilter::default()
            })
            .unwrap(),
            &[],
        )
        .await;
    let portfolio = coface::parse_portfolio(portfolio.status, &portfolio.body).unwrap();
    assert_eq!(portfolio.decisions.len(), 1, "{portfolio:?}");
    assert_eq!(
        portfolio.decisions[0].status.status,
        Some(Status::Decided(Outcome::Full))
    );
    journey.stop().await;
}

#[tokio::test]
async fn the_same_idempotency_key_twice_makes_one_order() {
    let journey = Journey::start().await;
    let easy = journey
        .sample("countryCode=FRA&n=3&highRisk=false")
        .await
        .remove(2)
        .insurer_id;
    let application = credit_limit(INSURER, &easy, 60_000, None, None);
    let request = coface::order_request(
        &application,
        "CREDITLIMIT",
        &ActionCode::Crea,
        ProductResource::Products,
    )
    .unwrap();
    let key = [("idempotency-key", "journey-coface-0001")];
    let first = journey.call(INSURER, &request, &key).await;
    let second = journey.call(INSURER, &request, &key).await;
    assert_eq!(first.status, 201, "{}", text(&first));
    assert_eq!(second.status, 201, "{}", text(&second));
    let first = coface::parse_order_response(first.status, &first.body).unwrap();
    let second = coface::parse_order_response(second.status, &second.body).unwrap();
    assert_eq!(first.decision.order_id, second.decision.order_id);
    assert_eq!(first.decision.id, second.decision.id);
    let portfolio = journey
        .call(
            INSURER,
            &coface::portfolio_request(&PortfolioFilter {
                easy_number: Some(easy.clone()),
                ..PortfolioFilter::default()
            })
            .unwrap(),
            &[],
        )
        .await;
    let portfolio = coface::parse_portfolio(portfolio.status, &portfolio.body).unwrap();
    let orders: Vec<_> = portfolio
        .decisions
        .iter()
        .filter(|decision| decision.product == "CREDITLIMIT")
        .collect();
    assert_eq!(orders.len(), 1, "{portfolio:?}");
    assert_eq!(orders[0].order_id, first.decision.order_id);
    journey.stop().await;
}
