//! The HTTPS endpoint Allianz Trade calls back when a request has been processed (webhooks).

use super::text::char_count;
use super::Field;
use crate::validation_error::ValidationError;

/// Every code [`validate_callback_url`] can produce.
pub const CODES: &[&str] = &[
    "callback_url.required",
    "callback_url.too_long",
    "callback_url.not_https",
    "callback_url.format",
];

/// Most characters of a callback URL.
pub const CALLBACK_URL_MAX_CHARS: usize = 2048;

/// Checks a webhook callback URL: an absolute `https://` URL with a host name, an IPv4 address
/// or a bracketed IPv6 address, an optional port (1–65535), then an optional path and query
/// made of URL characters (non-ASCII must be percent-encoded, `%` must start a `%XX` escape);
/// no user name or password (`user@host`), no fragment (`#…`), no blanks, at most 2048
/// characters. Returns it trimmed, with the scheme and host in lower case. A blank value is
/// `""`, or an error when `required`.
///
/// Errors (field `callbackUrl`): `callback_url.required`; `callback_url.too_long` (param `max`:
/// 2048); `callback_url.not_https` (another scheme, e.g. `http://`); `callback_url.format`
/// (anything else).
pub fn validate_callback_url(value: &str, required: bool) -> Result<String, Vec<ValidationError>> {
    let field = Field::CallbackUrl.as_str();
    let url = value.trim();
    if url.is_empty() {
        return if required {
            Err(vec![ValidationError::new("callback_url.required", field)])
        } else {
            Ok(String::new())
        };
    }
    if char_count(url) > CALLBACK_URL_MAX_CHARS {
        return Err(vec![ValidationError::new("callback_url.too_long", field)
            .with_param("max", CALLBACK_URL_MAX_CHARS)]);
    }
    let format_error = || vec![ValidationError::new("callback_url.format", field)];
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(format_error());
    };
    if !is_scheme(scheme) {
        return Err(format_error());
    }
    if !scheme.eq_ignore_ascii_case("https") {
        return Err(vec![ValidationError::new("callback_url.not_https", field)]);
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    // `end` is the index of an ASCII character or the end: a char boundary.
    let (authority, tail) = rest.split_at(end);
    let Some(host) = host_and_port(authority) else {
        return Err(format_error());
    };
    if !valid_tail(tail) {
        return Err(format_error());
    }
    Ok(format!("https://{host}{tail}"))
}

/// RFC 3986: a letter, then letters, digits, `+`, `-` or `.`.
fn is_scheme(scheme: &str) -> bool {
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Checks `host[:port]` (no user-info) and returns it with the host in lower case.
fn host_and_port(authority: &str) -> Option<String> {
    let (host, port) = if let Some(inside) = authority.strip_prefix('[') {
        let (address, after) = inside.split_once(']')?;
        let valid = address.contains(':')
            && address
                .chars()
                .all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.'));
        if !valid {
            return None;
        }
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':')?),
        };
        (format!("[{}]", address.to_ascii_lowercase()), port)
    } else {
        let (host, port) = match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        if !valid_host(host) {
            return None;
        }
        (host.to_ascii_lowercase(), port)
    };
    match port {
        None => Some(host),
        Some(port) => {
            let valid = (1..=5).contains(&port.len())
                && port.chars().all(|c| c.is_ascii_digit())
                && port
                    .parse::<u32>()
                    .is_ok_and(|port| (1..=65_535).contains(&port));
            valid.then(|| format!("{host}:{port}"))
        }
    }
}

/// A DNS host name (labels of 1–63 letters, digits or inner hyphens, at most 253 characters)
/// or, when the last label is numeric, a dotted IPv4 address.
fn valid_host(host: &str) -> bool {
    if host.is_empty() || host.len() > 253 {
        return false;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let numeric = |label: &str| !label.is_empty() && label.chars().all(|c| c.is_ascii_digit());
    if labels.last().is_some_and(|label| numeric(label)) {
        return labels.len() == 4
            && labels.iter().all(|label| {
                numeric(label) && label.len() <= 3 && label.parse::<u16>().is_ok_and(|n| n <= 255)
            });
    }
    labels.iter().all(|label| {
        (1..=63).contains(&label.len())
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    })
}

/// Path and query: RFC 3986 characters, `%` only in `%XX` escapes, no fragment.
fn valid_tail(tail: &str) -> bool {
    let bytes = tail.as_bytes();
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'%' => {
                let escape = bytes.get(index + 1..index + 3);
                if !escape.is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) {
                    return false;
                }
                index += 3;
            }
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b':'
            | b'@'
            | b'/'
            | b'?' => index += 1,
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(value: &str) -> String {
        validate_callback_url(value, true).unwrap_err()[0]
            .code
            .clone()
    }

    #[test]
    fn accepts_and_normalises() {
        for (value, expected) in [
            (
                "https://client.example.com/webhook",
                "https://client.example.com/webhook",
            ),
            (
                " HTTPS://Client.Example.COM/Webhook ",
                "https://client.example.com/Webhook",
            ),
            ("https://example.com", "https://example.com"),
            (
                "https://example.com:8443/a/b?x=1&y=%20z",
                "https://example.com:8443/a/b?x=1&y=%20z",
            ),
            ("https://192.168.1.10/hook", "https://192.168.1.10/hook"),
            (
                "https://[2001:DB8::1]:443/hook",
                "https://[2001:db8::1]:443/hook",
            ),
            ("https://localhost?token=abc", "https://localhost?token=abc"),
        ] {
            assert_eq!(
                validate_callback_url(value, true).unwrap(),
                expected,
                "{value}"
            );
        }
        assert_eq!(validate_callback_url("  ", false).unwrap(), "");
    }

    #[test]
    fn refuses() {
        assert_eq!(code(""), "callback_url.required");
        assert_eq!(code("http://example.com/hook"), "callback_url.not_https");
        assert_eq!(code("ftp://example.com"), "callback_url.not_https");
        for value in [
            "example.com/hook",
            "https:/example.com",
            "https://",
            "https:///path",
            "https://user:pw@example.com/",
            "https://example.com/hook#part",
            "https://exa mple.com",
            "https://example.com/a b",
            "https://exämple.com",
            "https://example.com/é",
            "https://example.com:0",
            "https://example.com:65536",
            "https://example.com:",
            "https://example.com:80a",
            "https://-example.com",
            "https://example..com",
            "https://example.com./x",
            "https://under_score.com",
            "https://999.1.1.1",
            "https://1.2.3",
            "https://[::1",
            "https://[zz::1]",
            "https://example.com/%zz",
            "https://example.com/%2",
            "https://example.com/<script>",
            "1https://example.com",
            "://example.com",
        ] {
            assert_eq!(code(value), "callback_url.format", "{value}");
        }
        let long = format!("https://example.com/{}", "a".repeat(2048));
        let error = &validate_callback_url(&long, true).unwrap_err()[0];
        assert_eq!(error.code, "callback_url.too_long");
        assert_eq!(error.params["max"], "2048");
        assert_eq!(error.field, "callbackUrl");
    }
}
