//! Allianz Trade golden tests: each builder's request against its exact fixture, and every
//! response fixture (typical and edge) parsed and checked field by field.
#![cfg(feature = "allianz_trade")]

use std::path::PathBuf;

use tradecover_core::allianz_trade::{self as allianz, JobStatus, Notification, RequestError};
use tradecover_core::buyer::{Address, Establishment, Identifier};
use tradecover_core::cover_application::{
    ApplicationBuyer, CoverApplication, CoverType, DecisionCallback, PolicyRef,
};
use tradecover_core::currency::Currency;
use tradecover_core::decision::Decision;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::lifecycle::{Outcome, PendingReason, RawStatus, Status, StatusReport};
use tradecover_core::money::Money;
use tradecover_core::{BuyerQuery, Country, HttpRequest, Insurer, InsurerError};

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "allianz_trade",
        name,
    ]
    .iter()
    .collect();
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn request_fixture(operation: &str) -> HttpRequest {
    serde_json::from_slice(&fixture(&format!("{operation}.request.json")))
        .unwrap_or_else(|error| panic!("{operation}.request.json: {error}"))
}

fn response(operation: &str, case: &str) -> Vec<u8> {
    fixture(&format!("{operation}.response.{case}.json"))
}

fn id(kind: &str, value: &str) -> Identifier {
    Identifier {
        kind: kind.into(),
        value: value.into(),
    }
}

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

fn currency(code: &str) -> Currency {
    Currency::from_code(code).unwrap()
}

fn country(code: &str) -> Country {
    Country::from_alpha2(code).unwrap()
}

fn report(scheme: &str, code: &str, status: Option<Status>) -> StatusReport {
    StatusReport {
        status,
        raw: RawStatus::new(scheme, code),
    }
}

const TECHNICAL: &str = "allianz_trade.technicalDecisionStatusCode";
const COVER_STATUS: &str = "allianz_trade.coverStatusCode";
const REQUEST_STATUS: &str = "allianz_trade.requestStatusCode";

// ---------------------------------------------------------------------------------------------
// Token
// ---------------------------------------------------------------------------------------------

#[test]
fn token_request_matches_fixture() {
    let credentials = allianz::AllianzCredentials::new("test-api-key-not-a-real-one");
    assert_eq!(
        allianz::token_request(&credentials),
        request_fixture("token")
    );
    assert!(!format!("{credentials:?}").contains("test-api-key"));
}

#[test]
fn token_responses() {
    let now = 1_700_000_000;
    let token = allianz::parse_token_response(200, &response("token", "typical"), now).unwrap();
    assert_eq!(token.expires_at(), now + 3600);
    assert!(token.is_usable_at(now));
    assert!(token.is_usable_at(now + 3600 - 61));
    assert!(!token.is_usable_at(now + 3600 - 60));
    assert!(!token.is_usable_at(now + 3600));
    assert_eq!(
        allianz::auth_headers(&token),
        [(
            "Authorization",
            "Bearer eyJhbGciOiJSUzI1NiJ9.test.signature".to_owned()
        )]
    );
    assert!(!format!("{token:?}").contains("eyJhbGci"));

    let edge = allianz::parse_token_response(200, &response("token", "edge"), 100).unwrap();
    assert_eq!(edge.expires_at(), 1_900);
    assert_eq!(allianz::auth_headers(&edge)[0].1, "Bearer opaque-token-42");

    let refused =
        allianz::parse_token_response(401, &fixture("error.unauthorized.json"), now).unwrap_err();
    assert_eq!(
        refused,
        InsurerError::Unauthorized {
            status: 401,
            message: "The access token expired".into()
        }
    );
    assert_eq!(
        allianz::parse_token_response(503, b"<html>busy</html>", now).unwrap_err(),
        InsurerError::Unavailable { status: 503 }
    );
}

// ---------------------------------------------------------------------------------------------
// Company search and matching
// ---------------------------------------------------------------------------------------------

#[test]
fn advanced_search_request_matches_fixture() {
    let query =
        BuyerQuery::by_name(" Dupont  Logistique ", "FRA", Some("Paris"), Some("75002")).unwrap();
    let search = allianz::CompanySearch::from_query(&query);
    assert_eq!(
        allianz::advanced_search_request(&search).unwrap(),
        request_fixture("advanced_search")
    );
}

#[test]
fn matching_request_matches_fixture() {
    let mut search =
        allianz::CompanySearch::by_identifier(country("FR"), id("fr.siren", "552032534"));
    search.size = 5;
    search.minimum_score = Some(80);
    assert_eq!(
        allianz::matching_request(&search).unwrap(),
        request_fixture("matching")
    );
}

#[test]
fn search_requests_refuse_what_cannot_be_sent() {
    let mut search = allianz::CompanySearch::by_identifier(country("FR"), id("coface.easy", "1"));
    assert_eq!(
        allianz::advanced_search_request(&search).unwrap_err(),
        RequestError::UnsupportedIdentifier {
            kind: "coface.easy".into()
        }
    );
    search.identifiers.clear();
    search.name = Some("   ".into());
    assert_eq!(
        allianz::matching_request(&search).unwrap_err(),
        RequestError::NoSearchCriteria
    );
}

#[test]
fn advanced_search_typical() {
    let results =
        allianz::parse_company_results(200, &response("advanced_search", "typical")).unwrap();
    assert_eq!(results.hits.len(), 2);
    let head = &results.hits[0];
    assert_eq!(head.score, None);
    let buyer = &head.buyer;
    assert_eq!(buyer.insurer, Insurer::AllianzTrade);
    assert_eq!(buyer.insurer_id, "12345678");
    assert_eq!(buyer.name, "Dupont Logistique SAS");
    assert_eq!(
        buyer.address,
        Address {
            street: Some("12 Rue de la Paix".into()),
            postcode: Some("75002".into()),
            town: Some("Paris".into()),
            region: None,
            country: country("FR"),
        }
    );
    assert_eq!(
        buyer.identifiers,
        [
            id("allianz.company_id", "12345678"),
            id("fr.siren", "552032534"),
            id("fr.vat", "FR27552032534"),
        ]
    );
    assert_eq!(buyer.establishment, Establishment::HeadOffice);
    assert_eq!(buyer.head_office_id, None);

    let branch = &results.hits[1].buyer;
    assert_eq!(branch.insurer_id, "87654321");
    assert_eq!(branch.name, "Dupont Logistique Lyon");
    assert_eq!(branch.address.street.as_deref(), Some("Quai Perrache"));
    assert_eq!(branch.address.postcode, None);
    assert_eq!(branch.address.town.as_deref(), Some("Lyon"));
    assert_eq!(branch.address.country, country("FR"));
    assert_eq!(branch.establishment, Establishment::Branch);
    assert!(!branch.can_request_cover());
    assert_eq!(branch.head_office_id.as_deref(), Some("12345678"));
    assert_eq!(branch.identifiers, [id("allianz.company_id", "87654321")]);
}

#[test]
fn advanced_search_empty() {
    let results =
        allianz::parse_company_results(200, &response("advanced_search", "empty")).unwrap();
    assert!(results.hits.is_empty());
    for body in [&b"{}"[..], br#"{"results":null}"#] {
        assert!(allianz::parse_company_results(200, body)
            .unwrap()
            .hits
            .is_empty());
    }
}

#[test]
fn matching_typical() {
    let results = allianz::parse_company_results(200, &response("matching", "typical")).unwrap();
    assert_eq!(results.hits.len(), 2);
    let best = &results.hits[0];
    assert_eq!(best.score, Some(97.5));
    assert_eq!(best.buyer.insurer_id, "1234567");
    assert_eq!(best.buyer.name, "Nordlicht Handels GmbH");
    assert_eq!(
        best.buyer.address,
        Address {
            street: Some("12 Hafenstraße".into()),
            postcode: Some("20457".into()),
            town: Some("Hamburg".into()),
            region: Some("Hamburg".into()),
            country: country("DE"),
        }
    );
    assert_eq!(
        best.buyer.identifiers,
        [
            id("allianz.company_id", "1234567"),
            id("de.vat", "DE136695976"),
            id("other.hrb", "HRB12345"),
        ]
    );
    let second = &results.hits[1];
    assert_eq!(second.score, Some(85.0));
    assert_eq!(second.buyer.insurer_id, "7654321");
    assert_eq!(second.buyer.address.country, country("DE"));
    assert_eq!(second.buyer.address.street, None);
    assert_eq!(second.buyer.address.town, None);
    assert_eq!(second.buyer.address.postcode, None);
}

#[test]
fn matching_edge() {
    let results = allianz::parse_company_results(200, &response("matching", "edge")).unwrap();
    let [hit] = &results.hits[..] else {
        panic!("one hit expected: {results:?}")
    };
    assert_eq!(hit.score, None);
    assert_eq!(hit.buyer.insurer_id, "0012345");
    assert_eq!(hit.buyer.name, "Acme Widgets Ltd");
    assert_eq!(hit.buyer.address.country, country("GB"));
    assert_eq!(hit.buyer.address.town, None);
    assert_eq!(hit.buyer.address.postcode.as_deref(), Some("EC1A 1BB"));
    assert_eq!(hit.buyer.establishment, Establishment::HeadOffice);
    assert_eq!(hit.buyer.identifiers, [id("allianz.company_id", "0012345")]);
}

#[test]
fn company_results_errors_are_typed() {
    for body in [
        "",
        "[]",
        r#"{"results":{}}"#,
        r#"{"results":[{}]}"#,
        r#"{"results":[{"company":{"legalData":{"companyName":"x"},"address":{"countryCode":"FR"}}}]}"#,
        r#"{"results":[{"company":{"companyId":"1234567","address":{"countryCode":"FR"}}}]}"#,
        r#"{"results":[{"company":{"companyId":"1234567","legalData":{"companyName":"x"}}}]}"#,
        r#"{"results":[{"company":{"companyId":"1234567","legalData":{"companyName":"x"},"address":{"countryCode":"XX"}}}]}"#,
        r#"{"results":[{"company":{"companyId":"1234567","legalData":{"companyName":"x"},"address":{"countryCode":"FR"},"isHeadOffice":"maybe"}}]}"#,
        r#"{"results":[{"score":"high","company":{"companyId":"1234567","legalData":{"companyName":"x"},"address":{"countryCode":"FR"}}}]}"#,
        r#"{"results":[{"company":{"companyId":{"v":1},"legalData":{"companyName":"x"},"address":{"countryCode":"FR"}}}]}"#,
    ] {
        let error = allianz::parse_company_results(200, body.as_bytes()).unwrap_err();
        assert_eq!(error.code(), "insurer.malformed", "{body}");
    }
    assert_eq!(
        allianz::parse_company_results(400, &fixture("error.rejected.json")).unwrap_err(),
        InsurerError::Rejected {
            status: 400,
            code: "POLICY_NOT_FOUND".into(),
            message: "Policy POL-000123 not found".into()
        }
    );
}

// ---------------------------------------------------------------------------------------------
// Create unknown company
// ---------------------------------------------------------------------------------------------

fn unknown_buyer() -> ApplicationBuyer {
    ApplicationBuyer::Unknown {
        name: "Nordlicht Handels GmbH".into(),
        address: Address {
            street: Some("Hafenstraße 12".into()),
            postcode: Some("20457".into()),
            town: Some("Hamburg".into()),
            region: None,
            country: country("DE"),
        },
        identifiers: vec![id("de.vat", "DE136695976")],
        phone: Some("+49 40 123456".into()),
    }
}

#[test]
fn create_company_request_matches_fixture() {
    let company = allianz::NewCompany::from_buyer(&unknown_buyer()).unwrap();
    assert_eq!(
        allianz::create_company_request(&company).unwrap(),
        request_fixture("create_company")
    );
    let known = ApplicationBuyer::Known {
        insurer_id: "1234567".into(),
    };
    assert_eq!(allianz::NewCompany::from_buyer(&known), None);
}

#[test]
fn create_company_responses() {
    assert_eq!(
        allianz::parse_create_company(201, &response("create_company", "created")).unwrap(),
        allianz::CompanyCreation::Created {
            company_id: "99887766".into()
        }
    );
    assert_eq!(
        allianz::parse_create_company(202, &response("create_company", "job")).unwrap(),
        allianz::CompanyCreation::Accepted {
            job_id: "a1b2c3d4-0000-4000-8000-000000000001".into()
        }
    );
    assert_eq!(
        allianz::parse_create_company(202, br#" "job-9" "#).unwrap(),
        allianz::CompanyCreation::Accepted {
            job_id: "job-9".into()
        }
    );
    for body in [
        "{}",
        "null",
        "[]",
        r#"{"companyId":""}"#,
        r#"{"companyId":[1]}"#,
    ] {
        let error = allianz::parse_create_company(201, body.as_bytes()).unwrap_err();
        assert_eq!(error.code(), "insurer.malformed", "{body}");
    }
    assert_eq!(
        allianz::parse_create_company(409, br#"{"code":"DUPLICATE","message":"exists"}"#)
            .unwrap_err()
            .code(),
        "insurer.rejected"
    );
}

// ---------------------------------------------------------------------------------------------
// Cover V3 request and its job
// ---------------------------------------------------------------------------------------------

fn application() -> CoverApplication {
    CoverApplication {
        insurer: Insurer::AllianzTrade,
        buyer: ApplicationBuyer::Known {
            insurer_id: "12345678".into(),
        },
        cover_type: CoverType::CreditLimit,
        amount: eur(5_000_000),
        customer_reference: Some("CUST-0042".into()),
        urgent: true,
        policy: Some(PolicyRef {
            business_unit_code: "FRA".into(),
            policy_id: "POL-000123".into(),
            extension_id: "DCL".into(),
        }),
        comment: Some("New distributor".into()),
        callback: Some(DecisionCallback {
            url: "https://hooks.example.com/allianz".into(),
            time_to_live_hours: 48,
        }),
        idempotency_key: "key-0001-abcd".into(),
    }
}

#[test]
fn cover_request_matches_fixture() {
    let request = allianz::cover_request(&application()).unwrap();
    assert_eq!(request, request_fixture("cover_request"));
    // The header decodes to the documented JSON, independently of the builder.
    use base64::Engine as _;
    let value = &request.headers[1].1;
    let json = base64::engine::general_purpose::STANDARD
        .decode(value)
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&json).unwrap(),
        serde_json::json!({
            "callbackUrl": "https://hooks.example.com/allianz",
            "timeToLive": 48,
            "extendedNotification": true
        })
    );
}

#[test]
fn cover_changes_match_fixtures() {
    let policy = PolicyRef {
        business_unit_code: "FRA".into(),
        policy_id: "POL-000123".into(),
        extension_id: "DCL".into(),
    };
    let increase = allianz::CoverChange {
        policy: policy.clone(),
        company_id: " 12345678 ".into(),
        kind: allianz::CoverChangeKind::NewAmount {
            amount: eur(8_000_000),
            customer_reference: Some("CUST-0042".into()),
        },
    };
    assert_eq!(
        allianz::cover_change_request(&increase).unwrap(),
        request_fixture("cover_change.increase")
    );
    let cancel = allianz::CoverChange {
        policy,
        company_id: "12345678".into(),
        kind: allianz::CoverChangeKind::Cancel,
    };
    assert_eq!(
        allianz::cover_change_request(&cancel).unwrap(),
        request_fixture("cover_change.cancel")
    );
}

#[test]
fn cover_request_variants() {
    let mut plain = application();
    plain.callback = None;
    plain.comment = Some("  ".into());
    plain.customer_reference = None;
    plain.urgent = false;
    plain.amount = Money::from_minor(1_250_050, Currency::USD);
    plain.policy = Some(PolicyRef {
        business_unit_code: "ACI".into(),
        policy_id: "POLICY-1".into(),
        extension_id: String::new(),
    });
    let request = allianz::cover_request(&plain).unwrap();
    assert_eq!(
        request.headers,
        [("Content-Type".to_owned(), "application/json".to_owned())]
    );
    assert_eq!(
        request.body.unwrap(),
        serde_json::json!({
            "requestTypeCode": "Primary",
            "policy": {"businessUnitCode": "ACI", "policyId": "POLICY-1", "extensionId": ""},
            "creditLimitDetails": {"requestedAmount": 12500.5, "currencyCode": "USD"},
            "companyId": "12345678",
            "isRequestUrgent": false
        })
    );
}

#[test]
fn cover_request_refusals() {
    let refuse = |change: fn(&mut CoverApplication)| {
        let mut application = application();
        change(&mut application);
        allianz::cover_request(&application).unwrap_err()
    };
    assert_eq!(
        refuse(|a| a.insurer = Insurer::Atradius),
        RequestError::WrongInsurer {
            insurer: Insurer::Atradius
        }
    );
    assert_eq!(
        refuse(|a| a.cover_type = CoverType::CreditCheck),
        RequestError::UnsupportedCoverType {
            cover_type: CoverType::CreditCheck
        }
    );
    assert_eq!(refuse(|a| a.policy = None), RequestError::PolicyRequired);
    assert_eq!(
        refuse(|a| a.buyer = unknown_buyer()),
        RequestError::UnknownBuyer
    );
    assert_eq!(
        refuse(|a| a.amount = eur(0)).code(),
        "allianz_trade.invalid_amount"
    );
    assert_eq!(
        refuse(|a| a.amount = eur((1 << 53) + 1)).code(),
        "allianz_trade.invalid_amount"
    );
}

#[test]
fn cover_request_answers() {
    assert_eq!(
        allianz::parse_job_id(202, &response("cover_request", "typical")).unwrap(),
        "7c9e6679-7425-40de-944b-e07fc1f90ae7"
    );
    assert_eq!(
        allianz::parse_job_id(202, &response("cover_request", "object")).unwrap(),
        "123456789"
    );
    for body in ["", "{}", "null", r#""  ""#, r#"{"jobId":null}"#, "[\"x\"]"] {
        let error = allianz::parse_job_id(202, body.as_bytes()).unwrap_err();
        assert_eq!(error.code(), "insurer.malformed", "{body}");
    }
    assert_eq!(
        allianz::parse_job_id(400, &fixture("error.rejected.json")).unwrap_err(),
        InsurerError::Rejected {
            status: 400,
            code: "POLICY_NOT_FOUND".into(),
            message: "Policy POL-000123 not found".into()
        }
    );
    assert_eq!(
        allianz::parse_job_id(403, b"").unwrap_err(),
        InsurerError::Unauthorized {
            status: 403,
            message: String::new()
        }
    );
}

#[test]
fn job_request_matches_fixture() {
    assert_eq!(
        allianz::job_request("7c9e6679-7425-40de-944b-e07fc1f90ae7").unwrap(),
        request_fixture("job")
    );
    for bad in ["", "../covers", "a/b", "x y", "%2e%2e"] {
        assert_eq!(
            allianz::job_request(bad).unwrap_err(),
            RequestError::InvalidId {
                value: bad.to_owned()
            }
        );
    }
}

#[test]
fn job_responses() {
    let pending = allianz::parse_job(200, &response("job", "pending")).unwrap();
    assert_eq!(pending.status, JobStatus::Pending);
    assert_eq!(
        pending.job_id.as_deref(),
        Some("7c9e6679-7425-40de-944b-e07fc1f90ae7")
    );
    assert_eq!(pending.resource_url, None);
    assert_eq!(pending.cover_id(), None);
    assert_eq!(
        pending.report(),
        report(
            "allianz_trade.job",
            "PENDING",
            Some(Status::Pending(PendingReason::OnHold))
        )
    );

    let processed = allianz::parse_job(200, &response("job", "processed")).unwrap();
    assert_eq!(processed.status, JobStatus::Processed);
    assert_eq!(
        processed.resource_url.as_deref(),
        Some("https://api.allianz-trade.com/riskinfo/v3/covers/COV-2024-000981")
    );
    assert_eq!(processed.cover_id().as_deref(), Some("COV-2024-000981"));

    let other_spelling =
        allianz::parse_job(200, &response("job", "processed_resource_url")).unwrap();
    assert_eq!(other_spelling.status, JobStatus::Processed);
    assert_eq!(other_spelling.job_id, None);
    assert_eq!(other_spelling.raw_status, "processed");
    assert_eq!(
        other_spelling.cover_id().as_deref(),
        Some("COV-2024-000981")
    );

    let unknown = allianz::parse_job(200, &response("job", "unknown")).unwrap();
    assert_eq!(unknown.status, JobStatus::Other("QUEUED".into()));
    assert_eq!(unknown.status.to_string(), "QUEUED");
    assert_eq!(
        unknown.report(),
        report("allianz_trade.job", "QUEUED", None)
    );

    for body in [
        "{}",
        r#"{"jobStatusCode":""}"#,
        r#"{"jobStatusCode":{"a":1}}"#,
        "[]",
    ] {
        let error = allianz::parse_job(200, body.as_bytes()).unwrap_err();
        assert_eq!(error.code(), "insurer.malformed", "{body}");
    }
}

#[test]
fn job_cover_id_only_from_cover_urls() {
    let job = |url: &str| allianz::Job {
        job_id: None,
        status: JobStatus::Processed,
        raw_status: "PROCESSED".into(),
        resource_url: Some(url.into()),
    };
    assert_eq!(
        job("/riskinfo/v3/covers/42/").cover_id().as_deref(),
        Some("42")
    );
    assert_eq!(job("/riskinfo/v3/companies/42").cover_id(), None);
    assert_eq!(job("/riskinfo/v3/covers/a%20b").cover_id(), None);
    assert_eq!(job("covers").cover_id(), None);
    assert_eq!(job("").cover_id(), None);
}

// ---------------------------------------------------------------------------------------------
// Cover
// ---------------------------------------------------------------------------------------------

fn typical_cover() -> Decision {
    Decision {
        insurer: Insurer::AllianzTrade,
        id: "COV-2024-000981".into(),
        buyer_id: "12345678".into(),
        buyer_name: Some("Dupont Logistique SAS".into()),
        buyer_identifiers: vec![id("allianz.company_id", "12345678")],
        product: "CreditLimit".into(),
        requested: Some(eur(5_000_000)),
        granted: Some(eur(5_000_000)),
        status: report(
            TECHNICAL,
            "AlreadyAgreed",
            Some(Status::Decided(Outcome::Full)),
        ),
        applied_on: Some("2024-03-01".into()),
        decided_on: Some("2024-03-02".into()),
        effective_from: Some("2024-03-02".into()),
        expires_on: Some("2025-03-01".into()),
        customer_reference: Some("CUST-0042".into()),
        order_id: None,
        conditions: Vec::new(),
    }
}

#[test]
fn cover_request_fixture_for_get() {
    assert_eq!(
        allianz::cover_get_request("COV-2024-000981").unwrap(),
        request_fixture("cover")
    );
    assert!(allianz::cover_get_request("..").is_err());
}

#[test]
fn cover_typical() {
    let decision = allianz::parse_cover(200, &response("cover", "typical")).unwrap();
    assert_eq!(decision, typical_cover());
    assert!(decision.status.status.is_some_and(Status::is_in_force));
}

#[test]
fn cover_edge_strings_unknown_status_and_latest_limit() {
    let decision = allianz::parse_cover(200, &response("cover", "edge")).unwrap();
    assert_eq!(decision.id, "981");
    assert_eq!(decision.buyer_id, "");
    assert_eq!(decision.buyer_name, None);
    assert!(decision.buyer_identifiers.is_empty());
    assert_eq!(decision.product, "CreditLimit");
    assert_eq!(
        decision.requested,
        Some(Money::from_minor(7_500_000, currency("CHF")))
    );
    // The limit starting last is the current one; its amount is an empty string.
    assert_eq!(decision.granted, None);
    assert_eq!(
        decision.status,
        report(TECHNICAL, "UnderReviewByRiskCommittee", None)
    );
    assert_eq!(decision.effective_from.as_deref(), Some("2024-06-01"));
    assert_eq!(decision.expires_on, None);
    assert_eq!(decision.decided_on, None);
    assert_eq!(decision.applied_on, None);
    assert_eq!(decision.customer_reference, None);
}

#[test]
fn cover_granted_for_less_is_partial() {
    let decision = allianz::parse_cover(200, &response("cover", "partial")).unwrap();
    assert_eq!(decision.requested, Some(eur(10_000_000)));
    assert_eq!(decision.granted, Some(eur(6_000_050)));
    assert_eq!(
        decision.status,
        report(TECHNICAL, "AGREED", Some(Status::Decided(Outcome::Partial)))
    );
    assert_eq!(decision.buyer_id, "7654321");
}

#[test]
fn cover_without_limits_uses_cover_status() {
    let body = br#"{"coverId":"C-1","coverStatusCode":"Refusal","creditLimitsAggregation":null}"#;
    let decision = allianz::parse_cover(200, body).unwrap();
    assert_eq!(
        decision.status,
        report(
            COVER_STATUS,
            "Refusal",
            Some(Status::Decided(Outcome::Refused))
        )
    );
    let bare = allianz::parse_cover(200, br#"{"coverId":"C-2"}"#).unwrap();
    assert_eq!(bare.status, report(COVER_STATUS, "", None));
    assert_eq!((bare.requested, bare.granted), (None, None));
}

#[test]
fn cover_errors_are_typed() {
    for body in [
        r#"{"companyId":"1234567"}"#,
        r#"{"coverId":"C","creditLimitDetails":{"requestedAmount":"12,5","currencyCode":"EUR"}}"#,
        r#"{"coverId":"C","creditLimitDetails":{"requestedAmount":100}}"#,
        r#"{"coverId":"C","creditLimitDetails":{"requestedAmount":100,"currencyCode":"EURO"}}"#,
        r#"{"coverId":"C","creditLimitsAggregation":{"creditLimits":[{"amount":5,"startDate":"yesterday"}]}}"#,
        r#"{"coverId":"C","creditLimitsAggregation":{"creditLimits":[{"amount":{"value":5}}]}}"#,
        r#"{"coverId":"C","creationDate":"03/01/2024"}"#,
        r#"{"coverId":"C","creditLimitsAggregation":{"creditLimits":{}}}"#,
    ] {
        let error = allianz::parse_cover(200, body.as_bytes()).unwrap_err();
        assert_eq!(error.code(), "insurer.malformed", "{body}");
    }
    assert_eq!(
        allianz::parse_cover(404, br#"{"message":"cover not found"}"#).unwrap_err(),
        InsurerError::Rejected {
            status: 404,
            code: String::new(),
            message: "cover not found".into()
        }
    );
}

// ---------------------------------------------------------------------------------------------
// Portfolio searches
// ---------------------------------------------------------------------------------------------

#[test]
fn covers_search_request_matches_fixture() {
    let search = allianz::CoverSearch {
        policies: vec![
            PolicyRef {
                business_unit_code: "FRA".into(),
                policy_id: "POL-000123".into(),
                extension_id: "DCL".into(),
            },
            PolicyRef {
                business_unit_code: "FRA".into(),
                policy_id: "POL-000124".into(),
                extension_id: String::new(),
            },
        ],
        pagination: allianz::Pagination {
            page: 2,
            page_size: 50,
        },
    };
    assert_eq!(
        allianz::covers_search_request(&search),
        request_fixture("covers_search")
    );
}

#[test]
fn cover_requests_search_request_matches_fixture() {
    let search = allianz::CoverRequestSearch {
        policies: vec![PolicyRef {
            business_unit_code: "EHDK".into(),
            policy_id: "POLICY-2".into(),
            extension_id: String::new(),
        }],
        request_status_code: Some("InProgress".into()),
        pagination: allianz::Pagination {
            page: 0,
            page_size: 9_999_999,
        },
    };
    assert_eq!(
        allianz::cover_requests_search_request(&search),
        request_fixture("cover_requests_search")
    );
}

#[test]
fn covers_page_typical() {
    let pagination = allianz::Pagination {
        page: 2,
        page_size: 50,
    };
    let answer = HttpResponse::new(200, response("covers_search", "typical"));
    let page = allianz::parse_covers_page(&answer, &pagination).unwrap();
    assert_eq!((page.page, page.page_size), (2, 50));
    assert_eq!(page.total, Some(120));
    assert_eq!(page.next_page, Some(3));
    assert_eq!(page.decisions.len(), 2);
    assert_eq!(page.decisions[0], typical_cover());
    let refused = &page.decisions[1];
    assert_eq!(refused.id, "COV-2023-000004");
    assert_eq!(refused.buyer_id, "2345678");
    assert_eq!(
        refused.status,
        report(
            COVER_STATUS,
            "Refusal",
            Some(Status::Decided(Outcome::Refused))
        )
    );
    assert_eq!(
        refused.requested,
        Some(Money::from_minor(2_500_000, Currency::USD))
    );
    assert_eq!(refused.granted, None);
    assert_eq!(refused.applied_on.as_deref(), Some("2023-11-20"));

    // The last page: totals in headers win.
    let last = HttpResponse::new(200, response("covers_search", "typical"))
        .with_header("total-pages", "2")
        .with_header("Total-Items", "100");
    let page = allianz::parse_covers_page(&last, &pagination).unwrap();
    assert_eq!((page.total, page.next_page), (Some(100), None));
}

#[test]
fn covers_page_empty_and_guessed_next() {
    let pagination = allianz::Pagination::default();
    let empty = HttpResponse::new(200, response("covers_search", "empty"));
    let page = allianz::parse_covers_page(&empty, &pagination).unwrap();
    assert!(page.decisions.is_empty());
    assert_eq!((page.page, page.page_size), (1, 100));
    assert_eq!((page.total, page.next_page), (None, None));

    let no_body = HttpResponse::new(204, "");
    assert!(allianz::parse_covers_page(&no_body, &pagination)
        .unwrap()
        .decisions
        .is_empty());

    let full = HttpResponse::new(200, r#"[{"coverId":"A"},{"coverId":"B"}]"#);
    let two = allianz::Pagination {
        page: 4,
        page_size: 2,
    };
    let page = allianz::parse_covers_page(&full, &two).unwrap();
    assert_eq!(page.next_page, Some(5));
    assert_eq!(page.decisions[1].id, "B");
}

#[test]
fn page_errors_are_typed() {
    let pagination = allianz::Pagination::default();
    for (body, header) in [
        (r#"{"other":[]}"#, None),
        (r#"{"covers":{}}"#, None),
        (r#"[{"coverId":null}]"#, None),
        (r#"{"covers":[],"totalItems":"many"}"#, None),
        ("[]", Some("lots")),
        ("nope", None),
    ] {
        let mut answer = HttpResponse::new(200, body);
        if let Some(value) = header {
            answer = answer.with_header("Total-Items", value);
        }
        let error = allianz::parse_covers_page(&answer, &pagination).unwrap_err();
        assert_eq!(error.code(), "insurer.malformed", "{body} {header:?}");
    }
    let unavailable = HttpResponse::new(503, "").with_header("Retry-After", "30");
    assert_eq!(
        allianz::parse_cover_requests_page(&unavailable, &pagination).unwrap_err(),
        InsurerError::Unavailable { status: 503 }
    );
}

#[test]
fn cover_requests_page_typical() {
    let pagination = allianz::Pagination {
        page: 1,
        page_size: 5000,
    };
    let answer = HttpResponse::new(200, response("cover_requests_search", "typical"));
    let page = allianz::parse_cover_requests_page(&answer, &pagination).unwrap();
    assert_eq!((page.total, page.next_page), (None, None));
    let [in_progress, accepted] = &page.decisions[..] else {
        panic!("two requests expected: {page:?}")
    };
    assert_eq!(
        in_progress,
        &Decision {
            insurer: Insurer::AllianzTrade,
            id: "REQ-1001".into(),
            buyer_id: "12345678".into(),
            buyer_name: None,
            buyer_identifiers: vec![id("allianz.company_id", "12345678")],
            product: "Primary".into(),
            requested: Some(eur(5_000_000)),
            granted: None,
            status: report(
                REQUEST_STATUS,
                "InProgress",
                Some(Status::Pending(PendingReason::Underwriting))
            ),
            applied_on: Some("2024-03-01".into()),
            decided_on: None,
            effective_from: None,
            expires_on: None,
            customer_reference: None,
            order_id: None,
            conditions: Vec::new(),
        }
    );
    assert_eq!(accepted.id, "REQ-1002");
    assert_eq!(accepted.buyer_id, "7654321");
    assert_eq!(accepted.product, "CreditLimit");
    assert_eq!(
        accepted.requested,
        Some(Money::from_minor(2_000_000, currency("DKK")))
    );
    assert_eq!(
        accepted.status,
        report(
            REQUEST_STATUS,
            "Accepted",
            Some(Status::Decided(Outcome::Full))
        )
    );
    assert_eq!(accepted.applied_on.as_deref(), Some("2024-02-10"));
    assert_eq!(accepted.decided_on.as_deref(), Some("2024-02-12"));
}

#[test]
fn cover_requests_page_edge() {
    let pagination = allianz::Pagination {
        page: 1,
        page_size: 2,
    };
    let answer = HttpResponse::new(200, response("cover_requests_search", "edge"));
    let page = allianz::parse_cover_requests_page(&answer, &pagination).unwrap();
    assert_eq!(page.total, Some(2));
    assert_eq!(page.next_page, None);
    let [waiting, refused] = &page.decisions[..] else {
        panic!("two requests expected: {page:?}")
    };
    assert_eq!(waiting.id, "REQ-2001");
    assert_eq!(waiting.requested, None);
    assert_eq!(
        waiting.status,
        report(REQUEST_STATUS, "WAITING_FOR_DOCUMENTS", None)
    );
    assert_eq!(refused.id, "COV-77");
    assert_eq!(refused.buyer_id, "");
    assert_eq!(refused.requested, None);
    assert_eq!(
        refused.status,
        report(
            REQUEST_STATUS,
            "REFUSED",
            Some(Status::Decided(Outcome::Refused))
        )
    );
    assert_eq!(refused.decided_on, None);
}

// ---------------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------------

#[test]
fn webhook_header_examples() {
    use base64::Engine as _;
    let decode = |value: &str| {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(value)
            .unwrap();
        String::from_utf8(bytes).unwrap()
    };
    let technical = allianz::WebhookConfig {
        callback_url: "https://client.example.com/webhook".into(),
        time_to_live_hours: 24,
        extended_notification: false,
    };
    let (name, value) = allianz::callback_header(&technical);
    assert_eq!(name, "callback");
    assert_eq!(
        value,
        "eyJjYWxsYmFja1VybCI6Imh0dHBzOi8vY2xpZW50LmV4YW1wbGUuY29tL3dlYmhvb2siLCJ0aW1lVG9MaXZlIjoyNH0="
    );
    assert_eq!(
        decode(&value),
        r#"{"callbackUrl":"https://client.example.com/webhook","timeToLive":24}"#
    );
    let functional = allianz::WebhookConfig {
        extended_notification: true,
        ..technical
    };
    assert_eq!(
        decode(&allianz::callback_header(&functional).1),
        r#"{"callbackUrl":"https://client.example.com/webhook","timeToLive":24,"extendedNotification":true}"#
    );
}

#[test]
fn technical_notification() {
    let notification =
        allianz::parse_notification(&fixture("notification.technical.json")).unwrap();
    let Notification::Technical(decision) = &notification else {
        panic!("technical expected: {notification:?}")
    };
    assert_eq!(decision.id, "COV-2024-000982");
    assert_eq!(decision.buyer_id, "12345678");
    assert_eq!(decision.requested, Some(eur(3_000_000)));
    assert_eq!(decision.granted, None);
    assert_eq!(
        decision.status,
        report(
            TECHNICAL,
            "Pending",
            Some(Status::Pending(PendingReason::Underwriting))
        )
    );
    assert_eq!(decision.effective_from.as_deref(), Some("2024-04-01"));

    let bare = allianz::parse_notification(&fixture("notification.bare_cover.json")).unwrap();
    let Notification::Technical(decision) = bare else {
        panic!("technical expected")
    };
    assert_eq!(decision.id, "COV-1");
    assert_eq!(decision.granted, Some(eur(100_000)));
    assert_eq!(decision.status.status, Some(Status::Decided(Outcome::Full)));
}

#[test]
fn functional_notification() {
    let notification =
        allianz::parse_notification(&fixture("notification.functional.json")).unwrap();
    let Notification::Functional(decision) = &notification else {
        panic!("functional expected: {notification:?}")
    };
    assert_eq!(decision.id, "REQ-1001");
    assert_eq!(decision.buyer_id, "12345678");
    assert_eq!(decision.requested, Some(eur(5_000_000)));
    assert_eq!(
        decision.status,
        report(
            REQUEST_STATUS,
            "Refused",
            Some(Status::Decided(Outcome::Refused))
        )
    );
    assert_eq!(decision.applied_on.as_deref(), Some("2024-03-01"));
    assert_eq!(decision.decided_on.as_deref(), Some("2024-03-05"));
    assert_eq!(notification.decision(), decision);

    let bare = allianz::parse_notification(
        br#"{"requestId":"R-9","coverId":"C-9","requestStatusCode":"Accepted"}"#,
    )
    .unwrap();
    assert!(matches!(bare, Notification::Functional(ref d) if d.id == "R-9"));
}

#[test]
fn notification_errors_are_typed() {
    for body in [
        "",
        "[]",
        "{}",
        r#"{"hello":"world"}"#,
        r#"{"cover":null}"#,
        r#"{"coverRequest":{"requestStatusCode":"Accepted"}}"#,
        r#"{"cover":{"coverId":"C","creationDate":"tomorrow"}}"#,
    ] {
        let error = allianz::parse_notification(body.as_bytes()).unwrap_err();
        assert_eq!(error.code(), "insurer.malformed", "{body}");
    }
}

// ---------------------------------------------------------------------------------------------
// Operations the proxy lets through
// ---------------------------------------------------------------------------------------------

#[test]
fn operations_allow_exactly_the_browser_calls() {
    use tradecover_core::http_request::Method;
    let allowed = |method: Method, path: &str| {
        allianz::OPERATIONS
            .iter()
            .find(|operation| operation.matches(method, path))
            .map(|operation| operation.name)
    };
    for (fixture_name, name) in [
        ("advanced_search", "company.advanced_search"),
        ("matching", "company.matching"),
        ("create_company", "company.create"),
        ("cover_request", "cover.request"),
        ("job", "job.get"),
        ("cover", "cover.get"),
        ("covers_search", "cover.search"),
        ("cover_requests_search", "cover_request.search"),
    ] {
        let request = request_fixture(fixture_name);
        assert_eq!(
            allowed(request.method, &request.path),
            Some(name),
            "{fixture_name}"
        );
    }
    let token = request_fixture("token");
    assert_eq!(allowed(token.method, &token.path), None);
    assert_eq!(allowed(Method::Delete, "/riskinfo/v3/covers/C-1"), None);
    assert_eq!(allowed(Method::Get, "/riskinfo/v3/jobs/../covers"), None);
    assert!(allianz::OPERATIONS
        .iter()
        .all(|operation| operation.insurer == Insurer::AllianzTrade));
}
