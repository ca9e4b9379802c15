//! Which URL fragment parameter holds a tracker's view, so that several trackers on one page
//! keep their views side by side: `tradecover-tracker-<name>` for a tracker given a `name`,
//! `tradecover-tracker` for the first unnamed tracker on the page, and `tradecover-tracker-2`,
//! `-3`… for further unnamed ones, in the order they are mounted (a tracker gives its slot back
//! when it is removed, so that rendering a tracker again finds its key again).

use std::collections::BTreeSet;
use std::sync::Mutex;

use super::view_state::FRAGMENT_KEY;

/// The unnamed slots taken (1 is `tradecover-tracker`, n > 1 is `tradecover-tracker-n`).
static UNNAMED_SLOTS: Mutex<BTreeSet<u32>> = Mutex::new(BTreeSet::new());

/// The fragment parameter of a tracker named `name` (trimmed; empty counts as unnamed, which
/// gives the first unnamed tracker's key).
pub fn named_fragment_key(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        FRAGMENT_KEY.to_owned()
    } else {
        let encoded = String::from(js_sys::encode_uri_component(name));
        format!("{FRAGMENT_KEY}-{encoded}")
    }
}

/// A tracker's fragment parameter; an unnamed tracker's slot is taken until [`Self::release`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FragmentKey {
    key: String,
    slot: Option<u32>,
}

impl FragmentKey {
    /// The key of a tracker named `name`, or, without a name, the smallest free unnamed slot.
    pub fn claim(name: Option<&str>) -> Self {
        match name.map(str::trim).filter(|name| !name.is_empty()) {
            Some(name) => Self {
                key: named_fragment_key(name),
                slot: None,
            },
            None => {
                let mut slots = UNNAMED_SLOTS.lock().unwrap_or_else(|p| p.into_inner());
                let slot = (1..=u32::MAX)
                    .find(|slot| !slots.contains(slot))
                    .unwrap_or(u32::MAX);
                slots.insert(slot);
                let key = if slot == 1 {
                    FRAGMENT_KEY.to_owned()
                } else {
                    format!("{FRAGMENT_KEY}-{slot}")
                };
                Self {
                    key,
                    slot: Some(slot),
                }
            }
        }
    }

    /// The parameter name.
    pub fn as_str(&self) -> &str {
        &self.key
    }

    /// Gives an unnamed tracker's slot back (nothing for a named one).
    pub fn release(&self) {
        if let Some(slot) = self.slot {
            UNNAMED_SLOTS
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&slot);
        }
    }
}
