//! What the user chose to see (sort and filters), and its text form: the `view` attribute and
//! the URL fragment `#tradecover-tracker=<view>` (each tracker under its own parameter, see
//! [`super::fragment_key`]), so that a link reproduces the view.
//!
//! The text is `key=value` pairs joined by `&`, values percent-encoded: `sort` (`<column>` or
//! `-<column>` for descending), `status`, `insurer`, `country`, `product`, `from`, `to`, `q`.
//! Unknown keys and unreadable values are ignored.

use tradecover_core::{Country, Insurer};

use super::column::Column;
use super::filter::TrackerFilter;
use super::status_kind::StatusKind;

/// Name of the URL fragment parameter holding the view of the first unnamed tracker.
pub const FRAGMENT_KEY: &str = "tradecover-tracker";

/// Sort and filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Sorted by this column, if any (else in loading order).
    pub sort: Option<Column>,
    /// Descending rather than ascending.
    pub descending: bool,
    /// The filters.
    pub filter: TrackerFilter,
}

fn encode(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

fn decode(value: &str) -> Option<String> {
    js_sys::decode_uri_component(value).ok().map(String::from)
}

fn non_empty(value: String) -> Option<String> {
    let value = value.trim().to_owned();
    (!value.is_empty()).then_some(value)
}

impl ViewState {
    /// The text form (empty when nothing is chosen).
    pub fn to_text(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(column) = self.sort {
            let sign = if self.descending { "-" } else { "" };
            pairs.push(("sort", format!("{sign}{}", column.key())));
        }
        let filter = &self.filter;
        if let Some(status) = filter.status {
            pairs.push(("status", status.key().to_owned()));
        }
        if let Some(insurer) = filter.insurer {
            pairs.push(("insurer", insurer.as_str().to_owned()));
        }
        if let Some(country) = filter.country {
            pairs.push(("country", country.alpha2().to_owned()));
        }
        if let Some(product) = &filter.product {
            pairs.push(("product", product.clone()));
        }
        if let Some(from) = &filter.applied_from {
            pairs.push(("from", from.clone()));
        }
        if let Some(to) = &filter.applied_to {
            pairs.push(("to", to.clone()));
        }
        if !filter.text.trim().is_empty() {
            pairs.push(("q", filter.text.trim().to_owned()));
        }
        pairs
            .into_iter()
            .map(|(key, value)| format!("{key}={}", encode(&value)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads the text form; what cannot be read is left at its default.
    pub fn from_text(text: &str) -> Self {
        let mut state = Self::default();
        for pair in text.split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let Some(value) = decode(value) else {
                continue;
            };
            let filter = &mut state.filter;
            match key {
                "sort" => {
                    let (descending, key) = match value.strip_prefix('-') {
                        Some(key) => (true, key),
                        None => (false, value.as_str()),
                    };
                    if let Some(column) = Column::parse(key) {
                        state.sort = Some(column);
                        state.descending = descending;
                    }
                }
                "status" => filter.status = StatusKind::parse(&value),
                "insurer" => filter.insurer = Insurer::parse(&value).ok(),
                "country" => filter.country = Country::parse(&value).ok(),
                "product" => filter.product = non_empty(value),
                "from" => filter.applied_from = non_empty(value),
                "to" => filter.applied_to = non_empty(value),
                "q" => filter.text = value,
                _ => {}
            }
        }
        state
    }

    /// The fragment `tradecover-tracker=<encoded view>` (without `#`).
    pub fn to_fragment(&self) -> String {
        self.to_fragment_under(FRAGMENT_KEY)
    }

    /// The fragment `<key>=<encoded view>` (without `#`).
    pub fn to_fragment_under(&self, key: &str) -> String {
        format!("{key}={}", encode(&self.to_text()))
    }

    /// The view in a URL fragment (`#a=b&tradecover-tracker=…`), if it holds one.
    pub fn from_fragment(fragment: &str) -> Option<Self> {
        Self::from_fragment_under(fragment, FRAGMENT_KEY)
    }

    /// The view under the parameter `key` of a URL fragment (`#a=b&<key>=…`), if it holds one.
    pub fn from_fragment_under(fragment: &str, key: &str) -> Option<Self> {
        let prefix = format!("{key}=");
        fragment
            .trim_start_matches('#')
            .split('&')
            .find_map(|part| part.strip_prefix(&prefix))
            .and_then(decode)
            .map(|text| Self::from_text(&text))
    }
}

/// `fragment` (without `#`) with its part under `key` replaced by `view` (or removed when
/// `view` is empty), other parts (other trackers' too) kept in their order.
pub fn replace_in_fragment(fragment: &str, key: &str, view: &ViewState) -> String {
    let prefix = format!("{key}=");
    let mut parts: Vec<String> = Vec::new();
    let mut placed = false;
    for part in fragment.trim_start_matches('#').split('&') {
        if part.is_empty() {
            continue;
        }
        if part.starts_with(&prefix) {
            if !placed && *view != ViewState::default() {
                parts.push(view.to_fragment_under(key));
            }
            placed = true;
        } else {
            parts.push(part.to_owned());
        }
    }
    if !placed && *view != ViewState::default() {
        parts.push(view.to_fragment_under(key));
    }
    parts.join("&")
}
