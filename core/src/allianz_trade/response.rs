//! Turning an Allianz Trade status and body into a value or a typed [`InsurerError`].
//!
//! Allianz Trade does not publish its error body; whatever is readable of `code`/`message` (or
//! the OAuth `error`/`error_description`) is kept, anything else is ignored.

use serde::de::DeserializeOwned;

use super::wire::{loose_text, ErrorBody};
use crate::insurer_error::InsurerError;

/// Parses a 2xx body, which must be a JSON object, as `T`; or maps the status and error body to
/// an [`InsurerError`]. (serde would otherwise read a struct from an array, field by field.)
pub(super) fn parse_json<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, InsurerError> {
    check_status(status, body)?;
    if body.iter().find(|byte| !byte.is_ascii_whitespace()) != Some(&b'{') {
        return Err(malformed("the answer is not a JSON object"));
    }
    serde_json::from_slice(body).map_err(|error| malformed(error.to_string()))
}

/// Parses a 2xx body as any JSON value, or maps the status and error body to an
/// [`InsurerError`].
pub(super) fn parse_value(status: u16, body: &[u8]) -> Result<serde_json::Value, InsurerError> {
    check_status(status, body)?;
    serde_json::from_slice(body).map_err(|error| malformed(error.to_string()))
}

/// `Ok` for a 2xx status; otherwise the error the status and error body stand for:
/// 401/403 → unauthorized; 408, 429, 5xx and any non-4xx status → unavailable; other 4xx →
/// rejected, with the insurer's code and message.
pub(super) fn check_status(status: u16, body: &[u8]) -> Result<(), InsurerError> {
    if (200..300).contains(&status) {
        return Ok(());
    }
    let error: ErrorBody = serde_json::from_slice(body).unwrap_or_default();
    let code = loose_text(&error.code)
        .or_else(|| loose_text(&error.error))
        .unwrap_or_default()
        .to_owned();
    let message = loose_text(&error.message)
        .or_else(|| loose_text(&error.error_description))
        .unwrap_or_default()
        .to_owned();
    Err(match status {
        401 | 403 => InsurerError::Unauthorized { status, message },
        408 | 429 => InsurerError::Unavailable { status },
        400..=499 => InsurerError::Rejected {
            status,
            code,
            message,
        },
        _ => InsurerError::Unavailable { status },
    })
}

/// A [`InsurerError::Malformed`] with `reason`.
pub(super) fn malformed(reason: impl Into<String>) -> InsurerError {
    InsurerError::Malformed {
        reason: reason.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Thing {
        #[allow(dead_code)]
        a: u8,
    }

    fn err(status: u16, body: &str) -> InsurerError {
        parse_json::<Thing>(status, body.as_bytes()).unwrap_err()
    }

    #[test]
    fn maps_statuses_to_typed_errors() {
        assert!(parse_json::<Thing>(200, br#"{"a":1}"#).is_ok());
        assert!(parse_json::<Thing>(202, br#"{"a":1,"extra":[1]}"#).is_ok());
        assert_eq!(err(200, "{").code(), "insurer.malformed");
        assert_eq!(err(204, "").code(), "insurer.malformed");
        assert_eq!(err(200, "[1]").code(), "insurer.malformed");
        assert_eq!(err(200, " []").code(), "insurer.malformed");
        assert!(parse_value(200, b" [1] ").is_ok());
        assert_eq!(
            parse_value(401, b"[1]").unwrap_err().code(),
            "insurer.unauthorized"
        );
        assert_eq!(
            err(401, r#"{"message":"expired"}"#),
            InsurerError::Unauthorized {
                status: 401,
                message: "expired".into()
            }
        );
        assert_eq!(err(403, "<html>").code(), "insurer.unauthorized");
        assert_eq!(err(429, "").code(), "insurer.unavailable");
        assert_eq!(err(408, "").code(), "insurer.unavailable");
        assert_eq!(err(502, "{}").code(), "insurer.unavailable");
        assert_eq!(err(302, "").code(), "insurer.unavailable");
        assert_eq!(err(100, "").code(), "insurer.unavailable");
        assert_eq!(
            err(
                400,
                r#"{"code":"INVALID_POLICY","message":"unknown policy"}"#
            ),
            InsurerError::Rejected {
                status: 400,
                code: "INVALID_POLICY".into(),
                message: "unknown policy".into()
            }
        );
        assert_eq!(
            err(
                400,
                r#"{"error":"invalid_request","error_description":"apiKey missing"}"#
            ),
            InsurerError::Rejected {
                status: 400,
                code: "invalid_request".into(),
                message: "apiKey missing".into()
            }
        );
        assert_eq!(
            err(404, r#"{"code":{"nested":1}}"#),
            InsurerError::Rejected {
                status: 404,
                code: String::new(),
                message: String::new()
            }
        );
    }
}
