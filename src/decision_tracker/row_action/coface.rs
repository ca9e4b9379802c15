//! Coface actions, built and read by the core:
//! - increase or reduce: `POST /companies/{easyNumber}/products` (`…/topliner` for TopLiner)
//!   with `actionCode` `UPDT` and the new amount; the answer is the new decision (a new
//!   deliveryId, or the order while it is assessed), and the row it replaces becomes
//!   [`Status::Superseded`];
//! - stop: the same resource with `STOP` (monitored SCOREMON / ARATINGMON, before deleting);
//! - delete: the company's catalog is read (`GET /companies/{easyNumber}/products/catalog`)
//!   for the deliveryId to delete by, which must be the row's — the one the user confirmed —,
//!   then `DELETE /companies/{easyNumber}/products/{deliveryId}`;
//! - set or erase the reference: `PATCH` of the company's customer reference.
//!
//! After each, the company's products are read again (`GET /companies/products?easyNumber=…`).

use tradecover_core::coface::{
    catalog_request, deletable_delivery, delete_request, order_request, parse_catalog,
    parse_delete_response, parse_order_response, parse_set_customer_reference,
    set_customer_reference_request, stop_request, ActionCode, ProductResource,
};
use tradecover_core::cover_application::{ApplicationBuyer, CoverApplication, CoverType};
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::Status;
use tradecover_core::money::Money;
use tradecover_core::Insurer;

use super::{cannot_build, problem, reread, send_keyed, with_status, ActionTarget, RowAction};
use crate::widget_error::WidgetError;

/// Performs `action` on the Coface `row` (see [`super::perform`]).
pub async fn perform(
    target: ActionTarget<'_>,
    row: &Decision,
    action: &RowAction,
    idempotency_key: &str,
) -> Result<Vec<Decision>, WidgetError> {
    let language = target.language;
    let insurer_error = |error| WidgetError::from_insurer(&error, language);
    let easy = row.buyer_id.as_str();
    let updated = match action {
        RowAction::Increase(amount) | RowAction::Reduce(amount) => {
            let request = order_request(
                &update_of(row, *amount, idempotency_key),
                &row.product,
                &ActionCode::Updt,
                resource_of(&row.product),
            )
            .map_err(|error| cannot_build(language, row, error.code()))?;
            let response = send_keyed(target, row, request, idempotency_key).await?;
            let report =
                parse_order_response(response.status, &response.body).map_err(insurer_error)?;
            if report.decision.id == row.id {
                report.decision
            } else {
                let mut found = vec![
                    with_status(row, Status::Superseded, "UPDT"),
                    report.decision,
                ];
                found.extend(company_products(target, row).await.into_iter().skip(1));
                return Ok(found);
            }
        }
        RowAction::Stop => {
            let request = stop_request(easy, &row.product)
                .map_err(|error| cannot_build(language, row, error.code()))?;
            let response = send_keyed(target, row, request, idempotency_key).await?;
            parse_order_response(response.status, &response.body).map_err(insurer_error)?;
            row.clone()
        }
        RowAction::Delete => {
            let request =
                catalog_request(easy).map_err(|error| cannot_build(language, row, error.code()))?;
            let response = target
                .client
                .send(row.insurer, &request, language, None)
                .await?;
            let catalog = parse_catalog(response.status, &response.body).map_err(insurer_error)?;
            let delivery = deletable_delivery(&catalog, &row.product)
                .map_err(|error| cannot_build(language, row, error.code()))?;
            if delivery != row.id {
                return Err(WidgetError {
                    code: "coface.newer_delivery".to_owned(),
                    ..problem(language, row, "tracker.newer_delivery")
                });
            }
            let request = delete_request(easy, &catalog, &row.product)
                .map_err(|error| cannot_build(language, row, error.code()))?;
            let response = send_keyed(target, row, request, idempotency_key).await?;
            parse_delete_response(response.status, &response.body).map_err(insurer_error)?;
            with_status(row, Status::Withdrawn, "DELE")
        }
        RowAction::SetReference(reference) => {
            let request = set_customer_reference_request(easy, reference)
                .map_err(|error| cannot_build(language, row, error.code()))?;
            let response = send_keyed(target, row, request, idempotency_key).await?;
            parse_set_customer_reference(response.status, &response.body).map_err(insurer_error)?;
            let mut updated = row.clone();
            let reference = reference.trim();
            updated.customer_reference = (!reference.is_empty()).then(|| reference.to_owned());
            updated
        }
        RowAction::Cancel | RowAction::Convert => {
            return Err(problem(language, row, "insurer.unsupported"))
        }
    };
    let mut found = company_products(target, &updated).await;
    // What the action changed is more exact than a listing that does not show it yet (a
    // deleted product, a reference): the row as the action left it, unless listed changed.
    match found.first() {
        Some(listed) if listed.status.raw.scheme != super::ACTION_SCHEME && listed != row => {}
        _ => {
            if found.is_empty() {
                found.push(updated);
            } else {
                found[0] = updated;
            }
        }
    }
    Ok(found)
}

/// The application updating `row`'s product to `amount`.
fn update_of(row: &Decision, amount: Money, idempotency_key: &str) -> CoverApplication {
    CoverApplication {
        insurer: Insurer::Coface,
        buyer: ApplicationBuyer::Known {
            insurer_id: row.buyer_id.clone(),
        },
        cover_type: CoverType::CreditLimit,
        amount,
        customer_reference: row.customer_reference.clone(),
        urgent: false,
        policy: None,
        comment: None,
        callback: None,
        idempotency_key: idempotency_key.to_owned(),
    }
}

/// The resource taking an order on `product`.
fn resource_of(product: &str) -> ProductResource {
    if product.trim().eq_ignore_ascii_case("TOPLINER") {
        ProductResource::TopLiner
    } else {
        ProductResource::Products
    }
}

/// The company's products as Coface lists them now, `row`'s first; just `row` when they
/// cannot be read (the action itself succeeded).
async fn company_products(target: ActionTarget<'_>, row: &Decision) -> Vec<Decision> {
    match reread(target, row).await {
        Ok(Some(found)) => found,
        _ => vec![row.clone()],
    }
}
