//! Deterministic generation of the data set from a seed.
//!
//! Each country draws from its own random stream ([`Rng::derive`]), so the companies of one
//! country do not change when another country's generator changes. Per country: head offices
//! spread over real towns by weight; about 20 % of them get one to three establishments in
//! other towns of the same country; about 2 % of the legal entities (with their
//! establishments) are unknown to Coface and get no EASY number. Head-office names are unique
//! within a country (ignoring the legal form), so a name plus country designates one legal
//! entity.

use crate::country::Country;
use crate::dataset::{Address, Company, Dataset, EstablishmentType};
use crate::easy;
use crate::idgen::{IdGenerator, Registration};
use crate::names::{
    legal_forms, name_templates, sectors, street_style, surnames, FormKind, Lang, LegalForm,
    STEM_HEADS, STEM_TAILS,
};
use crate::normalize::{normalize, search_key};
use crate::rng::Rng;
use crate::towns::{postcode, towns, Town};
use std::collections::HashSet;

/// Per mille of head offices that have establishments.
const WITH_ESTABLISHMENTS_PER_MILLE: u64 = 200;
/// Per mille of legal entities unknown to Coface.
const UNKNOWN_PER_MILLE: u64 = 20;
/// Most establishments one head office gets.
const MAX_ESTABLISHMENTS: u64 = 3;

/// Number of head offices generated per country (55,000 in total, plus ~22,000 establishments).
pub(crate) fn head_office_count(country: Country) -> usize {
    match country {
        Country::France | Country::Germany => 9_000,
        Country::UnitedKingdom => 6_500,
        Country::UnitedStates => 6_000,
        Country::Italy => 5_000,
        Country::Spain => 4_500,
        Country::Netherlands => 3_500,
        Country::Belgium | Country::Switzerland | Country::Poland => 2_500,
        Country::Austria | Country::Sweden => 2_000,
    }
}

/// Generates the whole data set for `seed`.
pub(crate) fn generate(seed: u64) -> Dataset {
    let total: usize = Country::ALL.iter().map(|c| head_office_count(*c)).sum();
    let mut companies = Vec::with_capacity(total + total / 2);
    let mut ranges = Vec::with_capacity(Country::ALL.len());
    for country in Country::ALL {
        let start = companies.len();
        CountryGenerator::new(seed, country).run(&mut companies);
        ranges.push(start..companies.len());
    }
    Dataset::new(seed, companies, ranges)
}

/// The 12-digit EASY identifier of head office `local` of `country`: an affine bijection
/// of `0..9 × 10^11` shifted by a seed-dependent offset, so identifiers are unique,
/// scattered, and start with a non-zero digit.
fn easy_identifier(seed: u64, country: Country, local: usize) -> u64 {
    const SPAN: u128 = 900_000_000_000;
    // Odd and not a multiple of 3 or 5, hence coprime with SPAN = 2^11 · 3^2 · 5^11.
    const MULTIPLIER: u128 = 413_158_523;
    let offset = u128::from(Rng::derive(seed, 0xEA5E).next_u64()) % SPAN;
    let position = (country.index() as u128) * 10_000_000 + local as u128;
    // The result is below SPAN + 10^11 < 2^64.
    (100_000_000_000 + (position * MULTIPLIER + offset) % SPAN) as u64
}

struct CountryGenerator {
    seed: u64,
    country: Country,
    rng: Rng,
    towns: &'static [Town],
    town_weights: Vec<(usize, u32)>,
    ids: IdGenerator,
    names_used: HashSet<String>,
}

impl CountryGenerator {
    fn new(seed: u64, country: Country) -> Self {
        let towns = towns(country);
        Self {
            seed,
            country,
            rng: Rng::derive(seed, country.index() as u64 + 1),
            towns,
            town_weights: towns
                .iter()
                .enumerate()
                .map(|(i, t)| (i, t.weight))
                .collect(),
            ids: IdGenerator::default(),
            names_used: HashSet::with_capacity(head_office_count(country)),
        }
    }

    fn pick_town(&mut self) -> usize {
        self.rng
            .pick_weighted(&self.town_weights)
            .copied()
            .unwrap_or(0)
    }

    fn run(mut self, out: &mut Vec<Company>) {
        let default_lang = Lang::of_country(self.country);
        for local in 0..head_office_count(self.country) {
            let town_index = self.pick_town();
            let towns = self.towns;
            // `pick_town` only returns indices of `towns`.
            let town = &towns[town_index];
            let lang = town.lang.unwrap_or(default_lang);
            let form = self
                .rng
                .pick_weighted(legal_forms(self.country, lang))
                .copied()
                .unwrap_or(LegalForm {
                    name: "",
                    kind: FormKind::Capital,
                });
            let name = self.unique_name(town, lang, form);
            let (key, name_len) = search_key(&name);
            let address = self.address(town, lang);
            let reg = Registration {
                country: self.country,
                town,
                postcode: &address.postal_code,
                form,
                lang,
            };
            let mut entity = self.ids.entity(&mut self.rng, reg);
            let known = !self.rng.chance(UNKNOWN_PER_MILLE);
            let establishments = if self.rng.chance(WITH_ESTABLISHMENTS_PER_MILLE) {
                self.rng.range(1, MAX_ESTABLISHMENTS) as usize
            } else {
                0
            };
            let head_easy =
                known.then(|| easy::head_office(easy_identifier(self.seed, self.country, local)));
            let head_index = out.len();
            out.push(Company {
                index: head_index,
                name: name.clone(),
                establishment_type: EstablishmentType::HeadOffice,
                head_office: None,
                establishment_count: establishments,
                easy_number: head_easy.clone(),
                address,
                identifiers: entity.identifiers.clone(),
                known_to_coface: known,
                search_key: key.clone(),
                name_len,
            });
            for number in 1..=establishments {
                let mut other = self.pick_town();
                while other == town_index {
                    other = self.pick_town();
                }
                let other_town = &towns[other];
                // Street names follow the language of the establishment's own town.
                let address = self.address(other_town, other_town.lang.unwrap_or(default_lang));
                let identifiers = self.ids.establishment(&mut self.rng, &mut entity);
                // `number` is at most MAX_ESTABLISHMENTS.
                let easy_number = head_easy
                    .as_deref()
                    .and_then(|head| easy::establishment(head, number as u32));
                out.push(Company {
                    index: out.len(),
                    name: name.clone(),
                    establishment_type: EstablishmentType::Establishment,
                    head_office: Some(head_index),
                    establishment_count: 0,
                    easy_number,
                    address,
                    identifiers,
                    known_to_coface: known,
                    search_key: key.clone(),
                    name_len,
                });
            }
        }
    }

    /// Draws names until one is new in this country (ignoring the legal form).
    fn unique_name(&mut self, town: &Town, lang: Lang, form: LegalForm) -> String {
        let mut base = String::new();
        for _ in 0..1_000 {
            base = self.base_name(town, lang);
            if self.names_used.insert(normalize(&base)) {
                break;
            }
        }
        if form.name.is_empty() {
            base
        } else {
            base.push(' ');
            base.push_str(form.name);
            base
        }
    }

    fn surname(&mut self, lang: Lang) -> &'static str {
        self.rng
            .pick(surnames(self.country, lang))
            .copied()
            .unwrap_or("Martin")
    }

    /// A name without legal form, from one of the language's templates.
    fn base_name(&mut self, town: &Town, lang: Lang) -> String {
        let template = self
            .rng
            .pick_weighted(name_templates(lang))
            .copied()
            .unwrap_or("{T}");
        let mut out = String::with_capacity(40);
        let mut first_surname = "";
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            let key = &rest[start + 1..start + len];
            rest = &rest[start + len + 1..];
            match key {
                "S" => {
                    first_surname = self.surname(lang);
                    out.push_str(first_surname);
                }
                "S2" => {
                    let mut second = self.surname(lang);
                    while second == first_surname {
                        second = self.surname(lang);
                    }
                    out.push_str(second);
                }
                "Sg" => {
                    let surname = self.surname(lang);
                    out.push_str(surname);
                    if !surname.ends_with('s') {
                        out.push('s');
                    }
                }
                "T" => {
                    out.push_str(self.rng.pick(&STEM_HEADS).copied().unwrap_or("Al"));
                    out.push_str(self.rng.pick(&STEM_TAILS).copied().unwrap_or("tis"));
                }
                "W" => out.push_str(self.rng.pick(sectors(lang)).copied().unwrap_or("Services")),
                "C" => out.push_str(town.name),
                "dC" => out.push_str(&french_de(town.name)),
                _ => {}
            }
        }
        out.push_str(rest);
        out
    }

    fn address(&mut self, town: &'static Town, lang: Lang) -> Address {
        Address {
            street_address: self.street(lang),
            postal_code: postcode(self.country, town, &mut self.rng),
            town: town.name,
            region: town.region,
            country: self.country,
        }
    }

    fn street(&mut self, lang: Lang) -> String {
        let style = street_style(self.country, lang);
        let name = self.rng.pick(style.names).copied().unwrap_or("");
        let mut number = self.rng.range(1, style.max_number).to_string();
        match self.country {
            Country::France if self.rng.chance(40) => number.push_str(" bis"),
            Country::Germany | Country::Austria | Country::Netherlands if self.rng.chance(50) => {
                number.push(if self.rng.chance(500) { 'a' } else { 'b' });
                if self.country == Country::Netherlands {
                    number.make_ascii_uppercase();
                }
            }
            Country::Poland if self.rng.chance(250) => {
                number = format!("{number}/{}", self.rng.range(1, 40));
            }
            _ => {}
        }
        let mut street = if style.number_first {
            format!("{number} {name}")
        } else {
            format!("{name}{}{number}", style.separator)
        };
        match self.country {
            Country::UnitedStates if self.rng.chance(150) => {
                street = format!("{street}, Suite {}", self.rng.range(1, 25) * 100);
            }
            Country::UnitedKingdom if self.rng.chance(100) => {
                street = format!("Unit {}, {street}", self.rng.range(1, 30));
            }
            _ => {}
        }
        street
    }
}

/// French "de Lyon", "d'Orléans", "du Havre".
fn french_de(town: &str) -> String {
    if let Some(rest) = town.strip_prefix("Le ") {
        return format!("du {rest}");
    }
    let elide = town
        .chars()
        .next()
        .is_some_and(|c| "AEIOUYHÉÈÊÎÔ".contains(c.to_ascii_uppercase()));
    if elide {
        format!("d'{town}")
    } else {
        format!("de {town}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::identifiers::IdentifierType;
    use std::collections::HashMap;

    #[test]
    fn french_preposition() {
        assert_eq!(french_de("Lyon"), "de Lyon");
        assert_eq!(french_de("Orléans"), "d'Orléans");
        assert_eq!(french_de("Aix-en-Provence"), "d'Aix-en-Provence");
        assert_eq!(french_de("Le Havre"), "du Havre");
    }

    #[test]
    fn easy_identifiers_are_unique_and_twelve_digits() {
        let mut seen = HashSet::new();
        for country in Country::ALL {
            for local in 0..head_office_count(country) {
                let id = easy_identifier(2026, country, local);
                assert!((100_000_000_000..1_000_000_000_000).contains(&id));
                assert!(seen.insert(id));
            }
        }
    }

    /// Everything observable about a company, for comparisons.
    fn fingerprint(c: &Company) -> String {
        let ids: Vec<String> = c
            .legal_identifiers()
            .iter()
            .map(|i| format!("{}={}", i.kind(), i.value()))
            .collect();
        let a = c.address();
        format!(
            "{}|{}|{:?}|{:?}|{}|{}|{}|{:?}|{}",
            c.name(),
            c.establishment_type().code(),
            c.easy_number(),
            c.head_office_index(),
            a.street_address(),
            a.postal_code(),
            a.town(),
            a.region(),
            ids.join(",")
        )
    }

    #[test]
    fn generation_is_deterministic_and_depends_on_the_seed() {
        let cached = dataset(2026);
        let fresh = generate(2026);
        assert_eq!(cached.len(), fresh.len());
        for (a, b) in cached.companies().iter().zip(fresh.companies()) {
            assert_eq!(fingerprint(a), fingerprint(b));
        }
        let mut one = Vec::new();
        let mut two = Vec::new();
        CountryGenerator::new(1, Country::Austria).run(&mut one);
        CountryGenerator::new(2, Country::Austria).run(&mut two);
        let same = one
            .iter()
            .zip(&two)
            .filter(|(a, b)| a.name() == b.name())
            .count();
        assert!(
            same < one.len() / 10,
            "{same} identical names out of {}",
            one.len()
        );
    }

    #[test]
    fn the_data_set_is_large_and_covers_every_country() {
        let data = dataset(2026);
        let head_offices = data
            .companies()
            .iter()
            .filter(|c| c.is_head_office())
            .count();
        assert!(head_offices >= 50_000, "{head_offices}");
        assert!(data.len() >= 50_000);
        for country in Country::ALL {
            let records = data.in_country(country);
            assert!(records.len() >= 2_000, "{country}");
            assert!(records.iter().all(|c| c.country() == country));
            let towns_used: HashSet<&str> = records.iter().map(|c| c.address().town()).collect();
            assert!(towns_used.len() >= 15, "{country}: {}", towns_used.len());
        }
        for (i, c) in data.companies().iter().enumerate() {
            assert_eq!(c.index(), i);
            assert_eq!(c.normalized_name(), normalize(c.name()));
            assert_eq!(
                c.address().region().is_some(),
                c.country() == Country::UnitedStates
            );
        }
    }

    #[test]
    fn every_generated_identifier_passes_its_checker() {
        let data = dataset(2026);
        for c in data.companies() {
            assert!(!c.legal_identifiers().is_empty(), "{}", c.name());
            for id in c.legal_identifiers() {
                assert!(id.is_valid(), "{} {} {}", c.name(), id.kind(), id.value());
                assert_eq!(id.kind().country(), c.country());
            }
        }
    }

    #[test]
    fn identifiers_designate_one_legal_entity() {
        let data = dataset(2026);
        let mut owner: HashMap<(IdentifierType, &str), usize> = HashMap::new();
        for c in data.companies() {
            let entity = c.head_office_index().unwrap_or(c.index());
            for id in c.legal_identifiers() {
                let previous = owner.insert((id.kind(), id.value()), entity);
                if let Some(previous) = previous {
                    assert_eq!(
                        previous,
                        entity,
                        "{} {} shared by two entities",
                        id.kind(),
                        id.value()
                    );
                    assert_ne!(
                        id.kind(),
                        IdentifierType::SiretFra,
                        "SIRET {} reused",
                        id.value()
                    );
                }
            }
        }
    }

    #[test]
    fn easy_numbers_are_valid_unique_and_structured() {
        let data = dataset(2026);
        let mut seen = HashSet::new();
        for c in data.companies() {
            assert_eq!(c.easy_number().is_some(), c.known_to_coface());
            let Some(easy_number) = c.easy_number() else {
                continue;
            };
            assert!(easy::is_valid(easy_number), "{easy_number}");
            assert!(
                seen.insert(easy_number.to_owned()),
                "duplicate {easy_number}"
            );
            assert_eq!(
                data.by_easy_number(easy_number).map(Company::index),
                Some(c.index())
            );
            assert_eq!(easy::is_head_office(easy_number), c.is_head_office());
            if let Some(head) = data.head_office_of(c) {
                assert_eq!(c.head_office_easy_number().as_deref(), head.easy_number());
                assert_eq!(
                    &easy_number[..14],
                    &head.easy_number().unwrap_or_default()[..14]
                );
            } else {
                assert_eq!(c.head_office_easy_number(), None);
            }
        }
        assert!(data.by_easy_number("123").is_none());
    }

    #[test]
    fn about_a_fifth_of_head_offices_have_establishments_elsewhere() {
        let data = dataset(2026);
        let heads: Vec<&Company> = data
            .companies()
            .iter()
            .filter(|c| c.is_head_office())
            .collect();
        let with = heads.iter().filter(|c| c.establishment_count() > 0).count();
        let share = with * 1000 / heads.len();
        assert!((170..=230).contains(&share), "{share} per mille");
        for head in heads {
            let establishments = data.establishments_of(head);
            assert_eq!(establishments.len(), head.establishment_count());
            assert!(establishments.len() <= 3);
            for e in establishments {
                assert_eq!(e.establishment_type(), EstablishmentType::Establishment);
                assert_eq!(e.head_office_index(), Some(head.index()));
                assert_eq!(e.name(), head.name());
                assert_eq!(e.country(), head.country());
                assert_ne!(e.address().town(), head.address().town());
                assert_eq!(e.known_to_coface(), head.known_to_coface());
                assert!(data.establishments_of(e).is_empty());
            }
        }
    }

    #[test]
    fn about_two_percent_of_entities_are_unknown_to_coface() {
        let data = dataset(2026);
        let heads = data
            .companies()
            .iter()
            .filter(|c| c.is_head_office())
            .count();
        let unknown_heads = data
            .unknown_to_coface()
            .filter(|c| c.is_head_office())
            .count();
        let share = unknown_heads * 1000 / heads;
        assert!((12..=28).contains(&share), "{share} per mille");
    }

    #[test]
    fn names_look_local_and_are_unique_per_country() {
        let data = dataset(2026);
        for country in Country::ALL {
            let mut seen = HashSet::new();
            let mut accented = 0;
            for c in data
                .in_country(country)
                .iter()
                .filter(|c| c.is_head_office())
            {
                assert!(
                    seen.insert(c.normalized_name()),
                    "{country}: duplicate {}",
                    c.name()
                );
                let forms = [
                    crate::names::Lang::Fr,
                    crate::names::Lang::De,
                    crate::names::Lang::Nl,
                    crate::names::Lang::It,
                ];
                let ends_with_form = forms
                    .iter()
                    .flat_map(|lang| legal_forms(country, *lang))
                    .any(|(form, _)| c.name().ends_with(&format!(" {}", form.name)));
                assert!(ends_with_form, "{country}: {}", c.name());
                if !c.name().is_ascii() {
                    accented += 1;
                }
            }
            if country != Country::UnitedStates
                && country != Country::UnitedKingdom
                && country != Country::Netherlands
            {
                assert!(accented > 0, "{country}: no accented name");
            }
        }
        let french = data.in_country(Country::France);
        assert!(french.iter().any(|c| c.name().starts_with("Société ")));
        assert!(french
            .iter()
            .any(|c| c.name().starts_with("Établissements ")));
        assert!(data
            .in_country(Country::Germany)
            .iter()
            .any(|c| c.name().contains("Müller")));
        assert!(data
            .in_country(Country::Spain)
            .iter()
            .any(|c| c.address().town() == "Málaga"));
        assert!(data
            .in_country(Country::Germany)
            .iter()
            .any(|c| c.address().town() == "Köln"));
    }

    #[test]
    fn samples_are_deterministic_head_offices() {
        let data = dataset(2026);
        let a = data.sample_head_offices(Some(Country::Italy), 7, Company::known_to_coface);
        let b = data.sample_head_offices(Some(Country::Italy), 7, Company::known_to_coface);
        assert_eq!(a.len(), 7);
        assert_eq!(
            a.iter().map(|c| c.index()).collect::<Vec<_>>(),
            b.iter().map(|c| c.index()).collect::<Vec<_>>()
        );
        assert!(a
            .iter()
            .all(|c| c.is_head_office() && c.known_to_coface() && c.country() == Country::Italy));
        let everywhere = data.sample_head_offices(None, 24, |_| true);
        let countries: HashSet<Country> = everywhere.iter().map(|c| c.country()).collect();
        assert!(countries.len() >= 10);
        assert!(data
            .sample_head_offices(Some(Country::Italy), 0, |_| true)
            .is_empty());
    }
}
