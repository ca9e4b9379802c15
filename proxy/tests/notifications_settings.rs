//! The notification routes served on their own with chosen settings, over loopback HTTP: the
//! Allianz Trade callback token, cross-origin subscribers, the `gap` notice when resuming from
//! an event no longer kept, and a closed subscriber being dropped.

mod notifications_support;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use notifications_support::{allianz_functional, SseClient};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tradecover_core::Insurer;
use tradecover_proxy::app::AppState;
use tradecover_proxy::metrics::Metrics;
use tradecover_proxy::notifications::sns_access::EmbeddedSandboxSns;
use tradecover_proxy::notifications::{
    notification_routes, EventKind, NotificationEvent, NotificationSettings, NotificationState,
    EVENT_HISTORY,
};
use tradecover_proxy::ProxyConfig;

const WAIT: Duration = Duration::from_secs(5);

/// The notification routes alone, with `settings`, on a loopback port.
async fn serve(settings: NotificationSettings) -> (SocketAddr, Arc<NotificationState>) {
    let sandbox = axum::Router::new();
    let app = Arc::new(AppState::new(
        &ProxyConfig::sandbox(),
        Some(&sandbox),
        Arc::new(Metrics::default()),
    ));
    let sns = Arc::new(EmbeddedSandboxSns::new(sandbox));
    let state = Arc::new(NotificationState::new(settings, sns, app));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = notification_routes(Arc::clone(&state));
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (addr, state)
}

async fn post(addr: SocketAddr, path: &str, body: &str) -> u16 {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "POST {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer.split(' ').nth(1).unwrap().parse().unwrap()
}

fn order_event(n: u64) -> NotificationEvent {
    NotificationEvent::new(
        EventKind::Order,
        Insurer::Coface,
        Some("P-1".into()),
        "notification",
        serde_json::json!({ "n": n }),
    )
}

#[tokio::test]
async fn the_allianz_trade_callback_needs_its_token_when_one_is_set() {
    let settings = NotificationSettings {
        allianz_callback_token: Some("s3cret-Token".into()),
        ..NotificationSettings::default()
    };
    let (addr, state) = serve(settings).await;
    let body = allianz_functional("N-T", "REQ-T", "P-1").to_string();
    assert_eq!(post(addr, "/notifications/allianz-trade", &body).await, 403);
    assert_eq!(
        post(
            addr,
            "/notifications/allianz-trade?token=s3cret-Toke",
            &body
        )
        .await,
        403
    );
    assert_eq!(state.seen.len(), 0, "refused callbacks are not remembered");
    assert_eq!(
        post(
            addr,
            "/notifications/allianz-trade?token=s3cret-Token",
            &body
        )
        .await,
        200
    );
}

#[tokio::test]
async fn allowed_origins_may_subscribe_across_sites() {
    let settings = NotificationSettings {
        allowed_origins: vec!["https://portal.example".into()],
        ..NotificationSettings::default()
    };
    let (addr, _) = serve(settings).await;
    let proxy = notifications_support::Address(addr);
    let allowed = SseClient::connect(
        &proxy,
        "/proxy/events?client=w&policy=P-1",
        &[("origin", "https://portal.example")],
    )
    .await;
    assert_eq!(allowed.status, 200);
    assert_eq!(
        allowed.header("access-control-allow-origin").as_deref(),
        Some("https://portal.example")
    );
    let other = SseClient::connect(
        &proxy,
        "/proxy/events?client=w&policy=P-1",
        &[("origin", "https://portal.example.evil")],
    )
    .await;
    assert_eq!(other.status, 403);
}

#[tokio::test]
async fn resuming_from_an_event_no_longer_kept_announces_the_gap() {
    let (addr, state) = serve(NotificationSettings::default()).await;
    let total = EVENT_HISTORY as u64 + 5;
    for n in 0..total {
        state.hub.publish(order_event(n));
    }
    let proxy = notifications_support::Address(addr);
    let mut resumed = SseClient::connect(
        &proxy,
        "/proxy/events?client=w&policy=P-1",
        &[("last-event-id", "2")],
    )
    .await;
    let gap = resumed.next_event(WAIT).await.unwrap();
    assert_eq!(gap.event.as_deref(), Some("gap"));
    assert_eq!(gap.id, None);
    assert_eq!(gap.json()["missedFrom"], 3);
    assert_eq!(gap.json()["resumedFrom"], 6);
    let first_kept = resumed.next_event(WAIT).await.unwrap();
    assert_eq!(first_kept.number(), 6);
    assert_eq!(first_kept.event.as_deref(), Some("order"));
}

#[tokio::test]
async fn a_closed_subscriber_is_dropped() {
    let (addr, state) = serve(NotificationSettings::default()).await;
    let proxy = notifications_support::Address(addr);
    let subscriber = SseClient::connect(&proxy, "/proxy/events?client=w&policy=P-1", &[]).await;
    assert_eq!(subscriber.status, 200);
    assert_eq!(state.hub.subscriber_count(), 1);
    drop(subscriber);
    // The proxy notices the closed connection at its next write: publish until it has.
    let started = Instant::now();
    let mut n = 0;
    while state.hub.subscriber_count() > 0 {
        assert!(started.elapsed() < WAIT, "the subscriber was never dropped");
        state.hub.publish(order_event(n));
        n += 1;
        tokio::task::yield_now().await;
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}
