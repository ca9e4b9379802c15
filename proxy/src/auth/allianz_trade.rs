//! Allianz Trade: the private API key is exchanged for a bearer token
//! (`POST /v1/idp/oauth2/authorize`), cached until shortly before it expires; one token request
//! in flight however many calls arrive at once.

use std::sync::Arc;

use tokio::sync::Mutex;
use tradecover_core::allianz_trade::{
    auth_headers, parse_token_response, token_request, AllianzCredentials, AllianzToken,
};

use super::{send_core_request, AuthFailure};
use crate::clock::Clock;
use crate::metrics::Metrics;
use crate::upstream::Upstream;

/// Allianz Trade authentication state.
#[derive(Debug)]
pub struct AllianzTradeAuth {
    credentials: AllianzCredentials,
    upstream: Upstream,
    clock: Clock,
    metrics: Arc<Metrics>,
    token: Mutex<Option<AllianzToken>>,
}

impl AllianzTradeAuth {
    /// Authentication with `credentials` against `upstream`; the first call fetches a token.
    pub fn new(
        credentials: AllianzCredentials,
        upstream: Upstream,
        clock: Clock,
        metrics: Arc<Metrics>,
    ) -> Self {
        Self {
            credentials,
            upstream,
            clock,
            metrics,
            token: Mutex::new(None),
        }
    }

    /// `Authorization: Bearer …` for one call; calls arriving during a token request wait for it.
    pub async fn headers(&self) -> Result<Vec<(&'static str, String)>, AuthFailure> {
        let mut cached = self.token.lock().await;
        if let Some(token) = cached
            .as_ref()
            .filter(|token| token.is_usable_at(self.clock.now()))
        {
            return Ok(auth_headers(token).to_vec());
        }
        let answer = send_core_request(&self.upstream, &token_request(&self.credentials)).await;
        let answer = match answer {
            Ok(answer) => answer,
            Err(_) => {
                self.metrics.record_token_fetch("allianz-trade", "error");
                return Err(AuthFailure::Unreachable);
            }
        };
        let token = parse_token_response(answer.status.as_u16(), &answer.body, self.clock.now())
            .map_err(AuthFailure::Insurer);
        self.metrics
            .record_token_fetch("allianz-trade", if token.is_ok() { "ok" } else { "error" });
        let token = token?;
        let headers = auth_headers(&token).to_vec();
        *cached = Some(token);
        Ok(headers)
    }

    /// Forgets the token.
    pub async fn invalidate(&self) {
        *self.token.lock().await = None;
    }
}
