//! One order of a product on a company, with its delivery (the decision) once there is one,
//! and the CofaServe product-state JSON that the order answer, order details, delivery details
//! and the portfolio share.
//!
//! Order statuses used: `STATUS_PENDING_UNDERWRITING` (referred), `STATUS_PENDING_DEBTOR_VALIDATION`
//! (unknown company being identified), `STATUS_CLOSED` (decided) and `STATUS_REJECTED`
//! (refused outright, with `rejectionReasons`). Delivery statuses used: `DECIDED_FULL`,
//! `DECIDED_PARTIAL`, `DECIDED_REFUSED`, `DELIVERED` (reports and scores), `WITHDRAWN`
//! (deleted, or replaced by a `CHANGE`), `EXPIRED` ([`VALIDITY_DAYS`] after the decision) and,
//! when Coface reviews a cover ([`crate::underwriting::review`]), `REDUCED` (the new amount in
//! `grantedAmount`, effective from the review: `effectDate`), `UNDER_CANCELLATION` (Coface has
//! set an expiry date: the withdrawal date is the `expiryDate`) and `CANCELLED`.

use super::calendar::{date_after, date_of};
use super::products::Product;
use crate::country::Country;
use crate::underwriting::{Outcome, ReviewStep};
use serde_json::{json, Map, Value};
use std::time::Duration;

/// Days a granted cover or a delivered report stays in force (the shared review policy's).
pub(crate) const VALIDITY_DAYS: u64 = crate::underwriting::VALIDITY_DAYS;

/// An order's action code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// `CREA`.
    Crea,
    /// `UPDT`.
    Updt,
    /// `CHANGE`.
    Change,
    /// `STOP`.
    Stop,
}

impl Action {
    /// Parses an order's `actionCode` (`DELE` is not an order: it has its own resource).
    pub(crate) fn parse(code: &str) -> Option<Self> {
        match code.trim().to_ascii_uppercase().as_str() {
            "CREA" => Some(Self::Crea),
            "UPDT" => Some(Self::Updt),
            "CHANGE" => Some(Self::Change),
            "STOP" => Some(Self::Stop),
            _ => None,
        }
    }
}

/// Where an order stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OrderStatus {
    /// Referred to an underwriter.
    PendingUnderwriting,
    /// Coface is identifying the company (unknown-company orders).
    PendingDebtorValidation,
    /// Decided: see the delivery.
    Closed,
    /// Refused outright.
    Rejected,
}

impl OrderStatus {
    /// The CofaServe code.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::PendingUnderwriting => "STATUS_PENDING_UNDERWRITING",
            Self::PendingDebtorValidation => "STATUS_PENDING_DEBTOR_VALIDATION",
            Self::Closed => "STATUS_CLOSED",
            Self::Rejected => "STATUS_REJECTED",
        }
    }

    /// Whether Coface has not answered yet.
    pub(crate) fn is_pending(self) -> bool {
        matches!(
            self,
            Self::PendingUnderwriting | Self::PendingDebtorValidation
        )
    }
}

/// The status of a delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DeliveryStatus {
    /// Granted in full.
    DecidedFull,
    /// Granted in part, with a condition.
    DecidedPartial,
    /// Refused.
    DecidedRefused,
    /// A report or score delivered.
    Delivered,
    /// Deleted by the customer, or replaced by a `CHANGE`.
    Withdrawn,
    /// In force for [`VALIDITY_DAYS`], then expired.
    Expired,
    /// Reduced by Coface at review.
    Reduced,
    /// Coface has set an expiry date: withdrawn then.
    UnderCancellation,
    /// Withdrawn by Coface.
    Cancelled,
}

impl DeliveryStatus {
    /// The CofaServe code.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::DecidedFull => "DECIDED_FULL",
            Self::DecidedPartial => "DECIDED_PARTIAL",
            Self::DecidedRefused => "DECIDED_REFUSED",
            Self::Delivered => "DELIVERED",
            Self::Withdrawn => "WITHDRAWN",
            Self::Expired => "EXPIRED",
            Self::Reduced => "REDUCED",
            Self::UnderCancellation => "UNDER_CANCELLATION",
            Self::Cancelled => "CANCELLED",
        }
    }

    /// The status of an underwriting outcome.
    pub(crate) fn of_outcome(outcome: &Outcome) -> Self {
        match outcome {
            Outcome::Granted => Self::DecidedFull,
            Outcome::Partial { .. } => Self::DecidedPartial,
            Outcome::Refused => Self::DecidedRefused,
        }
    }

    /// Whether the product is in force (granted — possibly reduced or until a notified
    /// cancellation —, or a report/score delivered).
    pub(crate) fn in_force(self) -> bool {
        matches!(
            self,
            Self::DecidedFull
                | Self::DecidedPartial
                | Self::Delivered
                | Self::Reduced
                | Self::UnderCancellation
        )
    }
}

/// The answer to an order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Delivery {
    /// `deliveryId`.
    pub(crate) id: String,
    /// `externalId`, the number notifications give (also finds the delivery).
    pub(crate) external_id: String,
    /// Status.
    pub(crate) status: DeliveryStatus,
    /// Granted amount in major units (covers).
    pub(crate) granted: Option<u64>,
    /// When it was decided (sandbox time).
    pub(crate) decided_at: Duration,
    /// The condition of a partial grant.
    pub(crate) condition: Option<&'static str>,
    /// What will happen to it while in force: the shared review of a granted cover
    /// ([`crate::underwriting::review`]), the expiry of a report; times from `decided_at`.
    pub(crate) schedule: Vec<ReviewStep>,
    /// How many steps of `schedule` have been applied.
    pub(crate) reviewed: usize,
    /// When the amount in force last changed at review (a reduction).
    pub(crate) changed_at: Option<Duration>,
    /// When a notified cancellation takes effect.
    pub(crate) ends_at: Option<Duration>,
}

/// What the customer said about a company Coface did not know (unknown-company orders).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct ClaimedCompany {
    /// `company.legalIdentifiers`: (identifierType, identifierValue).
    pub(crate) identifiers: Vec<(String, String)>,
}

/// One order.
#[derive(Clone, Debug)]
pub(crate) struct OrderLine {
    /// `orderId`.
    pub(crate) order_id: String,
    /// The company's EASY number now: temporary (`Z…`) until identified.
    pub(crate) easy_number: String,
    /// The temporary number the order was made under (unknown-company orders).
    pub(crate) temporary_easy_number: Option<String>,
    /// The company in the data set, once known.
    pub(crate) company: Option<usize>,
    /// Company name.
    pub(crate) company_name: String,
    /// Company country.
    pub(crate) country: Country,
    /// What the customer gave about an unknown company, until it is identified.
    pub(crate) claimed: Option<ClaimedCompany>,
    /// The product.
    pub(crate) product: &'static Product,
    /// The action ordered.
    pub(crate) action: Action,
    /// Requested amount, major units (covers).
    pub(crate) requested: Option<u64>,
    /// Currency of the amounts.
    pub(crate) currency: Option<String>,
    /// When it was ordered (sandbox time).
    pub(crate) ordered_at: Duration,
    /// When a pending order falls due.
    pub(crate) due_at: Option<Duration>,
    /// Order status.
    pub(crate) status: OrderStatus,
    /// The delivery, once decided.
    pub(crate) delivery: Option<Delivery>,
    /// Why it was rejected (code, label).
    pub(crate) rejection_reasons: Vec<(&'static str, &'static str)>,
    /// For monitored scores: whether the monitoring has been stopped.
    pub(crate) stopped: bool,
}

impl OrderLine {
    /// Whether the line concerns the company `easy` (its number now, or the temporary one it
    /// was ordered under).
    pub(crate) fn concerns(&self, easy: &str) -> bool {
        self.easy_number == easy || self.temporary_easy_number.as_deref() == Some(easy)
    }

    /// When the line was last decided, else when it was ordered.
    pub(crate) fn reference_time(&self) -> Duration {
        self.delivery
            .as_ref()
            .map_or(self.ordered_at, |delivery| delivery.decided_at)
    }

    /// The product-state JSON, with the company's customer reference.
    pub(crate) fn to_json(&self, customer_reference: Option<&str>) -> Value {
        let mut out = Map::new();
        let mut put = |key: &str, value: Value| {
            if !value.is_null() {
                out.insert(key.to_owned(), value);
            }
        };
        put("easyNumber", json!(self.easy_number));
        put("temporaryEasyNumber", json!(self.temporary_easy_number));
        put("companyName", json!(self.company_name));
        put("countryCode", json!(self.country.alpha3()));
        put("customerReference", json!(customer_reference));
        put("productCode", json!(self.product.code));
        put("actionCode", json!(action_code(self.action)));
        put("orderId", json!(self.order_id));
        put("orderStatus", json!(self.status.code()));
        put("requestedAmount", json!(self.requested));
        put("currencyCode", json!(self.currency));
        put("orderDate", json!(date_of(self.ordered_at)));
        if let Some(delivery) = &self.delivery {
            put("deliveryId", json!(delivery.id));
            put("externalId", json!(delivery.external_id));
            put("deliveryStatus", json!(delivery.status.code()));
            put("grantedAmount", json!(delivery.granted));
            put("decisionDate", json!(date_of(delivery.decided_at)));
            if delivery.status != DeliveryStatus::DecidedRefused {
                let effect = delivery.changed_at.unwrap_or(delivery.decided_at);
                put("effectDate", json!(date_of(effect)));
                let expiry = match delivery.ends_at {
                    Some(at) => date_of(at),
                    None => date_after(delivery.decided_at, VALIDITY_DAYS),
                };
                put("expiryDate", json!(expiry));
            }
            if let Some(condition) = delivery.condition {
                put(
                    "conditions",
                    json!([{"code": "PARTIAL", "label": condition}]),
                );
            }
        }
        if !self.rejection_reasons.is_empty() {
            let reasons: Vec<Value> = self
                .rejection_reasons
                .iter()
                .map(|(code, label)| json!({"code": code, "label": label}))
                .collect();
            put("rejectionReasons", Value::Array(reasons));
        }
        if self.product.kind == super::products::ProductKind::Monitored {
            put("monitoringStopped", json!(self.stopped));
        }
        Value::Object(out)
    }
}

/// The CofaServe action code.
pub(crate) fn action_code(action: Action) -> &'static str {
    match action {
        Action::Crea => "CREA",
        Action::Updt => "UPDT",
        Action::Change => "CHANGE",
        Action::Stop => "STOP",
    }
}
