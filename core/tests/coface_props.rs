//! Property tests of the Coface CofaServe module: parsers never panic on any bytes, request
//! builders never panic and only emit paths the proxy allows, the search plan always ends, and
//! reconciliation only ever replaces a temporary row.
#![cfg(feature = "coface")]

use proptest::prelude::*;
use proptest::sample::select;

use tradecover_core::coface::{
    self, ActionCode, Catalog, CatalogProduct, PortfolioFilter, SearchCriteria, SearchPlan,
    SearchStep,
};
use tradecover_core::decision::Decision;
use tradecover_core::identifier::is_temporary_easy;
use tradecover_core::insurer::Insurer;
use tradecover_core::lifecycle::{RawStatus, StatusReport};
use tradecover_core::{operation, BuyerQuery, Country, HttpRequest, Identifier};

/// Every parser of the module, on (status, body).
fn parse_all(status: u16, body: &[u8]) {
    let _ = coface::parse_company_list(status, body);
    let _ = coface::parse_portfolio(status, body);
    let _ = coface::parse_catalog(status, body);
    let _ = coface::parse_customer_references(status, body);
    let _ = coface::parse_set_customer_reference(status, body);
    let _ = coface::parse_order_response(status, body);
    let _ = coface::parse_order_details(status, body);
    let _ = coface::parse_delivery_details(status, body);
    let _ = coface::parse_delete_response(status, body);
    let _ = coface::auth::parse_login_response(status, body, u64::MAX);
}

/// JSON values built from the names the parsers read, with hostile values.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let names = select(vec![
        "easyNumber",
        "companyName",
        "customerReference",
        "productCode",
        "orderId",
        "deliveryId",
        "externalId",
        "orderStatus",
        "deliveryStatus",
        "requestedAmount",
        "grantedAmount",
        "currencyCode",
        "orderDate",
        "decisionDate",
        "effectDate",
        "expiryDate",
        "conditions",
        "rejectionReasons",
        "legalIdentifiers",
        "identifierType",
        "identifierValue",
        "companies",
        "products",
        "count",
        "actionCode",
        "actionCodes",
        "lastDeliveryId",
        "customerReferences",
        "code",
        "message",
        "label",
        "address",
        "countryCode",
    ]);
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        select(vec![
            "",
            " ",
            "0012345678904700000",
            "Z12",
            "EUR",
            "eur",
            "XXX",
            "1e400",
            "-1",
            "99999999999999999999.99",
            "1.005",
            "2024-02-30",
            "2024-02-29T10:00",
            "DECIDED_FULL",
            "STATUS_CLOSED",
            "STOP",
            "SIREN_FRA",
            "FRA",
            "ZZZ",
            "é",
            "\u{0}",
        ])
        .prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::vec((names.clone(), inner), 0..8).prop_map(|fields| {
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

fn allowed(request: &HttpRequest) -> bool {
    operation::find(Insurer::Coface, request.method, &request.path).is_some()
}

fn decision(buyer_id: String, id: String, order_id: Option<String>) -> Decision {
    Decision {
        insurer: Insurer::Coface,
        id,
        buyer_id,
        buyer_name: None,
        buyer_identifiers: Vec::new(),
        product: "CREDITLIMIT".into(),
        requested: None,
        granted: None,
        status: StatusReport {
            status: None,
            raw: RawStatus::new("coface.order", ""),
        },
        applied_on: None,
        decided_on: None,
        effective_from: None,
        expires_on: None,
        customer_reference: None,
        order_id,
        conditions: Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsers_never_panic_on_bytes(status in any::<u16>(), body in prop::collection::vec(any::<u8>(), 0..256)) {
        parse_all(status, &body);
    }

    #[test]
    fn parsers_never_panic_on_json(status in select(vec![200u16, 201, 204, 400, 401, 404, 422, 429, 500]), value in json_value()) {
        let body = serde_json::to_vec(&value).unwrap();
        parse_all(status, &body);
        // What parses is a usable tracker row.
        if let Ok(portfolio) = coface::parse_portfolio(200, &body) {
            for row in portfolio.decisions {
                prop_assert!(!row.id.is_empty() && !row.buyer_id.is_empty());
            }
        }
        if let Ok(report) = coface::parse_order_response(200, &body) {
            prop_assert!(!report.decision.id.is_empty());
            prop_assert!(report.decision.status.status.is_some() || !report.decision.status.raw.code.is_empty());
        }
    }

    #[test]
    fn status_reports_keep_any_code(code in ".{0,40}") {
        let delivery = coface::delivery_status_report(&code);
        prop_assert_eq!(delivery.raw.code.as_str(), code.trim());
        let order = coface::order_status_report(&code);
        prop_assert_eq!(order.raw.code.as_str(), code.trim());
        prop_assert_eq!(ActionCode::parse(&code).as_str().len() <= code.len().max(6), true);
    }

    #[test]
    fn builders_only_emit_allowed_paths(
        easy in prop_oneof![Just("0012345678904700000".to_owned()), Just("Z42".to_owned()), ".{0,24}"],
        id in prop_oneof![Just("DLV-1".to_owned()), ".{0,24}"],
        product in prop_oneof![Just("SCOREMON".to_owned()), Just("CREDITLIMIT".to_owned()), ".{0,12}"],
        action in select(vec!["CREA", "UPDT", "CHANGE", "STOP", "DELE", "MOVE"]),
        day in ".{0,12}",
    ) {
        let mut built = Vec::new();
        built.extend(coface::catalog_request(&easy).ok());
        built.extend(coface::order_details_request(&easy, &id).ok());
        built.extend(coface::delivery_details_request(&easy, &id).ok());
        built.extend(coface::stop_request(&easy, &product).ok());
        built.extend(coface::set_customer_reference_request(&easy, &id).ok());
        let catalog = Catalog {
            easy_number: None,
            products: vec![CatalogProduct {
                product_code: product.to_ascii_uppercase(),
                label: None,
                actions: vec![ActionCode::parse(action)],
                last_delivery_id: Some(id.clone()),
                last_order_id: None,
                last_external_id: None,
            }],
        };
        built.extend(coface::delete_request(&easy, &catalog, &product).ok());
        let filter = PortfolioFilter {
            easy_number: Some(easy.clone()),
            order_id: Some(id.clone()),
            decided_until: Some(day),
            product_code: Some(product.clone()),
            ..PortfolioFilter::default()
        };
        built.extend(coface::portfolio_request(&filter).ok());
        for request in &built {
            prop_assert!(allowed(request), "{} {}", request.method.as_str(), request.path);
        }
    }

    #[test]
    fn the_search_plan_always_ends(
        answers in prop::collection::vec((select(vec![200u16, 400, 401, 404, 500]), select(vec![
            r#"{"companies":[],"count":0}"#,
            r#"{"companies":[{"easyNumber":"0012345678904700000","companyName":"A","address":{"countryCode":"FRA"}}]}"#,
            "{",
            "",
            r#"{"code":"X","message":"y"}"#,
        ])), 0..16),
        with_name in any::<bool>(),
        identifier in select(vec![("fr.siren", "552032534"), ("fr.vat", "FR27552032534"), ("other.x_fra", "12"), ("coface.easy", "Z1")]),
    ) {
        let criteria = SearchCriteria {
            country: Country::parse("FR").unwrap(),
            identifiers: vec![Identifier { kind: identifier.0.into(), value: identifier.1.into() }],
            name: with_name.then(|| BuyerQuery::by_name("Dupont", "FR", Some("Paris"), None).unwrap()),
            region: None,
        };
        let Ok(mut plan) = SearchPlan::new(&criteria) else { return Ok(()); };
        let planned = plan.planned().count();
        let mut moves = 0;
        for (status, body) in answers {
            for (_, request) in plan.planned() {
                prop_assert!(allowed(request));
            }
            let before = plan.step().clone();
            match plan.on_response(status, body.as_bytes()) {
                Ok(step) if *step != before => moves += 1,
                Ok(_) => {}
                Err(_) => { prop_assert_eq!(plan.step(), &before); }
            }
        }
        prop_assert!(moves <= planned);
        while !plan.is_done() {
            plan.skip();
            moves += 1;
            prop_assert!(moves <= planned);
        }
        prop_assert!(matches!(plan.step(), SearchStep::Found(_) | SearchStep::NotFound));
    }

    #[test]
    fn reconciliation_only_replaces_temporary_rows(
        rows in prop::collection::vec((select(vec!["Z1", "Z2", "0012345678904700000"]), select(vec!["O1", "O2", "D1", ""]), prop::option::of(select(vec!["O1", "O2", ""]))), 0..6),
        definitive in (select(vec!["0099999999999900000", "Z3"]), select(vec!["D1", "O2", ""]), prop::option::of(select(vec!["O1", "O2", ""]))),
    ) {
        let tracked: Vec<Decision> = rows
            .into_iter()
            .map(|(buyer, id, order)| decision(buyer.into(), id.into(), order.map(Into::into)))
            .collect();
        let answer = decision(definitive.0.into(), definitive.1.into(), definitive.2.map(Into::into));
        if let Some(found) = coface::reconcile_temporary(&tracked, &answer) {
            prop_assert!(found.index < tracked.len());
            prop_assert!(is_temporary_easy(&tracked[found.index].buyer_id));
            prop_assert!(!is_temporary_easy(&found.decision.buyer_id));
            prop_assert_eq!(found.temporary_easy_number.as_str(), tracked[found.index].buyer_id.as_str());
        } else {
            let linked = tracked.iter().any(|row| {
                is_temporary_easy(&row.buyer_id)
                    && !is_temporary_easy(&answer.buyer_id)
                    && ((row.order_id.as_deref().is_some_and(|o| !o.is_empty()) && row.order_id == answer.order_id)
                        || (!row.id.is_empty() && (row.id == answer.id || Some(row.id.as_str()) == answer.order_id.as_deref())))
            });
            prop_assert!(!linked, "a linkable row was missed");
        }
    }
}
