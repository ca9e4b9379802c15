//! The contract's book: every order made on the sandbox's CofaServe contract, the customer
//! references set on companies, the EASY numbers Coface gave companies it identified after an
//! unknown-company order, the log of pushed notifications and the idempotency records.

use super::idempotency::IdempotencyStore;
use super::order_line::{Delivery, OrderLine};
use super::push::NotificationLog;
use crate::dataset::{Company, Dataset};
use crate::easy;
use std::collections::{BTreeMap, HashMap};

/// First 12-digit identifier tried for EASY numbers given to companies Coface identifies
/// (companies the data set holds without EASY number); the next free one is taken.
const ASSIGNED_IDENTIFIER_BASE: u64 = 900_000_000_000;

/// Mutable state of the contract.
#[derive(Debug, Default)]
pub(crate) struct Book {
    /// Every order, oldest first.
    pub(crate) lines: Vec<OrderLine>,
    /// Customer references by EASY number (definitive or temporary).
    pub(crate) references: BTreeMap<String, String>,
    /// EASY numbers given to data-set companies that had none, by company index.
    assigned: HashMap<usize, String>,
    /// The same, by EASY number.
    assigned_by_easy: HashMap<String, usize>,
    /// Notifications pushed, for replays.
    pub(crate) log: NotificationLog,
    /// Orders by `Idempotency-Key`.
    pub(crate) idempotency: IdempotencyStore,
    orders_made: u64,
    deliveries_made: u64,
    temporaries_made: u64,
}

/// What an EASY number in a path designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Designated {
    /// A company of the data set Coface knows (index).
    Company(usize),
    /// A temporary number of an unknown-company order not yet identified.
    Temporary,
    /// Nothing.
    Nothing,
}

impl Book {
    /// A new order id: `ORD-` and eight digits.
    pub(crate) fn next_order_id(&mut self) -> String {
        self.orders_made += 1;
        format!("ORD-{:08}", self.orders_made)
    }

    /// A new delivery: (`deliveryId` `DLV-…`, `externalId` `EXT-…`).
    pub(crate) fn next_delivery_ids(&mut self) -> (String, String) {
        self.deliveries_made += 1;
        let n = self.deliveries_made;
        (format!("DLV-{n:08}"), format!("EXT-{n:08}"))
    }

    /// A new temporary EASY number: `Z` and twelve digits.
    pub(crate) fn next_temporary(&mut self) -> String {
        self.temporaries_made += 1;
        format!("Z{:012}", self.temporaries_made)
    }

    /// What `easy` designates: a data-set company known to Coface (or identified since), a
    /// pending temporary number, or nothing.
    pub(crate) fn designated(&self, dataset: &Dataset, easy: &str) -> Designated {
        if let Some(company) = dataset.by_easy_number(easy) {
            return Designated::Company(company.index());
        }
        if let Some(index) = self.assigned_by_easy.get(easy) {
            return Designated::Company(*index);
        }
        if easy.starts_with('Z') && self.lines.iter().any(|line| line.concerns(easy)) {
            return Designated::Temporary;
        }
        Designated::Nothing
    }

    /// The definitive EASY number of a company identified by Coface: its own, else one given
    /// now (the next free 12-digit identifier from 900000000000 with the sandbox's check
    /// digits, head-office suffix), remembered.
    pub(crate) fn easy_for(&mut self, dataset: &Dataset, company: &Company) -> String {
        if let Some(easy) = company.easy_number() {
            return easy.to_owned();
        }
        if let Some(easy) = self.assigned.get(&company.index()) {
            return easy.clone();
        }
        let mut identifier = ASSIGNED_IDENTIFIER_BASE + self.assigned.len() as u64;
        let easy = loop {
            let candidate = easy::head_office(identifier);
            if dataset.by_easy_number(&candidate).is_none()
                && !self.assigned_by_easy.contains_key(&candidate)
            {
                break candidate;
            }
            identifier += 1;
        };
        self.assigned.insert(company.index(), easy.clone());
        self.assigned_by_easy.insert(easy.clone(), company.index());
        easy
    }

    /// The EASY number of a company as Coface knows it now, if it does.
    pub(crate) fn known_easy(&self, company: &Company) -> Option<String> {
        company
            .easy_number()
            .map(str::to_owned)
            .or_else(|| self.assigned.get(&company.index()).cloned())
    }

    /// The EASY number given to a company the data set holds without one, once identified.
    pub(crate) fn assigned_easy(&self, company: &Company) -> Option<&str> {
        self.assigned.get(&company.index()).map(String::as_str)
    }

    /// Index of the last order of `product_code` on the company `easy`.
    pub(crate) fn current_index(&self, easy: &str, product_code: &str) -> Option<usize> {
        self.lines
            .iter()
            .rposition(|line| line.concerns(easy) && line.product.code == product_code)
    }

    /// The last order of `product_code` on the company `easy`.
    pub(crate) fn current(&self, easy: &str, product_code: &str) -> Option<&OrderLine> {
        self.current_index(easy, product_code)
            .and_then(|i| self.lines.get(i))
    }

    /// The last delivery of `product_code` on `easy`, with the order that brought it.
    pub(crate) fn last_delivery(
        &self,
        easy: &str,
        product_code: &str,
    ) -> Option<(&OrderLine, &Delivery)> {
        self.lines
            .iter()
            .rev()
            .filter(|line| line.concerns(easy) && line.product.code == product_code)
            .find_map(|line| line.delivery.as_ref().map(|delivery| (line, delivery)))
    }

    /// The customer reference set on `easy`.
    pub(crate) fn reference(&self, easy: &str) -> Option<&str> {
        self.references.get(easy).map(String::as_str)
    }
}
