//! Delivery details — the full answer to a request:
//! `GET /companies/{easyNumber}/products/deliveries/{deliveryIdOrExternalId}`.

use super::path;
use super::product_state::{to_decision, CompanyFacts, LineRules};
use super::request_error::CofaceRequestError;
use super::response::parse_json;
use super::wire::ProductStateBody;
use crate::decision::Decision;
use crate::http_request::{HttpRequest, Method};
use crate::insurer_error::InsurerError;

/// Path pattern of delivery details.
pub const DELIVERY_DETAILS_PATH: &str =
    "/companies/{easyNumber}/products/deliveries/{deliveryIdOrExternalId}";

/// The request for a delivery's details, by deliveryId or by externalId (the number
/// notifications give).
pub fn delivery_details_request(
    easy_number: &str,
    delivery_id_or_external_id: &str,
) -> Result<HttpRequest, CofaceRequestError> {
    let easy = path::easy_number(easy_number)?;
    let id = path::id("deliveryIdOrExternalId", delivery_id_or_external_id)?;
    Ok(HttpRequest::new(
        Method::Get,
        format!("/companies/{easy}/products/deliveries/{id}"),
    )
    .with_header("accept", "application/json"))
}

/// Parses delivery details into a [`Decision`] (status: the delivery status; a code this
/// version does not know is kept raw). The answer must name the company (`easyNumber`), the
/// delivery (`deliveryId`, or at least `orderId`) and the product (`productCode`).
pub fn parse_delivery_details(status: u16, body: &[u8]) -> Result<Decision, InsurerError> {
    let line: ProductStateBody = parse_json(status, body)?;
    let rules = LineRules {
        product_required: true,
        status_if_absent: None,
    };
    to_decision(line, &CompanyFacts::default(), rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_request() {
        let request = delivery_details_request("0012345678904700000", "EXT.2024-1").unwrap();
        assert_eq!(
            request.path,
            "/companies/0012345678904700000/products/deliveries/EXT.2024-1"
        );
        assert_eq!(
            delivery_details_request("0012345678904700000", "")
                .unwrap_err()
                .code(),
            "coface.id_invalid"
        );
    }
}
