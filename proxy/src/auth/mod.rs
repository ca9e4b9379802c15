//! The proxy's side of each insurer's authentication, built on the core's pure token logic: one
//! token (or session) per insurer shared by all calls, fetched once however many calls arrive
//! together (single flight: the cache's lock is held while fetching), renewed shortly before it
//! expires, and forgotten when the insurer answers 401.

pub mod allianz_trade;
pub mod atradius;
pub mod coface;
pub mod correlation;

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method};
use tradecover_core::{HttpRequest, Insurer, InsurerError};

use crate::problem::Problem;
use crate::upstream::{Upstream, UpstreamFailure, UpstreamRequest, UpstreamResponse};

/// Largest token answer read.
pub const MAX_TOKEN_ANSWER: usize = 64 * 1024;

/// Why no credentials could be added to a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthFailure {
    /// The insurer account is locked until this Unix second; the proxy did not try.
    Locked {
        /// End of the lockout (exclusive).
        until: u64,
    },
    /// The insurer refused or answered something unreadable.
    Insurer(InsurerError),
    /// The insurer could not be reached.
    Unreachable,
}

impl AuthFailure {
    /// The answer to the browser for this failure of `insurer`'s authentication at `now`.
    pub fn into_problem(self, insurer: Insurer, now: u64) -> Problem {
        match self {
            AuthFailure::Locked { until } => Problem::locked(until, now),
            AuthFailure::Insurer(error) => Problem::new(
                502,
                error.code(),
                format!("{} authentication failed: {error}", insurer.display_name()),
            ),
            AuthFailure::Unreachable => Problem::new(
                502,
                "insurer.unavailable",
                format!("{} cannot be reached.", insurer.display_name()),
            ),
        }
    }
}

/// The authentication of one insurer.
#[derive(Debug)]
pub enum Authenticator {
    /// Allianz Trade: API key → bearer token.
    AllianzTrade(allianz_trade::AllianzTradeAuth),
    /// Atradius: Basic + app key → bearer token; correlation id per call.
    Atradius(atradius::AtradiusAuth),
    /// Coface: login → id token, within the lockout schedule.
    Coface(coface::CofaceAuth),
}

impl Authenticator {
    /// The headers to add to one call, fetching a token first if none is usable.
    pub async fn headers(&self) -> Result<Vec<(&'static str, String)>, AuthFailure> {
        match self {
            Authenticator::AllianzTrade(auth) => auth.headers().await,
            Authenticator::Atradius(auth) => auth.headers().await,
            Authenticator::Coface(auth) => auth.headers().await,
        }
    }

    /// Forgets the token (the insurer refused it), so the next call fetches a new one.
    pub async fn invalidate(&self) {
        match self {
            Authenticator::AllianzTrade(auth) => auth.invalidate().await,
            Authenticator::Atradius(auth) => auth.invalidate().await,
            Authenticator::Coface(auth) => auth.invalidate().await,
        }
    }
}

/// Sends a request the core built (a token request, a login) to `upstream`.
pub async fn send_core_request(
    upstream: &Upstream,
    request: &HttpRequest,
) -> Result<UpstreamResponse, UpstreamFailure> {
    let mut headers = HeaderMap::new();
    for (name, value) in &request.headers {
        let name =
            HeaderName::from_bytes(name.as_bytes()).map_err(|_| UpstreamFailure::Unreachable)?;
        let value = HeaderValue::from_str(value).map_err(|_| UpstreamFailure::Unreachable)?;
        headers.append(name, value);
    }
    let body = match &request.body {
        Some(json) => Bytes::from(json.to_string()),
        None => Bytes::new(),
    };
    let method = Method::from_bytes(request.method.as_str().as_bytes())
        .map_err(|_| UpstreamFailure::Unreachable)?;
    upstream
        .call(
            UpstreamRequest {
                method,
                path_and_query: request.path_and_query(),
                headers,
                body,
            },
            MAX_TOKEN_ANSWER,
        )
        .await
}
