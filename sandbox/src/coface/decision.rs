//! Deciding orders: delivering at once what the underwriting policy
//! ([`crate::underwriting::underwrite`]) decides immediately, and — as sandbox time passes
//! ([`settle`]) — identifying unknown companies and delivering referred orders once
//! [`SandboxConfig::referral_delay`](crate::SandboxConfig::referral_delay) has passed, and
//! moving decisions in force on by their schedule: granted covers by the shared review
//! ([`crate::underwriting::review`]: `REDUCED`, `UNDER_CANCELLATION` then `CANCELLED`,
//! `EXPIRED`), reports and scores expiring
//! [`VALIDITY_DAYS`](crate::underwriting::VALIDITY_DAYS) after they were delivered. Every
//! delivery and change is pushed ([`super::push`]).

use super::book::Book;
use super::identification::identify;
use super::order_line::{Action, Delivery, DeliveryStatus, OrderStatus};
use super::products::ProductKind;
use super::push::notify;
use super::CofaceState;
use crate::underwriting::{review, underwrite, validity, Change, Outcome, ReviewStep};
use std::collections::HashSet;
use std::time::Duration;

/// Decides order `index` at `at`: covers by the underwriting policy, reports and scores
/// delivered.
pub(crate) fn decide(state: &CofaceState, book: &mut Book, index: usize, at: Duration) {
    let Some(line) = book.lines.get(index) else {
        return;
    };
    let (status, granted, condition, schedule) = match line.product.kind {
        ProductKind::Cover => {
            let requested = line.requested.unwrap_or(0);
            let company = line.company.and_then(|i| state.dataset.get(i));
            let outcome = company.map_or(Outcome::Refused, |company| {
                underwrite(company, requested).outcome
            });
            let condition = match &outcome {
                Outcome::Partial { condition, .. } => Some(*condition),
                Outcome::Granted | Outcome::Refused => None,
            };
            let granted = outcome.granted(requested);
            let schedule = company.map_or_else(Vec::new, |company| review(company, granted));
            (
                DeliveryStatus::of_outcome(&outcome),
                Some(granted),
                condition,
                schedule,
            )
        }
        ProductKind::Report | ProductKind::Monitored => {
            let expiry = ReviewStep {
                after: validity(),
                change: Change::Expired,
            };
            (DeliveryStatus::Delivered, None, None, vec![expiry])
        }
    };
    let answer = Answer {
        status,
        granted,
        condition,
        schedule,
    };
    deliver(state, book, index, answer, at);
}

/// What a delivery says, and what will become of it.
struct Answer {
    status: DeliveryStatus,
    granted: Option<u64>,
    condition: Option<&'static str>,
    schedule: Vec<ReviewStep>,
}

/// Gives order `index` its delivery, closes it and pushes it; a `CHANGE` in force withdraws
/// the product it replaces.
fn deliver(state: &CofaceState, book: &mut Book, index: usize, answer: Answer, at: Duration) {
    let Answer {
        status,
        granted,
        condition,
        schedule,
    } = answer;
    let (id, external_id) = book.next_delivery_ids();
    let Some(line) = book.lines.get_mut(index) else {
        return;
    };
    line.status = OrderStatus::Closed;
    line.due_at = None;
    line.delivery = Some(Delivery {
        id,
        external_id,
        status,
        granted,
        decided_at: at,
        condition,
        schedule,
        reviewed: 0,
        changed_at: None,
        ends_at: None,
    });
    let replaced = (line.action == Action::Change && status.in_force())
        .then(|| (line.easy_number.clone(), line.product.code));
    notify(state, book, index, at);
    if let Some((easy, code)) = replaced {
        withdraw_changed(state, book, &easy, code, at);
    }
}

/// Withdraws the other changeable product in force on `easy` after a `CHANGE` to `code`.
fn withdraw_changed(state: &CofaceState, book: &mut Book, easy: &str, code: &str, at: Duration) {
    let source = super::products::PRODUCTS
        .iter()
        .filter(|p| p.changeable && p.code != code)
        .find_map(|p| {
            book.current_index(easy, p.code).filter(|i| {
                book.lines[*i]
                    .delivery
                    .as_ref()
                    .is_some_and(|d| d.status.in_force())
            })
        });
    if let Some(i) = source {
        withdraw(state, book, i, at);
    }
}

/// Sets the delivery of order `index` to `WITHDRAWN` and pushes it.
pub(crate) fn withdraw(state: &CofaceState, book: &mut Book, index: usize, at: Duration) {
    if let Some(delivery) = book.lines.get_mut(index).and_then(|l| l.delivery.as_mut()) {
        delivery.status = DeliveryStatus::Withdrawn;
        notify(state, book, index, at);
    }
}

/// Decides every pending order due at `now`, in the order they fall due: unknown companies
/// are identified (and get their definitive EASY number), then decided.
pub(crate) fn settle(state: &CofaceState, book: &mut Book, now: Duration) {
    let mut due: Vec<(Duration, usize)> = book
        .lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.status.is_pending())
        .filter_map(|(i, line)| line.due_at.filter(|at| *at <= now).map(|at| (at, i)))
        .collect();
    due.sort_unstable();
    for (at, index) in due {
        if book.lines[index].status == OrderStatus::PendingDebtorValidation {
            identify_company(state, book, index);
        }
        decide(state, book, index, at);
    }
    move_on(state, book, now);
    book.log.purge(now);
    book.idempotency.purge(now);
}

/// Identifies the company of unknown-company order `index` and moves the order (and the
/// customer reference set under the temporary number) to its definitive EASY number.
fn identify_company(state: &CofaceState, book: &mut Book, index: usize) {
    let line = &book.lines[index];
    let claimed = line.claimed.clone().unwrap_or_default();
    let sequence = line
        .temporary_easy_number
        .as_deref()
        .and_then(|t| t.get(1..))
        .and_then(|digits| digits.parse::<usize>().ok())
        .unwrap_or(index);
    let dataset = std::sync::Arc::clone(&state.dataset);
    let Some(company) = identify(
        &dataset,
        book,
        &claimed,
        &line.company_name,
        line.country,
        sequence,
    ) else {
        return;
    };
    let easy = book.easy_for(&dataset, company);
    let temporary = book.lines[index].easy_number.clone();
    if let Some(reference) = book.references.remove(&temporary) {
        book.references.entry(easy.clone()).or_insert(reference);
    }
    let line = &mut book.lines[index];
    line.easy_number = easy;
    line.company = Some(company.index());
    line.company_name = company.name().to_owned();
    line.country = company.country();
    line.claimed = None;
}

/// Moves on the decisions in force (the last delivery of each product on each company) by
/// their schedule, each step at its own time (decision time plus the step's delay), in time
/// order, and pushes each change.
fn move_on(state: &CofaceState, book: &mut Book, now: Duration) {
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    let mut current: Vec<usize> = Vec::new();
    for (index, line) in book.lines.iter().enumerate().rev() {
        if seen.insert((line.easy_number.as_str(), line.product.code)) {
            current.push(index);
        }
    }
    let mut due: Vec<(Duration, usize, Change)> = Vec::new();
    for index in current {
        let Some(delivery) = book.lines[index].delivery.as_ref() else {
            continue;
        };
        if !delivery.status.in_force() {
            continue;
        }
        for step in delivery.schedule.iter().skip(delivery.reviewed) {
            let at = delivery.decided_at.saturating_add(step.after);
            if at > now {
                break;
            }
            due.push((at, index, step.change));
        }
    }
    due.sort_by_key(|(at, index, _)| (*at, *index));
    for (at, index, change) in due {
        let Some(delivery) = book.lines.get_mut(index).and_then(|l| l.delivery.as_mut()) else {
            continue;
        };
        if !delivery.status.in_force() {
            continue;
        }
        delivery.reviewed += 1;
        match change {
            Change::Reduced { granted } => {
                delivery.status = DeliveryStatus::Reduced;
                delivery.granted = Some(granted);
                delivery.changed_at = Some(at);
            }
            Change::WithdrawalNotified { withdrawn_after } => {
                delivery.status = DeliveryStatus::UnderCancellation;
                delivery.ends_at = Some(delivery.decided_at.saturating_add(withdrawn_after));
            }
            Change::Withdrawn => delivery.status = DeliveryStatus::Cancelled,
            Change::Expired => delivery.status = DeliveryStatus::Expired,
        }
        notify(state, book, index, at);
    }
}
