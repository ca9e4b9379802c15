//! The values that go into CofaServe paths and queries, checked so that nothing typed can change
//! the path (no `/`, `..`, `?` or `%`): EASY numbers, order/delivery/external ids, product codes.

use super::request_error::CofaceRequestError;
use crate::identifier::{is_temporary_easy, validate_identifier, IdentifierKind};

/// Most characters of an order, delivery or external id.
pub const ID_MAX_CHARS: usize = 64;
/// Most characters of a product code.
pub const PRODUCT_CODE_MAX_CHARS: usize = 32;

/// An EASY number, definitive (19 digits) or temporary (`Z…`), in canonical form.
pub(super) fn easy_number(text: &str) -> Result<String, CofaceRequestError> {
    validate_identifier(IdentifierKind::CofaceEasy, text)
        .map(|identifier| identifier.value)
        .map_err(|_| CofaceRequestError::EasyNumberInvalid {
            value: text.trim().to_owned(),
        })
}

/// A definitive EASY number: a temporary one is refused where the company must be identified.
pub(super) fn definitive_easy_number(text: &str) -> Result<String, CofaceRequestError> {
    let easy = easy_number(text)?;
    if is_temporary_easy(&easy) {
        return Err(CofaceRequestError::EasyNumberTemporary { value: easy });
    }
    Ok(easy)
}

/// An order, delivery or external id: 1–64 letters, digits, `-`, `_` or `.`, not `.` or `..`.
pub(super) fn id(field: &'static str, text: &str) -> Result<String, CofaceRequestError> {
    let value = text.trim();
    let ok = !value.is_empty()
        && value.len() <= ID_MAX_CHARS
        && value != "."
        && value != ".."
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if ok {
        Ok(value.to_owned())
    } else {
        Err(CofaceRequestError::IdInvalid {
            field,
            value: value.to_owned(),
        })
    }
}

/// A product code, upper-cased: 1–32 letters, digits, `_` or `-` (e.g. `CREDITLIMIT`).
pub(super) fn product_code(text: &str) -> Result<String, CofaceRequestError> {
    let value = text.trim();
    let ok = !value.is_empty()
        && value.len() <= PRODUCT_CODE_MAX_CHARS
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
    if ok {
        Ok(value.to_ascii_uppercase())
    } else {
        Err(CofaceRequestError::ProductCodeInvalid {
            value: value.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easy_numbers() {
        assert_eq!(
            easy_number(" 0012345678904700000 ").unwrap(),
            "0012345678904700000"
        );
        assert_eq!(easy_number("z 123").unwrap(), "Z123");
        for bad in ["", "123", "../x", "0012345678904700000/x"] {
            assert_eq!(
                easy_number(bad).unwrap_err().code(),
                "coface.easy_number_invalid"
            );
        }
        assert_eq!(
            definitive_easy_number("Z123").unwrap_err(),
            CofaceRequestError::EasyNumberTemporary {
                value: "Z123".into()
            }
        );
        assert!(definitive_easy_number("0012345678904700000").is_ok());
    }

    #[test]
    fn ids_cannot_change_the_path() {
        assert_eq!(id("orderId", " ORD-1_2.3 ").unwrap(), "ORD-1_2.3");
        for bad in ["", ".", "..", "a/b", "a?b", "a%2F", "a b", &"9".repeat(65)] {
            assert!(id("orderId", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn product_codes() {
        assert_eq!(product_code(" creditLimit ").unwrap(), "CREDITLIMIT");
        assert!(product_code("CREDIT LIMIT").is_err());
        assert!(product_code("").is_err());
    }
}
