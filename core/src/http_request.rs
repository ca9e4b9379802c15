//! An insurer request as a plain value: the core builds it, a shell (proxy, widget) sends it.

use serde::{Deserialize, Serialize};

/// HTTP method of an insurer operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method as it goes on the wire, e.g. `"GET"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Parses a wire method (exact upper case, as HTTP requires).
    pub fn parse(text: &str) -> Option<Self> {
        [
            Method::Get,
            Method::Post,
            Method::Put,
            Method::Patch,
            Method::Delete,
        ]
        .into_iter()
        .find(|method| method.as_str() == text)
    }
}

/// A request to one insurer, relative to that insurer's base URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HttpRequest {
    /// HTTP method.
    pub method: Method,
    /// Path relative to the insurer's base, starting with `/`, already percent-encoded.
    pub path: String,
    /// Query parameters, in order, not encoded.
    pub query: Vec<(String, String)>,
    /// Headers the insurer needs, besides authentication (added by the proxy).
    pub headers: Vec<(String, String)>,
    /// JSON body, if any.
    pub body: Option<serde_json::Value>,
}

impl HttpRequest {
    /// A request with no query, headers or body.
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        Self {
            method,
            path: path.into(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
        }
    }

    /// Adds a query parameter.
    pub fn with_query(mut self, key: &str, value: impl Into<String>) -> Self {
        self.query.push((key.to_owned(), value.into()));
        self
    }

    /// Adds a query parameter when `value` is `Some`.
    pub fn with_optional_query(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.with_query(key, value),
            None => self,
        }
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// Sets a JSON body.
    pub fn with_json(mut self, body: serde_json::Value) -> Self {
        self.body = Some(body);
        self
    }

    /// Path plus the form-encoded query string, e.g. `/companies/name?countryCode=FRA&companyName=a+b`.
    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            return self.path.clone();
        }
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.query.iter())
            .finish();
        format!("{}?{}", self.path, query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_the_query() {
        let request = HttpRequest::new(Method::Get, "/companies/name")
            .with_query("companyName", "Müller & Söhne")
            .with_optional_query("town", None)
            .with_optional_query("postalCode", Some("75 002"));
        assert_eq!(
            request.path_and_query(),
            "/companies/name?companyName=M%C3%BCller+%26+S%C3%B6hne&postalCode=75+002"
        );
        assert_eq!(HttpRequest::new(Method::Get, "/x").path_and_query(), "/x");
    }

    #[test]
    fn methods_round_trip() {
        for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
            assert_eq!(Method::parse(method).unwrap().as_str(), method);
        }
        assert_eq!(Method::parse("get"), None);
        assert_eq!(Method::parse("TRACE"), None);
    }
}
