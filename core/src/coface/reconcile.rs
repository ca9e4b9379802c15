//! Temporary → definitive EASY number. An order on an unknown company is answered with a
//! temporary `Z…` EASY number; the final decision comes with the definitive number. The seed
//! links the two by orderId (and, in its unknown-company section, by deliveryId): the tracked
//! row is replaced by the final decision, keeping what only the original request knew.

use serde::Serialize;

use super::company_search::EASY_KIND;
use crate::decision::Decision;
use crate::identifier::is_temporary_easy;
use crate::insurer::Insurer;

/// How a tracked row is linked to the definitive decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum LinkedBy {
    /// The same orderId.
    OrderId,
    /// The same deliveryId (or the tracked row's id is the decision's orderId).
    DeliveryId,
}

/// A tracked row on a temporary EASY number and the row that replaces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reconciliation {
    /// Index of the replaced row in the tracked rows given.
    pub index: usize,
    /// The temporary EASY number it had.
    pub temporary_easy_number: String,
    /// How the two were linked.
    pub linked_by: LinkedBy,
    /// The replacement: the definitive decision, with the requested amount, customer
    /// reference, application date, orderId, product, name and legal identifiers of the
    /// original row where the decision lacks them.
    pub decision: Decision,
}

impl Reconciliation {
    /// Puts the replacement in place in `tracked` (the rows given to [`reconcile_temporary`]).
    pub fn apply(self, tracked: &mut [Decision]) {
        if let Some(row) = tracked.get_mut(self.index) {
            *row = self.decision;
        }
    }
}

fn same(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.map(str::trim), b.map(str::trim)) {
        (Some(a), Some(b)) => !a.is_empty() && a == b,
        _ => false,
    }
}

/// Finds the Coface row of `tracked` on a temporary EASY number that `definitive` (a decision
/// on a definitive EASY number) answers — by orderId first, then by deliveryId — and builds its
/// replacement. `None` when `definitive` is itself temporary, not Coface's, or answers no
/// tracked row.
pub fn reconcile_temporary(tracked: &[Decision], definitive: &Decision) -> Option<Reconciliation> {
    if definitive.insurer != Insurer::Coface || is_temporary_easy(&definitive.buyer_id) {
        return None;
    }
    let candidates = || {
        tracked
            .iter()
            .enumerate()
            .filter(|(_, row)| row.insurer == Insurer::Coface && is_temporary_easy(&row.buyer_id))
    };
    let by_order = candidates()
        .find(|(_, row)| same(row.order_id.as_deref(), definitive.order_id.as_deref()))
        .map(|(index, row)| (index, row, LinkedBy::OrderId));
    let (index, row, linked_by) = by_order.or_else(|| {
        candidates()
            .find(|(_, row)| {
                same(Some(&row.id), Some(&definitive.id))
                    || same(Some(&row.id), definitive.order_id.as_deref())
            })
            .map(|(index, row)| (index, row, LinkedBy::DeliveryId))
    })?;
    Some(Reconciliation {
        index,
        temporary_easy_number: row.buyer_id.clone(),
        linked_by,
        decision: merged(row, definitive),
    })
}

/// The definitive decision, completed from the original row.
fn merged(original: &Decision, definitive: &Decision) -> Decision {
    let mut decision = definitive.clone();
    decision.requested = decision.requested.or(original.requested);
    decision.applied_on = decision.applied_on.or_else(|| original.applied_on.clone());
    decision.order_id = decision.order_id.or_else(|| original.order_id.clone());
    decision.customer_reference = decision
        .customer_reference
        .or_else(|| original.customer_reference.clone());
    decision.buyer_name = decision.buyer_name.or_else(|| original.buyer_name.clone());
    if decision.product.is_empty() {
        decision.product = original.product.clone();
    }
    for identifier in &original.buyer_identifiers {
        if identifier.kind != EASY_KIND && !decision.buyer_identifiers.contains(identifier) {
            decision.buyer_identifiers.push(identifier.clone());
        }
    }
    decision
}
