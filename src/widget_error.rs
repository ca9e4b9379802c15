//! The error a widget shows and reports: a machine code and a human message.

use serde::Serialize;
use tradecover_core::{InsurerError, ValidationError};

use crate::messages;

/// An error as a widget reports it in its `tradecover-error` event and shows it inline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WidgetError {
    /// Stable machine code, e.g. `name.too_short` or `network.failed`.
    pub code: String,
    /// The field it belongs to, when it is a validation error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Human message, safe to show to the user.
    pub message: String,
    /// Whether trying again may help.
    pub retryable: bool,
}

impl WidgetError {
    /// The error for something the user typed.
    pub fn from_validation(error: &ValidationError) -> Self {
        Self {
            code: error.code.clone(),
            field: Some(error.field.clone()),
            message: messages::validation_message(error),
            retryable: false,
        }
    }

    /// The error for an insurer answer.
    pub fn from_insurer(error: &InsurerError) -> Self {
        Self {
            code: error.code().to_owned(),
            field: None,
            message: messages::insurer_message(error),
            retryable: error.is_retryable(),
        }
    }

    /// The error for a request that never got an answer.
    pub fn network(detail: &str) -> Self {
        Self {
            code: "network.failed".to_owned(),
            field: None,
            message: messages::network_message(detail),
            retryable: true,
        }
    }
}
