//! The one error type for everything a person types.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a value a person typed was refused: a stable machine `code` (e.g. `name.too_short`), the
/// `field` it belongs to, and the `params` a message needs (e.g. `min`). Human messages are not
/// held here: the widgets render them from the code in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationError {
    /// Stable, dotted machine code, e.g. `country.unknown`.
    pub code: String,
    /// The field the error belongs to, e.g. `name`.
    pub field: String,
    /// Values a message may quote, e.g. `{"min": "2"}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

impl ValidationError {
    /// An error with `code` on `field` and no params.
    pub fn new(code: impl Into<String>, field: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            field: field.into(),
            params: BTreeMap::new(),
        }
    }

    /// Adds one param a message may quote.
    pub fn with_param(mut self, key: impl Into<String>, value: impl ToString) -> Self {
        self.params.insert(key.into(), value.to_string());
        self
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.code, self.field)?;
        for (key, value) in &self.params {
            write!(f, " {key}={value}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_code_field_and_params() {
        let error = ValidationError::new("name.too_short", "name").with_param("min", 2);
        assert_eq!(error.to_string(), "name.too_short (name) min=2");
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["params"]["min"], "2");
    }
}
