//! Fault injection for tests: makes the simulated insurers slow, failing, throttled, silent or
//! garbled on demand, so that clients (the proxy, the widgets) can be tested against the
//! failures real insurer APIs have.
//!
//! A fault is a comma-separated list of at most one `latency=<ms>` (0–[`MAX_LATENCY_MS`], real
//! time, before anything else) and at most one of:
//! - `status=<5xx>`: that status with a JSON `{"code": "SandboxFault", "message"}` body;
//! - `429`: 429 with `Retry-After: 2`;
//! - `drop`: the connection is closed without an answer (in-process, the response's body
//!   fails with an error, and the response carries `x-sandbox-fault: drop`);
//! - `malformed`: the insurer handles the request, then its answer is cut in half and sent as
//!   200 with a JSON content type (so the request *did* take effect: retry with an
//!   idempotency key).
//!
//! `status`, `429` and `drop` answer before the insurer sees the request (nothing happens).
//! Every faulty answer carries `x-sandbox-fault` naming the fault.
//!
//! Faults come from the request header `x-sandbox-fault: <fault>` (which is always removed
//! before the insurer's simulation sees the request; an unreadable one is 400
//! `InvalidFault`), or, for requests without the header, from the per-run default set with
//! `POST /__sandbox/faults` `{"fault": "<fault>", "probability": 0.25, "seed": 7,
//! "pathPrefix": "/atradius"}` (`probability` 0–1, default 1; draws are deterministic for a
//! seed, default 0; `pathPrefix` limits it to some routes), read with `GET /__sandbox/faults`
//! and cleared with `DELETE /__sandbox/faults`. Faults apply to every insurer route, never to
//! `/__sandbox`.

use crate::error::ApiError;
use crate::rng::Rng;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

/// The request header that asks for a fault (and the response header naming the one applied).
pub const FAULT_HEADER: &str = "x-sandbox-fault";
/// Longest injectable latency.
pub const MAX_LATENCY_MS: u64 = 10_000;
/// `Retry-After` of an injected 429, in seconds.
pub const RETRY_AFTER_SECS: u64 = 2;
/// Largest insurer answer a `malformed` fault reads before cutting it.
const MAX_BODY: usize = 16 * 1024 * 1024;
/// Resolution of `probability` draws.
const DRAW_SCALE: u64 = 1_000_000;

/// What goes wrong, besides latency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    /// A 5xx answer.
    Status(u16),
    /// 429 with `Retry-After`.
    TooManyRequests,
    /// No answer: the connection is closed.
    Drop,
    /// A truncated JSON answer.
    Malformed,
}

/// A fault: latency and / or a failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fault {
    latency: Duration,
    failure: Option<Failure>,
}

impl Fault {
    /// Reads a fault (see the module documentation); `Err` says what is wrong.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        let mut latency = None;
        let mut failure = None;
        for part in text.split(',').map(str::trim) {
            let parsed = match part.split_once('=') {
                Some(("latency", ms)) => {
                    let ms = ms
                        .trim()
                        .parse::<u64>()
                        .ok()
                        .filter(|ms| *ms <= MAX_LATENCY_MS)
                        .ok_or_else(|| format!("latency must be 0 to {MAX_LATENCY_MS} ms"))?;
                    if latency.replace(Duration::from_millis(ms)).is_some() {
                        return Err("latency is given twice".to_owned());
                    }
                    continue;
                }
                Some(("status", code)) => code
                    .trim()
                    .parse::<u16>()
                    .ok()
                    .filter(|code| (500..=599).contains(code))
                    .map(Failure::Status)
                    .ok_or_else(|| "status must be 500 to 599".to_owned())?,
                None if part == "429" => Failure::TooManyRequests,
                None if part == "drop" => Failure::Drop,
                None if part == "malformed" => Failure::Malformed,
                _ => {
                    return Err(format!(
                        "unknown fault {part:?}: use latency=<ms>, status=<5xx>, 429, drop or malformed"
                    ))
                }
            };
            if failure.replace(parsed).is_some() {
                return Err("at most one of status, 429, drop and malformed".to_owned());
            }
        }
        if latency.is_none() && failure.is_none() {
            return Err("no fault given".to_owned());
        }
        Ok(Self {
            latency: latency.unwrap_or_default(),
            failure,
        })
    }
}

/// The per-run default fault.
#[derive(Debug)]
struct DefaultFault {
    text: String,
    fault: Fault,
    probability: f64,
    seed: u64,
    path_prefix: Option<String>,
    rng: Rng,
}

impl DefaultFault {
    fn describe(&self) -> Value {
        json!({
            "fault": self.text,
            "probability": self.probability,
            "seed": self.seed,
            "pathPrefix": self.path_prefix,
        })
    }
}

/// The sandbox's fault settings, shared by the middleware and the helper routes.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    default: Mutex<Option<DefaultFault>>,
}

impl Faults {
    /// The default fault for a request to `path`, if it applies and the draw says so.
    fn draw(&self, path: &str) -> Option<Fault> {
        let mut guard = self.default.lock().unwrap_or_else(|p| p.into_inner());
        let default = guard.as_mut()?;
        if default
            .path_prefix
            .as_deref()
            .is_some_and(|prefix| !path.starts_with(prefix))
        {
            return None;
        }
        let threshold = (default.probability * DRAW_SCALE as f64).round() as u64;
        (default.rng.below(DRAW_SCALE) < threshold).then(|| default.fault.clone())
    }
}

/// A response body that fails at once: hyper closes the connection without sending anything.
struct Dropped;

impl http_body::Body for Dropped {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        Poll::Ready(Some(Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "sandbox fault: connection dropped",
        ))))
    }
}

fn named(mut response: Response, name: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(name) {
        response.headers_mut().insert(FAULT_HEADER, value);
    }
    response
}

/// The middleware on every insurer route.
pub(crate) async fn inject(
    State(faults): State<Arc<Faults>>,
    mut request: Request,
    next: Next,
) -> Response {
    let asked = request.headers_mut().remove(FAULT_HEADER);
    let fault = match asked {
        Some(value) => match value
            .to_str()
            .map_err(|_| "not text".to_owned())
            .and_then(Fault::parse)
        {
            Ok(fault) => fault,
            Err(reason) => {
                return ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "InvalidFault",
                    format!("{FAULT_HEADER}: {reason}"),
                )
                .into_response()
            }
        },
        None => match faults.draw(request.uri().path()) {
            Some(fault) => fault,
            None => return next.run(request).await,
        },
    };
    if !fault.latency.is_zero() {
        tokio::time::sleep(fault.latency).await;
    }
    match fault.failure {
        None => next.run(request).await,
        Some(Failure::Status(code)) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let error = ApiError::new(
                status,
                "SandboxFault",
                format!("Injected fault: status {code}"),
            );
            named(error.into_response(), &format!("status={code}"))
        }
        Some(Failure::TooManyRequests) => {
            let error = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "SandboxFault",
                "Injected fault: too many requests",
            );
            let mut response = error.into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECS));
            named(response, "429")
        }
        Some(Failure::Drop) => named(Response::new(Body::new(Dropped)), "drop"),
        Some(Failure::Malformed) => {
            let answer = next.run(request).await;
            let bytes = axum::body::to_bytes(answer.into_body(), MAX_BODY)
                .await
                .unwrap_or_default();
            let cut = if bytes.len() >= 2 {
                bytes.slice(..bytes.len() / 2)
            } else {
                Bytes::from_static(b"{\"data\":[")
            };
            let mut response = Response::new(Body::from(cut));
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            named(response, "malformed")
        }
    }
}

/// The body of `POST /__sandbox/faults`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DefaultRequest {
    fault: String,
    probability: Option<f64>,
    seed: Option<u64>,
    path_prefix: Option<String>,
}

async fn set_default(
    State(faults): State<Arc<Faults>>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let request: DefaultRequest = serde_json::from_slice(&body).map_err(|error| {
        ApiError::bad_request(format!(
            "The body must be {{\"fault\", \"probability\"?, \"seed\"?, \"pathPrefix\"?}}: {error}"
        ))
    })?;
    let fault = Fault::parse(&request.fault)
        .map_err(|reason| ApiError::new(StatusCode::BAD_REQUEST, "InvalidFault", reason))?;
    let probability = request.probability.unwrap_or(1.0);
    if !(0.0..=1.0).contains(&probability) {
        return Err(ApiError::bad_request("probability must be between 0 and 1"));
    }
    let seed = request.seed.unwrap_or_default();
    let default = DefaultFault {
        text: request.fault.trim().to_owned(),
        fault,
        probability,
        seed,
        path_prefix: request.path_prefix.filter(|prefix| !prefix.is_empty()),
        rng: Rng::new(seed),
    };
    let described = default.describe();
    *faults.default.lock().unwrap_or_else(|p| p.into_inner()) = Some(default);
    Ok(Json(described))
}

async fn get_default(State(faults): State<Arc<Faults>>) -> Json<Value> {
    let guard = faults.default.lock().unwrap_or_else(|p| p.into_inner());
    Json(match guard.as_ref() {
        Some(default) => default.describe(),
        None => json!({ "fault": null }),
    })
}

async fn clear_default(State(faults): State<Arc<Faults>>) -> Json<Value> {
    let cleared = faults
        .default
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
        .is_some();
    Json(json!({ "cleared": cleared }))
}

/// The helper routes `GET|POST|DELETE /faults`, to be nested under `/__sandbox`.
pub(crate) fn router(faults: Arc<Faults>) -> Router {
    Router::new()
        .route(
            "/faults",
            get(get_default).post(set_default).delete(clear_default),
        )
        .method_not_allowed_fallback(crate::error::method_not_allowed)
        .with_state(faults)
}

/// Wraps insurer routes with the fault middleware.
pub(crate) fn wrap(insurers: Router, faults: Arc<Faults>) -> Router {
    insurers.layer(axum::middleware::from_fn_with_state(faults, inject))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_faults() {
        assert_eq!(
            Fault::parse("latency=250, status=503"),
            Ok(Fault {
                latency: Duration::from_millis(250),
                failure: Some(Failure::Status(503))
            })
        );
        assert_eq!(
            Fault::parse("429").map(|f| f.failure),
            Ok(Some(Failure::TooManyRequests))
        );
        assert_eq!(
            Fault::parse("drop").map(|f| f.failure),
            Ok(Some(Failure::Drop))
        );
        assert_eq!(
            Fault::parse("malformed").map(|f| f.failure),
            Ok(Some(Failure::Malformed))
        );
        for bad in [
            "",
            "latency=10001",
            "latency=-1",
            "status=404",
            "status=600",
            "drop,429",
            "latency=1,latency=2",
            "explode",
        ] {
            assert!(Fault::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn default_draws_are_deterministic_for_a_seed() {
        let set = |probability: f64| {
            let faults = Faults::default();
            *faults.default.lock().unwrap() = Some(DefaultFault {
                text: "429".into(),
                fault: Fault::parse("429").unwrap(),
                probability,
                seed: 7,
                path_prefix: Some("/atradius".into()),
                rng: Rng::new(7),
            });
            faults
        };
        let draws = |faults: &Faults| -> Vec<bool> {
            (0..200)
                .map(|_| faults.draw("/atradius/x").is_some())
                .collect()
        };
        let (a, b) = (set(0.3), set(0.3));
        let first = draws(&a);
        assert_eq!(first, draws(&b));
        let hits = first.iter().filter(|hit| **hit).count();
        assert!((30..90).contains(&hits), "{hits}");
        assert!(draws(&set(1.0)).iter().all(|hit| *hit));
        assert!(draws(&set(0.0)).iter().all(|hit| !hit));
        assert!(set(1.0).draw("/coface/x").is_none());
    }
}
