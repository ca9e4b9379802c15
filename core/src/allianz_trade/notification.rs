//! Webhook notifications Allianz Trade posts to the callback URL (received by the proxy):
//! - technical: sent as soon as the request is technically processed; carries the cover;
//! - functional (asked with `extendedNotification: true`): sent later, once a pending request
//!   gets its business decision (e.g. Accepted, Refused); carries the coverRequest.
//!
//! The payload schema is not public. **Chosen**: a wrapper object `{"cover": {…}}` or
//! `{"coverRequest": {…}}`, or the cover / cover request itself — told apart by `requestId`
//! (a cover request) and `coverId` or `creditLimitsAggregation` (a cover). Allianz Trade
//! documents no signature on callbacks; the proxy should only accept them on a secret URL.

use serde::Serialize;

use super::cover::cover_to_decision;
use super::request_decision::request_to_decision;
use super::response::malformed;
use super::wire::{
    CoverBody, CoverRequestItemBody, COVER_KEYS, NOTIFICATION_COVER, NOTIFICATION_COVER_REQUEST,
    REQUEST_ID,
};
use crate::decision::Decision;
use crate::insurer_error::InsurerError;

/// A webhook notification, as a neutral decision row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "type", content = "decision")]
#[non_exhaustive]
pub enum Notification {
    /// Technical notification: the cover was created or updated (its decision may still be
    /// pending).
    Technical(Decision),
    /// Functional notification: the cover request got its business decision.
    Functional(Decision),
}

impl Notification {
    /// The decision row it carries.
    pub fn decision(&self) -> &Decision {
        match self {
            Notification::Technical(decision) | Notification::Functional(decision) => decision,
        }
    }
}

/// Parses a notification body. A body that is not a JSON object, or one that is neither a
/// cover nor a cover request, gives [`InsurerError::Malformed`].
pub fn parse_notification(body: &[u8]) -> Result<Notification, InsurerError> {
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|error| malformed(error.to_string()))?;
    let serde_json::Value::Object(mut fields) = value else {
        return Err(malformed("a notification is not a JSON object"));
    };
    let unreadable = |error: serde_json::Error| malformed(error.to_string());
    let as_request = |value| -> Result<Notification, InsurerError> {
        let item: CoverRequestItemBody = serde_json::from_value(value).map_err(unreadable)?;
        request_to_decision(item).map(Notification::Functional)
    };
    let as_cover = |value| -> Result<Notification, InsurerError> {
        let cover: CoverBody = serde_json::from_value(value).map_err(unreadable)?;
        cover_to_decision(cover).map(Notification::Technical)
    };
    if let Some(request) = fields.remove(NOTIFICATION_COVER_REQUEST) {
        return as_request(request);
    }
    if let Some(cover) = fields.remove(NOTIFICATION_COVER) {
        return as_cover(cover);
    }
    if fields.contains_key(REQUEST_ID) {
        return as_request(serde_json::Value::Object(fields));
    }
    if COVER_KEYS.iter().any(|key| fields.contains_key(*key)) {
        return as_cover(serde_json::Value::Object(fields));
    }
    Err(malformed(
        "the notification is neither a cover nor a coverRequest",
    ))
}
