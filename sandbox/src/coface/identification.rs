//! How Coface identifies the company of an unknown-company order (`POST
//! /companies/unknown/products`) once the identification delay has passed:
//!
//! 1. a legal identifier given in the order that a company of the data set in the order's
//!    country holds, whatever type it is given under and in whichever of its usual forms
//!    ([`keys`]: without blanks or punctuation, any case, with or without the country prefix;
//!    a register entry by its register and number) — the head office of an establishment
//!    found that way;
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
use crate::normalize::normalize;

fn compact(value: &str) -> String {
    value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The forms an identifier value is recognised by: compact; compact without a two-letter
/// country prefix; for a register entry (`Köln HRB 12345`, `HRB12345@KOELN`), its register
/// and number (`HRB12345`).
pub(crate) fn keys(value: &str) -> Vec<String> {
    let whole = compact(value);
    let mut keys = vec![whole.clone()];
    let prefixed = whole.len() > 4 && whole.bytes().take(2).all(|b| b.is_ascii_alphabetic());
    if prefixed && whole.as_bytes().get(2).is_some_and(u8::is_ascii_digit) {
        keys.push(whole[2..].to_owned());
    }
    let before_court = value.split('@').next().unwrap_or_default();
    if let Some(at) = before_court
        .find("HR")
        .or_else(|| before_court.find(" VR "))
    {
        keys.push(compact(&before_court[at..]));
    }
    keys.retain(|key| !key.is_empty());
    keys
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
    for (_, value) in &claimed.identifiers {
        let wanted = keys(value);
        if wanted.is_empty() {
            continue;
        }
        let found = companies.iter().find(|company| {
            company
                .legal_identifiers()
                .iter()
                .any(|stored| keys(stored.value()).iter().any(|key| wanted.contains(key)))
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

#[cfg(test)]
mod tests {
    use super::keys;

    #[test]
    fn usual_forms_share_a_key() {
        let shared = |a: &str, b: &str| keys(a).iter().any(|key| keys(b).contains(key));
        assert!(shared("PL5260250274", "526-025-02-74"));
        assert!(shared("HRB12345@KOELN", "Köln HRB 12345"));
        assert!(shared(
            "HRB184248B@BERLIN-CHARLOTTENBURG",
            "Berlin (Charlottenburg) HRB 184248 B"
        ));
        assert!(shared("CHE116281710", "CHE-116.281.710"));
        assert!(shared("552 032 534", "552032534"));
        assert!(!shared("552032534", "552032535"));
        assert!(keys(" - ").is_empty());
    }
}
