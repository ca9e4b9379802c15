//! Generation of valid, unique national identifiers for the fake companies.
//!
//! Every identifier is drawn from the data set's random stream, completed with its check
//! digits ([`crate::checkdigits`]) and checked for uniqueness within its type, so that a
//! later search by identifier finds exactly one legal entity.

use crate::checkdigits::{
    at_uid_check, be_kbo_check, ch_uid_check, digits_to_string, es_cif_control, fr_vat_key,
    gb_vat_check, iso7064_mod11_10, luhn_check_digit, nl_vat_check, pl_nip_check, to_digits,
    US_EIN_PREFIXES,
};
use crate::country::Country;
use crate::identifiers::{IdentifierType, LegalIdentifier};
use crate::names::{FormKind, Lang, LegalForm};
use crate::rng::Rng;
use crate::towns::{Jurisdiction, Town};
use std::collections::HashSet;

/// The identifiers of one legal entity, plus what is needed to derive its establishments'.
#[derive(Clone, Debug)]
pub(crate) struct EntityIds {
    /// Identifiers of the head office, in display order.
    pub(crate) identifiers: Vec<LegalIdentifier>,
    /// French SIREN, when the entity is French.
    siren: Option<u64>,
    /// Last NIC (without its check digit) given to one of the entity's French establishments.
    last_nic: u64,
}

/// Where the entity is registered and in which form; decides identifier ranges and formats.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Registration<'a> {
    /// Country of registration.
    pub(crate) country: Country,
    /// Town of the head office.
    pub(crate) town: &'a Town,
    /// Postcode of the head office (Spanish CIFs reuse its province code).
    pub(crate) postcode: &'a str,
    /// Legal form.
    pub(crate) form: LegalForm,
    /// Language of the company (Swiss VAT suffix).
    pub(crate) lang: Lang,
}

/// Hands out unique identifiers.
#[derive(Debug, Default)]
pub(crate) struct IdGenerator {
    used: HashSet<(IdentifierType, u64)>,
}

/// A small stable hash (FNV-1a) to key register numbers by court.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Appends a check digit to a number.
fn append_check(body: u64, check: u8) -> u64 {
    body * 10 + u64::from(check)
}

impl IdGenerator {
    /// Draws with `draw` until it yields a value not yet used for `kind`.
    fn unique(
        &mut self,
        kind: IdentifierType,
        rng: &mut Rng,
        mut draw: impl FnMut(&mut Rng) -> Option<u64>,
    ) -> u64 {
        loop {
            if let Some(value) = draw(rng) {
                if self.used.insert((kind, value)) {
                    return value;
                }
            }
        }
    }

    /// Generates the identifiers of a new legal entity (its head office).
    pub(crate) fn entity(&mut self, rng: &mut Rng, reg: Registration<'_>) -> EntityIds {
        let mut ids = Vec::with_capacity(3);
        let mut push =
            |kind: IdentifierType, value: String| ids.push(LegalIdentifier::new(kind, value));
        let mut siren = None;
        let mut last_nic = 0;
        match reg.country {
            Country::France => {
                let number = self.unique(IdentifierType::SirenFra, rng, |r| {
                    let body = r.range(30_000_000, 99_999_999);
                    let number = append_check(body, luhn_check_digit(&to_digits(body, 8)));
                    (number != 356_000_000).then_some(number)
                });
                last_nic = rng.range(1, 40);
                push(IdentifierType::SirenFra, format!("{number:09}"));
                push(IdentifierType::SiretFra, siret(number, last_nic));
                push(
                    IdentifierType::VatFra,
                    format!("FR{:02}{number:09}", fr_vat_key(number)),
                );
                siren = Some(number);
            }
            Country::Germany => {
                let court = reg.town.register_court();
                let (kind, section, low, high) = match reg.form.kind {
                    FormKind::Capital => (IdentifierType::HrbDeu, "HRB", 1_000, 265_000),
                    FormKind::Partnership => (IdentifierType::HraDeu, "HRA", 100, 120_000),
                };
                let court_key = fnv1a(court).wrapping_mul(1_000_003);
                let number = self
                    .unique(kind, rng, |r| {
                        Some(court_key.wrapping_add(r.range(low, high)))
                    })
                    .wrapping_sub(court_key);
                // Berlin register numbers carry a "B" suffix.
                let suffix = if court.starts_with("Berlin") {
                    " B"
                } else {
                    ""
                };
                push(kind, format!("{court} {section} {number}{suffix}"));
                let vat = self.unique(IdentifierType::VatDeu, rng, |r| {
                    let body = r.range(10_000_000, 99_999_999);
                    Some(append_check(body, iso7064_mod11_10(&to_digits(body, 8))))
                });
                push(IdentifierType::VatDeu, format!("DE{vat:09}"));
            }
            Country::Belgium => {
                let first_eight = self.unique(IdentifierType::KboBel, rng, |r| {
                    // Numbers starting with 1 are issued since 2023.
                    Some(if r.chance(80) {
                        r.range(10_000_000, 10_099_999)
                    } else {
                        r.range(2_000_000, 9_999_999)
                    })
                });
                let kbo = format!("{first_eight:08}{:02}", be_kbo_check(first_eight));
                push(IdentifierType::VatBel, format!("BE{kbo}"));
                push(IdentifierType::KboBel, kbo);
            }
            Country::Netherlands => {
                let kvk = self.unique(IdentifierType::KvkNld, rng, |r| {
                    Some(r.range(10_000_000, 99_999_999))
                });
                push(IdentifierType::KvkNld, format!("{kvk:08}"));
                let vat = self.unique(IdentifierType::VatNld, rng, |r| {
                    let body = r.range(1_000_000, 89_999_999);
                    nl_vat_check(&to_digits(body, 8)).map(|c| append_check(body, c))
                });
                let branch = if rng.chance(50) { "B02" } else { "B01" };
                push(IdentifierType::VatNld, format!("NL{vat:09}{branch}"));
            }
            Country::Italy => {
                let piva = self.unique(IdentifierType::PivaIta, rng, |r| {
                    let body = r.range(0, 9_999_999) * 1_000 + r.range(1, 100);
                    Some(append_check(body, luhn_check_digit(&to_digits(body, 10))))
                });
                push(IdentifierType::PivaIta, format!("{piva:011}"));
                push(IdentifierType::VatIta, format!("IT{piva:011}"));
            }
            Country::Spain => {
                // A = sociedad anónima, B = sociedad limitada; digits 1–2 = province.
                let letter = if reg.form.name.starts_with("S.A.") {
                    'A'
                } else {
                    'B'
                };
                let province: u64 = reg
                    .postcode
                    .get(..2)
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(28);
                let body = self.unique(IdentifierType::CifEsp, rng, |r| {
                    Some(u64::from(letter) * 100_000_000 + province * 100_000 + r.range(0, 99_999))
                }) % 10_000_000;
                let cif = format!("{letter}{body:07}{}", es_cif_control(&to_digits(body, 7)));
                push(IdentifierType::VatEsp, format!("ES{cif}"));
                push(IdentifierType::CifEsp, cif);
            }
            Country::UnitedKingdom => {
                let (prefix, low, high) = match (reg.town.jurisdiction, reg.form.kind) {
                    (Jurisdiction::Main, FormKind::Capital) => ("", 100_000, 15_999_999),
                    (Jurisdiction::Main, FormKind::Partnership) => ("OC", 300_000, 449_999),
                    (Jurisdiction::Scotland, FormKind::Capital) => ("SC", 100_000, 799_999),
                    (Jurisdiction::Scotland, FormKind::Partnership) => ("SO", 300_000, 309_999),
                    (Jurisdiction::NorthernIreland, FormKind::Capital) => ("NI", 600_000, 699_999),
                    (Jurisdiction::NorthernIreland, FormKind::Partnership) => ("NC", 1_000, 2_999),
                };
                let prefix_key = fnv1a(prefix) % 1_000 * 100_000_000;
                let number = self.unique(IdentifierType::CrnGbr, rng, |r| {
                    Some(prefix_key + r.range(low, high))
                }) - prefix_key;
                let crn = if prefix.is_empty() {
                    format!("{number:08}")
                } else {
                    format!("{prefix}{number:06}")
                };
                push(IdentifierType::CrnGbr, crn);
                let vat = self.unique(IdentifierType::VatGbr, rng, |r| {
                    let first_seven = r.range(1_000_000, 9_999_999);
                    let check = gb_vat_check(&to_digits(first_seven, 7), r.chance(500));
                    Some(first_seven * 100 + check)
                });
                push(IdentifierType::VatGbr, format!("GB{vat:09}"));
            }
            Country::Switzerland => {
                let uid = self.unique(IdentifierType::UidChe, rng, |r| {
                    let body = r.range(10_000_000, 69_999_999);
                    ch_uid_check(&to_digits(body, 8)).map(|c| append_check(body, c))
                });
                let digits = digits_to_string(&to_digits(uid, 9));
                let formatted = format!("CHE-{}.{}.{}", &digits[..3], &digits[3..6], &digits[6..]);
                let vat_suffix = match reg.lang {
                    Lang::Fr => "TVA",
                    Lang::It => "IVA",
                    _ => "MWST",
                };
                push(IdentifierType::VatChe, format!("{formatted} {vat_suffix}"));
                push(IdentifierType::UidChe, formatted);
            }
            Country::Austria => {
                let vat = self.unique(IdentifierType::VatAut, rng, |r| {
                    let body = r.range(1_000_000, 9_999_999);
                    Some(append_check(body, at_uid_check(&to_digits(body, 7))))
                });
                push(IdentifierType::VatAut, format!("ATU{vat:08}"));
            }
            Country::Poland => {
                let nip = self.unique(IdentifierType::NipPol, rng, |r| {
                    let body = r.range(100_000_000, 999_999_999);
                    pl_nip_check(&to_digits(body, 9)).map(|c| append_check(body, c))
                });
                push(IdentifierType::NipPol, format!("{nip:010}"));
                push(IdentifierType::VatPol, format!("PL{nip:010}"));
            }
            Country::Sweden => {
                // Aktiebolag numbers start 556/559; trading and limited partnerships 916/969.
                let prefixes: [u64; 2] = match reg.form.kind {
                    FormKind::Capital => [556, 559],
                    FormKind::Partnership => [916, 969],
                };
                let orgnr = self.unique(IdentifierType::OrgnrSwe, rng, |r| {
                    let prefix = r.pick(&prefixes).copied().unwrap_or(556);
                    let body = prefix * 1_000_000 + r.range(0, 999_999);
                    Some(append_check(body, luhn_check_digit(&to_digits(body, 9))))
                });
                push(IdentifierType::OrgnrSwe, format!("{orgnr:010}"));
                push(IdentifierType::VatSwe, format!("SE{orgnr:010}01"));
            }
            Country::UnitedStates => {
                let ein = self.unique(IdentifierType::EinUsa, rng, |r| {
                    let prefix = u64::from(r.pick(&US_EIN_PREFIXES).copied().unwrap_or(12));
                    Some(prefix * 10_000_000 + r.range(0, 9_999_999))
                });
                push(
                    IdentifierType::EinUsa,
                    format!("{:02}-{:07}", ein / 10_000_000, ein % 10_000_000),
                );
            }
        }
        // Registry numbers first, then VAT numbers: the order of the identifier table.
        ids.sort_by_key(LegalIdentifier::kind);
        EntityIds {
            identifiers: ids,
            siren,
            last_nic,
        }
    }

    /// Identifiers of a new establishment of `entity`: the legal entity's identifiers, with
    /// the French SIRET replaced by the establishment's own (same SIREN, next NIC).
    pub(crate) fn establishment(
        &mut self,
        rng: &mut Rng,
        entity: &mut EntityIds,
    ) -> Vec<LegalIdentifier> {
        let mut ids = entity.identifiers.clone();
        if let Some(siren) = entity.siren {
            entity.last_nic += rng.range(1, 15);
            let own = siret(siren, entity.last_nic);
            for id in &mut ids {
                if id.kind() == IdentifierType::SiretFra {
                    *id = LegalIdentifier::new(IdentifierType::SiretFra, own.clone());
                }
            }
        }
        ids
    }
}

/// SIRET from a SIREN and a 4-digit NIC body: the fifth NIC digit makes the 14 digits pass Luhn.
fn siret(siren: u64, nic_body: u64) -> String {
    let body = siren * 10_000 + nic_body % 10_000;
    let check = luhn_check_digit(&to_digits(body, 13));
    format!("{body:013}{check}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{legal_forms, Lang};
    use crate::towns::towns;

    #[test]
    fn every_generated_identifier_is_valid_and_unique() {
        let mut gen = IdGenerator::default();
        let mut rng = Rng::new(11);
        let mut seen = HashSet::new();
        for country in Country::ALL {
            for town in towns(country) {
                let lang = town.lang.unwrap_or(Lang::of_country(country));
                for (form, _) in legal_forms(country, lang) {
                    let postcode = town.postcodes[0];
                    let reg = Registration {
                        country,
                        town,
                        postcode,
                        form: *form,
                        lang,
                    };
                    let mut entity = gen.entity(&mut rng, reg);
                    assert!(!entity.identifiers.is_empty());
                    for id in &entity.identifiers {
                        assert!(id.is_valid(), "{} {}", id.kind(), id.value());
                        assert_eq!(id.kind().country(), country);
                        if id.kind() != IdentifierType::SiretFra {
                            assert!(seen.insert(id.clone()), "duplicate {id:?}");
                        }
                    }
                    for _ in 0..3 {
                        for id in gen.establishment(&mut rng, &mut entity) {
                            assert!(id.is_valid(), "{} {}", id.kind(), id.value());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn french_establishments_get_distinct_sirets_of_the_same_siren() {
        let mut gen = IdGenerator::default();
        let mut rng = Rng::new(3);
        let town = &towns(Country::France)[0];
        let form = legal_forms(Country::France, Lang::Fr)[0].0;
        let reg = Registration {
            country: Country::France,
            town,
            postcode: "75001",
            form,
            lang: Lang::Fr,
        };
        let mut entity = gen.entity(&mut rng, reg);
        let siren = entity.identifiers[0].value().to_owned();
        let head_siret = entity.identifiers[1].value().to_owned();
        let mut sirets = vec![head_siret];
        for _ in 0..3 {
            let ids = gen.establishment(&mut rng, &mut entity);
            let siret = ids[1].value().to_owned();
            assert!(siret.starts_with(&siren));
            assert!(!sirets.contains(&siret));
            sirets.push(siret);
        }
    }

    #[test]
    fn legal_form_decides_register_and_prefix() {
        let mut gen = IdGenerator::default();
        let mut rng = Rng::new(4);
        let de_town = &towns(Country::Germany)[0];
        let kg = legal_forms(Country::Germany, Lang::De)
            .iter()
            .map(|(f, _)| *f)
            .find(|f| f.kind == FormKind::Partnership);
        let Some(kg) = kg else {
            panic!("German partnerships missing");
        };
        let reg = Registration {
            country: Country::Germany,
            town: de_town,
            postcode: "10115",
            form: kg,
            lang: Lang::De,
        };
        let ids = gen.entity(&mut rng, reg).identifiers;
        assert_eq!(ids[0].kind(), IdentifierType::HraDeu);
        assert!(ids[0].value().starts_with("Berlin (Charlottenburg) HRA "));
        assert!(ids[0].value().ends_with(" B"));

        let glasgow = towns(Country::UnitedKingdom)
            .iter()
            .find(|t| t.name == "Glasgow");
        let Some(glasgow) = glasgow else {
            panic!("Glasgow missing");
        };
        let ltd = legal_forms(Country::UnitedKingdom, Lang::En)[0].0;
        let reg = Registration {
            country: Country::UnitedKingdom,
            town: glasgow,
            postcode: "G1 1AA",
            form: ltd,
            lang: Lang::En,
        };
        let ids = gen.entity(&mut rng, reg).identifiers;
        assert!(ids[0].value().starts_with("SC"), "{}", ids[0].value());

        let madrid = &towns(Country::Spain)[0];
        let sa = legal_forms(Country::Spain, Lang::Es)
            .iter()
            .map(|(f, _)| *f)
            .find(|f| f.name == "S.A.");
        let Some(sa) = sa else {
            panic!("S.A. missing");
        };
        let reg = Registration {
            country: Country::Spain,
            town: madrid,
            postcode: "28013",
            form: sa,
            lang: Lang::Es,
        };
        let ids = gen.entity(&mut rng, reg).identifiers;
        assert!(ids[0].value().starts_with("A28"), "{}", ids[0].value());
    }
}
