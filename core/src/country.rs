//! ISO 3166-1 countries: alpha-2 ⇄ alpha-3, as the insurers need them (Allianz Trade speaks alpha-2,
//! Atradius and Coface alpha-3).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validation_error::ValidationError;

/// Every officially assigned ISO 3166-1 code pair, alpha-2 immediately followed by alpha-3,
/// sorted by alpha-2. Five bytes an entry; searched by binary search.
const TABLE: &str = "\
ADANDAEAREAFAFGAGATGAIAIAALALBAMARMAOAGOAQATAARARGASASMATAUTAUAUSAWABWAXALAAZAZE\
BABIHBBBRBBDBGDBEBELBFBFABGBGRBHBHRBIBDIBJBENBLBLMBMBMUBNBRNBOBOLBQBESBRBRABSBHS\
BTBTNBVBVTBWBWABYBLRBZBLZCACANCCCCKCDCODCFCAFCGCOGCHCHECICIVCKCOKCLCHLCMCMRCNCHN\
COCOLCRCRICUCUBCVCPVCWCUWCXCXRCYCYPCZCZEDEDEUDJDJIDKDNKDMDMADODOMDZDZAECECUEEEST\
EGEGYEHESHERERIESESPETETHFIFINFJFJIFKFLKFMFSMFOFROFRFRAGAGABGBGBRGDGRDGEGEOGFGUF\
GGGGYGHGHAGIGIBGLGRLGMGMBGNGINGPGLPGQGNQGRGRCGSSGSGTGTMGUGUMGWGNBGYGUYHKHKGHMHMD\
HNHNDHRHRVHTHTIHUHUNIDIDNIEIRLILISRIMIMNININDIOIOTIQIRQIRIRNISISLITITAJEJEYJMJAM\
JOJORJPJPNKEKENKGKGZKHKHMKIKIRKMCOMKNKNAKPPRKKRKORKWKWTKYCYMKZKAZLALAOLBLBNLCLCA\
LILIELKLKALRLBRLSLSOLTLTULULUXLVLVALYLBYMAMARMCMCOMDMDAMEMNEMFMAFMGMDGMHMHLMKMKD\
MLMLIMMMMRMNMNGMOMACMPMNPMQMTQMRMRTMSMSRMTMLTMUMUSMVMDVMWMWIMXMEXMYMYSMZMOZNANAM\
NCNCLNENERNFNFKNGNGANINICNLNLDNONORNPNPLNRNRUNUNIUNZNZLOMOMNPAPANPEPERPFPYFPGPNG\
PHPHLPKPAKPLPOLPMSPMPNPCNPRPRIPSPSEPTPRTPWPLWPYPRYQAQATREREUROROURSSRBRURUSRWRWA\
SASAUSBSLBSCSYCSDSDNSESWESGSGPSHSHNSISVNSJSJMSKSVKSLSLESMSMRSNSENSOSOMSRSURSSSSD\
STSTPSVSLVSXSXMSYSYRSZSWZTCTCATDTCDTFATFTGTGOTHTHATJTJKTKTKLTLTLSTMTKMTNTUNTOTON\
TRTURTTTTOTVTUVTWTWNTZTZAUAUKRUGUGAUMUMIUSUSAUYURYUZUZBVAVATVCVCTVEVENVGVGBVIVIR\
VNVNMVUVUTWFWLFWSWSMYEYEMYTMYTZAZAFZMZMBZWZWE";

const ENTRY: usize = 5;

/// Every error code of country parsing (`country.unknown` has the param `value`).
pub const CODES: &[&str] = &["country.required", "country.unknown"];

/// A country, identified by its ISO 3166-1 code.
///
/// Serialises as its alpha-2 code (`"FR"`); deserialises from alpha-2 or alpha-3, any case.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country {
    /// Index of the entry in [`TABLE`].
    index: u16,
}

impl Country {
    /// Looks a country up by its alpha-2 code (`"FR"`), ignoring case and surrounding blanks.
    pub fn from_alpha2(code: &str) -> Option<Self> {
        let code = normalise(code, 2)?;
        let count = TABLE.len() / ENTRY;
        let (mut low, mut high) = (0, count);
        while low < high {
            let mid = (low + high) / 2;
            let candidate = &TABLE.as_bytes()[mid * ENTRY..mid * ENTRY + 2];
            match candidate.cmp(&code[..2]) {
                std::cmp::Ordering::Equal => return Some(Self { index: mid as u16 }),
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
            }
        }
        None
    }

    /// Looks a country up by its alpha-3 code (`"FRA"`), ignoring case and surrounding blanks.
    pub fn from_alpha3(code: &str) -> Option<Self> {
        let code = normalise(code, 3)?;
        (0..TABLE.len() / ENTRY)
            .find(|i| &TABLE.as_bytes()[i * ENTRY + 2..i * ENTRY + 5] == code.as_slice())
            .map(|i| Self { index: i as u16 })
    }

    /// Parses what a person or a program may pass for a country: an alpha-2 or alpha-3 code, any
    /// case, or one of the VAT prefixes that differ from ISO (`EL` for Greece, `XI` for Northern
    /// Ireland, which is part of GB).
    pub fn parse(text: &str) -> Result<Self, ValidationError> {
        let trimmed = text.trim();
        let found = match trimmed.len() {
            2 => match trimmed.to_ascii_uppercase().as_str() {
                "EL" => Self::from_alpha2("GR"),
                "XI" => Self::from_alpha2("GB"),
                _ => Self::from_alpha2(trimmed),
            },
            3 => Self::from_alpha3(trimmed),
            _ => None,
        };
        found.ok_or_else(|| {
            if trimmed.is_empty() {
                ValidationError::new("country.required", "country")
            } else {
                ValidationError::new("country.unknown", "country").with_param("value", trimmed)
            }
        })
    }

    /// Every ISO 3166-1 country, sorted by alpha-2 code.
    pub fn all() -> impl Iterator<Item = Country> {
        (0..(TABLE.len() / ENTRY) as u16).map(|index| Self { index })
    }

    /// The ISO 3166-1 alpha-2 code, e.g. `"FR"`.
    pub fn alpha2(self) -> &'static str {
        let start = usize::from(self.index) * ENTRY;
        &TABLE[start..start + 2]
    }

    /// The ISO 3166-1 alpha-3 code, e.g. `"FRA"`.
    pub fn alpha3(self) -> &'static str {
        let start = usize::from(self.index) * ENTRY + 2;
        &TABLE[start..start + 3]
    }
}

/// Upper-cases `code` if it is exactly `len` ASCII letters (after trimming).
fn normalise(code: &str, len: usize) -> Option<[u8; 3]> {
    let code = code.trim().as_bytes();
    if code.len() != len || !code.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut out = [0u8; 3];
    for (slot, byte) in out.iter_mut().zip(code) {
        *slot = byte.to_ascii_uppercase();
    }
    Some(out)
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.alpha2())
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.alpha2())
    }
}

impl FromStr for Country {
    type Err = ValidationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.alpha2())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_well_formed_and_sorted() {
        assert_eq!(TABLE.len() % ENTRY, 0);
        assert_eq!(TABLE.len() / ENTRY, 249, "ISO 3166-1 assigns 249 codes");
        let codes: Vec<&str> = Country::all().map(Country::alpha2).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "alpha-2 codes must be sorted and unique");
        let mut alpha3: Vec<&str> = Country::all().map(Country::alpha3).collect();
        alpha3.sort_unstable();
        alpha3.dedup();
        assert_eq!(alpha3.len(), 249, "alpha-3 codes must be unique");
        assert!(TABLE.bytes().all(|b| b.is_ascii_uppercase()));
    }

    #[test]
    fn converts_between_alpha2_and_alpha3() {
        for (a2, a3) in [
            ("FR", "FRA"),
            ("DE", "DEU"),
            ("GB", "GBR"),
            ("CH", "CHE"),
            ("US", "USA"),
            ("GR", "GRC"),
            ("AD", "AND"),
            ("ZW", "ZWE"),
        ] {
            let by2 = Country::from_alpha2(a2).unwrap();
            let by3 = Country::from_alpha3(a3).unwrap();
            assert_eq!(by2, by3);
            assert_eq!(by2.alpha3(), a3);
            assert_eq!(by3.alpha2(), a2);
        }
    }

    #[test]
    fn parse_accepts_case_blanks_and_vat_prefixes() {
        assert_eq!(Country::parse(" fr ").unwrap().alpha2(), "FR");
        assert_eq!(Country::parse("deu").unwrap().alpha2(), "DE");
        assert_eq!(Country::parse("EL").unwrap().alpha2(), "GR");
        assert_eq!(Country::parse("xi").unwrap().alpha2(), "GB");
    }

    #[test]
    fn parse_rejects_unknown_and_empty_with_typed_codes() {
        assert_eq!(Country::parse("").unwrap_err().code, "country.required");
        assert_eq!(Country::parse("XX").unwrap_err().code, "country.unknown");
        assert_eq!(Country::parse("FRAN").unwrap_err().code, "country.unknown");
        assert_eq!(Country::parse("F1").unwrap_err().code, "country.unknown");
        assert_eq!(Country::parse("ÉÉ").unwrap_err().code, "country.unknown");
    }

    #[test]
    fn serde_round_trip() {
        let fr = Country::parse("FR").unwrap();
        assert_eq!(serde_json::to_string(&fr).unwrap(), "\"FR\"");
        let back: Country = serde_json::from_str("\"fra\"").unwrap();
        assert_eq!(back, fr);
        assert!(serde_json::from_str::<Country>("\"QQ\"").is_err());
    }
}
