//! Hostile requests over real loopback HTTP (raw bytes on a `TcpStream`, so that malformed ones
//! reach the proxy as they are): each must be refused with the right status, and none may reach
//! the insurer (a fake insurer counts every request it receives).

mod common;

use std::sync::atomic::Ordering;

use common::{config_with, counting_insurer, raw, Served};

/// `(what it tries, raw request with {host} for the proxy's address, expected status, expected
/// code in the answer or "" when the HTTP parser itself refuses it)`.
const HOSTILE: &[(&str, &str, u16, &str)] = &[
    // 1. Dot-dot segment to climb out of the allowed path.
    ("dot-dot segment", "GET /proxy/coface/companies/../companies/name?countryCode=FRA&companyName=a HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 2. Percent-encoded dots.
    ("encoded dot-dot", "GET /proxy/coface/companies/%2e%2e/companies/name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 3. Percent-encoded slash joining segments.
    ("encoded slash", "GET /proxy/coface/companies%2fname HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 4. Double encoding (%25 = %), decoded twice by a naive chain.
    ("double encoding", "GET /proxy/coface/companies/%252e%252e/name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 5. Encoded letter, harmless-looking but not canonical.
    ("encoded letter", "GET /proxy/coface/companies/%6eame HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 6. Backslash as a separator (Windows-style upstreams).
    ("backslash", "GET /proxy/coface/companies\\name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 7. Doubled slash.
    ("double slash", "GET /proxy/coface//companies/name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 8. Single-dot segment.
    ("dot segment", "GET /proxy/coface/./companies/name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 9. An insurer the proxy does not know (open relay attempt).
    ("unknown insurer", "GET /proxy/lloyds/companies/name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 10. Insurer id in another case.
    ("insurer case", "GET /proxy/COFACE/companies/name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 11. Coface login through the proxy (would use the browser's guesses as credentials).
    ("coface login", "POST /proxy/coface/authentication/v1/token HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nContent-Length: 2\r\n\r\n{}", 404, "proxy.not_allowed"),
    // 12. Allianz Trade token call through the proxy.
    ("allianz token", "POST /proxy/allianz-trade/v1/idp/oauth2/authorize HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nContent-Length: 2\r\n\r\n{}", 404, "proxy.not_allowed"),
    // 13. Atradius token call through the proxy.
    ("atradius token", "POST /proxy/atradius/authenticate/v2/tokens HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nContent-Length: 0\r\n\r\n", 404, "proxy.not_allowed"),
    // 14. An allowed path with a method that is not.
    ("wrong method", "DELETE /proxy/coface/companies/name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 15. TRACE (cross-site tracing).
    ("trace", "TRACE /proxy/coface/companies/name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 16. Parameter segment with characters outside the allowed set.
    ("odd parameter", "GET /proxy/coface/companies/0012;x=1/catalog HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 404, "proxy.not_allowed"),
    // 17. Absolute-URL request target naming another host.
    ("absolute url", "GET http://evil.example/proxy/coface/companies/name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 400, "proxy.bad_target"),
    // 18. Absolute-URL request target naming the proxy itself.
    ("absolute url to self", "GET http://{host}/proxy/coface/companies/name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n", 400, "proxy.bad_target"),
    // 19. CONNECT tunnel (authority-form target).
    ("connect", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n", 400, "proxy.bad_target"),
    // 20. Host header with user info.
    ("host with userinfo", "GET /proxy/coface/companies/name HTTP/1.1\r\nHost: user@evil.example\r\nx-tradecover-client: t\r\n\r\n", 400, "proxy.bad_host"),
    // 21. Two Host headers (routing by one, checking the other).
    ("two hosts", "GET /proxy/coface/companies/name HTTP/1.1\r\nHost: {host}\r\nHost: evil.example\r\nx-tradecover-client: t\r\n\r\n", 400, "proxy.bad_host"),
    // 22. Host header carrying a path.
    ("host with path", "GET /proxy/coface/companies/name HTTP/1.1\r\nHost: evil.example/x\r\nx-tradecover-client: t\r\n\r\n", 400, "proxy.bad_host"),
    // 23. No Host header at all.
    ("no host", "GET /proxy/coface/companies/name HTTP/1.1\r\nx-tradecover-client: t\r\n\r\n", 400, "proxy.bad_host"),
    // 24. Content-Length then Transfer-Encoding (CL.TE smuggling).
    ("cl then te", "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400, "proxy.bad_framing"),
    // 25. Transfer-Encoding then Content-Length (TE.CL smuggling).
    ("te then cl", "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n", 400, "proxy.bad_framing"),
    // 26. Two identical Content-Length headers.
    ("duplicate content-length", "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}", 400, "proxy.bad_framing"),
    // 27. Two different Content-Length headers.
    ("conflicting content-length", "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nContent-Length: 2\r\nContent-Length: 7\r\n\r\n{}", 400, ""),
    // 28. Chunked body (never sent by the widgets).
    ("chunked", "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 400, "proxy.bad_framing"),
    // 29. Obfuscated Transfer-Encoding value.
    ("obfuscated te", "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nTransfer-Encoding: xchunked\r\nContent-Length: 2\r\n\r\n{}", 400, ""),
    // 30. A Content-Length with a sign.
    ("signed content-length", "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nContent-Length: +2\r\n\r\n{}", 400, ""),
    // 31. A bare CR inside a header value (header injection).
    ("cr in value", "GET /proxy/coface/companies/name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\rX-Injected: 1\r\n\r\n", 400, ""),
    // 32. Line endings without CR (parsers disagree on them).
    ("bare lf", "GET /proxy/coface/companies/name?countryCode=FRA&companyName=a HTTP/1.1\nHost: {host}\nx-tradecover-client: t\n\n", 400, "proxy.bad_framing"),
    // 33. Obsolete line folding hiding a header.
    ("obs-fold", "GET /proxy/coface/companies/name HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n Transfer-Encoding: chunked\r\n\r\n", 400, ""),
    // 34. Space before the colon of a header name.
    ("space before colon", "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nContent-Length : 2\r\n\r\n{}", 400, ""),
    // 35. A cross-site page posting with the user's cookies (no client header).
    ("no client header", "GET /proxy/coface/companies/name?countryCode=FRA&companyName=a HTTP/1.1\r\nHost: {host}\r\n\r\n", 403, "proxy.client_header_missing"),
    // 36. A script on another origin.
    ("foreign origin", "GET /proxy/coface/companies/name?countryCode=FRA&companyName=a HTTP/1.1\r\nHost: {host}\r\nOrigin: https://evil.example\r\nx-tradecover-client: t\r\n\r\n", 403, "proxy.origin_not_allowed"),
    // 37. A sandboxed iframe or file page (Origin: null).
    ("null origin", "GET /proxy/coface/companies/name?countryCode=FRA&companyName=a HTTP/1.1\r\nHost: {host}\r\nOrigin: null\r\nx-tradecover-client: t\r\n\r\n", 403, "proxy.origin_not_allowed"),
    // 38. A body announced larger than the limit.
    ("body too large", "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nContent-Length: 70000\r\n\r\n{}", 413, "proxy.body_too_large"),
    // 39. An idempotency key with a space (header splitting in log pipelines).
    ("bad idempotency key", "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nidempotency-key: a b\r\nContent-Length: 2\r\n\r\n{}", 400, "proxy.bad_idempotency_key"),
    // 40. Two content types (which one does the insurer read?).
    ("two content types", "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nContent-Type: application/json\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}", 400, "proxy.duplicate_header"),
];

#[tokio::test]
async fn hostile_requests_are_refused_and_never_forwarded() {
    let (insurer, hits) = counting_insurer();
    let served = Served::proxy(config_with(insurer)).await;
    let host = served.addr.to_string();
    let long_query = format!(
        "GET /proxy/coface/companies/name?countryCode=FRA&companyName={} HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n",
        "a".repeat(5000)
    );
    let mut requests: Vec<(String, String, u16, &str)> = HOSTILE
        .iter()
        .map(|(what, request, status, code)| {
            (
                (*what).to_owned(),
                request.replace("{host}", &host),
                *status,
                *code,
            )
        })
        .collect();
    // 41. A query longer than the limit.
    requests.push((
        "query too long".into(),
        long_query,
        414,
        "proxy.query_too_long",
    ));
    assert!(requests.len() >= 30);
    let mut distinct = std::collections::HashSet::new();
    for (what, request, status, code) in &requests {
        assert!(distinct.insert(request.clone()), "{what} is listed twice");
        let answer = raw(served.addr, request.as_bytes()).await;
        assert_eq!(answer.status, *status, "{what}: {answer:?}");
        assert!(answer.body.contains(code), "{what}: {answer:?}");
        assert_eq!(hits.load(Ordering::SeqCst), 0, "{what} reached the insurer");
    }
    // The same proxy does forward a well-formed call: the counter can move.
    let good = format!(
        "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{{}}"
    );
    let answer = raw(served.addr, good.as_bytes()).await;
    assert_eq!(answer.status, 200, "{answer:?}");
    assert!(hits.load(Ordering::SeqCst) >= 1);
    served.stop().await;
}

#[tokio::test]
async fn a_smuggled_request_behind_a_refused_one_is_not_answered() {
    let (insurer, hits) = counting_insurer();
    let served = Served::proxy(config_with(insurer)).await;
    let host = served.addr.to_string();
    // CL.TE: a front end using Content-Length would see one request; one using chunked would
    // see a second, smuggled `GET`. The proxy refuses the first and closes the connection.
    let smuggling = format!(
        "POST /proxy/allianz-trade/search/v2/companies/advancedSearch HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /proxy/atradius/credit-insurance/cover-management/v1/covers HTTP/1.1\r\nHost: {host}\r\nx-tradecover-client: t\r\n\r\n"
    );
    let answer = raw(served.addr, smuggling.as_bytes()).await;
    assert_eq!(answer.status, 400, "{answer:?}");
    assert!(
        answer
            .head
            .to_ascii_lowercase()
            .contains("connection: close"),
        "{answer:?}"
    );
    assert!(
        !answer.body.contains("HTTP/1.1"),
        "only one answer: {answer:?}"
    );
    assert_eq!(hits.load(Ordering::SeqCst), 0);
    served.stop().await;
}
