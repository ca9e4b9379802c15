//! Drafts kept in `sessionStorage`, one per insurer and buyer, written on every change so that a
//! reload loses nothing, and removed once the insurer accepted the application.

use tradecover_core::cover_application::CoverApplicationDraft;
use web_sys::Storage;

/// Prefix of the storage keys.
pub const STORAGE_PREFIX: &str = "tradecover.cover-form";

/// The storage key of the draft for `insurer` and the buyer's insurer key (`unknown` for a
/// buyer the insurer does not know yet).
pub fn storage_key(insurer: &str, buyer_id: &str) -> String {
    let buyer = buyer_id.trim();
    let buyer = if buyer.is_empty() { "unknown" } else { buyer };
    format!("{STORAGE_PREFIX}:{}:{buyer}", insurer.trim())
}

fn session_storage() -> Option<Storage> {
    // Throws in sandboxed frames and with storage disabled: the form then simply keeps nothing.
    web_sys::window()?.session_storage().ok().flatten()
}

/// The draft stored under `key`, if there is one that can be read.
pub fn load_draft(key: &str) -> Option<CoverApplicationDraft> {
    let text = session_storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Stores `draft` under `key` (silently nothing when storage is unavailable or full).
pub fn save_draft(key: &str, draft: &CoverApplicationDraft) {
    if let (Some(storage), Ok(text)) = (session_storage(), serde_json::to_string(draft)) {
        let _ = storage.set_item(key, &text);
    }
}

/// Removes the draft stored under `key`.
pub fn clear_draft(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_the_insurer_and_the_buyer() {
        assert_eq!(
            storage_key("coface", " 0012345678904700000 "),
            "tradecover.cover-form:coface:0012345678904700000"
        );
        assert_eq!(
            storage_key("atradius", " "),
            "tradecover.cover-form:atradius:unknown"
        );
    }
}
