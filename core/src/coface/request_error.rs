//! Why a CofaServe request could not be built: the input breaks a CofaServe rule the core knows,
//! so nothing is sent.

use thiserror::Error;

use crate::country::Country;

/// Every code of [`CofaceRequestError::code`].
pub const CODES: &[&str] = &[
    "coface.easy_number_invalid",
    "coface.easy_number_temporary",
    "coface.id_invalid",
    "coface.date_invalid",
    "coface.product_code_invalid",
    "coface.customer_reference_invalid",
    "coface.identifier_unsupported",
    "coface.identifier_country_mismatch",
    "coface.nothing_to_search",
    "coface.region_required",
    "coface.country_mismatch",
    "coface.wrong_insurer",
    "coface.cover_type_unsupported",
    "coface.unknown_company_first_order_only",
    "coface.unknown_company_resource",
    "coface.action_unsupported",
    "coface.not_in_catalog",
    "coface.no_delivery_id",
    "coface.stop_first",
];

/// A CofaServe request the core refuses to build.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CofaceRequestError {
    /// Not an EASY number (19 digits, or `Z` + digits while temporary).
    #[error("not a Coface EASY number: {value:?}")]
    EasyNumberInvalid {
        /// The text given.
        value: String,
    },
    /// A temporary (`Z…`) EASY number where CofaServe needs an identified company (ordering,
    /// catalog, deletion): wait for the definitive number.
    #[error("{value} is a temporary EASY number: the company is still being identified")]
    EasyNumberTemporary {
        /// The temporary number.
        value: String,
    },
    /// An order, delivery or external id that cannot be a path segment or query value.
    #[error("invalid {field}: {value:?}")]
    IdInvalid {
        /// Which id (`orderId`, `deliveryId`, …).
        field: &'static str,
        /// The text given.
        value: String,
    },
    /// Not an ISO `YYYY-MM-DD` calendar date.
    #[error("invalid {field} date: {value:?}")]
    DateInvalid {
        /// Which date.
        field: &'static str,
        /// The text given.
        value: String,
    },
    /// A product code must be letters, digits, `_` or `-` (e.g. `CREDITLIMIT`).
    #[error("invalid product code: {value:?}")]
    ProductCodeInvalid {
        /// The text given.
        value: String,
    },
    /// The customer reference breaks the field rule (`customer_reference.*` code).
    #[error("invalid customer reference ({reason})")]
    CustomerReferenceInvalid {
        /// The first validation code, e.g. `customer_reference.too_long`.
        reason: String,
    },
    /// No CofaServe identifier type is known for this identifier kind (e.g. `coface.easy`,
    /// which is a key, not a legal identifier).
    #[error("CofaServe cannot search identifiers of kind {kind}")]
    IdentifierUnsupported {
        /// The kind.
        kind: String,
    },
    /// The identifier belongs to another country than the one searched.
    #[error("a {kind} identifier is not searched in {country}")]
    IdentifierCountryMismatch {
        /// The identifier's kind.
        kind: String,
        /// The country searched.
        country: Country,
    },
    /// A search with no identifier CofaServe can search and no name.
    #[error("nothing to search: give an identifier or a name")]
    NothingToSearch,
    /// A name search in a country where CofaServe needs the region (US and possessions,
    /// Canada, Australia, Danish possessions) without one.
    #[error("a name search in {country} needs the region")]
    RegionRequired {
        /// The country.
        country: Country,
    },
    /// The name query is for another country than the search.
    #[error("the name query is for {query}, the search for {search}")]
    CountryMismatch {
        /// Country of the search.
        search: Country,
        /// Country of the name query.
        query: Country,
    },
    /// The application is not addressed to Coface.
    #[error("the application is not addressed to Coface")]
    WrongInsurer,
    /// Coface is only asked for credit limits through this builder.
    #[error("Coface does not offer this cover type through CofaServe")]
    CoverTypeUnsupported,
    /// `POST /companies/unknown/products` only takes first orders (`CREA`).
    #[error("an unknown company can only be the subject of a first order (CREA)")]
    UnknownCompanyFirstOrderOnly,
    /// TopLiner and awaiting-delivery/manufacturing covers need an identified company.
    #[error("this product resource needs an identified company (EASY number)")]
    UnknownCompanyResource,
    /// The action is not one this request can carry (e.g. `DELE`, which is the DELETE
    /// resource, or a code the core does not know).
    #[error("action {action} cannot be ordered here")]
    ActionUnsupported {
        /// The action code.
        action: String,
    },
    /// The catalog of the company has no such product.
    #[error("product {product_code} is not in the catalog")]
    NotInCatalog {
        /// The product code.
        product_code: String,
    },
    /// A product is deleted by the deliveryId of its last decision; there is none (no
    /// decision yet: an order cannot be deleted before Coface answers).
    #[error("product {product_code} has no deliveryId: nothing to delete yet")]
    NoDeliveryId {
        /// The product code.
        product_code: String,
    },
    /// Monitored products (SCOREMON, ARATINGMON) are stopped (`STOP`) before being deleted.
    #[error("product {product_code} must be stopped (STOP) before it is deleted")]
    StopFirst {
        /// The product code.
        product_code: String,
    },
}

impl CofaceRequestError {
    /// Stable machine code, e.g. `coface.no_delivery_id`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::EasyNumberInvalid { .. } => "coface.easy_number_invalid",
            Self::EasyNumberTemporary { .. } => "coface.easy_number_temporary",
            Self::IdInvalid { .. } => "coface.id_invalid",
            Self::DateInvalid { .. } => "coface.date_invalid",
            Self::ProductCodeInvalid { .. } => "coface.product_code_invalid",
            Self::CustomerReferenceInvalid { .. } => "coface.customer_reference_invalid",
            Self::IdentifierUnsupported { .. } => "coface.identifier_unsupported",
            Self::IdentifierCountryMismatch { .. } => "coface.identifier_country_mismatch",
            Self::NothingToSearch => "coface.nothing_to_search",
            Self::RegionRequired { .. } => "coface.region_required",
            Self::CountryMismatch { .. } => "coface.country_mismatch",
            Self::WrongInsurer => "coface.wrong_insurer",
            Self::CoverTypeUnsupported => "coface.cover_type_unsupported",
            Self::UnknownCompanyFirstOrderOnly => "coface.unknown_company_first_order_only",
            Self::UnknownCompanyResource => "coface.unknown_company_resource",
            Self::ActionUnsupported { .. } => "coface.action_unsupported",
            Self::NotInCatalog { .. } => "coface.not_in_catalog",
            Self::NoDeliveryId { .. } => "coface.no_delivery_id",
            Self::StopFirst { .. } => "coface.stop_first",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once() {
        let samples = [
            CofaceRequestError::EasyNumberInvalid { value: "x".into() },
            CofaceRequestError::EasyNumberTemporary { value: "Z1".into() },
            CofaceRequestError::IdInvalid {
                field: "orderId",
                value: "/".into(),
            },
            CofaceRequestError::DateInvalid {
                field: "date",
                value: "x".into(),
            },
            CofaceRequestError::ProductCodeInvalid {
                value: "x y".into(),
            },
            CofaceRequestError::CustomerReferenceInvalid { reason: "r".into() },
            CofaceRequestError::IdentifierUnsupported {
                kind: "coface.easy".into(),
            },
            CofaceRequestError::IdentifierCountryMismatch {
                kind: "fr.siren".into(),
                country: Country::from_alpha2("BE").unwrap(),
            },
            CofaceRequestError::NothingToSearch,
            CofaceRequestError::RegionRequired {
                country: Country::from_alpha2("US").unwrap(),
            },
            CofaceRequestError::CountryMismatch {
                search: Country::from_alpha2("US").unwrap(),
                query: Country::from_alpha2("FR").unwrap(),
            },
            CofaceRequestError::WrongInsurer,
            CofaceRequestError::CoverTypeUnsupported,
            CofaceRequestError::UnknownCompanyFirstOrderOnly,
            CofaceRequestError::UnknownCompanyResource,
            CofaceRequestError::ActionUnsupported {
                action: "DELE".into(),
            },
            CofaceRequestError::NotInCatalog {
                product_code: "X".into(),
            },
            CofaceRequestError::NoDeliveryId {
                product_code: "X".into(),
            },
            CofaceRequestError::StopFirst {
                product_code: "SCOREMON".into(),
            },
        ];
        let codes: Vec<&str> = samples.iter().map(CofaceRequestError::code).collect();
        assert_eq!(codes, CODES);
        for error in &samples {
            assert!(!error.to_string().is_empty());
        }
    }
}
