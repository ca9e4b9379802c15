//! Ordering or updating a product: `POST /companies/{easyNumber}/products`, its TopLiner and
//! awaiting-delivery / manufacturing siblings, and — only for a first order on a company
//! Coface could not be found under — `POST /companies/unknown/products`.
//!
//! The answer is read by [`parse_order_response`](super::order::parse_order_response).

use serde::{Deserialize, Serialize};

use super::amount::to_wire_number;
use super::catalog::ActionCode;
use super::identifier_types::wire_identifier_type;
use super::path;
use super::request_error::CofaceRequestError;
use super::wire::{AddressOut, LegalIdentifierOut, OrderBody, UnknownCompanyBody};
use crate::cover_application::{ApplicationBuyer, CoverApplication, CoverType};
use crate::http_request::{HttpRequest, Method};
use crate::insurer::Insurer;

/// Path pattern of the order or update of most products.
pub const PRODUCTS_PATH: &str = "/companies/{easyNumber}/products";
/// Path pattern of the TopLiner order.
pub const TOPLINER_PATH: &str = "/companies/{easyNumber}/products/topliner";
/// Path pattern of the "awaiting delivery" (pending / binding order) and manufacturing
/// (pre-shipment) covers.
pub const AWAITING_DELIVERIES_MANUFACTURING_PATH: &str =
    "/companies/{easyNumber}/products/awaitingdeliveries-manufacturing";
/// Path of a first order on a company without EASY number.
pub const UNKNOWN_COMPANY_PRODUCTS_PATH: &str = "/companies/unknown/products";

/// Which CofaServe resource takes the order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum ProductResource {
    /// `POST …/products`: most products.
    #[default]
    Products,
    /// `POST …/products/topliner`: TopLiner.
    TopLiner,
    /// `POST …/products/awaitingdeliveries-manufacturing`: awaiting-delivery or manufacturing
    /// cover.
    AwaitingDeliveriesManufacturing,
}

impl ProductResource {
    fn suffix(self) -> &'static str {
        match self {
            Self::Products => "",
            Self::TopLiner => "/topliner",
            Self::AwaitingDeliveriesManufacturing => "/awaitingdeliveries-manufacturing",
        }
    }
}

/// The order of `product_code` with `action` (`CREA`, `UPDT` or `CHANGE`) for a validated
/// application: the amount (major units) and currency, the customer reference and comment.
/// A known buyer (EASY number) goes to `resource`; an unknown one to
/// `POST /companies/unknown/products` with every identification detail (name, address,
/// legal identifiers, phone).
///
/// Errors: the application is not for Coface or not a credit limit; the action is `STOP` (use
/// [`stop_request`]), `DELE` (use the DELETE resource) or unknown; a temporary EASY number;
/// for an unknown company, an action other than `CREA` or a resource other than
/// [`ProductResource::Products`]; an invalid product code.
pub fn order_request(
    application: &CoverApplication,
    product_code: &str,
    action: &ActionCode,
    resource: ProductResource,
) -> Result<HttpRequest, CofaceRequestError> {
    if application.insurer != Insurer::Coface {
        return Err(CofaceRequestError::WrongInsurer);
    }
    if application.cover_type != CoverType::CreditLimit {
        return Err(CofaceRequestError::CoverTypeUnsupported);
    }
    if !matches!(
        action,
        ActionCode::Crea | ActionCode::Updt | ActionCode::Change
    ) {
        return Err(CofaceRequestError::ActionUnsupported {
            action: action.as_str().to_owned(),
        });
    }
    let product_code = path::product_code(product_code)?;
    let mut body = OrderBody {
        product_code: &product_code,
        action_code: action.as_str(),
        amount: Some(to_wire_number(application.amount)),
        currency_code: Some(application.amount.currency.code()),
        customer_reference: application.customer_reference.as_deref(),
        comment: application.comment.as_deref(),
        company: None,
    };
    let path = match &application.buyer {
        ApplicationBuyer::Known { insurer_id } => {
            let easy = path::definitive_easy_number(insurer_id)?;
            format!("/companies/{easy}/products{}", resource.suffix())
        }
        ApplicationBuyer::Unknown {
            name,
            address,
            identifiers,
            phone,
        } => {
            if resource != ProductResource::Products {
                return Err(CofaceRequestError::UnknownCompanyResource);
            }
            if *action != ActionCode::Crea {
                return Err(CofaceRequestError::UnknownCompanyFirstOrderOnly);
            }
            let legal_identifiers = identifiers
                .iter()
                .filter_map(|identifier| {
                    let identifier_type = wire_identifier_type(identifier).ok()?;
                    Some(LegalIdentifierOut {
                        identifier_type,
                        identifier_value: identifier.value.clone(),
                    })
                })
                .collect();
            body.company = Some(UnknownCompanyBody {
                company_name: name,
                address: AddressOut {
                    street_address: address.street.as_deref(),
                    postal_code: address.postcode.as_deref(),
                    town: address.town.as_deref(),
                    region: address.region.as_deref(),
                    country_code: address.country.alpha3(),
                },
                legal_identifiers,
                phone_number: phone.as_deref(),
            });
            UNKNOWN_COMPANY_PRODUCTS_PATH.to_owned()
        }
    };
    Ok(json_post(path, &body))
}

/// The order stopping the monitoring of a score product (`actionCode` `STOP`), e.g. before
/// deleting a SCOREMON or ARATINGMON product.
pub fn stop_request(
    easy_number: &str,
    product_code: &str,
) -> Result<HttpRequest, CofaceRequestError> {
    let easy = path::definitive_easy_number(easy_number)?;
    let product_code = path::product_code(product_code)?;
    let body = OrderBody {
        product_code: &product_code,
        action_code: ActionCode::Stop.as_str(),
        amount: None,
        currency_code: None,
        customer_reference: None,
        comment: None,
        company: None,
    };
    Ok(json_post(format!("/companies/{easy}/products"), &body))
}

fn json_post(path: String, body: &OrderBody<'_>) -> HttpRequest {
    HttpRequest::new(Method::Post, path)
        .with_header("accept", "application/json")
        .with_header("content-type", "application/json")
        .with_json(serde_json::json!(body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buyer::{Address, Identifier};
    use crate::country::Country;
    use crate::currency::Currency;
    use crate::money::Money;

    fn application(buyer: ApplicationBuyer) -> CoverApplication {
        CoverApplication {
            insurer: Insurer::Coface,
            buyer,
            cover_type: CoverType::CreditLimit,
            amount: Money::from_minor(5_000_000, Currency::EUR),
            customer_reference: None,
            urgent: false,
            policy: None,
            comment: None,
            callback: None,
            idempotency_key: "key-12345678".into(),
        }
    }

    fn known() -> CoverApplication {
        application(ApplicationBuyer::Known {
            insurer_id: "0012345678904700000".into(),
        })
    }

    fn unknown() -> CoverApplication {
        application(ApplicationBuyer::Unknown {
            name: "Acme".into(),
            address: Address {
                street: None,
                postcode: None,
                town: Some("Lyon".into()),
                region: None,
                country: Country::from_alpha2("FR").unwrap(),
            },
            identifiers: vec![Identifier {
                kind: "coface.easy".into(),
                value: "1".into(),
            }],
            phone: None,
        })
    }

    #[test]
    fn resources_have_their_paths() {
        let path = |resource| {
            order_request(&known(), "CREDITLIMIT", &ActionCode::Updt, resource)
                .unwrap()
                .path
        };
        assert_eq!(
            path(ProductResource::Products),
            "/companies/0012345678904700000/products"
        );
        assert_eq!(
            path(ProductResource::TopLiner),
            "/companies/0012345678904700000/products/topliner"
        );
        assert_eq!(
            path(ProductResource::AwaitingDeliveriesManufacturing),
            "/companies/0012345678904700000/products/awaitingdeliveries-manufacturing"
        );
    }

    #[test]
    fn refusals() {
        let code = |application: &CoverApplication, action: ActionCode, resource| {
            order_request(application, "CREDITLIMIT", &action, resource)
                .unwrap_err()
                .code()
        };
        let products = ProductResource::Products;
        assert_eq!(
            code(&known(), ActionCode::Stop, products),
            "coface.action_unsupported"
        );
        assert_eq!(
            code(&known(), ActionCode::Dele, products),
            "coface.action_unsupported"
        );
        assert_eq!(
            code(&known(), ActionCode::Other("MOVE".into()), products),
            "coface.action_unsupported"
        );
        assert_eq!(
            code(&unknown(), ActionCode::Updt, products),
            "coface.unknown_company_first_order_only"
        );
        assert_eq!(
            code(&unknown(), ActionCode::Crea, ProductResource::TopLiner),
            "coface.unknown_company_resource"
        );
        let mut other = known();
        other.insurer = Insurer::Atradius;
        assert_eq!(
            code(&other, ActionCode::Crea, products),
            "coface.wrong_insurer"
        );
        let mut check = known();
        check.cover_type = CoverType::CreditCheck;
        assert_eq!(
            code(&check, ActionCode::Crea, products),
            "coface.cover_type_unsupported"
        );
        let temporary = application(ApplicationBuyer::Known {
            insurer_id: "Z77".into(),
        });
        assert_eq!(
            code(&temporary, ActionCode::Updt, products),
            "coface.easy_number_temporary"
        );
    }

    #[test]
    fn unknown_companies_leave_out_keys_that_are_not_legal_identifiers() {
        let request = order_request(
            &unknown(),
            "CREDITLIMIT",
            &ActionCode::Crea,
            ProductResource::Products,
        )
        .unwrap();
        assert_eq!(request.path, "/companies/unknown/products");
        let body = request.body.unwrap();
        assert_eq!(body["company"]["legalIdentifiers"], serde_json::json!([]));
        assert_eq!(
            body["company"]["address"],
            serde_json::json!({"town": "Lyon", "countryCode": "FRA"})
        );
    }

    #[test]
    fn stop_orders() {
        let request = stop_request("0012345678904700000", "scoremon").unwrap();
        assert_eq!(request.method, Method::Post);
        assert_eq!(
            request.body.unwrap(),
            serde_json::json!({"productCode": "SCOREMON", "actionCode": "STOP"})
        );
    }
}
