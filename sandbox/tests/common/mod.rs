//! Helpers shared by the integration tests: drive the sandbox router in-process with
//! `tower::ServiceExt::oneshot` (no network).

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;
use tradecover_sandbox::{router, CofaceCredentials, SandboxConfig};

/// A sandbox router and the credentials it accepts.
pub struct Sandbox {
    pub app: Router,
    pub creds: CofaceCredentials,
}

impl Sandbox {
    /// A fresh sandbox (own clock, tokens, lockouts) with the default configuration.
    pub fn new() -> Self {
        Self::with(SandboxConfig::default())
    }

    /// A fresh sandbox with the given configuration.
    pub fn with(config: SandboxConfig) -> Self {
        let creds = config.coface.clone();
        Self {
            app: router(config),
            creds,
        }
    }

    /// Sends a request and returns the status and the JSON body (`Null` if not JSON).
    pub async fn send(&self, request: Request<Body>) -> (StatusCode, Value) {
        let response = match self.app.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        };
        let status = response.status();
        let bytes = match response.into_body().collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(e) => panic!("body error: {e}"),
        };
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    /// `POST /coface/authentication/v1/token` with a JSON body and API key.
    pub async fn token_request(&self, api_key: Option<&str>, body: Value) -> (StatusCode, Value) {
        let mut builder = Request::builder()
            .method("POST")
            .uri("/coface/authentication/v1/token")
            .header("content-type", "application/json");
        if let Some(key) = api_key {
            builder = builder.header("x-api-key", key);
        }
        self.send(build(builder, Body::from(body.to_string())))
            .await
    }

    /// Logs in with the given password; returns status and body.
    pub async fn login_with(&self, password: &str) -> (StatusCode, Value) {
        let body =
            json!({"username": self.creds.username, "password": password, "grantType": "password"});
        self.token_request(Some(&self.creds.api_key), body).await
    }

    /// Logs in with the right credentials and returns the idToken.
    pub async fn login(&self) -> String {
        let (status, body) = self.login_with(&self.creds.password.clone()).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["idToken"].as_str().unwrap_or_default().to_owned()
    }

    /// `GET /coface/companies/name` with all the right headers and the given parameters.
    pub async fn search(&self, token: &str, params: &[(&str, &str)]) -> (StatusCode, Value) {
        let builder = Request::builder()
            .uri(format!("/coface/companies/name?{}", query_string(params)))
            .header("authorization", token)
            .header("x-api-key", &self.creds.api_key)
            .header("X-COF-Policy-Number", &self.creds.policy_number);
        self.send(build(builder, Body::empty())).await
    }

    /// A GET without any header.
    pub async fn get(&self, uri: &str) -> (StatusCode, Value) {
        self.send(build(Request::builder().uri(uri), Body::empty()))
            .await
    }

    /// A POST without any header or body.
    pub async fn post(&self, uri: &str) -> (StatusCode, Value) {
        self.send(build(
            Request::builder().method("POST").uri(uri),
            Body::empty(),
        ))
        .await
    }

    /// Moves the sandbox clock forward.
    pub async fn advance(&self, seconds: u64) {
        let (status, body) = self
            .post(&format!("/__sandbox/clock/advance?seconds={seconds}"))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
}

pub fn build(builder: axum::http::request::Builder, body: Body) -> Request<Body> {
    match builder.body(body) {
        Ok(request) => request,
        Err(e) => panic!("bad test request: {e}"),
    }
}

/// Percent-encodes a query string (everything but unreserved characters).
pub fn query_string(params: &[(&str, &str)]) -> String {
    fn encode(text: &str) -> String {
        text.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    char::from(b).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    }
    params
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The `companies` array of a search or sample response.
pub fn companies(body: &Value) -> Vec<Value> {
    body["companies"].as_array().cloned().unwrap_or_default()
}

/// The `code` of an error body.
pub fn code(body: &Value) -> &str {
    body["code"].as_str().unwrap_or_default()
}
