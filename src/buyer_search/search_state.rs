//! Where a search of the box stands.

use super::plan::Hits;
use super::unknown_buyer::UnknownBuyer;
use crate::widget_error::WidgetError;

/// Where a search stands.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SearchState {
    /// Nothing searched (or nothing searchable typed).
    Idle,
    /// Requests are on their way; not announced yet.
    Pending,
    /// Requests are on their way for longer than [`LOADING_DELAY`](super::LOADING_DELAY).
    Loading,
    /// The insurer listed these buyers.
    Results(Hits),
    /// Every request came back empty.
    NoResults(UnknownBuyer),
    /// The insurer finds buyers only by identifier and the text is none.
    IdentifierOnly,
    /// The search failed.
    Failed(WidgetError),
}
