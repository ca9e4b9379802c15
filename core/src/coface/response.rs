//! Turning a CofaServe status and body into a value or a typed [`InsurerError`].

use serde::de::DeserializeOwned;

use super::wire::{ErrorBody, ATTEMPTS_EXCEEDED, NOT_AUTHORIZED};
use crate::insurer_error::InsurerError;

/// Parses a 2xx body as `T`, or maps the status and error body to an [`InsurerError`].
pub(super) fn parse_json<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, InsurerError> {
    if (200..300).contains(&status) {
        return serde_json::from_slice(body).map_err(|error| InsurerError::Malformed {
            reason: error.to_string(),
        });
    }
    let mut error: ErrorBody = serde_json::from_slice(body).unwrap_or_default();
    if error.message.is_empty() {
        error.message = rejection_text(&error);
    }
    Err(match status {
        _ if error.message.contains(ATTEMPTS_EXCEEDED) => InsurerError::LockedOut {
            message: error.message,
        },
        401 | 403 => InsurerError::Unauthorized {
            status,
            message: error.message,
        },
        400 if error.code == NOT_AUTHORIZED => InsurerError::Unauthorized {
            status,
            message: error.message,
        },
        429 | 500..=599 => InsurerError::Unavailable { status },
        _ => InsurerError::Rejected {
            status,
            code: error.code,
            message: error.message,
        },
    })
}

/// The `rejectionReasons` of an error body as one text: `CODE: label; CODE: label`.
fn rejection_text(error: &ErrorBody) -> String {
    error
        .rejection_reasons
        .iter()
        .map(
            |reason| match (reason.code.as_deref(), reason.label.as_deref()) {
                (Some(code), Some(label)) => format!("{code}: {}", label.trim()),
                (Some(code), None) => code.to_owned(),
                (None, Some(label)) => label.trim().to_owned(),
                (None, None) => String::new(),
            },
        )
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Thing {
        #[allow(dead_code)]
        a: u8,
    }

    #[test]
    fn maps_statuses_to_typed_errors() {
        let err = |status, body: &str| parse_json::<Thing>(status, body.as_bytes()).unwrap_err();
        assert!(parse_json::<Thing>(200, br#"{"a":1}"#).is_ok());
        assert_eq!(err(200, "{").code(), "insurer.malformed");
        assert_eq!(err(200, "[]").code(), "insurer.malformed");
        assert_eq!(err(401, "").code(), "insurer.unauthorized");
        assert_eq!(
            err(
                400,
                r#"{"code":"NotAuthorizedException","message":"Incorrect username or password."}"#
            )
            .code(),
            "insurer.unauthorized"
        );
        assert_eq!(
            err(
                400,
                r#"{"code":"NotAuthorizedException","message":"Password attempts exceeded"}"#
            )
            .code(),
            "insurer.locked_out"
        );
        assert_eq!(err(503, "<html>").code(), "insurer.unavailable");
        assert_eq!(err(429, "").code(), "insurer.unavailable");
        let rejected = err(400, r#"{"code":"InvalidCountryCode","message":"no"}"#);
        assert_eq!(
            rejected,
            InsurerError::Rejected {
                status: 400,
                code: "InvalidCountryCode".into(),
                message: "no".into()
            }
        );
        let refused = err(
            422,
            r#"{"code":"ORDER_REJECTED","rejectionReasons":[{"code":"R01","label":"Buyer in liquidation"},{"rejectionCode":7}]}"#,
        );
        assert_eq!(
            refused,
            InsurerError::Rejected {
                status: 422,
                code: "ORDER_REJECTED".into(),
                message: "R01: Buyer in liquidation; 7".into()
            }
        );
        let numeric = err(400, r#"{"code":400,"message":"Bad country"}"#);
        assert_eq!(
            numeric,
            InsurerError::Rejected {
                status: 400,
                code: "400".into(),
                message: "Bad country".into()
            }
        );
    }
}
