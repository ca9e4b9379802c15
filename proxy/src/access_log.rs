//! One JSON line per request on stderr — time, method, route, insurer, operation, status,
//! duration, and the proxy's error code if any; never a path, query value, header value or
//! body — and the request counters of [`crate::metrics`].

use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::extract::State;
use axum::http::Request;
use axum::middleware::Next;
use axum::response::Response;

use crate::app::AppState;
use crate::forward::OperationLabel;
use crate::problem::ProblemCode;
use crate::request_target::PROXY_PREFIX;
use crate::timestamp::rfc3339;

/// What kind of route a path is, for the log (the path itself is never logged).
pub fn route_kind(path: &str) -> &'static str {
    if path.starts_with(PROXY_PREFIX) || path == "/proxy" {
        "proxy"
    } else if path == "/health" {
        "health"
    } else if path == "/metrics" {
        "metrics"
    } else if path.starts_with("/__sandbox/") {
        "sandbox"
    } else {
        "static"
    }
}

/// The log line of one request: only these fields, never a path, query, header or body.
pub fn log_line(
    now: u64,
    method: &str,
    route: &str,
    label: Option<OperationLabel>,
    status: u16,
    duration_ms: f64,
    code: Option<&str>,
) -> serde_json::Value {
    serde_json::json!({
        "ts": rfc3339(now),
        "method": method,
        "route": route,
        "insurer": label.map(|l| l.insurer),
        "operation": label.map(|l| l.operation),
        "status": status,
        "durationMs": (duration_ms * 100.0).round() / 100.0,
        "code": code,
    })
}

/// Middleware: answers the request, then logs it and counts it.
pub async fn observe(
    State(state): State<Arc<AppState>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = route_kind(request.uri().path());
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let label = response.extensions().get::<OperationLabel>().copied();
    let code = response
        .extensions()
        .get::<ProblemCode>()
        .map(|code| code.0);
    if route == "proxy" {
        let (insurer, operation) = label.map_or(("none", "none"), |l| (l.insurer, l.operation));
        state.metrics.record_request(insurer, operation, status);
    }
    if state.access_log {
        let line = log_line(
            state.clock.now(),
            &method,
            route,
            label,
            status,
            started.elapsed().as_secs_f64() * 1000.0,
            code,
        );
        eprintln!("{line}");
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_names_the_operation_not_the_request() {
        let label = OperationLabel {
            insurer: "coface",
            operation: "company.search_by_name",
        };
        let line = log_line(
            0,
            "GET",
            route_kind("/proxy/coface/companies/name"),
            Some(label),
            200,
            1.234,
            None,
        );
        assert_eq!(
            line.to_string(),
            r#"{"code":null,"durationMs":1.23,"insurer":"coface","method":"GET","operation":"company.search_by_name","route":"proxy","status":200,"ts":"1970-01-01T00:00:00Z"}"#
        );
        assert_eq!(route_kind("/__sandbox/health"), "sandbox");
        assert_eq!(route_kind("/index.html"), "static");
    }
}
