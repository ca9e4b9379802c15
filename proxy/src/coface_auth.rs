//! The proxy's Coface login: one session shared by all calls, renewed shortly before it expires,
//! with a single login in flight however many calls arrive at once.

use std::time::{SystemTime, UNIX_EPOCH};

use tokio::sync::Mutex;
use tradecover_core::coface::auth::{auth_headers, login_request, parse_login_response};
use tradecover_core::coface::{CofaceCredentials, CofaceSession};
use tradecover_core::InsurerError;

use crate::forward::send_core_request;
use crate::upstream::Upstream;

/// Coface authentication state of the proxy.
pub struct CofaceAuth {
    credentials: CofaceCredentials,
    upstream: Upstream,
    session: Mutex<Option<CofaceSession>>,
}

impl CofaceAuth {
    /// Authentication with `credentials` against `upstream`; logs in on first use.
    pub fn new(credentials: CofaceCredentials, upstream: Upstream) -> Self {
        Self {
            credentials,
            upstream,
            session: Mutex::new(None),
        }
    }

    /// The headers to add to a CofaServe call, logging in first if there is no usable session.
    /// Callers arriving during a login wait for it instead of logging in again.
    pub async fn headers(&self) -> Result<[(&'static str, String); 3], InsurerError> {
        let mut session = self.session.lock().await;
        let now = unix_now();
        if let Some(current) = session.as_ref().filter(|s| s.is_usable_at(now)) {
            return Ok(auth_headers(current, &self.credentials));
        }
        let (status, body) = send_core_request(&self.upstream, &login_request(&self.credentials))
            .await
            .map_err(|_| InsurerError::Unavailable { status: 502 })?;
        let fresh = parse_login_response(status, &body, unix_now())?;
        let headers = auth_headers(&fresh, &self.credentials);
        *session = Some(fresh);
        Ok(headers)
    }

    /// Forgets the session (after the insurer refused it), so the next call logs in again.
    pub async fn invalidate(&self) {
        *self.session.lock().await = None;
    }

    /// Whether `text` contains one of the secrets this proxy holds (used to keep them out of
    /// logs and answers).
    pub fn leaks_secret(&self, text: &str) -> bool {
        [&self.credentials.password, &self.credentials.api_key]
            .iter()
            .any(|secret| !secret.is_empty() && text.contains(secret.as_str()))
    }
}

/// Seconds since the Unix epoch (0 if the clock is before it).
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0)
}
