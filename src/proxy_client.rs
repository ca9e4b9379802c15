//! Sends the core's insurer requests to the customer's proxy: `{proxy}/{insurer}{path}`.

use gloo_net::http::{Method as GlooMethod, RequestBuilder};
use tradecover_core::locale::Language;
use tradecover_core::{HttpRequest, Insurer, Method};
use web_sys::AbortSignal;

use crate::widget_error::WidgetError;

/// Header every widget request carries; the proxy requires it (a cross-site form cannot set it).
pub const CLIENT_HEADER: &str = "x-tradecover-client";

/// Value of [`CLIENT_HEADER`]: the library and its version.
pub const CLIENT_VERSION: &str = concat!("tradecover/", env!("CARGO_PKG_VERSION"));

/// An insurer's answer as the proxy passed it on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyResponse {
    /// HTTP status.
    pub status: u16,
    /// Body bytes.
    pub body: Vec<u8>,
}

/// Client for the customer's proxy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyClient {
    base: String,
}

impl ProxyClient {
    /// A client for the proxy at `base` (absolute URL or path, e.g. `/proxy`); a trailing `/` is
    /// ignored.
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim().trim_end_matches('/').to_owned(),
        }
    }

    /// The URL `request` goes to for `insurer`.
    pub fn url(&self, insurer: Insurer, request: &HttpRequest) -> String {
        format!(
            "{}/{}{}",
            self.base,
            insurer.as_str(),
            request.path_and_query()
        )
    }

    /// What identifies `request` for `insurer` at this proxy: method, URL and body. Two requests
    /// with the same key get the same answer (used to cache searches).
    pub fn request_key(&self, insurer: Insurer, request: &HttpRequest) -> String {
        let body = request
            .body
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        format!(
            "{} {} {body}",
            request.method.as_str(),
            self.url(insurer, request)
        )
    }

    /// Sends `request` for `insurer` through the proxy and returns the raw answer; only a
    /// transport failure (no answer at all, or `abort` fired) is an error here.
    pub async fn send(
        &self,
        insurer: Insurer,
        request: &HttpRequest,
        language: Language,
        abort: Option<&AbortSignal>,
    ) -> Result<ProxyResponse, WidgetError> {
        let method = match request.method {
            Method::Get => GlooMethod::GET,
            Method::Post => GlooMethod::POST,
            Method::Put => GlooMethod::PUT,
            Method::Patch => GlooMethod::PATCH,
            Method::Delete => GlooMethod::DELETE,
        };
        // gloo-net appends its own query string (with a stray `&` if the URL already has one),
        // so the query goes through its builder, encoded the same way as `path_and_query`.
        let path = format!("{}/{}{}", self.base, insurer.as_str(), request.path);
        let mut builder = RequestBuilder::new(&path)
            .method(method)
            .query(request.query.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .header(CLIENT_HEADER, CLIENT_VERSION)
            .abort_signal(abort);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let sent = match &request.body {
            Some(body) => {
                builder
                    .json(body)
                    .map_err(|_| WidgetError::network(language))?
                    .send()
                    .await
            }
            None => builder.send().await,
        };
        let response = sent.map_err(|_| WidgetError::network(language))?;
        let status = response.status();
        let body = response
            .binary()
            .await
            .map_err(|_| WidgetError::network(language))?;
        Ok(ProxyResponse { status, body })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tradecover_core::BuyerQuery;

    #[test]
    fn builds_proxy_urls() {
        let query = BuyerQuery::by_name("Dupont", "FR", None, None).unwrap();
        let request = tradecover_core::coface::name_search_request(&query);
        assert_eq!(
            ProxyClient::new("/proxy/").url(Insurer::Coface, &request),
            "/proxy/coface/companies/name?countryCode=FRA&companyName=Dupont"
        );
        assert_eq!(
            ProxyClient::new(" https://portal.example/api ").url(Insurer::Coface, &request),
            "https://portal.example/api/coface/companies/name?countryCode=FRA&companyName=Dupont"
        );
    }
}
