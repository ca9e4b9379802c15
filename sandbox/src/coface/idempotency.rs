//! `Idempotency-Key` on orders: the first successful answer to a key is remembered with the
//! request (path and JSON body); the same key with the same request gets the same answer
//! without a second order, the same key with another request is refused (422
//! `IdempotencyKeyReused`). Records are kept [`KEEP_FOR`] of sandbox time, at most
//! [`MAX_RECORDS`].

use crate::error::ApiError;
use axum::http::StatusCode;
use serde_json::Value;
use std::collections::HashMap;
use std::time::Duration;

/// Name of the header.
pub(crate) const IDEMPOTENCY_KEY_HEADER: &str = "idempotency-key";
/// How long a key is remembered.
pub(crate) const KEEP_FOR: Duration = Duration::from_secs(24 * 3600);
/// Most keys remembered; beyond, the oldest are forgotten.
pub(crate) const MAX_RECORDS: usize = 10_000;
/// Longest accepted key.
pub(crate) const MAX_KEY_CHARS: usize = 255;

/// One remembered answer.
#[derive(Debug, Clone)]
struct Record {
    path: String,
    request: Value,
    status: StatusCode,
    answer: Value,
    at: Duration,
}

/// Answers by key.
#[derive(Debug, Default)]
pub(crate) struct IdempotencyStore {
    records: HashMap<String, Record>,
}

impl IdempotencyStore {
    /// The remembered answer for `key` if the request is the same; `Ok(None)` for a new key;
    /// 422 when the key was used for another request.
    pub(crate) fn replay(
        &self,
        key: &str,
        path: &str,
        request: &Value,
    ) -> Result<Option<(StatusCode, Value)>, ApiError> {
        match self.records.get(key) {
            None => Ok(None),
            Some(record) if record.path == path && record.request == *request => {
                Ok(Some((record.status, record.answer.clone())))
            }
            Some(_) => Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "IdempotencyKeyReused",
                "This Idempotency-Key was already used for a different request",
            )),
        }
    }

    /// Remembers the answer to a request under `key`.
    pub(crate) fn remember(
        &mut self,
        key: &str,
        path: &str,
        request: Value,
        answer: (StatusCode, Value),
        now: Duration,
    ) {
        if self.records.len() >= MAX_RECORDS {
            if let Some(oldest) = self
                .records
                .iter()
                .min_by_key(|(_, record)| record.at)
                .map(|(key, _)| key.clone())
            {
                self.records.remove(&oldest);
            }
        }
        self.records.insert(
            key.to_owned(),
            Record {
                path: path.to_owned(),
                request,
                status: answer.0,
                answer: answer.1,
                at: now,
            },
        );
    }

    /// Forgets records older than [`KEEP_FOR`].
    pub(crate) fn purge(&mut self, now: Duration) {
        self.records
            .retain(|_, record| now < record.at.saturating_add(KEEP_FOR));
    }
}

/// The key of a request: `None` without the header; 400 when it is blank, too long or not
/// visible ASCII.
pub(crate) fn key_of(headers: &axum::http::HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY_HEADER) else {
        return Ok(None);
    };
    let key = value.to_str().map(str::trim).unwrap_or_default();
    let ok =
        !key.is_empty() && key.len() <= MAX_KEY_CHARS && key.bytes().all(|b| b.is_ascii_graphic());
    if ok {
        Ok(Some(key.to_owned()))
    } else {
        Err(ApiError::bad_request(format!(
            "Idempotency-Key must be 1 to {MAX_KEY_CHARS} visible ASCII characters"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn same_request_same_answer_other_request_refused() {
        let mut store = IdempotencyStore::default();
        let body = json!({"a": 1});
        assert_eq!(store.replay("k", "/p", &body), Ok(None));
        store.remember(
            "k",
            "/p",
            body.clone(),
            (StatusCode::CREATED, json!({"orderId": "1"})),
            Duration::ZERO,
        );
        assert_eq!(
            store.replay("k", "/p", &body),
            Ok(Some((StatusCode::CREATED, json!({"orderId": "1"}))))
        );
        assert!(store.replay("k", "/p", &json!({"a": 2})).is_err());
        assert!(store.replay("k", "/q", &body).is_err());
        store.purge(KEEP_FOR);
        assert_eq!(store.replay("k", "/p", &body), Ok(None));
    }
}
