//! The insurer operations tradecover performs: what the proxy lets through, and nothing else.

use crate::http_request::Method;
use crate::insurer::Insurer;

/// One insurer API operation the browser may ask the proxy to forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The insurer.
    pub insurer: Insurer,
    /// Short stable name, e.g. `company.search_by_name`.
    pub name: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path pattern relative to the insurer's base; `{name}` matches one non-empty segment.
    pub path: &'static str,
}

impl Operation {
    /// Whether `method` and the (already normalised, percent-decoded-safe) `path` are this
    /// operation. A `{…}` segment matches one segment of letters, digits, `-`, `_` or `.` that is
    /// not `.` or `..`.
    pub fn matches(&self, method: Method, path: &str) -> bool {
        if method != self.method {
            return false;
        }
        let mut wanted = self.path.split('/');
        let mut given = path.split('/');
        loop {
            match (wanted.next(), given.next()) {
                (None, None) => return true,
                (Some(pattern), Some(segment)) => {
                    let ok = if pattern.starts_with('{') && pattern.ends_with('}') {
                        is_safe_segment(segment)
                    } else {
                        pattern == segment
                    };
                    if !ok {
                        return false;
                    }
                }
                _ => return false,
            }
        }
    }
}

fn is_safe_segment(segment: &str) -> bool {
    !segment.is_empty()
        && segment != "."
        && segment != ".."
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Every operation of every enabled insurer.
pub fn all() -> impl Iterator<Item = &'static Operation> {
    #[cfg(feature = "allianz_trade")]
    let allianz_trade = crate::allianz_trade::OPERATIONS.iter();
    #[cfg(not(feature = "allianz_trade"))]
    let allianz_trade = [].iter();
    #[cfg(feature = "atradius")]
    let atradius = crate::atradius::OPERATIONS.iter();
    #[cfg(not(feature = "atradius"))]
    let atradius = [].iter();
    #[cfg(feature = "coface")]
    let coface = crate::coface::OPERATIONS.iter();
    #[cfg(not(feature = "coface"))]
    let coface = [].iter();
    allianz_trade.chain(atradius).chain(coface)
}

/// The operation `method path` of `insurer`, if tradecover performs it.
pub fn find(insurer: Insurer, method: Method, path: &str) -> Option<&'static Operation> {
    all().find(|operation| operation.insurer == insurer && operation.matches(method, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WITH_PARAM: Operation = Operation {
        insurer: Insurer::Coface,
        name: "test",
        method: Method::Get,
        path: "/companies/{easyNumber}/catalog",
    };

    #[test]
    fn matches_literal_and_parameter_segments() {
        assert!(WITH_PARAM.matches(Method::Get, "/companies/0012/catalog"));
        assert!(!WITH_PARAM.matches(Method::Post, "/companies/0012/catalog"));
        assert!(!WITH_PARAM.matches(Method::Get, "/companies/0012/catalog/x"));
        assert!(!WITH_PARAM.matches(Method::Get, "/companies//catalog"));
        assert!(!WITH_PARAM.matches(Method::Get, "/companies/../catalog"));
        assert!(!WITH_PARAM.matches(Method::Get, "/companies/%2e%2e/catalog"));
        assert!(!WITH_PARAM.matches(Method::Get, "/companies/0012"));
    }

    #[cfg(feature = "coface")]
    #[test]
    fn finds_coface_name_search() {
        let found = find(Insurer::Coface, Method::Get, "/companies/name").unwrap();
        assert_eq!(found.name, "company.search_by_name");
        assert!(find(Insurer::Coface, Method::Delete, "/companies/name").is_none());
        assert!(find(Insurer::Atradius, Method::Get, "/companies/name").is_none());
        assert!(find(Insurer::Coface, Method::Post, "/authentication/v1/token").is_none());
    }
}
