//! The form's words: catalogue texts of the core ([`tradecover_core::widget_text::COVER_FORM`])
//! in the form's language, or the integrator's replacements ([`crate::text_overrides`], from the
//! context), with their `{param}`s filled in.

use leptos::prelude::*;
use tradecover_core::locale::Language;

use crate::text_overrides::{task_overrides, use_text_overrides};

/// The text of `key` in `language`, with `params` filled in. The form renders again when its
/// options change, so the replacements are read untracked; its tasks (sending, following a job)
/// carry them ([`crate::text_overrides::InTask`]).
pub(crate) fn text(language: Language, key: &str, params: &[(&str, &str)]) -> String {
    match task_overrides() {
        Some(overrides) => overrides.text(language, key, params),
        None => {
            use_text_overrides().with_untracked(|overrides| overrides.text(language, key, params))
        }
    }
}
