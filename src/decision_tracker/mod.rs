//! The decision tracker: every decision of the chosen insurers in one virtualised grid (APG
//! grid pattern), sorted and filtered by index permutations, kept up to date live from the
//! proxy's notification stream, exportable as CSV.
//!
//! Requests (relative to `{proxy}/{insurer}`), all built and parsed by the core:
//! - Allianz Trade: `POST /riskinfo/v3/covers/search` page by page; while the stream is down,
//!   `GET /riskinfo/v3/covers/{coverId}` per pending row;
//! - Atradius: `GET /credit-insurance/cover-management/v1/covers`; while the stream is down,
//!   the buyer's covers and `…/covers/applications`;
//! - Coface: `GET /companies/products`; while the stream is down, and for an `order` event,
//!   filtered by `easyNumber`.
//!
//! Actions performed from the detail panel, each confirmed, every one the core's state machine
//! allows for every insurer (requests listed in [`row_action`]), their results merged into the
//! row and its timeline and announced in the live region. Rows are selected like in an APG
//! multi-select grid (a checkbox in the first cell, Space / Shift+Space, Ctrl+A; the selection is
//! a set of row indices, not kept in the row nodes), and an increase by a percentage or a
//! cancellation is asked for the selected rows at once (the batch bar).
//!
//! Live updates: `GET {proxy}/events?client=tradecover-tracker&policy=…` (Server-Sent Events,
//! `decision` and `cover` events applied at once; after a `gap`, the portfolios are loaded again
//! and merged; pending rows of the insurers that never notify it polled meanwhile, see
//! [`unnotified_polling`]), and `tradecover-decision` events on the document (the cover
//! form on the same page).

mod action_panel;
mod batch_panel;
mod buyer_order;
mod column;
mod component;
pub mod csv_export;
mod filter;
pub mod fragment_key;
pub mod grid_keys;
mod insurer_answer;
mod live;
mod loader;
mod pending_check;
pub mod row_action;
mod search_index;
mod sleep;
mod status_kind;
mod table;
#[cfg(test)]
mod test_decision;
mod texts;
pub mod unnotified_polling;
pub mod view_state;

pub use column::Column;
pub(crate) use component::STYLE_NAME;
pub use component::{DecisionTracker, FORM_DECISION_EVENT, OVERSCAN, ROW_HEIGHT, STYLES};
pub use filter::TrackerFilter;
pub use fragment_key::{named_fragment_key, FragmentKey};
pub use live::EVENTS_CLIENT;
pub use status_kind::StatusKind;
pub use view_state::{ViewState, FRAGMENT_KEY};
