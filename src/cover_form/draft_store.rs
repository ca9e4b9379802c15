//! What the form keeps in `sessionStorage`, per insurer and buyer, so that a reload loses
//! nothing: the draft, written on every change and removed once the insurer accepted the
//! application; then, for Allianz Trade, the job being followed until it is processed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tradecover_core::cover_application::CoverApplicationDraft;
use web_sys::Storage;

/// An Allianz Trade job the form follows: what it needs to go on after a reload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingJob {
    /// The job id.
    pub job_id: String,
    /// The insurer's keys of the application so far.
    pub references: BTreeMap<String, String>,
}

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

fn load<T: for<'de> Deserialize<'de>>(key: &str) -> Option<T> {
    let text = session_storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

fn save<T: Serialize>(key: &str, value: &T) {
    // Silently nothing when storage is unavailable or full.
    if let (Some(storage), Ok(text)) = (session_storage(), serde_json::to_string(value)) {
        let _ = storage.set_item(key, &text);
    }
}

fn remove(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Where the job of the draft under `key` is kept.
fn job_key(key: &str) -> String {
    format!("{key}:job")
}

/// The draft stored under `key`, if there is one that can be read.
pub fn load_draft(key: &str) -> Option<CoverApplicationDraft> {
    load(key)
}

/// Stores `draft` under `key`.
pub fn save_draft(key: &str, draft: &CoverApplicationDraft) {
    save(key, draft);
}

/// Removes the draft stored under `key`.
pub fn clear_draft(key: &str) {
    remove(key);
}

/// The job followed for the draft under `key`, if any.
pub fn load_job(key: &str) -> Option<PendingJob> {
    load(&job_key(key))
}

/// Keeps the job followed for the draft under `key`.
pub fn save_job(key: &str, job: &PendingJob) {
    save(&job_key(key), job);
}

/// Forgets the job followed for the draft under `key` (processed, failed, or given up).
pub fn clear_job(key: &str) {
    remove(&job_key(key));
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
