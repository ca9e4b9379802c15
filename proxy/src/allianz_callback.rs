//! The webhook the proxy registers on Allianz Trade cover requests, so that their decisions
//! reach `/notifications/allianz-trade` (and the browsers' event stream) although no widget
//! knows the callback URL: the secret token it carries must never reach a browser.
//!
//! A `cover.request` forwarded without a `callback` header gets one (built by
//! `tradecover_core::allianz_trade::callback_header`) for `[notifications]
//! allianz_callback_url` (`TRADECOVER_ALLIANZ_CALLBACK_URL`, the public URL of this proxy's
//! `/notifications/allianz-trade` as Allianz Trade reaches it, HTTPS), with `?token=` added when a
//! callback token is configured, [`TIME_TO_LIVE_HOURS`] hours to live and functional
//! notifications asked for. With Allianz Trade simulated by the embedded sandbox and no URL
//! configured, [`SANDBOX_CALLBACK_URL`] is used (the sandbox delivers its callbacks to the
//! proxy in-process, whatever the URL). A header the widget sent is passed on unchanged.

use tradecover_core::allianz_trade::{callback_header, WebhookConfig};

/// Hours a registered callback stays valid (Allianz Trade's own decisions on referred requests
/// come within a day).
pub const TIME_TO_LIVE_HOURS: u32 = 24;
/// The callback URL registered on the embedded sandbox's cover requests (HTTPS, as Allianz
/// Trade and the sandbox require; never called: the sandbox hands its callbacks over in-process).
pub const SANDBOX_CALLBACK_URL: &str = "https://proxy.sandbox.invalid/notifications/allianz-trade";
/// Name of the operation that gets the header.
pub const COVER_REQUEST_OPERATION: &str = "cover.request";

/// Whether `url` may be registered: `https://host…` (Allianz Trade calls back HTTPS endpoints
/// only), with no fragment, no query (the token is added by the proxy), no user info, no blank.
pub fn is_callback_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', ':']).next().unwrap_or_default();
    !host.is_empty()
        && !url.contains(['#', '?', '@'])
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The `callback` header value to add to cover requests: for `url` (else the sandbox's when
/// `sandbox` simulates Allianz Trade), with `token` as `?token=`; `None` when there is no URL.
pub fn callback_header_value(
    url: Option<&str>,
    token: Option<&str>,
    sandbox: bool,
) -> Option<String> {
    let url = match url {
        Some(url) => url,
        None if sandbox => SANDBOX_CALLBACK_URL,
        None => return None,
    };
    let callback_url = match token {
        Some(token) => format!("{url}?token={token}"),
        None => url.to_owned(),
    };
    let (_, value) = callback_header(&WebhookConfig {
        callback_url,
        time_to_live_hours: TIME_TO_LIVE_HOURS,
        extended_notification: true,
    });
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header the core builds for these settings.
    fn expected(callback_url: &str) -> String {
        callback_header(&WebhookConfig {
            callback_url: callback_url.to_owned(),
            time_to_live_hours: TIME_TO_LIVE_HOURS,
            extended_notification: true,
        })
        .1
    }

    #[test]
    fn the_configured_url_gets_the_token_and_asks_for_functional_notifications() {
        let value = callback_header_value(
            Some("https://proxy.example.com/notifications/allianz-trade"),
            Some("secret-token-0123456789"),
            false,
        );
        assert_eq!(
            value,
            Some(expected(
                "https://proxy.example.com/notifications/allianz-trade?token=secret-token-0123456789"
            ))
        );
        let untokened = callback_header_value(Some("https://proxy.example.com/n"), None, true);
        assert_eq!(untokened, Some(expected("https://proxy.example.com/n")));
    }

    #[test]
    fn without_a_url_only_the_sandbox_gets_one() {
        assert_eq!(callback_header_value(None, None, false), None);
        assert_eq!(
            callback_header_value(None, None, true),
            Some(expected(SANDBOX_CALLBACK_URL))
        );
    }

    #[test]
    fn only_https_urls_without_query_can_be_registered() {
        assert!(is_callback_url(
            "https://proxy.example.com/notifications/allianz-trade"
        ));
        assert!(is_callback_url(
            "https://127.0.0.1:8443/notifications/allianz-trade"
        ));
        assert!(is_callback_url(SANDBOX_CALLBACK_URL));
        for bad in [
            "http://proxy.example.com/notifications/allianz-trade",
            "http://127.0.0.1:8080/notifications/allianz-trade",
            "https://proxy.example.com/n?token=x",
            "https://proxy.example.com/n#x",
            "https:///n",
            "https://user@proxy.example.com/n",
            "https://proxy.example.com/a b",
            "ftp://proxy.example.com/n",
        ] {
            assert!(!is_callback_url(bad), "{bad}");
        }
    }
}
