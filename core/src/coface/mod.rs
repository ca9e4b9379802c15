//! Coface CofaServe: requests and responses as plain values. Every CofaServe wire name lives in
//! this module (see `wire`).
//!
//! - Finding a buyer: [`search_plan`] (identifier formats, then name, then "unknown company"),
//!   built on [`company_identifier`] and [`company_search`].
//! - Following decisions: [`portfolio`], [`delivery`], [`order`], [`status`] and, for
//!   companies ordered on before Coface identified them, [`reconcile`].
//! - Acting: [`customer_reference`], [`catalog`], [`product_order`], [`product_delete`].
//! - Around them: [`auth`], [`lockout`], [`notification`], [`sns`], [`replay`], [`overdue`].
//!
//! Request builders refuse what CofaServe would refuse with a typed [`CofaceRequestError`];
//! response parsers map every failure to a typed [`crate::InsurerError`].

mod amount;
pub mod auth;
pub mod catalog;
mod code_enum;
pub mod company_identifier;
pub mod company_search;
pub mod customer_reference;
mod date;
pub mod delivery;
mod identifier_types;
pub mod lockout;
pub mod notification;
pub mod order;
pub mod overdue;
mod path;
pub mod portfolio;
pub mod product_delete;
pub mod product_order;
mod product_state;
pub mod reconcile;
pub mod replay;
pub mod request_error;
mod response;
pub mod search_plan;
pub mod sns;
pub mod status;
mod wire;

pub use auth::{CofaceCredentials, CofaceSession};
pub use catalog::{catalog_request, parse_catalog, ActionCode, Catalog, CatalogProduct};
pub use company_identifier::{identifier_search_request, identifier_search_requests};
pub use company_search::{
    name_search_request, name_search_request_in_region, parse_company_list, CompanyList,
};
pub use customer_reference::{
    customer_references_request, parse_customer_references, parse_set_customer_reference,
    set_customer_reference_request, CustomerReference,
};
pub use delivery::{delivery_details_request, parse_delivery_details};
pub use order::{
    order_details_request, parse_order_details, parse_order_response, OrderReport, RejectionReason,
};
pub use portfolio::{
    parse_portfolio, portfolio_page_request, portfolio_request, Portfolio, PortfolioFilter,
};
pub use product_delete::{deletable_delivery, delete_request, parse_delete_response};
pub use product_order::{order_request, stop_request, ProductResource};
pub use reconcile::{reconcile_temporary, LinkedBy, Reconciliation};
pub use request_error::CofaceRequestError;
pub use search_plan::{SearchCriteria, SearchPlan, SearchStage, SearchStep};
pub use status::{
    delivery_status_report, order_status_report, product_status_report, DeliveryStatus, OrderStatus,
};

use crate::http_request::Method;
use crate::insurer::Insurer;
use crate::operation::Operation;

const fn operation(name: &'static str, method: Method, path: &'static str) -> Operation {
    Operation {
        insurer: Insurer::Coface,
        name,
        method,
        path,
    }
}

/// The CofaServe operations a browser may ask the proxy to forward: those of this module's
/// company and product files, then the overdue ones ([`overdue::OVERDUE_OPERATIONS`]). Not the
/// login, notification subscriptions or replays, which only the proxy makes.
pub const OPERATIONS: &[Operation] = &ALL_OPERATIONS;

const ALL_OPERATIONS: [Operation; PRODUCT_OPERATIONS.len() + overdue::OVERDUE_OPERATIONS.len()] =
    concat(PRODUCT_OPERATIONS, overdue::OVERDUE_OPERATIONS);

/// `first` then `second`, as an array of `N` (their total length, checked at compile time).
const fn concat<const N: usize>(first: &[Operation], second: &[Operation]) -> [Operation; N] {
    let mut all = [operation("", Method::Get, ""); N];
    let mut i = 0;
    while i < first.len() {
        all[i] = first[i];
        i += 1;
    }
    let mut j = 0;
    while j < second.len() {
        all[i + j] = second[j];
        j += 1;
    }
    all
}

/// Company search, portfolio, customer references, catalog, orders, deletion, deliveries and
/// order details. `POST /companies/unknown/products` comes before the pattern
/// `/companies/{easyNumber}/products`, which would match it too.
const PRODUCT_OPERATIONS: &[Operation] = &[
    operation(
        "company.search_by_name",
        Method::Get,
        company_search::NAME_SEARCH_PATH,
    ),
    operation(
        "company.search_by_identifier",
        Method::Get,
        company_identifier::IDENTIFIER_SEARCH_PATH,
    ),
    operation("portfolio.list", Method::Get, portfolio::PORTFOLIO_PATH),
    operation(
        "customer_reference.list",
        Method::Get,
        customer_reference::CUSTOMER_REFERENCES_PATH,
    ),
    operation(
        "customer_reference.set",
        Method::Patch,
        customer_reference::CUSTOMER_REFERENCES_PATH,
    ),
    operation("catalog.get", Method::Get, catalog::CATALOG_PATH),
    operation(
        "product.order_unknown_company",
        Method::Post,
        product_order::UNKNOWN_COMPANY_PRODUCTS_PATH,
    ),
    operation("product.order", Method::Post, product_order::PRODUCTS_PATH),
    operation(
        "product.order_topliner",
        Method::Post,
        product_order::TOPLINER_PATH,
    ),
    operation(
        "product.order_awaiting_deliveries_manufacturing",
        Method::Post,
        product_order::AWAITING_DELIVERIES_MANUFACTURING_PATH,
    ),
    operation(
        "product.delete",
        Method::Delete,
        product_delete::DELETE_PATH,
    ),
    operation("delivery.get", Method::Get, delivery::DELIVERY_DETAILS_PATH),
    operation("order.get", Method::Get, order::ORDER_DETAILS_PATH),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_are_unique_and_complete() {
        assert_eq!(
            OPERATIONS.len(),
            PRODUCT_OPERATIONS.len() + overdue::OVERDUE_OPERATIONS.len()
        );
        for (i, operation) in OPERATIONS.iter().enumerate() {
            assert!(!operation.name.is_empty() && operation.path.starts_with('/'));
            assert!(
                OPERATIONS[..i]
                    .iter()
                    .all(|other| other.name != operation.name),
                "{} twice",
                operation.name
            );
        }
        assert_eq!(OPERATIONS[..PRODUCT_OPERATIONS.len()], *PRODUCT_OPERATIONS);
        assert_eq!(
            OPERATIONS[PRODUCT_OPERATIONS.len()..],
            *overdue::OVERDUE_OPERATIONS
        );
    }
}
