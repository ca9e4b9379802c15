//! ISO 4217 currencies and their minor units.
//!
//! The table is written here rather than taken from a crate: it is 165 entries of four bytes, the
//! crates that carry it (`iso_currency`) are std-only, pull in a build script and a country crate,
//! and still list withdrawn codes (BGN, HRK, SLL, ZWL) as current.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validation_error::ValidationError;

/// Every code [`Currency::parse`] can produce.
pub const CODES: &[&str] = &["currency.required", "currency.unknown"];

/// ISO 4217 "List One" (current currencies and funds, as of amendment 180, effective
/// 2026-01-01), each alphabetic code immediately followed by its minor units, sorted by code.
/// Four bytes an entry; searched by binary search.
///
/// Left out on purpose: codes whose minor unit is "N.A." (precious metals XAU XAG XPD XPT, the
/// bond-market units XBA–XBD, XDR, XSU, XUA, and the testing codes XTS XXX) since an amount in
/// them has no minor unit to count in, and every withdrawn code (BGN since 2026-01-01 — Bulgaria
/// uses EUR —, HRK, CUC, SLL, ZWL, ANG — replaced by XCG).
const TABLE: &str = "\
AED2AFN2ALL2AMD2AOA2ARS2AUD2AWG2AZN2BAM2BBD2BDT2BHD3BIF0BMD2BND2BOB2BOV2BRL2BSD2\
BTN2BWP2BYN2BZD2CAD2CDF2CHE2CHF2CHW2CLF4CLP0CNY2COP2COU2CRC2CUP2CVE2CZK2DJF0DKK2\
DOP2DZD2EGP2ERN2ETB2EUR2FJD2FKP2GBP2GEL2GHS2GIP2GMD2GNF0GTQ2GYD2HKD2HNL2HTG2HUF2\
IDR2ILS2INR2IQD3IRR2ISK0JMD2JOD3JPY0KES2KGS2KHR2KMF0KPW2KRW0KWD3KYD2KZT2LAK2LBP2\
LKR2LRD2LSL2LYD3MAD2MDL2MGA2MKD2MMK2MNT2MOP2MRU2MUR2MVR2MWK2MXN2MXV2MYR2MZN2NAD2\
NGN2NIO2NOK2NPR2NZD2OMR3PAB2PEN2PGK2PHP2PKR2PLN2PYG0QAR2RON2RSD2RUB2RWF0SAR2SBD2\
SCR2SDG2SEK2SGD2SHP2SLE2SOS2SRD2SSP2STN2SVC2SYP2SZL2THB2TJS2TMT2TND3TOP2TRY2TTD2\
TWD2TZS2UAH2UGX0USD2USN2UYI0UYU2UYW4UZS2VED2VES2VND0VUV0WST2XAD2XAF0XCD2XCG2XOF0\
XPF0YER2ZAR2ZMW2ZWG2";

const ENTRY: usize = 4;

/// A currency, identified by its ISO 4217 alphabetic code.
///
/// Serialises as its code (`"EUR"`); deserialises from a code in any case.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency {
    /// Index of the entry in [`TABLE`].
    index: u8,
}

/// Finds `code` (upper-case ASCII) in the table, at compile time or at run time.
const fn find(code: [u8; 3]) -> Option<u8> {
    let table = TABLE.as_bytes();
    let mut index = 0;
    while index * ENTRY < table.len() {
        let at = index * ENTRY;
        if table[at] == code[0] && table[at + 1] == code[1] && table[at + 2] == code[2] {
            return Some(index as u8);
        }
        index += 1;
    }
    None
}

/// The currency for a code known to be in the table; the first entry otherwise (a unit test
/// checks every constant below).
const fn known(code: &[u8; 3]) -> Currency {
    match find(*code) {
        Some(index) => Currency { index },
        None => Currency { index: 0 },
    }
}

impl Currency {
    /// Euro.
    pub const EUR: Currency = known(b"EUR");
    /// US dollar.
    pub const USD: Currency = known(b"USD");
    /// Pound sterling.
    pub const GBP: Currency = known(b"GBP");
    /// Swiss franc.
    pub const CHF: Currency = known(b"CHF");
    /// Japanese yen (no minor unit).
    pub const JPY: Currency = known(b"JPY");

    /// Looks a currency up by its alphabetic code (`"EUR"`), ignoring case and surrounding blanks.
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim().as_bytes();
        let [a, b, c] = code else {
            return None;
        };
        let wanted = [
            a.to_ascii_uppercase(),
            b.to_ascii_uppercase(),
            c.to_ascii_uppercase(),
        ];
        let table = TABLE.as_bytes();
        let (mut low, mut high) = (0, TABLE.len() / ENTRY);
        while low < high {
            let mid = (low + high) / 2;
            match table[mid * ENTRY..mid * ENTRY + 3].cmp(&wanted[..]) {
                std::cmp::Ordering::Equal => {
                    return u8::try_from(mid).ok().map(|index| Self { index })
                }
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
            }
        }
        None
    }

    /// Parses a currency code as a person or a program may pass it (any case, blanks around).
    ///
    /// Errors (field `currency`): `currency.required` when blank; `currency.unknown` (param
    /// `value`: the trimmed text) when it is not a current ISO 4217 code.
    pub fn parse(text: &str) -> Result<Self, ValidationError> {
        let trimmed = text.trim();
        Self::from_code(trimmed).ok_or_else(|| {
            if trimmed.is_empty() {
                ValidationError::new("currency.required", "currency")
            } else {
                ValidationError::new("currency.unknown", "currency").with_param("value", trimmed)
            }
        })
    }

    /// Every current currency, sorted by code.
    pub fn all() -> impl Iterator<Item = Currency> {
        (0..TABLE.len() / ENTRY)
            .filter_map(|index| u8::try_from(index).ok().map(|index| Self { index }))
    }

    /// The ISO 4217 alphabetic code, e.g. `"EUR"`.
    pub fn code(self) -> &'static str {
        let start = usize::from(self.index) * ENTRY;
        TABLE.get(start..start + 3).unwrap_or("XXX")
    }

    /// How many decimal digits the currency's minor unit has: 2 for EUR, 0 for JPY, 3 for KWD,
    /// 4 for CLF.
    pub fn minor_units(self) -> u32 {
        let at = usize::from(self.index) * ENTRY + 3;
        TABLE
            .as_bytes()
            .get(at)
            .map_or(2, |digit| u32::from(digit.saturating_sub(b'0')))
    }

    /// How many minor units make one major unit: `10^minor_units` (100 for EUR, 1 for JPY).
    pub fn minor_per_major(self) -> i64 {
        10_i64.pow(self.minor_units())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = ValidationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
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
        assert_eq!(TABLE.len() / ENTRY, 165);
        let codes: Vec<&str> = Currency::all().map(Currency::code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "codes must be sorted and unique");
        for currency in Currency::all() {
            assert!(currency.code().bytes().all(|b| b.is_ascii_uppercase()));
            assert!(currency.minor_units() <= 4, "{currency:?}");
            assert_eq!(Currency::from_code(currency.code()), Some(currency));
        }
    }

    #[test]
    fn constants_name_their_currency() {
        assert_eq!(Currency::EUR.code(), "EUR");
        assert_eq!(Currency::USD.code(), "USD");
        assert_eq!(Currency::GBP.code(), "GBP");
        assert_eq!(Currency::CHF.code(), "CHF");
        assert_eq!(Currency::JPY.code(), "JPY");
    }

    #[test]
    fn knows_minor_units() {
        for (code, units) in [
            ("JPY", 0),
            ("EUR", 2),
            ("KWD", 3),
            ("CHF", 2),
            ("BHD", 3),
            ("CLF", 4),
            ("ISK", 0),
            ("XOF", 0),
            ("UYW", 4),
        ] {
            assert_eq!(
                Currency::parse(code).unwrap().minor_units(),
                units,
                "{code}"
            );
        }
        assert_eq!(Currency::EUR.minor_per_major(), 100);
        assert_eq!(Currency::JPY.minor_per_major(), 1);
    }

    #[test]
    fn parse_accepts_case_and_blanks() {
        assert_eq!(Currency::parse(" eur ").unwrap(), Currency::EUR);
        assert_eq!("chf".parse::<Currency>().unwrap(), Currency::CHF);
    }

    #[test]
    fn parse_rejects_unknown_withdrawn_and_empty() {
        assert_eq!(Currency::parse("").unwrap_err().code, "currency.required");
        for text in ["XXX", "BGN", "HRK", "XAU", "EURO", "€", "E", "ÉUR"] {
            let error = Currency::parse(text).unwrap_err();
            assert_eq!(error.code, "currency.unknown", "{text}");
            assert!(CODES.contains(&error.code.as_str()));
        }
    }

    #[test]
    fn serde_round_trip() {
        assert_eq!(serde_json::to_string(&Currency::EUR).unwrap(), "\"EUR\"");
        let back: Currency = serde_json::from_str("\"jpy\"").unwrap();
        assert_eq!(back, Currency::JPY);
        assert!(serde_json::from_str::<Currency>("\"QQQ\"").is_err());
    }
}
