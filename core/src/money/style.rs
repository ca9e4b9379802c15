//! How each supported locale writes an amount of money: separators, where the currency goes,
//! where the minus goes, and which currencies have a symbol.
//!
//! Taken from CLDR 48 as ICU 78 applies it (`Intl.NumberFormat` in Chromium and Node in 2026);
//! `core/tests/money_format.rs` checks every style against strings ICU produced.

use crate::country::Country;
use crate::currency::Currency;
use crate::locale::{Language, Locale};

/// U+00A0 NO-BREAK SPACE: between a currency and the number.
pub(crate) const NBSP: char = '\u{a0}';
/// U+202F NARROW NO-BREAK SPACE: French digit grouping.
pub(crate) const NNBSP: char = '\u{202f}';

/// Where the currency and the minus sign go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// `¤1,000.50`, `-¤1,000.50`; a no-break space follows a symbol that does not end in a
    /// currency sign (`CHF 1,000.50`, but `CA$1,000.50`). English.
    PrefixTight,
    /// `¤ 1.000,50`, `-¤ 1.000,50`. de-AT, de-LI.
    PrefixMinusFirst,
    /// `¤ 1'000.50`, `¤-1'000.50`. de-CH, it-CH.
    PrefixMinusAfterSymbol,
    /// `¤ 1.000,50`, `¤ -1.000,50`. Dutch.
    PrefixMinusAfterSpace,
    /// `1.000,50 ¤`, `-1.000,50 ¤`. French, German, Spanish, Italian.
    Suffix,
}

/// The number format of one locale.
#[derive(Debug)]
pub(crate) struct Style {
    /// Decimal separator.
    pub(crate) decimal: char,
    /// Grouping separator.
    pub(crate) group: char,
    /// Digits the integer part needs before grouping starts: 4 (`1,000`) or 5 (`10.000`, Spanish
    /// and Italian write `1000`).
    pub(crate) group_from_digits: usize,
    /// Where the currency and the minus go.
    pub(crate) layout: Layout,
    /// Currency symbols by code; a currency not listed is written as its code.
    symbols: &'static [(&'static str, &'static str)],
}

impl Style {
    /// What the locale writes for `currency`: a symbol (`€`, `US$`, `$CA`) or the code (`CHF`).
    pub(crate) fn symbol(&self, currency: Currency) -> &'static str {
        lookup(self.symbols, currency.code()).unwrap_or(currency.code())
    }

    /// The separator that is ambiguous when it appears once before three digits: the one that
    /// is *not* this locale's decimal separator (`,` where the decimal is `.`, `.` otherwise).
    pub(crate) fn ambiguous_group(&self) -> char {
        if self.decimal == '.' {
            ','
        } else {
            '.'
        }
    }
}

fn lookup(table: &'static [(&'static str, &'static str)], code: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(candidate, _)| *candidate == code)
        .map(|(_, symbol)| *symbol)
}

const EN_SYMBOLS: &[(&str, &str)] = &[
    ("AUD", "A$"),
    ("BRL", "R$"),
    ("CAD", "CA$"),
    ("CNY", "CN\u{a5}"),
    ("EUR", "\u{20ac}"),
    ("GBP", "\u{a3}"),
    ("HKD", "HK$"),
    ("ILS", "\u{20aa}"),
    ("INR", "\u{20b9}"),
    ("JPY", "\u{a5}"),
    ("KRW", "\u{20a9}"),
    ("MXN", "MX$"),
    ("NZD", "NZ$"),
    ("PHP", "\u{20b1}"),
    ("TWD", "NT$"),
    ("USD", "$"),
    ("VND", "\u{20ab}"),
    ("XAF", "FCFA"),
    ("XCD", "EC$"),
    ("XCG", "Cg."),
    ("XOF", "F\u{202f}CFA"),
    ("XPF", "CFPF"),
];

/// English outside the US (CLDR `en-001`): as [`EN_SYMBOLS`] but `US$` and `JP¥`.
const EN_001_SYMBOLS: &[(&str, &str)] = &[
    ("AUD", "A$"),
    ("BRL", "R$"),
    ("CAD", "CA$"),
    ("CNY", "CN\u{a5}"),
    ("EUR", "\u{20ac}"),
    ("GBP", "\u{a3}"),
    ("HKD", "HK$"),
    ("ILS", "\u{20aa}"),
    ("INR", "\u{20b9}"),
    ("JPY", "JP\u{a5}"),
    ("KRW", "\u{20a9}"),
    ("MXN", "MX$"),
    ("NZD", "NZ$"),
    ("PHP", "\u{20b1}"),
    ("TWD", "NT$"),
    ("USD", "US$"),
    ("VND", "\u{20ab}"),
    ("XAF", "FCFA"),
    ("XCD", "EC$"),
    ("XCG", "Cg."),
    ("XOF", "F\u{202f}CFA"),
    ("XPF", "CFPF"),
];

const FR_SYMBOLS: &[(&str, &str)] = &[
    ("ARS", "$AR"),
    ("AUD", "$AU"),
    ("BMD", "$BM"),
    ("BND", "$BN"),
    ("BRL", "R$"),
    ("BZD", "$BZ"),
    ("CAD", "$CA"),
    ("CLP", "$CL"),
    ("COP", "$CO"),
    ("EUR", "\u{20ac}"),
    ("FJD", "$FJ"),
    ("FKP", "\u{a3}FK"),
    ("GBP", "\u{a3}GB"),
    ("GIP", "\u{a3}GI"),
    ("ILS", "\u{20aa}"),
    ("INR", "\u{20b9}"),
    ("KRW", "\u{20a9}"),
    ("LBP", "\u{a3}LB"),
    ("MXN", "$MX"),
    ("NAD", "$NA"),
    ("NZD", "$NZ"),
    ("SBD", "$SB"),
    ("SGD", "$SG"),
    ("SRD", "$SR"),
    ("TTD", "$TT"),
    ("USD", "$US"),
    ("UYU", "$UY"),
    ("VND", "\u{20ab}"),
    ("WST", "$WS"),
    ("XAF", "FCFA"),
    ("XCG", "Cg."),
    ("XOF", "F\u{202f}CFA"),
    ("XPF", "FCFP"),
];

const DE_SYMBOLS: &[(&str, &str)] = &[
    ("AUD", "AU$"),
    ("BRL", "R$"),
    ("CAD", "CA$"),
    ("CNY", "CN\u{a5}"),
    ("EUR", "\u{20ac}"),
    ("GBP", "\u{a3}"),
    ("HKD", "HK$"),
    ("ILS", "\u{20aa}"),
    ("INR", "\u{20b9}"),
    ("JPY", "\u{a5}"),
    ("KRW", "\u{20a9}"),
    ("MXN", "MX$"),
    ("NZD", "NZ$"),
    ("THB", "\u{e3f}"),
    ("TWD", "NT$"),
    ("USD", "$"),
    ("VND", "\u{20ab}"),
    ("XAF", "FCFA"),
    ("XCD", "EC$"),
    ("XCG", "Cg."),
    ("XOF", "F\u{202f}CFA"),
    ("XPF", "CFPF"),
];

/// Swiss and Liechtenstein German: as [`DE_SYMBOLS`] but the euro is written `EUR`.
const DE_CH_SYMBOLS: &[(&str, &str)] = &[
    ("AUD", "AU$"),
    ("BRL", "R$"),
    ("CAD", "CA$"),
    ("CNY", "CN\u{a5}"),
    ("GBP", "\u{a3}"),
    ("HKD", "HK$"),
    ("ILS", "\u{20aa}"),
    ("INR", "\u{20b9}"),
    ("JPY", "\u{a5}"),
    ("KRW", "\u{20a9}"),
    ("MXN", "MX$"),
    ("NZD", "NZ$"),
    ("THB", "\u{e3f}"),
    ("TWD", "NT$"),
    ("USD", "$"),
    ("VND", "\u{20ab}"),
    ("XAF", "FCFA"),
    ("XCD", "EC$"),
    ("XCG", "Cg."),
    ("XOF", "F\u{202f}CFA"),
    ("XPF", "CFPF"),
];

const NL_SYMBOLS: &[(&str, &str)] = &[
    ("AUD", "AU$"),
    ("BRL", "R$"),
    ("CAD", "C$"),
    ("CNY", "CN\u{a5}"),
    ("EUR", "\u{20ac}"),
    ("FJD", "FJ$"),
    ("GBP", "\u{a3}"),
    ("HKD", "HK$"),
    ("ILS", "\u{20aa}"),
    ("INR", "\u{20b9}"),
    ("JPY", "JP\u{a5}"),
    ("KRW", "\u{20a9}"),
    ("MXN", "MX$"),
    ("NZD", "NZ$"),
    ("SBD", "SI$"),
    ("THB", "\u{e3f}"),
    ("TWD", "NT$"),
    ("USD", "US$"),
    ("VND", "\u{20ab}"),
    ("XAF", "FCFA"),
    ("XCD", "EC$"),
    ("XCG", "Cg."),
    ("XOF", "F\u{202f}CFA"),
    ("ZWG", "ZiG"),
];

const ES_SYMBOLS: &[(&str, &str)] = &[
    ("EUR", "\u{20ac}"),
    ("THB", "\u{e3f}"),
    ("USD", "US$"),
    ("VND", "\u{20ab}"),
    ("XCG", "Cg."),
    ("XPF", "CFPF"),
];

const IT_SYMBOLS: &[(&str, &str)] = &[
    ("AUD", "A$"),
    ("CAD", "CA$"),
    ("CNY", "CN\u{a5}"),
    ("EUR", "\u{20ac}"),
    ("GBP", "\u{a3}"),
    ("ILS", "\u{20aa}"),
    ("NZD", "NZ$"),
    ("PHP", "\u{20b1}"),
    ("THB", "\u{e3f}"),
    ("XAF", "FCFA"),
    ("XCD", "EC$"),
    ("XCG", "Cf"),
    ("XOF", "F\u{202f}CFA"),
    ("XPF", "CFPF"),
];

/// Every symbol table, for recognising a symbol typed in any locale.
pub(crate) const ALL_SYMBOLS: &[&[(&str, &str)]] = &[
    EN_SYMBOLS,
    EN_001_SYMBOLS,
    FR_SYMBOLS,
    DE_SYMBOLS,
    NL_SYMBOLS,
    ES_SYMBOLS,
    IT_SYMBOLS,
];

/// Symbols people type that no supported locale writes; recognised (ignoring case) when
/// parsing, never written.
pub(crate) const TYPED_SYMBOLS: &[(&str, &str)] = &[
    ("AZN", "\u{20bc}"),
    ("CHF", "Fr."),
    ("CHF", "Fr"),
    ("CHF", "SFr."),
    ("CRC", "\u{20a1}"),
    ("CZK", "K\u{10d}"),
    ("DKK", "kr."),
    ("DKK", "kr"),
    ("EUR", "euro"),
    ("EUR", "euros"),
    ("GEL", "\u{20be}"),
    ("HUF", "Ft"),
    ("ISK", "kr"),
    ("KZT", "\u{20b8}"),
    ("NGN", "\u{20a6}"),
    ("NOK", "kr"),
    ("PLN", "z\u{142}"),
    ("PYG", "\u{20b2}"),
    ("RON", "lei"),
    ("RUB", "\u{20bd}"),
    ("SEK", "kr"),
    ("TRY", "\u{20ba}"),
    ("TRY", "TL"),
    ("UAH", "\u{20b4}"),
];

const fn style(
    decimal: char,
    group: char,
    group_from_digits: usize,
    layout: Layout,
    symbols: &'static [(&'static str, &'static str)],
) -> Style {
    Style {
        decimal,
        group,
        group_from_digits,
        layout,
        symbols,
    }
}

static EN: Style = style('.', ',', 4, Layout::PrefixTight, EN_SYMBOLS);
static EN_001: Style = style('.', ',', 4, Layout::PrefixTight, EN_001_SYMBOLS);
static FR: Style = style(',', NNBSP, 4, Layout::Suffix, FR_SYMBOLS);
static FR_CH: Style = style('.', NNBSP, 4, Layout::Suffix, FR_SYMBOLS);
static FR_LU: Style = style(',', '.', 4, Layout::Suffix, FR_SYMBOLS);
static DE: Style = style(',', '.', 4, Layout::Suffix, DE_SYMBOLS);
static DE_AT: Style = style(',', '.', 4, Layout::PrefixMinusFirst, DE_SYMBOLS);
static DE_CH: Style = style('.', '\'', 4, Layout::PrefixMinusAfterSymbol, DE_CH_SYMBOLS);
static DE_LI: Style = style('.', '\'', 4, Layout::PrefixMinusFirst, DE_CH_SYMBOLS);
static NL: Style = style(',', '.', 4, Layout::PrefixMinusAfterSpace, NL_SYMBOLS);
static ES: Style = style(',', '.', 5, Layout::Suffix, ES_SYMBOLS);
static IT: Style = style(',', '.', 5, Layout::Suffix, IT_SYMBOLS);
static IT_CH: Style = style('.', '\'', 5, Layout::PrefixMinusAfterSymbol, IT_SYMBOLS);

/// English regions that CLDR formats as `en-001` (`US$`, `JP¥`) with no other change; checked
/// one by one against ICU. Other English regions (AT, CH, DK, SE, NO, PL, CZ, HU, RO, MT, CA,
/// AU, NZ, SG, IN, ZA…) have formats of their own that are not reproduced: they get plain `en`.
const EN_001_REGIONS: &[&str] = &[
    "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GB", "HK", "IE", "IL", "IT", "LT", "LV", "NL", "PT",
    "SI", "SK",
];

/// The style for a locale. Regions with their own format: en-GB and the other `en-001` regions,
/// fr-CH, fr-LU, de-AT, de-CH, de-LI, it-CH; every other region gets its language's format
/// (exact for fr-BE, fr-MC, de-BE, de-LU, de-IT, nl-BE, it-SM, es-ES; not for es-MX, fr-CA,
/// en-CH and the like).
pub(crate) fn for_locale(locale: &Locale) -> &'static Style {
    let region = locale.region.map(Country::alpha2);
    match (locale.language, region) {
        (Language::En, Some(region)) if EN_001_REGIONS.contains(&region) => &EN_001,
        (Language::En, _) => &EN,
        (Language::Fr, Some("CH")) => &FR_CH,
        (Language::Fr, Some("LU")) => &FR_LU,
        (Language::Fr, _) => &FR,
        (Language::De, Some("AT")) => &DE_AT,
        (Language::De, Some("CH")) => &DE_CH,
        (Language::De, Some("LI")) => &DE_LI,
        (Language::De, _) => &DE,
        (Language::Nl, _) => &NL,
        (Language::Es, _) => &ES,
        (Language::It, Some("CH")) => &IT_CH,
        (Language::It, _) => &IT,
    }
}

/// Whether `c` is a currency sign or another symbol after which ICU puts no space before digits
/// (`$`, `€`, `£`, `¥`, `₹`…), as opposed to a letter or a dot (`CHF 1`, `Cg. 1`).
pub(crate) fn is_currency_sign(c: char) -> bool {
    matches!(
        c,
        '$' | '\u{a2}'..='\u{a5}'
            | '\u{58f}'
            | '\u{60b}'
            | '\u{9f2}'
            | '\u{9f3}'
            | '\u{e3f}'
            | '\u{17db}'
            | '\u{20a0}'..='\u{20c0}'
            | '\u{fdfc}'
            | '\u{fe69}'
            | '\u{ff04}'
            | '\u{ffe0}'
            | '\u{ffe1}'
            | '\u{ffe5}'
            | '\u{ffe6}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_tables_name_current_currencies() {
        for table in ALL_SYMBOLS.iter().chain([&DE_CH_SYMBOLS, &TYPED_SYMBOLS]) {
            for (code, symbol) in table.iter() {
                assert!(Currency::from_code(code).is_some(), "{code}");
                assert!(!symbol.is_empty());
            }
        }
    }

    #[test]
    fn styles_follow_the_region() {
        let of = |tag: &str| for_locale(&Locale::parse(tag));
        assert!(std::ptr::eq(of("en-GB"), &EN_001));
        assert!(std::ptr::eq(of("en-US"), &EN));
        assert!(std::ptr::eq(of("en-CH"), &EN));
        assert!(std::ptr::eq(of("de-CH"), &DE_CH));
        assert!(std::ptr::eq(of("fr-BE"), &FR));
        assert!(std::ptr::eq(of("nl-BE"), &NL));
        assert_eq!(of("es").symbol(Currency::CHF), "CHF");
        assert_eq!(of("fr").symbol(Currency::USD), "$US");
        assert_eq!(of("de-CH").symbol(Currency::EUR), "EUR");
    }
}
