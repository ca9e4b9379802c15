//! How Coface identifies the company of an unknown-company order (`POST
//! /companies/unknown/products`) once the identification delay has passed:
//!
//! 1. a legal identifier given in the order that a company of the data set in the order's
//!    country holds (compared without blanks or punctuation, any case) — the head office of an
//!    establishment found that way;
//! 2. else a head office of that country with exactly the same name (as [`normalize`] sees it);
//! 3. else, deterministically, one of the head offices of that country that Coface did not
//!    know (the sandbox's stand-in for a company Coface adds to its database): the
//!    `sequence`-th, cycling.
//!
//! The company then gets its definitive EASY number ([`Book::easy_for`]).

use super::book::Book;
use super::order_line::ClaimedCompany;
use crate::country::Country;
use crate::dataset::{Company, Dataset};
use crate::identifiers::IdentifierType;
use crate::normalize::normalize;

fn compact(value: &str) -> String {
    value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn head_office<'d>(dataset: &'d Dataset, company: &'d Company) -> &'d Company {
    dataset.head_office_of(company).unwrap_or(company)
}

/// The data-set company Coface identifies for an order on `name` in `country` with what the
/// customer claimed; `None` only if the country has no head office at all.
pub(crate) fn identify<'d>(
    dataset: &'d Dataset,
    book: &Book,
    claimed: &ClaimedCompany,
    name: &str,
    country: Country,
    sequence: usize,
) -> Option<&'d Company> {
    let companies = dataset.in_country(country);
    for (kind, value) in &claimed.identifiers {
        let Some(kind) = IdentifierType::from_code(kind).filter(|k| k.country() == country) else {
            continue;
        };
        let wanted = compact(value);
        if wanted.is_empty() {
            continue;
        }
        let found = companies.iter().find(|company| {
            company
                .identifier(kind)
                .is_some_and(|v| compact(v) == wanted)
        });
        if let Some(company) = found {
            return Some(head_office(dataset, company));
        }
    }
    let wanted = normalize(name);
    if !wanted.is_empty() {
        let same_name = companies
            .iter()
            .find(|company| company.is_head_office() && company.normalized_name() == wanted);
        if same_name.is_some() {
            return same_name;
        }
    }
    let unknown: Vec<&Company> = companies
        .iter()
        .filter(|c| c.is_head_office() && !c.known_to_coface() && book.known_easy(c).is_none())
        .collect();
    let pool: Vec<&Company> = if unknown.is_empty() {
        companies.iter().filter(|c| c.is_head_office()).collect()
    } else {
        unknown
    };
    if pool.is_empty() {
        return None;
    }
    pool.get(sequence % pool.len()).copied()
}
