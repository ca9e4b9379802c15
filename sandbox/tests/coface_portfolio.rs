//! The portfolio (`GET /companies/products`) with every filter of the seed — including the
//! date read as midnight GMT, which the core answers by sending the day after — and paging,
//! and the customer references (`GET` / `PATCH /companies/customerreferences`, a blank
//! erasing), all built and read by the core.

mod coface_support;
mod common;

use coface_support::{known, Contract};
use serde_json::Value;
use tradecover_core::coface::{
    self, customer_references_request, parse_customer_references, parse_portfolio,
    parse_set_customer_reference, portfolio_request, set_customer_reference_request, ActionCode,
    PortfolioFilter, ProductResource,
};
use tradecover_core::currency::Currency;
use tradecover_core::decision::Decision;
use tradecover_core::{Country, HttpRequest, Method};

async fn portfolio(contract: &Contract, filter: PortfolioFilter) -> Vec<Decision> {
    let (status, body) = contract.send(&portfolio_request(&filter).unwrap()).await;
    parse_portfolio(status, &body)
        .expect("the core reads the portfolio")
        .decisions
}

fn ids(decisions: &[Decision]) -> Vec<(String, String)> {
    let mut ids: Vec<(String, String)> = decisions
        .iter()
        .map(|d| (d.buyer_id.clone(), d.product.clone()))
        .collect();
    ids.sort();
    ids
}

struct Book {
    french: String,
    german: String,
    later: String,
    granted: Decision,
    pending: Decision,
    scored: Decision,
}

/// A granted credit limit with a customer reference (FRA, day 0), a pending referred one (DEU,
/// day 0) and a score delivered two days later (FRA).
async fn book(contract: &Contract) -> Book {
    let french = contract.usual_buyer("FRA", 0).await;
    let german = contract.usual_buyer("DEU", 0).await;
    let later = contract.usual_buyer("FRA", 1).await;
    let mut application = known(&french, 20_000, Currency::EUR);
    application.customer_reference = Some("ACME-42".into());
    let request = coface::order_request(
        &application,
        "CREDITLIMIT",
        &ActionCode::Crea,
        ProductResource::Products,
    )
    .unwrap();
    let (status, body) = contract.send(&request).await;
    let granted = coface::parse_order_response(status, &body)
        .unwrap()
        .decision;
    let (_, pending) = contract
        .order(
            &german,
            "CREDITLIMIT",
            ActionCode::Crea,
            500_000,
            ProductResource::Products,
        )
        .await;
    // Two days later (the German order, referred, is decided on the way).
    contract.advance(2 * 86_400 - 3_600).await;
    let (_, scored) = contract
        .order(
            &later,
            "SCORECHECK",
            ActionCode::Crea,
            1,
            ProductResource::Products,
        )
        .await;
    Book {
        french,
        german,
        later,
        granted,
        pending: pending.unwrap().decision,
        scored: scored.unwrap().decision,
    }
}

#[tokio::test]
async fn every_filter_of_the_seed() {
    let contract = Contract::open().await;
    let book = book(&contract).await;
    let all = portfolio(&contract, PortfolioFilter::default()).await;
    assert_eq!(
        ids(&all),
        ids(&[
            book.granted.clone(),
            book.pending.clone(),
            book.scored.clone()
        ])
    );
    let line = all.iter().find(|d| d.buyer_id == book.french).unwrap();
    assert_eq!(line.customer_reference.as_deref(), Some("ACME-42"));
    assert_eq!(line.status.raw.code, "DECIDED_FULL");
    assert!(
        line.buyer_identifiers.len() > 1,
        "EASY number and legal identifiers"
    );
    let only = |filter: PortfolioFilter| async { ids(&portfolio(&contract, filter).await) };
    let expect = |d: &Decision| vec![(d.buyer_id.clone(), d.product.clone())];
    assert_eq!(
        only(PortfolioFilter {
            easy_number: Some(book.german.clone()),
            ..Default::default()
        })
        .await,
        expect(&book.pending)
    );
    assert_eq!(
        only(PortfolioFilter {
            customer_reference: Some("ACME-42".into()),
            ..Default::default()
        })
        .await,
        expect(&book.granted)
    );
    assert_eq!(
        only(PortfolioFilter {
            order_id: book.scored.order_id.clone(),
            ..Default::default()
        })
        .await,
        expect(&book.scored)
    );
    assert_eq!(
        only(PortfolioFilter {
            delivery_id: Some(book.granted.id.clone()),
            ..Default::default()
        })
        .await,
        expect(&book.granted)
    );
    assert_eq!(
        only(PortfolioFilter {
            product_code: Some("scorecheck".into()),
            ..Default::default()
        })
        .await,
        expect(&book.scored)
    );
    let germany = only(PortfolioFilter {
        country: Country::from_alpha3("DEU"),
        ..Default::default()
    })
    .await;
    assert_eq!(germany, expect(&book.pending));
    assert!(germany.iter().all(|(easy, _)| *easy != book.later));
    // Filters combine.
    assert!(only(PortfolioFilter {
        country: Country::from_alpha3("DEU"),
        product_code: Some("SCORECHECK".into()),
        ..Default::default()
    })
    .await
    .is_empty());
}

#[tokio::test]
async fn the_date_filter_is_midnight_gmt_of_the_day_sent() {
    let contract = Contract::open().await;
    let book = book(&contract).await;
    // The German order fell due during the two days: decided on its due day.
    let day_zero = book.granted.decided_on.clone().unwrap();
    let later_day = book.scored.decided_on.clone().unwrap();
    assert!(later_day > day_zero);
    // "Decided until day zero", as people think of it: the core sends the next day.
    let until_day_zero = portfolio(
        &contract,
        PortfolioFilter {
            decided_until: Some(day_zero.clone()),
            ..Default::default()
        },
    )
    .await;
    let listed = ids(&until_day_zero);
    assert!(listed.contains(&(book.french.clone(), "CREDITLIMIT".into())));
    assert!(!listed.contains(&(book.later.clone(), "SCORECHECK".into())));
    // The raw date of day zero is its midnight: nothing decided that day is before it.
    let raw = HttpRequest::new(Method::Get, "/companies/products").with_query("date", &day_zero);
    let (status, body) = contract.send(&raw).await;
    let before_midnight = parse_portfolio(status, &body).unwrap().decisions;
    assert!(before_midnight.is_empty(), "{before_midnight:?}");
    let until_later = portfolio(
        &contract,
        PortfolioFilter {
            decided_until: Some(later_day),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(until_later.len(), 3);
    // A date that is not one: 400.
    let bad = HttpRequest::new(Method::Get, "/companies/products").with_query("date", "2026-02-30");
    let (status, body) = contract.json(&bad).await;
    assert_eq!(status, 400);
    assert_eq!(body["code"], "InvalidDate");
}

#[tokio::test]
async fn pages_and_count() {
    let contract = Contract::open().await;
    let book = book(&contract).await;
    let mut seen = Vec::new();
    for page in ["1", "2", "3", "4"] {
        let request = HttpRequest::new(Method::Get, "/companies/products")
            .with_query("limit", "1")
            .with_query("page", page);
        let (status, body) = contract.send(&request).await;
        let json: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["count"], 3);
        let parsed = coface::parse_portfolio(status, &body).unwrap();
        assert_eq!(parsed.companies, 3, "count, never below those returned");
        seen.extend(parsed.decisions.into_iter().map(|d| d.buyer_id));
    }
    seen.sort();
    let mut expected = vec![book.french, book.german, book.later];
    expected.sort();
    assert_eq!(seen, expected);
    let zero = HttpRequest::new(Method::Get, "/companies/products").with_query("limit", "0");
    assert_eq!(contract.json(&zero).await.0, 400);
}

#[tokio::test]
async fn customer_references_are_set_listed_and_erased() {
    let contract = Contract::open().await;
    let book = book(&contract).await;
    let list = || async {
        let (status, body) = contract.send(&customer_references_request()).await;
        parse_customer_references(status, &body).expect("the core reads the references")
    };
    let first = list().await;
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].easy_number, book.french);
    assert_eq!(first[0].customer_reference, "ACME-42");
    assert!(first[0].company_name.is_some());
    // Set one on the German buyer, replace it, find it in the portfolio.
    for reference in ["MUE-7", "MUE-8"] {
        let request = set_customer_reference_request(&book.german, reference).unwrap();
        let (status, body) = contract.send(&request).await;
        assert_eq!(parse_set_customer_reference(status, &body), Ok(()));
    }
    let second = list().await;
    assert_eq!(second.len(), 2);
    assert!(second
        .iter()
        .any(|r| r.easy_number == book.german && r.customer_reference == "MUE-8"));
    let filtered = portfolio(
        &contract,
        PortfolioFilter {
            customer_reference: Some("MUE-8".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        ids(&filtered),
        vec![(book.german.clone(), "CREDITLIMIT".into())]
    );
    // A blank erases.
    let erase = set_customer_reference_request(&book.french, "   ").unwrap();
    let (status, body) = contract.send(&erase).await;
    assert_eq!(parse_set_customer_reference(status, &body), Ok(()));
    let third = list().await;
    assert_eq!(third.len(), 1);
    assert!(third.iter().all(|r| r.easy_number != book.french));
    let after = portfolio(
        &contract,
        PortfolioFilter {
            easy_number: Some(book.french.clone()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(after[0].customer_reference, None);
    // On a company Coface does not know: refused, and the core says so.
    let nobody = set_customer_reference_request("1234567890120000000", "X").unwrap();
    let (status, body) = contract.send(&nobody).await;
    assert_eq!(status, 404);
    assert!(parse_set_customer_reference(status, &body).is_err());
    // Too long (the core refuses to build it; the sandbox refuses it too).
    let mut long = set_customer_reference_request(&book.german, "A").unwrap();
    long.body =
        Some(serde_json::json!({"easyNumber": book.german, "customerReference": "x".repeat(36)}));
    assert_eq!(contract.json(&long).await.0, 400);
}
