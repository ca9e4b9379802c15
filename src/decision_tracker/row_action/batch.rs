//! Batches: one action (increase by a percentage, or cancel) on many rows at once, with one
//! result per row.
//!
//! Rows where the core's state machine does not allow the action are skipped, not sent
//! ([`plan`]). Atradius rows go in one request (`POST …/covers/batch`, the core's batch of
//! changes, with the batch's idempotency key, which the insurer honours); Coface and Allianz
//! Trade rows are sent one after the other, each as from the detail panel with its own key
//! ([`run`]). An increase asks for the amount in force plus the percentage, rounded up to a
//! whole thousand of the currency (Atradius only takes multiples of 1,000).

use tradecover_core::atradius::{
    cover_type_of, modification_batch_request, parse_modification_batch_response, CoverAction,
    CoverModification,
};
use tradecover_core::cover_application::CoverType;
use tradecover_core::decision::Decision;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::lifecycle::{Action, Status};
use tradecover_core::money::Money;
use tradecover_core::Insurer;

use super::new_amount::current_amount;
use super::{perform, problem, with_status, ActionTarget, RowAction, IDEMPOTENCY_HEADER};
use crate::widget_error::WidgetError;

/// The largest percentage an increase may add.
pub const MAX_PERCENT: u32 = 1000;

/// What a batch does to every row it sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchAction {
    /// Ask for the amount in force plus this percentage.
    Increase {
        /// 1 to [`MAX_PERCENT`].
        percent: u32,
    },
    /// End the covers.
    Cancel,
}

impl BatchAction {
    /// The core's action.
    pub fn action(self) -> Action {
        match self {
            BatchAction::Increase { .. } => Action::Increase,
            BatchAction::Cancel => Action::Cancel,
        }
    }
}

/// One row to send: its index in the table, the row, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchItem {
    /// Index in the table.
    pub index: usize,
    /// The row as it was when the batch was confirmed.
    pub row: Decision,
    /// The action with its amount.
    pub action: RowAction,
    /// Its idempotency key (made when the batch confirmation opened).
    pub key: String,
}

/// A typed percentage, 1 to [`MAX_PERCENT`]; `None` otherwise.
pub fn parse_percent(text: &str) -> Option<u32> {
    let text = text.trim().trim_end_matches('%').trim();
    text.parse::<u32>()
        .ok()
        .filter(|percent| (1..=MAX_PERCENT).contains(percent))
}

/// The amount in force on `row` plus `percent`, rounded up to a whole thousand of its
/// currency; `None` without an amount in force, or beyond 64 bits.
pub fn increased(row: &Decision, percent: u32) -> Option<Money> {
    let current = current_amount(row).filter(Money::is_positive)?;
    let thousand = current.currency.minor_per_major().checked_mul(1000)?;
    let raised = i128::from(current.minor) * i128::from(100 + percent) / 100;
    let rounded = (raised + i128::from(thousand) - 1) / i128::from(thousand) * i128::from(thousand);
    let minor = i64::try_from(rounded).ok()?;
    (minor > current.minor).then(|| Money::from_minor(minor, current.currency))
}

/// The rows to send (with the action each gets) and the indices of those skipped: the core
/// does not allow the action on them (`allowed` says), or an increase has no amount.
pub fn plan(
    rows: Vec<(usize, Decision)>,
    action: BatchAction,
    allowed: impl Fn(&Decision) -> Vec<Action>,
    key_of: impl Fn(usize) -> String,
) -> (Vec<BatchItem>, Vec<(usize, Decision)>) {
    let mut items = Vec::new();
    let mut skipped = Vec::new();
    for (index, row) in rows {
        let row_action = if allowed(&row).contains(&action.action()) {
            match action {
                BatchAction::Increase { percent } => {
                    increased(&row, percent).map(RowAction::Increase)
                }
                BatchAction::Cancel => Some(RowAction::Cancel),
            }
        } else {
            None
        };
        match row_action {
            Some(row_action) => items.push(BatchItem {
                key: key_of(index),
                index,
                row,
                action: row_action,
            }),
            None => skipped.push((index, row)),
        }
    }
    (items, skipped)
}

/// Sends `items`: the Atradius ones in one batch request with `batch_key`, the others one after
/// the other; one result per item, in the order given.
pub async fn run(
    target: ActionTarget<'_>,
    items: &[BatchItem],
    batch_key: &str,
) -> Vec<Result<Vec<Decision>, WidgetError>> {
    let atradius: Vec<&BatchItem> = items
        .iter()
        .filter(|item| item.row.insurer == Insurer::Atradius)
        .collect();
    let mut atradius_results = if atradius.is_empty() {
        Vec::new()
    } else {
        atradius_batch(target, &atradius, batch_key).await
    }
    .into_iter();
    let mut results = Vec::with_capacity(items.len());
    for item in items {
        let result = if item.row.insurer == Insurer::Atradius {
            atradius_results
                .next()
                .unwrap_or_else(|| Err(problem(target.language, &item.row, "insurer.rejected")))
        } else {
            perform(target, &item.row, &item.action, &item.key, false).await
        };
        results.push(result);
    }
    results
}

/// The Atradius items in one batch of changes; one result per item.
async fn atradius_batch(
    target: ActionTarget<'_>,
    items: &[&BatchItem],
    batch_key: &str,
) -> Vec<Result<Vec<Decision>, WidgetError>> {
    let language = target.language;
    let all_failed = |error: WidgetError| items.iter().map(|_| Err(error.clone())).collect();
    let Some(first) = items.first() else {
        return Vec::new();
    };
    let Some(policy) = target.source.atradius_policy.as_ref() else {
        return all_failed(problem(language, &first.row, "policy.required"));
    };
    let changes: Vec<CoverModification> = items
        .iter()
        .map(|item| CoverModification {
            buyer_id: item.row.buyer_id.clone(),
            cover_type: cover_type_of(&item.row.product).unwrap_or(CoverType::CreditLimit),
            action: match &item.action {
                RowAction::Increase(amount) => CoverAction::Supersede { amount: *amount },
                RowAction::Reduce(amount) => CoverAction::Reduce { amount: *amount },
                _ => CoverAction::Cancel,
            },
            customer_reference: item.row.customer_reference.clone(),
        })
        .collect();
    let request = match modification_batch_request(policy, &changes) {
        Ok(request) => request.with_header(IDEMPOTENCY_HEADER, batch_key),
        Err(error) => {
            return all_failed(WidgetError {
                code: error.code().to_owned(),
                ..problem(language, &first.row, "insurer.rejected")
            })
        }
    };
    let response = match target
        .client
        .send(Insurer::Atradius, &request, language, None)
        .await
    {
        Ok(response) => response,
        Err(error) => return all_failed(error),
    };
    let parsed = parse_modification_batch_response(
        &HttpResponse::new(response.status, response.body),
        &changes,
    );
    match parsed {
        Err(error) => all_failed(WidgetError::from_insurer(&error, language)),
        Ok(results) => results
            .into_iter()
            .zip(items)
            .map(|(result, item)| {
                let outcome =
                    result.map_err(|error| WidgetError::from_insurer(&error, language))?;
                let replaced = outcome
                    .cover_id
                    .as_deref()
                    .is_some_and(|cover| cover != item.row.id);
                let mut updated = if replaced {
                    with_status(&item.row, Status::Superseded, "supersede")
                } else {
                    item.row.clone()
                };
                if let Some(status) = outcome.status.filter(|status| status.status.is_some()) {
                    if !replaced {
                        updated.status = status;
                    }
                }
                Ok(vec![updated])
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::test_decision::decision;
    use super::*;
    use tradecover_core::currency::Currency;

    fn row(granted: Option<i64>) -> Decision {
        Decision {
            product: "credit-limit".into(),
            granted: granted.map(|minor| Money::from_minor(minor, Currency::EUR)),
            ..decision(Insurer::Atradius, "1", "11223344")
        }
    }

    #[test]
    fn percentages_and_increased_amounts() {
        assert_eq!(parse_percent(" 10 % "), Some(10));
        for bad in ["0", "1001", "-5", "1.5", "ten", ""] {
            assert_eq!(parse_percent(bad), None, "{bad}");
        }
        // 50,000 + 10 % = 55,000; 50,500 + 1 % = 51,005 → 52,000.
        assert_eq!(
            increased(&row(Some(5_000_000)), 10).map(|m| m.minor),
            Some(5_500_000)
        );
        assert_eq!(
            increased(&row(Some(5_050_000)), 1).map(|m| m.minor),
            Some(5_200_000)
        );
        assert_eq!(increased(&row(None), 10), None);
    }

    #[test]
    fn rows_not_allowed_are_skipped() {
        let rows = vec![
            (0, row(Some(100_000))),
            (1, row(Some(100_000))),
            (2, row(None)),
        ];
        let (items, skipped) = plan(
            rows,
            BatchAction::Increase { percent: 50 },
            |row| {
                if row.granted.is_some() && row.id == "1" {
                    vec![Action::Increase]
                } else {
                    Vec::new()
                }
            },
            |index| format!("key-{index}"),
        );
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].key, "key-1");
        assert_eq!(
            items[0].action,
            RowAction::Increase(Money::from_minor(200_000, Currency::EUR))
        );
        assert_eq!(
            skipped.iter().map(|(index, _)| *index).collect::<Vec<_>>(),
            [2]
        );
    }
}
