//! Every CofaServe company and product operation the core lets the proxy forward
//! (`tradecover_core::coface::OPERATIONS`, overdues aside) has a route in the sandbox: called
//! with its method and placeholder values, it answers JSON — a result or a CofaServe-style
//! `{"code", "message"}` — never "no route" or "method not allowed"; and hostile inputs never
//! make it fail.

mod coface_support;
mod common;

use coface_support::Contract;
use serde_json::json;
use tradecover_core::coface::OPERATIONS;
use tradecover_core::{HttpRequest, Method};

fn fill(path: &str, easy: &str) -> String {
    path.replace("{easyNumber}", easy)
        .replace("{orderId}", "ORD-00000042")
        .replace("{deliveryIdOrExternalId}", "DLV-00000042")
        .replace("{deliveryId}", "DLV-00000042")
}

#[tokio::test]
async fn every_product_operation_has_a_route() {
    let contract = Contract::open().await;
    let easy = contract.usual_buyer("BEL", 0).await;
    let mut checked = 0;
    for operation in OPERATIONS
        .iter()
        .filter(|op| !op.name.starts_with("overdue."))
    {
        let mut request = HttpRequest::new(operation.method, fill(operation.path, &easy));
        if matches!(operation.method, Method::Post | Method::Patch) {
            request = request.with_json(json!({}));
        }
        let (status, body) = contract.json(&request).await;
        let answered = body.is_object()
            && (status < 300 || (body["code"].is_string() && body["message"].is_string()));
        let no_route = status == 405
            || (status == 404
                && body["message"]
                    .as_str()
                    .is_some_and(|m| m.starts_with("No route")));
        assert!(
            answered && !no_route,
            "{} {} {}: {status} {body}",
            operation.name,
            operation.method.as_str(),
            request.path
        );
        checked += 1;
    }
    assert!(checked >= 13, "{checked}");
}

#[tokio::test]
async fn hostile_input_is_answered_with_typed_errors() {
    let contract = Contract::open().await;
    let easy = contract.usual_buyer("CHE", 0).await;
    let bodies: [&[u8]; 6] = [
        b"",
        b"not json",
        b"[]",
        br#"{"productCode": 7, "actionCode": null}"#,
        br#"{"productCode": "CREDITLIMIT", "actionCode": "CREA", "amount": "1e400"}"#,
        br#"{"productCode": "CREDITLIMIT", "actionCode": "CREA", "amount": -5, "currencyCode": "E1"}"#,
    ];
    let paths = [
        format!("/companies/{easy}/products"),
        format!("/companies/{easy}/products/topliner"),
        "/companies/unknown/products".to_owned(),
        "/companies/customerreferences".to_owned(),
        "/replay/v1/replay".to_owned(),
    ];
    for path in &paths {
        for body in bodies {
            let method = if path.contains("customerreferences") || path.contains("replay") {
                Method::Patch
            } else {
                Method::Post
            };
            let (status, answer) = contract.send_raw(method.as_str(), path, body).await;
            assert!(
                status >= 400 && answer["code"].is_string(),
                "{path} {}: {status} {answer}",
                String::from_utf8_lossy(body)
            );
        }
    }
    for path in [
        "/companies/%FF%FE/catalog",
        "/companies/products?date=%E2%82%AC&limit=99999999999999999999",
        "/companies/identifier?countryCode=XXX&identifierType=SIREN_FRA&identifierValue=1",
        "/companies/0000000000000000000/products/orders/..",
        "/companies/Z/products/deliveries/%00",
    ] {
        let (status, answer) = contract.send_raw("GET", path, b"").await;
        assert!(
            status >= 400 && answer["code"].is_string(),
            "{path}: {status} {answer}"
        );
    }
}
