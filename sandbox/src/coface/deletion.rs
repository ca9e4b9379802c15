//! `DELETE /coface/companies/{easyNumber}/products/{deliveryId}`: deleting a product by the
//! deliveryId of its last decision (the catalog's `lastDeliveryId`). The delivery becomes
//! `WITHDRAWN` and the change is pushed. Refused (409, CofaServe-style codes):
//! - no deliveryId yet (`DELETE …/products` without one is 400; an orderId of a pending order
//!   is `NoDeliveryId`: an order cannot be deleted before Coface answers);
//! - not the last decision of its product (`NotLastDelivery`), or an order of the product
//!   pending (`OrderPending`);
//! - SCOREMON and ARATINGMON whose monitoring is not stopped (`DeletionNotAllowed`: `STOP`
//!   first);
//! - already withdrawn (`AlreadyWithdrawn`).

use super::catalog::{head_office, path_param};
use super::decision::withdraw;
use super::order_line::DeliveryStatus;
use super::products::ProductKind;
use super::{authorize, CofaceState};
use crate::error::ApiError;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Value};
use std::sync::Arc;

fn conflict(code: &'static str, message: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::CONFLICT, code, message)
}

/// `DELETE …/products` without deliveryId: 400.
pub(crate) async fn without_delivery_id(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    Err(ApiError::new(
        StatusCode::BAD_REQUEST,
        "DeliveryIdRequired",
        "A product is deleted by the deliveryId of its last decision: DELETE /companies/{easyNumber}/products/{deliveryId}",
    ))
}

/// The deletion handler.
pub(crate) async fn delete(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    let (easy, id) = path_param(path)?;
    let (easy, id) = (easy.trim().to_owned(), id.trim().to_owned());
    let mut book = state.settled_book();
    head_office(&state, &book, &easy)?;
    let found = book.lines.iter().rposition(|line| {
        line.concerns(&easy) && line.delivery.as_ref().is_some_and(|d| d.id == id)
    });
    let Some(found) = found else {
        let pending = book
            .lines
            .iter()
            .any(|line| line.concerns(&easy) && line.order_id == id && line.delivery.is_none());
        return Err(if pending {
            conflict(
                "NoDeliveryId",
                "This order has no decision yet: an order cannot be deleted before Coface answers",
            )
        } else {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "DeliveryNotFound",
                format!("No delivery {id} on company {easy}"),
            )
        });
    };
    let product = book.lines[found].product;
    let current = book.current_index(&easy, product.code).unwrap_or(found);
    let line = &book.lines[current];
    if line.status.is_pending() {
        return Err(conflict(
            "OrderPending",
            format!(
                "An order of {} is pending; wait for its decision",
                product.code
            ),
        ));
    }
    if line.delivery.as_ref().is_none_or(|d| d.id != id) {
        return Err(conflict(
            "NotLastDelivery",
            "Use the deliveryId of the last decision on the product (catalog lastDeliveryId)",
        ));
    }
    if product.kind == ProductKind::Monitored && !line.stopped {
        return Err(conflict(
            "DeletionNotAllowed",
            "The product must be stopped first",
        ));
    }
    if line
        .delivery
        .as_ref()
        .is_some_and(|d| d.status == DeliveryStatus::Withdrawn)
    {
        return Err(conflict(
            "AlreadyWithdrawn",
            "The product is already withdrawn",
        ));
    }
    withdraw(&state, &mut book, current, state.clock.now());
    Ok(Json(json!({
        "easyNumber": easy,
        "productCode": product.code,
        "deliveryId": id,
        "deliveryStatus": DeliveryStatus::Withdrawn.code(),
    })))
}
