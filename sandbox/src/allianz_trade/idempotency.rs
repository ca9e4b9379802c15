//! `Idempotency-Key` on the cover request: a retried request (same key, same body and
//! webhook) gets the first one's job id and creates nothing; the same key with another
//! request is refused (422 `IDEMPOTENCY_KEY_REUSED`).

use std::collections::HashMap;

use axum::http::HeaderMap;
use serde_json::Value;

use super::error::AllianzError;

/// Name of the header.
pub(crate) const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";
/// Longest key accepted.
const MAX_KEY_LEN: usize = 255;

/// What identifies a request as "the same": its body (field order aside) and its webhook
/// header.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fingerprint {
    /// The JSON body.
    pub(crate) body: Value,
    /// The `callback` header as sent.
    pub(crate) callback: Option<String>,
}

/// What a key says about a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Replay {
    /// The key is new.
    First,
    /// The same request came with this key before; it is the book's request at this position.
    Same(usize),
    /// Another request came with this key.
    Conflict,
}

/// Keys seen, with the request each one created.
#[derive(Debug, Default)]
pub(crate) struct IdempotencyKeys {
    keys: HashMap<String, (Fingerprint, usize)>,
}

impl IdempotencyKeys {
    /// What `key` says about a request with `fingerprint`.
    pub(crate) fn check(&self, key: &str, fingerprint: &Fingerprint) -> Replay {
        match self.keys.get(key) {
            None => Replay::First,
            Some((known, n)) if known == fingerprint => Replay::Same(*n),
            Some(_) => Replay::Conflict,
        }
    }

    /// Remembers that `key` created the request at position `n`.
    pub(crate) fn remember(&mut self, key: String, fingerprint: Fingerprint, n: usize) {
        self.keys.insert(key, (fingerprint, n));
    }
}

/// The request's key, if it has one; 400 when it is blank, too long or not visible ASCII.
pub(crate) fn key_of(headers: &HeaderMap) -> Result<Option<String>, AllianzError> {
    let Some(value) = headers.get(IDEMPOTENCY_HEADER) else {
        return Ok(None);
    };
    let key = value.to_str().map(str::trim).unwrap_or_default();
    let valid =
        !key.is_empty() && key.len() <= MAX_KEY_LEN && key.bytes().all(|b| b.is_ascii_graphic());
    if valid {
        Ok(Some(key.to_owned()))
    } else {
        Err(AllianzError::bad_request(format!(
            "{IDEMPOTENCY_HEADER} must be 1 to {MAX_KEY_LEN} visible ASCII characters"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn same_key_same_request_replays_other_request_conflicts() {
        let mut keys = IdempotencyKeys::default();
        let first = Fingerprint {
            body: json!({"a": 1, "b": 2}),
            callback: None,
        };
        assert_eq!(keys.check("k", &first), Replay::First);
        keys.remember("k".into(), first, 3);
        let reordered = Fingerprint {
            body: serde_json::from_str(r#"{"b": 2, "a": 1}"#).unwrap(),
            callback: None,
        };
        assert_eq!(keys.check("k", &reordered), Replay::Same(3));
        let other = Fingerprint {
            body: json!({"a": 2, "b": 2}),
            callback: None,
        };
        assert_eq!(keys.check("k", &other), Replay::Conflict);
        let with_callback = Fingerprint {
            callback: Some("x".into()),
            ..reordered
        };
        assert_eq!(keys.check("k", &with_callback), Replay::Conflict);
    }
}
