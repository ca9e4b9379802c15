//! The proxy application driven in-process (no socket): allowlist, client header, credentials.

use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use axum::Router;
use tower::ServiceExt;
use tradecover_proxy::{app, ProxyConfig};

fn config() -> ProxyConfig {
    ProxyConfig::sandbox()
}

async fn send(app: &Router, request: Request<Body>) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), 16 * 1024 * 1024)
        .await
        .unwrap();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header("x-tradecover-client", "tradecover/test")
        .body(Body::empty())
        .unwrap()
}

/// A company name the sandbox knows, from its own sample endpoint.
async fn sample_name(app: &Router) -> (String, String) {
    let (status, _, body) = send(app, get("/__sandbox/companies/sample?countryCode=FRA&n=1")).await;
    assert_eq!(status, 200, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    let company = &json["companies"][0];
    (
        company["companyName"].as_str().unwrap().to_owned(),
        company["easyNumber"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test]
async fn forwards_an_allowed_search_with_the_insurer_credentials() {
    let config = config();
    let app = app(config.clone());
    let (name, easy) = sample_name(&app).await;
    let query = tradecover_core::BuyerQuery::by_name(&name, "FR", None, None).unwrap();
    let request = tradecover_core::coface::name_search_request(&query);
    let uri = format!("/proxy/coface{}", request.path_and_query());
    let (status, headers, body) = send(&app, get(&uri)).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(&easy), "the sampled company is found: {body}");
    let parsed = tradecover_core::coface::parse_company_list(200, body.as_bytes()).unwrap();
    assert!(parsed.buyers.iter().any(|buyer| buyer.insurer_id == easy));
    let everything = format!("{headers:?}{body}");
    for secret in [&config.coface.password, &config.coface.api_key] {
        assert!(!everything.contains(secret.as_str()), "a credential leaked");
    }
}

#[tokio::test]
async fn a_second_call_reuses_the_session() {
    let app = app(config());
    for _ in 0..3 {
        let (status, _, body) = send(
            &app,
            get("/proxy/coface/companies/name?countryCode=FRA&companyName=sa"),
        )
        .await;
        assert_eq!(status, 200, "{body}");
    }
}

#[tokio::test]
async fn refuses_calls_without_the_client_header() {
    let app = app(config());
    let request = Request::get("/proxy/coface/companies/name?countryCode=FRA&companyName=sa")
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = send(&app, request).await;
    assert_eq!(status, 403);
    assert!(body.contains("proxy.client_header_missing"), "{body}");
}

#[tokio::test]
async fn refuses_everything_that_is_not_an_allowed_operation() {
    let app = app(config());
    for (method, uri) in [
        ("POST", "/proxy/coface/authentication/v1/token"),
        ("POST", "/proxy/coface/companies/name"),
        ("DELETE", "/proxy/coface/companies/name"),
        ("GET", "/proxy/coface/companies/name/extra"),
        ("PATCH", "/proxy/coface/replay/v1/replay"),
        (
            "POST",
            "/proxy/coface/topics/credit_insurance_cover/subscriptions",
        ),
        ("GET", "/proxy/coface/companies/%6eame"),
        ("GET", "/proxy/coface/companies/../companies/name"),
        ("GET", "/proxy/coface//companies/name"),
        ("GET", "/proxy/lloyds/companies/name"),
        ("GET", "/proxy/coface"),
        ("GET", "/proxy/"),
    ] {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header("x-tradecover-client", "tradecover/test")
            .body(Body::empty())
            .unwrap();
        let (status, _, body) = send(&app, request).await;
        assert_eq!(status, 404, "{method} {uri}: {body}");
    }
}

#[tokio::test]
async fn the_browser_cannot_choose_the_insurer_credentials() {
    let app = app(config());
    let request = Request::get("/proxy/coface/companies/name?countryCode=FRA&companyName=sa")
        .header("x-tradecover-client", "tradecover/test")
        .header("authorization", "attacker-token")
        .header("x-api-key", "attacker-key")
        .body(Body::empty())
        .unwrap();
    // The proxy drops the browser's auth headers and uses its own: the call succeeds.
    let (status, _, body) = send(&app, request).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn health_answers() {
    let app = app(config());
    let (status, _, body) = send(&app, get("/health")).await;
    assert_eq!(status, 200);
    assert_eq!(body, r#"{"status":"ok"}"#);
}
