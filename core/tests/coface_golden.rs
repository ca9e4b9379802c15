//! Golden tests of the Coface CofaServe operations: each request builder against an exact
//! request fixture, and each parser against typical and edge answers, asserted field by field.
//! Fixtures: `tests/fixtures/coface/<operation>.request.json` and
//! `<operation>.response.<case>.json`, written by hand from the seed and the chosen wire names.
#![cfg(feature = "coface")]

use std::path::PathBuf;

use tradecover_core::buyer::{Address, Establishment, Identifier};
use tradecover_core::coface::{self, ActionCode, PortfolioFilter, ProductResource};
use tradecover_core::cover_application::{ApplicationBuyer, CoverApplication, CoverType};
use tradecover_core::currency::Currency;
use tradecover_core::decision::Decision;
use tradecover_core::identifier::{validate_identifier, IdentifierKind};
use tradecover_core::insurer::Insurer;
use tradecover_core::lifecycle::{Outcome, PendingReason, RawStatus, Status, StatusReport};
use tradecover_core::money::Money;
use tradecover_core::operation;
use tradecover_core::{BuyerQuery, Country, HttpRequest, InsurerError};

const EASY: &str = "0012345678904700000";

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/coface")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn request_fixture(name: &str) -> HttpRequest {
    serde_json::from_slice(&fixture(&format!("{name}.request.json"))).unwrap()
}

fn response(name: &str) -> Vec<u8> {
    fixture(&format!("{name}.json"))
}

/// The request equals its fixture and is an operation the proxy lets through, under `name`.
fn assert_golden(built: &HttpRequest, fixture_name: &str, operation_name: &str) {
    assert_eq!(built, &request_fixture(fixture_name), "{fixture_name}");
    let found = operation::find(Insurer::Coface, built.method, &built.path)
        .unwrap_or_else(|| panic!("{} {} is not allowed", built.method.as_str(), built.path));
    assert_eq!(found.name, operation_name);
}

fn eur(minor: i64) -> Option<Money> {
    Some(Money::from_minor(minor, Currency::EUR))
}

fn usd(minor: i64) -> Option<Money> {
    Some(Money::from_minor(minor, Currency::USD))
}

fn report(scheme: &str, code: &str, status: Option<Status>) -> StatusReport {
    StatusReport {
        status,
        raw: RawStatus::new(scheme, code),
    }
}

fn easy(value: &str) -> Identifier {
    Identifier {
        kind: "coface.easy".into(),
        value: value.into(),
    }
}

fn ident(kind: &str, value: &str) -> Identifier {
    Identifier {
        kind: kind.into(),
        value: value.into(),
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

// ------------------------------------------------------------------ company search

#[test]
fn search_by_identifier_request() {
    let vat = validate_identifier(IdentifierKind::FrVat, "FR 27 552 032 534").unwrap();
    let built = coface::identifier_search_requests(Country::parse("FR").unwrap(), &vat).unwrap();
    let expected: Vec<HttpRequest> =
        serde_json::from_slice(&fixture("search_by_identifier.request.json")).unwrap();
    assert_eq!(built, expected);
    for request in &built {
        let found = operation::find(Insurer::Coface, request.method, &request.path).unwrap();
        assert_eq!(found.name, "company.search_by_identifier");
    }
}

#[test]
fn search_by_name_with_region_request() {
    let query = BuyerQuery::by_name(" Acme ", "us", Some("Albany"), None).unwrap();
    let built = coface::name_search_request_in_region(&query, Some("NY"));
    assert_golden(&built, "search_by_name_region", "company.search_by_name");
}

#[test]
fn search_by_identifier_responses() {
    let list = coface::parse_company_list(200, &response("search_by_identifier.response.typical"))
        .unwrap();
    assert_eq!(list.total, 2);
    assert_eq!(list.buyers.len(), 2);
    let head = &list.buyers[0];
    assert_eq!(head.insurer_id, EASY);
    assert_eq!(head.name, "Société Dupont SAS");
    assert_eq!(head.establishment, Establishment::HeadOffice);
    assert_eq!(head.address.street.as_deref(), Some("12 rue de la Paix"));
    assert_eq!(head.address.postcode.as_deref(), Some("75002"));
    assert_eq!(head.address.country, Country::parse("FR").unwrap());
    assert_eq!(
        head.identifiers,
        [
            easy(EASY),
            ident("fr.vat", "FR27552032534"),
            ident("fr.siren", "552032534")
        ]
    );
    let branch = &list.buyers[1];
    assert_eq!(branch.establishment, Establishment::Branch);
    assert_eq!(branch.head_office_id.as_deref(), Some(EASY));
    assert_eq!(branch.address.street, None);

    let empty =
        coface::parse_company_list(200, &response("search_by_identifier.response.empty")).unwrap();
    assert!(empty.buyers.is_empty());
    assert_eq!(empty.total, 0);

    let refused =
        coface::parse_company_list(401, &response("search_by_identifier.response.unauthorized"))
            .unwrap_err();
    assert_eq!(
        refused,
        InsurerError::Unauthorized {
            status: 401,
            message: "Unauthorized".into()
        }
    );
}

// ------------------------------------------------------------------ portfolio

#[test]
fn portfolio_request_with_every_filter() {
    let filter = PortfolioFilter {
        easy_number: Some(EASY.into()),
        customer_reference: Some(" ACME-42 ".into()),
        order_id: Some("ORD-1001".into()),
        delivery_id: Some("DLV-2002".into()),
        decided_until: Some("2020-07-01".into()),
        product_code: Some("creditlimit".into()),
        country: Some(Country::parse("FR").unwrap()),
    };
    let built = coface::portfolio_request(&filter).unwrap();
    assert_golden(&built, "portfolio", "portfolio.list");
}

#[test]
fn portfolio_typical() {
    let portfolio = coface::parse_portfolio(200, &response("portfolio.response.typical")).unwrap();
    assert_eq!(portfolio.companies, 2);
    let [limit, score, unknown] = &portfolio.decisions[..] else {
        panic!("three decisions expected: {:?}", portfolio.decisions)
    };
    assert_eq!(
        limit,
        &Decision {
            insurer: Insurer::Coface,
            id: "DLV-2002".into(),
            buyer_id: EASY.into(),
            buyer_name: Some("Société Dupont SAS".into()),
            buyer_identifiers: vec![easy(EASY), ident("fr.siren", "552032534")],
            product: "CREDITLIMIT".into(),
            requested: eur(10_000_000),
            granted: eur(7_500_050),
            status: report(
                "coface.delivery",
                "DECIDED_PARTIAL",
                Some(Status::Decided(Outcome::Partial))
            ),
            applied_on: Some("2024-03-01".into()),
            decided_on: Some("2024-03-04".into()),
            effective_from: Some("2024-03-04".into()),
            expires_on: None,
            customer_reference: Some("ACME-42".into()),
            order_id: Some("ORD-1001".into()),
            conditions: strings(&["Payment terms up to 60 days", "C12: Retention of title"]),
        }
    );
    assert_eq!(score.id, "ORD-1003");
    assert_eq!(score.product, "SCOREMON");
    assert_eq!(
        score.status,
        report(
            "coface.order",
            "STATUS_PENDING_UNDERWRITING",
            Some(Status::Pending(PendingReason::Underwriting))
        )
    );
    assert_eq!((score.requested, score.granted), (None, None));
    assert_eq!(score.customer_reference.as_deref(), Some("ACME-42"));
    assert_eq!(score.applied_on.as_deref(), Some("2024-05-10"));

    assert_eq!(unknown.buyer_id, "Z000000012345");
    assert_eq!(unknown.id, "1004");
    assert_eq!(unknown.order_id.as_deref(), Some("1004"));
    assert_eq!(unknown.requested, usd(25_000_000));
    assert_eq!(
        unknown.status.status,
        Some(Status::Pending(PendingReason::Identification))
    );
    assert_eq!(unknown.buyer_identifiers, [easy("Z000000012345")]);
    assert_eq!(unknown.customer_reference, None);
}

#[test]
fn portfolio_edges() {
    let empty = coface::parse_portfolio(200, &response("portfolio.response.empty")).unwrap();
    assert!(empty.decisions.is_empty());
    assert_eq!(empty.companies, 0);

    let edge = coface::parse_portfolio(200, &response("portfolio.response.edge")).unwrap();
    assert_eq!(edge.companies, 2, "no count: the companies returned");
    let [ecl, cco] = &edge.decisions[..] else {
        panic!("two decisions expected: {:?}", edge.decisions)
    };
    assert_eq!(
        ecl.status,
        report("coface.delivery", "UNDER_REVIEW_BY_MARS", None)
    );
    assert_eq!((ecl.requested, ecl.granted), (None, None));
    assert_eq!(ecl.expires_on.as_deref(), Some("2025-12-31"));
    assert_eq!(ecl.buyer_name.as_deref(), Some("Müller GmbH"));
    assert_eq!(cco.id, "ORD-11");
    assert_eq!(cco.status, report("coface.order", "", None));
    assert!(cco.conditions.is_empty());

    let malformed =
        coface::parse_portfolio(200, &response("portfolio.response.malformed")).unwrap_err();
    assert_eq!(malformed.code(), "insurer.malformed");
    assert_eq!(
        coface::parse_portfolio(503, b"<html>busy</html>").unwrap_err(),
        InsurerError::Unavailable { status: 503 }
    );
}

// ------------------------------------------------------------------ customer references

#[test]
fn customer_reference_requests() {
    assert_golden(
        &coface::customer_references_request(),
        "customer_references",
        "customer_reference.list",
    );
    let set = coface::set_customer_reference_request(EASY, " ACME-42 ").unwrap();
    assert_golden(&set, "set_customer_reference", "customer_reference.set");
    let erase = coface::set_customer_reference_request(EASY, "").unwrap();
    assert_golden(&erase, "erase_customer_reference", "customer_reference.set");
}

#[test]
fn customer_reference_responses() {
    let typical =
        coface::parse_customer_references(200, &response("customer_references.response.typical"))
            .unwrap();
    assert_eq!(typical.len(), 2);
    assert_eq!(typical[0].easy_number, EASY);
    assert_eq!(
        typical[0].company_name.as_deref(),
        Some("Société Dupont SAS")
    );
    assert_eq!(typical[0].customer_reference, "ACME-42");
    assert_eq!(typical[1].easy_number, "0098765432101200000");
    assert_eq!(typical[1].company_name, None);
    assert_eq!(typical[1].customer_reference, "MUE-7");

    let edge =
        coface::parse_customer_references(200, &response("customer_references.response.edge"))
            .unwrap();
    assert_eq!(edge.len(), 1, "an erased (blank) reference is not listed");
    assert_eq!(edge[0].easy_number, "0011111111111100000");
    assert_eq!(edge[0].customer_reference, "X-1");
    assert_eq!(edge[0].company_name, None);

    let empty =
        coface::parse_customer_references(200, &response("customer_references.response.empty"))
            .unwrap();
    assert!(empty.is_empty());

    assert_eq!(
        coface::parse_set_customer_reference(
            200,
            &response("set_customer_reference.response.typical")
        ),
        Ok(())
    );
    assert_eq!(
        coface::parse_set_customer_reference(
            404,
            &response("set_customer_reference.response.error")
        ),
        Err(InsurerError::Rejected {
            status: 404,
            code: "CompanyNotInPortfolio".into(),
            message: "The company is not in your portfolio".into()
        })
    );
}

// ------------------------------------------------------------------ catalog and deletion

#[test]
fn catalog_request_and_responses() {
    assert_golden(
        &coface::catalog_request(EASY).unwrap(),
        "catalog",
        "catalog.get",
    );

    let catalog = coface::parse_catalog(200, &response("catalog.response.typical")).unwrap();
    assert_eq!(catalog.easy_number.as_deref(), Some(EASY));
    let codes: Vec<&str> = catalog
        .products
        .iter()
        .map(|product| product.product_code.as_str())
        .collect();
    assert_eq!(codes, ["CREDITLIMIT", "SCOREMON", "ARATINGMON", "ECL"]);
    let limit = catalog.product("CREDITLIMIT").unwrap();
    assert_eq!(limit.label.as_deref(), Some("Credit limit"));
    assert_eq!(
        limit.actions,
        [ActionCode::Updt, ActionCode::Change, ActionCode::Dele]
    );
    assert_eq!(limit.last_delivery_id.as_deref(), Some("DLV-2002"));
    assert_eq!(limit.last_order_id.as_deref(), Some("ORD-1001"));
    assert_eq!(limit.last_external_id, None);
    let scoremon = catalog.product("SCOREMON").unwrap();
    assert_eq!(scoremon.actions, [ActionCode::Stop]);
    assert_eq!(scoremon.last_external_id.as_deref(), Some("EXT-77"));
    let ecl = catalog.product("ECL").unwrap();
    assert_eq!(ecl.actions, [ActionCode::Crea]);
    assert_eq!(ecl.last_delivery_id, None);

    let edge = coface::parse_catalog(200, &response("catalog.response.edge")).unwrap();
    assert_eq!(edge.easy_number, None);
    let cco = &edge.products[0];
    assert_eq!(cco.label.as_deref(), Some("Customised credit opinion"));
    assert_eq!(
        cco.actions,
        [ActionCode::Crea, ActionCode::Other("SUSPEND".into())]
    );
    assert_eq!(cco.actions[1].to_string(), "SUSPEND");
    assert_eq!(cco.last_delivery_id.as_deref(), Some("12345"));
    assert_eq!(cco.last_order_id, None);

    let empty = coface::parse_catalog(200, &response("catalog.response.empty")).unwrap();
    assert!(empty.products.is_empty());
}

#[test]
fn deletion_follows_the_catalog() {
    let catalog = coface::parse_catalog(200, &response("catalog.response.typical")).unwrap();
    let built = coface::delete_request(EASY, &catalog, "CREDITLIMIT").unwrap();
    assert_golden(&built, "delete", "product.delete");
    // SCOREMON's catalog action code is STOP: it may be deleted.
    assert_eq!(
        coface::delete_request(EASY, &catalog, "SCOREMON")
            .unwrap()
            .path,
        "/companies/0012345678904700000/products/DLV-3003"
    );
    // ARATINGMON still runs (UPDT): stop it first.
    assert_eq!(
        coface::delete_request(EASY, &catalog, "ARATINGMON").unwrap_err(),
        coface::CofaceRequestError::StopFirst {
            product_code: "ARATINGMON".into()
        }
    );
    assert_golden(
        &coface::stop_request(EASY, "ARATINGMON").unwrap(),
        "stop",
        "product.order",
    );
    // ECL was never decided: no deliveryId, no deletion.
    assert_eq!(
        coface::delete_request(EASY, &catalog, "ECL").unwrap_err(),
        coface::CofaceRequestError::NoDeliveryId {
            product_code: "ECL".into()
        }
    );
    assert_eq!(
        coface::delete_request(EASY, &catalog, "TOPLINER")
            .unwrap_err()
            .code(),
        "coface.not_in_catalog"
    );

    assert_eq!(
        coface::parse_delete_response(200, &response("delete.response.typical")),
        Ok(())
    );
    assert_eq!(
        coface::parse_delete_response(400, &response("delete.response.error")),
        Err(InsurerError::Rejected {
            status: 400,
            code: "DeletionNotAllowed".into(),
            message: "The product must be stopped first".into()
        })
    );
}

// ------------------------------------------------------------------ orders

fn application(buyer: ApplicationBuyer, minor: i64, currency: Currency) -> CoverApplication {
    CoverApplication {
        insurer: Insurer::Coface,
        buyer,
        cover_type: CoverType::CreditLimit,
        amount: Money::from_minor(minor, currency),
        customer_reference: None,
        urgent: false,
        policy: None,
        comment: None,
        callback: None,
        idempotency_key: "order-key-0001".into(),
    }
}

fn known() -> ApplicationBuyer {
    ApplicationBuyer::Known {
        insurer_id: EASY.into(),
    }
}

#[test]
fn order_requests() {
    let mut first = application(known(), 5_000_000, Currency::EUR);
    first.customer_reference = Some("ACME-42".into());
    first.comment = Some("New distributor".into());
    let built = coface::order_request(
        &first,
        "CREDITLIMIT",
        &ActionCode::Crea,
        ProductResource::Products,
    )
    .unwrap();
    assert_golden(&built, "order", "product.order");

    let topliner = application(known(), 125_075, Currency::EUR);
    let built = coface::order_request(
        &topliner,
        "topliner",
        &ActionCode::Updt,
        ProductResource::TopLiner,
    )
    .unwrap();
    assert_golden(&built, "order_topliner", "product.order_topliner");

    let mut awaiting = application(known(), 3_000_000, Currency::CHF);
    awaiting.customer_reference = Some("PRE-SHIP-1".into());
    let built = coface::order_request(
        &awaiting,
        "CREDITLIMIT",
        &ActionCode::Change,
        ProductResource::AwaitingDeliveriesManufacturing,
    )
    .unwrap();
    assert_golden(
        &built,
        "order_awaiting_deliveries_manufacturing",
        "product.order_awaiting_deliveries_manufacturing",
    );
}

#[test]
fn unknown_company_request() {
    let buyer = ApplicationBuyer::Unknown {
        name: "Acme Corp".into(),
        address: Address {
            street: Some("1 Main St".into()),
            postcode: Some("12207".into()),
            town: Some("Albany".into()),
            region: Some("NY".into()),
            country: Country::parse("US").unwrap(),
        },
        identifiers: vec![
            validate_identifier(IdentifierKind::UsEin, "12-3456789").unwrap(),
            validate_identifier(IdentifierKind::Duns, "12-345-6789").unwrap(),
        ],
        phone: Some("+1 518 555 0100".into()),
    };
    let built = coface::order_request(
        &application(buyer, 10_000_000, Currency::USD),
        "CREDITLIMIT",
        &ActionCode::Crea,
        ProductResource::Products,
    )
    .unwrap();
    assert_golden(
        &built,
        "order_unknown_company",
        "product.order_unknown_company",
    );
}

#[test]
fn order_answers() {
    let pending = coface::parse_order_response(201, &response("order.response.typical")).unwrap();
    assert!(pending.rejection_reasons.is_empty());
    assert!(!pending.is_rejected());
    assert!(!pending.has_temporary_easy_number());
    let decision = &pending.decision;
    assert_eq!(decision.id, "ORD-1005");
    assert_eq!(decision.order_id.as_deref(), Some("ORD-1005"));
    assert_eq!(decision.buyer_id, EASY);
    assert_eq!(decision.buyer_name.as_deref(), Some("Société Dupont SAS"));
    assert_eq!(decision.product, "CREDITLIMIT");
    assert_eq!(decision.requested, eur(5_000_000));
    assert_eq!(decision.granted, None);
    assert_eq!(decision.applied_on.as_deref(), Some("2024-06-01"));
    assert_eq!(decision.customer_reference.as_deref(), Some("ACME-42"));
    assert_eq!(
        decision.status,
        report(
            "coface.order",
            "STATUS_PENDING_UNDERWRITING",
            Some(Status::Pending(PendingReason::Underwriting))
        )
    );

    let rejected = coface::parse_order_response(200, &response("order.response.rejected")).unwrap();
    assert!(rejected.is_rejected());
    assert_eq!(
        rejected.decision.status.status,
        Some(Status::Decided(Outcome::Refused))
    );
    assert_eq!(rejected.decision.requested, eur(5_000_000));
    assert_eq!(
        rejected.rejection_reasons,
        [
            coface::RejectionReason {
                code: "RJ042".into(),
                label: Some("Product not allowed by the contract".into())
            },
            coface::RejectionReason {
                code: "RJ007".into(),
                label: None
            },
        ]
    );

    let decided = coface::parse_order_response(200, &response("order.response.decided")).unwrap();
    assert_eq!(decided.decision.id, "DLV-5005");
    assert_eq!(decided.decision.order_id.as_deref(), Some("ORD-1007"));
    assert_eq!(
        decided.decision.status,
        report(
            "coface.delivery",
            "DECIDED_FULL",
            Some(Status::Decided(Outcome::Full))
        )
    );
    assert_eq!(decided.decision.granted, eur(5_000_000));
    assert_eq!(decided.decision.decided_on.as_deref(), Some("2024-06-01"));
    assert!(!decided.is_rejected());
}

#[test]
fn unknown_company_answers() {
    let typical =
        coface::parse_order_response(201, &response("order_unknown_company.response.typical"))
            .unwrap();
    assert!(typical.has_temporary_easy_number());
    assert_eq!(typical.decision.buyer_id, "Z000000012345");
    assert_eq!(typical.decision.id, "ORD-1008");
    assert_eq!(typical.decision.requested, usd(10_000_000));
    assert_eq!(
        typical.decision.status,
        report(
            "coface.order",
            "STATUS_PENDING_DEBTOR_VALIDATION",
            Some(Status::Pending(PendingReason::Identification))
        )
    );

    let edge = coface::parse_order_response(201, &response("order_unknown_company.response.edge"))
        .unwrap();
    assert_eq!(edge.decision.buyer_id, "Z000000012346");
    assert_eq!(edge.decision.id, "1009");
    assert_eq!(edge.decision.product, "");
    assert_eq!(
        edge.decision.status,
        report(
            "coface.order",
            "",
            Some(Status::Pending(PendingReason::Identification))
        )
    );

    assert_eq!(
        coface::parse_order_response(400, &response("order_unknown_company.response.error"))
            .unwrap_err(),
        InsurerError::Rejected {
            status: 400,
            code: "InvalidCompany".into(),
            message: "companyName is required".into()
        }
    );
}

// ------------------------------------------------------------------ delivery and order details

#[test]
fn delivery_details() {
    let built = coface::delivery_details_request(EASY, "EXT-88").unwrap();
    assert_golden(&built, "delivery", "delivery.get");

    let typical =
        coface::parse_delivery_details(200, &response("delivery.response.typical")).unwrap();
    assert_eq!(
        typical,
        Decision {
            insurer: Insurer::Coface,
            id: "DLV-2002".into(),
            buyer_id: EASY.into(),
            buyer_name: Some("Société Dupont SAS".into()),
            buyer_identifiers: vec![easy(EASY)],
            product: "CREDITLIMIT".into(),
            requested: eur(10_000_000),
            granted: eur(7_500_050),
            status: report(
                "coface.delivery",
                "DECIDED_PARTIAL",
                Some(Status::Decided(Outcome::Partial))
            ),
            applied_on: Some("2024-03-01".into()),
            decided_on: Some("2024-03-04".into()),
            effective_from: Some("2024-03-04".into()),
            expires_on: Some("2025-03-04".into()),
            customer_reference: Some("ACME-42".into()),
            order_id: Some("ORD-1001".into()),
            conditions: strings(&["C12: Retention of title"]),
        }
    );

    let unknown =
        coface::parse_delivery_details(200, &response("delivery.response.unknown_status")).unwrap();
    assert_eq!(
        unknown.status,
        report("coface.delivery", "ARCHIVED_ON_MARS", None)
    );
    assert_eq!(unknown.product, "ARATING");
    assert_eq!(unknown.order_id, None);
    assert_eq!(unknown.buyer_name, None);
    assert_eq!((unknown.requested, unknown.granted), (None, None));

    let strings_edge =
        coface::parse_delivery_details(200, &response("delivery.response.strings")).unwrap();
    assert_eq!(strings_edge.status.status, Some(Status::Withdrawn));
    assert_eq!(strings_edge.status.raw.code, "UNDER_WITHDRAWAL");
    assert_eq!(strings_edge.granted, eur(3_000_000));
    assert_eq!(strings_edge.requested, None);
    assert_eq!(strings_edge.expires_on.as_deref(), Some("2024-09-30"));
    assert!(strings_edge.conditions.is_empty());

    assert_eq!(
        coface::parse_delivery_details(200, &response("delivery.response.malformed"))
            .unwrap_err()
            .code(),
        "insurer.malformed",
        "a delivery without productCode"
    );
}

#[test]
fn order_details() {
    let built = coface::order_details_request("Z000000012345", "ORD-1008").unwrap();
    assert_golden(&built, "order_details", "order.get");

    let closed =
        coface::parse_order_details(200, &response("order_details.response.typical")).unwrap();
    assert_eq!(closed.decision.id, "DLV-2002");
    assert_eq!(
        closed.decision.status,
        report(
            "coface.delivery",
            "DECIDED_PARTIAL",
            Some(Status::Decided(Outcome::Partial))
        )
    );
    assert_eq!(closed.decision.granted, eur(7_500_050));

    let pending =
        coface::parse_order_details(200, &response("order_details.response.pending")).unwrap();
    assert!(pending.has_temporary_easy_number());
    assert_eq!(
        pending.decision.status,
        report(
            "coface.order",
            "STATUS_PENDING_COMPLEMENTARY_INFORMATION",
            Some(Status::Pending(PendingReason::ComplementaryInformation))
        )
    );

    let bare = coface::parse_order_details(
        200,
        &response("order_details.response.closed_without_delivery"),
    )
    .unwrap();
    assert_eq!(bare.decision.id, "ORD-1010");
    assert_eq!(
        bare.decision.status,
        report("coface.order", "STATUS_CLOSED", None)
    );
}

// ------------------------------------------------------------------ temporary EASY numbers

#[test]
fn the_final_decision_replaces_the_temporary_row() {
    let answer =
        coface::parse_order_response(201, &response("order_unknown_company.response.typical"))
            .unwrap();
    let mut tracked = vec![
        coface::parse_delivery_details(200, &response("delivery.response.typical")).unwrap(),
        answer.decision.clone(),
    ];
    let definitive = Decision {
        insurer: Insurer::Coface,
        id: "DLV-9100".into(),
        buyer_id: "0055555555555500000".into(),
        buyer_name: None,
        buyer_identifiers: vec![easy("0055555555555500000")],
        product: "CREDITLIMIT".into(),
        requested: None,
        granted: usd(8_000_000),
        status: report(
            "coface.delivery",
            "DECIDED_PARTIAL",
            Some(Status::Decided(Outcome::Partial)),
        ),
        applied_on: None,
        decided_on: Some("2024-06-20".into()),
        effective_from: Some("2024-06-20".into()),
        expires_on: None,
        customer_reference: None,
        order_id: Some("ORD-1008".into()),
        conditions: Vec::new(),
    };
    let reconciliation = coface::reconcile_temporary(&tracked, &definitive).unwrap();
    assert_eq!(reconciliation.index, 1);
    assert_eq!(reconciliation.temporary_easy_number, "Z000000012345");
    assert_eq!(reconciliation.linked_by, coface::LinkedBy::OrderId);
    let replacement = &reconciliation.decision;
    assert_eq!(replacement.buyer_id, "0055555555555500000");
    assert_eq!(replacement.id, "DLV-9100");
    assert_eq!(
        replacement.requested,
        usd(10_000_000),
        "kept from the order"
    );
    assert_eq!(replacement.granted, usd(8_000_000));
    assert_eq!(replacement.buyer_name.as_deref(), Some("Acme Corp"));
    assert_eq!(
        replacement.buyer_identifiers,
        [easy("0055555555555500000")],
        "the temporary EASY number is not kept"
    );
    reconciliation.apply(&mut tracked);
    assert_eq!(tracked[1].buyer_id, "0055555555555500000");
    assert_eq!(tracked[0].id, "DLV-2002", "other rows untouched");
    assert_eq!(coface::reconcile_temporary(&tracked, &definitive), None);
}
