//! Atradius: Basic(client id : secret) and the app key are exchanged for a bearer token
//! (`POST /authenticate/v2/tokens`), cached until shortly before it expires, one request in
//! flight at a time; every call (the token request included) carries a fresh correlation id.

use std::sync::Arc;

use tokio::sync::Mutex;
use tradecover_core::atradius::{
    auth_headers, parse_token_response, token_request, AtradiusCredentials, AtradiusToken,
};
use tradecover_core::http_response::HttpResponse;

use super::correlation::fresh_correlation_id;
use super::{send_core_request, AuthFailure};
use crate::clock::Clock;
use crate::metrics::Metrics;
use crate::upstream::Upstream;

/// Atradius authentication state.
#[derive(Debug)]
pub struct AtradiusAuth {
    credentials: AtradiusCredentials,
    upstream: Upstream,
    clock: Clock,
    metrics: Arc<Metrics>,
    token: Mutex<Option<AtradiusToken>>,
}

impl AtradiusAuth {
    /// Authentication with `credentials` against `upstream`; the first call fetches a token.
    pub fn new(
        credentials: AtradiusCredentials,
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

    /// Bearer, app key and a new correlation id for one call.
    pub async fn headers(&self) -> Result<Vec<(&'static str, String)>, AuthFailure> {
        let mut cached = self.token.lock().await;
        if let Some(token) = cached
            .as_ref()
            .filter(|token| token.is_usable_at(self.clock.now()))
        {
            return Ok(auth_headers(token, &self.credentials, &fresh_correlation_id()).to_vec());
        }
        let request = token_request(&self.credentials, &fresh_correlation_id());
        let answer = match send_core_request(&self.upstream, &request).await {
            Ok(answer) => answer,
            Err(_) => {
                self.metrics.record_token_fetch("atradius", "error");
                return Err(AuthFailure::Unreachable);
            }
        };
        let mut response = HttpResponse::new(answer.status.as_u16(), answer.body.to_vec());
        for (name, value) in &answer.headers {
            if let Ok(value) = value.to_str() {
                response = response.with_header(name.as_str(), value);
            }
        }
        let token = parse_token_response(&response, self.clock.now()).map_err(AuthFailure::Insurer);
        self.metrics
            .record_token_fetch("atradius", if token.is_ok() { "ok" } else { "error" });
        let token = token?;
        let headers = auth_headers(&token, &self.credentials, &fresh_correlation_id()).to_vec();
        *cached = Some(token);
        Ok(headers)
    }

    /// Forgets the token.
    pub async fn invalidate(&self) {
        *self.token.lock().await = None;
    }
}
