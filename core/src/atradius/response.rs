//! Turning an Atradius answer into values or a typed [`InsurerError`].
//!
//! Statuses: 2xx is read; 401 and 403 are the credentials (Atradius' gateway also answers 403
//! for a path outside the contract); 408, 429 and 5xx are unavailability; every other status is
//! a rejection carrying the `errors[].detail` texts. Atradius documents no lockout.

use serde::de::DeserializeOwned;

use super::each_item::read_each;
use super::wire::{text, ErrorBody, ErrorItem};
use crate::http_response::HttpResponse;
use crate::insurer_error::InsurerError;

/// A [`InsurerError::Malformed`] with `reason`.
pub(super) fn malformed(reason: impl Into<String>) -> InsurerError {
    InsurerError::Malformed {
        reason: reason.into(),
    }
}

/// `Ok` for a 2xx answer, otherwise the error its status and body stand for.
pub(super) fn check_status(response: &HttpResponse) -> Result<(), InsurerError> {
    if response.is_success() {
        Ok(())
    } else {
        Err(error_from(response.status, &response.body))
    }
}

/// The error an answer of `status` with `body` stands for (any status; used for non-2xx).
pub(super) fn error_from(status: u16, body: &[u8]) -> InsurerError {
    let error: ErrorBody = serde_json::from_slice(body).unwrap_or_default();
    error_of(status, &error.errors.0, text(&error.message))
}

/// The error of `status` with the insurer's `errors` (and a gateway `message` when they have
/// no text).
pub(super) fn error_of(status: u16, errors: &[ErrorItem], fallback: Option<&str>) -> InsurerError {
    let (code, mut message) = describe(errors);
    if message.is_empty() {
        message = fallback.unwrap_or_default().to_owned();
    }
    match status {
        401 | 403 => InsurerError::Unauthorized { status, message },
        408 | 429 | 500..=599 => InsurerError::Unavailable { status },
        _ => InsurerError::Rejected {
            status,
            code,
            message,
        },
    }
}

/// The code and message of a list of errors: the first error's `code`, else the parameter or
/// pointer it is about (so that a form can show it on the field); the `detail` texts (else the
/// titles) joined by `"; "`.
pub(super) fn describe(errors: &[ErrorItem]) -> (String, String) {
    let code = errors
        .iter()
        .find_map(|error| {
            error
                .code
                .as_ref()
                .and_then(|code| code.text())
                .or_else(|| {
                    let source = error.source.as_ref()?;
                    text(&source.parameter).or_else(|| text(&source.pointer))
                })
        })
        .unwrap_or_default()
        .to_owned();
    let message = errors
        .iter()
        .filter_map(|error| text(&error.detail).or_else(|| text(&error.title)))
        .collect::<Vec<_>>()
        .join("; ");
    (code, message)
}

/// Parses a 2xx JSON body as `T`.
pub(super) fn parse_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, InsurerError> {
    serde_json::from_slice(body).map_err(|error| malformed(error.to_string()))
}

/// The items of a `{"data": …}` answer; a 2xx with an empty body (e.g. 204) is no items.
pub(super) fn parse_data<T: DeserializeOwned>(
    response: &HttpResponse,
) -> Result<Vec<T>, InsurerError> {
    parse_data_each(response, 0, Ok)
}

/// The items of a `{"data": …}` answer, each converted by `convert` as it is read, room for
/// `capacity` of them made at once (see [`read_each`]); a 2xx with an empty body is no items.
pub(super) fn parse_data_each<T: DeserializeOwned, U>(
    response: &HttpResponse,
    capacity: usize,
    convert: impl FnMut(T) -> Result<U, InsurerError>,
) -> Result<Vec<U>, InsurerError> {
    check_status(response)?;
    if response.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Vec::new());
    }
    read_each(&response.body, capacity, convert)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Thing {
        a: u8,
    }

    fn error(status: u16, body: &str) -> InsurerError {
        parse_data::<Thing>(&HttpResponse::new(status, body)).unwrap_err()
    }

    #[test]
    fn reads_data() {
        let items = parse_data::<Thing>(&HttpResponse::new(200, r#"{"data":[{"a":7}]}"#));
        assert_eq!(items.unwrap()[0].a, 7);
        assert!(parse_data::<Thing>(&HttpResponse::new(204, ""))
            .unwrap()
            .is_empty());
        assert_eq!(error(200, "{").code(), "insurer.malformed");
        assert_eq!(error(200, "null").code(), "insurer.malformed");
        assert_eq!(error(200, "\"x\"").code(), "insurer.malformed");
        let bare = parse_data::<Thing>(&HttpResponse::new(200, r#"[{"a":1}]"#)).unwrap();
        assert_eq!(bare[0].a, 1);
    }

    #[test]
    fn maps_statuses_and_error_bodies() {
        let body = r#"{"errors":[
            {"detail":"Must be positive number greater than zero and a multiple of 1000.",
             "source":{"parameter":"creditLimitAmount"}},
            {"detail":"Second problem."}]}"#;
        assert_eq!(
            error(400, body),
            InsurerError::Rejected {
                status: 400,
                code: "creditLimitAmount".into(),
                message: "Must be positive number greater than zero and a multiple of 1000.; \
                          Second problem."
                    .into(),
            }
        );
        assert_eq!(
            error(404, r#"{"errors":{"detail":"No buyer match found"}}"#),
            InsurerError::Rejected {
                status: 404,
                code: String::new(),
                message: "No buyer match found".into(),
            }
        );
        assert_eq!(
            error(401, r#"{"message":"Invalid token"}"#),
            InsurerError::Unauthorized {
                status: 401,
                message: "Invalid token".into()
            }
        );
        assert_eq!(error(403, "<html>").code(), "insurer.unauthorized");
        assert_eq!(error(429, "").code(), "insurer.unavailable");
        assert_eq!(error(503, "oops").code(), "insurer.unavailable");
        assert_eq!(error(408, "").code(), "insurer.unavailable");
        assert_eq!(error(302, "").code(), "insurer.rejected");
        let coded = error(422, r#"{"errors":[{"code":"E12","title":"Bad"}]}"#);
        assert_eq!(
            coded,
            InsurerError::Rejected {
                status: 422,
                code: "E12".into(),
                message: "Bad".into()
            }
        );
    }
}
