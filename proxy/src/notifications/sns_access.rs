//! How the proxy reaches Amazon SNS's own URLs — the `SigningCertURL` it fetches and the
//! `SubscribeURL` it visits to confirm a subscription — and the implementation for the sandbox
//! embedded in the proxy, which answers both in-process.

use std::future::Future;
use std::pin::Pin;

use axum::body::{to_bytes, Body, Bytes};
use axum::http::Request;
use axum::Router;
use tower::ServiceExt;
use tradecover_sandbox::{sns_certificate_pem, SANDBOX_SIGNING_CERT_URL};

/// Largest answer read from an SNS URL.
pub const MAX_SNS_ANSWER: usize = 64 * 1024;

/// What a GET of an SNS URL gives: the status and body, or why it could not be made.
pub type SnsAnswer = Result<(u16, Bytes), String>;

/// A pending [`SnsAnswer`].
pub type SnsAnswerFuture<'a> = Pin<Box<dyn Future<Output = SnsAnswer> + Send + 'a>>;

/// GETs an (already checked) Amazon SNS URL.
pub trait SnsAccess: Send + Sync {
    /// The answer to `GET url`.
    fn get<'a>(&'a self, url: &'a str) -> SnsAnswerFuture<'a>;
}

/// SNS as the embedded sandbox simulates it: its `SigningCertURL` gives the sandbox's own
/// certificate directly, a `SubscribeURL` (`?Action=ConfirmSubscription&…`) goes in-process to
/// the sandbox's `GET /__sandbox/sns/confirm`; any other URL is not reachable.
#[derive(Clone)]
pub struct EmbeddedSandboxSns {
    sandbox: Router,
}

impl EmbeddedSandboxSns {
    /// SNS access through the sandbox `router`.
    pub fn new(sandbox: Router) -> Self {
        Self { sandbox }
    }

    async fn answer(&self, url: &str) -> SnsAnswer {
        if url == SANDBOX_SIGNING_CERT_URL {
            return Ok((200, Bytes::from_static(sns_certificate_pem().as_bytes())));
        }
        let query = url
            .split_once('?')
            .map(|(_, query)| query)
            .filter(|query| query.starts_with("Action=ConfirmSubscription&"))
            .ok_or_else(|| format!("{url} is not served by the embedded sandbox"))?;
        let request = Request::get(format!("/__sandbox/sns/confirm?{query}"))
            .body(Body::empty())
            .map_err(|error| error.to_string())?;
        let response = match self.sandbox.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        };
        let status = response.status().as_u16();
        let body = to_bytes(response.into_body(), MAX_SNS_ANSWER)
            .await
            .map_err(|error| error.to_string())?;
        Ok((status, body))
    }
}

impl SnsAccess for EmbeddedSandboxSns {
    fn get<'a>(&'a self, url: &'a str) -> SnsAnswerFuture<'a> {
        Box::pin(self.answer(url))
    }
}
