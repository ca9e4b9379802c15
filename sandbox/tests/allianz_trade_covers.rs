//! Allianz Trade cover requests V3, through the core: request → job `PENDING` → `PROCESSED`
//! → cover, decided by the shared underwriting policy (at once, or after the referral delay on
//! the sandbox clock), idempotency keys, the portfolio searches page by page, and errors.

mod allianz_trade_support;

use allianz_trade_support::{application, dataset_company, eur, json, policy, text, Allianz};
use serde_json::Value;
use tradecover_core::allianz_trade::{
    self as allianz, AllianzToken, CoverRequestSearch, CoverSearch, JobStatus, Pagination,
};
use tradecover_core::cover_application::PolicyRef;
use tradecover_core::lifecycle::{Outcome, PendingReason, Status};
use tradecover_core::InsurerError;
use tradecover_sandbox::underwriting::{underwrite, Outcome as Underwritten, Timing};
use tradecover_sandbox::DEFAULT_REFERRAL_DELAY;

/// A sampled company (high-risk or not) and its Allianz Trade company id.
async fn buyer(sandbox: &Allianz, token: &AllianzToken, high_risk: bool) -> (Value, String) {
    let sampled = sandbox.sample("FRA", 1, high_risk).await.remove(0);
    let id = sandbox.find(token, &sampled).await.insurer_id;
    (sampled, id)
}

/// The cover requests of the test policy, parsed by the core.
async fn requests(
    sandbox: &Allianz,
    token: &AllianzToken,
    status: Option<&str>,
) -> Vec<tradecover_core::decision::Decision> {
    let search = CoverRequestSearch {
        policies: vec![policy()],
        request_status_code: status.map(str::to_owned),
        pagination: Pagination::default(),
    };
    let response = sandbox
        .send(
            &allianz::cover_requests_search_request(&search),
            Some(token),
            &[],
        )
        .await;
    allianz::parse_cover_requests_page(&response, &search.pagination)
        .unwrap()
        .decisions
}

#[tokio::test]
async fn a_small_request_is_granted_when_its_job_is_processed() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let (sampled, company_id) = buyer(&sandbox, &token, false).await;
    let expected = underwrite(&dataset_company(&sampled), 50_000);
    assert_eq!(expected.timing, Timing::Immediate);
    assert_eq!(expected.outcome, Underwritten::Granted);

    let job_id = sandbox
        .job_id(&token, &application(&company_id, 50_000, None))
        .await;
    let pending = sandbox.job(&token, &job_id).await;
    assert_eq!(pending.status, JobStatus::Pending);
    assert_eq!(pending.job_id.as_deref(), Some(job_id.as_str()));
    assert_eq!(pending.cover_id(), None);
    let submitted = requests(&sandbox, &token, None).await;
    assert_eq!(submitted.len(), 1);
    assert_eq!(submitted[0].status.status, Some(Status::Submitted));

    sandbox.advance(1).await;
    let job = sandbox.job(&token, &job_id).await;
    assert_eq!(job.status, JobStatus::Processed);
    let url = job.resource_url.clone().unwrap();
    assert!(
        url.starts_with("/allianz-trade/riskinfo/v3/covers/"),
        "{url}"
    );
    let cover_id = job.cover_id().unwrap();
    let decision = sandbox.cover(&token, &cover_id).await;
    assert_eq!(decision.id, cover_id);
    assert_eq!(decision.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(decision.requested, Some(eur(50_000)));
    assert_eq!(decision.granted, Some(eur(50_000)));
    assert_eq!(decision.buyer_id, company_id);
    assert_eq!(
        decision.buyer_name.as_deref(),
        sampled["companyName"].as_str()
    );
    assert_eq!(decision.customer_reference.as_deref(), Some("CUST-0042"));
    assert!(decision.decided_on.is_some() && decision.applied_on.is_some());
    // The resource URL itself leads to the cover.
    let request = axum::http::Request::builder()
        .uri(&url)
        .header("Authorization", format!("Bearer {}", bearer(&token)))
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(sandbox.raw(request).await.status, 200);
}

fn bearer(token: &AllianzToken) -> String {
    let [(_, value)] = allianz::auth_headers(token);
    value.trim_start_matches("Bearer ").to_owned()
}

#[tokio::test]
async fn a_referred_request_is_decided_after_the_referral_delay() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let (sampled, company_id) = buyer(&sandbox, &token, false).await;
    let expected = underwrite(&dataset_company(&sampled), 250_000);
    assert_eq!(expected.timing, Timing::Referred);

    let job_id = sandbox
        .job_id(&token, &application(&company_id, 250_000, None))
        .await;
    let cover_id = sandbox.processed_cover_id(&token, &job_id).await;
    let pending = sandbox.cover(&token, &cover_id).await;
    assert_eq!(
        pending.status.status,
        Some(Status::Pending(PendingReason::Underwriting))
    );
    assert_eq!(pending.granted, None);
    let in_progress = requests(&sandbox, &token, Some("InProgress")).await;
    assert_eq!(in_progress.len(), 1);
    assert_eq!(in_progress[0].buyer_id, company_id);

    sandbox.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let decided = sandbox.cover(&token, &cover_id).await;
    assert_eq!(decided.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(decided.granted, Some(eur(250_000)));
    assert!(requests(&sandbox, &token, Some("InProgress"))
        .await
        .is_empty());
    let accepted = requests(&sandbox, &token, Some("accepted")).await;
    assert_eq!(accepted.len(), 1);
    assert_eq!(
        accepted[0].status.status,
        Some(Status::Decided(Outcome::Full))
    );
    assert!(accepted[0].decided_on.is_some());
}

#[tokio::test]
async fn a_large_request_is_granted_in_part_with_the_condition() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let (sampled, company_id) = buyer(&sandbox, &token, false).await;
    let Underwritten::Partial { granted, condition } =
        underwrite(&dataset_company(&sampled), 1_500_000).outcome
    else {
        panic!("the policy grants large requests in part");
    };
    let job_id = sandbox
        .job_id(&token, &application(&company_id, 1_500_000, None))
        .await;
    let cover_id = sandbox.processed_cover_id(&token, &job_id).await;
    sandbox.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let response = sandbox.cover_response(&token, &cover_id).await;
    let decision = allianz::parse_cover(response.status, &response.body).unwrap();
    assert_eq!(
        decision.status.status,
        Some(Status::Decided(Outcome::Partial))
    );
    assert_eq!(decision.granted, Some(eur(granted as i64)));
    assert_eq!(decision.requested, Some(eur(1_500_000)));
    let limit = &json(&response)["creditLimitsAggregation"]["creditLimits"][0];
    assert_eq!(limit["conditions"][0]["description"], condition);
    let partial = requests(&sandbox, &token, Some("PartiallyAccepted")).await;
    assert_eq!(partial.len(), 1);
}

#[tokio::test]
async fn a_high_risk_buyer_is_refused_at_once_or_after_referral() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let (sampled, company_id) = buyer(&sandbox, &token, true).await;
    let company = dataset_company(&sampled);
    assert_eq!(underwrite(&company, 10_000).outcome, Underwritten::Refused);
    assert_eq!(underwrite(&company, 500_000).timing, Timing::Referred);

    let small = sandbox
        .job_id(&token, &application(&company_id, 10_000, None))
        .await;
    let large = sandbox
        .job_id(&token, &application(&company_id, 500_000, None))
        .await;
    let small_cover = sandbox.processed_cover_id(&token, &small).await;
    let large_job = sandbox.job(&token, &large).await;
    let large_cover = large_job.cover_id().unwrap();
    let refused = sandbox.cover(&token, &small_cover).await;
    assert_eq!(
        refused.status.status,
        Some(Status::Decided(Outcome::Refused))
    );
    assert_eq!(refused.granted, Some(eur(0)));
    let waiting = sandbox.cover(&token, &large_cover).await;
    assert!(matches!(waiting.status.status, Some(Status::Pending(_))));
    sandbox.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let refused_later = sandbox.cover(&token, &large_cover).await;
    assert_eq!(
        refused_later.status.status,
        Some(Status::Decided(Outcome::Refused))
    );
    assert_eq!(requests(&sandbox, &token, Some("Refused")).await.len(), 2);
}

#[tokio::test]
async fn an_idempotency_key_makes_a_retry_one_request() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let (_, company_id) = buyer(&sandbox, &token, false).await;
    let first_application = application(&company_id, 40_000, None);
    let key = [(
        "Idempotency-Key",
        first_application.idempotency_key.as_str(),
    )];
    let first = sandbox
        .request_cover(&token, &first_application, &key)
        .await;
    let retry = sandbox
        .request_cover(&token, &first_application, &key)
        .await;
    assert_eq!(first.status, 202);
    assert_eq!(retry.status, 202);
    let job_id = allianz::parse_job_id(first.status, &first.body).unwrap();
    assert_eq!(
        allianz::parse_job_id(retry.status, &retry.body).unwrap(),
        job_id
    );
    assert_eq!(requests(&sandbox, &token, None).await.len(), 1);

    let changed = application(&company_id, 45_000, None);
    let conflict = sandbox.request_cover(&token, &changed, &key).await;
    assert_eq!(conflict.status, 422);
    assert_eq!(json(&conflict)["code"], "IDEMPOTENCY_KEY_REUSED");
    assert!(text(&conflict).contains("different request"));
    match allianz::parse_job_id(conflict.status, &conflict.body) {
        Err(InsurerError::Rejected { status, code, .. }) => {
            assert_eq!((status, code.as_str()), (422, "IDEMPOTENCY_KEY_REUSED"));
        }
        other => panic!("expected a rejection, got {other:?}"),
    }
    // Without a key, or with another one, the same body is a new request.
    sandbox.request_cover(&token, &changed, &[]).await;
    sandbox
        .request_cover(
            &token,
            &first_application,
            &[("Idempotency-Key", "key-0002")],
        )
        .await;
    assert_eq!(requests(&sandbox, &token, None).await.len(), 3);
    let blank = sandbox
        .request_cover(&token, &changed, &[("Idempotency-Key", " ")])
        .await;
    assert_eq!(blank.status, 400);
}

#[tokio::test]
async fn the_portfolio_is_listed_page_by_page_per_policy() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let (_, company_id) = buyer(&sandbox, &token, false).await;
    for amount in [10_000, 20_000, 30_000, 40_000, 50_000] {
        sandbox
            .job_id(&token, &application(&company_id, amount, None))
            .await;
    }
    let mut elsewhere = application(&company_id, 60_000, None);
    let other_policy = PolicyRef {
        business_unit_code: "FRA".into(),
        policy_id: "POL-000124".into(),
        extension_id: String::new(),
    };
    elsewhere.policy = Some(other_policy.clone());
    sandbox.job_id(&token, &elsewhere).await;
    sandbox.advance(1).await;

    let mut requested = Vec::new();
    let mut page = Some(1);
    while let Some(number) = page {
        let search = CoverSearch {
            policies: vec![policy()],
            pagination: Pagination {
                page: number,
                page_size: 2,
            },
        };
        let response = sandbox
            .send(&allianz::covers_search_request(&search), Some(&token), &[])
            .await;
        assert_eq!(response.header("Total-Items"), Some("5"));
        assert_eq!(response.header("Total-Pages"), Some("3"));
        let parsed = allianz::parse_covers_page(&response, &search.pagination).unwrap();
        assert_eq!(parsed.total, Some(5));
        assert!(parsed.decisions.len() <= 2);
        requested.extend(parsed.decisions.iter().map(|d| d.requested));
        page = parsed.next_page;
        assert!(number < 5, "pages never end");
    }
    let expected: Vec<_> = [10_000, 20_000, 30_000, 40_000, 50_000]
        .into_iter()
        .map(|amount| Some(eur(amount)))
        .collect();
    assert_eq!(requested, expected);

    let both = CoverRequestSearch {
        policies: vec![policy(), other_policy],
        request_status_code: None,
        pagination: Pagination {
            page: 2,
            page_size: 4,
        },
    };
    let response = sandbox
        .send(
            &allianz::cover_requests_search_request(&both),
            Some(&token),
            &[],
        )
        .await;
    let parsed = allianz::parse_cover_requests_page(&response, &both.pagination).unwrap();
    assert_eq!(parsed.total, Some(6));
    assert_eq!(parsed.decisions.len(), 2);
    assert_eq!(parsed.next_page, None);
    assert_eq!(parsed.decisions[1].requested, Some(eur(60_000)));
    assert!(parsed
        .decisions
        .iter()
        .all(|d| d.status.status == Some(Status::Decided(Outcome::Full))));
}

#[tokio::test]
async fn bad_cover_requests_get_readable_errors() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let (_, company_id) = buyer(&sandbox, &token, false).await;
    let unknown = sandbox
        .request_cover(&token, &application("99999999", 10_000, None), &[])
        .await;
    assert_eq!(unknown.status, 422);
    assert_eq!(json(&unknown)["code"], "COMPANY_NOT_FOUND");
    assert_eq!(
        allianz::parse_job_id(unknown.status, &unknown.body)
            .unwrap_err()
            .code(),
        "insurer.rejected"
    );

    let path = allianz::cover_request::COVERS_PATH;
    let valid = allianz::cover_request(&application(&company_id, 10_000, None))
        .unwrap()
        .body
        .unwrap();
    let with = |pointer: &str, value: Value| {
        let mut body = valid.clone();
        *body.pointer_mut(pointer).unwrap() = value;
        body.to_string()
    };
    let without = |key: &str| {
        let mut body = valid.clone();
        body.as_object_mut().unwrap().remove(key);
        body.to_string()
    };
    for (body, status, words) in [
        ("{".to_owned(), 400, "not valid JSON"),
        ("42".to_owned(), 400, "JSON object"),
        (without("policy"), 400, "policy is required"),
        (without("companyId"), 400, "companyId is required"),
        (
            without("creditLimitDetails"),
            400,
            "creditLimitDetails is required",
        ),
        (
            with("/policy/policyId", Value::from("")),
            400,
            "policy.policyId",
        ),
        (
            with("/creditLimitDetails/requestedAmount", Value::from("lots")),
            400,
            "not a number",
        ),
        (
            with("/creditLimitDetails/currencyCode", Value::from("EURO")),
            400,
            "ISO 4217",
        ),
        (
            with("/isRequestUrgent", Value::from("maybe")),
            400,
            "isRequestUrgent",
        ),
        (
            with("/creditLimitDetails/requestedAmount", Value::from(0)),
            422,
            "above zero",
        ),
        (
            with("/creditLimitDetails/requestedAmount", Value::from(-5)),
            422,
            "above zero",
        ),
        (
            with("/requestTypeCode", Value::from("GradeCover")),
            422,
            "requestTypeCode",
        ),
    ] {
        let response = sandbox.post_json(path, Some(&token), &body).await;
        assert_eq!(response.status, status, "{body}: {}", text(&response));
        let message = json(&response)["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(message.contains(words), "{body}: {message}");
        assert!(json(&response)["requestId"].is_string());
    }
    let bad_callback = sandbox
        .request_cover(
            &token,
            &application(&company_id, 10_000, None),
            &[("callback", "not base64!")],
        )
        .await;
    assert_eq!(bad_callback.status, 400);

    let no_job = sandbox.job_response(&token, "no-such-job").await;
    assert_eq!(no_job.status, 404);
    assert_eq!(json(&no_job)["code"], "JOB_NOT_FOUND");
    let no_cover = sandbox.cover_response(&token, "COV-999999").await;
    assert_eq!(no_cover.status, 404);
    assert_eq!(
        allianz::parse_cover(no_cover.status, &no_cover.body)
            .unwrap_err()
            .code(),
        "insurer.rejected"
    );
    let wrong_method = sandbox
        .post_json("/riskinfo/v3/jobs/x", Some(&token), "{}")
        .await;
    assert_eq!(wrong_method.status, 405);
    let nowhere = sandbox
        .post_json("/riskinfo/v9/nothing", Some(&token), "{}")
        .await;
    assert_eq!(nowhere.status, 404);
    assert_eq!(json(&nowhere)["code"], "NOT_FOUND");
    assert!(requests(&sandbox, &token, None).await.is_empty());
}

#[tokio::test]
async fn cover_is_requested_on_head_offices_only() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let request = axum::http::Request::builder()
        .uri("/__sandbox/companies/sample?countryCode=FRA&n=1&hasEstablishments=true")
        .body(axum::body::Body::empty())
        .unwrap();
    let sampled = json(&sandbox.raw(request).await)["companies"][0].clone();
    let head_office = sandbox.find(&token, &sampled).await;
    let search = allianz::CompanySearch {
        name: sampled["companyName"].as_str().map(str::to_owned),
        country: head_office.address.country,
        town: None,
        postcode: None,
        identifiers: Vec::new(),
        size: 100,
        minimum_score: None,
    };
    let response = sandbox
        .send(
            &allianz::advanced_search_request(&search).unwrap(),
            Some(&token),
            &[],
        )
        .await;
    let branch = allianz::parse_company_results(response.status, &response.body)
        .unwrap()
        .hits
        .into_iter()
        .map(|hit| hit.buyer)
        .find(|buyer| buyer.head_office_id.as_deref() == Some(head_office.insurer_id.as_str()))
        .expect("the establishments are found with their head office's id");
    assert!(!branch.can_request_cover());
    let refused = sandbox
        .request_cover(&token, &application(&branch.insurer_id, 10_000, None), &[])
        .await;
    assert_eq!(refused.status, 422);
    assert_eq!(json(&refused)["code"], "COMPANY_IS_AN_ESTABLISHMENT");
    assert!(text(&refused).contains(&head_office.insurer_id));
}
