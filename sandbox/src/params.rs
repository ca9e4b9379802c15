//! Query-string parameters: extraction and the JSON errors for bad values.

use crate::country::Country;
use crate::error::ApiError;
use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use axum::http::StatusCode;
use std::collections::HashMap;

/// A trimmed, non-empty query parameter.
pub(crate) fn param<'p>(params: &'p HashMap<String, String>, name: &str) -> Option<&'p str> {
    params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// Parses a required alpha-3 country code the way CofaServe reports errors.
pub(crate) fn country_param(code: &str) -> Result<Country, ApiError> {
    Country::from_alpha3(code).ok_or_else(|| {
        let known: Vec<&str> = Country::ALL.iter().map(|c| c.alpha3()).collect();
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "InvalidCountryCode",
            format!(
                "Unknown or unsupported country code '{code}'; expected ISO 3166 alpha-3, one of {}",
                known.join(", ")
            ),
        )
    })
}

/// Maps a malformed query string to a JSON 400.
pub(crate) fn query_params(
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<HashMap<String, String>, ApiError> {
    query
        .map(|Query(params)| params)
        .map_err(|e| ApiError::bad_request(format!("Malformed query string: {}", e.body_text())))
}

/// An optional `true`/`false` parameter (case-insensitive).
pub(crate) fn bool_param(
    params: &HashMap<String, String>,
    name: &str,
) -> Result<Option<bool>, ApiError> {
    match param(params, name) {
        None => Ok(None),
        Some(v) if v.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(v) if v.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(_) => Err(ApiError::bad_request(format!(
            "{name} must be true or false"
        ))),
    }
}

/// An optional integer parameter in `1..=max`, `default` when absent.
pub(crate) fn count_param(
    params: &HashMap<String, String>,
    name: &str,
    default: usize,
    max: usize,
) -> Result<usize, ApiError> {
    match param(params, name) {
        None => Ok(default),
        Some(raw) => raw
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| {
                ApiError::bad_request(format!("{name} must be an integer between 1 and {max}"))
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn values_are_trimmed_and_blank_means_absent() {
        let p = params(&[("a", "  x "), ("b", "   ")]);
        assert_eq!(param(&p, "a"), Some("x"));
        assert_eq!(param(&p, "b"), None);
        assert_eq!(param(&p, "c"), None);
    }

    #[test]
    fn counts_are_bounded() {
        let p = params(&[
            ("limit", "100"),
            ("zero", "0"),
            ("big", "101"),
            ("word", "ten"),
        ]);
        assert_eq!(count_param(&p, "limit", 20, 100), Ok(100));
        assert_eq!(count_param(&p, "absent", 20, 100), Ok(20));
        for name in ["zero", "big", "word"] {
            assert!(count_param(&p, name, 20, 100).is_err(), "{name}");
        }
    }

    #[test]
    fn booleans_and_countries() {
        let p = params(&[("t", "TRUE"), ("f", "false"), ("x", "yes")]);
        assert_eq!(bool_param(&p, "t"), Ok(Some(true)));
        assert_eq!(bool_param(&p, "f"), Ok(Some(false)));
        assert_eq!(bool_param(&p, "none"), Ok(None));
        assert!(bool_param(&p, "x").is_err());
        assert_eq!(country_param("deu"), Ok(Country::Germany));
        assert!(country_param("DE").is_err());
    }
}
