//! The products of the sandbox's CofaServe contract: what the catalog offers, through which
//! order resource each is ordered, and on which notification topic its changes are pushed
//! (topics as the seed lists them; ARATINGMON, which no topic lists, is pushed on `scoring`
//! with the other score products).

/// How a product behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ProductKind {
    /// A cover with an amount, decided by [`crate::underwriting`].
    Cover,
    /// A report delivered at once (`DELIVERED`), without amount.
    Report,
    /// A monitored score: delivered at once, monitored until stopped (`STOP`), deleted only
    /// once stopped.
    Monitored,
}

/// The order resource a product is ordered through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Resource {
    /// `POST /companies/{easyNumber}/products` (and `/companies/unknown/products`).
    Products,
    /// `POST /companies/{easyNumber}/products/topliner`.
    TopLiner,
    /// `POST /companies/{easyNumber}/products/awaitingdeliveries-manufacturing`: an
    /// awaiting-delivery or manufacturing cover on a cover product.
    AwaitingDeliveriesManufacturing,
}

/// One product of the contract.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Product {
    /// CofaServe product code.
    pub(crate) code: &'static str,
    /// Label shown in the catalog.
    pub(crate) label: &'static str,
    /// Behaviour.
    pub(crate) kind: ProductKind,
    /// Notification topic of its changes.
    pub(crate) topic: &'static str,
    /// Whether `CHANGE` may turn it into another changeable cover (and another into it).
    pub(crate) changeable: bool,
}

/// Every product the sandbox contract allows, in catalog order.
pub(crate) const PRODUCTS: &[Product] = &[
    Product {
        code: "CREDITLIMIT",
        label: "Credit limit",
        kind: ProductKind::Cover,
        topic: "credit_insurance_cover",
        changeable: true,
    },
    Product {
        code: "ECL",
        label: "Express credit limit",
        kind: ProductKind::Cover,
        topic: "credit_insurance_cover",
        changeable: true,
    },
    Product {
        code: "CCO",
        label: "Customised credit opinion",
        kind: ProductKind::Cover,
        topic: "coface_opinion",
        changeable: true,
    },
    Product {
        code: "TOPLINER",
        label: "TopLiner",
        kind: ProductKind::Cover,
        topic: "credit_insurance_special_cover",
        changeable: false,
    },
    Product {
        code: "SCORECHECK",
        label: "DRA",
        kind: ProductKind::Report,
        topic: "scoring",
        changeable: false,
    },
    Product {
        code: "SCOREMON",
        label: "DRA monitored",
        kind: ProductKind::Monitored,
        topic: "scoring",
        changeable: false,
    },
    Product {
        code: "ARATINGMON",
        label: "@rating monitored",
        kind: ProductKind::Monitored,
        topic: "scoring",
        changeable: false,
    },
];

/// The product TopLiner tops up: TOPLINER is ordered only while it is in force.
pub(crate) const TOPLINER_BASE: &str = "CREDITLIMIT";

/// The product with code `code` (any case).
pub(crate) fn product(code: &str) -> Option<&'static Product> {
    PRODUCTS
        .iter()
        .find(|product| product.code.eq_ignore_ascii_case(code.trim()))
}

impl Product {
    /// Whether `resource` takes orders of this product: TopLiner only through its own
    /// resource; awaiting-delivery / manufacturing covers only on changeable covers.
    pub(crate) fn ordered_through(&self, resource: Resource) -> bool {
        match resource {
            Resource::TopLiner => self.code == "TOPLINER",
            Resource::Products => self.code != "TOPLINER",
            Resource::AwaitingDeliveriesManufacturing => self.changeable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_found_in_any_case() {
        for (i, p) in PRODUCTS.iter().enumerate() {
            assert!(PRODUCTS[..i].iter().all(|q| q.code != p.code));
            assert_eq!(product(&p.code.to_lowercase()), Some(p));
        }
        assert_eq!(product("NOPE"), None);
        let topliner = product("TOPLINER").unwrap();
        assert!(topliner.ordered_through(Resource::TopLiner));
        assert!(!topliner.ordered_through(Resource::Products));
        assert!(product("ECL")
            .unwrap()
            .ordered_through(Resource::AwaitingDeliveriesManufacturing));
    }
}
