//! `GET /coface/companies/{easyNumber}/catalog`: the products the contract may order on a
//! company (a head office Coface knows), each with the action codes its current state allows
//! and the last `deliveryId` / `orderId` / `externalId`.
//!
//! Actions by product state (the last order of the product on the company):
//!
//! | state | cover | report (SCORECHECK) | monitored (SCOREMON, ARATINGMON) |
//! |---|---|---|---|
//! | never ordered, withdrawn, rejected | `CREA` | `CREA` | `CREA` |
//! | pending | — | — | — |
//! | in force | `UPDT`, `CHANGE` (changeable covers), `DELE` | `CREA`, `DELE` | `UPDT` |
//! | monitoring stopped | | | `STOP` |
//! | refused | `CREA`, `DELE` | | |
//!
//! TOPLINER is offered (`CREA`) only while a CREDITLIMIT is in force. For a monitored score the
//! catalog gives `STOP` once its monitoring is stopped: that is what the seed asks to see
//! before a deletion ("make sure the actionCode is set to STOP"); while it runs, a `STOP`
//! order stops it. [`check_order`] holds orders to the same rules.

use super::book::{Book, Designated};
use super::order_line::{Action, DeliveryStatus, OrderLine};
use super::products::{Product, ProductKind, PRODUCTS, TOPLINER_BASE};
use super::{authorize, CofaceState};
use crate::dataset::Company;
use crate::error::ApiError;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Map, Value};
use std::sync::Arc;

fn in_force(line: &OrderLine) -> bool {
    line.delivery.as_ref().is_some_and(|d| d.status.in_force())
}

fn base_in_force(book: &Book, easy: &str) -> bool {
    book.current(easy, TOPLINER_BASE).is_some_and(in_force)
}

/// The action codes the catalog gives for `product` on `easy`.
pub(crate) fn actions(book: &Book, easy: &str, product: &Product) -> Vec<&'static str> {
    let crea = if product.code == "TOPLINER" && !base_in_force(book, easy) {
        vec![]
    } else {
        vec!["CREA"]
    };
    let Some(line) = book.current(easy, product.code) else {
        return crea;
    };
    if line.status.is_pending() {
        return vec![];
    }
    let delivery = line.delivery.as_ref().map(|d| d.status);
    match (product.kind, delivery) {
        (ProductKind::Monitored, Some(status)) if status.in_force() => {
            if line.stopped {
                vec!["STOP"]
            } else {
                vec!["UPDT"]
            }
        }
        (ProductKind::Report, Some(status)) if status.in_force() => vec!["CREA", "DELE"],
        (ProductKind::Cover, Some(status)) if status.in_force() => {
            if product.changeable {
                vec!["UPDT", "CHANGE", "DELE"]
            } else {
                vec!["UPDT", "DELE"]
            }
        }
        (ProductKind::Cover, Some(DeliveryStatus::DecidedRefused)) => {
            let mut actions = crea;
            actions.push("DELE");
            actions
        }
        _ => crea,
    }
}

fn not_allowed(message: String) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "ActionNotAllowed",
        message,
    )
}

/// Whether `action` may be ordered on `product` for `easy` now (the catalog's rules; `CHANGE`
/// is ordered with the code of the product to change into, while another changeable cover is
/// in force, and `STOP` stops a running monitored score). 422 `ActionNotAllowed` otherwise.
pub(crate) fn check_order(
    book: &Book,
    easy: &str,
    product: &Product,
    action: Action,
) -> Result<(), ApiError> {
    let current = book.current(easy, product.code);
    if current.is_some_and(|line| line.status.is_pending()) {
        return Err(not_allowed(format!(
            "An order of {} is pending on this company",
            product.code
        )));
    }
    let running = current.filter(|line| in_force(line));
    let ok = match action {
        Action::Crea => actions(book, easy, product).contains(&"CREA"),
        Action::Updt => running.is_some_and(|line| !line.stopped),
        Action::Change => {
            product.changeable
                && running.is_none()
                && PRODUCTS.iter().any(|other| {
                    other.changeable
                        && other.code != product.code
                        && book.current(easy, other.code).is_some_and(in_force)
                })
        }
        Action::Stop => {
            product.kind == ProductKind::Monitored && running.is_some_and(|line| !line.stopped)
        }
    };
    if ok {
        Ok(())
    } else {
        Err(not_allowed(format!(
            "{} is not possible on {} for this company now; see its catalog",
            super::order_line::action_code(action),
            product.code
        )))
    }
}

/// The company an order or a catalog is for: a head office Coface knows, by definitive EASY
/// number. 400 for a temporary number or an establishment, 404 when unknown.
pub(crate) fn head_office<'s>(
    state: &'s CofaceState,
    book: &Book,
    easy: &str,
) -> Result<&'s Company, ApiError> {
    if easy.starts_with(['Z', 'z']) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "TemporaryEasyNumber",
            "A temporary EASY number cannot be used here; wait for the definitive one",
        ));
    }
    let company = match book.designated(&state.dataset, easy) {
        Designated::Company(index) => state.dataset.get(index),
        Designated::Temporary | Designated::Nothing => None,
    }
    .filter(|company| company.known_to_coface() || book.known_easy(company).is_some())
    .ok_or_else(|| company_not_found(easy))?;
    if !company.is_head_office() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "NotAHeadOffice",
            "Products can be ordered on head offices only; use the headOfficeEasyNumber",
        ));
    }
    Ok(company)
}

/// 404 `CompanyNotFound`.
pub(crate) fn company_not_found(easy: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "CompanyNotFound",
        format!("No company with EASY number {easy}"),
    )
}

/// A path parameter, or 400.
pub(crate) fn path_param<T>(path: Result<Path<T>, PathRejection>) -> Result<T, ApiError> {
    path.map(|Path(value)| value)
        .map_err(|e| ApiError::bad_request(format!("Malformed path: {}", e.body_text())))
}

/// The catalog handler.
pub(crate) async fn catalog(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    let easy = path_param(path)?.trim().to_owned();
    let book = state.settled_book();
    head_office(&state, &book, &easy)?;
    let products: Vec<Value> = PRODUCTS
        .iter()
        .map(|product| {
            let mut entry = Map::new();
            entry.insert("productCode".into(), json!(product.code));
            entry.insert("productLabel".into(), json!(product.label));
            entry.insert("actionCodes".into(), json!(actions(&book, &easy, product)));
            if let Some(line) = book.current(&easy, product.code) {
                entry.insert("lastOrderId".into(), json!(line.order_id));
            }
            if let Some((_, delivery)) = book.last_delivery(&easy, product.code) {
                entry.insert("lastDeliveryId".into(), json!(delivery.id));
                entry.insert("lastExternalId".into(), json!(delivery.external_id));
            }
            Value::Object(entry)
        })
        .collect();
    Ok(Json(json!({"easyNumber": easy, "products": products})))
}
