//! Helpers shared by the Allianz Trade tests: every request is built by the core
//! (`tradecover_core::allianz_trade`), sent in-process to the sandbox router with
//! `tower::ServiceExt::oneshot` under `/allianz-trade`, and its answer handed back as the core's
//! `HttpResponse`, for the core to parse.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use tradecover_core::allianz_trade::{
    self as allianz, AllianzCredentials, AllianzToken, CompanySearch, Job,
};
use tradecover_core::cover_application::{
    ApplicationBuyer, CoverApplication, CoverType, DecisionCallback, PolicyRef,
};
use tradecover_core::currency::Currency;
use tradecover_core::decision::Decision;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::money::Money;
use tradecover_core::{Buyer, Country, HttpRequest, Insurer};
use tradecover_sandbox::{dataset, router, Company, SandboxConfig, DEFAULT_SEED};

/// Where the sandbox mounts the Allianz Trade API.
pub const BASE: &str = "/allianz-trade";

/// A sandbox and the configuration it was built with.
pub struct Allianz {
    pub app: Router,
    pub config: SandboxConfig,
}

impl Allianz {
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
        Self {
            app: router(config.clone()),
            config,
        }
    }

    /// Sends any request to the router.
    pub async fn raw(&self, request: Request<Body>) -> HttpResponse {
        let response = match self.app.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        };
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
        let body = response
            .into_body()
            .collect()
            .await
            .expect("the body is readable")
            .to_bytes()
            .to_vec();
        let mut answer = HttpResponse::new(status, body);
        for (name, value) in &headers {
            answer = answer.with_header(name, value);
        }
        answer
    }

    /// Sends a request the core built, under [`BASE`], with `token`'s header (if any) and
    /// `extra` headers.
    pub async fn send(
        &self,
        request: &HttpRequest,
        token: Option<&AllianzToken>,
        extra: &[(&str, &str)],
    ) -> HttpResponse {
        let mut builder = Request::builder()
            .method(request.method.as_str())
            .uri(format!("{BASE}{}", request.path_and_query()));
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        if let Some(token) = token {
            for (name, value) in allianz::auth_headers(token) {
                builder = builder.header(name, value);
            }
        }
        for (name, value) in extra {
            builder = builder.header(*name, *value);
        }
        let body = match &request.body {
            Some(json) => Body::from(json.to_string()),
            None => Body::empty(),
        };
        self.raw(builder.body(body).expect("a valid request")).await
    }

    /// A raw JSON POST to `path` (under [`BASE`]) with `token`, for bodies the core refuses to
    /// build.
    pub async fn post_json(
        &self,
        path: &str,
        token: Option<&AllianzToken>,
        body: &str,
    ) -> HttpResponse {
        let mut builder = Request::builder()
            .method("POST")
            .uri(format!("{BASE}{path}"))
            .header("Content-Type", "application/json");
        if let Some(token) = token {
            for (name, value) in allianz::auth_headers(token) {
                builder = builder.header(name, value);
            }
        }
        self.raw(
            builder
                .body(Body::from(body.to_owned()))
                .expect("a valid request"),
        )
        .await
    }

    /// A token obtained with the configured API key, parsed by the core.
    pub async fn token(&self) -> AllianzToken {
        let credentials = AllianzCredentials::new(self.config.allianz_trade.api_key.clone());
        let response = self
            .send(&allianz::token_request(&credentials), None, &[])
            .await;
        allianz::parse_token_response(response.status, &response.body, 0)
            .expect("the configured key gets a token")
    }

    /// Moves the sandbox clock forward.
    pub async fn advance(&self, seconds: u64) {
        let request = Request::builder()
            .method("POST")
            .uri(format!("/__sandbox/clock/advance?seconds={seconds}"))
            .body(Body::empty())
            .expect("a valid request");
        assert_eq!(self.raw(request).await.status, 200);
    }

    /// `n` sampled head offices of `country` (alpha-3), high-risk or not, in CofaServe's JSON.
    pub async fn sample(&self, country: &str, n: usize, high_risk: bool) -> Vec<Value> {
        let request = Request::builder()
            .uri(format!(
                "/__sandbox/companies/sample?countryCode={country}&n={n}&highRisk={high_risk}"
            ))
            .body(Body::empty())
            .expect("a valid request");
        let response = self.raw(request).await;
        assert_eq!(response.status, 200);
        let body: Value = serde_json::from_slice(&response.body).expect("JSON");
        body["companies"].as_array().cloned().unwrap_or_default()
    }

    /// The Allianz Trade buyer of a sampled company, found by name, postcode and country.
    pub async fn find(&self, token: &AllianzToken, sampled: &Value) -> Buyer {
        let name = sampled["companyName"].as_str().expect("a name");
        let postcode = sampled["address"]["postalCode"].as_str().map(str::to_owned);
        let country = Country::from_alpha3(
            sampled["address"]["countryCode"]
                .as_str()
                .expect("a country"),
        )
        .expect("a known country");
        let search = CompanySearch {
            name: Some(name.to_owned()),
            country,
            town: None,
            postcode: postcode.clone(),
            identifiers: Vec::new(),
            size: 50,
            minimum_score: None,
        };
        let request = allianz::advanced_search_request(&search).expect("a search");
        let response = self.send(&request, Some(token), &[]).await;
        let results = allianz::parse_company_results(response.status, &response.body)
            .expect("the core reads the results");
        results
            .hits
            .into_iter()
            .map(|hit| hit.buyer)
            .find(|buyer| buyer.name == name && buyer.address.postcode == postcode)
            .unwrap_or_else(|| panic!("{name} is found by name"))
    }

    /// Sends the cover request of `application` (plus `extra` headers); returns the answer.
    pub async fn request_cover(
        &self,
        token: &AllianzToken,
        application: &CoverApplication,
        extra: &[(&str, &str)],
    ) -> HttpResponse {
        let request = allianz::cover_request(application).expect("a cover request");
        self.send(&request, Some(token), extra).await
    }

    /// Requests cover and returns the job id.
    pub async fn job_id(&self, token: &AllianzToken, application: &CoverApplication) -> String {
        let response = self.request_cover(token, application, &[]).await;
        assert_eq!(response.status, 202, "{}", text(&response));
        allianz::parse_job_id(response.status, &response.body).expect("a job id")
    }

    /// The job `job_id`, parsed by the core.
    pub async fn job(&self, token: &AllianzToken, job_id: &str) -> Job {
        let response = self
            .send(
                &allianz::job_request(job_id).expect("a job id"),
                Some(token),
                &[],
            )
            .await;
        allianz::parse_job(response.status, &response.body).expect("the core reads the job")
    }

    /// The raw cover answer of `cover_id`.
    pub async fn cover_response(&self, token: &AllianzToken, cover_id: &str) -> HttpResponse {
        self.send(
            &allianz::cover_get_request(cover_id).expect("a cover id"),
            Some(token),
            &[],
        )
        .await
    }

    /// The cover `cover_id`, parsed by the core.
    pub async fn cover(&self, token: &AllianzToken, cover_id: &str) -> Decision {
        let response = self.cover_response(token, cover_id).await;
        allianz::parse_cover(response.status, &response.body).expect("the core reads the cover")
    }

    /// Waits out the job of `job_id` (advancing the clock one second) and returns its cover id.
    pub async fn processed_cover_id(&self, token: &AllianzToken, job_id: &str) -> String {
        self.advance(1).await;
        let job = self.job(token, job_id).await;
        assert_eq!(job.status, allianz::JobStatus::Processed, "{job:?}");
        job.cover_id().expect("a processed job points at its cover")
    }
}

/// The body of a response as text.
pub fn text(response: &HttpResponse) -> String {
    String::from_utf8_lossy(&response.body).into_owned()
}

/// The body of a response as JSON.
pub fn json(response: &HttpResponse) -> Value {
    serde_json::from_slice(&response.body).unwrap_or(Value::Null)
}

/// The policy the tests request cover under.
pub fn policy() -> PolicyRef {
    PolicyRef {
        business_unit_code: "FRA".into(),
        policy_id: "POL-000123".into(),
        extension_id: "DCL".into(),
    }
}

/// A credit limit application for `amount` whole euros on the company `company_id`.
pub fn application(
    company_id: &str,
    amount: i64,
    callback: Option<DecisionCallback>,
) -> CoverApplication {
    CoverApplication {
        insurer: Insurer::AllianzTrade,
        buyer: ApplicationBuyer::Known {
            insurer_id: company_id.to_owned(),
        },
        cover_type: CoverType::CreditLimit,
        amount: eur(amount),
        customer_reference: Some("CUST-0042".into()),
        urgent: false,
        policy: Some(policy()),
        comment: Some("New distributor".into()),
        callback,
        idempotency_key: "key-0001-abcd".into(),
    }
}

/// `amount` whole euros.
pub fn eur(amount: i64) -> Money {
    Money::from_minor(amount * 100, Currency::EUR)
}

/// The data-set company a sampled company is (same name and postcode).
pub fn dataset_company(sampled: &Value) -> Company {
    let name = sampled["companyName"].as_str().unwrap_or_default();
    let postcode = sampled["address"]["postalCode"]
        .as_str()
        .unwrap_or_default();
    dataset(DEFAULT_SEED)
        .companies()
        .iter()
        .find(|company| {
            company.is_head_office()
                && company.name() == name
                && company.address().postal_code() == postcode
        })
        .cloned()
        .unwrap_or_else(|| panic!("{name} is in the data set"))
}

impl Allianz {
    /// The raw job answer of `job_id`.
    pub async fn job_response(&self, token: &AllianzToken, job_id: &str) -> HttpResponse {
        self.send(
            &allianz::job_request(job_id).expect("a job id"),
            Some(token),
            &[],
        )
        .await
    }
}
