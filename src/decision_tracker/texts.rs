//! The tracker's words in its language, from the core's message catalogues
//! (`core/messages/<lang>.txt`, keys `tracker.*`).

use tradecover_core::locale::Language;
use tradecover_core::messages::text;

use super::status_kind::StatusKind;

/// The text `key` (without its `tracker.` prefix) in `language`, `{param}`s filled.
pub(crate) fn tr(language: Language, key: &str, params: &[(&str, &str)]) -> String {
    text(language, &format!("tracker.{key}"), params)
}

/// The name of a status group in `language`.
pub(crate) fn status_label(language: Language, kind: StatusKind) -> String {
    tr(language, &format!("status_{}", kind.key()), &[])
}
