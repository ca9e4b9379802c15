//! Following an order:
//! - `GET /coface/companies/{easyNumber}/products/orders/{orderId}`: order details;
//! - `GET /coface/companies/{easyNumber}/products/deliveries/{deliveryIdOrExternalId}`:
//!   delivery details (by `deliveryId` or by the `externalId` notifications give).
//!
//! Both answer the product-state JSON of [`super::order_line`]. An order made on an unknown
//! company is found under its temporary `Z…` number and, once Coface identified the company,
//! under the definitive one too; the answer then carries the definitive `easyNumber` and, in
//! `temporaryEasyNumber`, the number it was ordered under (the orderId links the two, as the
//! core's `reconcile` expects).

use super::catalog::path_param;
use super::{authorize, CofaceState};
use crate::error::ApiError;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde_json::Value;
use std::sync::Arc;

/// Order details.
pub(crate) async fn order(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    let (easy, order_id) = path_param(path)?;
    let easy = easy.trim().to_ascii_uppercase();
    let book = state.settled_book();
    let line = book
        .lines
        .iter()
        .find(|line| line.order_id == order_id.trim() && line.concerns(&easy))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "OrderNotFound",
                format!("No order {order_id} on company {easy}"),
            )
        })?;
    Ok(Json(line.to_json(book.reference(&line.easy_number))))
}

/// Delivery details.
pub(crate) async fn delivery(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    authorize(&state, &headers)?;
    let (easy, id) = path_param(path)?;
    let (easy, id) = (easy.trim().to_ascii_uppercase(), id.trim().to_owned());
    let book = state.settled_book();
    let line = book
        .lines
        .iter()
        .rev()
        .find(|line| {
            line.concerns(&easy)
                && line
                    .delivery
                    .as_ref()
                    .is_some_and(|d| d.id == id || d.external_id == id)
        })
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "DeliveryNotFound",
                format!("No delivery {id} on company {easy}"),
            )
        })?;
    Ok(Json(line.to_json(book.reference(&line.easy_number))))
}
