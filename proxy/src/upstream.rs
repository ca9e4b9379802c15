//! Where an insurer's calls go: a router in the process (the embedded sandbox, or a test's fake
//! insurer) or a remote API over HTTPS. Answers are read whole, up to a limit.

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, Request, StatusCode};
use axum::Router;
use futures_util::StreamExt;
use tower::ServiceExt;

use crate::remote::RemoteUpstream;

/// An insurer API the proxy forwards to.
#[derive(Clone, Debug)]
pub enum Upstream {
    /// A router called in-process; `base_path` is the insurer's prefix in it (`/coface` in the
    /// sandbox, empty for a fake insurer).
    Embedded {
        /// The router.
        router: Router,
        /// Prefix of the insurer's paths.
        base_path: String,
    },
    /// A remote API.
    Remote(RemoteUpstream),
}

/// A call to an upstream, as the proxy builds it.
#[derive(Debug, Clone)]
pub struct UpstreamRequest {
    /// Method.
    pub method: Method,
    /// Insurer path and query (`/companies/name?countryCode=FRA`).
    pub path_and_query: String,
    /// Headers to send.
    pub headers: HeaderMap,
    /// Body.
    pub body: Bytes,
}

/// An upstream's answer, read whole.
#[derive(Debug, Clone)]
pub struct UpstreamResponse {
    /// Status.
    pub status: StatusCode,
    /// Headers as received.
    pub headers: HeaderMap,
    /// Body.
    pub body: Bytes,
}

/// Why an upstream call produced no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpstreamFailure {
    /// No connection, a timeout or a broken answer.
    Unreachable,
    /// The answer was larger than allowed.
    TooLarge,
}

impl Upstream {
    /// The sandbox's simulation of one insurer (or a fake insurer), called in-process:
    /// `base_path` is the insurer's prefix in the router, e.g. `/coface`.
    pub fn embedded(router: Router, base_path: &str) -> Self {
        Upstream::Embedded {
            router,
            base_path: base_path.trim_end_matches('/').to_owned(),
        }
    }

    /// Sends `request`, reading at most `max_body` bytes of the answer.
    pub async fn call(
        &self,
        request: UpstreamRequest,
        max_body: usize,
    ) -> Result<UpstreamResponse, UpstreamFailure> {
        match self {
            Upstream::Embedded { router, base_path } => {
                let mut builder = Request::builder()
                    .method(request.method)
                    .uri(format!("{base_path}{}", request.path_and_query));
                if let Some(headers) = builder.headers_mut() {
                    *headers = request.headers;
                }
                let built = builder
                    .body(Body::from(request.body))
                    .map_err(|_| UpstreamFailure::Unreachable)?;
                let response = match router.clone().oneshot(built).await {
                    Ok(response) => response,
                    Err(never) => match never {},
                };
                let (parts, body) = response.into_parts();
                // A body that fails (the simulated insurer dropped the connection) is an
                // unreachable insurer; only one over `max_body` is too large.
                let mut chunks = body.into_data_stream();
                let mut collected = Vec::new();
                while let Some(chunk) = chunks.next().await {
                    let chunk = chunk.map_err(|_| UpstreamFailure::Unreachable)?;
                    if collected.len() + chunk.len() > max_body {
                        return Err(UpstreamFailure::TooLarge);
                    }
                    collected.extend_from_slice(&chunk);
                }
                Ok(UpstreamResponse {
                    status: parts.status,
                    headers: parts.headers,
                    body: Bytes::from(collected),
                })
            }
            Upstream::Remote(remote) => {
                let method = reqwest::Method::from_bytes(request.method.as_str().as_bytes())
                    .map_err(|_| UpstreamFailure::Unreachable)?;
                let mut headers = reqwest::header::HeaderMap::new();
                for (name, value) in &request.headers {
                    if let (Ok(name), Ok(value)) = (
                        reqwest::header::HeaderName::from_bytes(name.as_str().as_bytes()),
                        reqwest::header::HeaderValue::from_bytes(value.as_bytes()),
                    ) {
                        headers.append(name, value);
                    }
                }
                let mut response = remote
                    .client()
                    .request(method, remote.url_for(&request.path_and_query))
                    .headers(headers)
                    .body(request.body)
                    .send()
                    .await
                    .map_err(|_| UpstreamFailure::Unreachable)?;
                let status = StatusCode::from_u16(response.status().as_u16())
                    .map_err(|_| UpstreamFailure::Unreachable)?;
                let mut out_headers = HeaderMap::new();
                for (name, value) in response.headers() {
                    if let (Ok(name), Ok(value)) = (
                        HeaderName::from_bytes(name.as_str().as_bytes()),
                        HeaderValue::from_bytes(value.as_bytes()),
                    ) {
                        out_headers.append(name, value);
                    }
                }
                let mut body = Vec::new();
                while let Some(chunk) = response
                    .chunk()
                    .await
                    .map_err(|_| UpstreamFailure::Unreachable)?
                {
                    if body.len() + chunk.len() > max_body {
                        return Err(UpstreamFailure::TooLarge);
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(UpstreamResponse {
                    status,
                    headers: out_headers,
                    body: Bytes::from(body),
                })
            }
        }
    }
}
