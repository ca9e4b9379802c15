//! Every CofaServe status the seed lists, mapped onto the neutral lifecycle. The expected table
//! is written here from the seed's definitions, not taken from the implementation.
#![cfg(feature = "coface")]

use tradecover_core::coface::{
    delivery_status_report, order_status_report, product_status_report, DeliveryStatus, OrderStatus,
};
use tradecover_core::lifecycle::{Outcome, PendingReason, RawStatus, Status};

/// The seed's delivery statuses and what each means in the neutral lifecycle.
const DELIVERY: &[(&str, Option<Status>)] = &[
    // "the product has been cancelled (always by Coface)"
    ("CANCELLED", Some(Status::Cancelled)),
    // "the product has been granted"
    ("DECIDED_FULL", Some(Status::Decided(Outcome::Full))),
    // "the product has been partially granted"
    ("DECIDED_PARTIAL", Some(Status::Decided(Outcome::Partial))),
    // "the product has been refused"
    ("DECIDED_REFUSED", Some(Status::Decided(Outcome::Refused))),
    // "the decision has expired"
    ("EXPIRED", Some(Status::Expired)),
    // "the decision has been reduced"
    ("REDUCED", Some(Status::Reduced)),
    // "the product has been deleted by you or by Coface"
    ("WITHDRAWN", Some(Status::Withdrawn)),
    // "you have set a date of expiry" — the neutral Withdrawn covers "under withdrawal"
    ("UNDER_WITHDRAWAL", Some(Status::Withdrawn)),
    // "Coface has set a date of expiry" — the neutral Cancelled covers "under cancellation"
    ("UNDER_CANCELLATION", Some(Status::Cancelled)),
    // "the report has been delivered"
    ("DELIVERED", Some(Status::Decided(Outcome::Full))),
    // EDD only: the extension is granted
    ("STATUS_FULLFILLED", Some(Status::Decided(Outcome::Full))),
    // EDD only: replaced by another
    ("STATUS_REPLACED", Some(Status::Superseded)),
];

/// The seed's order statuses and what each means in the neutral lifecycle.
const ORDER: &[(&str, Option<Status>)] = &[
    // "the request has been closed": the outcome is the delivery's, not told here
    ("STATUS_CLOSED", None),
    // "the request has been produced"
    ("STATUS_STARTED", Some(Status::Submitted)),
    // "the request has been rejected (always by Coface)"
    ("STATUS_REJECTED", Some(Status::Decided(Outcome::Refused))),
    // "the request has been annuled"
    ("STATUS_ANNULED", Some(Status::Cancelled)),
    (
        "STATUS_PENDING_COMPLEMENTARY_INFORMATION",
        Some(Status::Pending(PendingReason::ComplementaryInformation)),
    ),
    // "Coface is trying to identify your partner"
    (
        "STATUS_PENDING_DEBTOR_VALIDATION",
        Some(Status::Pending(PendingReason::Identification)),
    ),
    (
        "STATUS_PENDING_ON_HOLD",
        Some(Status::Pending(PendingReason::OnHold)),
    ),
    // "A risk underwriter is taken a decision"
    (
        "STATUS_PENDING_UNDERWRITING",
        Some(Status::Pending(PendingReason::Underwriting)),
    ),
];

#[test]
fn every_delivery_status() {
    for (code, expected) in DELIVERY {
        let report = delivery_status_report(code);
        assert_eq!(report.status, *expected, "{code}");
        assert_eq!(report.raw, RawStatus::new("coface.delivery", code));
        assert!(DeliveryStatus::parse(code).is_known(), "{code}");
    }
    let listed: Vec<&str> = DELIVERY.iter().map(|(code, _)| *code).collect();
    assert_eq!(DeliveryStatus::CODES, listed.as_slice());
}

#[test]
fn every_order_status() {
    for (code, expected) in ORDER {
        let report = order_status_report(code);
        assert_eq!(report.status, *expected, "{code}");
        assert_eq!(report.raw, RawStatus::new("coface.order", code));
        assert!(OrderStatus::parse(code).is_known(), "{code}");
    }
    let listed: Vec<&str> = ORDER.iter().map(|(code, _)| *code).collect();
    assert_eq!(OrderStatus::CODES, listed.as_slice());
}

#[test]
fn final_and_pending_statuses() {
    let pending: Vec<&str> = ORDER
        .iter()
        .filter(|(code, _)| OrderStatus::parse(code).is_pending())
        .map(|(code, _)| *code)
        .collect();
    assert_eq!(
        pending,
        [
            "STATUS_PENDING_COMPLEMENTARY_INFORMATION",
            "STATUS_PENDING_DEBTOR_VALIDATION",
            "STATUS_PENDING_ON_HOLD",
            "STATUS_PENDING_UNDERWRITING"
        ]
    );
    // A rejected order is at the end of its lifecycle (the seed), and so is a refused product.
    assert!(order_status_report("STATUS_REJECTED")
        .status
        .unwrap()
        .is_final());
    assert!(delivery_status_report("DECIDED_REFUSED")
        .status
        .unwrap()
        .is_final());
    assert!(delivery_status_report("REDUCED")
        .status
        .unwrap()
        .is_in_force());
}

#[test]
fn unknown_codes_are_kept_raw() {
    let report = delivery_status_report(" SUSPENDED ");
    assert_eq!(report.status, None);
    assert_eq!(report.raw, RawStatus::new("coface.delivery", "SUSPENDED"));
    assert_eq!(
        DeliveryStatus::parse("SUSPENDED"),
        DeliveryStatus::Other("SUSPENDED".into())
    );
    let order = order_status_report("STATUS_ON_MARS");
    assert_eq!(order.status, None);
    assert_eq!(order.raw.code, "STATUS_ON_MARS");
    assert_eq!(order_status_report("").raw.code, "");
}

#[test]
fn spellings_and_case_are_tolerated() {
    assert_eq!(
        delivery_status_report("decided_full").status,
        Some(Status::Decided(Outcome::Full))
    );
    assert_eq!(
        delivery_status_report("STATUS_FULFILLED").status,
        Some(Status::Decided(Outcome::Full))
    );
    assert_eq!(
        order_status_report("STATUS_ANNULLED").status,
        Some(Status::Cancelled)
    );
    // The raw code stays as received, for display.
    assert_eq!(
        delivery_status_report("STATUS_FULFILLED").raw.code,
        "STATUS_FULFILLED"
    );
}

#[test]
fn the_delivery_tells_the_outcome_of_a_closed_order() {
    let report = product_status_report(Some("DECIDED_REFUSED"), Some("STATUS_CLOSED")).unwrap();
    assert_eq!(report.status, Some(Status::Decided(Outcome::Refused)));
    assert_eq!(report.raw.scheme, "coface.delivery");
    let waiting = product_status_report(None, Some("STATUS_PENDING_ON_HOLD")).unwrap();
    assert_eq!(waiting.status, Some(Status::Pending(PendingReason::OnHold)));
    assert_eq!(product_status_report(Some(""), None), None);
}
