//! The customer's own reference for a company ("Customer Reference"):
//! `GET /companies/customerreferences` lists those set on the contract,
//! `PATCH /companies/customerreferences` creates, replaces or — with a blank — erases one.
//!
//! The contract is the one of the `X-COF-Policy-Number` header the proxy adds to every call.

use serde::Serialize;

use super::identifier_types::compact;
use super::path;
use super::product_state::non_blank;
use super::request_error::CofaceRequestError;
use super::response::parse_json;
use super::wire::{CustomerReferenceUpdateBody, CustomerReferencesBody, BLANK_REFERENCE};
use crate::field::validate_customer_reference;
use crate::http_request::{HttpRequest, Method};
use crate::insurer::Insurer;
use crate::insurer_error::InsurerError;

/// Path of the customer references.
pub const CUSTOMER_REFERENCES_PATH: &str = "/companies/customerreferences";

/// A customer reference set on a company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerReference {
    /// The company's EASY number.
    pub easy_number: String,
    /// The company's name, when given.
    pub company_name: Option<String>,
    /// The reference.
    pub customer_reference: String,
}

/// The request listing every customer reference of the contract.
pub fn customer_references_request() -> HttpRequest {
    HttpRequest::new(Method::Get, CUSTOMER_REFERENCES_PATH)
        .with_header("accept", "application/json")
}

/// Parses the list of customer references; entries with a blank reference (erased) are left
/// out, an entry without EASY number is malformed.
pub fn parse_customer_references(
    status: u16,
    body: &[u8],
) -> Result<Vec<CustomerReference>, InsurerError> {
    let entries = match parse_json(status, body)? {
        CustomerReferencesBody::List(entries) => entries,
        CustomerReferencesBody::Wrapped {
            customer_references,
        } => customer_references,
    };
    let mut references = Vec::with_capacity(entries.len());
    for entry in entries {
        let easy_number = entry
            .easy_number
            .map(|easy| compact(&easy))
            .filter(|easy| !easy.is_empty())
            .ok_or_else(|| InsurerError::Malformed {
                reason: "a customer reference has no easyNumber".into(),
            })?;
        if let Some(customer_reference) = non_blank(entry.customer_reference) {
            references.push(CustomerReference {
                easy_number,
                company_name: non_blank(entry.company_name),
                customer_reference,
            });
        }
    }
    Ok(references)
}

/// The request setting `reference` on the company `easy_number` (created, or replacing the
/// one there). A blank `reference` erases it: CofaServe is sent a single blank, as the seed
/// says ("set a blank in the customer reference attribute").
///
/// Errors: an invalid EASY number; a reference that breaks the field rule
/// ([`validate_customer_reference`], first code in
/// [`CofaceRequestError::CustomerReferenceInvalid`]).
pub fn set_customer_reference_request(
    easy_number: &str,
    reference: &str,
) -> Result<HttpRequest, CofaceRequestError> {
    let easy_number = path::easy_number(easy_number)?;
    let reference =
        validate_customer_reference(reference, Some(Insurer::Coface)).map_err(|errors| {
            CofaceRequestError::CustomerReferenceInvalid {
                reason: errors
                    .first()
                    .map(|error| error.code.clone())
                    .unwrap_or_default(),
            }
        })?;
    let customer_reference = if reference.is_empty() {
        BLANK_REFERENCE
    } else {
        reference.as_str()
    };
    let body = CustomerReferenceUpdateBody {
        easy_number: &easy_number,
        customer_reference,
    };
    Ok(HttpRequest::new(Method::Patch, CUSTOMER_REFERENCES_PATH)
        .with_header("accept", "application/json")
        .with_header("content-type", "application/json")
        .with_json(serde_json::json!(body)))
}

/// Reads the answer to [`set_customer_reference_request`]: any 2xx is success, whatever its
/// body (CofaServe's is not documented).
pub fn parse_set_customer_reference(status: u16, body: &[u8]) -> Result<(), InsurerError> {
    if (200..300).contains(&status) {
        return Ok(());
    }
    parse_json::<serde::de::IgnoredAny>(status, body).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_erases() {
        let request = set_customer_reference_request("0012345678904700000", "   ").unwrap();
        assert_eq!(
            request.body.unwrap(),
            serde_json::json!({"easyNumber": "0012345678904700000", "customerReference": " "})
        );
    }

    #[test]
    fn invalid_input_is_refused() {
        assert_eq!(
            set_customer_reference_request("123", "A")
                .unwrap_err()
                .code(),
            "coface.easy_number_invalid"
        );
        assert_eq!(
            set_customer_reference_request("0012345678904700000", &"x".repeat(36)).unwrap_err(),
            CofaceRequestError::CustomerReferenceInvalid {
                reason: "customer_reference.too_long".into()
            }
        );
    }

    #[test]
    fn any_success_is_enough() {
        assert_eq!(parse_set_customer_reference(204, b""), Ok(()));
        assert_eq!(parse_set_customer_reference(200, b"not json"), Ok(()));
        assert_eq!(
            parse_set_customer_reference(404, br#"{"code":"CompanyNotFound","message":"?"}"#)
                .unwrap_err()
                .code(),
            "insurer.rejected"
        );
    }
}
