//! Where an insurer's calls go: for now the sandbox embedded in the proxy's process.

use axum::body::Body;
use axum::http::{Request, Response};
use axum::Router;
use tower::ServiceExt;

/// An insurer API the proxy forwards to.
#[derive(Clone)]
pub struct Upstream {
    router: Router,
    base_path: String,
}

impl Upstream {
    /// The sandbox's simulation of one insurer, called in-process (no socket): `base_path` is the
    /// insurer's prefix in the sandbox router, e.g. `/coface`.
    pub fn embedded(router: Router, base_path: &str) -> Self {
        Self {
            router,
            base_path: base_path.trim_end_matches('/').to_owned(),
        }
    }

    /// The path under the upstream for an insurer path (`/companies/name` → `/coface/companies/name`).
    pub fn path_for(&self, insurer_path_and_query: &str) -> String {
        format!("{}{}", self.base_path, insurer_path_and_query)
    }

    /// Sends a request whose URI is already [`Upstream::path_for`] an insurer path.
    pub async fn call(&self, request: Request<Body>) -> Response<Body> {
        match self.router.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        }
    }
}
