//! The webhook settings a cover request may carry in its `callback` header: the Base64 of the
//! JSON `{"callbackUrl", "timeToLive", "extendedNotification"}` (the header name is the one
//! the core sends; Allianz Trade does not publish it).
//!
//! `callbackUrl` must be an HTTPS URL (Allianz Trade only calls HTTPS endpoints),
//! `timeToLive` a whole number of hours from 1 on; `extendedNotification` is optional.

use axum::http::HeaderMap;

use super::base64;
use super::body::{bool_at, count_at, object, required_text};
use super::error::AllianzError;

/// Name of the header carrying the settings.
pub(crate) const CALLBACK_HEADER: &str = "callback";

/// Where and how long to call back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Callback {
    /// The HTTPS endpoint.
    pub(crate) url: String,
    /// How long after the request notifications are still sent, in hours.
    pub(crate) time_to_live_hours: u64,
    /// Whether the functional notification is wanted besides the technical one.
    pub(crate) extended: bool,
}

/// The callback of a request's headers, `None` without the header; 400 when the header is not
/// Base64 JSON settings.
pub(crate) fn from_headers(headers: &HeaderMap) -> Result<Option<Callback>, AllianzError> {
    let Some(value) = headers.get(CALLBACK_HEADER) else {
        return Ok(None);
    };
    let invalid = |why: &str| {
        AllianzError::bad_request(format!("The {CALLBACK_HEADER} header is invalid: {why}"))
    };
    let text = value
        .to_str()
        .map_err(|_| invalid("it is not ASCII text"))?;
    let json = base64::decode(text).ok_or_else(|| invalid("it is not Base64"))?;
    let fields = object(&json).map_err(|_| invalid("it does not encode a JSON object"))?;
    let url = required_text(&fields, "callbackUrl", "callbackUrl")
        .map_err(|_| invalid("callbackUrl is required"))?;
    let https = url
        .get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
        && url.len() > 8;
    if !https {
        return Err(invalid("callbackUrl must be an HTTPS URL"));
    }
    let time_to_live_hours = count_at(&fields, "timeToLive", "timeToLive")
        .ok()
        .flatten()
        .filter(|hours| *hours >= 1)
        .ok_or_else(|| invalid("timeToLive must be a whole number of hours from 1"))?;
    let extended = bool_at(&fields, "extendedNotification", "extendedNotification")
        .map_err(|_| invalid("extendedNotification must be true or false"))?
        .unwrap_or(false);
    Ok(Some(Callback {
        url,
        time_to_live_hours,
        extended,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(CALLBACK_HEADER, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn reads_the_documented_settings() {
        // {"callbackUrl":"https://client.example.com/webhook","timeToLive":24}
        let technical = "eyJjYWxsYmFja1VybCI6Imh0dHBzOi8vY2xpZW50LmV4YW1wbGUuY29tL3dlYmhvb2siLCJ0aW1lVG9MaXZlIjoyNH0=";
        assert_eq!(
            from_headers(&headers(technical)),
            Ok(Some(Callback {
                url: "https://client.example.com/webhook".into(),
                time_to_live_hours: 24,
                extended: false
            }))
        );
        assert_eq!(from_headers(&HeaderMap::new()), Ok(None));
        // {"callbackUrl":"http://x.example","timeToLive":24}
        let http = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly94LmV4YW1wbGUiLCJ0aW1lVG9MaXZlIjoyNH0=";
        for bad in ["!!", "W10=", http] {
            assert_eq!(
                from_headers(&headers(bad)).unwrap_err().status(),
                axum::http::StatusCode::BAD_REQUEST,
                "{bad}"
            );
        }
    }
}
