//! Webhook notifications, pushed to the sandbox's outbox as
//! `OutgoingNotification { insurer: "allianz-trade", target: callbackUrl, body }`:
//!
//! - technical, `{"notificationId", "notificationDate", "cover": {…}}`, when the job is
//!   processed (the cover is created: decided, or pending for a referred request) and again
//!   when a referred request is decided (the cover is updated);
//! - functional, `{"notificationId", "notificationDate", "coverRequest": {…}}`, when a
//!   referred request gets its decision and the callback asked for `extendedNotification`.
//!   As Allianz Trade documents, functional notifications are only sent for a request whose
//!   decision was pending: a decision made at once has none.
//!
//! Nothing is sent once the callback's `timeToLive` (hours after the request) has run out.
//! The wrapper keys `cover` / `coverRequest` are the ones the core reads (the payload schema
//! is not public).

use std::time::Duration;

use serde_json::json;

use crate::outbox::{Outbox, OutgoingNotification};

use super::book::{uuid, CoverRequest};
use super::cover_json;
use super::dates::Calendar;

/// `insurer` of the outbox entries.
pub(crate) const INSURER: &str = "allianz-trade";

/// Which notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The cover was created or updated.
    Technical,
    /// The cover request got its business decision.
    Functional,
}

/// Pushes the `kind` notification of `request`, as of sandbox time `at`, if it has a live
/// callback asking for it.
pub(crate) fn notify(
    request: &CoverRequest,
    kind: Kind,
    at: Duration,
    outbox: &Outbox,
    calendar: &Calendar,
) {
    let Some(callback) = &request.asked.callback else {
        return;
    };
    let live_until = request.submitted_at.saturating_add(Duration::from_secs(
        callback.time_to_live_hours.saturating_mul(3600),
    ));
    if at >= live_until || (kind == Kind::Functional && !callback.extended) {
        return;
    }
    let body = match kind {
        Kind::Technical => json!({
            "notificationId": uuid(),
            "notificationDate": calendar.timestamp(at),
            "cover": cover_json::cover(request, calendar),
        }),
        Kind::Functional => json!({
            "notificationId": uuid(),
            "notificationDate": calendar.timestamp(at),
            "coverRequest": cover_json::cover_request(request, calendar),
        }),
    };
    outbox.push(OutgoingNotification {
        insurer: INSURER,
        target: callback.url.clone(),
        body,
    });
}
