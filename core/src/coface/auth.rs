//! CofaServe login: the proxy's side of authentication, as values. The browser never sees any of
//! this; the proxy logs in with the credentials it holds and adds the headers to each call.

use std::fmt;

use super::response::parse_json;
use super::wire::{LoginBody, TokenBody, API_KEY_HEADER, AUTHORIZATION_HEADER, POLICY_HEADER};
use crate::http_request::{HttpRequest, Method};
use crate::insurer_error::InsurerError;

/// Path of the login, relative to the CofaServe base.
pub const LOGIN_PATH: &str = "/authentication/v1/token";

/// Seconds before the token's expiry at which a session is no longer used, so that a call never
/// leaves with a token that expires on the way.
pub const EXPIRY_MARGIN_SECS: u64 = 60;

/// What the proxy holds to call CofaServe: the user's login, the user-application API key and the
/// contract (policy) number. `Debug` never shows the secrets.
#[derive(Clone, PartialEq, Eq)]
pub struct CofaceCredentials {
    /// Login user name.
    pub username: String,
    /// Login password.
    pub password: String,
    /// API key of this user-application pair (`x-api-key`).
    pub api_key: String,
    /// Contract number sent with every call (`X-COF-Policy-Number`).
    pub policy_number: String,
}

impl fmt::Debug for CofaceCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CofaceCredentials")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .field("api_key", &"<redacted>")
            .field("policy_number", &self.policy_number)
            .finish()
    }
}

/// A logged-in session: the id token and when it stops being usable (Unix seconds).
#[derive(Clone, PartialEq, Eq)]
pub struct CofaceSession {
    id_token: String,
    usable_until: u64,
}

impl fmt::Debug for CofaceSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CofaceSession")
            .field("id_token", &"<redacted>")
            .field("usable_until", &self.usable_until)
            .finish()
    }
}

impl CofaceSession {
    /// Whether the session may still be used at `now` (Unix seconds).
    pub fn is_usable_at(&self, now: u64) -> bool {
        now < self.usable_until
    }

    /// Unix second from which the session must be renewed.
    pub fn usable_until(&self) -> u64 {
        self.usable_until
    }
}

/// The login request: `POST /authentication/v1/token` with the API key and a password grant.
pub fn login_request(credentials: &CofaceCredentials) -> HttpRequest {
    let body = LoginBody {
        username: &credentials.username,
        password: &credentials.password,
        grant_type: "password",
    };
    HttpRequest::new(Method::Post, LOGIN_PATH)
        .with_header(API_KEY_HEADER, credentials.api_key.as_str())
        .with_header("content-type", "application/json")
        .with_json(serde_json::json!(body))
}

/// Parses the login answer received at `now` (Unix seconds) into a session.
pub fn parse_login_response(
    status: u16,
    body: &[u8],
    now: u64,
) -> Result<CofaceSession, InsurerError> {
    let token: TokenBody = parse_json(status, body)?;
    if token.id_token.trim().is_empty() {
        return Err(InsurerError::Malformed {
            reason: "the login answer has an empty idToken".into(),
        });
    }
    Ok(CofaceSession {
        id_token: token.id_token,
        usable_until: now
            .saturating_add(token.expires_in)
            .saturating_sub(EXPIRY_MARGIN_SECS),
    })
}

/// The headers every CofaServe call carries: the id token, the API key and the contract number.
pub fn auth_headers(
    session: &CofaceSession,
    credentials: &CofaceCredentials,
) -> [(&'static str, String); 3] {
    [
        (AUTHORIZATION_HEADER, session.id_token.clone()),
        (API_KEY_HEADER, credentials.api_key.clone()),
        (POLICY_HEADER, credentials.policy_number.clone()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credentials() -> CofaceCredentials {
        CofaceCredentials {
            username: "user".into(),
            password: "s3cret-pass".into(),
            api_key: "key-123".into(),
            policy_number: "POL-1".into(),
        }
    }

    #[test]
    fn builds_the_login() {
        let request = login_request(&credentials());
        assert_eq!(request.method, Method::Post);
        assert_eq!(request.path, "/authentication/v1/token");
        assert!(request
            .headers
            .contains(&("x-api-key".to_owned(), "key-123".to_owned())));
        assert_eq!(
            request.body.unwrap(),
            serde_json::json!({"username": "user", "password": "s3cret-pass", "grantType": "password"})
        );
    }

    #[test]
    fn session_expires_with_a_margin() {
        let body = br#"{"idToken":"tok","accessToken":"a","refreshToken":"r","expiresIn":3600,"tokenType":"Bearer"}"#;
        let session = parse_login_response(200, body, 1_000).unwrap();
        assert!(session.is_usable_at(1_000));
        assert!(session.is_usable_at(1_000 + 3600 - EXPIRY_MARGIN_SECS - 1));
        assert!(!session.is_usable_at(1_000 + 3600 - EXPIRY_MARGIN_SECS));
        let headers = auth_headers(&session, &credentials());
        assert_eq!(headers[0], ("authorization", "tok".to_owned()));
        assert_eq!(headers[2], ("X-COF-Policy-Number", "POL-1".to_owned()));
    }

    #[test]
    fn login_failures_are_typed() {
        let refused =
            br#"{"code":"NotAuthorizedException","message":"Incorrect username or password."}"#;
        assert_eq!(
            parse_login_response(400, refused, 0).unwrap_err().code(),
            "insurer.unauthorized"
        );
        let locked = br#"{"code":"NotAuthorizedException","message":"Password attempts exceeded"}"#;
        assert_eq!(
            parse_login_response(400, locked, 0).unwrap_err().code(),
            "insurer.locked_out"
        );
        let empty = br#"{"idToken":" ","expiresIn":3600}"#;
        assert_eq!(
            parse_login_response(200, empty, 0).unwrap_err().code(),
            "insurer.malformed"
        );
    }

    #[test]
    fn debug_never_shows_secrets() {
        let shown = format!("{:?}", credentials());
        assert!(!shown.contains("s3cret-pass") && !shown.contains("key-123"));
        let session =
            parse_login_response(200, br#"{"idToken":"tok-xyz","expiresIn":10}"#, 0).unwrap();
        assert!(!format!("{session:?}").contains("tok-xyz"));
    }
}
