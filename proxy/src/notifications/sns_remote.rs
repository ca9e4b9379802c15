//! Amazon SNS reached over the network: the `SigningCertURL` and `SubscribeURL` of a message are
//! fetched with the proxy's HTTP client (rustls, no redirect followed, bounded time, answers of
//! at most [`MAX_SNS_ANSWER`] bytes). Only Amazon SNS `https://` URLs are fetched (the core's
//! [`check_sns_url`], checked again here whatever the caller checked).
//!
//! For tests only, an `insecure_endpoint` (`http://127.0.0.1:<port>`, loopback only) receives
//! every fetch instead of the URL's own host: the URL is still checked as an Amazon SNS URL
//! first, then its path and query are requested from the endpoint over plain HTTP. A fake SNS
//! on loopback can thus serve messages signed exactly as SNS signs them.

use std::time::Duration;

use axum::body::Bytes;
use tradecover_core::coface::sns::check_sns_url;

use super::sns_access::{SnsAccess, SnsAnswer, SnsAnswerFuture, MAX_SNS_ANSWER};
use crate::remote::http_client;

/// Time allowed for a whole fetch of an SNS URL.
pub const SNS_FETCH_TIMEOUT: Duration = Duration::from_secs(10);

/// SNS over HTTPS.
#[derive(Debug, Clone)]
pub struct RemoteSns {
    client: Result<reqwest::Client, String>,
    insecure_endpoint: Option<String>,
}

impl RemoteSns {
    /// SNS reached at its own URLs, or (tests only) at `insecure_endpoint` — which must be a
    /// loopback `http://` base ([`is_loopback_http_base`]), else it is ignored and nothing is
    /// redirected.
    pub fn new(insecure_endpoint: Option<&str>) -> Self {
        Self {
            client: http_client(SNS_FETCH_TIMEOUT),
            insecure_endpoint: insecure_endpoint
                .filter(|base| is_loopback_http_base(base))
                .map(|base| base.trim_end_matches('/').to_owned()),
        }
    }

    /// The URL actually requested for the SNS URL `url`: `url` itself, or its path and query
    /// under the insecure endpoint; an error when `url` is not an Amazon SNS URL.
    pub fn target(&self, url: &str) -> Result<String, String> {
        check_sns_url(url).map_err(|error| error.to_string())?;
        let Some(endpoint) = &self.insecure_endpoint else {
            return Ok(url.to_owned());
        };
        let after_scheme = url.get(8..).unwrap_or_default();
        let tail = after_scheme
            .find('/')
            .and_then(|start| after_scheme.get(start..))
            .unwrap_or("/");
        Ok(format!("{endpoint}{tail}"))
    }

    async fn answer(&self, url: &str) -> SnsAnswer {
        let target = self.target(url)?;
        let client = self.client.as_ref().map_err(Clone::clone)?;
        let mut response = client
            .get(&target)
            .send()
            .await
            .map_err(|error| format!("GET {url}: {error}"))?;
        let status = response.status().as_u16();
        if response
            .content_length()
            .is_some_and(|length| length > MAX_SNS_ANSWER as u64)
        {
            return Err(format!("GET {url}: the answer is larger than allowed"));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|error| format!("GET {url}: {error}"))?
        {
            if body.len() + chunk.len() > MAX_SNS_ANSWER {
                return Err(format!("GET {url}: the answer is larger than allowed"));
            }
            body.extend_from_slice(&chunk);
        }
        Ok((status, Bytes::from(body)))
    }
}

impl SnsAccess for RemoteSns {
    fn get<'a>(&'a self, url: &'a str) -> SnsAnswerFuture<'a> {
        Box::pin(self.answer(url))
    }
}

/// Whether `base` is `http://127.0.0.1[:port]`, `http://localhost[:port]` or
/// `http://[::1][:port]`, with nothing after the port but an optional `/`.
pub fn is_loopback_http_base(base: &str) -> bool {
    let Some(rest) = base.strip_prefix("http://") else {
        return false;
    };
    let authority = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = match authority.strip_prefix("[::1]") {
        Some(port) => ("[::1]", port),
        None => authority.split_at(authority.find(':').unwrap_or(authority.len())),
    };
    let port_ok = port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|digits| digits.parse::<u16>().is_ok());
    matches!(host, "127.0.0.1" | "localhost" | "[::1]") && port_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    const CERT: &str = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem";

    #[test]
    fn only_amazon_sns_urls_are_fetched() {
        let sns = RemoteSns::new(None);
        assert_eq!(sns.target(CERT).unwrap(), CERT);
        for refused in [
            "http://sns.eu-west-1.amazonaws.com/c.pem",
            "https://attacker.example/c.pem",
            "http://127.0.0.1:9/c.pem",
        ] {
            assert!(sns.target(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn the_test_endpoint_takes_the_path_and_query_of_checked_urls_only() {
        let sns = RemoteSns::new(Some("http://127.0.0.1:8091/"));
        assert_eq!(
            sns.target(CERT).unwrap(),
            "http://127.0.0.1:8091/SimpleNotificationService-1.pem"
        );
        assert_eq!(
            sns.target("https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=ab")
                .unwrap(),
            "http://127.0.0.1:8091/?Action=ConfirmSubscription&Token=ab"
        );
        assert!(sns.target("https://attacker.example/c.pem").is_err());
        let ignored = RemoteSns::new(Some("http://attacker.example:8091"));
        assert_eq!(ignored.target(CERT).unwrap(), CERT);
    }

    #[test]
    fn loopback_bases() {
        for good in [
            "http://127.0.0.1:8091",
            "http://localhost:1/",
            "http://[::1]:8091",
            "http://127.0.0.1",
        ] {
            assert!(is_loopback_http_base(good), "{good}");
        }
        for bad in [
            "https://127.0.0.1:8091",
            "http://127.0.0.2:8091",
            "http://127.0.0.1.attacker.example",
            "http://127.0.0.1:8091/path",
            "http://127.0.0.1:99999",
            "http://localhost@attacker.example",
            "http://[::1]x",
            "",
        ] {
            assert!(!is_loopback_http_base(bad), "{bad}");
        }
    }
}
