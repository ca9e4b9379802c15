//! The neutral lifecycle of applications and decisions: statuses, checked transitions, the
//! actions each state allows, and the polling policy.

mod action;
mod polling;
mod status;
mod transition;

pub use action::{allowed_actions, Action, ProductFacts};
pub use polling::{next_check_at, parse_retry_after, PollHistory, PollingPolicy};
pub use status::{Outcome, PendingReason, RawStatus, Status, StatusReport};
pub use transition::{can_transition, Applied, Lifecycle, Transition, TransitionError};
