//! Deleting a product: `DELETE /companies/{easyNumber}/products/{deliveryId}`, with the rules
//! of the seed checked first over the company's [`Catalog`]:
//! - a product is deleted by the deliveryId of its last decision, which the catalog gives; no
//!   deliveryId (no decision yet) — no deletion: an order cannot be deleted before Coface
//!   answers;
//! - the monitored products SCOREMON (DRA monitored) and ARATINGMON (@rating monitored) are
//!   deleted only once the catalog's action code for them is `STOP`; otherwise stop them
//!   first ([`stop_request`](super::product_order::stop_request)).

use super::catalog::{ActionCode, Catalog};
use super::path;
use super::request_error::CofaceRequestError;
use super::response::parse_json;
use crate::http_request::{HttpRequest, Method};
use crate::insurer_error::InsurerError;

/// Path pattern of a deletion.
pub const DELETE_PATH: &str = "/companies/{easyNumber}/products/{deliveryId}";

/// Products that are stopped (`STOP`) before being deleted.
pub const STOP_FIRST_PRODUCTS: &[&str] = &["SCOREMON", "ARATINGMON"];

/// Whether `product_code` is one of the [`STOP_FIRST_PRODUCTS`].
pub fn must_stop_first(product_code: &str) -> bool {
    STOP_FIRST_PRODUCTS
        .iter()
        .any(|code| code.eq_ignore_ascii_case(product_code.trim()))
}

/// The pure check before a deletion: the deliveryId to delete `product_code` by, or why it
/// cannot be deleted now ([`CofaceRequestError::NotInCatalog`],
/// [`CofaceRequestError::StopFirst`], [`CofaceRequestError::NoDeliveryId`]).
pub fn deletable_delivery(
    catalog: &Catalog,
    product_code: &str,
) -> Result<String, CofaceRequestError> {
    let product_code = path::product_code(product_code)?;
    let product =
        catalog
            .product(&product_code)
            .ok_or_else(|| CofaceRequestError::NotInCatalog {
                product_code: product_code.clone(),
            })?;
    if must_stop_first(&product_code) && !product.allows(&ActionCode::Stop) {
        return Err(CofaceRequestError::StopFirst { product_code });
    }
    let delivery = product
        .last_delivery_id
        .as_deref()
        .map(str::trim)
        .filter(|delivery| !delivery.is_empty())
        .ok_or_else(|| CofaceRequestError::NoDeliveryId {
            product_code: product_code.clone(),
        })?;
    path::id("deliveryId", delivery)
}

/// The deletion of `product_code` on the company `easy_number`, once
/// [`deletable_delivery`] allows it over the company's catalog.
pub fn delete_request(
    easy_number: &str,
    catalog: &Catalog,
    product_code: &str,
) -> Result<HttpRequest, CofaceRequestError> {
    let easy = path::definitive_easy_number(easy_number)?;
    let delivery = deletable_delivery(catalog, product_code)?;
    Ok(HttpRequest::new(
        Method::Delete,
        format!("/companies/{easy}/products/{delivery}"),
    )
    .with_header("accept", "application/json"))
}

/// Reads the answer to a deletion: any 2xx is success, whatever its body.
pub fn parse_delete_response(status: u16, body: &[u8]) -> Result<(), InsurerError> {
    if (200..300).contains(&status) {
        return Ok(());
    }
    parse_json::<serde::de::IgnoredAny>(status, body).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coface::catalog::CatalogProduct;

    fn catalog(code: &str, actions: &[ActionCode], delivery: Option<&str>) -> Catalog {
        Catalog {
            easy_number: None,
            products: vec![CatalogProduct {
                product_code: code.into(),
                label: None,
                actions: actions.to_vec(),
                last_delivery_id: delivery.map(Into::into),
                last_order_id: None,
                last_external_id: None,
            }],
        }
    }

    #[test]
    fn needs_a_delivery_id() {
        let no_delivery = catalog("CREDITLIMIT", &[ActionCode::Dele], None);
        assert_eq!(
            deletable_delivery(&no_delivery, "CREDITLIMIT"),
            Err(CofaceRequestError::NoDeliveryId {
                product_code: "CREDITLIMIT".into()
            })
        );
        let blank = catalog("CREDITLIMIT", &[], Some("  "));
        assert_eq!(
            deletable_delivery(&blank, "creditlimit")
                .unwrap_err()
                .code(),
            "coface.no_delivery_id"
        );
        assert_eq!(
            deletable_delivery(&blank, "ECL").unwrap_err().code(),
            "coface.not_in_catalog"
        );
    }

    #[test]
    fn monitored_products_are_stopped_first() {
        for code in STOP_FIRST_PRODUCTS {
            let running = catalog(code, &[ActionCode::Updt, ActionCode::Dele], Some("D1"));
            assert_eq!(
                deletable_delivery(&running, code).unwrap_err().code(),
                "coface.stop_first"
            );
            let stopped = catalog(code, &[ActionCode::Stop], Some("D1"));
            assert_eq!(deletable_delivery(&stopped, code).unwrap(), "D1");
        }
        let plain = catalog("CREDITLIMIT", &[ActionCode::Updt], Some("D2"));
        assert_eq!(deletable_delivery(&plain, "CREDITLIMIT").unwrap(), "D2");
        assert!(must_stop_first(" aratingmon "));
        assert!(!must_stop_first("ARATING"));
    }

    #[test]
    fn builds_the_deletion() {
        let ready = catalog("CREDITLIMIT", &[ActionCode::Dele], Some("D-77"));
        let request = delete_request("0012345678904700000", &ready, "CREDITLIMIT").unwrap();
        assert_eq!(request.method, Method::Delete);
        assert_eq!(request.path, "/companies/0012345678904700000/products/D-77");
        assert_eq!(request.body, None);
        let unsafe_id = catalog("CREDITLIMIT", &[], Some("../../x"));
        assert_eq!(
            delete_request("0012345678904700000", &unsafe_id, "CREDITLIMIT")
                .unwrap_err()
                .code(),
            "coface.id_invalid"
        );
        assert_eq!(parse_delete_response(204, b""), Ok(()));
        assert_eq!(
            parse_delete_response(409, b"{}").unwrap_err().code(),
            "insurer.rejected"
        );
    }
}
