//! An order as CofaServe reports it: the answer to `POST …/products` (known or unknown
//! company), and order details `GET /companies/{easyNumber}/products/orders/{orderId}`.
//!
//! An order on an unknown company is answered pending with a temporary `Z…` EASY number and an
//! orderId: link the final decision to it with [`super::reconcile`]. An order refused outright
//! is `STATUS_REJECTED` with its `rejectionReasons`.

use serde::Serialize;

use super::path;
use super::product_state::{to_decision, CompanyFacts, LineRules};
use super::request_error::CofaceRequestError;
use super::response::parse_json;
use super::status::OrderStatus;
use super::wire::ProductStateBody;
use crate::decision::Decision;
use crate::http_request::{HttpRequest, Method};
use crate::identifier::is_temporary_easy;
use crate::insurer_error::InsurerError;
use crate::lifecycle::{PendingReason, Status};

/// Path pattern of order details.
pub const ORDER_DETAILS_PATH: &str = "/companies/{easyNumber}/products/orders/{orderId}";

/// Why Coface rejected an order (codes in CofaServe's Utilities resource).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectionReason {
    /// Coface's rejection code (empty when only a label was given).
    pub code: String,
    /// Its label, when given.
    pub label: Option<String>,
}

/// An order and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderReport {
    /// The order as a tracker row: id = deliveryId once decided, else orderId; status = the
    /// delivery status when there is one, else the order status.
    pub decision: Decision,
    /// Why the order was rejected, when it was.
    pub rejection_reasons: Vec<RejectionReason>,
}

impl OrderReport {
    /// Whether the company is still identified by a temporary `Z…` EASY number.
    pub fn has_temporary_easy_number(&self) -> bool {
        is_temporary_easy(&self.decision.buyer_id)
    }

    /// Whether Coface rejected the order (`STATUS_REJECTED`; end of its lifecycle).
    pub fn is_rejected(&self) -> bool {
        self.decision.status.raw.scheme == super::status::ORDER_SCHEME
            && OrderStatus::parse(&self.decision.status.raw.code) == OrderStatus::Rejected
    }
}

/// The request for an order's details. A temporary EASY number is accepted: it is how a
/// pending order on an unknown company is followed.
pub fn order_details_request(
    easy_number: &str,
    order_id: &str,
) -> Result<HttpRequest, CofaceRequestError> {
    let easy = path::easy_number(easy_number)?;
    let order = path::id("orderId", order_id)?;
    Ok(HttpRequest::new(
        Method::Get,
        format!("/companies/{easy}/products/orders/{order}"),
    )
    .with_header("accept", "application/json"))
}

/// Parses the answer to an order (`POST …/products`, `…/topliner`,
/// `…/awaitingdeliveries-manufacturing`, `POST /companies/unknown/products`).
///
/// The answer must name the company (`easyNumber`) and the order (`orderId` or
/// `deliveryId`). Without any status code, the order counts as pending identification when the
/// EASY number is temporary, else as submitted.
pub fn parse_order_response(status: u16, body: &[u8]) -> Result<OrderReport, InsurerError> {
    report(parse_json(status, body)?)
}

/// Parses order details; same shape and rules as [`parse_order_response`].
pub fn parse_order_details(status: u16, body: &[u8]) -> Result<OrderReport, InsurerError> {
    report(parse_json(status, body)?)
}

fn report(mut line: ProductStateBody) -> Result<OrderReport, InsurerError> {
    let rejection_reasons = std::mem::take(&mut line.rejection_reasons)
        .into_iter()
        .filter_map(|reason| {
            let label = reason
                .label
                .map(|label| label.trim().to_owned())
                .filter(|label| !label.is_empty());
            let code = reason.code.unwrap_or_default();
            (!code.is_empty() || label.is_some()).then_some(RejectionReason { code, label })
        })
        .collect();
    let temporary = line.easy_number.as_deref().is_some_and(is_temporary_easy);
    let rules = LineRules {
        product_required: false,
        status_if_absent: Some(if temporary {
            Status::Pending(PendingReason::Identification)
        } else {
            Status::Submitted
        }),
    };
    Ok(OrderReport {
        decision: to_decision(line, &CompanyFacts::default(), rules)?,
        rejection_reasons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_details_request() {
        let request = order_details_request("Z123", "ORD-9").unwrap();
        assert_eq!(request.path, "/companies/Z123/products/orders/ORD-9");
        assert_eq!(
            order_details_request("0012345678904700000", "../x")
                .unwrap_err()
                .code(),
            "coface.id_invalid"
        );
    }

    #[test]
    fn an_answer_without_status() {
        let pending = parse_order_response(201, br#"{"easyNumber":"Z123","orderId":7}"#).unwrap();
        assert!(pending.has_temporary_easy_number());
        assert_eq!(
            pending.decision.status.status,
            Some(Status::Pending(PendingReason::Identification))
        );
        assert_eq!(pending.decision.id, "7");
        let known = parse_order_response(
            200,
            br#"{"easyNumber":"0012345678904700000","orderId":"8"}"#,
        )
        .unwrap();
        assert_eq!(known.decision.status.status, Some(Status::Submitted));
        assert!(!known.is_rejected());
        assert_eq!(
            parse_order_response(200, br#"{"orderId":"8"}"#)
                .unwrap_err()
                .code(),
            "insurer.malformed"
        );
    }
}
