//! Human messages for error codes, in the six UI languages. The core holds codes and params;
//! the words live in one catalogue file per language (`core/messages/<lang>.txt`, lines of
//! `code = message with {param}`), checked by tests to cover exactly the codes the core emits.

use std::sync::OnceLock;

use crate::locale::Language;
use crate::validation_error::ValidationError;

/// The catalogue text of each language.
const CATALOGUES: [(Language, &str); 6] = [
    (Language::En, include_str!("../messages/en.txt")),
    (Language::Fr, include_str!("../messages/fr.txt")),
    (Language::De, include_str!("../messages/de.txt")),
    (Language::Nl, include_str!("../messages/nl.txt")),
    (Language::Es, include_str!("../messages/es.txt")),
    (Language::It, include_str!("../messages/it.txt")),
];

/// Codes of answers from insurers and transport, reported by the widgets.
pub const TRANSPORT_CODES: &[&str] = &["network.failed"];

/// Codes of malformed arguments to the JS API (a programming error of the integrator).
pub const INPUT_CODES: &[&str] = &[
    "input.not_text",
    "input.context",
    "input.money",
    "field.unknown",
];

/// Codes of a widget's `texts` option (per-instance replacements of catalogue texts).
pub const TEXTS_CODES: &[&str] = &["texts.unknown_key", "texts.not_text"];

/// The widget text `key` in `language` with its `{param}`s filled from `params`, falling back
/// to English, then to the bare key.
pub fn text(language: Language, key: &str, params: &[(&str, &str)]) -> String {
    let error = params
        .iter()
        .fold(ValidationError::new(key, ""), |error, (name, value)| {
            error.with_param(*name, value)
        });
    message(language, &error)
}

/// Every error code the core and the widgets can report.
pub fn all_codes() -> Vec<&'static str> {
    [
        crate::country::CODES,
        crate::insurer::CODES,
        crate::insurer_error::CODES,
        crate::identifier::CODES,
        crate::currency::CODES,
        crate::money::CODES,
        crate::field::CODES,
        crate::cover_application::CODES,
        TRANSPORT_CODES,
        INPUT_CODES,
        TEXTS_CODES,
    ]
    .concat()
}

/// Every key of the catalogues: the error codes ([`all_codes`]) and the widgets' texts
/// ([`crate::widget_text`]).
pub fn all_keys() -> Vec<&'static str> {
    [
        all_codes().as_slice(),
        crate::widget_text::BUYER_SEARCH,
        crate::widget_text::COVER_FORM,
        crate::widget_text::DECISION_TRACKER,
    ]
    .concat()
}

/// The `(code, template)` entries of a catalogue text.
fn entries(catalogue: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    catalogue
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(code, template)| (code.trim(), template.trim()))
}

/// The entries of `language`'s catalogue sorted by code (the catalogue's order kept among
/// equal codes), parsed on first use: every text a widget shows looked its template up by
/// parsing the catalogue's lines again (a tracker scrolling 100,000 rows did it for each row's
/// label, the heaviest wasm function of the scroll's profile after the reactive graph).
fn index(language: Language) -> &'static [(&'static str, &'static str)] {
    static INDEXES: [OnceLock<Vec<(&str, &str)>>; CATALOGUES.len()] =
        [const { OnceLock::new() }; CATALOGUES.len()];
    let Some(position) = CATALOGUES.iter().position(|(each, _)| *each == language) else {
        return &[];
    };
    INDEXES[position].get_or_init(|| {
        let mut sorted: Vec<(&str, &str)> = entries(CATALOGUES[position].1).collect();
        sorted.sort_by_key(|(code, _)| *code);
        sorted
    })
}

/// The template for `code` in `language`, if the catalogue has one (its first line for
/// `code`).
pub fn template(language: Language, code: &str) -> Option<&'static str> {
    let entries = index(language);
    let first = entries.partition_point(|(each, _)| *each < code);
    entries
        .get(first)
        .filter(|(each, _)| *each == code)
        .map(|(_, template)| *template)
}

/// The message for `error` in `language`: the template with `{param}`s filled in, falling back
/// to English, then to the bare code.
pub fn message(language: Language, error: &ValidationError) -> String {
    let Some(template) =
        template(language, &error.code).or_else(|| template(Language::En, &error.code))
    else {
        return error.code.clone();
    };
    fill(template, |name| error.params.get(name).map(String::as_str))
}

/// `template` with each `{name}` replaced by `param(name)`; a placeholder without a value, and
/// an unclosed `{`, stay as they are.
pub fn fill<'a>(template: &str, param: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match param(name) {
                    Some(value) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn placeholders(template: &str) -> BTreeSet<&str> {
        template
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_template_is_found_by_its_code_and_nothing_else() {
        for (language, catalogue) in CATALOGUES {
            for (code, text) in entries(catalogue) {
                assert_eq!(template(language, code), Some(text), "{language:?} {code}");
            }
            assert_eq!(template(language, ""), None);
            assert_eq!(template(language, "zzz.not_a_code"), None);
            assert_eq!(template(language, "network.faile"), None);
        }
    }

    #[test]
    fn every_catalogue_has_exactly_the_codes_the_core_emits() {
        let codes: BTreeSet<&str> = all_keys().into_iter().collect();
        assert_eq!(codes.len(), all_keys().len(), "a code is listed twice");
        for (language, catalogue) in CATALOGUES {
            let keys: Vec<&str> = entries(catalogue).map(|(key, _)| key).collect();
            let key_set: BTreeSet<&str> = keys.iter().copied().collect();
            assert_eq!(
                key_set.len(),
                keys.len(),
                "{language:?}: a key is defined twice"
            );
            let missing: Vec<_> = codes.difference(&key_set).collect();
            let unused: Vec<_> = key_set.difference(&codes).collect();
            assert!(missing.is_empty(), "{language:?} misses {missing:?}");
            assert!(unused.is_empty(), "{language:?} has unused keys {unused:?}");
            for line in catalogue.lines().map(str::trim) {
                assert!(
                    line.is_empty() || line.starts_with('#') || line.contains(" = "),
                    "{language:?}: malformed line {line:?}"
                );
            }
        }
    }

    #[test]
    fn translations_use_the_same_params_as_english() {
        for code in all_keys() {
            let english = placeholders(template(Language::En, code).unwrap_or_default());
            for language in Language::ALL {
                let translated = template(language, code).unwrap_or_default();
                assert_eq!(placeholders(translated), english, "{language:?} {code}");
                assert!(!translated.is_empty(), "{language:?} {code} is empty");
            }
        }
    }

    #[test]
    fn fills_params_and_falls_back() {
        let error = ValidationError::new("name.too_short", "name").with_param("min", 2);
        assert!(message(Language::En, &error).contains('2'));
        assert!(!message(Language::Fr, &error).contains("{min}"));
        let unknown = ValidationError::new("nothing.like.this", "x");
        assert_eq!(message(Language::De, &unknown), "nothing.like.this");
        let count = text(
            Language::Fr,
            "buyer_search.results_count",
            &[("count", "3")],
        );
        assert!(count.contains('3') && !count.contains("{count}"));
        assert_ne!(
            count,
            text(
                Language::En,
                "buyer_search.results_count",
                &[("count", "3")]
            )
        );
    }

    #[test]
    fn fill_replaces_known_params_and_keeps_the_rest() {
        let params = |name: &str| match name {
            "count" => Some("3"),
            "name" => Some("Acme {x}"),
            _ => None,
        };
        assert_eq!(fill("{count} results", params), "3 results");
        assert_eq!(fill("{name} and {name}", params), "Acme {x} and Acme {x}");
        assert_eq!(fill("{missing} stays", params), "{missing} stays");
        assert_eq!(fill("open { brace", params), "open { brace");
        assert_eq!(fill("", params), "");
    }
}
