//! Decisions pushed to the browser through the proxy over loopback HTTP: a widget subscribes to
//! `GET /proxy/events`, submits a referred Allianz Trade request with a webhook callback (the
//! core's webhook header) and a referred Coface order, the sandbox clock passes the referral
//! delay, and each decision reaches the stream within a second of the clock's advance; a killed
//! stream resumes with `Last-Event-ID` without losing the decision made while it was down. The
//! events' content is read into the core's neutral `Decision`.

mod journey_support;

use std::time::{Duration, Instant};

use journey_support::{allianz_policy, credit_limit, eur, text, Journey, SseClient, SseEvent};
use tradecover_core::allianz_trade::{
    self as allianz, CompanySearch, CoverRequestSearch, JobStatus, Pagination,
};
use tradecover_core::coface::{self, ActionCode, ProductResource};
use tradecover_core::cover_application::DecisionCallback;
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::{Outcome, Status};
use tradecover_core::{BuyerQuery, Insurer};
use tradecover_sandbox::DEFAULT_REFERRAL_DELAY;

/// The longest a decision may take from the clock's advance to the browser.
const WITHIN: Duration = Duration::from_secs(1);
/// The Allianz Trade policy the journeys request cover under.
const ALLIANZ_POLICY: &str = "POL-SSE-1";

/// Opens the event stream of `policy` as a same-origin page's `EventSource` does.
async fn subscribe(
    journey: &Journey,
    policy_param: &str,
    last_event_id: Option<&str>,
) -> SseClient {
    let path = format!("/proxy/events?client=journey-tracker&{policy_param}");
    let origin = journey.origin();
    let mut headers = vec![("origin", origin.as_str())];
    if let Some(id) = last_event_id {
        headers.push(("last-event-id", id));
    }
    let stream = SseClient::connect(&journey.proxy, &path, &headers).await;
    assert_eq!(stream.status, 200);
    stream
}

/// The decision an event carries, read by the core.
fn decision_of(event: &SseEvent) -> Option<Decision> {
    serde_json::from_value(event.json().get("decision")?.clone()).ok()
}

/// Reads events until one of type `kind` carries a decision that `wanted` accepts, failing if
/// none comes before `deadline`.
async fn wait_for(
    stream: &mut SseClient,
    kind: &str,
    deadline: Instant,
    wanted: impl Fn(&Decision) -> bool,
) -> (SseEvent, Decision) {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let Some(event) = stream.next_event(left).await else {
            panic!("no {kind} event in time");
        };
        if event.event.as_deref() != Some(kind) {
            continue;
        }
        if let Some(decision) = decision_of(&event) {
            if wanted(&decision) {
                return (event, decision);
            }
        }
    }
}

/// An Allianz Trade company id of a usual French head office (the `nth` of a sample).
async fn allianz_company(journey: &Journey, nth: usize) -> String {
    let sampled = journey
        .sample(&format!("countryCode=FRA&n={}&highRisk=false", nth + 1))
        .await
        .remove(nth);
    let query = BuyerQuery::by_name(
        &sampled.name,
        "FR",
        None,
        sampled.address.postcode.as_deref(),
    )
    .unwrap();
    let mut search = CompanySearch::from_query(&query);
    search.size = 50;
    let request = allianz::advanced_search_request(&search).unwrap();
    let response = journey.call(Insurer::AllianzTrade, &request, &[]).await;
    allianz::parse_company_results(response.status, &response.body)
        .unwrap()
        .hits
        .into_iter()
        .find(|hit| hit.buyer.name == sampled.name)
        .unwrap()
        .buyer
        .insurer_id
}

/// Requests referred cover (with a webhook callback if `with_callback`, as the core builds
/// it; else without, as the cover form sends it); the cover id once the job is processed.
async fn referred_allianz_cover(
    journey: &Journey,
    company_id: &str,
    with_callback: bool,
) -> String {
    let callback = with_callback.then(|| DecisionCallback {
        url: "https://portal.example.com/notifications/allianz-trade".into(),
        time_to_live_hours: 24,
    });
    let application = credit_limit(
        Insurer::AllianzTrade,
        company_id,
        250_000,
        Some(allianz_policy(ALLIANZ_POLICY)),
        callback,
    );
    let request = allianz::cover_request(&application).unwrap();
    assert_eq!(
        request
            .headers
            .iter()
            .any(|(name, _)| name == allianz::webhook::CALLBACK_HEADER_NAME),
        with_callback,
        "the core adds the webhook header when asked"
    );
    let response = journey.call(Insurer::AllianzTrade, &request, &[]).await;
    assert_eq!(response.status, 202, "{}", text(&response));
    let job_id = allianz::parse_job_id(response.status, &response.body).unwrap();
    journey.advance(1).await;
    let job_request = allianz::job_request(&job_id).unwrap();
    let response = journey.call(Insurer::AllianzTrade, &job_request, &[]).await;
    let job = allianz::parse_job(response.status, &response.body).unwrap();
    assert_eq!(job.status, JobStatus::Processed, "{job:?}");
    job.cover_id().unwrap()
}

/// The id of the (only) cover request of the journeys' policy.
async fn allianz_request_id(journey: &Journey) -> String {
    let search = CoverRequestSearch {
        policies: vec![allianz_policy(ALLIANZ_POLICY)],
        request_status_code: None,
        pagination: Pagination::default(),
    };
    let request = allianz::cover_requests_search_request(&search);
    let response = journey.call(Insurer::AllianzTrade, &request, &[]).await;
    let requests = allianz::parse_cover_requests_page(&response, &search.pagination)
        .unwrap()
        .decisions;
    assert_eq!(requests.len(), 1, "{requests:?}");
    requests[0].id.clone()
}

/// Orders a referred credit limit from Coface on the `nth` usual German head office; the EASY
/// number and the order id.
async fn referred_coface_order(journey: &Journey, nth: usize) -> (String, String) {
    let easy = journey
        .sample(&format!("countryCode=DEU&n={}&highRisk=false", nth + 1))
        .await
        .remove(nth)
        .insurer_id;
    let application = credit_limit(Insurer::Coface, &easy, 250_000, None, None);
    let request = coface::order_request(
        &application,
        "CREDITLIMIT",
        &ActionCode::Crea,
        ProductResource::Products,
    )
    .unwrap();
    let response = journey.call(Insurer::Coface, &request, &[]).await;
    assert_eq!(response.status, 201, "{}", text(&response));
    let report = coface::parse_order_response(response.status, &response.body).unwrap();
    assert!(matches!(
        report.decision.status.status,
        Some(Status::Pending(_))
    ));
    (easy, report.decision.order_id.unwrap())
}

fn coface_contract(journey: &Journey) -> String {
    format!("contract={}", journey.proxy.config.coface.policy_number)
}

#[tokio::test]
async fn referred_decisions_reach_the_event_stream_within_a_second_of_the_clock() {
    let journey = Journey::start().await;
    let mut allianz_events = subscribe(&journey, &format!("policy={ALLIANZ_POLICY}"), None).await;
    let mut coface_events = subscribe(&journey, &coface_contract(&journey), None).await;

    let company_id = allianz_company(&journey, 0).await;
    let cover_id = referred_allianz_cover(&journey, &company_id, true).await;
    let request_id = allianz_request_id(&journey).await;
    let (easy, order_id) = referred_coface_order(&journey, 0).await;

    let advanced = journey.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let deadline = advanced + WITHIN;
    let (_, cover) = wait_for(&mut allianz_events, "cover", deadline, |decision| {
        decision.id == cover_id && matches!(decision.status.status, Some(Status::Decided(_)))
    })
    .await;
    assert_eq!(cover.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(cover.granted, Some(eur(250_000)));
    assert_eq!(cover.buyer_id, company_id);
    let (event, functional) = wait_for(&mut allianz_events, "decision", deadline, |decision| {
        decision.id == request_id
    })
    .await;
    assert_eq!(event.json()["insurer"], "allianz-trade");
    assert_eq!(event.json()["policy"], ALLIANZ_POLICY);
    assert_eq!(
        functional.status.status,
        Some(Status::Decided(Outcome::Full))
    );
    assert_eq!(functional.buyer_id, company_id);

    let (event, order) = wait_for(&mut coface_events, "decision", deadline, |decision| {
        decision.order_id.as_deref() == Some(order_id.as_str())
            && matches!(decision.status.status, Some(Status::Decided(_)))
    })
    .await;
    assert_eq!(event.json()["insurer"], "coface");
    assert_eq!(order.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(order.buyer_id, easy);
    assert_eq!(order.granted, Some(eur(250_000)));
    assert!(Instant::now() <= deadline);
    drop((allianz_events, coface_events));
    journey.stop().await;
}

#[tokio::test]
async fn a_cover_request_sent_without_a_webhook_gets_the_proxys_and_its_decision_reaches_the_stream(
) {
    let journey = Journey::start().await;
    let mut events = subscribe(&journey, &format!("policy={ALLIANZ_POLICY}"), None).await;
    let company_id = allianz_company(&journey, 1).await;
    let cover_id = referred_allianz_cover(&journey, &company_id, false).await;
    let advanced = journey.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let (_, cover) = wait_for(&mut events, "cover", advanced + WITHIN, |decision| {
        decision.id == cover_id && matches!(decision.status.status, Some(Status::Decided(_)))
    })
    .await;
    assert_eq!(cover.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(cover.buyer_id, company_id);
    drop(events);
    journey.stop().await;
}

#[tokio::test]
async fn a_killed_stream_resumes_with_last_event_id_without_losing_a_decision() {
    let journey = Journey::start().await;
    let contract = coface_contract(&journey);
    let mut events = subscribe(&journey, &contract, None).await;
    let (_, first_order) = referred_coface_order(&journey, 1).await;
    let advanced = journey.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let (seen, _) = wait_for(&mut events, "decision", advanced + WITHIN, |decision| {
        decision.order_id.as_deref() == Some(first_order.as_str())
            && matches!(decision.status.status, Some(Status::Decided(_)))
    })
    .await;
    let last_seen = seen.id.clone().unwrap();
    drop(events);

    // Decided while the browser is away.
    let (easy, second_order) = referred_coface_order(&journey, 2).await;
    journey.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let details = journey
        .call(
            Insurer::Coface,
            &coface::order_details_request(&easy, &second_order).unwrap(),
            &[],
        )
        .await;
    let decided = coface::parse_order_details(details.status, &details.body)
        .unwrap()
        .decision;
    assert_eq!(decided.status.status, Some(Status::Decided(Outcome::Full)));

    let mut resumed = subscribe(&journey, &contract, Some(&last_seen)).await;
    let mut replayed = Vec::new();
    let (missed, decision) = loop {
        let event = resumed
            .next_event(Duration::from_secs(5))
            .await
            .expect("the missed decision is replayed");
        assert!(event.number() > seen.number(), "{event:?} was already seen");
        replayed.push(event.clone());
        if event.event.as_deref() != Some("decision") {
            continue;
        }
        if let Some(decision) = decision_of(&event) {
            if decision.order_id.as_deref() == Some(second_order.as_str())
                && matches!(decision.status.status, Some(Status::Decided(_)))
            {
                break (event, decision);
            }
        }
    };
    assert_eq!(decision.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(decision.buyer_id, easy);
    assert_eq!(decision.id, decided.id);
    // Resumed events come in order, without repeats.
    let numbers: Vec<u64> = replayed.iter().map(SseEvent::number).collect();
    assert!(
        numbers.windows(2).all(|pair| pair[0] < pair[1]),
        "{numbers:?}"
    );
    assert!(missed.number() > seen.number());
    drop(resumed);
    journey.stop().await;
}

#[tokio::test]
async fn stopping_the_proxy_ends_a_subscriber_stream_instead_of_waiting_for_it() {
    // The proxy as `main` serves it: `tradecover_proxy::serve` with a shutdown signal.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(tradecover_proxy::serve(
        listener,
        tradecover_proxy::app(tradecover_proxy::ProxyConfig::sandbox()),
        async {
            let _ = stopped.await;
        },
    ));
    let mut events = SseClient::connect(
        &journey_support::sse::Address(addr),
        "/proxy/events?client=journey-tracker&policy=POL-SSE-2",
        &[],
    )
    .await;
    assert_eq!(events.status, 200);
    stop.send(()).unwrap();
    // The browser sees its stream end (and reconnects, resuming with Last-Event-ID)…
    let asked = Instant::now();
    assert_eq!(events.next_event(Duration::from_secs(3)).await, None);
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "the stream ended rather than went quiet"
    );
    // …and the server stops without waiting for it.
    let ended = tokio::time::timeout(Duration::from_secs(3), server).await;
    assert!(
        ended.is_ok(),
        "the server is still waiting for the event stream"
    );
    ended.unwrap().unwrap().unwrap();
}
