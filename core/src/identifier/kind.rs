//! The kinds of company identifiers the core knows, by their stable string names.

use std::fmt;

use crate::country::Country;

/// A kind of legal, tax or insurer identifier of a company.
///
/// Its string name ([`as_str`](Self::as_str)) is stable: `<iso country>.<name>` for national
/// numbers (`fr.siren`, `gr.vat`), a bare name for international ones (`lei`, `duns`) and
/// `<insurer>.<name>` for insurer keys (`coface.easy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum IdentifierKind {
    /// `fr.siren`: French company number, 9 digits, Luhn.
    FrSiren,
    /// `fr.siret`: French establishment number, SIREN + 5 digits, Luhn (La Poste exception).
    FrSiret,
    /// `fr.vat`: French VAT number, `FR` + 2-digit key + SIREN.
    FrVat,
    /// `be.kbo`: Belgian enterprise number (KBO/BCE), 10 digits, mod 97.
    BeKbo,
    /// `be.vat`: Belgian VAT number, `BE` + enterprise number.
    BeVat,
    /// `nl.kvk`: Dutch Chamber of Commerce number, 8 digits, no checksum.
    NlKvk,
    /// `nl.vat`: Dutch VAT number, `NL` + 9 digits + `B` + 2 digits.
    NlVat,
    /// `de.hr`: German commercial register entry: register type, number and court.
    DeHr,
    /// `de.vat`: German VAT number (USt-IdNr.), `DE` + 9 digits, ISO 7064 MOD 11,10.
    DeVat,
    /// `it.piva`: Italian VAT number (partita IVA), 11 digits.
    ItPiva,
    /// `it.vat`: Italian VAT number with its `IT` prefix.
    ItVat,
    /// `es.cif`: Spanish company tax number, letter + 7 digits + control.
    EsCif,
    /// `es.nif`: Spanish tax number of anyone: DNI, NIE or CIF.
    EsNif,
    /// `es.vat`: Spanish VAT number, `ES` + NIF.
    EsVat,
    /// `gb.crn`: UK Companies House company number, 8 characters.
    GbCrn,
    /// `gb.vat`: UK VAT registration number, `GB` (or `XI` for Northern Ireland) + digits.
    GbVat,
    /// `ch.uid`: Swiss enterprise identification number, `CHE` + 9 digits.
    ChUid,
    /// `lei`: Legal Entity Identifier (ISO 17442), 20 characters.
    Lei,
    /// `duns`: Dun & Bradstreet D-U-N-S number, 9 digits.
    Duns,
    /// `allianz.company_id`: Allianz Trade company id (EH id), 6–10 digits.
    AllianzCompanyId,
    /// `coface.easy`: Coface EASY number, 19 digits, or `Z` + digits while temporary.
    CofaceEasy,
    /// `at.vat`: Austrian VAT number, `ATU` + 8 digits.
    AtVat,
    /// `bg.vat`: Bulgarian VAT number, `BG` + 9 or 10 digits.
    BgVat,
    /// `cy.vat`: Cypriot VAT number, `CY` + 8 digits + letter.
    CyVat,
    /// `cz.vat`: Czech VAT number (DIČ), `CZ` + 8 to 10 digits.
    CzVat,
    /// `dk.vat`: Danish VAT number (CVR), `DK` + 8 digits.
    DkVat,
    /// `ee.vat`: Estonian VAT number (KMKR), `EE` + 9 digits.
    EeVat,
    /// `gr.vat`: Greek VAT number, `EL` + 9 digits.
    GrVat,
    /// `fi.vat`: Finnish VAT number (ALV), `FI` + 8 digits.
    FiVat,
    /// `hr.vat`: Croatian VAT number (OIB), `HR` + 11 digits.
    HrVat,
    /// `hu.vat`: Hungarian VAT number, `HU` + 8 digits.
    HuVat,
    /// `ie.vat`: Irish VAT number, `IE` + 8 or 9 characters.
    IeVat,
    /// `lt.vat`: Lithuanian VAT number (PVM), `LT` + 9 or 12 digits.
    LtVat,
    /// `lu.vat`: Luxembourg VAT number (TVA), `LU` + 8 digits.
    LuVat,
    /// `lv.vat`: Latvian VAT number (PVN), `LV` + 11 digits.
    LvVat,
    /// `mt.vat`: Maltese VAT number, `MT` + 8 digits.
    MtVat,
    /// `pl.vat`: Polish VAT number (NIP), `PL` + 10 digits.
    PlVat,
    /// `pt.vat`: Portuguese VAT number (NIF), `PT` + 9 digits.
    PtVat,
    /// `ro.vat`: Romanian VAT number (CIF), `RO` + 2 to 10 digits.
    RoVat,
    /// `se.vat`: Swedish VAT number, `SE` + 10-digit organisation number + `01`.
    SeVat,
    /// `si.vat`: Slovenian VAT number (DDV), `SI` + 8 digits.
    SiVat,
    /// `sk.vat`: Slovak VAT number (IČ DPH), `SK` + 10 digits.
    SkVat,
    /// `no.vat`: Norwegian VAT number, `NO` + 9-digit organisation number + `MVA`.
    NoVat,
    /// `us.ein`: US Employer Identification Number, 9 digits.
    UsEin,
}

use IdentifierKind as K;

/// (kind, name, ISO alpha-2 country, example). The order is the order of [`IdentifierKind::ALL`]:
/// within a country, more specific kinds come first.
const TABLE: [(IdentifierKind, &str, Option<&str>, &str); 44] = [
    (K::FrSiret, "fr.siret", Some("FR"), "73282932000074"),
    (K::FrVat, "fr.vat", Some("FR"), "FR27552032534"),
    (K::FrSiren, "fr.siren", Some("FR"), "552032534"),
    (K::BeKbo, "be.kbo", Some("BE"), "0403170701"),
    (K::BeVat, "be.vat", Some("BE"), "BE0403170701"),
    (K::NlVat, "nl.vat", Some("NL"), "NL004495445B01"),
    (K::NlKvk, "nl.kvk", Some("NL"), "12345678"),
    (K::DeVat, "de.vat", Some("DE"), "DE136695976"),
    (K::DeHr, "de.hr", Some("DE"), "HRB12345@KOELN"),
    (K::ItPiva, "it.piva", Some("IT"), "00743110157"),
    (K::ItVat, "it.vat", Some("IT"), "IT00743110157"),
    (K::EsCif, "es.cif", Some("ES"), "A58818501"),
    (K::EsNif, "es.nif", Some("ES"), "12345678Z"),
    (K::EsVat, "es.vat", Some("ES"), "ESA58818501"),
    (K::GbVat, "gb.vat", Some("GB"), "GB980780684"),
    (K::GbCrn, "gb.crn", Some("GB"), "01234567"),
    (K::ChUid, "ch.uid", Some("CH"), "CHE116281710"),
    (K::AtVat, "at.vat", Some("AT"), "ATU13585627"),
    (K::BgVat, "bg.vat", Some("BG"), "BG175074752"),
    (K::CyVat, "cy.vat", Some("CY"), "CY10259033P"),
    (K::CzVat, "cz.vat", Some("CZ"), "CZ25123891"),
    (K::DkVat, "dk.vat", Some("DK"), "DK13585628"),
    (K::EeVat, "ee.vat", Some("EE"), "EE100931558"),
    (K::GrVat, "gr.vat", Some("GR"), "EL094259216"),
    (K::FiVat, "fi.vat", Some("FI"), "FI20774740"),
    (K::HrVat, "hr.vat", Some("HR"), "HR33392005961"),
    (K::HuVat, "hu.vat", Some("HU"), "HU12892312"),
    (K::IeVat, "ie.vat", Some("IE"), "IE6388047V"),
    (K::LtVat, "lt.vat", Some("LT"), "LT119511515"),
    (K::LuVat, "lu.vat", Some("LU"), "LU15027442"),
    (K::LvVat, "lv.vat", Some("LV"), "LV40003521600"),
    (K::MtVat, "mt.vat", Some("MT"), "MT11679112"),
    (K::PlVat, "pl.vat", Some("PL"), "PL5260250274"),
    (K::PtVat, "pt.vat", Some("PT"), "PT501964843"),
    (K::RoVat, "ro.vat", Some("RO"), "RO18547290"),
    (K::SeVat, "se.vat", Some("SE"), "SE556188840401"),
    (K::SiVat, "si.vat", Some("SI"), "SI50223054"),
    (K::SkVat, "sk.vat", Some("SK"), "SK2022749619"),
    (K::NoVat, "no.vat", Some("NO"), "NO123456785MVA"),
    (K::UsEin, "us.ein", Some("US"), "12-3456789"),
    (K::Lei, "lei", None, "5493001KJTIIGC8Y1R12"),
    (K::CofaceEasy, "coface.easy", None, "1234567890123456789"),
    (K::Duns, "duns", None, "123456789"),
    (K::AllianzCompanyId, "allianz.company_id", None, "1234567"),
];

/// Every kind, in [`TABLE`] order.
const ALL: [IdentifierKind; TABLE.len()] = {
    let mut all = [K::FrSiren; TABLE.len()];
    let mut i = 0;
    while i < TABLE.len() {
        all[i] = TABLE[i].0;
        i += 1;
    }
    all
};

/// Where each kind's row is in [`TABLE`], by the kind's discriminant: `row` is a lookup, not a
/// scan (parsing a 100,000-cover portfolio asks each identifier's name and country dozens of
/// times).
const POSITION: [u8; TABLE.len()] = {
    let mut position = [0u8; TABLE.len()];
    let mut i = 0;
    while i < TABLE.len() {
        position[TABLE[i].0 as usize] = i as u8;
        i += 1;
    }
    position
};

impl IdentifierKind {
    /// Every kind: national kinds grouped by country, most specific first, then the
    /// country-independent ones (`lei`, `coface.easy`, `duns`, `allianz.company_id`).
    pub const ALL: &'static [IdentifierKind] = &ALL;

    /// The row of this kind in [`TABLE`].
    fn row(self) -> (&'static str, Option<&'static str>, &'static str) {
        POSITION
            .get(self as usize)
            .and_then(|&position| TABLE.get(usize::from(position)))
            .map(|(_, name, country, example)| (*name, *country, *example))
            .unwrap_or(("", None, ""))
    }

    /// The stable string name, e.g. `"fr.siren"`.
    pub fn as_str(self) -> &'static str {
        self.row().0
    }

    /// The kind named `name` (e.g. `"fr.siren"`), ignoring ASCII case and surrounding blanks.
    pub fn parse(name: &str) -> Option<Self> {
        let name = name.trim();
        TABLE
            .iter()
            .find(|(_, known, ..)| known.eq_ignore_ascii_case(name))
            .map(|(kind, ..)| *kind)
    }

    /// The country whose number this is; `None` for `lei`, `duns` and the insurer keys.
    pub fn country(self) -> Option<Country> {
        self.country_code().and_then(Country::from_alpha2)
    }

    /// The ISO alpha-2 code of [`country`](Self::country) (`"FR"`), without looking the
    /// country up: for comparing many kinds with one country.
    pub fn country_code(self) -> Option<&'static str> {
        self.row().1
    }

    /// Whether this is a VAT number (canonical form carries the VAT country prefix).
    pub fn is_vat(self) -> bool {
        self.as_str().ends_with(".vat")
    }

    /// A valid example of this kind, for messages and placeholders.
    pub fn example(self) -> &'static str {
        self.row().2
    }
}

impl fmt::Display for IdentifierKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_kind_once() {
        for (i, kind) in IdentifierKind::ALL.iter().enumerate() {
            assert!(!IdentifierKind::ALL[..i].contains(kind), "{kind} twice");
            assert_eq!(IdentifierKind::parse(kind.as_str()), Some(*kind));
            assert!(!kind.as_str().is_empty());
        }
    }

    #[test]
    fn each_kind_reads_its_own_row() {
        for (kind, name, country, example) in TABLE {
            assert_eq!(kind.as_str(), name);
            assert_eq!(kind.country().map(Country::alpha2), country);
            assert_eq!(kind.country_code(), country);
            assert_eq!(kind.example(), example);
        }
    }

    #[test]
    fn names_countries_and_vat_flags() {
        assert_eq!(IdentifierKind::FrSiren.as_str(), "fr.siren");
        assert_eq!(
            IdentifierKind::AllianzCompanyId.as_str(),
            "allianz.company_id"
        );
        assert_eq!(
            IdentifierKind::parse(" FR.VAT "),
            Some(IdentifierKind::FrVat)
        );
        assert_eq!(IdentifierKind::parse("fr.vatx"), None);
        assert_eq!(
            IdentifierKind::GrVat.country().map(Country::alpha2),
            Some("GR")
        );
        assert_eq!(
            IdentifierKind::GbCrn.country().map(Country::alpha2),
            Some("GB")
        );
        assert_eq!(IdentifierKind::Lei.country(), None);
        assert!(IdentifierKind::NoVat.is_vat());
        assert!(IdentifierKind::GrVat.is_vat());
        assert!(!IdentifierKind::ChUid.is_vat());
        assert!(!IdentifierKind::ItPiva.is_vat());
        assert_eq!(IdentifierKind::EsNif.to_string(), "es.nif");
    }
}
