//! `/{base}/{insurer}/{insurer path}`: the allowlisted forwarding of widget calls to an insurer.

use std::sync::Arc;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Request, Response};
use axum::response::IntoResponse;
use tradecover_core::{operation, HttpRequest, Insurer, Method};

use crate::app::AppState;
use crate::problem::Problem;
use crate::upstream::Upstream;

/// Prefix under which the proxy forwards insurer calls.
pub const PROXY_PREFIX: &str = "/proxy/";
/// Header every widget call must carry (a cross-site form or image cannot set it).
pub const CLIENT_HEADER: &str = "x-tradecover-client";
/// Largest request body forwarded.
pub const MAX_REQUEST_BODY: usize = 64 * 1024;
/// Largest answer read from an upstream when the proxy itself needs it (login).
pub const MAX_UPSTREAM_BODY: usize = 1024 * 1024;
/// Longest query string forwarded.
pub const MAX_QUERY: usize = 4096;

/// Request headers passed from the browser to the insurer; everything else is dropped.
const FORWARDED_REQUEST_HEADERS: [HeaderName; 3] = [
    header::ACCEPT,
    header::CONTENT_TYPE,
    header::ACCEPT_LANGUAGE,
];

/// Response headers never passed back: hop-by-hop ones, and cookies.
const DROPPED_RESPONSE_HEADERS: [&str; 10] = [
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

/// Handles one widget call.
pub async fn forward(State(state): State<Arc<AppState>>, request: Request<Body>) -> Response<Body> {
    match forward_checked(&state, request).await {
        Ok(response) => response,
        Err(problem) => problem.into_response(),
    }
}

async fn forward_checked(
    state: &AppState,
    request: Request<Body>,
) -> Result<Response<Body>, Problem> {
    let (parts, body) = request.into_parts();
    let (insurer, path) = split_path(parts.uri.path()).ok_or_else(Problem::not_allowed)?;
    let method = Method::parse(parts.method.as_str()).ok_or_else(Problem::not_allowed)?;
    operation::find(insurer, method, path).ok_or_else(Problem::not_allowed)?;
    if !parts.headers.contains_key(CLIENT_HEADER) {
        return Err(Problem::new(
            403,
            "proxy.client_header_missing",
            format!("Calls must carry the {CLIENT_HEADER} header."),
        ));
    }
    let query = parts.uri.query().unwrap_or("");
    if query.len() > MAX_QUERY {
        return Err(Problem::new(
            414,
            "proxy.query_too_long",
            "The query is too long.",
        ));
    }
    let body = to_bytes(body, MAX_REQUEST_BODY).await.map_err(|_| {
        Problem::new(
            413,
            "proxy.body_too_large",
            "The request body is too large.",
        )
    })?;
    let path_and_query = if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    };
    match insurer {
        Insurer::Coface => {
            let mut attempt = 0;
            loop {
                attempt += 1;
                let auth = state.coface_auth.headers().await.map_err(|error| {
                    Problem::new(502, error.code(), format!("Coface login failed: {error}"))
                })?;
                let upstream_request = build_request(
                    &state.coface_upstream,
                    method,
                    &path_and_query,
                    &parts.headers,
                    &auth,
                    body.clone(),
                )?;
                let response = state.coface_upstream.call(upstream_request).await;
                if response.status() == 401 && attempt == 1 {
                    state.coface_auth.invalidate().await;
                    continue;
                }
                return Ok(clean_response(response));
            }
        }
        _ => Err(Problem::not_allowed()),
    }
}

/// Splits `/proxy/{insurer}/{path}` into the insurer and `/{path}`; refuses anything encoded,
/// doubled or escaping (`%`, `\`, `//`, `.`/`..` segments).
pub fn split_path(raw: &str) -> Option<(Insurer, &str)> {
    let rest = raw.strip_prefix(PROXY_PREFIX)?;
    let slash = rest.find('/')?;
    let (insurer, path) = rest.split_at(slash);
    let insurer = Insurer::parse(insurer).ok()?;
    let suspicious = path.contains('%')
        || path.contains('\\')
        || path.contains("//")
        || path
            .split('/')
            .any(|segment| segment == "." || segment == "..");
    (!suspicious).then_some((insurer, path))
}

fn build_request(
    upstream: &Upstream,
    method: Method,
    path_and_query: &str,
    browser_headers: &HeaderMap,
    auth: &[(&'static str, String)],
    body: Bytes,
) -> Result<Request<Body>, Problem> {
    let bad_request =
        |_| Problem::new(400, "proxy.bad_request", "The request cannot be forwarded.");
    let mut builder = Request::builder()
        .method(method.as_str())
        .uri(upstream.path_for(path_and_query));
    for name in FORWARDED_REQUEST_HEADERS {
        if let Some(value) = browser_headers.get(&name) {
            builder = builder.header(name, value.clone());
        }
    }
    for (name, value) in auth {
        let value = HeaderValue::from_str(value).map_err(|_| {
            Problem::new(
                500,
                "proxy.misconfigured",
                "A credential is not a valid header value.",
            )
        })?;
        builder = builder.header(*name, value);
    }
    builder.body(Body::from(body)).map_err(bad_request)
}

fn clean_response(response: Response<Body>) -> Response<Body> {
    let (mut parts, body) = response.into_parts();
    for name in DROPPED_RESPONSE_HEADERS {
        parts.headers.remove(name);
    }
    Response::from_parts(parts, body)
}

/// Sends a request the core built (e.g. a login) to `upstream` and reads the whole answer.
pub async fn send_core_request(
    upstream: &Upstream,
    request: &HttpRequest,
) -> Result<(u16, Bytes), Problem> {
    let mut builder = Request::builder()
        .method(request.method.as_str())
        .uri(upstream.path_for(&request.path_and_query()));
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    let body = match &request.body {
        Some(json) => Body::from(json.to_string()),
        None => Body::empty(),
    };
    let built = builder
        .body(body)
        .map_err(|_| Problem::new(500, "proxy.bad_request", "Invalid upstream request."))?;
    let response = upstream.call(built).await;
    let status = response.status().as_u16();
    let bytes = to_bytes(response.into_body(), MAX_UPSTREAM_BODY)
        .await
        .map_err(|_| {
            Problem::new(
                502,
                "proxy.upstream_failed",
                "The insurer's answer was unreadable.",
            )
        })?;
    Ok((status, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_only_clean_paths() {
        assert_eq!(
            split_path("/proxy/coface/companies/name"),
            Some((Insurer::Coface, "/companies/name"))
        );
        for refused in [
            "/proxy/coface",
            "/proxy/lloyds/companies/name",
            "/proxy/coface/companies/../name",
            "/proxy/coface/companies/%2e%2e/name",
            "/proxy/coface//companies/name",
            "/proxy/coface/companies\\name",
            "/proxy/coface/./companies/name",
            "/other/coface/companies/name",
        ] {
            assert_eq!(split_path(refused), None, "{refused}");
        }
    }
}
