//! The tracker's columns: what each shows of a decision and how it sorts.

use std::cmp::Ordering;

use tradecover_core::decision::Decision;
use tradecover_core::locale::Locale;
use tradecover_core::money::{format_money, Money};

use super::status_kind::StatusKind;

/// A column of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Buyer name (else the insurer's buyer id).
    Buyer,
    /// Legal identifiers and the insurer's buyer id.
    Identifiers,
    /// Insurer.
    Insurer,
    /// Product or cover type.
    Product,
    /// Amount requested.
    Requested,
    /// Amount granted.
    Granted,
    /// Neutral status and the insurer's code.
    Status,
    /// Date applied.
    Applied,
    /// Date decided.
    Decided,
    /// Date in effect.
    Effective,
    /// Expiry date.
    Expiry,
    /// The seller's reference.
    Reference,
}

impl Column {
    /// Every column, in display order.
    pub const ALL: [Column; 12] = [
        Column::Buyer,
        Column::Identifiers,
        Column::Insurer,
        Column::Product,
        Column::Requested,
        Column::Granted,
        Column::Status,
        Column::Applied,
        Column::Decided,
        Column::Effective,
        Column::Expiry,
        Column::Reference,
    ];

    /// Its key in URLs, and the suffix of its header text `tracker.column_<key>`.
    pub fn key(self) -> &'static str {
        match self {
            Column::Buyer => "buyer",
            Column::Identifiers => "identifiers",
            Column::Insurer => "insurer",
            Column::Product => "product",
            Column::Requested => "requested",
            Column::Granted => "granted",
            Column::Status => "status",
            Column::Applied => "applied",
            Column::Decided => "decided",
            Column::Effective => "effective",
            Column::Expiry => "expiry",
            Column::Reference => "reference",
        }
    }

    /// The column named `key`.
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|column| column.key() == key.trim())
    }

    /// The cell's text; `status_label` names a status kind in the widget's language.
    pub fn text(
        self,
        row: &Decision,
        locale: &Locale,
        status_label: &dyn Fn(StatusKind) -> String,
    ) -> String {
        let money = |money: &Option<Money>| {
            money
                .as_ref()
                .map(|money| format_money(money, locale))
                .unwrap_or_default()
        };
        let date = |date: &Option<String>| date.clone().unwrap_or_default();
        match self {
            Column::Buyer => row
                .buyer_name
                .clone()
                .unwrap_or_else(|| row.buyer_id.clone()),
            Column::Identifiers => identifiers_text(row),
            Column::Insurer => row.insurer.display_name().to_owned(),
            Column::Product => row.product.clone(),
            Column::Requested => money(&row.requested),
            Column::Granted => money(&row.granted),
            Column::Status => format!(
                "{} ({})",
                status_label(StatusKind::of(row.status.status)),
                row.status.raw.code
            ),
            Column::Applied => date(&row.applied_on),
            Column::Decided => date(&row.decided_on),
            Column::Effective => date(&row.effective_from),
            Column::Expiry => date(&row.expires_on),
            Column::Reference => row.customer_reference.clone().unwrap_or_default(),
        }
    }

    /// How two rows compare in this column (ascending; empty values last).
    pub fn compare(self, a: &Decision, b: &Decision) -> Ordering {
        fn optional<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
            match (a, b) {
                (Some(a), Some(b)) => a.cmp(&b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        // Amounts in different currencies are grouped by currency, then by amount.
        let money = |money: &Option<Money>| money.map(|money| (money.currency.code(), money.minor));
        match self {
            Column::Buyer => optional(
                a.buyer_name.as_deref().map(str::to_lowercase),
                b.buyer_name.as_deref().map(str::to_lowercase),
            )
            .then_with(|| a.buyer_id.cmp(&b.buyer_id)),
            Column::Identifiers => a.buyer_id.cmp(&b.buyer_id),
            Column::Insurer => a.insurer.as_str().cmp(b.insurer.as_str()),
            Column::Product => a.product.cmp(&b.product),
            Column::Requested => optional(money(&a.requested), money(&b.requested)),
            Column::Granted => optional(money(&a.granted), money(&b.granted)),
            Column::Status => StatusKind::of(a.status.status)
                .cmp(&StatusKind::of(b.status.status))
                .then_with(|| a.status.raw.code.cmp(&b.status.raw.code)),
            Column::Applied => optional(a.applied_on.as_deref(), b.applied_on.as_deref()),
            Column::Decided => optional(a.decided_on.as_deref(), b.decided_on.as_deref()),
            Column::Effective => optional(a.effective_from.as_deref(), b.effective_from.as_deref()),
            Column::Expiry => optional(a.expires_on.as_deref(), b.expires_on.as_deref()),
            Column::Reference => optional(
                a.customer_reference.as_deref(),
                b.customer_reference.as_deref(),
            ),
        }
    }
}

/// The buyer's legal identifiers and the insurer's buyer id, as one text.
pub fn identifiers_text(row: &Decision) -> String {
    let mut parts: Vec<&str> = row
        .buyer_identifiers
        .iter()
        .map(|identifier| identifier.value.as_str())
        .collect();
    if !parts.contains(&row.buyer_id.as_str()) {
        parts.push(&row.buyer_id);
    }
    parts.join(" · ")
}
