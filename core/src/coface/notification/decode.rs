//! Tolerant reading of identifiers in pushed messages: an id may arrive as a string or as a
//! number (`"123"`, `123`); either way it is kept as trimmed text. (Amounts and dates are read
//! with the CofaServe-wide `amount` and `date` helpers.)

use serde::Deserialize;

/// An identifier or text CofaServe may send as a string or as a number.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub(in crate::coface) enum WireText {
    /// `"D-123"`
    Text(String),
    /// `123`
    Number(serde_json::Number),
}

impl WireText {
    /// The text, trimmed; `None` when blank.
    pub(in crate::coface) fn into_text(self) -> Option<String> {
        let text = match self {
            WireText::Text(text) => text,
            WireText::Number(number) => number.to_string(),
        };
        non_blank(Some(text))
    }
}

/// [`WireText::into_text`] of an optional value.
pub(in crate::coface) fn text(value: Option<WireText>) -> Option<String> {
    value.and_then(WireText::into_text)
}

/// `text` trimmed, or `None` when absent or blank.
pub(in crate::coface) fn non_blank(text: Option<String>) -> Option<String> {
    text.map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_as_strings_or_numbers() {
        let read = |json: &str| text(serde_json::from_str::<Option<WireText>>(json).unwrap());
        assert_eq!(read("\" D-1 \""), Some("D-1".into()));
        assert_eq!(read("123"), Some("123".into()));
        assert_eq!(read("\"  \""), None);
        assert_eq!(read("null"), None);
        assert!(serde_json::from_str::<WireText>("true").is_err());
        assert!(serde_json::from_str::<WireText>("{}").is_err());
    }
}
