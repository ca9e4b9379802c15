//! Fault injection on the insurer routes: per request with `x-sandbox-fault`, or for the run
//! with `POST /__sandbox/faults`; over in-process calls and, for `drop`, over real loopback TCP.

mod atradius_support;

use atradius_support::{application, eur, policy, send_to, Atradius};
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use std::time::{Duration, Instant};
use tower::ServiceExt;
use tradecover_core::atradius::{self, CoverFilter};
use tradecover_core::cover_application::CoverType;
use tradecover_core::InsurerError;
use tradecover_sandbox::{router, SandboxConfig};

fn fault(value: &str) -> [(&'static str, String); 1] {
    [("x-sandbox-fault", value.to_owned())]
}

fn covers() -> tradecover_core::HttpRequest {
    atradius::covers_request(&policy(), &CoverFilter::default()).unwrap()
}

async fn helper(
    sandbox: &Atradius,
    method: &str,
    uri: &str,
    body: &str,
) -> (u16, serde_json::Value) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header("content-type", "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    let answer = send_to(&sandbox.app, request).await;
    (answer.status, atradius_support::json(&answer))
}

#[tokio::test]
async fn a_5xx_status_is_answered_before_the_insurer_sees_the_request() {
    let mut sandbox = Atradius::new();
    let buyer = sandbox.usual_buyer(0).await;
    let applied = application(&buyer, CoverType::CreditLimit, eur(10_000));
    let request = atradius::application_request(&policy(), &applied).unwrap();
    let answer = sandbox.call_with(&request, &fault("status=503")).await;
    assert_eq!(answer.status, 503);
    assert_eq!(answer.header("x-sandbox-fault"), Some("status=503"));
    assert_eq!(
        atradius::parse_application_response(&answer, &applied),
        Err(InsurerError::Unavailable { status: 503 })
    );
    assert!(sandbox
        .list(atradius::covers_request, None)
        .await
        .is_empty());
    // Coface routes are insurer routes too.
    let coface = Request::builder()
        .method("POST")
        .uri("/coface/authentication/v1/token")
        .header("x-sandbox-fault", "status=500")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send_to(&sandbox.app, coface).await.status, 500);
}

#[tokio::test]
async fn too_many_requests_says_when_to_retry() {
    let mut sandbox = Atradius::new();
    let answer = sandbox.call_with(&covers(), &fault("429")).await;
    assert_eq!(answer.status, 429);
    assert_eq!(answer.header("retry-after"), Some("2"));
    assert_eq!(
        atradius::parse_cover_list(&answer),
        Err(InsurerError::Unavailable { status: 429 })
    );
}

#[tokio::test]
async fn latency_delays_the_real_answer() {
    let mut sandbox = Atradius::new();
    sandbox.login().await;
    let started = Instant::now();
    let answer = sandbox.call_with(&covers(), &fault("latency=80")).await;
    assert!(started.elapsed() >= Duration::from_millis(80));
    assert_eq!(answer.status, 200);
    assert!(atradius::parse_cover_list(&answer).is_ok());
    let too_long = sandbox.call_with(&covers(), &fault("latency=10001")).await;
    assert_eq!(too_long.status, 400);
    let unknown = sandbox.call_with(&covers(), &fault("explode")).await;
    assert_eq!(unknown.status, 400);
}

#[tokio::test]
async fn a_malformed_answer_is_truncated_json_after_the_request_took_effect() {
    let mut sandbox = Atradius::new();
    let buyer = sandbox.usual_buyer(1).await;
    let applied = application(&buyer, CoverType::CreditLimit, eur(10_000));
    let request = atradius::application_request(&policy(), &applied).unwrap();
    let answer = sandbox.call_with(&request, &fault("malformed")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    assert!(serde_json::from_slice::<serde_json::Value>(&answer.body).is_err());
    assert!(answer.body.starts_with(b"{"));
    assert_eq!(
        atradius::parse_application_response(&answer, &applied)
            .unwrap_err()
            .code(),
        "insurer.malformed"
    );
    assert_eq!(sandbox.list(atradius::covers_request, None).await.len(), 1);
}

#[tokio::test]
async fn drop_in_process_fails_the_body() {
    let mut sandbox = Atradius::new();
    sandbox.login().await;
    let token = sandbox.token.clone().unwrap();
    let mut headers = atradius::auth_headers(&token, &sandbox.credentials, "c").to_vec();
    headers.push(("x-sandbox-fault", "drop".to_owned()));
    let request = atradius_support::to_axum(&covers(), &headers);
    let response = sandbox.app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.headers().get("x-sandbox-fault").unwrap(), "drop");
    assert!(response.into_body().collect().await.is_err());
}

#[tokio::test]
async fn drop_closes_a_real_connection_without_an_answer() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        axum::serve(listener, router(SandboxConfig::default()))
            .await
            .unwrap();
    });
    let exchange = |fault: Option<&str>| {
        let fault = fault
            .map(|f| format!("x-sandbox-fault: {f}\r\n"))
            .unwrap_or_default();
        async move {
            let stream = tokio::net::TcpStream::connect(address).await.unwrap();
            let request = format!(
                "GET /atradius/credit-insurance/cover-management/v1/covers?policyId=P HTTP/1.1\r\n\
                 Host: {address}\r\n{fault}Connection: close\r\n\r\n"
            );
            let mut written = 0;
            while written < request.len() {
                stream.writable().await.unwrap();
                match stream.try_write(&request.as_bytes()[written..]) {
                    Ok(n) => written += n,
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                    Err(e) => panic!("write: {e}"),
                }
            }
            let read_all = async {
                let mut received = Vec::new();
                let mut chunk = [0u8; 4096];
                loop {
                    if stream.readable().await.is_err() {
                        return received;
                    }
                    match stream.try_read(&mut chunk) {
                        Ok(0) => return received,
                        Ok(n) => received.extend_from_slice(&chunk[..n]),
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                        // A reset connection is closed too.
                        Err(_) => return received,
                    }
                }
            };
            tokio::time::timeout(Duration::from_secs(5), read_all)
                .await
                .expect("the server closes the connection")
        }
    };
    let normal = exchange(None).await;
    assert!(
        normal.starts_with(b"HTTP/1.1 403"),
        "{}",
        String::from_utf8_lossy(&normal)
    );
    let dropped = exchange(Some("drop")).await;
    assert!(dropped.is_empty(), "{}", String::from_utf8_lossy(&dropped));
    server.abort();
}

#[tokio::test]
async fn a_default_fault_applies_to_the_run_until_cleared() {
    let mut sandbox = Atradius::new();
    sandbox.login().await;
    let (status, body) = helper(
        &sandbox,
        "POST",
        "/__sandbox/faults",
        r#"{"fault": "status=502", "pathPrefix": "/atradius"}"#,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["probability"], 1.0);
    assert_eq!(sandbox.call(&covers()).await.status, 502);
    // Sandbox helpers and other insurers are not affected.
    assert_eq!(
        helper(&sandbox, "GET", "/__sandbox/health", "").await.0,
        200
    );
    let coface = Request::builder()
        .method("POST")
        .uri("/coface/authentication/v1/token")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send_to(&sandbox.app, coface).await.status, 403);
    // A fault asked in the header wins over the default.
    assert_eq!(
        sandbox.call_with(&covers(), &fault("429")).await.status,
        429
    );
    let (status, body) = helper(&sandbox, "GET", "/__sandbox/faults", "").await;
    assert_eq!((status, body["fault"].as_str()), (200, Some("status=502")));
    let (status, body) = helper(&sandbox, "DELETE", "/__sandbox/faults", "").await;
    assert_eq!((status, body["cleared"].as_bool()), (200, Some(true)));
    assert_eq!(sandbox.call(&covers()).await.status, 200);

    for bad in [
        r#"{"fault": "status=404"}"#,
        r#"{"fault": "429", "probability": 1.5}"#,
        r#"{"probability": 0.5}"#,
        "not json",
    ] {
        assert_eq!(
            helper(&sandbox, "POST", "/__sandbox/faults", bad).await.0,
            400,
            "{bad}"
        );
    }
}

#[tokio::test]
async fn a_default_fault_with_a_probability_is_deterministic_for_its_seed() {
    async fn statuses() -> Vec<u16> {
        let mut sandbox = Atradius::new();
        sandbox.login().await;
        let (status, _) = helper(
            &sandbox,
            "POST",
            "/__sandbox/faults",
            r#"{"fault": "status=500", "probability": 0.5, "seed": 11}"#,
        )
        .await;
        assert_eq!(status, 200);
        let mut seen = Vec::new();
        for _ in 0..30 {
            seen.push(sandbox.call(&covers()).await.status);
        }
        seen
    }
    let first = statuses().await;
    assert_eq!(first, statuses().await);
    let failed = first.iter().filter(|status| **status == 500).count();
    assert!((5..25).contains(&failed), "{first:?}");
    assert!(first.iter().all(|status| matches!(status, 200 | 500)));
}
