//! How a cover request moves on with sandbox time:
//!
//! 1. submitted: its job is `PENDING`;
//! 2. [`JOB_PROCESSING_TIME`] later the job is processed and the cover created — decided at
//!    once when the underwriting policy says so, otherwise pending;
//! 3. a referred request is decided `referral_delay` after submission (never before its job
//!    is processed);
//! 4. a decided cover is then reviewed by the shared policy ([`crate::underwriting::review`]):
//!    reduced, notified for withdrawal (its limit gets the withdrawal date as `endDate`) then
//!    cancelled, or expired, each step at its time after the decision, with a technical
//!    notification;
//! 5. a cancellation request is processed [`JOB_PROCESSING_TIME`] after it was asked: the cover
//!    is cancelled then (technical notification), and no review step follows. A superseded
//!    request is no longer reviewed either (the request superseding it is).
//!
//! Each step happens at its due time, whenever the simulation is settled (at the start of
//! every call, after every clock advance, and from the sandbox's ticker), and sends its
//! webhook notifications ([`notifications`](super::notifications)). Dates show the due time,
//! not the moment someone looked.

use std::time::Duration;

use crate::outbox::Outbox;
use crate::underwriting::Timing;

use super::book::{Book, CoverRequest};
use super::dates::Calendar;
use super::notifications::{notify, Kind};

/// Sandbox time between a request and the processing of its job.
pub(crate) const JOB_PROCESSING_TIME: Duration = Duration::from_secs(1);

/// What settling needs besides the book.
pub(crate) struct Context<'a> {
    /// Time from submission to the decision of a referred request.
    pub(crate) referral_delay: Duration,
    /// Where notifications go.
    pub(crate) outbox: &'a Outbox,
    /// Dates of the notifications.
    pub(crate) calendar: &'a Calendar,
}

impl Book {
    /// Processes the jobs and decides the requests due at `now` (idempotent). A pass over the
    /// requests notes when the next one falls due, so that calls before then (every API call
    /// settles first) skip the pass: a seeded portfolio holds 100,000 requests.
    pub(crate) fn settle(&mut self, now: Duration, context: &Context<'_>) {
        if self.quiet_until().is_some_and(|until| now < until) {
            return;
        }
        let mut next = Duration::MAX;
        for request in self.requests_mut() {
            cancel_when_due(request, now, context);
            settle_request(request, now, context);
            if let Some(due) = next_due(request, context.referral_delay) {
                next = next.min(due);
            }
        }
        self.set_quiet_until(next);
    }
}

/// When `request` next changes on its own: its job processed, its referral decided, its
/// cancellation processed or its next review step; `None` when nothing more will happen.
fn next_due(request: &CoverRequest, referral_delay: Duration) -> Option<Duration> {
    let cancellation_due = request
        .cancellation
        .as_ref()
        .filter(|cancellation| cancellation.processed_at.is_none())
        .map(|cancellation| {
            cancellation
                .submitted_at
                .saturating_add(JOB_PROCESSING_TIME)
        });
    let own_due = own_next_due(request, referral_delay);
    match (cancellation_due, own_due) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// When the request itself (not its cancellation) next changes.
fn own_next_due(request: &CoverRequest, referral_delay: Duration) -> Option<Duration> {
    let Some(processed_at) = request.processed_at else {
        return Some(request.submitted_at.saturating_add(JOB_PROCESSING_TIME));
    };
    let Some(decided_at) = request.decided_at else {
        return Some(
            request
                .submitted_at
                .saturating_add(referral_delay)
                .max(processed_at),
        );
    };
    if request.superseded_by.is_some() || request.cancelled_at().is_some() {
        return None;
    }
    request
        .asked
        .review
        .get(request.changes.len())
        .map(|step| decided_at.saturating_add(step.after))
}

/// Moves `request` on to `now`.
fn settle_request(request: &mut CoverRequest, now: Duration, context: &Context<'_>) {
    let processed_at = match request.processed_at {
        Some(at) => at,
        None => {
            let due = request.submitted_at.saturating_add(JOB_PROCESSING_TIME);
            if now < due {
                return;
            }
            request.processed_at = Some(due);
            if request.asked.underwriting.timing == Timing::Immediate {
                request.decided_at = Some(due);
            }
            notify(
                request,
                Kind::Technical,
                due,
                context.outbox,
                context.calendar,
            );
            due
        }
    };
    if let Some(decided_at) = request.decided_at {
        review(request, decided_at, now, context);
        return;
    }
    let due = request
        .submitted_at
        .saturating_add(context.referral_delay)
        .max(processed_at);
    if now < due {
        return;
    }
    request.decided_at = Some(due);
    notify(
        request,
        Kind::Technical,
        due,
        context.outbox,
        context.calendar,
    );
    notify(
        request,
        Kind::Functional,
        due,
        context.outbox,
        context.calendar,
    );
    review(request, due, now, context);
}

/// Processes the cancellation of `request` once due at `now`.
fn cancel_when_due(request: &mut CoverRequest, now: Duration, context: &Context<'_>) {
    let Some(cancellation) = request.cancellation.as_mut() else {
        return;
    };
    let due = cancellation
        .submitted_at
        .saturating_add(JOB_PROCESSING_TIME);
    if cancellation.processed_at.is_some() || now < due {
        return;
    }
    cancellation.processed_at = Some(due);
    notify(
        request,
        Kind::Technical,
        due,
        context.outbox,
        context.calendar,
    );
}

/// Applies the review steps of `request`, decided at `decided_at`, that are due at `now` and
/// not applied yet, each notified at its own time (none once the request is superseded, nor
/// from its cancellation on).
fn review(request: &mut CoverRequest, decided_at: Duration, now: Duration, context: &Context<'_>) {
    if request.superseded_by.is_some() {
        return;
    }
    while let Some(step) = request.asked.review.get(request.changes.len()).copied() {
        let at = decided_at.saturating_add(step.after);
        if now < at
            || request
                .cancelled_at()
                .is_some_and(|cancelled| cancelled <= at)
        {
            return;
        }
        request.changes.push((at, step.change));
        notify(
            request,
            Kind::Technical,
            at,
            context.outbox,
            context.calendar,
        );
    }
}
