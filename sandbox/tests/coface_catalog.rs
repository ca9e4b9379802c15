//! The catalog (`GET /companies/{easyNumber}/catalog`) in every product state, and deletions
//! (`DELETE /companies/{easyNumber}/products/{deliveryId}`) with the seed's rules: never
//! without a deliveryId, only the last decision, and SCOREMON / ARATINGMON stopped first —
//! checked by the core over the catalog and enforced by the sandbox.

mod coface_support;
mod common;

use coface_support::Contract;
use tradecover_core::coface::{
    self, deletable_delivery, delete_request, parse_delete_response, stop_request, ActionCode,
    CofaceRequestError, ProductResource,
};
use tradecover_core::{HttpRequest, Method};
use tradecover_sandbox::DEFAULT_REFERRAL_DELAY;

const PRODUCTS: ProductResource = ProductResource::Products;

fn actions(catalog: &coface::Catalog, product: &str) -> Vec<ActionCode> {
    catalog
        .product(product)
        .unwrap_or_else(|| panic!("{product} missing from the catalog"))
        .actions
        .clone()
}

async fn delete_raw(contract: &Contract, easy: &str, id: &str) -> (u16, Vec<u8>) {
    let request = HttpRequest::new(Method::Delete, format!("/companies/{easy}/products/{id}"));
    contract.send(&request).await
}

fn code(body: &[u8]) -> String {
    let json: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    json["code"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_cover_through_its_states() {
    let contract = Contract::open().await;
    let easy = contract.usual_buyer("FRA", 2).await;
    let fresh = contract.catalog(&easy).await;
    assert_eq!(fresh.easy_number.as_deref(), Some(easy.as_str()));
    assert_eq!(actions(&fresh, "CREDITLIMIT"), [ActionCode::Crea]);
    assert_eq!(
        actions(&fresh, "TOPLINER"),
        [],
        "TopLiner needs a credit limit"
    );
    assert_eq!(fresh.product("CREDITLIMIT").unwrap().last_delivery_id, None);
    // Pending: nothing to do, and nothing to delete (no deliveryId yet).
    let (_, pending) = contract
        .order(&easy, "CREDITLIMIT", ActionCode::Crea, 300_000, PRODUCTS)
        .await;
    let order_id = pending.unwrap().decision.order_id.unwrap();
    let waiting = contract.catalog(&easy).await;
    assert_eq!(actions(&waiting, "CREDITLIMIT"), []);
    assert_eq!(
        waiting
            .product("CREDITLIMIT")
            .unwrap()
            .last_order_id
            .as_deref(),
        Some(order_id.as_str())
    );
    assert_eq!(
        deletable_delivery(&waiting, "CREDITLIMIT"),
        Err(CofaceRequestError::NoDeliveryId {
            product_code: "CREDITLIMIT".into()
        })
    );
    let (status, body) = delete_raw(&contract, &easy, &order_id).await;
    assert_eq!((status, code(&body)), (409, "NoDeliveryId".into()));
    let bare = HttpRequest::new(Method::Delete, format!("/companies/{easy}/products"));
    let (status, body) = contract.send(&bare).await;
    assert_eq!((status, code(&body)), (400, "DeliveryIdRequired".into()));
    // Decided: update, change, delete; TopLiner becomes possible.
    contract.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let granted = contract.catalog(&easy).await;
    assert_eq!(
        actions(&granted, "CREDITLIMIT"),
        [ActionCode::Updt, ActionCode::Change, ActionCode::Dele]
    );
    assert_eq!(actions(&granted, "TOPLINER"), [ActionCode::Crea]);
    let first_delivery = granted
        .product("CREDITLIMIT")
        .unwrap()
        .last_delivery_id
        .clone()
        .unwrap();
    // An update makes a new decision: the old deliveryId is no longer the one to delete by.
    let (_, update) = contract
        .order(&easy, "CREDITLIMIT", ActionCode::Updt, 60_000, PRODUCTS)
        .await;
    let update = update.unwrap().decision;
    assert_ne!(update.id, first_delivery);
    let (status, body) = delete_raw(&contract, &easy, &first_delivery).await;
    assert_eq!((status, code(&body)), (409, "NotLastDelivery".into()));
    // The deletion the core builds from the catalog.
    let catalog = contract.catalog(&easy).await;
    let request = delete_request(&easy, &catalog, "CREDITLIMIT").unwrap();
    assert!(request.path.ends_with(&update.id));
    let (status, body) = contract.send(&request).await;
    assert_eq!(parse_delete_response(status, &body), Ok(()));
    assert_eq!(
        contract.delivery(&easy, &update.id).await.status.raw.code,
        "WITHDRAWN"
    );
    let deleted = contract.catalog(&easy).await;
    assert_eq!(actions(&deleted, "CREDITLIMIT"), [ActionCode::Crea]);
    let (status, body) = contract.send(&request).await;
    assert_eq!(status, 409);
    assert!(parse_delete_response(status, &body).is_err());
}

#[tokio::test]
async fn a_refused_cover_can_be_asked_again_or_deleted() {
    let contract = Contract::open().await;
    let easy = contract.risky_buyer().await;
    let (_, refused) = contract
        .order(&easy, "ECL", ActionCode::Crea, 5_000, PRODUCTS)
        .await;
    assert_eq!(refused.unwrap().decision.status.raw.code, "DECIDED_REFUSED");
    let catalog = contract.catalog(&easy).await;
    assert_eq!(
        actions(&catalog, "ECL"),
        [ActionCode::Crea, ActionCode::Dele]
    );
    let request = delete_request(&easy, &catalog, "ECL").unwrap();
    let (status, body) = contract.send(&request).await;
    assert_eq!(parse_delete_response(status, &body), Ok(()));
}

#[tokio::test]
async fn monitored_scores_are_stopped_before_they_are_deleted() {
    for product in ["SCOREMON", "ARATINGMON"] {
        let contract = Contract::open().await;
        let easy = contract.usual_buyer("GBR", 0).await;
        let (status, ordered) = contract
            .order(&easy, product, ActionCode::Crea, 1, PRODUCTS)
            .await;
        assert_eq!(status, 201);
        let ordered = ordered.unwrap().decision;
        assert_eq!(ordered.status.raw.code, "DELIVERED");
        assert_eq!(ordered.requested, None, "scores have no amount");
        let running = contract.catalog(&easy).await;
        assert_eq!(actions(&running, product), [ActionCode::Updt]);
        // The core will not delete it yet…
        assert_eq!(
            delete_request(&easy, &running, product).unwrap_err(),
            CofaceRequestError::StopFirst {
                product_code: product.into()
            }
        );
        // …and neither will the sandbox.
        let (status, body) = delete_raw(&contract, &easy, &ordered.id).await;
        assert_eq!((status, code(&body)), (409, "DeletionNotAllowed".into()));
        assert!(parse_delete_response(status, &body).is_err());
        // STOP, then the catalog says STOP and the deletion goes through.
        let (status, body) = contract.send(&stop_request(&easy, product).unwrap()).await;
        assert_eq!(status, 201);
        let stopped = coface::parse_order_response(status, &body).unwrap();
        assert_eq!(
            stopped.decision.id, ordered.id,
            "the decision in force stays"
        );
        let catalog = contract.catalog(&easy).await;
        assert_eq!(actions(&catalog, product), [ActionCode::Stop]);
        let request = delete_request(&easy, &catalog, product).unwrap();
        let (status, body) = contract.send(&request).await;
        assert_eq!(parse_delete_response(status, &body), Ok(()), "{product}");
        assert_eq!(
            actions(&contract.catalog(&easy).await, product),
            [ActionCode::Crea]
        );
        // Stopping twice, or stopping a cover, is not allowed.
        let (status, _) = contract.send(&stop_request(&easy, product).unwrap()).await;
        assert_eq!(status, 422);
        let (status, _) = contract
            .send(&stop_request(&easy, "CREDITLIMIT").unwrap())
            .await;
        assert_eq!(status, 422);
    }
}

#[tokio::test]
async fn a_report_is_delivered_and_can_be_ordered_again() {
    let contract = Contract::open().await;
    let easy = contract.usual_buyer("SWE", 0).await;
    let (_, report) = contract
        .order(&easy, "SCORECHECK", ActionCode::Crea, 1, PRODUCTS)
        .await;
    assert_eq!(report.unwrap().decision.status.raw.code, "DELIVERED");
    let catalog = contract.catalog(&easy).await;
    assert_eq!(
        actions(&catalog, "SCORECHECK"),
        [ActionCode::Crea, ActionCode::Dele]
    );
    let product = catalog.product("SCORECHECK").unwrap();
    assert!(product.last_external_id.is_some() && product.label.is_some());
}

#[tokio::test]
async fn catalogs_of_what_cannot_be_ordered_on() {
    let contract = Contract::open().await;
    // An establishment: products are ordered on head offices only.
    let with_branches = contract
        .sample("countryCode=FRA&n=1&hasEstablishments=true")
        .await
        .remove(0);
    let data = tradecover_sandbox::dataset(tradecover_sandbox::DEFAULT_SEED);
    let head = data
        .by_easy_number(with_branches["easyNumber"].as_str().unwrap())
        .unwrap();
    let branch = data.establishments_of(head)[0]
        .easy_number()
        .unwrap()
        .to_owned();
    let (status, body) = contract
        .send(&coface::catalog_request(&branch).unwrap())
        .await;
    assert_eq!((status, code(&body)), (400, "NotAHeadOffice".into()));
    assert!(coface::parse_catalog(status, &body).is_err());
    // A number nobody has.
    let (status, body) = contract
        .send(&coface::catalog_request("1234567890120000000").unwrap())
        .await;
    assert_eq!((status, code(&body)), (404, "CompanyNotFound".into()));
    // A temporary number: the core refuses; the sandbox too.
    assert!(coface::catalog_request("Z000000000001").is_err());
    let raw = HttpRequest::new(Method::Get, "/companies/Z000000000001/catalog");
    assert_eq!(contract.send(&raw).await.0, 400);
}

#[tokio::test]
async fn decisions_expire_after_a_year_and_the_expiry_is_pushed() {
    let mut contract = Contract::open().await;
    let easy = contract.usual_buyer("POL", 0).await;
    let (_, granted) = contract
        .order(&easy, "CREDITLIMIT", ActionCode::Crea, 7_000, PRODUCTS)
        .await;
    let granted = granted.unwrap().decision;
    let expires_on = granted.expires_on.clone().unwrap();
    contract.pushed();
    contract.advance(364 * 86_400).await;
    assert_eq!(
        contract.delivery(&easy, &granted.id).await.status.raw.code,
        "DECIDED_FULL"
    );
    contract.advance(86_400).await;
    let expired = contract.delivery(&easy, &granted.id).await;
    assert_eq!(expired.status.raw.code, "EXPIRED");
    assert_eq!(expired.expires_on.as_deref(), Some(expires_on.as_str()));
    assert_eq!(
        actions(&contract.catalog(&easy).await, "CREDITLIMIT"),
        [ActionCode::Crea]
    );
    let pushed = contract.pushed();
    assert_eq!(pushed.len(), 1);
    assert_eq!(pushed[0].body["deliveryStatus"], "EXPIRED");
    assert_eq!(pushed[0].body["deliveryId"], granted.id.as_str());
}
