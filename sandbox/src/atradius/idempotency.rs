//! `Idempotency-Key` on new applications and batches: the same key with the same body gets the
//! first answer again (status and body) without a second application; the same key with
//! another body, or on the other route, is 422. Keys are remembered for [`KEY_LIFETIME`] of
//! sandbox time, at most [`MAX_KEYS`] at once (the oldest are forgotten first).

use super::error::AtradiusError;
use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;
use std::collections::HashMap;
use std::time::Duration;

/// The request header.
pub(crate) const IDEMPOTENCY_KEY: &str = "idempotency-key";
/// Longest accepted key.
pub(crate) const MAX_KEY_LENGTH: usize = 255;
/// How long a key is remembered.
pub(crate) const KEY_LIFETIME: Duration = Duration::from_secs(24 * 3600);
/// Most keys remembered at once.
pub(crate) const MAX_KEYS: usize = 10_000;

/// The key of a request, if it has one; 400 when it is blank, too long or not visible ASCII.
pub(crate) fn key_of(headers: &HeaderMap) -> Result<Option<String>, AtradiusError> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|key| {
            !key.is_empty()
                && key.len() <= MAX_KEY_LENGTH
                && key.bytes().all(|b| b.is_ascii_graphic())
        })
        .map(|key| Some(key.to_owned()))
        .ok_or_else(|| {
            AtradiusError::bad_request(
                format!("Idempotency-Key must be 1 to {MAX_KEY_LENGTH} visible ASCII characters"),
                None,
            )
        })
}

/// A remembered request and its answer.
#[derive(Debug)]
struct Entry {
    route: &'static str,
    body: Value,
    status: StatusCode,
    answer: Value,
    at: Duration,
}

/// What a key says about a request.
#[derive(Debug, PartialEq)]
pub(crate) enum Seen {
    /// Never used: process the request.
    New,
    /// Used with the same request: answer this again.
    Replay(StatusCode, Value),
}

/// Remembered keys.
#[derive(Debug, Default)]
pub(crate) struct IdempotencyStore {
    entries: HashMap<String, Entry>,
}

impl IdempotencyStore {
    /// Looks `key` up for a request on `route` with `body`; 422 when the key was used for
    /// another request.
    pub(crate) fn check(
        &self,
        key: &str,
        route: &'static str,
        body: &Value,
    ) -> Result<Seen, AtradiusError> {
        match self.entries.get(key) {
            None => Ok(Seen::New),
            Some(entry) if entry.route == route && entry.body == *body => {
                Ok(Seen::Replay(entry.status, entry.answer.clone()))
            }
            Some(_) => Err(AtradiusError::unprocessable(
                "This Idempotency-Key was already used with a different request",
                None,
            )),
        }
    }

    /// Remembers the answer to a request.
    pub(crate) fn remember(
        &mut self,
        key: String,
        route: &'static str,
        body: Value,
        status: StatusCode,
        answer: Value,
        now: Duration,
    ) {
        if self.entries.len() >= MAX_KEYS {
            let oldest = self
                .entries
                .iter()
                .min_by_key(|(_, entry)| entry.at)
                .map(|(key, _)| key.clone());
            if let Some(oldest) = oldest {
                self.entries.remove(&oldest);
            }
        }
        self.entries.insert(
            key,
            Entry {
                route,
                body,
                status,
                answer,
                at: now,
            },
        );
    }

    /// Forgets keys older than [`KEY_LIFETIME`].
    pub(crate) fn purge(&mut self, now: Duration) {
        self.entries
            .retain(|_, entry| now < entry.at.saturating_add(KEY_LIFETIME));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn replays_the_same_request_and_refuses_another() {
        let mut store = IdempotencyStore::default();
        let body = json!({"a": 1});
        assert_eq!(store.check("k", "covers", &body), Ok(Seen::New));
        store.remember(
            "k".into(),
            "covers",
            body.clone(),
            StatusCode::CREATED,
            json!({"data": []}),
            Duration::ZERO,
        );
        assert_eq!(
            store.check("k", "covers", &body),
            Ok(Seen::Replay(StatusCode::CREATED, json!({"data": []})))
        );
        let other = store.check("k", "covers", &json!({"a": 2})).unwrap_err();
        assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(store.check("k", "batch", &body).is_err());
        store.purge(KEY_LIFETIME);
        assert_eq!(store.check("k", "covers", &body), Ok(Seen::New));
    }
}
