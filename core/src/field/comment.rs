//! A free comment sent with a request.

use super::text::{char_count, is_forbidden};
use super::Field;
use crate::validation_error::ValidationError;

/// Every code [`validate_comment`] can produce.
pub const CODES: &[&str] = &["comment.invalid_characters", "comment.too_long"];

/// Most characters of a comment.
pub const COMMENT_MAX_CHARS: usize = 1000;

/// Normalises line ends (`\r\n` and `\r` become `\n`), trims the comment and checks it: at most
/// 1000 characters; no control character other than newline and tab. A blank comment is `""`.
///
/// Errors (field `comment`): `comment.invalid_characters`; `comment.too_long` (param `max`:
/// 1000).
pub fn validate_comment(value: &str) -> Result<String, Vec<ValidationError>> {
    let field = Field::Comment.as_str();
    let normalised = value.replace("\r\n", "\n").replace('\r', "\n");
    let comment = normalised.trim();
    let mut errors = Vec::new();
    if comment
        .chars()
        .any(|c| is_forbidden(c) && c != '\n' && c != '\t')
    {
        errors.push(ValidationError::new("comment.invalid_characters", field));
    }
    if char_count(comment) > COMMENT_MAX_CHARS {
        errors.push(
            ValidationError::new("comment.too_long", field).with_param("max", COMMENT_MAX_CHARS),
        );
    }
    if errors.is_empty() {
        Ok(comment.to_owned())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_lines_and_tabs() {
        assert_eq!(
            validate_comment("  Line 1\r\n\tLine 2\rLine 3 \n").unwrap(),
            "Line 1\n\tLine 2\nLine 3"
        );
        assert_eq!(validate_comment("").unwrap(), "");
        assert!(validate_comment(&"ß".repeat(1000)).is_ok());
    }

    #[test]
    fn refuses() {
        let errors = validate_comment(&format!("{}\u{0}", "c".repeat(1001))).unwrap_err();
        let codes: Vec<_> = errors.iter().map(|error| error.code.as_str()).collect();
        assert_eq!(codes, ["comment.invalid_characters", "comment.too_long"]);
        assert_eq!(errors[1].params["max"], "1000");
        assert_eq!(errors[1].field, "comment");
    }
}
