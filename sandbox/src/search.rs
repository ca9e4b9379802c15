//! Company search by name, shared by the insurer simulators.
//!
//! Matching: the query and the names are normalised ([`crate::normalize()`]); every query word
//! must be the prefix of some word of the name, in any order (German umlauts also match their
//! `AE`/`OE`/`UE` spelling). Optional filters: town (every query word a prefix of a word of
//! the town name), postcode (prefix, ignoring spaces and hyphens) and region (US state code,
//! case-insensitive).
//!
//! Ranking: exact name, then names starting with the query, then the other matches; at equal
//! rank head offices come before establishments; then by normalised name, name, EASY number.
//!
//! [`SearchIndex`] is built once with the data set: per country, the search keys of its
//! companies (computed at generation time) laid out contiguously in name order. A query scans
//! one country's keys sequentially and drops each hit into one of six (rank × head office)
//! buckets, so results come out sorted without a sort and without allocating per company.

use crate::country::Country;
use crate::dataset::{Company, Dataset};
use crate::normalize::{compact_postcode, normalize, postcode_has_prefix};
use crate::towns::towns;
use std::cmp::Ordering;
use std::ops::Range;

/// A search by company name within one country.
#[derive(Clone, Copy, Debug)]
pub struct NameQuery<'a> {
    /// Country to search in.
    pub country: Country,
    /// Company name or part of it.
    pub name: &'a str,
    /// Optional town filter.
    pub town: Option<&'a str>,
    /// Optional postcode prefix filter.
    pub postal_code: Option<&'a str>,
    /// Optional region (US state code) filter.
    pub region: Option<&'a str>,
}

impl<'a> NameQuery<'a> {
    /// A query on the name only.
    pub fn new(country: Country, name: &'a str) -> Self {
        Self {
            country,
            name,
            town: None,
            postal_code: None,
            region: None,
        }
    }
}

/// How well a name matches the query; smaller is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchRank {
    /// The normalised name equals the normalised query.
    Exact,
    /// The normalised name starts with the normalised query.
    Prefix,
    /// Every query word prefixes some word of the name.
    Words,
}

/// One search result.
#[derive(Clone, Copy, Debug)]
pub struct NameMatch<'d> {
    /// The matching company record.
    pub company: &'d Company,
    /// How it matched.
    pub rank: MatchRank,
}

/// Whether every word of `query_words` prefixes a word of `key` (space-separated).
fn words_match(key: &str, query_words: &[&str]) -> bool {
    query_words
        .iter()
        .all(|q| key.split(' ').any(|word| word.starts_with(q)))
}

/// A query word prepared for fast matching against space-separated keys.
struct QueryWord {
    /// The word, e.g. `DUP`.
    word: String,
    /// The word preceded by a space, e.g. ` DUP`.
    spaced: String,
}

impl QueryWord {
    fn new(word: &str) -> Self {
        Self {
            word: word.to_owned(),
            spaced: format!(" {word}"),
        }
    }

    /// Whether the word prefixes some word of `key` (same result as [`words_match`]).
    fn prefixes_a_word_of(&self, key: &str) -> bool {
        key.starts_with(&self.word) || key.contains(&self.spaced)
    }
}

/// Name order used at equal rank (after head offices before establishments).
fn name_order(a: &Company, b: &Company) -> Ordering {
    a.normalized_name()
        .cmp(b.normalized_name())
        .then_with(|| a.name().cmp(b.name()))
        .then_with(|| a.easy_number().cmp(&b.easy_number()))
        .then(a.index().cmp(&b.index()))
}

/// One company's search key inside [`CountryIndex::keys`].
#[derive(Clone, Copy, Debug)]
struct Entry {
    start: u32,
    end: u32,
    company: u32,
}

/// The search keys of one country, concatenated in name order.
#[derive(Debug, Default)]
struct CountryIndex {
    keys: String,
    entries: Vec<Entry>,
}

/// Per-country name order and search keys of the data set, built once at generation time.
#[derive(Debug, Default)]
pub(crate) struct SearchIndex {
    /// One index per country, in [`Country::ALL`] order.
    by_country: Vec<CountryIndex>,
}

impl SearchIndex {
    /// Indexes each country's companies (`ranges[i]` for country `i`).
    pub(crate) fn build(companies: &[Company], ranges: &[Range<usize>]) -> Self {
        let by_country = ranges
            .iter()
            .map(|range| {
                let mut order: Vec<&Company> = companies
                    .get(range.clone())
                    .unwrap_or_default()
                    .iter()
                    .collect();
                order.sort_unstable_by(|a, b| name_order(a, b));
                let mut index = CountryIndex {
                    keys: String::with_capacity(order.iter().map(|c| c.search_key.len()).sum()),
                    entries: Vec::with_capacity(order.len()),
                };
                for company in order {
                    // The data set holds far fewer than 2^32 companies and key bytes.
                    let start = index.keys.len() as u32;
                    index.keys.push_str(&company.search_key);
                    index.entries.push(Entry {
                        start,
                        end: index.keys.len() as u32,
                        company: company.index() as u32,
                    });
                }
                index
            })
            .collect();
        Self { by_country }
    }
}

impl Dataset {
    /// All companies of the query's country that match it and satisfy `include`, best first.
    /// Returns nothing when the name has no letter or digit.
    pub fn search_by_name(
        &self,
        query: &NameQuery<'_>,
        include: impl Fn(&Company) -> bool,
    ) -> Vec<NameMatch<'_>> {
        let wanted = normalize(query.name);
        let words: Vec<&str> = wanted.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Vec::new();
        }
        // Longest word first: it is usually the most selective.
        let mut prepared: Vec<QueryWord> = words.iter().map(|w| QueryWord::new(w)).collect();
        prepared.sort_by_key(|w| std::cmp::Reverse(w.word.len()));
        let town_names: Option<Vec<&'static str>> = query
            .town
            .map(normalize)
            .filter(|t| !t.is_empty())
            .map(|town_query| {
                let town_words: Vec<&str> = town_query.split(' ').collect();
                towns(query.country)
                    .iter()
                    .filter(|t| words_match(&normalize(t.name), &town_words))
                    .map(|t| t.name)
                    .collect()
            });
        let postcode = query
            .postal_code
            .map(compact_postcode)
            .filter(|p| !p.is_empty());
        let region = query.region.map(str::trim).filter(|r| !r.is_empty());

        // Buckets: rank × (head office, establishment), each filled in name order.
        let mut buckets: [Vec<NameMatch<'_>>; 6] = Default::default();
        let Some(index) = self.search_index().by_country.get(query.country.index()) else {
            return Vec::new();
        };
        for entry in &index.entries {
            let key = index
                .keys
                .get(entry.start as usize..entry.end as usize)
                .unwrap_or_default();
            if !prepared.iter().all(|w| w.prefixes_a_word_of(key)) {
                continue;
            }
            let Some(company) = self.get(entry.company as usize) else {
                continue;
            };
            if !town_names
                .as_ref()
                .is_none_or(|names| names.contains(&company.address().town()))
                || !postcode
                    .as_deref()
                    .is_none_or(|p| postcode_has_prefix(company.address().postal_code(), p))
                || !region.is_none_or(|r| {
                    company
                        .address()
                        .region()
                        .is_some_and(|own| own.eq_ignore_ascii_case(r))
                })
                || !include(company)
            {
                continue;
            }
            let name = company.normalized_name();
            let rank = if name == wanted {
                MatchRank::Exact
            } else if name.starts_with(&wanted) {
                MatchRank::Prefix
            } else {
                MatchRank::Words
            };
            let bucket = rank as usize * 2 + usize::from(!company.is_head_office());
            buckets[bucket].push(NameMatch { company, rank });
        }
        let mut hits = Vec::with_capacity(buckets.iter().map(Vec::len).sum());
        for bucket in buckets {
            hits.extend(bucket);
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Address, EstablishmentType};
    use crate::normalize::search_key;

    /// A minimal French company record.
    fn company(
        index: usize,
        name: &str,
        head_office: Option<usize>,
        town: &'static str,
        postcode: &str,
    ) -> Company {
        let (search_key, name_len) = search_key(name);
        Company {
            index,
            name: name.to_owned(),
            establishment_type: if head_office.is_some() {
                EstablishmentType::Establishment
            } else {
                EstablishmentType::HeadOffice
            },
            head_office,
            establishment_count: 0,
            easy_number: Some(format!(
                "{:019}",
                1_000_000_000_000_000_000u64 + index as u64
            )),
            address: Address {
                street_address: "1 rue de la Paix".to_owned(),
                postal_code: postcode.to_owned(),
                town,
                region: None,
                country: Country::France,
            },
            identifiers: Vec::new(),
            known_to_coface: index != 7,
            search_key,
            name_len,
        }
    }

    fn tiny() -> Dataset {
        let companies = vec![
            company(0, "Transports Dupont SAS", None, "Lyon", "69002"),
            company(1, "Dupont Logistique SARL", None, "Paris", "75002"),
            company(2, "Dupont Logistique SARL", Some(1), "Lyon", "69003"),
            company(3, "Dupont SAS", None, "Nantes", "44000"),
            company(4, "Dupont", None, "Orléans", "45000"),
            company(5, "Société Générale Dupontel SA", None, "Paris", "75009"),
            company(6, "Martin et Fils SARL", None, "Saint-Étienne", "42000"),
            company(7, "Dupont Inconnu SAS", None, "Paris", "75001"),
            company(8, "Müller Bâtiment SAS", None, "Strasbourg", "67000"),
        ];
        let len = companies.len();
        let ranges: Vec<Range<usize>> = Country::ALL
            .iter()
            .map(|c| {
                if *c == Country::France {
                    0..len
                } else {
                    len..len
                }
            })
            .collect();
        Dataset::new(1, companies, ranges)
    }

    fn names(data: &Dataset, query: NameQuery<'_>) -> Vec<(usize, MatchRank)> {
        data.search_by_name(&query, Company::known_to_coface)
            .iter()
            .map(|m| (m.company.index(), m.rank))
            .collect()
    }

    #[test]
    fn exact_then_prefix_then_words_with_head_offices_first() {
        let data = tiny();
        let hits = names(&data, NameQuery::new(Country::France, "dupont"));
        assert_eq!(
            hits,
            vec![
                (4, MatchRank::Exact),
                (1, MatchRank::Prefix),
                (3, MatchRank::Prefix),
                (2, MatchRank::Prefix),
                (5, MatchRank::Words),
                (0, MatchRank::Words),
            ]
        );
    }

    #[test]
    fn words_match_in_any_order_as_prefixes() {
        let data = tiny();
        let hits = names(&data, NameQuery::new(Country::France, "LOG dup"));
        assert_eq!(hits, vec![(1, MatchRank::Words), (2, MatchRank::Words)]);
        let hits = names(
            &data,
            NameQuery::new(Country::France, "dupont logistique sarl"),
        );
        assert_eq!(hits, vec![(1, MatchRank::Exact), (2, MatchRank::Exact)]);
        assert!(names(&data, NameQuery::new(Country::France, "upont")).is_empty());
        assert!(names(&data, NameQuery::new(Country::France, "--")).is_empty());
        assert!(names(&data, NameQuery::new(Country::Germany, "dupont")).is_empty());
    }

    #[test]
    fn accents_and_umlaut_spellings_match() {
        let data = tiny();
        assert_eq!(
            names(&data, NameQuery::new(Country::France, "societe generale")),
            vec![(5, MatchRank::Prefix)]
        );
        assert_eq!(
            names(&data, NameQuery::new(Country::France, "MUELLER")),
            vec![(8, MatchRank::Words)]
        );
        assert_eq!(
            names(&data, NameQuery::new(Country::France, "müller batiment")),
            vec![(8, MatchRank::Prefix)]
        );
    }

    #[test]
    fn filters_on_town_postcode_and_the_include_predicate() {
        let data = tiny();
        let query = NameQuery {
            town: Some("lyon"),
            ..NameQuery::new(Country::France, "dupont")
        };
        assert_eq!(
            names(&data, query),
            vec![(2, MatchRank::Prefix), (0, MatchRank::Words)]
        );
        let query = NameQuery {
            postal_code: Some("75"),
            ..NameQuery::new(Country::France, "dupont")
        };
        assert_eq!(
            names(&data, query),
            vec![(1, MatchRank::Prefix), (5, MatchRank::Words)]
        );
        let query = NameQuery {
            town: Some("saint etienne"),
            ..NameQuery::new(Country::France, "martin")
        };
        assert_eq!(names(&data, query), vec![(6, MatchRank::Prefix)]);
        let query = NameQuery {
            town: Some("nowhere"),
            ..NameQuery::new(Country::France, "dupont")
        };
        assert!(names(&data, query).is_empty());
        // Company 7 is excluded by the predicate but found without it.
        assert!(!names(&data, NameQuery::new(Country::France, "inconnu"))
            .iter()
            .any(|(i, _)| *i == 7));
        assert_eq!(
            data.search_by_name(&NameQuery::new(Country::France, "inconnu"), |_| true)
                .len(),
            1
        );
    }

    #[test]
    fn prepared_words_agree_with_the_plain_rule() {
        for key in [
            "DUPONT LOGISTIQUE SARL",
            "A B",
            "MULLER BATIMENT MUELLER",
            "X",
        ] {
            for q in ["DUP", "LOG", "SARL", "B", "MUE", "UPONT", "X", "Y", "AB"] {
                assert_eq!(
                    QueryWord::new(q).prefixes_a_word_of(key),
                    words_match(key, &[q]),
                    "{key} / {q}"
                );
            }
        }
    }
}
