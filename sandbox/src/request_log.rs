//! What the simulated insurers received: a bounded log of the latest requests to the insurer
//! routes, so that end-to-end tests can check what a client really sent (how many searches,
//! with which parameters, which were abandoned) rather than what it meant to send.
//!
//! Routes (helpers, nested under `/__sandbox`):
//! - `GET /__sandbox/requests[?insurer=coface|allianz-trade|atradius][&limit=N]` →
//!   `{"requests": [{"seq", "insurer", "method", "path", "query", "status"}]}`: the last `N`
//!   (1–[`REQUEST_LOG_CAPACITY`], default 50) requests received, oldest first. `seq` counts
//!   every request since the sandbox started; `query` is the raw query string (`null` when
//!   none); `status` is the status answered, `null` while the request is under way or when
//!   the caller went away before the answer (an aborted request);
//! - `DELETE /__sandbox/requests` → `{"cleared": n}`.
//!
//! The log is recorded before fault injection, so a request answered with an injected fault
//! is logged too. Only the newest [`REQUEST_LOG_CAPACITY`] requests are kept.

use crate::error::{method_not_allowed, ApiError};
use crate::params::{count_param, param, query_params};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

/// How many requests the log keeps (the oldest go first).
pub(crate) const REQUEST_LOG_CAPACITY: usize = 1000;
/// How many requests `GET /__sandbox/requests` answers when no `limit` is given.
const DEFAULT_LIMIT: usize = 50;
/// The insurers' route prefixes, as accepted by the `insurer` filter.
const INSURERS: [&str; 3] = ["allianz-trade", "atradius", "coface"];

/// One request received by an insurer route.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct LoggedRequest {
    /// Position among every request received since the sandbox started (from 1).
    pub(crate) seq: u64,
    /// The insurer: the first path segment (`coface`, `allianz-trade`, `atradius`).
    pub(crate) insurer: String,
    /// HTTP method.
    pub(crate) method: String,
    /// Path as received, e.g. `/coface/companies/name`.
    pub(crate) path: String,
    /// Raw query string, if any.
    pub(crate) query: Option<String>,
    /// Status answered; `None` while under way or if the caller went away first.
    pub(crate) status: Option<u16>,
}

#[derive(Debug, Default)]
struct Entries {
    next_seq: u64,
    requests: VecDeque<LoggedRequest>,
}

/// The bounded log shared by the middleware and the helper routes.
#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    entries: Mutex<Entries>,
}

impl RequestLog {
    /// Logs a request as received (no status yet) and returns its `seq`.
    pub(crate) fn received(&self, method: &str, path: &str, query: Option<&str>) -> u64 {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.next_seq += 1;
        let seq = entries.next_seq;
        if entries.requests.len() == REQUEST_LOG_CAPACITY {
            entries.requests.pop_front();
        }
        let insurer = path
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        entries.requests.push_back(LoggedRequest {
            seq,
            insurer,
            method: method.to_owned(),
            path: path.to_owned(),
            query: query.map(str::to_owned),
            status: None,
        });
        seq
    }

    /// Records the status answered to request `seq` (if it is still in the log).
    pub(crate) fn answered(&self, seq: u64, status: u16) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(entry) = entries.requests.iter_mut().rev().find(|e| e.seq == seq) {
            entry.status = Some(status);
        }
    }

    /// The last `limit` requests (of `insurer` when given), oldest first.
    pub(crate) fn latest(&self, insurer: Option<&str>, limit: usize) -> Vec<LoggedRequest> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let mut latest: Vec<LoggedRequest> = entries
            .requests
            .iter()
            .rev()
            .filter(|entry| insurer.is_none_or(|insurer| entry.insurer == insurer))
            .take(limit)
            .cloned()
            .collect();
        latest.reverse();
        latest
    }

    /// Empties the log (sequence numbers go on); returns how many requests were removed.
    pub(crate) fn clear(&self) -> usize {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let cleared = entries.requests.len();
        entries.requests.clear();
        cleared
    }
}

/// The middleware on every insurer route: logs the request, then its status once answered.
pub(crate) async fn record(
    State(log): State<Arc<RequestLog>>,
    request: Request,
    next: Next,
) -> Response {
    let seq = log.received(
        request.method().as_str(),
        request.uri().path(),
        request.uri().query(),
    );
    // If the caller goes away, this future is dropped here and the status stays `None`.
    let response = next.run(request).await;
    log.answered(seq, response.status().as_u16());
    response
}

async fn list(
    State(log): State<Arc<RequestLog>>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let params = query_params(query)?;
    let insurer = match param(&params, "insurer") {
        None => None,
        Some(insurer) if INSURERS.contains(&insurer) => Some(insurer),
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "insurer must be one of {}, not {other:?}",
                INSURERS.join(", ")
            )))
        }
    };
    let limit = count_param(&params, "limit", DEFAULT_LIMIT, REQUEST_LOG_CAPACITY)?;
    Ok(Json(json!({ "requests": log.latest(insurer, limit) })))
}

async fn clear(State(log): State<Arc<RequestLog>>) -> Json<Value> {
    Json(json!({ "cleared": log.clear() }))
}

/// The helper routes `GET|DELETE /requests`, to be nested under `/__sandbox`.
pub(crate) fn router(log: Arc<RequestLog>) -> Router {
    Router::new()
        .route("/requests", get(list).delete(clear))
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(log)
}

/// Wraps insurer routes with the logging middleware.
pub(crate) fn wrap(insurers: Router, log: Arc<RequestLog>) -> Router {
    insurers.layer(axum::middleware::from_fn_with_state(log, record))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::{to_bytes, Body};
    use axum::http::{Request as HttpRequest, StatusCode};
    use std::future::pending;
    use std::time::Duration;
    use tower::ServiceExt;

    /// Insurer-like routes behind the log: one that answers, one that never does.
    fn app(log: &Arc<RequestLog>) -> Router {
        let insurers = Router::new()
            .route("/coface/companies/name", get(|| async { "[]" }))
            .route("/atradius/slow", get(pending::<&'static str>));
        wrap(insurers, Arc::clone(log)).nest("/__sandbox", router(Arc::clone(log)))
    }

    async fn get_json(app: Router, uri: &str) -> (StatusCode, Value) {
        let response = app
            .oneshot(HttpRequest::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let body = to_bytes(response.into_body(), 1 << 20).await.unwrap();
        (status, serde_json::from_slice(&body).unwrap())
    }

    #[tokio::test]
    async fn logs_method_path_query_and_status_and_filters_by_insurer() {
        let log = Arc::new(RequestLog::default());
        for name in ["dup", "dupo"] {
            let uri = format!("/coface/companies/name?countryCode=FRA&companyName={name}");
            let response = app(&log)
                .oneshot(HttpRequest::get(uri).body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
        }
        let missing = app(&log)
            .oneshot(
                HttpRequest::post("/coface/nowhere")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);

        let (status, body) = get_json(app(&log), "/__sandbox/requests?insurer=coface").await;
        assert_eq!(status, StatusCode::OK);
        let requests = body["requests"].as_array().unwrap();
        assert_eq!(requests.len(), 3);
        assert_eq!(requests[0]["seq"], 1);
        assert_eq!(requests[0]["insurer"], "coface");
        assert_eq!(requests[0]["method"], "GET");
        assert_eq!(requests[0]["path"], "/coface/companies/name");
        assert_eq!(requests[1]["query"], "countryCode=FRA&companyName=dupo");
        assert_eq!(requests[1]["status"], 200);
        assert_eq!(requests[2]["method"], "POST");
        assert_eq!(requests[2]["status"], 404);

        let (_, limited) = get_json(app(&log), "/__sandbox/requests?limit=1").await;
        assert_eq!(limited["requests"].as_array().unwrap().len(), 1);
        assert_eq!(limited["requests"][0]["seq"], 3);
        let (_, other) = get_json(app(&log), "/__sandbox/requests?insurer=atradius").await;
        assert_eq!(other["requests"], json!([]));
    }

    #[tokio::test]
    async fn a_request_abandoned_by_its_caller_keeps_no_status() {
        let log = Arc::new(RequestLog::default());
        let call = app(&log).oneshot(
            HttpRequest::get("/atradius/slow")
                .body(Body::empty())
                .unwrap(),
        );
        // The caller gives up: the future is dropped before any answer.
        assert!(tokio::time::timeout(Duration::from_millis(50), call)
            .await
            .is_err());
        let logged = log.latest(Some("atradius"), 10);
        assert_eq!(logged.len(), 1);
        assert_eq!(logged[0].path, "/atradius/slow");
        assert_eq!(logged[0].status, None);
    }

    #[test]
    fn keeps_only_the_newest_requests() {
        let log = RequestLog::default();
        for index in 0..REQUEST_LOG_CAPACITY + 5 {
            let seq = log.received("GET", "/coface/companies/name", Some(&format!("i={index}")));
            log.answered(seq, 200);
        }
        let all = log.latest(None, REQUEST_LOG_CAPACITY);
        assert_eq!(all.len(), REQUEST_LOG_CAPACITY);
        assert_eq!(all[0].seq, 6);
        assert_eq!(
            all.last().map(|e| e.seq),
            Some(REQUEST_LOG_CAPACITY as u64 + 5)
        );
        assert_eq!(log.clear(), REQUEST_LOG_CAPACITY);
        assert!(log.latest(None, 10).is_empty());
        assert_eq!(
            log.received("GET", "/atradius/x", None),
            REQUEST_LOG_CAPACITY as u64 + 6
        );
    }

    #[tokio::test]
    async fn rejects_unknown_insurers_and_bad_limits() {
        let log = Arc::new(RequestLog::default());
        for uri in [
            "/__sandbox/requests?insurer=hermes",
            "/__sandbox/requests?limit=0",
            "/__sandbox/requests?limit=1001",
        ] {
            let (status, body) = get_json(app(&log), uri).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
            assert!(body["code"].is_string(), "{uri}: {body}");
        }
    }
}
