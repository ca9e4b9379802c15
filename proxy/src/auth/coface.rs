//! Coface CofaServe: a login (`POST /authentication/v1/token`) gives an id token shared by all
//! calls until shortly before it expires, one login in flight at a time. Logins follow the
//! lockout schedule through the core's [`LoginGuard`]: while the account is locked the proxy
//! sends no login at all and answers `503 insurer.locked` itself.

use std::sync::Arc;

use tokio::sync::Mutex;
use tradecover_core::coface::auth::{auth_headers, login_request, parse_login_response};
use tradecover_core::coface::lockout::{LoginCheck, LoginGuard};
use tradecover_core::coface::{CofaceCredentials, CofaceSession};

use super::{send_core_request, AuthFailure};
use crate::clock::Clock;
use crate::metrics::Metrics;
use crate::upstream::Upstream;

#[derive(Debug, Default)]
struct CofaceState {
    session: Option<CofaceSession>,
    guard: LoginGuard,
}

/// Coface authentication state of the proxy.
#[derive(Debug)]
pub struct CofaceAuth {
    credentials: CofaceCredentials,
    upstream: Upstream,
    clock: Clock,
    metrics: Arc<Metrics>,
    state: Mutex<CofaceState>,
}

impl CofaceAuth {
    /// Authentication with `credentials` against `upstream`; logs in on first use.
    pub fn new(
        credentials: CofaceCredentials,
        upstream: Upstream,
        clock: Clock,
        metrics: Arc<Metrics>,
    ) -> Self {
        Self {
            credentials,
            upstream,
            clock,
            metrics,
            state: Mutex::new(CofaceState::default()),
        }
    }

    /// The headers to add to a CofaServe call, logging in first if there is no usable session
    /// and the account is not locked. Callers arriving during a login wait for it.
    pub async fn headers(&self) -> Result<Vec<(&'static str, String)>, AuthFailure> {
        let mut state = self.state.lock().await;
        let now = self.clock.now();
        if let Some(session) = state.session.as_ref().filter(|s| s.is_usable_at(now)) {
            return Ok(auth_headers(session, &self.credentials).to_vec());
        }
        if let LoginCheck::LockedUntil(until) = state.guard.check(now) {
            return Err(AuthFailure::Locked { until });
        }
        let answer =
            match send_core_request(&self.upstream, &login_request(&self.credentials)).await {
                Ok(answer) => answer,
                Err(_) => {
                    self.metrics.record_token_fetch("coface", "error");
                    return Err(AuthFailure::Unreachable);
                }
            };
        let answered_at = self.clock.now();
        let session = parse_login_response(answer.status.as_u16(), &answer.body, answered_at);
        state.guard.record_outcome(answered_at, &session);
        self.metrics
            .record_token_fetch("coface", if session.is_ok() { "ok" } else { "error" });
        let session = session.map_err(|error| match state.guard.check(answered_at) {
            LoginCheck::LockedUntil(until) => AuthFailure::Locked { until },
            LoginCheck::Allowed => AuthFailure::Insurer(error),
        })?;
        let headers = auth_headers(&session, &self.credentials).to_vec();
        state.session = Some(session);
        Ok(headers)
    }

    /// Forgets the session (CofaServe refused it); the login guard is kept.
    pub async fn invalidate(&self) {
        self.state.lock().await.session = None;
    }
}
