//! The proxy as a service over real loopback HTTP: forwarding through the embedded sandbox,
//! `idempotency-key` and hop-by-hop headers, rate limits, `/metrics`, graceful shutdown, and the
//! README's allowlist table against the core's operations.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::routing::post;
use axum::{Json, Router};
use common::{config_with, counting_insurer, raw, Served};
use tokio::sync::Notify;
use tradecover_proxy::config::{RateLimitConfig, UpstreamSetting};
use tradecover_proxy::remote::RemoteUpstream;
use tradecover_proxy::ProxyConfig;

fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

#[tokio::test]
async fn searches_the_embedded_sandbox_over_loopback() {
    let mut config = ProxyConfig::sandbox();
    config.access_log = false;
    let secrets = config.secrets();
    let served = Served::proxy(config).await;
    let client = client();
    let sample = client
        .get(served.url("/__sandbox/companies/sample?countryCode=FRA&n=1"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let sample: serde_json::Value = serde_json::from_str(&sample).unwrap();
    let name = sample["companies"][0]["companyName"].as_str().unwrap();
    let easy = sample["companies"][0]["easyNumber"].as_str().unwrap();
    let query = tradecover_core::BuyerQuery::by_name(name, "FR", None, None).unwrap();
    let request = tradecover_core::coface::name_search_request(&query);
    let response = client
        .get(served.url(&format!("/proxy/coface{}", request.path_and_query())))
        .header("x-tradecover-client", "tradecover/test")
        .header("origin", format!("http://{}", served.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let headers = format!("{:?}", response.headers());
    let body = response.text().await.unwrap();
    let parsed = tradecover_core::coface::parse_company_list(200, body.as_bytes()).unwrap();
    assert!(parsed.buyers.iter().any(|buyer| buyer.insurer_id == easy));
    for secret in secrets {
        assert!(!headers.contains(&secret) && !body.contains(&secret));
    }
    served.stop().await;
}

#[tokio::test]
async fn forwards_to_a_remote_upstream_over_http() {
    // A standalone sandbox on loopback plays the remote CofaServe.
    let mut config = ProxyConfig::sandbox();
    config.access_log = false;
    let sandbox = tradecover_sandbox::router(tradecover_sandbox::SandboxConfig {
        coface: tradecover_sandbox::CofaceCredentials {
            username: config.coface.username.clone(),
            password: config.coface.password.clone(),
            api_key: config.coface.api_key.clone(),
            policy_number: config.coface.policy_number.clone(),
        },
        ..tradecover_sandbox::SandboxConfig::default()
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sandbox_addr = listener.local_addr().unwrap();
    let sandbox_task = tokio::spawn(async move { axum::serve(listener, sandbox).await });
    config.upstreams.coface = UpstreamSetting::Remote(
        RemoteUpstream::parse(
            tradecover_core::Insurer::Coface,
            &format!("http://{sandbox_addr}/coface"),
        )
        .unwrap(),
    );
    let served = Served::proxy(config).await;
    let response = client()
        .get(served.url("/proxy/coface/companies/name?countryCode=FRA&companyName=sa"))
        .header("x-tradecover-client", "tradecover/test")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body = response.text().await.unwrap();
    tradecover_core::coface::parse_company_list(200, body.as_bytes()).unwrap();
    served.stop().await;
    sandbox_task.abort();
}

#[tokio::test]
async fn forwards_the_idempotency_key_and_drops_hop_by_hop_headers() {
    let (insurer, hits) = counting_insurer();
    let served = Served::proxy(config_with(insurer)).await;
    let response = client()
        .post(served.url("/proxy/allianz-trade/riskinfo/v3/covers"))
        .header("x-tradecover-client", "tradecover/test")
        .header("idempotency-key", "order-42-attempt")
        .header("content-type", "application/json")
        .header("cookie", "session=browser")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["x-insurer"], "yes");
    assert!(response.headers().get("x-secret-hop").is_none());
    let body: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(body["idempotencyKey"], "order-42-attempt");
    assert_eq!(hits.load(Ordering::SeqCst), 2, "token + call");
    served.stop().await;
}

#[tokio::test]
async fn rate_limits_a_client_with_retry_after_and_counts_it() {
    let (insurer, hits) = counting_insurer();
    let mut config = config_with(insurer);
    config.rate_limit = RateLimitConfig {
        requests_per_second: 0.5,
        burst: 3,
        exempt_loopback: false,
    };
    let served = Served::proxy(config).await;
    let client = client();
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let response = client
            .get(served.url("/proxy/coface/companies/name?countryCode=FRA&companyName=a"))
            .header("x-tradecover-client", "tradecover/test")
            .send()
            .await
            .unwrap();
        statuses.push((
            response.status().as_u16(),
            response.headers().get("retry-after").cloned(),
        ));
    }
    assert_eq!(
        statuses.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
        [200, 200, 200, 429, 429]
    );
    assert_eq!(statuses[3].1.as_ref().unwrap(), "2");
    let forwarded = hits.load(Ordering::SeqCst);
    assert_eq!(forwarded, 4, "one login and three calls");
    let metrics = client.get(served.url("/metrics")).send().await.unwrap();
    // The metrics request itself is rate-limited too.
    assert_eq!(metrics.status(), 429);
    served.stop().await;
}

#[tokio::test]
async fn metrics_count_requests_latency_and_tokens() {
    let (insurer, _) = counting_insurer();
    let served = Served::proxy(config_with(insurer)).await;
    let client = client();
    for path in [
        "/proxy/coface/companies/name?countryCode=FRA&companyName=a",
        "/proxy/coface/companies/name?countryCode=FRA&companyName=b",
        "/proxy/coface/not/allowed",
    ] {
        client
            .get(served.url(path))
            .header("x-tradecover-client", "tradecover/test")
            .send()
            .await
            .unwrap();
    }
    let text = client
        .get(served.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for expected in [
        "tradecover_proxy_requests_total{insurer=\"coface\",operation=\"company.search_by_name\",status=\"200\"} 2",
        "tradecover_proxy_requests_total{insurer=\"none\",operation=\"none\",status=\"404\"} 1",
        "tradecover_proxy_upstream_duration_seconds_count{insurer=\"coface\"} 2",
        "tradecover_proxy_token_fetches_total{insurer=\"coface\",outcome=\"ok\"} 1",
        "tradecover_proxy_rate_limited_total 0",
    ] {
        assert!(text.contains(expected), "{expected} in\n{text}");
    }
    served.stop().await;
}

#[tokio::test]
async fn a_request_in_flight_when_shutdown_starts_still_completes() {
    let arrived = Arc::new(Notify::new());
    let release = Arc::new(Notify::new());
    let answered = Arc::new(AtomicUsize::new(0));
    let (arrived_in, release_in, answered_in) =
        (arrived.clone(), release.clone(), answered.clone());
    let insurer = Router::new()
        .route(
            "/v1/idp/oauth2/authorize",
            post(|| async { Json(serde_json::json!({"access_token": "t", "expires_in": 3600})) }),
        )
        .route(
            "/riskinfo/v3/covers/search",
            post(move || {
                let (arrived, release, answered) =
                    (arrived_in.clone(), release_in.clone(), answered_in.clone());
                async move {
                    arrived.notify_one();
                    release.notified().await;
                    answered.fetch_add(1, Ordering::SeqCst);
                    Json(serde_json::json!({"covers": []}))
                }
            }),
        );
    let mut served = Served::proxy(config_with(insurer)).await;
    let url = served.url("/proxy/allianz-trade/riskinfo/v3/covers/search");
    let addr = served.addr;
    let slow = tokio::spawn(async move {
        client()
            .post(url)
            .header("x-tradecover-client", "tradecover/test")
            .header("content-type", "application/json")
            .body("{}")
            .send()
            .await
            .map(|response| response.status().as_u16())
    });
    arrived.notified().await;
    served.begin_shutdown();
    // New connections are refused once the listener is closed…
    let mut refused = false;
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(addr).await.is_err() {
            refused = true;
            break;
        }
        tokio::task::yield_now().await;
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(refused, "the listener closes when shutdown starts");
    // …but the request in flight is answered.
    release.notify_one();
    assert_eq!(slow.await.unwrap().unwrap(), 200);
    assert_eq!(answered.load(Ordering::SeqCst), 1);
    served.stop().await;
}

#[tokio::test]
async fn health_over_loopback() {
    let (insurer, _) = counting_insurer();
    let served = Served::proxy(config_with(insurer)).await;
    let answer = raw(
        served.addr,
        format!("GET /health HTTP/1.1\r\nHost: {}\r\n\r\n", served.addr).as_bytes(),
    )
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, r#"{"status":"ok"}"#);
    served.stop().await;
}

#[test]
fn the_readme_allowlist_is_the_cores() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find(tradecover_proxy::allowlist::TABLE_START)
        .expect("start marker in README");
    let end = readme
        .find(tradecover_proxy::allowlist::TABLE_END)
        .expect("end marker in README");
    let table = readme[start + tradecover_proxy::allowlist::TABLE_START.len()..end].trim();
    let expected = tradecover_proxy::allowlist::markdown_table();
    assert_eq!(
        table,
        expected.trim(),
        "proxy/README.md's allowlist differs from the core's operations; replace it with:\n{expected}"
    );
    assert_eq!(
        expected.lines().count() - 2,
        tradecover_core::operation::all().count()
    );
}
