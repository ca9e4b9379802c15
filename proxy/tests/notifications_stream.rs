//! The proxy's event stream over real loopback HTTP: resuming with `Last-Event-ID`, the
//! embedded sandbox's outbox reaching a subscriber within a second, the subscriber checks
//! (client, origin, policy), and the Coface replay route's rules.

mod notifications_support;

use std::time::{Duration, Instant};

use notifications_support::{allianz_functional, coface_decision_message, RunningProxy, SseClient};

const QUIET: Duration = Duration::from_millis(300);
const WAIT: Duration = Duration::from_secs(5);

async fn post_allianz(proxy: &RunningProxy, id: &str, policy: &str) -> u16 {
    let body = allianz_functional(id, &format!("REQ-{id}"), policy).to_string();
    proxy
        .post("/notifications/allianz-trade", &[], &body)
        .await
        .0
}

#[tokio::test]
async fn a_killed_connection_resumes_with_last_event_id_without_losing_an_event() {
    let proxy = RunningProxy::start().await;
    let path = "/proxy/events?client=tracker&policy=P-1";
    let mut events = SseClient::connect(&proxy, path, &[]).await;
    assert_eq!(post_allianz(&proxy, "N-1", "P-1").await, 200);
    let first = events.next_event(WAIT).await.unwrap();
    drop(events);

    // Sent while the browser is away.
    assert_eq!(post_allianz(&proxy, "N-2", "P-1").await, 200);
    assert_eq!(post_allianz(&proxy, "N-3", "P-1").await, 200);

    let last_id = first.id.clone().unwrap();
    let mut resumed = SseClient::connect(&proxy, path, &[("last-event-id", &last_id)]).await;
    assert_eq!(resumed.status, 200);
    let second = resumed.next_event(WAIT).await.unwrap();
    let third = resumed.next_event(WAIT).await.unwrap();
    assert_eq!(second.number(), first.number() + 1);
    assert_eq!(third.number(), first.number() + 2);
    assert_eq!(second.json()["decision"]["id"], "REQ-N-2");
    assert_eq!(third.json()["decision"]["id"], "REQ-N-3");

    // Live events follow the resumed ones; a fresh subscriber gets no history.
    assert_eq!(post_allianz(&proxy, "N-4", "P-1").await, 200);
    assert_eq!(
        resumed.next_event(WAIT).await.unwrap().number(),
        first.number() + 3
    );
    let mut fresh = SseClient::connect(&proxy, path, &[]).await;
    assert_eq!(fresh.next_event(QUIET).await, None);
    proxy.stop().await;
}

#[tokio::test]
async fn a_sandbox_outbox_push_reaches_the_subscriber_within_a_second() {
    let proxy = RunningProxy::start().await;
    let contract = proxy.config.coface.policy_number.clone();
    let mut events = SseClient::connect(
        &proxy,
        &format!("/proxy/events?client=tracker&contract={contract}"),
        &[],
    )
    .await;
    for (insurer, target, body, expected_id) in [
        (
            "coface",
            "credit_insurance_cover",
            coface_decision_message(&contract, "DLV-OUT"),
            "DLV-OUT",
        ),
        (
            "allianz-trade",
            "https://portal.example/notifications/allianz-trade",
            allianz_functional("N-OUT", "REQ-OUT", &contract),
            "REQ-OUT",
        ),
    ] {
        let push = serde_json::json!({"insurer": insurer, "target": target, "body": body});
        let started = Instant::now();
        let (status, answer) = proxy
            .post("/__sandbox/outbox", &[], &push.to_string())
            .await;
        assert_eq!(status, 202, "{answer}");
        let event = events
            .next_event(Duration::from_secs(1))
            .await
            .unwrap_or_else(|| panic!("no {insurer} event within a second"));
        let elapsed = started.elapsed();
        assert!(elapsed < Duration::from_secs(1), "{insurer}: {elapsed:?}");
        assert_eq!(event.json()["insurer"], insurer);
        assert_eq!(event.json()["decision"]["id"], expected_id);
    }
    let (status, _) = proxy
        .post(
            "/__sandbox/outbox",
            &[],
            r#"{"insurer": "atradius", "target": "x", "body": {}}"#,
        )
        .await;
    assert_eq!(status, 400);
    proxy.stop().await;
}

#[tokio::test]
async fn subscribers_see_only_their_policy() {
    let proxy = RunningProxy::start().await;
    let mut mine = SseClient::connect(&proxy, "/proxy/events?client=a&policy=P-A", &[]).await;
    let mut theirs = SseClient::connect(&proxy, "/proxy/events?client=b&contract=P-B", &[]).await;
    assert_eq!(post_allianz(&proxy, "N-A", "P-A").await, 200);
    assert_eq!(mine.next_event(WAIT).await.unwrap().json()["policy"], "P-A");
    assert_eq!(theirs.next_event(QUIET).await, None);
    proxy.stop().await;
}

#[tokio::test]
async fn subscribers_must_name_a_client_a_policy_and_come_from_an_allowed_origin() {
    let proxy = RunningProxy::start().await;
    let own_origin = format!("http://{}", proxy.addr);
    for (path, headers, status) in [
        ("/proxy/events?policy=P-1", vec![], 403),
        ("/proxy/events?client=&policy=P-1", vec![], 403),
        ("/proxy/events?client=a%20b&policy=P-1", vec![], 403),
        ("/proxy/events?client=w", vec![], 400),
        (
            "/proxy/events?client=w&policy=P-1&contract=P-2",
            vec![],
            400,
        ),
        (
            "/proxy/events?client=w&policy=P-1",
            vec![("origin", "https://evil.example")],
            403,
        ),
        (
            "/proxy/events?client=w&policy=P-1",
            vec![("origin", "null")],
            403,
        ),
        (
            "/proxy/events?client=w&policy=P-1",
            vec![("last-event-id", "abc")],
            400,
        ),
        (
            "/proxy/events?client=w&policy=P-1",
            vec![("origin", own_origin.as_str())],
            200,
        ),
        ("/proxy/events?client=w&contract=P-1", vec![], 200),
    ] {
        let client = SseClient::connect(&proxy, path, &headers).await;
        assert_eq!(client.status, status, "{path} {headers:?}");
        if status == 200 {
            assert_eq!(client.header("access-control-allow-origin"), None);
        }
    }
    proxy.stop().await;
}

#[tokio::test]
async fn coface_replays_follow_the_seed_rules() {
    let proxy = RunningProxy::start().await;
    let client = [("x-tradecover-client", "ops")];
    let path = "/proxy/coface/notifications/replay";
    let now = notifications_support::unix_millis();
    let iso = |millis: u64| tradecover_sandbox::sns_timestamp(millis);

    let just_sent = serde_json::json!({"messageId": "m-1", "firstSentAt": iso(now)});
    let (status, answer) = proxy.post(path, &client, &just_sent.to_string()).await;
    assert_eq!(status, 409, "{answer}");
    let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(answer["code"], "notification.replay_not_allowed");
    assert_eq!(answer["decision"]["kind"], "tooEarly");

    let six_days_ago = now - 6 * 86_400_000;
    let expired = serde_json::json!({"messageId": "m-2", "firstSentAt": iso(six_days_ago)});
    let (status, answer) = proxy.post(path, &client, &expired.to_string()).await;
    assert_eq!(status, 409);
    let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(answer["decision"]["kind"], "expired");

    let (status, _) = proxy.post(path, &[], &just_sent.to_string()).await;
    assert_eq!(status, 403, "the client header is required");
    for malformed in [
        "{}",
        r#"{"messageId": " ", "firstSentAt": "2026-01-01T00:00:00Z"}"#,
        r#"{"messageId": "m", "firstSentAt": "yesterday"}"#,
    ] {
        let (status, answer) = proxy.post(path, &client, malformed).await;
        assert_eq!(status, 400, "{malformed}: {answer}");
    }
    proxy.stop().await;
}
