//! Helpers of the journey tests: the proxy (with its embedded sandbox) served on a loopback
//! port, and a client that sends what `tradecover_core` builds through `/proxy/{insurer}` the
//! way a same-origin browser widget does (`x-tradecover-client`, `Origin`), handing the answers
//! back as the core's `HttpResponse` for the core's parsers. The Server-Sent Events reader is
//! the notification tests' one.
#![allow(dead_code)]

#[path = "../notifications_support/mod.rs"]
pub mod sse;

use std::time::Instant;

use serde_json::Value;
use tradecover_core::cover_application::{
    ApplicationBuyer, CoverApplication, CoverType, DecisionCallback, PolicyRef,
};
use tradecover_core::currency::Currency;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::money::Money;
use tradecover_core::{Buyer, HttpRequest, Insurer};

#[allow(unused_imports)]
pub use sse::{RunningProxy, SseClient, SseEvent};

/// The `x-tradecover-client` value the journeys send.
pub const CLIENT: &str = "tradecover/journey-test";

/// The proxy and a browser-like HTTP client.
pub struct Journey {
    pub proxy: RunningProxy,
    client: reqwest::Client,
}

impl Journey {
    /// Serves `app(ProxyConfig::sandbox())` on a free loopback port.
    pub async fn start() -> Self {
        Self {
            proxy: RunningProxy::start().await,
            client: reqwest::Client::builder().no_proxy().build().unwrap(),
        }
    }

    /// `http://127.0.0.1:port{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.proxy.addr)
    }

    /// The proxy's own origin (what a same-origin page sends as `Origin`).
    pub fn origin(&self) -> String {
        format!("http://{}", self.proxy.addr)
    }

    /// Sends `request` (built by the core) through `/proxy/{insurer}` with the widget headers,
    /// the core's headers and `extra` ones; the answer as the core's `HttpResponse`.
    pub async fn call(
        &self,
        insurer: Insurer,
        request: &HttpRequest,
        extra: &[(&str, &str)],
    ) -> HttpResponse {
        let url = self.url(&format!(
            "/proxy/{}{}",
            insurer.as_str(),
            request.path_and_query()
        ));
        let method = reqwest::Method::from_bytes(request.method.as_str().as_bytes()).unwrap();
        let mut builder = self
            .client
            .request(method, url)
            .header("x-tradecover-client", CLIENT)
            .header("origin", self.origin())
            .header("accept", "application/json");
        for (name, value) in &request.headers {
            // The widget sends one accept and one content-type (added below).
            if !name.eq_ignore_ascii_case("accept") && !name.eq_ignore_ascii_case("content-type") {
                builder = builder.header(name.as_str(), value.as_str());
            }
        }
        for (name, value) in extra {
            builder = builder.header(*name, *value);
        }
        if let Some(json) = &request.body {
            builder = builder
                .header("content-type", "application/json")
                .body(json.to_string());
        }
        let response = tokio::time::timeout(std::time::Duration::from_secs(10), builder.send())
            .await
            .expect("the proxy answers within 10 s")
            .unwrap();
        let status = response.status().as_u16();
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = response.bytes().await.unwrap().to_vec();
        let mut answer = HttpResponse::new(status, body);
        for (name, value) in &headers {
            answer = answer.with_header(name, value);
        }
        answer
    }

    /// `method path` on the proxy's `/__sandbox` helpers with an optional JSON body; status
    /// and JSON answer.
    pub async fn sandbox(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut builder = self.client.request(method, self.url(path));
        if let Some(body) = body {
            builder = builder
                .header("content-type", "application/json")
                .body(body.to_string());
        }
        let response = builder.send().await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// Moves the sandbox clock `seconds` forward through the proxy; the instant the call
    /// returned (referred decisions are settled before it answers).
    pub async fn advance(&self, seconds: u64) -> Instant {
        let (status, body) = self
            .sandbox(
                "POST",
                &format!("/__sandbox/clock/advance?seconds={seconds}"),
                None,
            )
            .await;
        let returned = Instant::now();
        assert_eq!(status, 200, "{body}");
        returned
    }

    /// Head offices from the sample helper (`query` like `countryCode=FRA&n=3&highRisk=false`),
    /// as the core reads CofaServe companies.
    pub async fn sample(&self, query: &str) -> Vec<Buyer> {
        let (status, body) = self
            .sandbox("GET", &format!("/__sandbox/companies/sample?{query}"), None)
            .await;
        assert_eq!(status, 200, "{body}");
        tradecover_core::coface::parse_company_list(200, body.to_string().as_bytes())
            .unwrap()
            .buyers
    }

    /// Stops the proxy.
    pub async fn stop(self) {
        self.proxy.stop().await;
    }
}

/// The body of an answer as text.
pub fn text(response: &HttpResponse) -> String {
    String::from_utf8_lossy(&response.body).into_owned()
}

/// `major` whole euros.
pub fn eur(major: i64) -> Money {
    Money::from_minor(major * 100, Currency::EUR)
}

/// A credit-limit application to `insurer` on the buyer `insurer_id`.
pub fn credit_limit(
    insurer: Insurer,
    insurer_id: &str,
    major: i64,
    policy: Option<PolicyRef>,
    callback: Option<DecisionCallback>,
) -> CoverApplication {
    CoverApplication {
        insurer,
        buyer: ApplicationBuyer::Known {
            insurer_id: insurer_id.to_owned(),
        },
        cover_type: CoverType::CreditLimit,
        amount: eur(major),
        customer_reference: Some("JOURNEY-1".into()),
        urgent: false,
        policy,
        comment: Some("journey test".into()),
        callback,
        idempotency_key: "journey-key-0001".into(),
    }
}

/// An Allianz Trade policy reference with the policy id `policy_id`.
pub fn allianz_policy(policy_id: &str) -> PolicyRef {
    PolicyRef {
        business_unit_code: "FRA".into(),
        policy_id: policy_id.into(),
        extension_id: "DCL".into(),
    }
}

/// The Atradius insured the journeys apply for.
pub fn atradius_policy() -> tradecover_core::atradius::AtradiusPolicy {
    tradecover_core::atradius::AtradiusPolicy {
        customer_id: 10_000_001,
        policy_id: "POL-JOURNEY-1".into(),
    }
}
