//! Insurer authentication through the proxy, over real loopback HTTP against fake insurers that
//! count their token calls: Allianz Trade's single-flight token renewal, Atradius' correlation
//! ids, Coface's lockout schedule.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use common::{config_with, Served};
use tradecover_proxy::Clock;

const T0: u64 = 1_800_000_000;

fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

#[tokio::test]
async fn allianz_trade_fetches_one_token_for_a_hundred_calls_after_expiry() {
    let token_calls = Arc::new(AtomicUsize::new(0));
    let counter = token_calls.clone();
    let insurer = Router::new()
        .route(
            "/v1/idp/oauth2/authorize",
            post(move |Json(body): Json<serde_json::Value>| {
                let counter = counter.clone();
                async move {
                    assert!(body["apiKey"].is_string());
                    let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
                    // Slow enough that the hundred calls pile up behind the first fetch.
                    tokio::task::yield_now().await;
                    Json(serde_json::json!({
                        "access_token": format!("token-{n}"), "token_type": "Bearer", "expires_in": 3600
                    }))
                }
            }),
        )
        .route(
            "/search/v2/companies/advancedSearch",
            post(|headers: HeaderMap| async move {
                let auth = headers["authorization"].to_str().unwrap().to_owned();
                Json(serde_json::json!({ "auth": auth }))
            }),
        );
    let mut config = config_with(insurer);
    let clock = Clock::manual(T0);
    config.clock = clock.clone();
    let served = Served::proxy(config).await;
    let url = served.url("/proxy/allianz-trade/search/v2/companies/advancedSearch");
    let client = client();
    let call = |client: reqwest::Client, url: String| async move {
        let response = client
            .post(&url)
            .header("x-tradecover-client", "tradecover/test")
            .header("content-type", "application/json")
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        serde_json::from_str::<serde_json::Value>(&response.text().await.unwrap()).unwrap()["auth"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(call(client.clone(), url.clone()).await, "Bearer token-1");
    assert_eq!(call(client.clone(), url.clone()).await, "Bearer token-1");
    assert_eq!(token_calls.load(Ordering::SeqCst), 1);

    clock.advance(3600);
    let calls: Vec<_> = (0..100)
        .map(|_| tokio::spawn(call(client.clone(), url.clone())))
        .collect();
    for handle in calls {
        assert_eq!(handle.await.unwrap(), "Bearer token-2");
    }
    assert_eq!(token_calls.load(Ordering::SeqCst), 2, "exactly one renewal");
    served.stop().await;
}

#[tokio::test]
async fn atradius_sends_a_fresh_correlation_id_on_every_call() {
    let seen = Arc::new(Mutex::new(Vec::<(String, String, String)>::new()));
    let record = |seen: Arc<Mutex<Vec<(String, String, String)>>>, kind: &'static str| {
        move |headers: HeaderMap| {
            let seen = seen.clone();
            async move {
                let get = |name: &str| {
                    headers
                        .get(name)
                        .map(|v| v.to_str().unwrap().to_owned())
                        .unwrap_or_default()
                };
                seen.lock().unwrap().push((
                    kind.to_owned(),
                    get("authorization"),
                    get("atradius-correlation-id"),
                ));
                assert!(!get("atradius-app-key").is_empty());
                Json(serde_json::json!({
                    "data": {"access_token": "atr-token", "token_type": "Bearer", "expires_in": 1800}
                }))
            }
        }
    };
    let insurer = Router::new()
        .route(
            "/authenticate/v2/tokens",
            post(record(seen.clone(), "token")),
        )
        .route(
            "/credit-insurance/cover-management/v1/covers",
            axum::routing::get(record(seen.clone(), "call")),
        );
    let served = Served::proxy(config_with(insurer)).await;
    let client = client();
    for _ in 0..5 {
        let response =
            client
                .get(served.url(
                    "/proxy/atradius/credit-insurance/cover-management/v1/covers?customerId=1",
                ))
                .header("x-tradecover-client", "tradecover/test")
                .send()
                .await
                .unwrap();
        assert_eq!(response.status(), 200);
    }
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 6);
    assert_eq!(seen.iter().filter(|(kind, ..)| kind == "token").count(), 1);
    assert!(seen[0].1.starts_with("Basic "));
    assert!(seen[1..]
        .iter()
        .all(|(_, auth, _)| auth == "Bearer atr-token"));
    let ids: std::collections::HashSet<&String> = seen.iter().map(|(.., id)| id).collect();
    assert_eq!(
        ids.len(),
        6,
        "a different correlation id on every call: {seen:?}"
    );
    assert!(ids.iter().all(|id| id.len() == 36));
    served.stop().await;
}

#[tokio::test]
async fn coface_stops_logging_in_while_the_account_is_locked() {
    let logins = Arc::new(AtomicUsize::new(0));
    let calls = Arc::new(AtomicUsize::new(0));
    let (login_counter, call_counter) = (logins.clone(), calls.clone());
    let insurer = Router::new()
        .route(
            "/authentication/v1/token",
            post(move || {
                let logins = login_counter.clone();
                async move {
                    logins.fetch_add(1, Ordering::SeqCst);
                    (
                        StatusCode::BAD_REQUEST,
                        Json(serde_json::json!({
                            "code": "NotAuthorizedException",
                            "message": "Incorrect username or password."
                        })),
                    )
                }
            }),
        )
        .fallback(move || {
            let calls = call_counter.clone();
            async move {
                calls.fetch_add(1, Ordering::SeqCst);
                StatusCode::OK
            }
        });
    let mut config = config_with(insurer);
    let clock = Clock::manual(T0);
    config.clock = clock.clone();
    let served = Served::proxy(config).await;
    let client = client();
    let search = served.url("/proxy/coface/companies/name?countryCode=FRA&companyName=sa");
    let mut answers = Vec::new();
    for _ in 0..12 {
        let response = client
            .get(&search)
            .header("x-tradecover-client", "tradecover/test")
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .map(|v| v.to_str().unwrap().to_owned());
        let body: serde_json::Value =
            serde_json::from_str(&response.text().await.unwrap()).unwrap();
        answers.push((status, retry_after, body));
    }
    assert_eq!(
        logins.load(Ordering::SeqCst),
        5,
        "five failed logins, never a sixth during the lockout"
    );
    assert_eq!(calls.load(Ordering::SeqCst), 0);
    for (status, _, body) in &answers[..4] {
        assert_eq!(*status, 502);
        assert_eq!(body["code"], "insurer.unauthorized");
    }
    for (status, retry_after, body) in &answers[4..] {
        assert_eq!(*status, 503, "{body}");
        assert_eq!(body["code"], "insurer.locked");
        assert_eq!(body["lockedUntil"], "2027-01-15T08:00:01Z");
        assert_eq!(retry_after.as_deref(), Some("1"));
    }
    // Concurrent calls during the lockout send no login either.
    let concurrent: Vec<_> = (0..20)
        .map(|_| {
            let request = client
                .get(&search)
                .header("x-tradecover-client", "tradecover/test");
            tokio::spawn(async move { request.send().await.unwrap().status().as_u16() })
        })
        .collect();
    for handle in concurrent {
        assert_eq!(handle.await.unwrap(), 503);
    }
    assert_eq!(logins.load(Ordering::SeqCst), 5);
    // Once the first lockout (1 s) is over, the schedule allows one attempt, which doubles it.
    clock.advance(1);
    let response = client
        .get(&search)
        .header("x-tradecover-client", "tradecover/test")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "2");
    assert_eq!(logins.load(Ordering::SeqCst), 6);
    served.stop().await;
}
