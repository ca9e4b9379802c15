//! `/proxy/{insurer}/{insurer path}`: the allowlisted forwarding of widget calls to an insurer,
//! with the insurer's authentication added and the answer passed back unchanged apart from
//! hop-by-hop headers and cookies.

use std::sync::Arc;
use std::time::Instant;

use axum::body::{to_bytes, Body};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Request, Response, StatusCode};
use axum::response::IntoResponse;
use tradecover_core::{operation, Insurer, Method};

use crate::allianz_callback::COVER_REQUEST_OPERATION;
use crate::app::AppState;
use crate::origin::check_cross_site;
use crate::problem::Problem;
use crate::request_target::split_path;
use crate::upstream::{UpstreamFailure, UpstreamRequest, UpstreamResponse};

/// Request headers passed from the browser to the insurer; everything else is dropped.
pub const FORWARDED_REQUEST_HEADERS: [&str; 4] = [
    "accept",
    "content-type",
    "accept-language",
    "idempotency-key",
];

/// Request headers passed on to Allianz Trade besides [`FORWARDED_REQUEST_HEADERS`]: the
/// webhook settings of an asynchronous call (`callback`, built by
/// `tradecover_core::allianz_trade::callback_header`), without which the insurer never calls
/// back.
pub const ALLIANZ_TRADE_FORWARDED_HEADERS: [&str; 1] =
    [tradecover_core::allianz_trade::webhook::CALLBACK_HEADER_NAME];

/// Longest `idempotency-key` forwarded.
pub const MAX_IDEMPOTENCY_KEY: usize = 255;

/// Response headers never passed back: hop-by-hop ones, cookies, and the length (recomputed).
pub const DROPPED_RESPONSE_HEADERS: [&str; 10] = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "set-cookie",
    "content-length",
];

/// Which insurer operation a request was, kept in the response's extensions for the access log
/// and the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationLabel {
    /// Insurer id (`coface`).
    pub insurer: &'static str,
    /// Operation name (`company.search_by_name`).
    pub operation: &'static str,
}

/// Handles one widget call.
pub async fn forward(State(state): State<Arc<AppState>>, request: Request<Body>) -> Response<Body> {
    let mut label = None;
    let mut response = match forward_checked(&state, request, &mut label).await {
        Ok(response) => response,
        Err(problem) => problem.into_response(),
    };
    if let Some(label) = label {
        response.extensions_mut().insert(label);
    }
    response
}

async fn forward_checked(
    state: &AppState,
    request: Request<Body>,
    label: &mut Option<OperationLabel>,
) -> Result<Response<Body>, Problem> {
    let (parts, body) = request.into_parts();
    let (insurer, path) = split_path(parts.uri.path()).ok_or_else(Problem::not_allowed)?;
    let method = Method::parse(parts.method.as_str()).ok_or_else(Problem::not_allowed)?;
    let found = operation::find(insurer, method, path).ok_or_else(Problem::not_allowed)?;
    *label = Some(OperationLabel {
        insurer: insurer.as_str(),
        operation: found.name,
    });
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|host| host.to_str().ok())
        .unwrap_or("");
    check_cross_site(&parts.headers, host, &state.security.allowed_origins)?;
    let query = parts.uri.query().unwrap_or("");
    if query.len() > state.security.max_query_bytes {
        return Err(Problem::new(
            414,
            "proxy.query_too_long",
            "The query is too long.",
        ));
    }
    let too_large = || {
        Problem::new(
            413,
            "proxy.body_too_large",
            "The request body is too large.",
        )
    };
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.parse::<u64>().ok())
        .unwrap_or(0);
    if declared > state.security.max_body_bytes as u64 {
        return Err(too_large());
    }
    let body = to_bytes(body, state.security.max_body_bytes)
        .await
        .map_err(|_| too_large())?;
    let mut forwarded = forwarded_headers(&parts.headers, insurer)?;
    if insurer == Insurer::AllianzTrade && found.name == COVER_REQUEST_OPERATION {
        let name =
            HeaderName::from_static(tradecover_core::allianz_trade::webhook::CALLBACK_HEADER_NAME);
        let registered = state
            .allianz_callback
            .as_deref()
            .and_then(|value| HeaderValue::from_str(value).ok());
        if let (false, Some(value)) = (forwarded.contains_key(&name), registered) {
            forwarded.insert(name, value);
        }
    }
    let path_and_query = if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    };
    let route = state.route(insurer);
    let mut attempt = 0;
    loop {
        attempt += 1;
        let auth = route
            .auth
            .headers()
            .await
            .map_err(|failure| failure.into_problem(insurer, state.clock.now()))?;
        let mut headers = forwarded.clone();
        for (name, value) in auth {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| misconfigured())?;
            let value = HeaderValue::from_str(&value).map_err(|_| misconfigured())?;
            headers.insert(name, value);
        }
        let started = Instant::now();
        let answer = route
            .upstream
            .call(
                UpstreamRequest {
                    method: parts.method.clone(),
                    path_and_query: path_and_query.clone(),
                    headers,
                    body: body.clone(),
                },
                state.security.max_response_bytes,
            )
            .await;
        state
            .metrics
            .record_upstream_latency(insurer.as_str(), started.elapsed());
        let answer = answer.map_err(|failure| upstream_problem(insurer, failure))?;
        if answer.status == StatusCode::UNAUTHORIZED && attempt == 1 {
            route.auth.invalidate().await;
            continue;
        }
        return clean_response(answer, &state.secrets);
    }
}

fn misconfigured() -> Problem {
    Problem::new(
        500,
        "proxy.misconfigured",
        "A credential is not a valid header value.",
    )
}

fn upstream_problem(insurer: Insurer, failure: UpstreamFailure) -> Problem {
    match failure {
        UpstreamFailure::Unreachable => Problem::new(
            502,
            "insurer.unavailable",
            format!("{} cannot be reached.", insurer.display_name()),
        ),
        UpstreamFailure::TooLarge => Problem::new(
            502,
            "proxy.answer_too_large",
            format!(
                "{}'s answer is larger than this proxy passes on.",
                insurer.display_name()
            ),
        ),
    }
}

/// The browser headers passed on: [`FORWARDED_REQUEST_HEADERS`] (and, to Allianz Trade,
/// [`ALLIANZ_TRADE_FORWARDED_HEADERS`]), one value each; an `idempotency-key` must be 1–255
/// visible ASCII characters.
fn forwarded_headers(browser: &HeaderMap, insurer: Insurer) -> Result<HeaderMap, Problem> {
    let mut headers = HeaderMap::new();
    let insurer_own: &[&'static str] = match insurer {
        Insurer::AllianzTrade => &ALLIANZ_TRADE_FORWARDED_HEADERS,
        _ => &[],
    };
    for name in FORWARDED_REQUEST_HEADERS.iter().chain(insurer_own).copied() {
        let mut values = browser.get_all(name).iter();
        let Some(value) = values.next() else {
            continue;
        };
        if values.next().is_some() {
            return Err(Problem::new(
                400,
                "proxy.duplicate_header",
                format!("The {name} header is repeated."),
            ));
        }
        if name == "idempotency-key" {
            let bytes = value.as_bytes();
            if bytes.is_empty()
                || bytes.len() > MAX_IDEMPOTENCY_KEY
                || !bytes.iter().all(|b| b.is_ascii_graphic())
            {
                return Err(Problem::new(
                    400,
                    "proxy.bad_idempotency_key",
                    "The idempotency-key header must be 1 to 255 visible ASCII characters.",
                ));
            }
        }
        headers.insert(HeaderName::from_static(name), value.clone());
    }
    Ok(headers)
}

/// The insurer's answer minus [`DROPPED_RESPONSE_HEADERS`] and the headers its `Connection`
/// header names; refused if it would echo one of the proxy's `secrets`.
/// Whether `needle` (non-empty) occurs in `haystack`: candidates are found by their first
/// byte, so that a large answer (a portfolio page of megabytes) is scanned once per secret
/// instead of comparing a window at every offset.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return false;
    };
    haystack
        .iter()
        .enumerate()
        .any(|(at, &byte)| byte == first && haystack.get(at + 1..at + 1 + rest.len()) == Some(rest))
}

fn clean_response(answer: UpstreamResponse, secrets: &[String]) -> Result<Response<Body>, Problem> {
    let UpstreamResponse {
        status,
        mut headers,
        body,
    } = answer;
    let named_by_connection: Vec<String> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|name| name.trim().to_ascii_lowercase())
        .filter(|name| !name.is_empty())
        .collect();
    for name in DROPPED_RESPONSE_HEADERS
        .iter()
        .copied()
        .chain(named_by_connection.iter().map(String::as_str))
    {
        headers.remove(name);
    }
    let echoes = |bytes: &[u8]| {
        secrets
            .iter()
            .any(|secret| contains(bytes, secret.as_bytes()))
    };
    if headers.values().any(|value| echoes(value.as_bytes())) || echoes(&body) {
        return Err(Problem::new(
            502,
            "proxy.secret_in_answer",
            "The insurer's answer contained a credential of this proxy and was withheld.",
        ));
    }
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::contains;

    #[test]
    fn finds_a_secret_anywhere_and_only_whole() {
        let answer = b"{\"token\":\"s3cret\"} s3c";
        assert!(contains(answer, b"s3cret"));
        assert!(contains(answer, b"{\"tok"));
        assert!(contains(answer, b"} s3c"));
        assert!(!contains(answer, b"s3cretX"));
        assert!(!contains(answer, b"s3cx"));
        assert!(!contains(b"", b"a"));
        assert!(!contains(answer, b""));
    }
}
