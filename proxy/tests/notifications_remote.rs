//! Coface notifications when Coface is not the embedded sandbox: the proxy fetches the SNS
//! signing certificate and visits the `SubscribeURL` over the network (reqwest). A fake SNS
//! serves them over plain HTTP on 127.0.0.1, reached through the tests-only
//! `insecure_sns_endpoint`: messages are signed by the sandbox's signer exactly as SNS signs
//! them, with Amazon-shaped URLs the core's checks accept, and the proxy sends the path and query
//! of those (checked) URLs to the fake.

mod notifications_support;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use notifications_support::{coface_decision_message, unix_millis, Address, SseClient};
use tokio::net::TcpListener;
use tradecover_proxy::config::UpstreamSetting;
use tradecover_proxy::{app, ProxyConfig};
use tradecover_sandbox::{sns_certificate_pem, sns_signer, SnsSigner, SANDBOX_SIGNING_CERT_URL};

const WAIT: Duration = Duration::from_secs(5);
/// The path of the sandbox's `SigningCertURL`.
const CERT_PATH: &str = "/SimpleNotificationService-tradecover-sandbox.pem";

/// What the fake SNS was asked.
#[derive(Default)]
struct FakeSns {
    certificate_fetches: AtomicUsize,
    redirect_target_fetches: AtomicUsize,
    confirmations: Mutex<Vec<String>>,
}

async fn certificate(State(fake): State<Arc<FakeSns>>) -> Response {
    fake.certificate_fetches.fetch_add(1, Ordering::SeqCst);
    (
        [(header::CONTENT_TYPE, "application/x-pem-file")],
        sns_certificate_pem(),
    )
        .into_response()
}

/// `GET /?Action=ConfirmSubscription&TopicArn=…&Token=…`: 200 only for a token the sandbox's
/// signer issued for that topic (what SNS does with a genuine SubscribeURL).
async fn confirm(State(fake): State<Arc<FakeSns>>, RawQuery(query): RawQuery) -> Response {
    let query = query.unwrap_or_default();
    fake.confirmations.lock().unwrap().push(query.clone());
    let param = |name: &str| {
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
            .unwrap_or_default()
            .to_owned()
    };
    if param("Action") == "ConfirmSubscription"
        && sns_signer().is_subscription_token(&param("TopicArn"), &param("Token"))
    {
        (StatusCode::OK, "<ConfirmSubscriptionResponse/>").into_response()
    } else {
        StatusCode::BAD_REQUEST.into_response()
    }
}

/// Serves the fake SNS on a loopback port.
async fn fake_sns() -> (SocketAddr, Arc<FakeSns>) {
    let fake = Arc::new(FakeSns::default());
    let router = Router::new()
        .route(CERT_PATH, get(certificate))
        .route("/", get(confirm))
        .route("/oversized.pem", get(|| async { "-".repeat(128 * 1024) }))
        .route(
            "/moved.pem",
            get(|| async {
                (
                    StatusCode::FOUND,
                    [(header::LOCATION, format!("{CERT_PATH}-target.pem"))],
                )
            }),
        )
        .route(
            "/SimpleNotificationService-tradecover-sandbox.pem-target.pem",
            get(|State(fake): State<Arc<FakeSns>>| async move {
                fake.redirect_target_fetches.fetch_add(1, Ordering::SeqCst);
                sns_certificate_pem()
            }),
        )
        .with_state(Arc::clone(&fake));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (addr, fake)
}

/// The proxy with no insurer in the embedded sandbox (Coface is a do-nothing in-process router),
/// SNS reached at `sns`, certificates allowed from `hosts`.
async fn proxy(sns: SocketAddr, hosts: &[&str]) -> SocketAddr {
    proxy_with_topics(sns, hosts, &[]).await
}

/// [`proxy`], accepting only the SNS topics `topics`.
async fn proxy_with_topics(sns: SocketAddr, hosts: &[&str], topics: &[&str]) -> SocketAddr {
    let mut config = ProxyConfig::sandbox();
    config.notifications.topic_arns = topics.iter().map(|topic| (*topic).to_owned()).collect();
    config.upstreams.allianz_trade = UpstreamSetting::Router(Router::new());
    config.upstreams.atradius = UpstreamSetting::Router(Router::new());
    config.upstreams.coface = UpstreamSetting::Router(Router::new());
    config.access_log = false;
    config.notifications.certificate_hosts = hosts.iter().map(|host| (*host).to_owned()).collect();
    config.notifications.insecure_sns_endpoint = Some(format!("http://{sns}"));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = app(config);
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap()
    });
    addr
}

/// Posts an SNS message as SNS does: status and JSON answer.
async fn post_sns(proxy: SocketAddr, envelope: &serde_json::Value) -> (u16, serde_json::Value) {
    let message_type = envelope["Type"].as_str().unwrap().to_owned();
    let response = reqwest::Client::new()
        .post(format!("http://{proxy}/notifications/coface"))
        .header("content-type", "text/plain; charset=UTF-8")
        .header("x-amz-sns-message-type", message_type)
        .body(envelope.to_string())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.bytes().await.unwrap();
    (status, serde_json::from_slice(&body).unwrap_or_default())
}

fn signed_push(contract: &str, delivery_id: &str) -> serde_json::Value {
    let message = coface_decision_message(contract, delivery_id).to_string();
    sns_signer().notification(
        "credit_insurance_cover",
        &message,
        &SnsSigner::new_message_id(),
        unix_millis(),
    )
}

/// The same signed message, claiming another `SigningCertURL` (a field SNS does not sign).
fn with_cert_url(mut envelope: serde_json::Value, url: &str) -> serde_json::Value {
    envelope["SigningCertURL"] = serde_json::json!(url);
    envelope
}

#[tokio::test]
async fn pushes_are_verified_with_the_fetched_certificate_fetched_once() {
    let (sns, fake) = fake_sns().await;
    let proxy = proxy(sns, &["sns.eu-west-1.amazonaws.com"]).await;
    let mut events = SseClient::connect(
        &Address(proxy),
        "/proxy/events?client=tracker&contract=C-9",
        &[],
    )
    .await;
    assert_eq!(events.status, 200);

    for delivery in ["D-1", "D-2"] {
        let envelope = signed_push("C-9", delivery);
        assert_eq!(envelope["SigningCertURL"], SANDBOX_SIGNING_CERT_URL);
        let (status, answer) = post_sns(proxy, &envelope).await;
        assert_eq!(status, 200, "{answer}");
        let event = events.next_event(WAIT).await.expect("the push's event");
        assert_eq!(event.number(), answer["eventId"].as_u64().unwrap());
        assert_eq!(event.json()["insurer"], "coface");
        assert_eq!(event.json()["policy"], "C-9");
    }
    assert_eq!(
        fake.certificate_fetches.load(Ordering::SeqCst),
        1,
        "the certificate is cached by URL"
    );

    // Signed with the sandbox's key but altered afterwards: refused after the (cached) fetch.
    let mut forged = signed_push("C-9", "D-3");
    forged["Message"] = serde_json::json!(coface_decision_message("C-9", "D-4").to_string());
    let (status, answer) = post_sns(proxy, &forged).await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (403, Some("notification.signature_invalid"))
    );
    assert!(events
        .next_event(Duration::from_millis(300))
        .await
        .is_none());
}

#[tokio::test]
async fn a_subscription_is_confirmed_by_visiting_its_subscribe_url() {
    let (sns, fake) = fake_sns().await;
    let proxy = proxy(sns, &["sns.eu-west-1.amazonaws.com"]).await;
    let confirmation = sns_signer().subscription_confirmation(
        "credit_insurance_cover",
        &SnsSigner::new_message_id(),
        unix_millis(),
    );
    let (status, answer) = post_sns(proxy, &confirmation).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["confirmed"], true);
    let visited = fake.confirmations.lock().unwrap().clone();
    let subscribe_url = confirmation["SubscribeURL"].as_str().unwrap();
    assert_eq!(
        visited,
        [subscribe_url.split_once('?').unwrap().1.to_owned()],
        "the SubscribeURL's query reached SNS as it was signed"
    );
}

#[tokio::test]
async fn certificates_of_other_hosts_are_never_fetched() {
    let (sns, fake) = fake_sns().await;
    let proxy = proxy(sns, &["sns.us-east-1.amazonaws.com"]).await;
    let envelope = signed_push("C-1", "D-1");
    for url in [
        SANDBOX_SIGNING_CERT_URL.to_owned(),
        format!("http://{sns}{CERT_PATH}"),
        format!("https://{sns}{CERT_PATH}"),
        format!("https://sns.us-east-1.amazonaws.com.attacker.example{CERT_PATH}"),
    ] {
        let (status, answer) = post_sns(proxy, &with_cert_url(envelope.clone(), &url)).await;
        assert_eq!(
            (status, answer["code"].as_str()),
            (403, Some("notification.certificate_untrusted")),
            "{url}"
        );
    }
    assert_eq!(fake.certificate_fetches.load(Ordering::SeqCst), 0);
    assert!(fake.confirmations.lock().unwrap().is_empty());
}

#[tokio::test]
async fn oversized_and_redirected_certificates_are_refused() {
    let (sns, fake) = fake_sns().await;
    let proxy = proxy(sns, &["sns.eu-west-1.amazonaws.com"]).await;
    let envelope = signed_push("C-1", "D-1");
    for path in ["/oversized.pem", "/moved.pem", "/missing.pem"] {
        let url = format!("https://sns.eu-west-1.amazonaws.com{path}");
        let (status, answer) = post_sns(proxy, &with_cert_url(envelope.clone(), &url)).await;
        assert_eq!(
            (status, answer["code"].as_str()),
            (502, Some("notification.certificate_unavailable")),
            "{path}"
        );
    }
    assert_eq!(
        fake.redirect_target_fetches.load(Ordering::SeqCst),
        0,
        "redirects are not followed"
    );
    // The refusals were not cached: the genuine certificate URL still works.
    let (status, answer) = post_sns(proxy, &envelope).await;
    assert_eq!(status, 200, "{answer}");
}

#[tokio::test]
async fn an_unreachable_sns_is_a_bad_gateway() {
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        listener.local_addr().unwrap()
    };
    let proxy = proxy(closed, &["sns.eu-west-1.amazonaws.com"]).await;
    let (status, answer) = post_sns(proxy, &signed_push("C-1", "D-1")).await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (502, Some("notification.certificate_unavailable"))
    );
}

#[tokio::test]
async fn only_the_configured_topics_are_accepted_or_confirmed() {
    let (sns, fake) = fake_sns().await;
    let hosts = ["sns.eu-west-1.amazonaws.com"];
    let elsewhere = proxy_with_topics(sns, &hosts, &["arn:aws:sns:eu-west-1:111122223333:"]).await;
    let confirmation = sns_signer().subscription_confirmation(
        "credit_insurance_cover",
        &SnsSigner::new_message_id(),
        unix_millis(),
    );
    for envelope in [signed_push("C-1", "D-1"), confirmation.clone()] {
        let (status, answer) = post_sns(elsewhere, &envelope).await;
        assert_eq!(
            (status, answer["code"].as_str()),
            (403, Some("notification.topic_not_allowed"))
        );
    }
    assert!(
        fake.confirmations.lock().unwrap().is_empty(),
        "a foreign topic's SubscribeURL is never visited"
    );

    let sandbox_account = SnsSigner::topic_arn("x").trim_end_matches('x').to_owned();
    let ours = proxy_with_topics(sns, &hosts, &[&sandbox_account]).await;
    let (status, answer) = post_sns(ours, &confirmation).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(fake.confirmations.lock().unwrap().len(), 1);
}
