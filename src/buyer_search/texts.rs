//! The box's own words in its language, from the core's message catalogues
//! (`core/messages/<lang>.txt`, keys `buyer_search.*`), or the integrator's replacements
//! ([`crate::text_overrides`], read from the context, tracked: a change re-renders the text).

use leptos::prelude::*;
use tradecover_core::locale::Language;

use crate::text_overrides::use_text_overrides;

fn text(language: Language, key: &str, params: &[(&str, &str)]) -> String {
    use_text_overrides().with(|overrides| overrides.text(language, key, params))
}

/// The text `key` (without its `buyer_search.` prefix) in `language`.
pub(crate) fn tr(language: Language, key: &str) -> String {
    text(language, &format!("buyer_search.{key}"), &[])
}

/// The text `key` (without its `buyer_search.` prefix) in `language`, `{param}`s filled.
pub(crate) fn tr_with(language: Language, key: &str, params: &[(&str, &str)]) -> String {
    text(language, &format!("buyer_search.{key}"), params)
}

/// The announcement of a hit list: how many shown, and of how many when the insurer matched more.
pub(crate) fn result_count(language: Language, shown: usize, total: u64) -> String {
    let count = shown.to_string();
    if total > shown as u64 {
        tr_with(
            language,
            "results_of",
            &[("count", &count), ("total", &total.to_string())],
        )
    } else if shown == 1 {
        tr(language, "result_one")
    } else {
        tr_with(language, "results_count", &[("count", &count)])
    }
}
