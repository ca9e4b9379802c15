//! Allianz Trade authentication, the proxy's side, as values: the private API key is exchanged
//! for a bearer token valid 60 minutes (`POST /v1/idp/oauth2/authorize`). A token cannot be
//! refreshed: once it is no longer usable, the proxy asks for a new one. The browser never sees
//! any of this.

use std::fmt;

use super::response::{malformed, parse_json};
use super::wire::{
    loose_text, TokenBody, TokenRequestBody, AUTHORIZATION_HEADER, BEARER, CONTENT_TYPE_HEADER,
    JSON,
};
use crate::http_request::{HttpRequest, Method};
use crate::insurer_error::InsurerError;

/// Path of the token call, relative to the Allianz Trade base (the test environment inserts
/// `/uatm` before it).
pub const TOKEN_PATH: &str = "/v1/idp/oauth2/authorize";

/// Seconds before its expiry at which a token is no longer used, so that no call leaves with a
/// token that expires on the way.
pub const EXPIRY_MARGIN_SECS: u64 = 60;

/// Lifetime of a token when the answer does not say (the documented 60 minutes).
pub const DEFAULT_LIFETIME_SECS: u64 = 3600;

/// What the proxy holds to call Allianz Trade: the private API key from the developer portal.
/// `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct AllianzCredentials {
    /// The private API key (opaque).
    pub api_key: String,
}

impl AllianzCredentials {
    /// Credentials of `api_key`.
    pub fn new(api_key: impl Into<String>) -> Self {
        Self {
            api_key: api_key.into(),
        }
    }
}

impl fmt::Debug for AllianzCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AllianzCredentials")
            .field("api_key", &"<redacted>")
            .finish()
    }
}

/// A bearer token and when it expires (Unix seconds). `Debug` never shows the token.
#[derive(Clone, PartialEq, Eq)]
pub struct AllianzToken {
    access_token: String,
    expires_at: u64,
}

impl fmt::Debug for AllianzToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AllianzToken")
            .field("access_token", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

impl AllianzToken {
    /// The Unix second at which Allianz Trade stops accepting the token.
    pub fn expires_at(&self) -> u64 {
        self.expires_at
    }

    /// The Unix second from which the token is no longer used: [`EXPIRY_MARGIN_SECS`] before it
    /// expires.
    pub fn usable_until(&self) -> u64 {
        self.expires_at.saturating_sub(EXPIRY_MARGIN_SECS)
    }

    /// Whether the token may still be sent at `now` (Unix seconds). When it may not, request a
    /// new one with [`token_request`]: tokens are never refreshed.
    pub fn is_usable_at(&self, now: u64) -> bool {
        now < self.usable_until()
    }
}

/// The token request: `POST /v1/idp/oauth2/authorize` with `{"apiKey": …}`.
pub fn token_request(credentials: &AllianzCredentials) -> HttpRequest {
    let body = TokenRequestBody {
        api_key: &credentials.api_key,
    };
    HttpRequest::new(Method::Post, TOKEN_PATH)
        .with_header(CONTENT_TYPE_HEADER, JSON)
        .with_json(serde_json::to_value(body).unwrap_or_default())
}

/// Parses the token answer received at `now` (Unix seconds).
///
/// `expires_in` may be a number or a numeric string; when absent the documented 3600 s apply.
/// A missing or blank `access_token`, a `token_type` other than `Bearer` or an unreadable
/// `expires_in` give [`InsurerError::Malformed`]; a refused key gives
/// [`InsurerError::Unauthorized`].
pub fn parse_token_response(
    status: u16,
    body: &[u8],
    now: u64,
) -> Result<AllianzToken, InsurerError> {
    let token: TokenBody = parse_json(status, body)?;
    let access_token = token
        .access_token
        .map(|token| token.trim().to_owned())
        .filter(|token| !token.is_empty())
        .ok_or_else(|| malformed("the token answer has no access_token"))?;
    if let Some(kind) = token.token_type.as_deref().map(str::trim) {
        if !kind.is_empty() && !kind.eq_ignore_ascii_case(BEARER) {
            return Err(malformed(format!("unexpected token_type {kind:?}")));
        }
    }
    let lifetime = match loose_text(&token.expires_in) {
        None => DEFAULT_LIFETIME_SECS,
        Some(text) => text
            .parse::<u64>()
            .map_err(|_| malformed(format!("unreadable expires_in {text:?}")))?,
    };
    Ok(AllianzToken {
        access_token,
        expires_at: now.saturating_add(lifetime),
    })
}

/// The header every Allianz Trade call carries: `Authorization: Bearer <token>`.
pub fn auth_headers(token: &AllianzToken) -> [(&'static str, String); 1] {
    [(
        AUTHORIZATION_HEADER,
        format!("{BEARER} {}", token.access_token),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_lifetime_and_margin() {
        let body = br#"{"access_token":"tok","token_type":"Bearer","expires_in":3600}"#;
        let token = parse_token_response(200, body, 1_000).unwrap();
        assert_eq!(token.expires_at(), 4_600);
        assert_eq!(token.usable_until(), 4_540);
        assert!(token.is_usable_at(4_539));
        assert!(!token.is_usable_at(4_540));
        let short = parse_token_response(200, br#"{"access_token":"t","expires_in":"30"}"#, 10);
        assert!(!short.unwrap().is_usable_at(10));
        let default = parse_token_response(200, br#"{"access_token":"t"}"#, 0).unwrap();
        assert_eq!(default.expires_at(), 3600);
        let late = parse_token_response(200, body, u64::MAX).unwrap();
        assert_eq!(late.expires_at(), u64::MAX);
    }

    #[test]
    fn bad_tokens_are_malformed() {
        for body in [
            r#"{"token_type":"Bearer","expires_in":3600}"#,
            r#"{"access_token":"  ","expires_in":3600}"#,
            r#"{"access_token":"t","token_type":"MAC"}"#,
            r#"{"access_token":"t","expires_in":-5}"#,
            r#"{"access_token":"t","expires_in":"soon"}"#,
            r#"{"access_token":"t","expires_in":1.5}"#,
            "[]",
        ] {
            let error = parse_token_response(200, body.as_bytes(), 0).unwrap_err();
            assert_eq!(error.code(), "insurer.malformed", "{body}");
        }
    }
}
