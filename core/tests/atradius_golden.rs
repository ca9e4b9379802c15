//! Golden tests of the Atradius operations: each builder against an exact request fixture, each
//! parser against typical and edge answers, asserted field by field. Fixtures are in
//! `tests/fixtures/atradius/`; their expectations come from the reference, not from the code.
#![cfg(feature = "atradius")]

use std::path::PathBuf;

use tradecover_core::atradius::{
    self, ActionOutcome, AtradiusCredentials, AtradiusPolicy, CoverAction, CoverFilter,
    CoverModification, DateFilter, HealthChange, MyBuyersFilter,
};
use tradecover_core::buyer::{Address, Buyer, Establishment, Identifier};
use tradecover_core::cover_application::{ApplicationBuyer, CoverApplication, CoverType};
use tradecover_core::currency::Currency;
use tradecover_core::decision::Decision;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::lifecycle::{Outcome, PendingReason, RawStatus, Status, StatusReport};
use tradecover_core::money::Money;
use tradecover_core::{Country, HttpRequest, Insurer, InsurerError};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/atradius")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A request fixture: the exact request the builder must produce.
fn expected_request(operation: &str) -> HttpRequest {
    serde_json::from_str(&fixture(&format!("{operation}.request.json")))
        .unwrap_or_else(|e| panic!("{operation}.request.json: {e}"))
}

/// A response fixture: `{"status", "headers"?, "body": <json>}` or `{"status", "raw": "<text>"}`.
fn response(name: &str) -> HttpResponse {
    let value: serde_json::Value =
        serde_json::from_str(&fixture(&format!("{name}.response.json"))).unwrap();
    let status = value["status"].as_u64().unwrap() as u16;
    let body = match value.get("raw") {
        Some(raw) => raw.as_str().unwrap().as_bytes().to_vec(),
        None => serde_json::to_vec(&value["body"]).unwrap(),
    };
    let mut response = HttpResponse::new(status, body);
    if let Some(headers) = value.get("headers").and_then(|h| h.as_array()) {
        for header in headers {
            response =
                response.with_header(header[0].as_str().unwrap(), header[1].as_str().unwrap());
        }
    }
    response
}

fn policy() -> AtradiusPolicy {
    AtradiusPolicy {
        customer_id: 10_000_001,
        policy_id: "POL-000123".into(),
    }
}

fn eur(major: i64) -> Option<Money> {
    Some(Money::from_minor(major * 100, Currency::EUR))
}

fn country(alpha2: &str) -> Country {
    Country::from_alpha2(alpha2).unwrap()
}

fn id(kind: &str, value: &str) -> Identifier {
    Identifier {
        kind: kind.into(),
        value: value.into(),
    }
}

fn report(status: Option<Status>, scheme: &str, code: &str) -> StatusReport {
    StatusReport {
        status,
        raw: RawStatus::new(scheme, code),
    }
}

fn application(
    buyer: &str,
    cover_type: CoverType,
    amount: Money,
    reference: Option<&str>,
) -> CoverApplication {
    CoverApplication {
        insurer: Insurer::Atradius,
        buyer: ApplicationBuyer::Known {
            insurer_id: buyer.into(),
        },
        cover_type,
        amount,
        customer_reference: reference.map(str::to_owned),
        urgent: false,
        policy: None,
        comment: None,
        callback: None,
        idempotency_key: "idem-key-0001".into(),
    }
}

fn limit_application() -> CoverApplication {
    application(
        "11223344",
        CoverType::CreditLimit,
        Money::from_minor(5_000_000, Currency::EUR),
        Some("OUR-REF-1"),
    )
}

/// A decision with every optional field empty, to be filled by each test.
fn decision(id: &str, buyer_id: &str, status: StatusReport) -> Decision {
    Decision {
        insurer: Insurer::Atradius,
        id: id.into(),
        buyer_id: buyer_id.into(),
        buyer_name: None,
        buyer_identifiers: Vec::new(),
        product: String::new(),
        requested: None,
        granted: None,
        status,
        applied_on: None,
        decided_on: None,
        effective_from: None,
        expires_on: None,
        customer_reference: None,
        order_id: None,
        conditions: Vec::new(),
    }
}

// ---- Token ----

#[test]
fn token_request_is_golden() {
    let credentials = AtradiusCredentials {
        client_id: "tc-client-01".into(),
        client_secret: "s3cr3t-Val!".into(),
        app_key: "app-key-7f3a".into(),
    };
    let correlation = atradius::correlation_id(std::array::from_fn(|i| i as u8));
    assert_eq!(correlation, "00010203-0405-4607-8809-0a0b0c0d0e0f");
    assert_eq!(
        atradius::token_request(&credentials, &correlation),
        expected_request("token")
    );
    assert_eq!(
        atradius::correlation_id([0xde, 0xad, 0xbe, 0xef].repeat(4).try_into().unwrap()),
        "deadbeef-dead-4eef-9ead-beefdeadbeef"
    );
}

#[test]
fn token_answers() {
    let now = 1_790_000_000;
    let token = atradius::parse_token_response(&response("token.typical"), now).unwrap();
    assert_eq!(token.usable_until(), now + 1800 - 60);
    let credentials = AtradiusCredentials {
        client_id: "c".into(),
        client_secret: "s".into(),
        app_key: "app-key-7f3a".into(),
    };
    let headers = atradius::auth_headers(&token, &credentials, "corr-1");
    assert_eq!(
        headers,
        [
            (
                "Authorization",
                "Bearer eyJhbGciOiJSUzI1NiJ9.sandbox.sig".to_owned()
            ),
            ("Atradius-App-Key", "app-key-7f3a".to_owned()),
            ("Atradius-Correlation-Id", "corr-1".to_owned()),
        ]
    );

    let legacy = atradius::parse_token_response(&response("token.legacy"), now).unwrap();
    assert_eq!(legacy.usable_until(), now + 3600 - 60);
    assert_eq!(
        atradius::auth_headers(&legacy, &credentials, "x")[0].1,
        "Bearer legacy-v1-token"
    );

    assert_eq!(
        atradius::parse_token_response(&response("token.refused"), now),
        Err(InsurerError::Unauthorized {
            status: 403,
            message: "Invalid client credentials".into()
        })
    );
}

// ---- Buyers ----

#[test]
fn buyer_search_request_is_golden() {
    let siren = id("fr.siren", "552 032 534");
    assert_eq!(
        atradius::buyer_search_request(country("FR"), &siren).unwrap(),
        expected_request("buyer_search")
    );
}

#[test]
fn buyer_search_typical() {
    let buyers =
        atradius::parse_buyer_list(&response("buyer_search.typical"), Some(country("FR"))).unwrap();
    assert_eq!(
        buyers,
        [Buyer {
            insurer: Insurer::Atradius,
            insurer_id: "11223344".into(),
            name: "Société Exemple SA".into(),
            address: Address {
                street: Some("12 rue de la Paix, Bâtiment B".into()),
                postcode: Some("75002".into()),
                town: Some("Paris".into()),
                region: None,
                country: country("FR"),
            },
            identifiers: vec![
                id("atradius.buyer_id", "11223344"),
                id("fr.siren", "552032534"),
                id("fr.vat", "FR27552032534"),
            ],
            establishment: Establishment::HeadOffice,
            head_office_id: None,
        }]
    );
    assert!(buyers[0].can_request_cover());
}

#[test]
fn buyer_search_minimal_and_no_match() {
    let buyers =
        atradius::parse_buyer_list(&response("buyer_search.minimal"), Some(country("FR"))).unwrap();
    assert_eq!(buyers.len(), 1);
    let buyer = &buyers[0];
    assert_eq!(buyer.insurer_id, "0099887766");
    assert_eq!(buyer.name, "");
    assert_eq!(
        buyer.address,
        Address {
            street: None,
            postcode: None,
            town: None,
            region: None,
            country: country("FR"),
        }
    );
    assert_eq!(
        buyer.identifiers,
        [
            id("atradius.buyer_id", "0099887766"),
            id("fr.siren", "552032534"),
            id("other.atradius_zz", "AB12"),
        ]
    );
    // Without the searched country, a buyer with no address cannot be placed.
    assert_eq!(
        atradius::parse_buyer_list(&response("buyer_search.minimal"), None)
            .unwrap_err()
            .code(),
        "insurer.malformed"
    );
    assert_eq!(
        atradius::parse_buyer_list(&response("buyer_search.no_match"), Some(country("FR"))),
        Ok(Vec::new())
    );
}

#[test]
fn buyer_detail_request_is_golden() {
    assert_eq!(
        atradius::buyer_detail_request("11223344").unwrap(),
        expected_request("buyer_detail")
    );
}

#[test]
fn buyer_detail_answers() {
    let buyer = atradius::parse_buyer_detail(&response("buyer_detail.typical")).unwrap();
    assert_eq!(buyer.insurer_id, "11223344");
    assert_eq!(buyer.name, "Beispiel GmbH");
    assert_eq!(
        buyer.address,
        Address {
            street: Some("Hohenzollernring 1".into()),
            postcode: Some("50672".into()),
            town: Some("Köln".into()),
            region: Some("NRW".into()),
            country: country("DE"),
        }
    );
    assert_eq!(
        buyer.identifiers,
        [
            id("atradius.buyer_id", "11223344"),
            id("de.vat", "DE136695976"),
            id("de.hr", "HRB12345@KOELN"),
        ]
    );
    assert_eq!(
        atradius::parse_buyer_detail(&response("buyer_detail.not_found")),
        Err(InsurerError::Rejected {
            status: 404,
            code: "buyerId".into(),
            message: "Buyer not found".into()
        })
    );
    assert_eq!(
        atradius::parse_buyer_detail(&response("buyer_detail.empty"))
            .unwrap_err()
            .code(),
        "insurer.malformed"
    );
}

#[test]
fn my_buyers_request_is_golden() {
    let filter = MyBuyersFilter {
        health_change: Some(HealthChange::Down),
        rating_updated_after: None,
        rating_updated_before: DateFilter::parse("2026-08-31T12:00:00"),
    };
    assert_eq!(
        atradius::my_buyers_request(&policy(), &filter).unwrap(),
        expected_request("my_buyers")
    );
}

#[test]
fn my_buyers_answers() {
    let buyers = atradius::parse_buyer_list(&response("my_buyers.typical"), None).unwrap();
    assert_eq!(buyers.len(), 2);
    assert_eq!(buyers[0].insurer_id, "11223344");
    assert_eq!(buyers[0].name, "Société Exemple SA");
    assert_eq!(buyers[0].address.town.as_deref(), Some("Paris"));
    assert_eq!(buyers[0].address.country, country("FR"));
    assert_eq!(buyers[0].identifiers, [id("atradius.buyer_id", "11223344")]);
    assert_eq!(buyers[1].insurer_id, "55667788");
    assert_eq!(buyers[1].name, "Voorbeeld BV");
    assert_eq!(buyers[1].address.postcode.as_deref(), Some("1012 AB"));
    assert_eq!(buyers[1].address.country, country("NL"));
    assert_eq!(
        buyers[1].identifiers,
        [
            id("atradius.buyer_id", "55667788"),
            id("nl.vat", "NL004495445B01"),
        ]
    );
    assert_eq!(
        atradius::parse_buyer_list(&response("my_buyers.empty"), None),
        Ok(Vec::new())
    );
}

// ---- Cover lists ----

#[test]
fn cover_list_requests_are_golden() {
    let filter = CoverFilter {
        buyer_id: Some("11223344".into()),
        cover_type: Some(CoverType::CreditLimit),
    };
    assert_eq!(
        atradius::covers_request(&policy(), &filter).unwrap(),
        expected_request("covers")
    );
    assert_eq!(
        atradius::decisions_request(
            &policy(),
            &CoverFilter::default(),
            DateFilter::parse("2026-08-01T06:30:00")
        )
        .unwrap(),
        expected_request("decisions")
    );
    let buyer_only = CoverFilter {
        buyer_id: Some("11223344".into()),
        cover_type: None,
    };
    assert_eq!(
        atradius::applications_request(&policy(), &buyer_only).unwrap(),
        expected_request("applications")
    );
    let indications = CoverFilter {
        buyer_id: None,
        cover_type: Some(CoverType::Indication),
    };
    assert_eq!(
        atradius::historic_request(&policy(), &indications).unwrap(),
        expected_request("historic")
    );
}

#[test]
fn covers_typical() {
    let decisions = atradius::parse_cover_list(&response("covers.typical")).unwrap();
    let mut first = decision(
        "900001",
        "11223344",
        report(
            Some(Status::Decided(Outcome::Full)),
            "atradius.decisionCode",
            "DC01",
        ),
    );
    first.buyer_name = Some("Société Exemple SA".into());
    first.buyer_identifiers = vec![id("fr.siren", "552032534")];
    first.product = "credit-limit".into();
    first.requested = eur(50_000);
    first.granted = eur(50_000);
    first.applied_on = Some("2026-08-20".into());
    first.decided_on = Some("2026-08-21".into());
    first.effective_from = Some("2026-08-21".into());
    first.customer_reference = Some("OUR-REF-1".into());
    first.conditions = vec!["Payment terms up to 60 days.".into()];

    let mut second = decision(
        "900002",
        "55667788",
        report(
            Some(Status::Decided(Outcome::Partial)),
            "atradius.decisionCode",
            "DC02",
        ),
    );
    second.product = "credit-check".into();
    second.granted = eur(7_000);
    second.decided_on = Some("2026-07-01".into());
    second.customer_reference = Some("4711".into());

    assert_eq!(decisions, [first, second]);
}

#[test]
fn covers_edge() {
    let decisions = atradius::parse_cover_list(&response("covers.edge")).unwrap();
    assert_eq!(decisions.len(), 4);

    // Unknown decision code: shown raw, no neutral status, never guessed from amounts.
    let unknown = &decisions[0];
    assert_eq!(unknown.id, "900010");
    assert_eq!(
        unknown.status,
        report(None, "atradius.decisionCode", "DC99")
    );
    assert_eq!(unknown.requested, eur(100_000));
    assert_eq!(unknown.granted, None);
    assert_eq!(unknown.applied_on, None);
    assert_eq!(unknown.decided_on, None);
    assert!(unknown.conditions.is_empty());

    // A cancellation (by the customer) pending on a cover in force: under withdrawal.
    let pending = &decisions[1];
    assert_eq!(pending.id, "900011");
    assert_eq!(pending.buyer_id, "11223345");
    assert_eq!(pending.product, "start-cover");
    assert_eq!(
        pending.status,
        report(
            Some(Status::Withdrawn),
            "atradius.pendingProcessIndicator",
            "C"
        )
    );
    let gbp = Currency::GBP;
    assert_eq!(pending.requested, Some(Money::from_minor(2_500_000, gbp)));
    assert_eq!(pending.granted, Some(Money::from_minor(2_500_000, gbp)));
    assert_eq!(pending.expires_on.as_deref(), Some("2026-12-31"));

    // An unknown cover status.
    let other = &decisions[2];
    assert_eq!(
        other.status,
        report(None, "atradius.coverStatus", "PENDING-REVIEW")
    );
    assert_eq!((other.requested, other.granted), (None, None));
    assert_eq!(other.product, "");

    // Pre-notified withdrawal: under cancellation; the withdrawal date is the expiry; yen.
    let withdrawn = &decisions[3];
    assert_eq!(
        withdrawn.status,
        report(Some(Status::Cancelled), "atradius.decisionCode", "DC21")
    );
    assert_eq!(
        withdrawn.granted,
        Some(Money::from_minor(5_000_000, Currency::JPY))
    );
    assert_eq!(withdrawn.expires_on.as_deref(), Some("2026-09-30"));
}

#[test]
fn decisions_answers() {
    let decisions = atradius::parse_cover_list(&response("decisions.typical")).unwrap();
    let mut expected = decision(
        "900020",
        "11223344",
        report(
            Some(Status::Decided(Outcome::Partial)),
            "atradius.decisionCode",
            "DC04",
        ),
    );
    expected.product = "credit-limit".into();
    expected.requested = eur(100_000);
    expected.granted = eur(60_000);
    expected.applied_on = Some("2026-08-01".into());
    expected.decided_on = Some("2026-08-03".into());
    expected.effective_from = Some("2026-08-03".into());
    // The first amount's expiry is followed by a second amount: not the decision's expiry.
    expected.expires_on = None;
    expected.conditions = vec!["Latest accounts requested".into(), "X9".into()];
    assert_eq!(decisions, [expected]);

    assert_eq!(
        atradius::parse_cover_list(&response("decisions.empty")),
        Ok(Vec::new())
    );
}

#[test]
fn applications_answers() {
    let decisions = atradius::parse_cover_list(&response("applications.typical")).unwrap();
    let mut expected = decision(
        "900030",
        "11223344",
        report(
            Some(Status::Pending(PendingReason::Underwriting)),
            "atradius.coverStatus",
            "REFERRED",
        ),
    );
    expected.product = "credit-limit".into();
    expected.requested = eur(150_000);
    expected.applied_on = Some("2026-08-22".into());
    assert_eq!(decisions, [expected]);

    let single = atradius::parse_cover_list(&response("applications.single_object")).unwrap();
    assert_eq!(
        single,
        [decision(
            "900031",
            "11223344",
            report(
                Some(Status::Pending(PendingReason::Underwriting)),
                "atradius.coverStatus",
                "referred",
            ),
        )]
    );
}

#[test]
fn historic_answers() {
    let decisions = atradius::parse_cover_list(&response("historic.typical")).unwrap();
    let statuses: Vec<&StatusReport> = decisions.iter().map(|d| &d.status).collect();
    assert_eq!(
        statuses,
        [
            &report(Some(Status::Expired), "atradius.historicCode", "ECLD"),
            &report(Some(Status::Superseded), "atradius.historicCode", "SCLD"),
            &report(Some(Status::Withdrawn), "atradius.historicCode", "CIND"),
        ]
    );
    assert_eq!(decisions[0].expires_on.as_deref(), Some("2026-06-30"));
    assert_eq!(decisions[0].granted, eur(30_000));
    assert_eq!(decisions[2].product, "indication");
    assert_eq!(
        atradius::cover_type_of(&decisions[2].product),
        Some(CoverType::Indication)
    );

    let unknown = atradius::parse_cover_list(&response("historic.unknown_code")).unwrap();
    assert_eq!(
        unknown[0].status,
        report(None, "atradius.historicCode", "XCLD")
    );
    assert_eq!(
        atradius::parse_cover_list(&response("historic.bad_amount"))
            .unwrap_err()
            .code(),
        "insurer.malformed"
    );
}

// ---- Applications ----

#[test]
fn application_request_is_golden() {
    assert_eq!(
        atradius::application_request(&policy(), &limit_application()).unwrap(),
        expected_request("application")
    );
}

#[test]
fn application_answers() {
    let applied = limit_application();
    let mut decided = decision(
        "900040",
        "11223344",
        report(None, "atradius.coverStatus", "DECISION"),
    );
    decided.product = "credit-limit".into();
    decided.requested = eur(50_000);
    decided.customer_reference = Some("OUR-REF-1".into());
    assert_eq!(
        atradius::parse_application_response(&response("application.decided"), &applied),
        Ok(decided.clone())
    );

    let mut referred = decided.clone();
    referred.id = "900041".into();
    referred.status = report(
        Some(Status::Pending(PendingReason::Underwriting)),
        "atradius.coverStatus",
        "REFERRED",
    );
    assert_eq!(
        atradius::parse_application_response(&response("application.referred"), &applied),
        Ok(referred)
    );

    let mut refused = decided.clone();
    refused.id = "900042".into();
    refused.status = report(
        Some(Status::Decided(Outcome::Refused)),
        "atradius.response",
        "Action has been refused.",
    );
    assert_eq!(
        atradius::parse_application_response(&response("application.refused"), &applied),
        Ok(refused)
    );

    let mut with_cover = decided;
    with_cover.id = "900043".into();
    with_cover.status = report(
        Some(Status::Decided(Outcome::Full)),
        "atradius.decisionCode",
        "DC01",
    );
    with_cover.granted = eur(50_000);
    with_cover.decided_on = Some("2026-08-22".into());
    assert_eq!(
        atradius::parse_application_response(&response("application.with_cover"), &applied),
        Ok(with_cover)
    );

    assert_eq!(
        atradius::parse_application_response(&response("application.rejected"), &applied),
        Err(InsurerError::Rejected {
            status: 400,
            code: "creditLimitAmount".into(),
            message: "Credit limit/credit check already exists for this buyer.; \
                      Must be positive number greater than zero and a multiple of 1000."
                .into(),
        })
    );
    assert_eq!(
        atradius::parse_application_response(&response("application.no_item"), &applied)
            .unwrap_err()
            .code(),
        "insurer.malformed"
    );
}

// ---- Modifications ----

fn modification(
    buyer: &str,
    cover_type: CoverType,
    action: CoverAction,
    reference: Option<&str>,
) -> CoverModification {
    CoverModification {
        buyer_id: buyer.into(),
        cover_type,
        action,
        customer_reference: reference.map(str::to_owned),
    }
}

#[test]
fn modification_requests_are_golden() {
    let cases = [
        (
            "modify_supersede",
            modification(
                "11223344",
                CoverType::CreditLimit,
                CoverAction::Supersede {
                    amount: Money::from_minor(7_500_000, Currency::EUR),
                },
                Some("OUR-REF-1"),
            ),
        ),
        (
            "modify_reduce",
            modification(
                "11223344",
                CoverType::CreditLimit,
                CoverAction::Reduce {
                    amount: Money::from_minor(2_000_000, Currency::EUR),
                },
                None,
            ),
        ),
        (
            "modify_cancel",
            modification(
                "55667788",
                CoverType::CreditCheck,
                CoverAction::Cancel,
                Some("  "),
            ),
        ),
        (
            "modify_update_reference",
            modification(
                "11223344",
                CoverType::CreditLimit,
                CoverAction::UpdateReference {
                    customer_reference: " NEW-REF-9 ".into(),
                },
                None,
            ),
        ),
    ];
    for (operation, modification) in cases {
        assert_eq!(
            atradius::modification_request(&policy(), &modification).unwrap(),
            expected_request(operation),
            "{operation}"
        );
    }
}

#[test]
fn modification_answers() {
    let increase = modification(
        "11223344",
        CoverType::CreditLimit,
        CoverAction::Supersede {
            amount: Money::from_minor(7_500_000, Currency::EUR),
        },
        None,
    );
    let reduce = modification(
        "11223344",
        CoverType::CreditLimit,
        CoverAction::Reduce {
            amount: Money::from_minor(2_000_000, Currency::EUR),
        },
        None,
    );
    let cancel = modification(
        "11223344",
        CoverType::CreditLimit,
        CoverAction::Cancel,
        None,
    );
    let reference = modification(
        "11223344",
        CoverType::CreditLimit,
        CoverAction::UpdateReference {
            customer_reference: "R".into(),
        },
        None,
    );
    let accepted = response("modify.accepted");
    let outcome = |status| ActionOutcome {
        cover_id: Some("900050".into()),
        message: Some("Action successful".into()),
        status,
    };
    assert_eq!(
        atradius::parse_modification_response(&accepted, &increase),
        Ok(outcome(Some(report(
            None,
            "atradius.coverStatus",
            "DECISION"
        ))))
    );
    assert_eq!(
        atradius::parse_modification_response(&accepted, &reduce),
        Ok(outcome(Some(report(
            Some(Status::Reduced),
            "atradius.action",
            "reduce"
        ))))
    );
    assert_eq!(
        atradius::parse_modification_response(&accepted, &cancel),
        Ok(outcome(Some(report(
            Some(Status::Withdrawn),
            "atradius.action",
            "cancel"
        ))))
    );
    assert_eq!(
        atradius::parse_modification_response(&accepted, &reference),
        Ok(outcome(None))
    );
    assert_eq!(
        atradius::parse_modification_response(&response("modify.referred"), &increase),
        Ok(ActionOutcome {
            cover_id: Some("900051".into()),
            message: Some("Action successful".into()),
            status: Some(report(
                Some(Status::Pending(PendingReason::Underwriting)),
                "atradius.coverStatus",
                "REFERRED"
            )),
        })
    );
    assert_eq!(
        atradius::parse_modification_response(&response("modify.refused"), &reduce),
        Err(InsurerError::Rejected {
            status: 201,
            code: String::new(),
            message: "Action has been refused.".into()
        })
    );
    assert_eq!(
        atradius::parse_modification_response(&response("modify.rejected"), &increase),
        Err(InsurerError::Rejected {
            status: 400,
            code: String::new(),
            message: "New Application cannot supersede existing cover".into()
        })
    );
}

#[test]
fn conversion_request_is_golden() {
    assert_eq!(
        atradius::convert_indication_request(&policy(), "900060").unwrap(),
        expected_request("convert")
    );
}

#[test]
fn conversion_answers() {
    assert_eq!(
        atradius::parse_conversion_response(&response("convert.with_cover")),
        Ok(ActionOutcome {
            cover_id: Some("900060".into()),
            message: None,
            status: Some(report(
                Some(Status::Decided(Outcome::Partial)),
                "atradius.decisionCode",
                "DC04"
            )),
        })
    );
    assert_eq!(
        atradius::parse_conversion_response(&response("convert.bare")),
        Ok(ActionOutcome {
            cover_id: Some("900060".into()),
            message: Some("Action successful".into()),
            status: None,
        })
    );
    assert_eq!(
        atradius::parse_conversion_response(&response("convert.no_content")),
        Ok(ActionOutcome {
            cover_id: None,
            message: None,
            status: None,
        })
    );
}

// ---- Batch ----

fn batch() -> Vec<CoverApplication> {
    vec![
        limit_application(),
        application(
            "55667788",
            CoverType::CreditCheck,
            Money::from_minor(0, Currency::EUR),
            None,
        ),
        application(
            "99887766",
            CoverType::Indication,
            Money::from_minor(10_000_000, Currency::USD),
            Some(""),
        ),
    ]
}

#[test]
fn batch_request_is_golden() {
    assert_eq!(
        atradius::batch_request(&policy(), &batch()).unwrap(),
        expected_request("batch")
    );
}

#[test]
fn batch_answers() {
    let results = atradius::parse_batch_response(&response("batch.mixed"), &batch()).unwrap();
    assert_eq!(results.len(), 3);

    let mut decided = decision(
        "900070",
        "11223344",
        report(None, "atradius.coverStatus", "DECISION"),
    );
    decided.product = "credit-limit".into();
    decided.requested = eur(50_000);
    decided.customer_reference = Some("OUR-REF-1".into());
    assert_eq!(results[0], Ok(decided));

    let mut referred = decision(
        "900071",
        "55667788",
        report(
            Some(Status::Pending(PendingReason::Underwriting)),
            "atradius.coverStatus",
            "REFERRED",
        ),
    );
    referred.product = "credit-check".into();
    assert_eq!(results[1], Ok(referred));

    assert_eq!(
        results[2],
        Err(InsurerError::Rejected {
            status: 400,
            code: "buyerId".into(),
            message: "Credit limit/credit check already exists for this buyer.".into()
        })
    );

    assert_eq!(
        atradius::parse_batch_response(&response("batch.count_mismatch"), &batch())
            .unwrap_err()
            .code(),
        "insurer.malformed"
    );
    assert_eq!(
        atradius::parse_batch_response(&response("batch.unavailable"), &batch()),
        Err(InsurerError::Unavailable { status: 503 })
    );
}
