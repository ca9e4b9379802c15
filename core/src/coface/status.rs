//! CofaServe's two status lists — delivery statuses (the answer to a request) and order
//! statuses (the request itself) — and how each maps onto the neutral [`Status`].

use super::code_enum::code_enum;
use crate::lifecycle::{Outcome, PendingReason, RawStatus, Status, StatusReport};

/// [`RawStatus::scheme`] of delivery statuses.
pub const DELIVERY_SCHEME: &str = "coface.delivery";
/// [`RawStatus::scheme`] of order statuses.
pub const ORDER_SCHEME: &str = "coface.order";

code_enum! {
    /// Status of a delivery (`GET /companies/{easyNumber}/products/deliveries/{id}`), as the
    /// seed lists them.
    pub enum DeliveryStatus {
        /// `CANCELLED`: cancelled, always by Coface.
        Cancelled = "CANCELLED",
        /// `DECIDED_FULL`: granted.
        DecidedFull = "DECIDED_FULL",
        /// `DECIDED_PARTIAL`: partially granted.
        DecidedPartial = "DECIDED_PARTIAL",
        /// `DECIDED_REFUSED`: refused.
        DecidedRefused = "DECIDED_REFUSED",
        /// `EXPIRED`: the decision has expired.
        Expired = "EXPIRED",
        /// `REDUCED`: the decision has been reduced.
        Reduced = "REDUCED",
        /// `WITHDRAWN`: deleted by the customer or by Coface.
        Withdrawn = "WITHDRAWN",
        /// `UNDER_WITHDRAWAL`: the customer has set an expiry date.
        UnderWithdrawal = "UNDER_WITHDRAWAL",
        /// `UNDER_CANCELLATION`: Coface has set an expiry date.
        UnderCancellation = "UNDER_CANCELLATION",
        /// `DELIVERED`: the report has been delivered.
        Delivered = "DELIVERED",
        /// `STATUS_FULLFILLED` (the seed's spelling; `STATUS_FULFILLED` accepted): extension of
        /// due date (EDD) only.
        Fulfilled = "STATUS_FULLFILLED" | "STATUS_FULFILLED",
        /// `STATUS_REPLACED`: extension of due date (EDD) only.
        Replaced = "STATUS_REPLACED",
    }
}

code_enum! {
    /// Status of an order (`GET /companies/{easyNumber}/products/orders/{orderId}`), as the
    /// seed lists them.
    pub enum OrderStatus {
        /// `STATUS_CLOSED`: the request has been closed (its outcome is its delivery's).
        Closed = "STATUS_CLOSED",
        /// `STATUS_STARTED`: the request has been produced.
        Started = "STATUS_STARTED",
        /// `STATUS_REJECTED`: rejected, always by Coface (end of lifecycle; see
        /// `rejectionReasons`).
        Rejected = "STATUS_REJECTED",
        /// `STATUS_ANNULED` (the seed's spelling; `STATUS_ANNULLED` accepted): annulled.
        Annulled = "STATUS_ANNULED" | "STATUS_ANNULLED",
        /// `STATUS_PENDING_COMPLEMENTARY_INFORMATION`: Coface needs more information.
        PendingComplementaryInformation = "STATUS_PENDING_COMPLEMENTARY_INFORMATION",
        /// `STATUS_PENDING_DEBTOR_VALIDATION`: Coface is identifying the buyer.
        PendingDebtorValidation = "STATUS_PENDING_DEBTOR_VALIDATION",
        /// `STATUS_PENDING_ON_HOLD`: pending.
        PendingOnHold = "STATUS_PENDING_ON_HOLD",
        /// `STATUS_PENDING_UNDERWRITING`: a risk underwriter is deciding.
        PendingUnderwriting = "STATUS_PENDING_UNDERWRITING",
    }
}

impl DeliveryStatus {
    /// The neutral status; `None` for a code this version does not know.
    ///
    /// `UNDER_WITHDRAWAL` and `UNDER_CANCELLATION` map to `Withdrawn` and `Cancelled` (the
    /// neutral states include "under …"); `DELIVERED` (a report) and `STATUS_FULLFILLED` (an
    /// extension of due date granted) to `Decided(Full)`; `STATUS_REPLACED` to `Superseded`.
    pub fn status(&self) -> Option<Status> {
        Some(match self {
            Self::Cancelled | Self::UnderCancellation => Status::Cancelled,
            Self::DecidedFull | Self::Delivered | Self::Fulfilled => Status::Decided(Outcome::Full),
            Self::DecidedPartial => Status::Decided(Outcome::Partial),
            Self::DecidedRefused => Status::Decided(Outcome::Refused),
            Self::Expired => Status::Expired,
            Self::Reduced => Status::Reduced,
            Self::Withdrawn | Self::UnderWithdrawal => Status::Withdrawn,
            Self::Replaced => Status::Superseded,
            Self::Other(_) => return None,
        })
    }
}

impl OrderStatus {
    /// The neutral status; `None` for a code this version does not know, and for
    /// `STATUS_CLOSED`: a closed order's outcome is its delivery's status, which the order
    /// status alone does not tell (see [`product_status_report`]).
    ///
    /// `STATUS_STARTED` is `Submitted`; `STATUS_REJECTED` is `Decided(Refused)` (Coface's
    /// refusal, final); `STATUS_ANNULED` is `Cancelled` (a customer cannot annul an order once
    /// submitted, so the annulment is Coface's); each pending status maps to its reason.
    pub fn status(&self) -> Option<Status> {
        Some(match self {
            Self::Started => Status::Submitted,
            Self::Rejected => Status::Decided(Outcome::Refused),
            Self::Annulled => Status::Cancelled,
            Self::PendingComplementaryInformation => {
                Status::Pending(PendingReason::ComplementaryInformation)
            }
            Self::PendingDebtorValidation => Status::Pending(PendingReason::Identification),
            Self::PendingOnHold => Status::Pending(PendingReason::OnHold),
            Self::PendingUnderwriting => Status::Pending(PendingReason::Underwriting),
            Self::Closed | Self::Other(_) => return None,
        })
    }

    /// Whether the order is waiting for Coface.
    pub fn is_pending(&self) -> bool {
        matches!(
            self,
            Self::PendingComplementaryInformation
                | Self::PendingDebtorValidation
                | Self::PendingOnHold
                | Self::PendingUnderwriting
        )
    }
}

/// The report of a delivery status code, kept as received (trimmed).
pub fn delivery_status_report(code: &str) -> StatusReport {
    StatusReport {
        status: DeliveryStatus::parse(code).status(),
        raw: RawStatus::new(DELIVERY_SCHEME, code.trim()),
    }
}

/// The report of an order status code, kept as received (trimmed).
pub fn order_status_report(code: &str) -> StatusReport {
    StatusReport {
        status: OrderStatus::parse(code).status(),
        raw: RawStatus::new(ORDER_SCHEME, code.trim()),
    }
}

/// The status of one product of a company from what CofaServe gives: the delivery status when
/// there is one (the answer in force), else the order status. Blank codes count as absent.
/// With neither, `None`; the caller decides what an answer without status means.
pub fn product_status_report(
    delivery_status: Option<&str>,
    order_status: Option<&str>,
) -> Option<StatusReport> {
    present(delivery_status)
        .map(delivery_status_report)
        .or_else(|| present(order_status).map(order_status_report))
}

fn present(code: Option<&str>) -> Option<&str> {
    code.filter(|code| !code.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for code in DeliveryStatus::CODES {
            assert_eq!(DeliveryStatus::parse(code).as_str(), *code);
            assert!(DeliveryStatus::parse(code).is_known());
        }
        for code in OrderStatus::CODES {
            assert_eq!(OrderStatus::parse(code).as_str(), *code);
        }
        assert_eq!(
            DeliveryStatus::parse(" decided_full "),
            DeliveryStatus::DecidedFull
        );
        assert_eq!(
            DeliveryStatus::parse("STATUS_FULFILLED"),
            DeliveryStatus::Fulfilled
        );
        assert_eq!(
            DeliveryStatus::parse("ON_THE_MOON"),
            DeliveryStatus::Other("ON_THE_MOON".into())
        );
        assert_eq!(
            serde_json::to_string(&OrderStatus::PendingOnHold).unwrap(),
            "\"STATUS_PENDING_ON_HOLD\""
        );
    }

    #[test]
    fn delivery_wins_over_order() {
        let report = product_status_report(Some("REDUCED"), Some("STATUS_CLOSED")).unwrap();
        assert_eq!(report.status, Some(Status::Reduced));
        assert_eq!(report.raw, RawStatus::new(DELIVERY_SCHEME, "REDUCED"));
        let pending = product_status_report(Some(" "), Some("STATUS_PENDING_ON_HOLD")).unwrap();
        assert_eq!(pending.raw.scheme, ORDER_SCHEME);
        assert_eq!(product_status_report(None, Some("")), None);
    }
}
