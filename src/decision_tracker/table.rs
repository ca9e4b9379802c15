//! The rows of the tracker, kept once: each decision with its search text and country computed
//! when it arrives, so that sorting and filtering only build a permutation of row indices.

use std::collections::{HashMap, HashSet};

use tradecover_core::coface::reconcile_temporary;
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::{can_transition, Status};
use tradecover_core::{Country, Insurer};

use super::buyer_order::sort_by_buyer;
use super::column::Column;
use super::filter::{country_of, search_text};
use super::search_index::SearchIndex;
use super::view_state::ViewState;

/// What merging a decision into the table did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Merged {
    /// A new row at this index.
    Added(usize),
    /// The row at this index was replaced; its status before.
    Updated {
        /// Index of the row.
        index: usize,
        /// Its neutral status before.
        before: Option<Status>,
    },
    /// The row on a temporary Coface EASY number at this index was replaced by its definitive
    /// decision.
    Reconciled {
        /// Index of the row.
        index: usize,
        /// The temporary EASY number it had.
        temporary: String,
    },
    /// The report would take the row somewhere the lifecycle does not allow: ignored.
    Refused,
}

/// The decisions, in the order they arrived, with what filtering needs.
#[derive(Debug, Default)]
pub struct DecisionTable {
    rows: Vec<Decision>,
    search: SearchIndex,
    countries: Vec<Option<Country>>,
    /// Lower-case buyer names (sorting by buyer compares these, allocating nothing).
    names: Vec<String>,
    /// Where each (insurer, id) is, so that merging a decision does not scan the rows.
    ids: HashMap<(Insurer, String), usize>,
}

impl DecisionTable {
    /// How many rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// The row at `index`.
    pub fn get(&self, index: usize) -> Option<&Decision> {
        self.rows.get(index)
    }

    /// Every row, in arrival order.
    pub fn rows(&self) -> &[Decision] {
        &self.rows
    }

    /// Adds rows as they are (a portfolio page). Into an empty table the page's vector becomes
    /// the rows as it is: 100,000 decisions are never held twice (linear memory keeps its
    /// high-water mark), and every column is reserved once rather than grown.
    pub fn extend(&mut self, rows: Vec<Decision>) {
        self.reserve(rows.len());
        if self.rows.is_empty() {
            for (index, row) in rows.iter().enumerate() {
                self.index(row, index);
            }
            self.rows = rows;
        } else {
            self.rows.reserve(rows.len());
            for row in rows {
                self.push(row);
            }
        }
    }

    fn reserve(&mut self, additional: usize) {
        self.search.reserve(additional);
        self.countries.reserve(additional);
        self.names.reserve(additional);
        self.ids.reserve(additional);
    }

    fn push(&mut self, row: Decision) -> usize {
        let index = self.rows.len();
        self.index(&row, index);
        self.rows.push(row);
        index
    }

    /// Computes the columns of `row`, the row at `index` (the next one).
    fn index(&mut self, row: &Decision, index: usize) {
        self.search.push(&search_text(row));
        self.countries.push(country_of(row));
        self.names.push(sort_name(row));
        self.ids
            .entry((row.insurer, row.id.clone()))
            .or_insert(index);
    }

    fn set(&mut self, index: usize, row: Decision) {
        if let Some(slot) = self.rows.get_mut(index) {
            self.search.replace(index, &search_text(&row));
            self.countries[index] = country_of(&row);
            self.names[index] = sort_name(&row);
            if slot.id != row.id || slot.insurer != row.insurer {
                if self.ids.get(&(slot.insurer, slot.id.clone())) == Some(&index) {
                    self.ids.remove(&(slot.insurer, slot.id.clone()));
                }
                self.ids
                    .entry((row.insurer, row.id.clone()))
                    .or_insert(index);
            }
            *slot = row;
        }
    }

    /// The index of the row of `insurer` with id `id`.
    pub fn position(&self, insurer: Insurer, id: &str) -> Option<usize> {
        self.ids.get(&(insurer, id.to_owned())).copied()
    }

    /// Merges a decision reported later (a live event, the cover form, a poll): replaces the
    /// row with the same insurer and id when the lifecycle allows the change, replaces a row on
    /// a temporary Coface EASY number it answers (the core's reconciliation) or the Coface row
    /// of the same order, else adds it.
    pub fn merge(&mut self, decision: Decision) -> Merged {
        if let Some(index) = self.position(decision.insurer, &decision.id) {
            return self.replace(index, decision);
        }
        if let Some(reconciliation) = reconcile_temporary(&self.rows, &decision) {
            let index = reconciliation.index;
            let temporary = reconciliation.temporary_easy_number.clone();
            self.set(index, reconciliation.decision);
            return Merged::Reconciled { index, temporary };
        }
        if let Some(index) = self.same_order(&decision) {
            return self.replace(index, decision);
        }
        Merged::Added(self.push(decision))
    }

    /// Replaces the row at `index` when the lifecycle allows going to the new status.
    fn replace(&mut self, index: usize, decision: Decision) -> Merged {
        let before = self.rows[index].status.status;
        if let (Some(from), Some(to)) = (before, decision.status.status) {
            if !can_transition(from, to) {
                return Merged::Refused;
            }
        }
        self.set(index, decision);
        Merged::Updated { index, before }
    }

    /// The Coface row of the same order: a pending order is keyed by its orderId, its decision
    /// by the deliveryId, and both carry the orderId.
    fn same_order(&self, decision: &Decision) -> Option<usize> {
        let order = decision.order_id.as_deref().map(str::trim)?;
        if decision.insurer != Insurer::Coface || order.is_empty() {
            return None;
        }
        self.rows.iter().position(|row| {
            row.insurer == Insurer::Coface
                && (row.order_id.as_deref().map(str::trim) == Some(order) || row.id == order)
        })
    }

    /// The indices of the rows `view` shows, in its order.
    pub fn view(&self, view: &ViewState) -> Vec<u32> {
        let filter = &view.filter;
        let mut indices = self.containing(&filter.words());
        if !filter.is_empty() {
            indices.retain(|&index| {
                let index = index as usize;
                filter.matches_fields(&self.rows[index], self.countries[index])
            });
        }
        let Some(column) = view.sort else {
            return indices;
        };
        if column == Column::Buyer {
            return sort_by_buyer(&indices, &self.names, &self.rows, view.descending);
        }
        // Unstable (faster, in place) with the arrival order as the last key: equal rows stay
        // in arrival order in both directions, as a stable sort would keep them.
        let direction = |order: std::cmp::Ordering| {
            if view.descending {
                order.reverse()
            } else {
                order
            }
        };
        indices.sort_unstable_by(|&a, &b| {
            direction(column.compare(&self.rows[a as usize], &self.rows[b as usize]))
                .then(a.cmp(&b))
        });
        indices
    }

    /// The rows whose search text holds every word, in arrival order: the longest word is
    /// searched over the whole table, the others in its rows only.
    fn containing(&self, words: &[String]) -> Vec<u32> {
        let Some(longest) = words.iter().max_by_key(|word| word.len()) else {
            return (0..self.rows.len() as u32).collect();
        };
        let mut rows = self.search.rows_containing(longest);
        if !rows.is_sorted() {
            rows.sort_unstable();
        }
        if words.len() > 1 {
            rows.retain(|&row| {
                let text = self.search.row_text(row as usize);
                words.iter().all(|word| text.contains(word.as_str()))
            });
        }
        rows
    }

    /// The countries of the buyers, each once, for the country filter.
    pub fn countries(&self) -> Vec<Country> {
        let distinct: HashSet<Country> = self.countries.iter().flatten().copied().collect();
        let mut countries: Vec<Country> = distinct.into_iter().collect();
        countries.sort_by_key(|country| country.alpha2());
        countries
    }

    /// The products, each once, for the product filter.
    pub fn products(&self) -> Vec<String> {
        let mut products: Vec<String> = Vec::new();
        for row in &self.rows {
            if !row.product.is_empty() && !products.contains(&row.product) {
                products.push(row.product.clone());
            }
        }
        products.sort();
        products
    }
}

/// The lower-case buyer name a row sorts by; rows without a name sort last.
fn sort_name(row: &Decision) -> String {
    row.buyer_name
        .as_deref()
        .map(str::to_lowercase)
        .unwrap_or_else(|| "\u{10ffff}".to_owned())
}

#[cfg(test)]
mod tests {
    use super::super::filter::TrackerFilter;
    use super::super::test_decision::decision;
    use super::*;
    use tradecover_core::lifecycle::{RawStatus, StatusReport};

    fn row(id: &str, name: &str) -> Decision {
        Decision {
            buyer_name: Some(name.to_owned()),
            product: "CreditLimit".to_owned(),
            status: StatusReport {
                status: None,
                raw: RawStatus::new("allianz_trade.cover", "Agreement"),
            },
            ..decision(Insurer::AllianzTrade, id, &format!("B-{id}"))
        }
    }

    fn sorted(table: &DecisionTable, sort: Column, descending: bool) -> Vec<u32> {
        table.view(&ViewState {
            sort: Some(sort),
            descending,
            filter: TrackerFilter::default(),
        })
    }

    #[test]
    fn equal_rows_keep_their_arrival_order_in_both_directions() {
        let mut table = DecisionTable::default();
        table.extend(vec![
            row("1", "beta"),
            row("2", "Alpha"),
            row("3", "beta"),
            row("4", "gamma"),
            row("5", "alpha"),
        ]);
        // Insurer: every row equal.
        assert_eq!(sorted(&table, Column::Insurer, false), [0, 1, 2, 3, 4]);
        assert_eq!(sorted(&table, Column::Insurer, true), [0, 1, 2, 3, 4]);
        // Buyer: by lower-case name, then buyer id; descending reverses the keys only.
        assert_eq!(sorted(&table, Column::Buyer, false), [1, 4, 0, 2, 3]);
        assert_eq!(sorted(&table, Column::Buyer, true), [3, 2, 0, 4, 1]);
    }

    fn filtered(table: &DecisionTable, text: &str) -> Vec<u32> {
        table.view(&ViewState {
            sort: None,
            descending: false,
            filter: TrackerFilter {
                text: text.to_owned(),
                ..TrackerFilter::default()
            },
        })
    }

    #[test]
    fn names_sharing_their_first_eight_bytes_sort_by_the_rest() {
        let mut table = DecisionTable::default();
        table.extend(vec![
            row("1", "Établissements Martin"),
            row("2", "établissements martel"),
            row("3", "Etablissements Z"),
            row("4", "établissements"),
            row("5", "établissements martin"),
        ]);
        // Lower-case byte order: "etab…" < "étab…" (0xC3); the prefix "établissements" first.
        assert_eq!(sorted(&table, Column::Buyer, false), [2, 3, 1, 0, 4]);
        assert_eq!(sorted(&table, Column::Buyer, true), [4, 0, 1, 3, 2]);
    }

    #[test]
    fn the_free_text_keeps_rows_holding_every_word_in_arrival_order() {
        let mut table = DecisionTable::default();
        table.extend(vec![
            row("1", "Acme Industries"),
            row("2", "Beta Trading"),
            row("3", "Acme Trading"),
            row("4", "Gamma"),
        ]);
        assert_eq!(filtered(&table, "acme"), [0, 2]);
        assert_eq!(filtered(&table, " TRADING  acme "), [2]);
        assert_eq!(filtered(&table, "b-3"), [2]);
        assert_eq!(filtered(&table, "zeta"), Vec::<u32>::new());
        // A live update replaces the row's text.
        let mut renamed = row("1", "Zeta Trading");
        renamed.status = table.rows()[0].status.clone();
        table.merge(renamed);
        assert_eq!(filtered(&table, "acme"), [2]);
        assert_eq!(filtered(&table, "trading"), [0, 1, 2]);
    }

    #[test]
    fn pages_added_to_an_empty_and_to_a_filled_table_are_found_alike() {
        let mut table = DecisionTable::default();
        table.extend(vec![
            row("1", "Acme"),
            row("2", "Beta"),
            row("1", "Acme bis"),
        ]);
        table.extend(vec![row("3", "Gamma"), row("2", "Beta bis")]);
        assert_eq!(table.len(), 5);
        // The first row of an id keeps it, whichever page brought the second.
        assert_eq!(table.position(Insurer::AllianzTrade, "1"), Some(0));
        assert_eq!(table.position(Insurer::AllianzTrade, "2"), Some(1));
        assert_eq!(table.position(Insurer::AllianzTrade, "3"), Some(3));
        assert_eq!(filtered(&table, "bis"), [2, 4]);
        assert_eq!(sorted(&table, Column::Buyer, false), [0, 2, 1, 4, 3]);
    }
}
