//! Cross-site request refusal: a call must carry `x-tradecover-client` (a cross-site form or
//! image cannot set a custom header) and, when the browser sends `Origin`, come from an allowed
//! origin — by default the proxy's own (the `Origin`'s host and port equal the `Host` header).

use axum::http::HeaderMap;

use crate::problem::Problem;

/// Header every widget call must carry.
pub const CLIENT_HEADER: &str = "x-tradecover-client";

/// Checks the client header and the origin of a call received with `host`.
pub fn check_cross_site(
    headers: &HeaderMap,
    host: &str,
    allowed_origins: &[String],
) -> Result<(), Problem> {
    let refused = || {
        Problem::new(
            403,
            "proxy.origin_not_allowed",
            "Calls from this origin are not allowed.",
        )
    };
    let mut origins = headers.get_all("origin").iter();
    if let Some(origin) = origins.next() {
        if origins.next().is_some() {
            return Err(refused());
        }
        let origin = origin.to_str().map_err(|_| refused())?;
        let allowed = if allowed_origins.is_empty() {
            same_origin(origin, host)
        } else {
            allowed_origins
                .iter()
                .any(|allowed| allowed.trim_end_matches('/').eq_ignore_ascii_case(origin))
        };
        if !allowed {
            return Err(refused());
        }
    }
    if !headers.contains_key(CLIENT_HEADER) {
        return Err(Problem::new(
            403,
            "proxy.client_header_missing",
            format!("Calls must carry the {CLIENT_HEADER} header."),
        ));
    }
    Ok(())
}

/// Whether `origin` (`scheme://host[:port]`) names `host` (the `Host` header). The scheme is
/// not compared: behind a TLS terminator the proxy cannot know it.
fn same_origin(origin: &str, host: &str) -> bool {
    let Some((scheme, authority)) = origin.split_once("://") else {
        return false;
    };
    if !matches!(scheme, "http" | "https") {
        return false;
    }
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let strip = |text: &str| -> String {
        text.strip_suffix(default_port)
            .unwrap_or(text)
            .to_ascii_lowercase()
    };
    strip(authority) == strip(host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(origin: Option<&str>, client: bool) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(origin) = origin {
            headers.insert("origin", HeaderValue::from_str(origin).unwrap());
        }
        if client {
            headers.insert(CLIENT_HEADER, HeaderValue::from_static("tradecover/test"));
        }
        headers
    }

    #[test]
    fn same_origin_by_default() {
        let host = "portal.example.com";
        assert!(check_cross_site(&headers(None, true), host, &[]).is_ok());
        assert!(check_cross_site(
            &headers(Some("https://portal.example.com"), true),
            host,
            &[]
        )
        .is_ok());
        assert!(check_cross_site(
            &headers(Some("https://portal.example.com:443"), true),
            host,
            &[]
        )
        .is_ok());
        for origin in [
            "https://evil.example",
            "null",
            "https://portal.example.com.evil.example",
            "file://",
        ] {
            let error = check_cross_site(&headers(Some(origin), true), host, &[]).unwrap_err();
            assert_eq!(error.code, "proxy.origin_not_allowed", "{origin}");
        }
        let error = check_cross_site(&headers(None, false), host, &[]).unwrap_err();
        assert_eq!(error.code, "proxy.client_header_missing");
    }

    #[test]
    fn configured_origins() {
        let allowed = vec!["https://portal.example.com".to_owned()];
        let host = "proxy.example.com";
        assert!(check_cross_site(
            &headers(Some("https://portal.example.com"), true),
            host,
            &allowed
        )
        .is_ok());
        assert!(check_cross_site(
            &headers(Some("https://proxy.example.com"), true),
            host,
            &allowed
        )
        .is_err());
    }
}
