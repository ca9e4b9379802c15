//! Helpers of the Coface product tests: send a request built by the core to the sandbox router
//! (in-process, `tower::ServiceExt::oneshot`) with the CofaServe headers, hand the answer to
//! the core's parsers, and set up buyers and applications.

#![allow(dead_code)]

use crate::common::{build, Sandbox};
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use serde_json::Value;
use tokio::sync::broadcast::Receiver;
use tower::ServiceExt;
use tradecover_core::buyer::Address;
use tradecover_core::coface::{self, ActionCode, ProductResource};
use tradecover_core::cover_application::{ApplicationBuyer, CoverApplication, CoverType};
use tradecover_core::currency::Currency;
use tradecover_core::decision::Decision;
use tradecover_core::insurer::Insurer;
use tradecover_core::money::Money;
use tradecover_core::{Country, HttpRequest};
use tradecover_sandbox::{OutgoingNotification, SandboxConfig};

/// A sandbox, a live idToken and a subscription to its outbox.
pub struct Contract {
    pub sandbox: Sandbox,
    /// The idToken (renewed after long clock advances).
    pub token: std::sync::Mutex<String>,
    pub outbox: Receiver<OutgoingNotification>,
}

impl Contract {
    /// A fresh sandbox with the default configuration, logged in.
    pub async fn open() -> Self {
        let config = SandboxConfig::default();
        let outbox = config.outbox.subscribe();
        let sandbox = Sandbox::with(config);
        let token = sandbox.login().await;
        Self {
            sandbox,
            token: std::sync::Mutex::new(token),
            outbox,
        }
    }

    /// Sends a core-built request with the CofaServe headers (and `extra` ones); returns the
    /// status and the raw body.
    pub async fn send_with(&self, request: &HttpRequest, extra: &[(&str, &str)]) -> (u16, Vec<u8>) {
        let mut builder = Request::builder()
            .method(request.method.as_str())
            .uri(format!("/coface{}", request.path_and_query()))
            .header("authorization", self.token.lock().unwrap().clone())
            .header("x-api-key", &self.sandbox.creds.api_key)
            .header("X-COF-Policy-Number", &self.sandbox.creds.policy_number);
        for (name, value) in request.headers.iter() {
            builder = builder.header(name.as_str(), value.as_str());
        }
        for (name, value) in extra {
            builder = builder.header(*name, *value);
        }
        let body = match &request.body {
            Some(json) => Body::from(json.to_string()),
            None => Body::empty(),
        };
        let response = match self.sandbox.app.clone().oneshot(build(builder, body)).await {
            Ok(response) => response,
            Err(never) => match never {},
        };
        let status = response.status().as_u16();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        (status, bytes.to_vec())
    }

    /// Sends raw bytes to `/coface{path}` with the CofaServe headers; returns status and JSON.
    pub async fn send_raw(&self, method: &str, path: &str, body: &[u8]) -> (u16, Value) {
        let builder = Request::builder()
            .method(method)
            .uri(format!("/coface{path}"))
            .header("content-type", "application/json")
            .header("authorization", self.token.lock().unwrap().clone())
            .header("x-api-key", &self.sandbox.creds.api_key)
            .header("X-COF-Policy-Number", &self.sandbox.creds.policy_number);
        let (status, json) = self
            .sandbox
            .send(build(builder, Body::from(body.to_vec())))
            .await;
        (status.as_u16(), json)
    }

    /// [`Contract::send_with`] without extra headers.
    pub async fn send(&self, request: &HttpRequest) -> (u16, Vec<u8>) {
        self.send_with(request, &[]).await
    }

    /// Sends and reads the answer as JSON.
    pub async fn json(&self, request: &HttpRequest) -> (u16, Value) {
        let (status, body) = self.send(request).await;
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }

    /// Head offices from the sample helper (`query` like `countryCode=FRA&n=3&highRisk=false`).
    pub async fn sample(&self, query: &str) -> Vec<Value> {
        let (status, body) = self
            .sandbox
            .get(&format!("/__sandbox/companies/sample?{query}"))
            .await;
        assert_eq!(status.as_u16(), 200, "{body}");
        body["companies"].as_array().cloned().unwrap_or_default()
    }

    /// The EASY number of a usual (not high-risk) head office known to Coface in `country`.
    pub async fn usual_buyer(&self, country: &str, nth: usize) -> String {
        let companies = self
            .sample(&format!(
                "countryCode={country}&n={}&highRisk=false",
                nth + 1
            ))
            .await;
        easy(&companies[nth])
    }

    /// The EASY number of a high-risk head office known to Coface.
    pub async fn risky_buyer(&self) -> String {
        let companies = self.sample("countryCode=DEU&n=1&highRisk=true").await;
        easy(&companies[0])
    }

    /// Orders `product` with `action` for `amount` major units on a known buyer, through the
    /// core; returns the status and the parsed report (or the raw body on error).
    pub async fn order(
        &self,
        easy: &str,
        product: &str,
        action: ActionCode,
        amount: i64,
        resource: ProductResource,
    ) -> (u16, Result<coface::OrderReport, String>) {
        let request = coface::order_request(
            &known(easy, amount, Currency::EUR),
            product,
            &action,
            resource,
        )
        .expect("the core builds the order");
        let (status, body) = self.send(&request).await;
        let report = coface::parse_order_response(status, &body)
            .map_err(|e| format!("{e:?} {}", String::from_utf8_lossy(&body)));
        (status, report)
    }

    /// The catalog through the core.
    pub async fn catalog(&self, easy: &str) -> coface::Catalog {
        let (status, body) = self.send(&coface::catalog_request(easy).unwrap()).await;
        coface::parse_catalog(status, &body).expect("the core reads the catalog")
    }

    /// Order details through the core.
    pub async fn order_details(&self, easy: &str, order_id: &str) -> coface::OrderReport {
        let request = coface::order_details_request(easy, order_id).unwrap();
        let (status, body) = self.send(&request).await;
        coface::parse_order_details(status, &body).expect("the core reads order details")
    }

    /// Delivery details through the core.
    pub async fn delivery(&self, easy: &str, id: &str) -> Decision {
        let request = coface::delivery_details_request(easy, id).unwrap();
        let (status, body) = self.send(&request).await;
        coface::parse_delivery_details(status, &body).expect("the core reads delivery details")
    }

    /// Moves sandbox time on (and logs in again when the idToken may have expired).
    pub async fn advance(&self, seconds: u64) {
        self.sandbox.advance(seconds).await;
        if seconds >= 3_000 {
            let token = self.sandbox.login().await;
            *self.token.lock().unwrap() = token;
        }
    }

    /// Every notification pushed so far and not yet read.
    pub fn pushed(&mut self) -> Vec<OutgoingNotification> {
        let mut all = Vec::new();
        while let Ok(notification) = self.outbox.try_recv() {
            all.push(notification);
        }
        all
    }
}

/// The `easyNumber` of a company JSON.
pub fn easy(company: &Value) -> String {
    company["easyNumber"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A credit-limit application for Coface on a known buyer.
pub fn known(easy: &str, amount_major: i64, currency: Currency) -> CoverApplication {
    application(
        ApplicationBuyer::Known {
            insurer_id: easy.to_owned(),
        },
        amount_major,
        currency,
    )
}

/// A credit-limit application for Coface.
pub fn application(
    buyer: ApplicationBuyer,
    amount_major: i64,
    currency: Currency,
) -> CoverApplication {
    CoverApplication {
        insurer: Insurer::Coface,
        buyer,
        cover_type: CoverType::CreditLimit,
        amount: Money::from_minor(amount_major * currency.minor_per_major(), currency),
        customer_reference: None,
        urgent: false,
        policy: None,
        comment: Some("sandbox test".into()),
        callback: None,
        idempotency_key: "key-12345678".into(),
    }
}

/// An address in `alpha3`'s country.
pub fn address(town: &str, alpha3: &str) -> Address {
    Address {
        street: None,
        postcode: None,
        town: Some(town.into()),
        region: None,
        country: Country::from_alpha3(alpha3).unwrap(),
    }
}

/// Major units of a money amount.
pub fn major(money: Option<Money>) -> Option<i64> {
    money.map(|m| m.major_part())
}
