//! Helpers of the Atradius tests: requests built by `tradecover_core::atradius` are sent to the
//! sandbox router in-process (`tower::ServiceExt::oneshot`) under `/atradius`, with the headers
//! the proxy adds, and the answers come back as the core's `HttpResponse` for its parsers.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use std::sync::atomic::{AtomicU8, Ordering};
use tower::ServiceExt;
use tradecover_core::atradius::{
    self, AtradiusCredentials, AtradiusPolicy, AtradiusToken, CoverFilter,
};
use tradecover_core::buyer::{Buyer, Identifier};
use tradecover_core::cover_application::{ApplicationBuyer, CoverApplication, CoverType};
use tradecover_core::currency::Currency;
use tradecover_core::decision::Decision;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::money::Money;
use tradecover_core::{Country, HttpRequest, Insurer};
use tradecover_sandbox::{router, SandboxConfig};

/// A sandbox and the Atradius credentials it accepts, with a token once [`login`] ran.
pub struct Atradius {
    pub app: Router,
    pub credentials: AtradiusCredentials,
    pub token: Option<AtradiusToken>,
    seconds: u64,
    counter: AtomicU8,
}

/// The insured of every test.
pub fn policy() -> AtradiusPolicy {
    AtradiusPolicy {
        customer_id: 10_000_001,
        policy_id: "POL-SANDBOX-1".into(),
    }
}

/// `major` units of euros.
pub fn eur(major: i64) -> Money {
    Money::from_minor(major * 100, Currency::EUR)
}

/// `decisions_request` without a date, in the shape of the other list builders.
pub fn decisions_request_now(
    policy: &AtradiusPolicy,
    filter: &CoverFilter,
) -> Result<HttpRequest, atradius::AtradiusRequestError> {
    atradius::decisions_request(policy, filter, None)
}

/// An application for `buyer`.
pub fn application(buyer: &str, cover_type: CoverType, amount: Money) -> CoverApplication {
    CoverApplication {
        insurer: Insurer::Atradius,
        buyer: ApplicationBuyer::Known {
            insurer_id: buyer.into(),
        },
        cover_type,
        amount,
        customer_reference: Some("REF-1".into()),
        urgent: false,
        policy: None,
        comment: None,
        callback: None,
        idempotency_key: "idem-0001".into(),
    }
}

/// Converts a core request into an axum request under `/atradius`, with extra headers.
pub fn to_axum(request: &HttpRequest, extra: &[(&str, String)]) -> Request<Body> {
    let mut builder = Request::builder()
        .method(request.method.as_str())
        .uri(format!("/atradius{}", request.path_and_query()));
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    for (name, value) in extra {
        builder = builder.header(*name, value.as_str());
    }
    let body = match &request.body {
        Some(json) => Body::from(json.to_string()),
        None => Body::empty(),
    };
    builder.body(body).unwrap()
}

/// Sends an axum request to `app`; the answer as the core's `HttpResponse`.
pub async fn send_to(app: &Router, request: Request<Body>) -> HttpResponse {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_str().unwrap_or("").to_owned()))
        .collect();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let mut answer = HttpResponse::new(status, body.to_vec());
    for (name, value) in &headers {
        answer = answer.with_header(name, value);
    }
    answer
}

/// The JSON of an answer's body.
pub fn json(response: &HttpResponse) -> Value {
    serde_json::from_slice(&response.body).unwrap_or(Value::Null)
}

impl Atradius {
    /// A fresh sandbox with the default configuration and a manual clock (time moves only
    /// when a test advances it).
    pub fn new() -> Self {
        Self::with(SandboxConfig {
            manual_clock: true,
            ..SandboxConfig::default()
        })
    }

    /// A fresh sandbox with `config`.
    pub fn with(config: SandboxConfig) -> Self {
        let credentials = AtradiusCredentials {
            client_id: config.atradius.client_id.clone(),
            client_secret: config.atradius.client_secret.clone(),
            app_key: config.atradius.app_key.clone(),
        };
        Self {
            app: router(config),
            credentials,
            token: None,
            seconds: 1_000_000,
            counter: AtomicU8::new(0),
        }
    }

    /// A fresh correlation id.
    pub fn correlation(&self) -> String {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        atradius::correlation_id([n; 16])
    }

    /// Sends a core request with extra headers.
    pub async fn send(&self, request: &HttpRequest, extra: &[(&str, String)]) -> HttpResponse {
        send_to(&self.app, to_axum(request, extra)).await
    }

    /// Requests a token with the core and parses it.
    pub async fn login(&mut self) {
        let request = atradius::token_request(&self.credentials, &self.correlation());
        let response = self.send(&request, &[]).await;
        assert_eq!(
            response.status,
            200,
            "{}",
            String::from_utf8_lossy(&response.body)
        );
        self.token = Some(atradius::parse_token_response(&response, self.seconds).unwrap());
    }

    /// Sends a core request with the headers the proxy adds (logs in first if needed).
    pub async fn call(&mut self, request: &HttpRequest) -> HttpResponse {
        self.call_with(request, &[]).await
    }

    /// As [`call`], with extra headers.
    pub async fn call_with(
        &mut self,
        request: &HttpRequest,
        extra: &[(&str, String)],
    ) -> HttpResponse {
        if self.token.is_none() {
            self.login().await;
        }
        let token = self.token.clone().unwrap();
        let mut headers: Vec<(&str, String)> =
            atradius::auth_headers(&token, &self.credentials, &self.correlation()).to_vec();
        headers.extend(extra.iter().cloned());
        self.send(request, &headers).await
    }

    /// Moves the sandbox clock forward.
    pub async fn advance(&mut self, seconds: u64) {
        let request = Request::builder()
            .method("POST")
            .uri(format!("/__sandbox/clock/advance?seconds={seconds}"))
            .body(Body::empty())
            .unwrap();
        let response = send_to(&self.app, request).await;
        assert_eq!(response.status, 200);
        self.seconds += seconds;
    }

    /// Head offices from the sandbox's sample helper, as the core reads them.
    pub async fn sample(&self, query: &str) -> Vec<Buyer> {
        let request = Request::builder()
            .uri(format!("/__sandbox/companies/sample?{query}"))
            .body(Body::empty())
            .unwrap();
        let response = send_to(&self.app, request).await;
        assert_eq!(response.status, 200);
        let mut companies = json(&response);
        // Companies unknown to Coface have no EASY number; the core's Coface parser needs one.
        for company in companies["companies"].as_array_mut().unwrap() {
            if company["easyNumber"].is_null() {
                company["easyNumber"] = Value::from("Z1");
            }
        }
        tradecover_core::coface::parse_company_list(200, companies.to_string().as_bytes())
            .unwrap()
            .buyers
    }

    /// Searches a buyer by `identifier` in `country` with the core; the buyers found.
    pub async fn search(&mut self, country: Country, identifier: &Identifier) -> Vec<Buyer> {
        let request = atradius::buyer_search_request(country, identifier).unwrap();
        let response = self.call(&request).await;
        atradius::parse_buyer_list(&response, Some(country)).unwrap()
    }

    /// The Atradius buyer id of a sampled company, found by its first searchable identifier.
    pub async fn buyer_id_of(&mut self, company: &Buyer) -> String {
        let identifier = company
            .identifiers
            .iter()
            .find(|identifier| {
                tradecover_core::identifier::IdentifierKind::parse(&identifier.kind)
                    .and_then(atradius::uid_type_for)
                    .is_some()
            })
            .expect("a searchable identifier")
            .clone();
        let found = self.search(company.address.country, &identifier).await;
        assert_eq!(found.len(), 1, "{identifier:?}");
        found[0].insurer_id.clone()
    }

    /// The id of a usual (not high-risk) buyer, the `n`-th of a sample of French companies.
    pub async fn usual_buyer(&mut self, n: usize) -> String {
        let sample = self.sample("countryCode=FRA&n=20&highRisk=false").await;
        self.buyer_id_of(&sample[n]).await
    }

    /// The id of a high-risk buyer.
    pub async fn risky_buyer(&mut self) -> String {
        let sample = self.sample("n=3&highRisk=true").await;
        self.buyer_id_of(&sample[0]).await
    }

    /// A cover list, parsed by the core.
    pub async fn list(
        &mut self,
        build: fn(
            &AtradiusPolicy,
            &CoverFilter,
        ) -> Result<HttpRequest, atradius::AtradiusRequestError>,
        buyer: Option<&str>,
    ) -> Vec<Decision> {
        let filter = CoverFilter {
            buyer_id: buyer.map(str::to_owned),
            cover_type: None,
        };
        let request = build(&policy(), &filter).unwrap();
        let response = self.call(&request).await;
        assert_eq!(
            response.status,
            200,
            "{}",
            String::from_utf8_lossy(&response.body)
        );
        atradius::parse_cover_list(&response).unwrap()
    }

    /// Applies with the core; the raw answer and the decision the core reads.
    pub async fn apply(
        &mut self,
        application: &CoverApplication,
    ) -> (
        HttpResponse,
        Result<Decision, tradecover_core::InsurerError>,
    ) {
        let request = atradius::application_request(&policy(), application).unwrap();
        let response = self.call(&request).await;
        let decision = atradius::parse_application_response(&response, application);
        (response, decision)
    }
}
