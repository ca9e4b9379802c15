//! Atradius authentication, as pure values for the proxy (the browser never sees any of it):
//! `POST /authenticate/v2/tokens` with Basic(client id : secret) and the app key, empty body →
//! a bearer token valid 30 minutes; then, on every call, the bearer, the app key and a fresh
//! correlation id.

use std::fmt;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use super::response::{check_status, malformed, parse_body};
use super::wire::{
    scalar_text, text, TokenAnswer, TokenBody, ACCEPT_HEADER, APP_KEY_HEADER, AUTHORIZATION_HEADER,
    CONTENT_TYPE_HEADER, CORRELATION_HEADER, JSON, TOKEN_PATH,
};
use crate::http_request::{HttpRequest, Method};
use crate::http_response::HttpResponse;
use crate::insurer_error::InsurerError;

/// Path of the token call, relative to the Atradius base.
pub const TOKEN_REQUEST_PATH: &str = TOKEN_PATH;

/// Token lifetime when the answer does not give one: Atradius issues 30-minute tokens.
pub const DEFAULT_EXPIRES_IN_SECS: u64 = 1800;

/// Seconds before expiry at which a token is no longer used, so that no call leaves with a token
/// that expires on the way (at most half the token's lifetime, for very short tokens).
pub const EXPIRY_MARGIN_SECS: u64 = 60;

/// What the proxy holds to call Atradius: the OAuth client and the application key. `Debug`
/// never shows the secrets.
#[derive(Clone, PartialEq, Eq)]
pub struct AtradiusCredentials {
    /// OAuth client id.
    pub client_id: String,
    /// OAuth client secret.
    pub client_secret: String,
    /// Application key (`Atradius-App-Key`).
    pub app_key: String,
}

impl fmt::Debug for AtradiusCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AtradiusCredentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("app_key", &"<redacted>")
            .finish()
    }
}

/// A bearer token and the Unix second from which it must not be used any more.
#[derive(Clone, PartialEq, Eq)]
pub struct AtradiusToken {
    access_token: String,
    usable_until: u64,
}

impl fmt::Debug for AtradiusToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AtradiusToken")
            .field("access_token", &"<redacted>")
            .field("usable_until", &self.usable_until)
            .finish()
    }
}

impl AtradiusToken {
    /// Whether the token may still be used at `now` (Unix seconds).
    pub fn is_usable_at(&self, now: u64) -> bool {
        now < self.usable_until
    }

    /// Unix second from which a new token must be requested (Atradius tokens are not
    /// refreshed: a new one is requested).
    pub fn usable_until(&self) -> u64 {
        self.usable_until
    }
}

/// The token request: `POST /authenticate/v2/tokens`, `Authorization: Basic
/// base64(client_id:client_secret)`, the app key, a correlation id, JSON content type and no
/// body (not a form `grant_type`).
pub fn token_request(credentials: &AtradiusCredentials, correlation_id: &str) -> HttpRequest {
    let basic = STANDARD.encode(format!(
        "{}:{}",
        credentials.client_id, credentials.client_secret
    ));
    HttpRequest::new(Method::Post, TOKEN_PATH)
        .with_header(AUTHORIZATION_HEADER, format!("Basic {basic}"))
        .with_header(APP_KEY_HEADER, credentials.app_key.as_str())
        .with_header(CORRELATION_HEADER, correlation_id)
        .with_header(CONTENT_TYPE_HEADER, JSON)
        .with_header(ACCEPT_HEADER, JSON)
}

/// Reads the token answer received at `now` (Unix seconds): `{"data": {"access_token",
/// "token_type": "Bearer", "expires_in": 1800}}`. Also read: the same without the `data`
/// envelope, the older `accessToken`/`expiresIn`, `expires_in` as a string. A token type other
/// than Bearer, an empty token or a zero or unreadable lifetime is
/// [`InsurerError::Malformed`].
pub fn parse_token_response(
    response: &HttpResponse,
    now: u64,
) -> Result<AtradiusToken, InsurerError> {
    check_status(response)?;
    let answer: TokenAnswer = parse_body(&response.body)?;
    let body: TokenBody = answer.data.unwrap_or(answer.bare);
    let access_token = text(&body.access_token)
        .or_else(|| text(&body.access_token_v1))
        .ok_or_else(|| malformed("the token answer has no access_token"))?
        .to_owned();
    if let Some(kind) = text(&body.token_type) {
        if !kind.eq_ignore_ascii_case("bearer") {
            return Err(malformed(format!("unexpected token_type {kind:?}")));
        }
    }
    let expires_in =
        match scalar_text(&body.expires_in).or_else(|| scalar_text(&body.expires_in_v1)) {
            None => DEFAULT_EXPIRES_IN_SECS,
            Some(seconds) => seconds
                .parse::<u64>()
                .ok()
                .filter(|seconds| *seconds > 0)
                .ok_or_else(|| malformed(format!("unexpected expires_in {seconds:?}")))?,
        };
    let margin = EXPIRY_MARGIN_SECS.min(expires_in / 2);
    Ok(AtradiusToken {
        access_token,
        usable_until: now.saturating_add(expires_in - margin),
    })
}

/// The headers of every Atradius call but the token: the bearer, the app key and the call's
/// correlation id (one per call; see [`correlation_id`]).
pub fn auth_headers(
    token: &AtradiusToken,
    credentials: &AtradiusCredentials,
    correlation_id: &str,
) -> [(&'static str, String); 3] {
    [
        (
            AUTHORIZATION_HEADER,
            format!("Bearer {}", token.access_token),
        ),
        (APP_KEY_HEADER, credentials.app_key.clone()),
        (CORRELATION_HEADER, correlation_id.to_owned()),
    ]
}

/// A correlation id: the 16 random bytes the caller drew (the core has no randomness) written
/// as a UUID version 4, e.g. `0f8e2c1a-5b3d-4e7f-9a6b-1c2d3e4f5a6b`.
pub fn correlation_id(random: [u8; 16]) -> String {
    let mut bytes = random;
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (index, byte) in bytes.iter().enumerate() {
        if matches!(index, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credentials() -> AtradiusCredentials {
        AtradiusCredentials {
            client_id: "client".into(),
            client_secret: "s3cret".into(),
            app_key: "app-key-1".into(),
        }
    }

    #[test]
    fn token_lifetime_and_margin() {
        let body = r#"{"data":{"access_token":"tok","token_type":"Bearer","expires_in":1800}}"#;
        let token = parse_token_response(&HttpResponse::new(200, body), 1_000).unwrap();
        assert_eq!(token.usable_until(), 1_000 + 1800 - 60);
        assert!(token.is_usable_at(2_739));
        assert!(!token.is_usable_at(2_740));
        let short = r#"{"data":{"access_token":"tok","expires_in":"10"}}"#;
        let token = parse_token_response(&HttpResponse::new(200, short), 0).unwrap();
        assert_eq!(token.usable_until(), 5);
        let default = r#"{"data":{"access_token":"tok"}}"#;
        let token = parse_token_response(&HttpResponse::new(200, default), 0).unwrap();
        assert_eq!(token.usable_until(), 1800 - 60);
        let saturated = parse_token_response(&HttpResponse::new(200, default), u64::MAX).unwrap();
        assert_eq!(saturated.usable_until(), u64::MAX);
    }

    #[test]
    fn headers_carry_bearer_key_and_correlation() {
        let body = r#"{"accessToken":"v1-token","expiresIn":3600}"#;
        let token = parse_token_response(&HttpResponse::new(201, body), 0).unwrap();
        let headers = auth_headers(&token, &credentials(), "cid");
        assert_eq!(headers[0], ("Authorization", "Bearer v1-token".to_owned()));
        assert_eq!(headers[1], ("Atradius-App-Key", "app-key-1".to_owned()));
        assert_eq!(headers[2], ("Atradius-Correlation-Id", "cid".to_owned()));
    }

    #[test]
    fn bad_tokens_are_typed_errors() {
        for body in [
            r#"{"data":{"access_token":" "}}"#,
            r#"{"data":{"access_token":"t","token_type":"MAC"}}"#,
            r#"{"data":{"access_token":"t","expires_in":0}}"#,
            r#"{"data":{"access_token":"t","expires_in":"soon"}}"#,
            r#"{"data":{"access_token":"t","expires_in":-5}}"#,
            r#"{"data":{"access_token":"t","expires_in":true}}"#,
            "[]",
            "",
        ] {
            let error = parse_token_response(&HttpResponse::new(200, body), 0).unwrap_err();
            assert_eq!(error.code(), "insurer.malformed", "{body}");
        }
        let refused = parse_token_response(&HttpResponse::new(401, "{}"), 0).unwrap_err();
        assert_eq!(refused.code(), "insurer.unauthorized");
    }

    #[test]
    fn correlation_ids_are_uuid_v4() {
        assert_eq!(
            correlation_id([0xff; 16]),
            "ffffffff-ffff-4fff-bfff-ffffffffffff"
        );
        assert_eq!(
            correlation_id([0; 16]),
            "00000000-0000-4000-8000-000000000000"
        );
    }

    #[test]
    fn debug_never_shows_secrets() {
        let shown = format!("{:?}", credentials());
        assert!(!shown.contains("s3cret") && !shown.contains("app-key-1"));
        let token = parse_token_response(
            &HttpResponse::new(200, r#"{"data":{"access_token":"tok-xyz"}}"#),
            0,
        )
        .unwrap();
        assert!(!format!("{token:?}").contains("tok-xyz"));
    }
}
