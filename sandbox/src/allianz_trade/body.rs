//! Reading request bodies field by field, with readable 400s: every scalar Allianz Trade
//! sends may come as a JSON string or number (clients send `"50000"` and `50000`, `"true"`
//! and `true`); anything else is named in the error.

use serde_json::{Map, Value};

use super::error::AllianzError;

/// A JSON object body.
pub(crate) type Object = Map<String, Value>;

/// Parses `bytes` as a JSON object; 400 when it is not valid JSON or not an object.
pub(crate) fn object(bytes: &[u8]) -> Result<Object, AllianzError> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(fields)) => Ok(fields),
        Ok(_) => Err(AllianzError::bad_request("The body must be a JSON object")),
        Err(error) => Err(AllianzError::bad_request(format!(
            "The body is not valid JSON: {error}"
        ))),
    }
}

/// The object at `name` (`path` names it in errors); `None` when absent or null.
pub(crate) fn object_at<'o>(
    fields: &'o Object,
    name: &str,
    path: &str,
) -> Result<Option<&'o Object>, AllianzError> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(inner)) => Ok(Some(inner)),
        Some(_) => Err(AllianzError::bad_request(format!(
            "{path} must be a JSON object"
        ))),
    }
}

/// The array at `name`; empty when absent or null.
pub(crate) fn array_at<'o>(
    fields: &'o Object,
    name: &str,
    path: &str,
) -> Result<&'o [Value], AllianzError> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(AllianzError::bad_request(format!(
            "{path} must be a JSON array"
        ))),
    }
}

/// The trimmed text of a string or number at `name`; `None` when absent, null or blank.
pub(crate) fn text_at(
    fields: &Object,
    name: &str,
    path: &str,
) -> Result<Option<String>, AllianzError> {
    let text = match fields.get(name) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(text)) => text.trim().to_owned(),
        Some(Value::Number(number)) => number.to_string(),
        Some(_) => {
            return Err(AllianzError::bad_request(format!(
                "{path} must be a string"
            )))
        }
    };
    Ok((!text.is_empty()).then_some(text))
}

/// Like [`text_at`], but absent or blank is a 400 `"{path} is required"`.
pub(crate) fn required_text(
    fields: &Object,
    name: &str,
    path: &str,
) -> Result<String, AllianzError> {
    text_at(fields, name, path)?
        .ok_or_else(|| AllianzError::bad_request(format!("{path} is required")))
}

/// A boolean (`true`, `"true"`, `false`, `"false"`) at `name`; `None` when absent or null.
pub(crate) fn bool_at(
    fields: &Object,
    name: &str,
    path: &str,
) -> Result<Option<bool>, AllianzError> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(flag)) => Ok(Some(*flag)),
        Some(Value::String(text)) if text.trim().eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(Value::String(text)) if text.trim().eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(_) => Err(AllianzError::bad_request(format!(
            "{path} must be true or false"
        ))),
    }
}

/// A whole number (JSON integer or digits in a string) at `name`; `None` when absent or null.
pub(crate) fn count_at(
    fields: &Object,
    name: &str,
    path: &str,
) -> Result<Option<u64>, AllianzError> {
    let invalid = || AllianzError::bad_request(format!("{path} must be a whole number"));
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(number)) => number.as_u64().map(Some).ok_or_else(invalid),
        Some(Value::String(text)) => text.trim().parse::<u64>().map(Some).map_err(|_| invalid()),
        Some(_) => Err(invalid()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(value: Value) -> Object {
        match value {
            Value::Object(fields) => fields,
            _ => Object::new(),
        }
    }

    #[test]
    fn reads_lenient_scalars_and_names_bad_ones() {
        let body = fields(json!({
            "a": " x ", "n": 12, "blank": "", "b": "TRUE", "c": false, "size": "25",
            "bad": [1], "neg": -1, "o": {"k": 1}
        }));
        assert_eq!(text_at(&body, "a", "a"), Ok(Some("x".into())));
        assert_eq!(text_at(&body, "n", "n"), Ok(Some("12".into())));
        assert_eq!(text_at(&body, "blank", "blank"), Ok(None));
        assert!(required_text(&body, "blank", "blank").is_err());
        assert!(text_at(&body, "bad", "bad").is_err());
        assert_eq!(bool_at(&body, "b", "b"), Ok(Some(true)));
        assert_eq!(bool_at(&body, "c", "c"), Ok(Some(false)));
        assert!(bool_at(&body, "a", "a").is_err());
        assert_eq!(count_at(&body, "size", "size"), Ok(Some(25)));
        assert!(count_at(&body, "neg", "neg").is_err());
        assert!(object_at(&body, "o", "o").unwrap().is_some());
        assert!(object_at(&body, "a", "a").is_err());
        assert!(array_at(&body, "o", "o").is_err());
        assert!(array_at(&body, "missing", "missing").unwrap().is_empty());
        assert!(object(b"[1]").is_err());
        assert!(object(b"{").is_err());
        assert!(object(b"{}").is_ok());
    }
}
