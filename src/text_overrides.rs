//! Per-instance replacements of catalogue texts: the `texts` option of a widget, e.g.
//! `{ 'buyer_search.placeholder': 'Find a customer', 'form.submit': 'Apply' }`. A replacement
//! is used in every language, with its `{param}`s filled like the catalogue's.
//!
//! The widgets read them from the Leptos context ([`provide_text_overrides`]), so that a change
//! (`handle.update({texts})`) shows at once.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use leptos::prelude::*;
use serde_json::Value;
use tradecover_core::locale::Language;
use tradecover_core::messages::{fill, text};
use tradecover_core::widget_text;
use tradecover_core::ValidationError;

/// Longest replacement text accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 1_000;

/// Catalogue key → replacement template, and what was wrong with the option given (cheap to
/// clone).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextOverrides {
    templates: Arc<BTreeMap<String, String>>,
    problems: Arc<Vec<ValidationError>>,
}

impl TextOverrides {
    /// The overrides of a `texts` option value: an object of widget text keys (the buyer search
    /// box's and the cover form's catalogue keys) to strings.
    /// `null` is none. Unknown keys (`texts.unknown_key`) and values that are not strings of at
    /// most [`MAX_TEXT_CHARS`] characters (`texts.not_text`) are left out and kept as problems.
    pub fn from_json(value: &Value) -> Self {
        let mut templates = BTreeMap::new();
        let mut problems = Vec::new();
        match value {
            Value::Null => {}
            Value::Object(entries) => {
                // The texts the two widgets look up through the overrides (error messages keep
                // the catalogue's wording, so their codes are not accepted as keys).
                let keys = [widget_text::BUYER_SEARCH, widget_text::COVER_FORM].concat();
                for (key, value) in entries {
                    if !keys.contains(&key.as_str()) {
                        problems.push(problem("texts.unknown_key", key));
                        continue;
                    }
                    match value {
                        Value::String(template) if template.chars().count() <= MAX_TEXT_CHARS => {
                            templates.insert(key.clone(), template.clone());
                        }
                        _ => problems.push(problem("texts.not_text", key)),
                    }
                }
            }
            _ => problems.push(problem("texts.not_text", "texts")),
        }
        Self {
            templates: Arc::new(templates),
            problems: Arc::new(problems),
        }
    }

    /// The replacement template of `key`, if one was given.
    pub fn template(&self, key: &str) -> Option<&str> {
        self.templates.get(key).map(String::as_str)
    }

    /// What was wrong with the option (field `texts`, param `key`).
    pub fn problems(&self) -> &[ValidationError] {
        &self.problems
    }

    /// The text `key` in `language`: the replacement when there is one, else the catalogue's;
    /// `{param}`s filled from `params` either way.
    pub fn text(&self, language: Language, key: &str, params: &[(&str, &str)]) -> String {
        match self.template(key) {
            Some(template) => fill(template, |name| {
                params
                    .iter()
                    .find(|(each, _)| *each == name)
                    .map(|(_, value)| *value)
            }),
            None => text(language, key, params),
        }
    }
}

fn problem(code: &str, key: &str) -> ValidationError {
    ValidationError::new(code, "texts").with_param("key", key)
}

/// Makes `overrides` the texts of the widget rendered below (they may change while mounted).
pub fn provide_text_overrides(overrides: Signal<TextOverrides>) {
    provide_context(overrides);
}

/// The overrides of the widget being rendered (none outside one), tracked when read.
pub(crate) fn use_text_overrides() -> Signal<TextOverrides> {
    use_context::<Signal<TextOverrides>>()
        .unwrap_or_else(|| Signal::stored(TextOverrides::default()))
}

thread_local! {
    /// The overrides of the task being polled by [`InTask`], if any.
    static TASK_OVERRIDES: RefCell<Option<TextOverrides>> = const { RefCell::new(None) };
}

/// A future that runs with `overrides` as its texts: tasks have no reactive owner, hence no
/// context, so the texts they make (errors after an await) read them from here.
pub(crate) struct InTask<F> {
    overrides: TextOverrides,
    future: Pin<Box<F>>,
}

impl<F: Future> InTask<F> {
    /// `future`, with `overrides` readable by [`task_overrides`] while it is polled.
    pub(crate) fn new(overrides: TextOverrides, future: F) -> Self {
        Self {
            overrides,
            future: Box::pin(future),
        }
    }
}

impl<F: Future> Future for InTask<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.get_mut();
        let previous = TASK_OVERRIDES.with(|current| current.replace(Some(this.overrides.clone())));
        let polled = this.future.as_mut().poll(context);
        TASK_OVERRIDES.with(|current| *current.borrow_mut() = previous);
        polled
    }
}

/// The overrides of the [`InTask`] being polled, if any.
pub(crate) fn task_overrides() -> Option<TextOverrides> {
    TASK_OVERRIDES.with(|current| current.borrow().clone())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn replaces_a_text_in_every_language_and_fills_its_params() {
        let overrides = TextOverrides::from_json(&json!({
            "buyer_search.placeholder": "Find a customer",
            "buyer_search.results_count": "{count} customers",
        }));
        assert!(overrides.problems().is_empty());
        for language in [Language::En, Language::Fr] {
            assert_eq!(
                overrides.text(language, "buyer_search.placeholder", &[]),
                "Find a customer"
            );
        }
        assert_eq!(
            overrides.text(
                Language::De,
                "buyer_search.results_count",
                &[("count", "4")]
            ),
            "4 customers"
        );
        assert_eq!(
            overrides.text(Language::Fr, "buyer_search.label", &[]),
            text(Language::Fr, "buyer_search.label", &[])
        );
    }

    #[test]
    fn reports_unknown_keys_and_values_that_are_not_text() {
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        let overrides = TextOverrides::from_json(&json!({
            "buyer_search.nothing": "x",
            "form.submit": 3,
            "form.sending": long,
            "form.retry": "Again",
        }));
        let codes: Vec<(&str, &str)> = overrides
            .problems()
            .iter()
            .map(|error| (error.code.as_str(), error.params["key"].as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("texts.unknown_key", "buyer_search.nothing"),
                ("texts.not_text", "form.sending"),
                ("texts.not_text", "form.submit"),
            ]
        );
        assert_eq!(overrides.template("form.retry"), Some("Again"));
        assert_eq!(overrides.template("form.submit"), None);
        let not_an_object = TextOverrides::from_json(&json!("Apply"));
        assert_eq!(not_an_object.problems()[0].code, "texts.not_text");
        assert!(TextOverrides::from_json(&Value::Null).problems().is_empty());
    }
}
