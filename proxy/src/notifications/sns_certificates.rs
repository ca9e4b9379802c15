//! The certificates SNS signs with: fetched from a message's `SigningCertURL` only when the URL
//! is Amazon SNS's (the core's check) and its host is in the proxy's allowlist, then cached by
//! URL.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tradecover_core::coface::sns::check_signing_cert_url;

use super::sns_access::SnsAccess;
use crate::problem::Problem;

/// Most certificates cached (SNS rotates its certificate rarely; past this the cache restarts).
pub const CERTIFICATE_CACHE_SIZE: usize = 16;
/// Largest certificate accepted.
pub const MAX_CERTIFICATE_BYTES: usize = 16 * 1024;

/// Trusted certificate hosts and the cache.
#[derive(Debug)]
pub struct SnsCertificates {
    hosts: Vec<String>,
    cache: Mutex<HashMap<String, Arc<Vec<u8>>>>,
}

impl SnsCertificates {
    /// Certificates may come from `hosts` (compared without case).
    pub fn new(hosts: &[String]) -> Self {
        Self {
            hosts: hosts.iter().map(|host| host.to_ascii_lowercase()).collect(),
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The PEM certificate at `url`: 403 when the URL is not an allowed SNS certificate URL
    /// (nothing is fetched then), 502 when it cannot be fetched.
    pub async fn certificate(
        &self,
        url: &str,
        access: &dyn SnsAccess,
    ) -> Result<Arc<Vec<u8>>, Problem> {
        let untrusted = || {
            Problem::new(
                403,
                "notification.certificate_untrusted",
                "The message's SigningCertURL is not a trusted Amazon SNS certificate URL.",
            )
        };
        check_signing_cert_url(url).map_err(|_| untrusted())?;
        if !self.allows_host(url) {
            return Err(untrusted());
        }
        if let Some(cached) = self.cached(url) {
            return Ok(cached);
        }
        let unavailable = || {
            Problem::new(
                502,
                "notification.certificate_unavailable",
                "The SNS signing certificate could not be fetched.",
            )
        };
        let (status, body) = access.get(url).await.map_err(|_| unavailable())?;
        if status != 200 || body.len() > MAX_CERTIFICATE_BYTES {
            return Err(unavailable());
        }
        let certificate = Arc::new(body.to_vec());
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() >= CERTIFICATE_CACHE_SIZE {
            cache.clear();
        }
        cache.insert(url.to_owned(), Arc::clone(&certificate));
        Ok(certificate)
    }

    /// Whether the host of `url` (an `https://` URL that passed the core's SNS URL check) is
    /// one of the trusted hosts.
    pub fn allows_host(&self, url: &str) -> bool {
        let host = host_of(url);
        self.hosts.contains(&host)
    }

    fn cached(&self, url: &str) -> Option<Arc<Vec<u8>>> {
        let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        cache.get(url).cloned()
    }
}

/// The host of an `https://` URL that passed [`check_signing_cert_url`], lower case, without
/// the default port.
fn host_of(url: &str) -> String {
    let rest = url.get(8..).unwrap_or_default();
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    authority
        .strip_suffix(":443")
        .unwrap_or(authority)
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notifications::sns_access::SnsAnswerFuture;
    use std::sync::atomic::{AtomicUsize, Ordering};

    struct CountingAccess(AtomicUsize);

    impl SnsAccess for CountingAccess {
        fn get<'a>(&'a self, _url: &'a str) -> SnsAnswerFuture<'a> {
            self.0.fetch_add(1, Ordering::SeqCst);
            Box::pin(async { Ok((200, axum::body::Bytes::from_static(b"PEM"))) })
        }
    }

    #[tokio::test]
    async fn fetches_allowed_hosts_once_and_never_others() {
        let certificates = SnsCertificates::new(&["SNS.eu-west-1.amazonaws.com".to_owned()]);
        let access = CountingAccess(AtomicUsize::new(0));
        let good = "https://sns.eu-west-1.amazonaws.com:443/SimpleNotificationService-1.pem";
        for _ in 0..3 {
            let pem = certificates.certificate(good, &access).await.unwrap();
            assert_eq!(pem.as_slice(), b"PEM");
        }
        assert_eq!(access.0.load(Ordering::SeqCst), 1);
        for refused in [
            "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem",
            "https://attacker.example/SimpleNotificationService-1.pem",
            "http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem",
        ] {
            let problem = certificates
                .certificate(refused, &access)
                .await
                .unwrap_err();
            assert_eq!(problem.status, 403, "{refused}");
        }
        assert_eq!(access.0.load(Ordering::SeqCst), 1);
        assert!(certificates.allows_host("https://SNS.eu-west-1.amazonaws.com:443/?Action=x"));
        assert!(!certificates.allows_host("https://sns.us-east-1.amazonaws.com/?Action=x"));
    }
}
