//! Which decisions the tracker shows: by status, country, insurer, product, application date
//! range and free text.

use tradecover_core::decision::Decision;
use tradecover_core::{Country, Insurer};

use super::status_kind::StatusKind;

/// The filters; each `None` (or empty text) lets every row through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrackerFilter {
    /// Words that must all appear in the row's buyer, identifiers, product, reference or ids
    /// (case-insensitive).
    pub text: String,
    /// Only this status group.
    pub status: Option<StatusKind>,
    /// Only this insurer.
    pub insurer: Option<Insurer>,
    /// Only buyers of this country.
    pub country: Option<Country>,
    /// Only this product (as the insurer names it, case-insensitive).
    pub product: Option<String>,
    /// Applied on or after this ISO date.
    pub applied_from: Option<String>,
    /// Applied on or before this ISO date.
    pub applied_to: Option<String>,
}

impl TrackerFilter {
    /// The free text's words, lower case: computed once per view, not once per row.
    pub fn words(&self) -> Vec<String> {
        self.text
            .to_lowercase()
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    }

    /// Whether `row` passes every filter but the free text, `country` being its buyer's
    /// country (from the first identifier naming one). The free text is matched over the whole
    /// table at once (`SearchIndex`), in the lower-case text `search_text` makes.
    pub fn matches_fields(&self, row: &Decision, country: Option<Country>) -> bool {
        if let Some(status) = self.status {
            if StatusKind::of(row.status.status) != status {
                return false;
            }
        }
        if self.insurer.is_some_and(|insurer| insurer != row.insurer) {
            return false;
        }
        if self.country.is_some() && self.country != country {
            return false;
        }
        if let Some(product) = &self.product {
            if !row.product.eq_ignore_ascii_case(product.trim()) {
                return false;
            }
        }
        let applied = row.applied_on.as_deref();
        if let Some(from) = &self.applied_from {
            if applied.is_none_or(|applied| applied < from.as_str()) {
                return false;
            }
        }
        if let Some(to) = &self.applied_to {
            if applied.is_none_or(|applied| applied > to.as_str()) {
                return false;
            }
        }
        true
    }

    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The lower-case text a row is searched in: buyer name and id, identifiers, product, customer
/// reference, the insurer's ids and its raw status code.
pub fn search_text(row: &Decision) -> String {
    let mut text = String::new();
    let mut add = |part: &str| {
        if !part.is_empty() {
            text.push_str(&part.to_lowercase());
            text.push('\u{1f}');
        }
    };
    add(row.buyer_name.as_deref().unwrap_or_default());
    add(&row.buyer_id);
    for identifier in &row.buyer_identifiers {
        add(&identifier.value);
    }
    add(&row.product);
    add(row.customer_reference.as_deref().unwrap_or_default());
    add(&row.id);
    add(row.order_id.as_deref().unwrap_or_default());
    add(&row.status.raw.code);
    text
}

/// The buyer's country, from the first identifier whose kind names one (`fr.siren` → FR).
pub fn country_of(row: &Decision) -> Option<Country> {
    row.buyer_identifiers.iter().find_map(|identifier| {
        let (prefix, _) = identifier.kind.split_once('.')?;
        (prefix.len() == 2)
            .then(|| Country::parse(prefix).ok())
            .flatten()
    })
}
