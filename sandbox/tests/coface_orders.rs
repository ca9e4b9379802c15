//! Coface orders against the sandbox, built and read by the core: immediate, referred then
//! delivered after the clock moves, partial with condition, refused, rejected outright,
//! unknown company (temporary `Z…` number → definitive), the other order resources, order and
//! delivery details, and `Idempotency-Key`.

mod coface_support;
mod common;

use coface_support::{address, application, known, major, Contract};
use tradecover_core::buyer::Identifier;
use tradecover_core::coface::{self, reconcile_temporary, ActionCode, ProductResource};
use tradecover_core::cover_application::ApplicationBuyer;
use tradecover_core::currency::Currency;
use tradecover_core::lifecycle::{Outcome, PendingReason, Status};
use tradecover_sandbox::underwriting::{PARTIAL_CONDITION, REFERRAL_THRESHOLD};
use tradecover_sandbox::DEFAULT_REFERRAL_DELAY;

const PRODUCTS: ProductResource = ProductResource::Products;

fn delay_secs() -> u64 {
    DEFAULT_REFERRAL_DELAY.as_secs()
}

#[tokio::test]
async fn a_small_order_is_granted_at_once() {
    let contract = Contract::open().await;
    let easy = contract.usual_buyer("FRA", 0).await;
    let (status, report) = contract
        .order(&easy, "CREDITLIMIT", ActionCode::Crea, 50_000, PRODUCTS)
        .await;
    assert_eq!(status, 201);
    let report = report.unwrap();
    let decision = &report.decision;
    assert_eq!(decision.buyer_id, easy);
    assert_eq!(decision.product, "CREDITLIMIT");
    assert_eq!(decision.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(decision.status.raw.code, "DECIDED_FULL");
    assert_eq!(major(decision.requested), Some(50_000));
    assert_eq!(major(decision.granted), Some(50_000));
    assert!(decision.id.starts_with("DLV-"), "{}", decision.id);
    assert!(decision.decided_on.is_some() && decision.expires_on.is_some());
    assert!(!report.is_rejected());
    // Order details and delivery details agree with the answer.
    let order_id = decision.order_id.clone().unwrap();
    let details = contract.order_details(&easy, &order_id).await;
    assert_eq!(details.decision, report.decision);
    let delivery = contract.delivery(&easy, &decision.id).await;
    assert_eq!(delivery.status.raw.code, "DECIDED_FULL");
    assert_eq!(delivery.order_id.as_deref(), Some(order_id.as_str()));
}

#[tokio::test]
async fn a_referred_order_is_delivered_once_the_referral_delay_has_passed() {
    let contract = Contract::open().await;
    let easy = contract.usual_buyer("DEU", 0).await;
    let amount = i64::try_from(REFERRAL_THRESHOLD).unwrap() * 3;
    let (status, report) = contract
        .order(&easy, "CREDITLIMIT", ActionCode::Crea, amount, PRODUCTS)
        .await;
    assert_eq!(status, 201);
    let pending = report.unwrap().decision;
    assert_eq!(
        pending.status.status,
        Some(Status::Pending(PendingReason::Underwriting))
    );
    assert_eq!(pending.granted, None);
    let order_id = pending.order_id.clone().unwrap();
    assert_eq!(
        pending.id, order_id,
        "no delivery yet: the id is the order's"
    );
    contract.advance(delay_secs() - 10).await;
    let still = contract.order_details(&easy, &order_id).await.decision;
    assert_eq!(still.status.raw.code, "STATUS_PENDING_UNDERWRITING");
    contract.advance(10).await;
    let decided = contract.order_details(&easy, &order_id).await.decision;
    assert_eq!(decided.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(major(decided.granted), Some(amount));
    let delivery = contract.delivery(&easy, &decided.id).await;
    assert_eq!(delivery.id, decided.id);
    assert_eq!(delivery.status.raw.code, "DECIDED_FULL");
}

#[tokio::test]
async fn a_large_order_is_granted_in_part_with_a_condition() {
    let contract = Contract::open().await;
    let easy = contract.usual_buyer("ITA", 1).await;
    let (_, report) = contract
        .order(&easy, "CREDITLIMIT", ActionCode::Crea, 2_400_000, PRODUCTS)
        .await;
    let order_id = report.unwrap().decision.order_id.unwrap();
    contract.advance(delay_secs()).await;
    let decided = contract.order_details(&easy, &order_id).await.decision;
    assert_eq!(
        decided.status.status,
        Some(Status::Decided(Outcome::Partial))
    );
    assert_eq!(decided.status.raw.code, "DECIDED_PARTIAL");
    let granted = major(decided.granted).unwrap();
    assert!(granted > 0 && granted < 2_400_000, "{granted}");
    assert!(
        decided
            .conditions
            .iter()
            .any(|c| c.contains(PARTIAL_CONDITION)),
        "{:?}",
        decided.conditions
    );
}

#[tokio::test]
async fn a_high_risk_buyer_is_refused_at_once_or_after_referral() {
    let contract = Contract::open().await;
    let easy = contract.risky_buyer().await;
    let (_, small) = contract
        .order(&easy, "ECL", ActionCode::Crea, 10_000, PRODUCTS)
        .await;
    let small = small.unwrap().decision;
    assert_eq!(small.status.status, Some(Status::Decided(Outcome::Refused)));
    assert_eq!(small.status.raw.code, "DECIDED_REFUSED");
    assert_eq!(major(small.granted), Some(0));
    let (_, large) = contract
        .order(&easy, "CREDITLIMIT", ActionCode::Crea, 500_000, PRODUCTS)
        .await;
    let order_id = large.unwrap().decision.order_id.unwrap();
    contract.advance(delay_secs()).await;
    let decided = contract.order_details(&easy, &order_id).await.decision;
    assert_eq!(
        decided.status.status,
        Some(Status::Decided(Outcome::Refused))
    );
}

#[tokio::test]
async fn a_non_positive_amount_is_rejected_with_reasons() {
    let contract = Contract::open().await;
    let easy = contract.usual_buyer("BEL", 0).await;
    let (status, report) = contract
        .order(&easy, "CREDITLIMIT", ActionCode::Crea, 0, PRODUCTS)
        .await;
    assert_eq!(status, 201);
    let report = report.unwrap();
    assert!(report.is_rejected());
    assert_eq!(report.rejection_reasons.len(), 1);
    assert!(!report.rejection_reasons[0].code.is_empty());
}

#[tokio::test]
async fn orders_the_catalog_does_not_allow_are_refused_in_cofaserve_style() {
    let contract = Contract::open().await;
    let easy = contract.usual_buyer("NLD", 0).await;
    // UPDT before any CREA.
    let (status, report) = contract
        .order(&easy, "CREDITLIMIT", ActionCode::Updt, 10_000, PRODUCTS)
        .await;
    assert_eq!(status, 422);
    assert!(report.unwrap_err().contains("ActionNotAllowed"));
    // A product the contract does not have.
    let (status, report) = contract
        .order(&easy, "NOSUCHPRODUCT", ActionCode::Crea, 10_000, PRODUCTS)
        .await;
    assert_eq!(status, 422);
    assert!(report.unwrap_err().contains("ProductNotAllowed"));
    // TopLiner before a credit limit is in force.
    let (status, _) = contract
        .order(
            &easy,
            "TOPLINER",
            ActionCode::Crea,
            5_000,
            ProductResource::TopLiner,
        )
        .await;
    assert_eq!(status, 422);
    // An unknown EASY number.
    let (status, _) = contract
        .order(
            "1234567890120000000",
            "ECL",
            ActionCode::Crea,
            1_000,
            PRODUCTS,
        )
        .await;
    assert!(status == 404 || status == 400, "{status}");
}

#[tokio::test]
async fn topliner_and_awaiting_delivery_resources() {
    let contract = Contract::open().await;
    let easy = contract.usual_buyer("ESP", 0).await;
    let (_, base) = contract
        .order(&easy, "CREDITLIMIT", ActionCode::Crea, 40_000, PRODUCTS)
        .await;
    assert_eq!(base.unwrap().decision.status.raw.code, "DECIDED_FULL");
    let (status, topliner) = contract
        .order(
            &easy,
            "TOPLINER",
            ActionCode::Crea,
            8_000,
            ProductResource::TopLiner,
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(topliner.unwrap().decision.product, "TOPLINER");
    let (status, update) = contract
        .order(
            &easy,
            "TOPLINER",
            ActionCode::Updt,
            9_000,
            ProductResource::TopLiner,
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(major(update.unwrap().decision.granted), Some(9_000));
    // CHANGE the credit limit into an ECL through the awaiting-delivery resource: the credit
    // limit is withdrawn once the ECL is in force.
    let (status, change) = contract
        .order(
            &easy,
            "ECL",
            ActionCode::Change,
            30_000,
            ProductResource::AwaitingDeliveriesManufacturing,
        )
        .await;
    assert_eq!(status, 201, "{change:?}");
    assert_eq!(change.unwrap().decision.status.raw.code, "DECIDED_FULL");
    let catalog = contract.catalog(&easy).await;
    let credit_limit = catalog.product("CREDITLIMIT").unwrap();
    let withdrawn = contract
        .delivery(&easy, credit_limit.last_delivery_id.as_deref().unwrap())
        .await;
    assert_eq!(withdrawn.status.raw.code, "WITHDRAWN");
    assert!(credit_limit.allows(&ActionCode::Crea));
}

#[tokio::test]
async fn an_unknown_company_gets_a_temporary_then_a_definitive_easy_number() {
    let mut contract = Contract::open().await;
    // A company of the data set that Coface does not know, ordered on by its identifiers.
    let unknown = contract
        .sample("countryCode=FRA&n=1&knownToCoface=false")
        .await
        .remove(0);
    let identifiers: Vec<Identifier> = unknown["legalIdentifiers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|id| id["identifierType"] == "SIREN_FRA")
        .map(|id| Identifier {
            kind: "fr.siren".into(),
            value: id["identifierValue"].as_str().unwrap().into(),
        })
        .collect();
    assert_eq!(identifiers.len(), 1);
    let name = unknown["companyName"].as_str().unwrap().to_owned();
    let buyer = ApplicationBuyer::Unknown {
        name: name.clone(),
        address: address(unknown["address"]["town"].as_str().unwrap(), "FRA"),
        identifiers,
        phone: Some("+33 1 23 45 67 89".into()),
    };
    let request = coface::order_request(
        &application(buyer, 20_000, Currency::EUR),
        "CREDITLIMIT",
        &ActionCode::Crea,
        PRODUCTS,
    )
    .unwrap();
    let (status, body) = contract.send(&request).await;
    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&body));
    let pending = coface::parse_order_response(status, &body).unwrap();
    assert!(pending.has_temporary_easy_number());
    let temporary = pending.decision.buyer_id.clone();
    assert!(temporary.starts_with('Z'));
    assert_eq!(
        pending.decision.status.status,
        Some(Status::Pending(PendingReason::Identification))
    );
    let order_id = pending.decision.order_id.clone().unwrap();
    // Followed under the temporary number while pending; the portfolio lists it.
    let before = contract.order_details(&temporary, &order_id).await;
    assert_eq!(before.decision.buyer_id, temporary);
    contract.advance(delay_secs()).await;
    let after = contract.order_details(&temporary, &order_id).await;
    let definitive = after.decision.buyer_id.clone();
    assert!(!after.has_temporary_easy_number(), "{definitive}");
    assert!(tradecover_sandbox::easy_number::is_valid(&definitive));
    assert_eq!(after.decision.status.raw.code, "DECIDED_FULL");
    assert_eq!(after.decision.buyer_name.as_deref(), Some(name.as_str()));
    // The same order under the definitive number.
    let same = contract.order_details(&definitive, &order_id).await;
    assert_eq!(same.decision, after.decision);
    // The core links the definitive decision to the tracked temporary row.
    let tracked = vec![pending.decision.clone()];
    let linked = reconcile_temporary(&tracked, &after.decision).expect("linked by orderId");
    assert_eq!(linked.temporary_easy_number, temporary);
    assert_eq!(linked.decision.buyer_id, definitive);
    // The delivery was pushed on the definitive number with the same orderId.
    let pushed = contract.pushed();
    assert!(pushed
        .iter()
        .any(|n| n.body["easyNumber"] == definitive.as_str()
            && n.body["orderId"] == order_id.as_str()));
    // Now a company Coface knows: its catalog is available.
    assert!(!contract.catalog(&definitive).await.products.is_empty());
}

#[tokio::test]
async fn an_unidentifiable_company_still_gets_a_definitive_number() {
    let contract = Contract::open().await;
    let buyer = ApplicationBuyer::Unknown {
        name: "Entreprise Introuvable Zzyzx".into(),
        address: address("Lyon", "FRA"),
        identifiers: vec![],
        phone: None,
    };
    let request = coface::order_request(
        &application(buyer, 1_000, Currency::EUR),
        "CREDITLIMIT",
        &ActionCode::Crea,
        PRODUCTS,
    )
    .unwrap();
    let (status, body) = contract.send(&request).await;
    let first = coface::parse_order_response(status, &body)
        .unwrap()
        .decision;
    contract.advance(delay_secs()).await;
    let order_id = first.order_id.unwrap();
    let decided = contract.order_details(&first.buyer_id, &order_id).await;
    assert!(!decided.has_temporary_easy_number());
    assert!(decided.decision.status.status.is_some());
    // Bad unknown-company orders are refused.
    let mut bad = request.clone();
    bad.body.as_mut().unwrap()["company"]["companyName"] = serde_json::json!(" ");
    let (status, body) = contract.send(&bad).await;
    assert_eq!(status, 400);
    assert!(coface::parse_order_response(status, &body).is_err());
}

#[tokio::test]
async fn the_same_idempotency_key_gives_the_same_answer_and_no_second_order() {
    let mut contract = Contract::open().await;
    let easy = contract.usual_buyer("AUT", 0).await;
    let request = coface::order_request(
        &known(&easy, 12_000, Currency::EUR),
        "CREDITLIMIT",
        &ActionCode::Crea,
        PRODUCTS,
    )
    .unwrap();
    let key = [("Idempotency-Key", "order-42-abc")];
    let (first_status, first) = contract.send_with(&request, &key).await;
    assert_eq!(first_status, 201);
    let pushed_once = contract.pushed().len();
    let (second_status, second) = contract.send_with(&request, &key).await;
    assert_eq!((second_status, &second), (first_status, &first));
    assert!(
        contract.pushed().is_empty(),
        "no second order, no second push"
    );
    assert_eq!(pushed_once, 1);
    // Without the key, the same order is a second CREA: refused by the catalog rules.
    let (status, _) = contract.send(&request).await;
    assert_eq!(status, 422);
    // The key with another body.
    let other = coface::order_request(
        &known(&easy, 13_000, Currency::EUR),
        "CREDITLIMIT",
        &ActionCode::Crea,
        PRODUCTS,
    )
    .unwrap();
    let (status, body) = contract.send_with(&other, &key).await;
    assert_eq!(status, 422);
    let error: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(error["code"], "IdempotencyKeyReused");
    // The portfolio holds one credit limit on the company.
    let filter = coface::PortfolioFilter {
        easy_number: Some(easy.clone()),
        ..Default::default()
    };
    let (status, body) = contract
        .send(&coface::portfolio_request(&filter).unwrap())
        .await;
    let portfolio = coface::parse_portfolio(status, &body).unwrap();
    assert_eq!(portfolio.decisions.len(), 1);
}

#[tokio::test]
async fn unknown_companies_are_identified_by_identifiers_in_the_core_canonical_form() {
    use tradecover_core::identifier::{validate_identifier, IdentifierKind};
    let contract = Contract::open().await;
    let mut checked = 0;
    for (country, wire_type, kind) in [
        ("DEU", "HRB_DEU", IdentifierKind::DeHr),
        ("DEU", "HRA_DEU", IdentifierKind::DeHr),
        ("POL", "NIP_POL", IdentifierKind::PlVat),
        ("CHE", "UID_CHE", IdentifierKind::ChUid),
    ] {
        let candidates = contract
            .sample(&format!("countryCode={country}&n=20&knownToCoface=false"))
            .await;
        let Some((company, stored)) = candidates.iter().find_map(|c| {
            let value = c["legalIdentifiers"]
                .as_array()?
                .iter()
                .find(|id| id["identifierType"] == wire_type)?["identifierValue"]
                .as_str()?
                .to_owned();
            Some((c.clone(), value))
        }) else {
            continue;
        };
        let canonical = validate_identifier(kind, &stored).unwrap();
        let buyer = ApplicationBuyer::Unknown {
            name: "A name Coface cannot match".into(),
            address: address("Nowhere", country),
            identifiers: vec![Identifier {
                kind: canonical.kind.clone(),
                value: canonical.value.clone(),
            }],
            phone: None,
        };
        let request = coface::order_request(
            &application(buyer, 3_000, Currency::EUR),
            "CREDITLIMIT",
            &ActionCode::Crea,
            PRODUCTS,
        )
        .unwrap();
        let (status, body) = contract.send(&request).await;
        let pending = coface::parse_order_response(status, &body)
            .unwrap()
            .decision;
        contract.advance(delay_secs()).await;
        let decided = contract
            .order_details(&pending.buyer_id, pending.order_id.as_deref().unwrap())
            .await
            .decision;
        assert_eq!(
            decided.buyer_name.as_deref(),
            company["companyName"].as_str(),
            "{wire_type} {stored} sent as {}",
            canonical.value
        );
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} identifier types tried");
}

#[tokio::test]
async fn an_identified_company_is_then_found_by_the_searches() {
    let contract = Contract::open().await;
    let unknown = contract
        .sample("countryCode=NLD&n=1&knownToCoface=false")
        .await
        .remove(0);
    let name = unknown["companyName"].as_str().unwrap().to_owned();
    let kvk = unknown["legalIdentifiers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|id| id["identifierType"] == "KVK_NLD")
        .unwrap()["identifierValue"]
        .as_str()
        .unwrap()
        .to_owned();
    let netherlands = tradecover_core::Country::from_alpha3("NLD").unwrap();
    let search = coface::identifier_search_request(netherlands, "KVK_NLD", &kvk);
    let (status, body) = contract.send(&search).await;
    assert!(coface::parse_company_list(status, &body)
        .unwrap()
        .buyers
        .is_empty());
    let buyer = ApplicationBuyer::Unknown {
        name: name.clone(),
        address: address(unknown["address"]["town"].as_str().unwrap(), "NLD"),
        identifiers: vec![],
        phone: None,
    };
    let request = coface::order_request(
        &application(buyer, 3_000, Currency::EUR),
        "CREDITLIMIT",
        &ActionCode::Crea,
        PRODUCTS,
    )
    .unwrap();
    let (status, body) = contract.send(&request).await;
    let pending = coface::parse_order_response(status, &body)
        .unwrap()
        .decision;
    contract.advance(delay_secs()).await;
    let decided = contract
        .order_details(&pending.buyer_id, pending.order_id.as_deref().unwrap())
        .await
        .decision;
    assert_eq!(
        decided.buyer_name.as_deref(),
        Some(name.as_str()),
        "by its name"
    );
    let (status, body) = contract.send(&search).await;
    let found = coface::parse_company_list(status, &body)
        .unwrap_or_else(|e| panic!("{e:?} {}", String::from_utf8_lossy(&body)));
    assert_eq!(found.buyers.len(), 1);
    assert_eq!(found.buyers[0].insurer_id, decided.buyer_id);
    let by_name = coface::name_search_request(&tradecover_core::BuyerQuery {
        name: name.clone(),
        country: netherlands,
        town: None,
        postcode: None,
    });
    let (status, body) = contract.send(&by_name).await;
    let hits = coface::parse_company_list(status, &body).unwrap();
    assert!(hits.buyers.iter().any(|b| b.insurer_id == decided.buyer_id));
}
