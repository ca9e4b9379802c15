//! The user's language and region, read leniently from a BCP 47 tag.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::country::Country;

/// One of the six languages the widgets are translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Language {
    /// English (the fallback for anything unknown).
    #[default]
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Dutch.
    Nl,
    /// Spanish.
    Es,
    /// Italian.
    It,
}

impl Language {
    /// Every supported language, in a stable order.
    pub const ALL: [Language; 6] = [
        Language::En,
        Language::Fr,
        Language::De,
        Language::Nl,
        Language::Es,
        Language::It,
    ];

    /// The ISO 639-1 code, lower case: `en`, `fr`, `de`, `nl`, `es`, `it`.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::De => "de",
            Language::Nl => "nl",
            Language::Es => "es",
            Language::It => "it",
        }
    }

    /// Reads an ISO 639-1 (`fr`) or ISO 639-2 code (`fra`, `fre`), any case; `None` when the
    /// language is not one of the six.
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        Some(match code.as_str() {
            "en" | "eng" => Language::En,
            "fr" | "fra" | "fre" => Language::Fr,
            "de" | "deu" | "ger" => Language::De,
            "nl" | "nld" | "dut" => Language::Nl,
            "es" | "spa" => Language::Es,
            "it" | "ita" => Language::It,
            _ => return None,
        })
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A language and, optionally, the region that refines it (`de-CH` formats money differently
/// from `de`).
///
/// Serialises as its BCP 47 tag (`"fr-FR"`, `"en"`); deserialises from any string, leniently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Locale {
    /// The language.
    pub language: Language,
    /// The region, when the tag named an ISO 3166-1 country.
    pub region: Option<Country>,
}

impl Locale {
    /// A locale from its parts.
    pub fn new(language: Language, region: Option<Country>) -> Self {
        Self { language, region }
    }

    /// Reads a BCP 47 tag leniently, never failing: `fr`, `fr-FR`, `de_CH`, `en-GB`, `nl-BE`,
    /// `fr-Latn-CH`, `fr_FR.UTF-8`, or the first entry of an `Accept-Language` list
    /// (`fr-CH, fr;q=0.9`). A language other than the six gives [`Locale::default`] (English, no
    /// region); a region that is not an ISO 3166-1 alpha-2 code (`es-419`) is dropped.
    pub fn parse(tag: &str) -> Self {
        let first = tag
            .split([',', ';', '.', '@'])
            .next()
            .unwrap_or_default()
            .trim();
        let mut subtags = first.split(['-', '_']);
        let Some(language) = subtags.next().and_then(Language::parse) else {
            return Self::default();
        };
        let region = subtags
            .take_while(|subtag| subtag.len() > 1)
            .find(|subtag| subtag.len() == 2)
            .and_then(Country::from_alpha2);
        Self { language, region }
    }

    /// The BCP 47 tag: `en`, `fr-CH`.
    pub fn tag(&self) -> String {
        match self.region {
            Some(region) => format!("{}-{}", self.language.as_str(), region.alpha2()),
            None => self.language.as_str().to_owned(),
        }
    }
}

impl From<Language> for Locale {
    fn from(language: Language) -> Self {
        Self {
            language,
            region: None,
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag())
    }
}

impl FromStr for Locale {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self::parse(s))
    }
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.tag())
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(Self::parse(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> String {
        Locale::parse(text).tag()
    }

    #[test]
    fn parses_common_tags() {
        assert_eq!(tag("fr"), "fr");
        assert_eq!(tag("fr-FR"), "fr-FR");
        assert_eq!(tag("de_CH"), "de-CH");
        assert_eq!(tag("en-GB"), "en-GB");
        assert_eq!(tag("nl-BE"), "nl-BE");
        assert_eq!(tag("EN-us"), "en-US");
        assert_eq!(tag("fr-Latn-CH"), "fr-CH");
        assert_eq!(tag("fr_FR.UTF-8"), "fr-FR");
        assert_eq!(tag("de-CH, de;q=0.9, en;q=0.8"), "de-CH");
        assert_eq!(tag(" it-IT "), "it-IT");
        assert_eq!(tag("es-419"), "es");
        assert_eq!(tag("deu"), "de");
    }

    #[test]
    fn garbage_is_english() {
        for text in [
            "",
            "  ",
            "xx",
            "pt-BR",
            "-",
            "_FR",
            "zh-Hans-CN",
            "🙂",
            "fr-XX",
        ] {
            let locale = Locale::parse(text);
            if text == "fr-XX" {
                assert_eq!(locale, Locale::from(Language::Fr));
            } else {
                assert_eq!(locale, Locale::default(), "{text:?}");
            }
        }
        assert_eq!(Locale::default().tag(), "en");
    }

    #[test]
    fn extensions_do_not_become_regions() {
        assert_eq!(tag("de-u-nu-latn"), "de");
        assert_eq!(tag("fr-x-ch"), "fr");
    }

    #[test]
    fn languages_round_trip() {
        for language in Language::ALL {
            assert_eq!(Language::parse(language.as_str()), Some(language));
        }
    }

    #[test]
    fn serde_uses_the_tag() {
        let locale = Locale::parse("de-CH");
        assert_eq!(serde_json::to_string(&locale).unwrap(), "\"de-CH\"");
        let back: Locale = serde_json::from_str("\"nl_BE\"").unwrap();
        assert_eq!(back.tag(), "nl-BE");
        let garbage: Locale = serde_json::from_str("\"??\"").unwrap();
        assert_eq!(garbage, Locale::default());
    }
}
