//! Checked transitions between neutral statuses, and the history of one application.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::status::{Outcome, RawStatus, Status, StatusReport};

/// Why a status report was not applied.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TransitionError {
    /// The lifecycle does not allow going from `from` to `to` (e.g. out of a final status).
    #[error("an application cannot go from {from} to {to}")]
    Impossible {
        /// Status before.
        from: Status,
        /// Status reported.
        to: Status,
    },
    /// The report is older than the last transition applied (reports may arrive out of order).
    #[error("the report of {at} is older than the last change at {last}")]
    Stale {
        /// Time of the report.
        at: u64,
        /// Time of the last change.
        last: u64,
    },
}

/// Whether the lifecycle allows `from` → `to`. Re-reporting the current status is allowed (and a
/// no-op for the history).
pub fn can_transition(from: Status, to: Status) -> bool {
    use Status::*;
    if from == to {
        return true;
    }
    match from {
        Draft => matches!(to, Submitted),
        Submitted | Pending(_) => matches!(to, Pending(_) | Decided(_) | Withdrawn | Cancelled),
        // A decision in force can be re-decided, reduced, ended, replaced, or be under review
        // again while a modification (increase, change of product) is assessed.
        Decided(Outcome::Full | Outcome::Partial) | Reduced => matches!(
            to,
            Pending(_) | Decided(_) | Reduced | Cancelled | Expired | Withdrawn | Superseded
        ),
        Decided(Outcome::Refused) | Cancelled | Expired | Withdrawn | Superseded => false,
    }
}

/// One applied change: from, to, the insurer's raw code, and when (Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    /// Status before.
    pub from: Status,
    /// Status after.
    pub to: Status,
    /// The insurer's code that caused it (`tradecover.*` for the library's own steps).
    pub raw: RawStatus,
    /// When it happened.
    pub at: u64,
}

/// What applying a report did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// The status changed; a transition was recorded.
    Changed,
    /// The report repeated the current status.
    Unchanged,
    /// The raw code is unknown: it is kept for display, the neutral status stays.
    UnknownCode,
}

/// The lifecycle of one application or decision: its current status, the last raw code, and
/// every transition with its time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifecycle {
    status: Status,
    raw: Option<RawStatus>,
    history: Vec<Transition>,
    last_change: u64,
}

impl Lifecycle {
    /// A lifecycle starting in `status` at `at` (a draft, or a decision first seen in a
    /// portfolio).
    pub fn starting(status: Status, at: u64) -> Self {
        Self {
            status,
            raw: None,
            history: Vec::new(),
            last_change: at,
        }
    }

    /// The current neutral status.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The last raw code received, for display.
    pub fn raw(&self) -> Option<&RawStatus> {
        self.raw.as_ref()
    }

    /// Every change, oldest first.
    pub fn history(&self) -> &[Transition] {
        &self.history
    }

    /// Records that the application was sent at `at`.
    pub fn submit(&mut self, at: u64) -> Result<Applied, TransitionError> {
        let report = StatusReport {
            status: Some(Status::Submitted),
            raw: RawStatus::new("tradecover", "submitted"),
        };
        self.apply(&report, at)
    }

    /// Applies an insurer's status report received at `at`. An impossible transition or a stale
    /// report is a typed error and changes nothing.
    pub fn apply(&mut self, report: &StatusReport, at: u64) -> Result<Applied, TransitionError> {
        if at < self.last_change {
            return Err(TransitionError::Stale {
                at,
                last: self.last_change,
            });
        }
        let Some(to) = report.status else {
            self.raw = Some(report.raw.clone());
            return Ok(Applied::UnknownCode);
        };
        if !can_transition(self.status, to) {
            return Err(TransitionError::Impossible {
                from: self.status,
                to,
            });
        }
        self.raw = Some(report.raw.clone());
        if to == self.status {
            return Ok(Applied::Unchanged);
        }
        self.history.push(Transition {
            from: self.status,
            to,
            raw: report.raw.clone(),
            at,
        });
        self.status = to;
        self.last_change = at;
        Ok(Applied::Changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::status::PendingReason;

    fn report(status: Option<Status>, code: &str) -> StatusReport {
        StatusReport {
            status,
            raw: RawStatus::new("test", code),
        }
    }

    #[test]
    fn follows_a_referred_application_to_its_decision() {
        let mut lifecycle = Lifecycle::starting(Status::Draft, 0);
        assert_eq!(lifecycle.submit(10), Ok(Applied::Changed));
        let pending = Status::Pending(PendingReason::Underwriting);
        assert_eq!(
            lifecycle.apply(&report(Some(pending), "REFERRED"), 20),
            Ok(Applied::Changed)
        );
        assert_eq!(
            lifecycle.apply(&report(Some(pending), "REFERRED"), 25),
            Ok(Applied::Unchanged)
        );
        let granted = Status::Decided(Outcome::Full);
        assert_eq!(
            lifecycle.apply(&report(Some(granted), "DC01"), 30),
            Ok(Applied::Changed)
        );
        assert_eq!(lifecycle.status(), granted);
        let steps: Vec<(Status, Status, u64)> = lifecycle
            .history()
            .iter()
            .map(|t| (t.from, t.to, t.at))
            .collect();
        assert_eq!(
            steps,
            [
                (Status::Draft, Status::Submitted, 10),
                (Status::Submitted, pending, 20),
                (pending, granted, 30)
            ]
        );
        assert_eq!(lifecycle.raw().map(|raw| raw.code.as_str()), Some("DC01"));
    }

    #[test]
    fn impossible_and_stale_reports_are_typed_errors_that_change_nothing() {
        let mut lifecycle = Lifecycle::starting(Status::Decided(Outcome::Refused), 100);
        let before = lifecycle.clone();
        assert_eq!(
            lifecycle.apply(&report(Some(Status::Reduced), "REDUCED"), 200),
            Err(TransitionError::Impossible {
                from: Status::Decided(Outcome::Refused),
                to: Status::Reduced
            })
        );
        assert_eq!(
            lifecycle.apply(&report(Some(Status::Cancelled), "X"), 50),
            Err(TransitionError::Stale { at: 50, last: 100 })
        );
        assert_eq!(lifecycle, before);
        let mut draft = Lifecycle::starting(Status::Draft, 0);
        assert!(draft
            .apply(&report(Some(Status::Decided(Outcome::Full)), "x"), 1)
            .is_err());
    }

    #[test]
    fn unknown_codes_are_kept_for_display() {
        let mut lifecycle = Lifecycle::starting(Status::Submitted, 0);
        assert_eq!(
            lifecycle.apply(&report(None, "NEW_CODE"), 5),
            Ok(Applied::UnknownCode)
        );
        assert_eq!(lifecycle.status(), Status::Submitted);
        assert_eq!(
            lifecycle.raw().map(|raw| raw.code.as_str()),
            Some("NEW_CODE")
        );
    }

    #[test]
    fn final_statuses_have_no_way_out() {
        for from in [
            Status::Decided(Outcome::Refused),
            Status::Cancelled,
            Status::Expired,
            Status::Withdrawn,
            Status::Superseded,
        ] {
            assert!(from.is_final());
            for to in all_statuses() {
                assert_eq!(can_transition(from, to), from == to, "{from} → {to}");
            }
        }
    }

    pub(crate) fn all_statuses() -> Vec<Status> {
        use PendingReason::*;
        let mut all = vec![Status::Draft, Status::Submitted];
        all.extend(
            [
                Underwriting,
                Identification,
                ComplementaryInformation,
                OnHold,
            ]
            .map(Status::Pending),
        );
        all.extend([Outcome::Full, Outcome::Partial, Outcome::Refused].map(Status::Decided));
        all.extend([
            Status::Reduced,
            Status::Cancelled,
            Status::Expired,
            Status::Withdrawn,
            Status::Superseded,
        ]);
        all
    }
}
