//! `POST /__sandbox/portfolio`: a large decided portfolio seeded in one call, listed page by
//! page with the core's own requests and parsed by the core (every page), deterministic for a
//! seed, with a spread of outcomes, countries and references; and fast enough for 100,000
//! decisions (times printed with `--nocapture`).

mod allianz_trade_support;
mod atradius_support;

use std::collections::HashSet;
use std::time::Instant;

use allianz_trade_support::{policy as allianz_policy, Allianz};
use atradius_support::{policy as atradius_policy, send_to, Atradius};
use axum::body::Body;
use axum::http::Request;
use serde_json::Value;
use tradecover_core::allianz_trade::{self as allianz, CoverSearch, Pagination};
use tradecover_core::atradius::{self, CoverFilter};
use tradecover_core::decision::Decision;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::lifecycle::{Outcome, Status};

/// The seeding route's query for the Allianz Trade policy of the tests.
fn allianz_query(count: usize, seed: u64) -> String {
    let policy = allianz_policy();
    format!(
        "insurer=allianz-trade&count={count}&seed={seed}&businessUnitCode={}&policyId={}&extensionId={}",
        policy.business_unit_code, policy.policy_id, policy.extension_id
    )
}

/// The seeding route's query for the Atradius insured of the tests.
fn atradius_query(count: usize, seed: u64) -> String {
    let policy = atradius_policy();
    format!(
        "insurer=atradius&count={count}&seed={seed}&customerId={}&policyId={}",
        policy.customer_id, policy.policy_id
    )
}

fn seed_request(query: &str) -> Request<Body> {
    Request::builder()
        .method("POST")
        .uri(format!("/__sandbox/portfolio?{query}"))
        .body(Body::empty())
        .unwrap()
}

fn body(response: &HttpResponse) -> Value {
    serde_json::from_slice(&response.body).unwrap_or(Value::Null)
}

/// Every decision of the Allianz Trade policy, page by page (`page_size` each), each page
/// built and parsed by the core; also how many pages it took.
async fn allianz_listing(sandbox: &Allianz, page_size: u32) -> (Vec<Decision>, u32) {
    let token = sandbox.token().await;
    let mut decisions = Vec::new();
    let mut next = Some(1);
    let mut pages = 0;
    while let Some(page) = next {
        let search = CoverSearch {
            policies: vec![allianz_policy()],
            pagination: Pagination { page, page_size },
        };
        let response = sandbox
            .send(&allianz::covers_search_request(&search), Some(&token), &[])
            .await;
        assert_eq!(response.status, 200, "page {page}");
        let parsed = allianz::parse_covers_page(&response, &search.pagination)
            .unwrap_or_else(|e| panic!("the core parses page {page}: {e:?}"));
        decisions.extend(parsed.decisions);
        next = parsed.next_page;
        pages += 1;
        assert!(pages <= 10_000, "pages never end");
    }
    (decisions, pages)
}

/// What a decision is, without its dates (which follow the wall clock of the sandbox's start).
fn essence(decision: &Decision) -> String {
    format!(
        "{}|{}|{:?}|{:?}|{:?}|{:?}|{}",
        decision.buyer_id,
        decision.product,
        decision.requested,
        decision.granted,
        decision.status.status,
        decision.customer_reference,
        decision.id
    )
}

fn assert_spread(decisions: &[Decision]) {
    let share = |wanted: Status| {
        decisions
            .iter()
            .filter(|d| d.status.status == Some(wanted))
            .count()
            * 100
            / decisions.len()
    };
    let full = share(Status::Decided(Outcome::Full));
    let partial = share(Status::Decided(Outcome::Partial));
    let refused = share(Status::Decided(Outcome::Refused));
    assert!(full >= 50, "granted in full: {full} %");
    assert!(partial >= 4, "granted in part: {partial} %");
    assert!(refused >= 3, "refused: {refused} %");
    let countries: HashSet<_> = decisions
        .iter()
        .filter_map(|d| d.requested.as_ref().map(|m| m.currency))
        .collect();
    assert!(countries.len() >= 3, "currencies {countries:?}");
    let referenced = decisions
        .iter()
        .filter(|d| d.customer_reference.is_some())
        .count();
    assert!(referenced * 10 > decisions.len() * 7 && referenced < decisions.len());
    assert!(decisions.iter().all(|d| d.buyer_name.is_some()));
}

#[tokio::test]
async fn seeds_100_000_allianz_trade_decisions_that_the_core_reads_page_by_page() {
    let sandbox = Allianz::new();
    let started = Instant::now();
    let answer = sandbox.raw(seed_request(&allianz_query(100_000, 1))).await;
    let seeding = started.elapsed();
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    assert_eq!(body(&answer)["seeded"], 100_000);
    assert_eq!(body(&answer)["total"], 100_000);
    let started = Instant::now();
    let (decisions, pages) = allianz_listing(&sandbox, 5000).await;
    let listing = started.elapsed();
    println!("allianz-trade: seeding 100,000 took {seeding:?}, listing them in {pages} pages {listing:?}");
    assert_eq!(pages, 20);
    assert_eq!(decisions.len(), 100_000);
    let ids: HashSet<&str> = decisions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 100_000, "every cover once");
    assert_spread(&decisions);
}

#[tokio::test]
async fn seeds_100_000_atradius_decisions_that_the_core_reads() {
    let mut sandbox = Atradius::new();
    let started = Instant::now();
    let answer = send_to(&sandbox.app, seed_request(&atradius_query(100_000, 1))).await;
    let seeding = started.elapsed();
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    assert_eq!(body(&answer)["total"], 100_000);
    let started = Instant::now();
    let request = atradius::covers_request(&atradius_policy(), &CoverFilter::default()).unwrap();
    let response = sandbox.call(&request).await;
    assert_eq!(response.status, 200);
    let decisions = atradius::parse_cover_list(&response).unwrap();
    println!(
        "atradius: seeding 100,000 took {seeding:?}, listing them (one answer of {} MB) {:?}",
        response.body.len() / 1_000_000,
        started.elapsed()
    );
    assert_eq!(decisions.len(), 100_000);
    assert_spread(&decisions);
    let products: HashSet<&str> = decisions.iter().map(|d| d.product.as_str()).collect();
    assert_eq!(products.len(), 3, "{products:?}");
    let types: HashSet<(String, String)> = decisions
        .iter()
        .map(|d| (d.buyer_id.clone(), d.product.clone()))
        .collect();
    assert_eq!(
        types.len(),
        decisions.len(),
        "no buyer has two records of one type"
    );
}

#[tokio::test]
async fn the_same_seed_gives_the_same_portfolio_and_another_seed_another() {
    let listing_of = |seed: u64| async move {
        let sandbox = Allianz::new();
        let answer = sandbox.raw(seed_request(&allianz_query(3_000, seed))).await;
        assert_eq!(answer.status, 200);
        let (decisions, _) = allianz_listing(&sandbox, 1000).await;
        decisions.iter().map(essence).collect::<Vec<_>>()
    };
    let first = listing_of(9).await;
    assert_eq!(first.len(), 3_000);
    assert_eq!(first, listing_of(9).await);
    assert_ne!(first, listing_of(10).await);

    let atradius_of = |seed: u64| async move {
        let mut sandbox = Atradius::new();
        let answer = send_to(&sandbox.app, seed_request(&atradius_query(3_000, seed))).await;
        assert_eq!(answer.status, 200);
        sandbox
            .list(atradius::covers_request, None)
            .await
            .iter()
            .map(essence)
            .collect::<Vec<_>>()
    };
    let first = atradius_of(9).await;
    assert_eq!(first.len(), 3_000);
    assert_eq!(first, atradius_of(9).await);
    assert_ne!(first, atradius_of(10).await);
}

#[tokio::test]
async fn seeding_adds_to_what_the_simulation_holds_under_its_policy_only() {
    let sandbox = Allianz::new();
    assert_eq!(
        sandbox
            .raw(seed_request(&allianz_query(300, 1)))
            .await
            .status,
        200
    );
    let other = "insurer=allianz-trade&count=200&businessUnitCode=DEU&policyId=OTHER-1";
    let answer = sandbox.raw(seed_request(other)).await;
    assert_eq!(body(&answer)["total"], 500);
    let (decisions, pages) = allianz_listing(&sandbox, 100).await;
    assert_eq!((decisions.len(), pages), (300, 3));
}

#[tokio::test]
async fn bad_seeding_requests_are_refused_with_json_errors() {
    let sandbox = Allianz::new();
    let policy = "businessUnitCode=FRA&policyId=P";
    for query in [
        format!("insurer=allianz-trade&{policy}"),
        format!("insurer=allianz-trade&count=0&{policy}"),
        format!("insurer=allianz-trade&count=200001&{policy}"),
        format!("insurer=allianz-trade&count=ten&{policy}"),
        format!("insurer=allianz-trade&count=5&seed=-1&{policy}"),
        "insurer=allianz-trade&count=5&policyId=P".to_owned(),
        "insurer=atradius&count=5&customerId=x&policyId=P".to_owned(),
        "insurer=atradius&count=5&policyId=P".to_owned(),
        "insurer=zurich&count=5".to_owned(),
        "count=5".to_owned(),
    ] {
        let answer = sandbox.raw(seed_request(&query)).await;
        assert_eq!(answer.status, 400, "{query}");
        assert!(body(&answer)["message"].is_string(), "{query}");
    }
    let get = Request::builder()
        .uri("/__sandbox/portfolio?insurer=atradius&count=1")
        .body(Body::empty())
        .unwrap();
    assert_eq!(sandbox.raw(get).await.status, 405);
}
