//! Middleware run on every request before routing: the request's framing verdict (see
//! [`crate::framing`]), the per-client rate limit, a path-only request target and a plain,
//! allowed `Host`. Requests received in-process (no connection, e.g. `tower::ServiceExt`
//! in tests) have no framing, peer or required `Host` to check.

use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::framing::{ConnectionInfo, FramingVerdict};
use crate::problem::Problem;
use crate::request_target::{check_host, check_origin_form};

/// Middleware: refuses unsafe requests before any handler sees them.
pub async fn guard(
    State(state): State<Arc<AppState>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    match check(&state, &request) {
        Ok(()) => next.run(request).await,
        Err(problem) => problem.into_response(),
    }
}

fn check(state: &AppState, request: &Request<Body>) -> Result<(), Problem> {
    let connection = request
        .extensions()
        .get::<ConnectInfo<ConnectionInfo>>()
        .map(|info| &info.0);
    if let Some(connection) = connection {
        if let FramingVerdict::Refused(reason) = connection.next_verdict() {
            return Err(Problem::bad_request(
                "proxy.bad_framing",
                format!("Refused request framing: {reason}."),
            ));
        }
        if let Err(wait) = state
            .rate_limiter
            .check(connection.peer.ip(), Instant::now())
        {
            state.metrics.record_rate_limited();
            return Err(Problem::new(
                429,
                "proxy.rate_limited",
                "Too many requests from this client; slow down.",
            )
            .with_retry_after(wait));
        }
    }
    check_origin_form(request.uri())?;
    if connection.is_some() || request.headers().contains_key("host") {
        check_host(request.headers(), &state.security.allowed_hosts)?;
    }
    Ok(())
}
