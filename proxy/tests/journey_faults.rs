//! Insurer failures seen through the proxy over loopback HTTP: the embedded sandbox's run
//! default fault (`POST /__sandbox/faults`; the proxy does not forward `x-sandbox-fault`) makes
//! the insurer answer 5xx, 429 or nothing, and the browser gets the 5xx and the 429 (with its
//! `Retry-After`) as the insurer sent them, and a typed 502 JSON error from the proxy — not a
//! hang — when the insurer drops the connection. Requests are built and answers read by
//! `tradecover_core`.

mod journey_support;

use std::time::{Duration, Instant};

use journey_support::{text, Journey};
use serde_json::json;
use tradecover_core::coface;
use tradecover_core::lifecycle::parse_retry_after;
use tradecover_core::{BuyerQuery, HttpRequest, Insurer};

/// The `Retry-After` of the sandbox's injected 429, in seconds (documented on
/// `tradecover_sandbox`'s fault injection: "`429` (with `Retry-After: 2`)").
const SANDBOX_RETRY_AFTER_SECS: u64 = 2;

/// A CofaServe name search, as the widget sends it.
fn name_search() -> HttpRequest {
    let query = BuyerQuery::by_name("dupont", "FR", None, None).unwrap();
    coface::name_search_request(&query)
}

/// Sets the run's default fault on CofaServe's company routes (not its login).
async fn set_fault(journey: &Journey, fault: &str) {
    let (status, body) = journey
        .sandbox(
            "POST",
            "/__sandbox/faults",
            Some(json!({"fault": fault, "pathPrefix": "/coface/companies"})),
        )
        .await;
    assert!((200..300).contains(&status), "{status} {body}");
}

/// A journey whose proxy already holds its Coface token (the search succeeded once).
async fn logged_in() -> Journey {
    let journey = Journey::start().await;
    let response = journey.call(Insurer::Coface, &name_search(), &[]).await;
    assert_eq!(response.status, 200, "{}", text(&response));
    coface::parse_company_list(response.status, &response.body).unwrap();
    journey
}

#[tokio::test]
async fn an_insurer_5xx_passes_through_to_the_browser() {
    let journey = logged_in().await;
    set_fault(&journey, "status=503").await;
    let response = journey.call(Insurer::Coface, &name_search(), &[]).await;
    assert_eq!(response.status, 503, "{}", text(&response));
    assert_eq!(response.header("x-sandbox-fault"), Some("status=503"));
    let error = coface::parse_company_list(response.status, &response.body).unwrap_err();
    assert!(error.is_retryable(), "{error:?}");

    // Cleared, the same call goes through again.
    let (status, _) = journey.sandbox("DELETE", "/__sandbox/faults", None).await;
    assert!((200..300).contains(&status));
    let response = journey.call(Insurer::Coface, &name_search(), &[]).await;
    assert_eq!(response.status, 200, "{}", text(&response));
    journey.stop().await;
}

#[tokio::test]
async fn an_insurer_429_passes_through_with_its_retry_after() {
    let journey = logged_in().await;
    set_fault(&journey, "429").await;
    let response = journey.call(Insurer::Coface, &name_search(), &[]).await;
    assert_eq!(response.status, 429, "{}", text(&response));
    let retry_after = response.header("retry-after").expect("a Retry-After");
    assert_eq!(
        parse_retry_after(retry_after, 0),
        Some(SANDBOX_RETRY_AFTER_SECS)
    );
    let error = coface::parse_company_list(response.status, &response.body).unwrap_err();
    assert!(error.is_retryable(), "{error:?}");
    journey.stop().await;
}

#[tokio::test]
async fn a_dropped_connection_is_a_typed_502_from_the_proxy_not_a_hang() {
    let journey = logged_in().await;
    set_fault(&journey, "drop").await;
    let started = Instant::now();
    let response = journey.call(Insurer::Coface, &name_search(), &[]).await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "answered at once"
    );
    assert_eq!(response.status, 502, "{}", text(&response));
    assert_eq!(
        response
            .header("content-type")
            .map(|value| value.starts_with("application/json")),
        Some(true)
    );
    let problem: serde_json::Value = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(problem["code"], "insurer.unavailable", "{problem}");
    assert!(problem["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert!(response.header("x-sandbox-fault").is_none());
    let error = coface::parse_company_list(response.status, &response.body).unwrap_err();
    assert!(error.is_retryable(), "{error:?}");
    journey.stop().await;
}

#[tokio::test]
async fn a_truncated_answer_passes_through_and_the_core_calls_it_malformed() {
    let journey = logged_in().await;
    set_fault(&journey, "malformed").await;
    let response = journey.call(Insurer::Coface, &name_search(), &[]).await;
    assert_eq!(response.status, 200, "{}", text(&response));
    let error = coface::parse_company_list(response.status, &response.body).unwrap_err();
    assert_eq!(error.code(), "insurer.malformed", "{error:?}");
    journey.stop().await;
}
