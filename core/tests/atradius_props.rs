//! The Atradius parsers never panic, whatever the status and bytes (they run in WebAssembly, where
//! a panic kills the page), and JSON-shaped noise around real fields is read or refused with a
//! typed error.
#![cfg(feature = "atradius")]

use proptest::prelude::*;
use tradecover_core::atradius::{
    self, CoverAction, CoverModification, DateFilter, PendingProcessIndicator,
};
use tradecover_core::cover_application::{ApplicationBuyer, CoverApplication, CoverType};
use tradecover_core::currency::Currency;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::money::Money;
use tradecover_core::{Country, Insurer};

fn application() -> CoverApplication {
    CoverApplication {
        insurer: Insurer::Atradius,
        buyer: ApplicationBuyer::Known {
            insurer_id: "11223344".into(),
        },
        cover_type: CoverType::CreditLimit,
        amount: Money::from_minor(5_000_000, Currency::EUR),
        customer_reference: None,
        urgent: false,
        policy: None,
        comment: None,
        callback: None,
        idempotency_key: "idem-key-0001".into(),
    }
}

fn run_every_parser(response: &HttpResponse) {
    let applications = [application(), application()];
    let modification = CoverModification {
        buyer_id: "1".into(),
        cover_type: CoverType::CreditLimit,
        action: CoverAction::Supersede {
            amount: Money::from_minor(100_000, Currency::EUR),
        },
        customer_reference: None,
    };
    let _ = atradius::parse_token_response(response, u64::MAX);
    let _ = atradius::parse_buyer_list(response, Country::from_alpha2("FR"));
    let _ = atradius::parse_buyer_list(response, None);
    let _ = atradius::parse_buyer_detail(response);
    let _ = atradius::parse_cover_list(response);
    let _ = atradius::parse_application_response(response, &applications[0]);
    let _ = atradius::parse_batch_response(response, &applications);
    let _ = atradius::parse_modification_response(response, &modification);
    let _ = atradius::parse_conversion_response(response);
}

/// JSON built from the wire's own field names, so that the parsers get past the envelope.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let names = prop::sample::select(vec![
        "data",
        "errors",
        "detail",
        "source",
        "parameter",
        "coverId",
        "buyerId",
        "buyerName",
        "coverType",
        "coverStatus",
        "decisionCode",
        "historicCode",
        "pendingProcessIndicator",
        "policyCurrencyCode",
        "creditLimitApplicationAmountInPolicyCurrency",
        "totalDecision",
        "firstAmtDecision",
        "secondAmtDecision",
        "decisionAmtInPolicyCurrency",
        "decisionExpiryDate",
        "decisionConditions",
        "conditionDescription",
        "applicationDate",
        "decisionDate",
        "effectFromDate",
        "withdrawalDate",
        "effectiveToDate",
        "customerRefNumber",
        "uniqueIdentifiers",
        "uid",
        "uidType",
        "registeredAddress",
        "countryCode",
        "city",
        "access_token",
        "expires_in",
        "token_type",
        "response",
        "status",
        "message",
    ]);
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        prop::sample::select(vec![
            "",
            " ",
            "DECISION",
            "REFERRED",
            "DC01",
            "DC07",
            "ECLD",
            "C",
            "EUR",
            "JPY",
            "KWD",
            "FRA",
            "SN",
            "VAT",
            "50000",
            "50000.50",
            "-1",
            "1e9",
            "2026-08-22",
            "2026-02-30",
            "2026-08-22T10:00:00+01:00",
            "Action has been refused.",
            "No buyer match found",
            "99999999999999999999",
            "FR27552032534",
            "é",
            "\u{0}",
        ])
        .prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::vec((names.clone(), inner), 0..6).prop_map(|fields| {
                serde_json::Value::Object(
                    fields
                        .into_iter()
                        .map(|(name, value)| (name.to_owned(), value))
                        .collect(),
                )
            }),
        ]
    })
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        Just(200u16),
        Just(201),
        Just(202),
        Just(204),
        Just(207),
        Just(400),
        Just(401),
        Just(404),
        Just(503),
        any::<u16>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsers_never_panic_on_bytes(status in status(), body in prop::collection::vec(any::<u8>(), 0..256)) {
        run_every_parser(&HttpResponse::new(status, body));
    }

    #[test]
    fn parsers_never_panic_on_json(status in status(), value in json_value(), wrap in any::<bool>()) {
        let value = if wrap { serde_json::json!({ "data": [value] }) } else { value };
        let body = serde_json::to_vec(&value).unwrap();
        run_every_parser(&HttpResponse::new(status, body));
    }

    #[test]
    fn code_mappings_never_panic(code in ".{0,8}") {
        let _ = atradius::cover_status_report(&code);
        let _ = atradius::decision_code_report(&code);
        let _ = atradius::historic_code_report(&code);
        let _ = atradius::pending_indicator_report(&code);
        prop_assert!(PendingProcessIndicator::parse(&code)
            .as_str()
            .eq_ignore_ascii_case(code.trim()));
        let _ = DateFilter::parse(&code);
    }

    #[test]
    fn builders_never_panic(buyer in ".{0,24}", minor in any::<i64>(), policy in ".{0,8}") {
        let policy = atradius::AtradiusPolicy { customer_id: 1, policy_id: policy };
        let mut application = application();
        application.buyer = ApplicationBuyer::Known { insurer_id: buyer.clone() };
        application.amount = Money::from_minor(minor, Currency::JPY);
        let _ = atradius::application_request(&policy, &application);
        let _ = atradius::batch_request(&policy, &[application]);
        let _ = atradius::buyer_detail_request(&buyer);
        let _ = atradius::convert_indication_request(&policy, &buyer);
        let modification = CoverModification {
            buyer_id: buyer,
            cover_type: CoverType::Indication,
            action: CoverAction::Reduce { amount: Money::from_minor(minor, Currency::EUR) },
            customer_reference: None,
        };
        let _ = atradius::modification_request(&policy, &modification);
    }
}
