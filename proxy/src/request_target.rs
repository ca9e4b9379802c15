//! Checks on where a request says it goes: `/proxy/{insurer}/{insurer path}` split without any
//! decoding (anything encoded, escaping or doubled is refused), request targets that must be
//! plain paths (no absolute URL, no authority form), and the `Host` header.

use axum::http::{HeaderMap, Uri};
use tradecover_core::Insurer;

use crate::problem::Problem;

/// Prefix under which the proxy forwards insurer calls.
pub const PROXY_PREFIX: &str = "/proxy/";

/// Splits `/proxy/{insurer}/{path}` into the insurer and `/{path}`. The insurer must be one of
/// `allianz-trade`, `atradius`, `coface` exactly (lower case); the path may only hold letters,
/// digits and `-_.~/` and no empty, `.` or `..` segment (so no `%`-encoding at all: `%2e`,
/// `%2f` and double encodings are refused, as are `\`).
pub fn split_path(raw: &str) -> Option<(Insurer, &str)> {
    let rest = raw.strip_prefix(PROXY_PREFIX)?;
    let slash = rest.find('/')?;
    let (insurer, path) = rest.split_at(slash);
    let insurer = Insurer::ALL
        .into_iter()
        .find(|known| known.as_str() == insurer)?;
    let clean_bytes = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/'));
    let clean_segments = path[1..]
        .split('/')
        .all(|segment| !segment.is_empty() && segment != "." && segment != "..");
    (clean_bytes && clean_segments).then_some((insurer, path))
}

/// Refuses request targets that are not origin-form paths (`GET http://host/… HTTP/1.1`,
/// `CONNECT host:443`): the proxy never chooses where to go from the request.
pub fn check_origin_form(uri: &Uri) -> Result<(), Problem> {
    if uri.scheme().is_some() || uri.authority().is_some() || !uri.path().starts_with('/') {
        return Err(Problem::bad_request(
            "proxy.bad_target",
            "The request target must be a path.",
        ));
    }
    Ok(())
}

/// Checks the `Host` header: exactly one, a plain `host[:port]` (no user info, path, spaces or
/// backslashes), and one of `allowed` when that list is not empty. Returns the host.
pub fn check_host<'a>(headers: &'a HeaderMap, allowed: &[String]) -> Result<&'a str, Problem> {
    let bad = |message: &str| Problem::bad_request("proxy.bad_host", message.to_owned());
    let mut hosts = headers.get_all("host").iter();
    let host = hosts
        .next()
        .ok_or_else(|| bad("The Host header is missing."))?;
    if hosts.next().is_some() {
        return Err(bad("More than one Host header."));
    }
    let host = host
        .to_str()
        .map_err(|_| bad("The Host header is not plain text."))?;
    if !is_plain_authority(host) {
        return Err(bad("The Host header is not a plain host name and port."));
    }
    if !allowed.is_empty() && !allowed.iter().any(|name| name.eq_ignore_ascii_case(host)) {
        return Err(bad("This host is not served."));
    }
    Ok(host)
}

/// Whether `text` is `name[:port]` or `[v6][:port]` with nothing else.
pub fn is_plain_authority(text: &str) -> bool {
    let is_port = |port: &str| {
        !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit())
    };
    if let Some(rest) = text.strip_prefix('[') {
        let Some((v6, after)) = rest.split_once(']') else {
            return false;
        };
        let v6_ok = !v6.is_empty()
            && v6
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
        return v6_ok && (after.is_empty() || after.strip_prefix(':').is_some_and(is_port));
    }
    let (name, port) = match text.split_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (text, None),
    };
    !name.is_empty()
        && name.len() <= 253
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.'))
        && port.is_none_or(is_port)
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
        assert_eq!(
            split_path("/proxy/allianz-trade/riskinfo/v3/jobs/J-1"),
            Some((Insurer::AllianzTrade, "/riskinfo/v3/jobs/J-1"))
        );
        for refused in [
            "/proxy/coface",
            "/proxy/Coface/companies/name",
            "/proxy/lloyds/companies/name",
            "/proxy/coface/companies/../name",
            "/proxy/coface/companies/%2e%2e/name",
            "/proxy/coface/companies%2fname",
            "/proxy/coface/companies/%252e%252e/name",
            "/proxy/coface//companies/name",
            "/proxy/coface/companies\\name",
            "/proxy/coface/./companies/name",
            "/proxy/coface/companies/name/",
            "/other/coface/companies/name",
        ] {
            assert_eq!(split_path(refused), None, "{refused}");
        }
    }

    #[test]
    fn hosts() {
        for good in [
            "example.com",
            "example.com:8080",
            "127.0.0.1:80",
            "[::1]:8080",
            "[::1]",
        ] {
            assert!(is_plain_authority(good), "{good}");
        }
        for bad in [
            "", "a@b", "a/b", "a b", "a\\b", "a:", "a:99999x", "[::1]x", "a:1:2",
        ] {
            assert!(!is_plain_authority(bad), "{bad}");
        }
    }
}
