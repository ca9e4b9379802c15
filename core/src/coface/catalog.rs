//! The catalog of products a contract may order on a company:
//! `GET /companies/{easyNumber}/catalog`, with the action codes of each product and the last
//! orderId / deliveryId / externalId (the deliveryId is what a deletion needs).

use serde::{Deserialize, Serialize};

use super::code_enum::code_enum;
use super::path;
use super::request_error::CofaceRequestError;
use super::response::parse_json;
use super::wire::{CatalogBody, CatalogProductBody};
use crate::http_request::{HttpRequest, Method};
use crate::insurer_error::InsurerError;

/// Path pattern of the catalog.
pub const CATALOG_PATH: &str = "/companies/{easyNumber}/catalog";

code_enum! {
    /// What can be done with a product (catalog `actionCode`, and the `actionCode` of an order).
    pub enum ActionCode {
        /// `CREA`: first order of the product.
        Crea = "CREA",
        /// `UPDT`: update the amount of cover.
        Updt = "UPDT",
        /// `CHANGE`: turn the product into another (e.g. a CCO into a credit limit).
        Change = "CHANGE",
        /// `STOP`: stop the monitoring of a score product.
        Stop = "STOP",
        /// `DELE`: delete the product, through the DELETE resource.
        Dele = "DELE",
    }
}

/// One product of a company's catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogProduct {
    /// Product code, upper case (e.g. `CREDITLIMIT`, `SCOREMON`).
    pub product_code: String,
    /// Label, when CofaServe gives one.
    pub label: Option<String>,
    /// The action codes the catalog gives for the product, in order, without duplicates.
    pub actions: Vec<ActionCode>,
    /// deliveryId of the last decision on the product (required to delete it).
    pub last_delivery_id: Option<String>,
    /// orderId of the last order of the product.
    pub last_order_id: Option<String>,
    /// externalId of the last delivery (as notifications give it).
    pub last_external_id: Option<String>,
}

impl CatalogProduct {
    /// Whether the catalog gives `action` for this product.
    pub fn allows(&self, action: &ActionCode) -> bool {
        self.actions.contains(action)
    }
}

/// The catalog of one company (serialised for JavaScript and read back, e.g. to check a
/// deletion against it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    /// The company's EASY number, when the answer repeats it.
    pub easy_number: Option<String>,
    /// The products, in CofaServe's order; entries of the same product are merged.
    pub products: Vec<CatalogProduct>,
}

impl Catalog {
    /// The product with code `product_code` (any case, blanks around).
    pub fn product(&self, product_code: &str) -> Option<&CatalogProduct> {
        let code = product_code.trim();
        self.products
            .iter()
            .find(|product| product.product_code.eq_ignore_ascii_case(code))
    }

    /// Whether the catalog gives `action` for `product_code`.
    pub fn allows(&self, product_code: &str, action: &ActionCode) -> bool {
        self.product(product_code)
            .is_some_and(|product| product.allows(action))
    }
}

/// The catalog request for a company (definitive EASY number).
pub fn catalog_request(easy_number: &str) -> Result<HttpRequest, CofaceRequestError> {
    let easy = path::definitive_easy_number(easy_number)?;
    Ok(
        HttpRequest::new(Method::Get, format!("/companies/{easy}/catalog"))
            .with_header("accept", "application/json"),
    )
}

/// Parses a catalog. A product without code is malformed; unknown action codes are kept as
/// [`ActionCode::Other`].
pub fn parse_catalog(status: u16, body: &[u8]) -> Result<Catalog, InsurerError> {
    let body: CatalogBody = parse_json(status, body)?;
    let mut products: Vec<CatalogProduct> = Vec::new();
    for entry in body.products {
        let product = to_product(entry)?;
        match products
            .iter_mut()
            .find(|known| known.product_code == product.product_code)
        {
            Some(known) => merge(known, product),
            None => products.push(product),
        }
    }
    Ok(Catalog {
        easy_number: body.easy_number,
        products,
    })
}

fn to_product(entry: CatalogProductBody) -> Result<CatalogProduct, InsurerError> {
    let product_code = entry
        .product_code
        .as_deref()
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .ok_or_else(|| InsurerError::Malformed {
            reason: "a catalog product has no productCode".into(),
        })?
        .to_ascii_uppercase();
    let mut actions: Vec<ActionCode> = Vec::new();
    for code in entry.action_code.iter().chain(&entry.action_codes) {
        let action = ActionCode::parse(code);
        if !action.as_str().is_empty() && !actions.contains(&action) {
            actions.push(action);
        }
    }
    Ok(CatalogProduct {
        product_code,
        label: non_blank(entry.product_label),
        actions,
        last_delivery_id: entry.last_delivery_id,
        last_order_id: entry.last_order_id,
        last_external_id: entry.last_external_id,
    })
}

fn merge(known: &mut CatalogProduct, other: CatalogProduct) {
    for action in other.actions {
        if !known.actions.contains(&action) {
            known.actions.push(action);
        }
    }
    known.label = known.label.take().or(other.label);
    known.last_delivery_id = known.last_delivery_id.take().or(other.last_delivery_id);
    known.last_order_id = known.last_order_id.take().or(other.last_order_id);
    known.last_external_id = known.last_external_id.take().or(other.last_external_id);
}

fn non_blank(text: Option<String>) -> Option<String> {
    text.map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_request() {
        let request = catalog_request("0012345678904700000").unwrap();
        assert_eq!(request.path, "/companies/0012345678904700000/catalog");
        assert_eq!(
            catalog_request("Z42").unwrap_err().code(),
            "coface.easy_number_temporary"
        );
    }

    #[test]
    fn merges_entries_of_one_product() {
        let body = br#"{"products":[
            {"productCode":"scoremon","actionCode":"UPDT"},
            {"productCode":"SCOREMON","actionCodes":["STOP","UPDT",""],"lastDeliveryId":99}
        ]}"#;
        let catalog = parse_catalog(200, body).unwrap();
        assert_eq!(catalog.products.len(), 1);
        let product = catalog.product(" ScoreMon ").unwrap();
        assert_eq!(product.actions, [ActionCode::Updt, ActionCode::Stop]);
        assert_eq!(product.last_delivery_id.as_deref(), Some("99"));
        assert!(catalog.allows("SCOREMON", &ActionCode::Stop));
        assert!(!catalog.allows("SCOREMON", &ActionCode::Dele));
        assert!(!catalog.allows("ECL", &ActionCode::Crea));
        let json = serde_json::to_value(&catalog).unwrap();
        assert_eq!(
            json["products"][0]["actions"],
            serde_json::json!(["UPDT", "STOP"])
        );
        assert_eq!(json["products"][0]["lastDeliveryId"], "99");
        assert_eq!(serde_json::from_value::<Catalog>(json).unwrap(), catalog);
    }
}
