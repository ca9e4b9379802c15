//! The error a widget shows and reports: a machine code and a human message.

use serde::Serialize;
use tradecover_core::locale::Language;
use tradecover_core::messages::message;
use tradecover_core::{InsurerError, ValidationError};

/// An error as a widget reports it in its `tradecover-error` event and shows it inline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WidgetError {
    /// Stable machine code, e.g. `name.too_short` or `network.failed`.
    pub code: String,
    /// The field it belongs to, when it is a validation error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Human message in the widget's language, safe to show to the user.
    pub message: String,
    /// Whether trying again may help.
    pub retryable: bool,
}

impl WidgetError {
    /// The error for something the user typed.
    pub fn from_validation(error: &ValidationError, language: Language) -> Self {
        Self {
            code: error.code.clone(),
            field: Some(error.field.clone()),
            message: message(language, error),
            retryable: false,
        }
    }

    /// The error for an insurer answer. The insurer's own wording is not shown: it may be in
    /// another language or quote internals.
    pub fn from_insurer(error: &InsurerError, language: Language) -> Self {
        Self {
            code: error.code().to_owned(),
            field: None,
            message: message(language, &ValidationError::new(error.code(), "")),
            retryable: error.is_retryable(),
        }
    }

    /// The error for a request that never got an answer.
    pub fn network(language: Language) -> Self {
        let code = "network.failed";
        Self {
            code: code.to_owned(),
            field: None,
            message: message(language, &ValidationError::new(code, "")),
            retryable: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_come_from_the_catalogue_of_the_language() {
        let error = ValidationError::new("name.too_short", "name").with_param("min", 2);
        let english = WidgetError::from_validation(&error, Language::En);
        let german = WidgetError::from_validation(&error, Language::De);
        assert_eq!(english.code, "name.too_short");
        assert!(english.message.contains('2') && german.message.contains('2'));
        assert_ne!(english.message, german.message);
        let unavailable =
            WidgetError::from_insurer(&InsurerError::Unavailable { status: 503 }, Language::Fr);
        assert!(unavailable.retryable);
        assert_ne!(unavailable.message, "insurer.unavailable");
        assert_ne!(WidgetError::network(Language::It).message, "network.failed");
    }
}
