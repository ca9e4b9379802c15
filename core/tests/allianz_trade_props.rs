//! Allianz Trade parsers and builders never panic, whatever they are given, and amounts survive
//! the trip through the wire exactly.
#![cfg(feature = "allianz_trade")]

use proptest::prelude::*;
use tradecover_core::allianz_trade as allianz;
use tradecover_core::currency::Currency;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::money::Money;

/// Field names and values of the Allianz Trade vocabulary, so that random JSON reaches deep
/// into the parsers instead of failing at the first key.
const KEYS: &[&str] = &[
    "results",
    "company",
    "companyId",
    "legalData",
    "companyName",
    "address",
    "countryCode",
    "postCodes",
    "postCodeValue",
    "companyIdentifiers",
    "idTypeCode",
    "idValue",
    "isHeadOffice",
    "score",
    "coverId",
    "requestId",
    "cover",
    "coverRequest",
    "creditLimitsAggregation",
    "creditLimits",
    "technicalDecisionStatusCode",
    "coverStatusCode",
    "requestStatusCode",
    "amount",
    "currencyCode",
    "requestedAmount",
    "creditLimitDetails",
    "startDate",
    "endDate",
    "creationDate",
    "lastUpdateDate",
    "jobId",
    "jobStatusCode",
    "ressourceUrl",
    "resourceUrl",
    "covers",
    "coverRequests",
    "items",
    "totalItems",
    "access_token",
    "token_type",
    "expires_in",
];

fn scalar() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        prop_oneof![
            Just("EUR".to_owned()),
            Just("FR".to_owned()),
            Just("2024-03-01T00:00:00Z".to_owned()),
            Just("AlreadyAgreed".to_owned()),
            Just("PROCESSED".to_owned()),
            Just(String::new()),
            "[0-9.eE+-]{0,12}",
            ".{0,12}",
        ]
        .prop_map(serde_json::Value::from),
    ]
}

fn json() -> impl Strategy<Value = serde_json::Value> {
    scalar().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            proptest::collection::vec((proptest::sample::select(KEYS), inner), 0..6).prop_map(
                |fields| {
                    serde_json::Value::Object(
                        fields
                            .into_iter()
                            .map(|(key, value)| (key.to_owned(), value))
                            .collect(),
                    )
                }
            ),
        ]
    })
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![Just(200u16), Just(201), Just(202), 0u16..1000]
}

/// Runs every parser on one answer; only the absence of a panic and a few invariants matter.
fn parse_everything(status: u16, body: &[u8]) {
    let _ = allianz::parse_token_response(status, body, u64::MAX);
    let _ = allianz::parse_token_response(status, body, 0);
    if let Ok(results) = allianz::parse_company_results(status, body) {
        for hit in &results.hits {
            assert!(!hit.buyer.insurer_id.is_empty());
            assert!(!hit.buyer.name.is_empty());
        }
    }
    let _ = allianz::parse_create_company(status, body);
    if let Ok(job_id) = allianz::parse_job_id(status, body) {
        assert!(!job_id.trim().is_empty());
    }
    if let Ok(job) = allianz::parse_job(status, body) {
        let _ = job.report();
        if let Some(id) = job.cover_id() {
            assert!(allianz::cover_get_request(&id).is_ok());
        }
    }
    if let Ok(decision) = allianz::parse_cover(status, body) {
        assert!(!decision.id.is_empty());
    }
    let response = HttpResponse::new(status, body.to_vec()).with_header("Total-Pages", "3");
    for pagination in [
        allianz::Pagination::default(),
        allianz::Pagination {
            page: u32::MAX,
            page_size: 0,
        },
    ] {
        if let Ok(page) = allianz::parse_covers_page(&response, &pagination) {
            assert!(page.page >= 1 && page.page_size >= 1);
        }
        let _ = allianz::parse_cover_requests_page(&response, &pagination);
    }
    let _ = allianz::parse_notification(body);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsers_never_panic_on_bytes(status in status(), body in proptest::collection::vec(any::<u8>(), 0..256)) {
        parse_everything(status, &body);
    }

    #[test]
    fn parsers_never_panic_on_json(status in status(), value in json()) {
        let body = serde_json::to_vec(&value).unwrap();
        parse_everything(status, &body);
    }

    #[test]
    fn path_builders_never_panic(id in ".{0,40}") {
        for request in [allianz::job_request(&id), allianz::cover_get_request(&id)].into_iter().flatten() {
            let segment = request.path.rsplit('/').next().unwrap();
            prop_assert!(!segment.is_empty());
            prop_assert!(segment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        }
    }

    #[test]
    fn status_mappings_keep_the_raw_code(code in ".{0,24}") {
        for report in [
            allianz::job_status_report(&code),
            allianz::technical_decision_status_report(&code),
            allianz::cover_status_report(&code),
            allianz::request_status_report(&code),
        ] {
            prop_assert_eq!(&report.raw.code, &code);
        }
    }

    /// An amount written as the insurer may write it (a JSON number of up to 15 significant
    /// digits — what an `f64` carries exactly —, or a numeric string of any size with trailing
    /// zeros) reads back to the same minor units.
    #[test]
    fn amounts_read_back_exactly(wide in any::<i64>(), as_string in any::<bool>(), zeros in 0usize..3) {
        let minor = if as_string { wide } else { wide % 1_000_000_000_000_000 };
        let sign = if minor < 0 { "-" } else { "" };
        let text = format!("{sign}{}.{:02}{}", minor.unsigned_abs() / 100, minor.unsigned_abs() % 100, "0".repeat(zeros));
        let amount = if as_string {
            serde_json::Value::from(text)
        } else {
            serde_json::from_str::<serde_json::Value>(&text).unwrap()
        };
        let body = serde_json::json!({
            "coverId": "C",
            "creditLimitDetails": {"requestedAmount": amount, "currencyCode": "EUR"}
        });
        let decision = allianz::parse_cover(200, &serde_json::to_vec(&body).unwrap()).unwrap();
        prop_assert_eq!(decision.requested, Some(Money::from_minor(minor, Currency::EUR)));
    }
}
