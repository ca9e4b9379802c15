//! The form's words: catalogue texts of the core ([`tradecover_core::widget_text::COVER_FORM`])
//! in the form's language, with their `{param}`s filled in.

use tradecover_core::locale::Language;
use tradecover_core::messages::message;
use tradecover_core::ValidationError;

/// The text of `key` in `language`, with `params` filled in.
pub(crate) fn text(language: Language, key: &str, params: &[(&str, &str)]) -> String {
    let entry = params
        .iter()
        .fold(ValidationError::new(key, ""), |entry, (name, value)| {
            entry.with_param(*name, value)
        });
    message(language, &entry)
}
