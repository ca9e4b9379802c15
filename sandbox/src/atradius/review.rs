//! Atradius' review of the credit limits in force, by the shared policy
//! ([`crate::underwriting::review`]), each step at its time after the decision the review
//! counts from (the first decision granting the cover):
//!
//! | step | what the portfolio shows |
//! |---|---|
//! | reduced | a new record with `decisionCode` DC09 ("Reduction in cover") and the new amount; the record it replaces goes to history as amended (`ACLD`) |
//! | withdrawal notified | the record's `decisionCode` becomes DC21 (pre-notification of withdrawal) and its `withdrawalDate` the date of the withdrawal; still in force |
//! | withdrawn | `decisionCode` DC08 (withdrawal of cover), to history as withdrawn (`WCLD`) |
//! | expired | to history as expired (`ECLD`) on its `decisionExpiryDate` |
//!
//! Only credit limits are reviewed: a credit check is the policy's fixed amount, an indication
//! is no cover.

use super::cover::Cover;
use super::portfolio::Portfolio;
use crate::dataset::Dataset;
use crate::underwriting::{review, Change};

/// Where the review of one record stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ReviewState {
    /// Unix second of the decision the review counts from; `None` until first reviewed.
    pub(crate) from: Option<u64>,
    /// The amount granted by that decision (major units).
    pub(crate) granted: u64,
    /// How many review steps have been applied.
    pub(crate) applied: usize,
    /// Unix second of a notified withdrawal.
    pub(crate) withdrawal_at: Option<u64>,
}

impl Portfolio {
    /// Applies every review step due at Unix second `now` to the credit limits in force.
    pub(crate) fn review(&mut self, now: u64, dataset: &Dataset) {
        let reviewed: Vec<u64> = self
            .all()
            .filter(|cover| cover.is_reviewed())
            .map(|cover| cover.id)
            .collect();
        for id in reviewed {
            self.review_one(id, now, dataset);
        }
    }

    /// Applies the steps due at `now` to record `id` (and to the records its reductions give).
    fn review_one(&mut self, mut id: u64, now: u64, dataset: &Dataset) {
        loop {
            let Some(cover) = self.get_mut(id).filter(|cover| cover.is_reviewed()) else {
                return;
            };
            let Some(company) = dataset.get(cover.buyer) else {
                return;
            };
            let Some(decided) = cover.review.from.or(cover.decided_at) else {
                return;
            };
            if cover.review.from.is_none() {
                cover.review.from = Some(decided);
                cover.review.granted = cover.granted.unwrap_or_default();
            }
            let steps = review(company, cover.review.granted);
            let Some(step) = steps.get(cover.review.applied) else {
                return;
            };
            let at = decided.saturating_add(step.after.as_secs());
            if at > now {
                return;
            }
            cover.review.applied += 1;
            match step.change {
                Change::Reduced { granted } => id = self.reduce(id, granted, at),
                Change::WithdrawalNotified { withdrawn_after } => {
                    cover.decision_code = Some("DC21");
                    cover.review.withdrawal_at =
                        Some(decided.saturating_add(withdrawn_after.as_secs()));
                }
                Change::Withdrawn => {
                    cover.decision_code = Some("DC08");
                    cover.retire("WCLD", at);
                }
                Change::Expired => cover.retire("ECLD", at),
            }
        }
    }

    /// Replaces record `id` by a DC09 record for `granted` decided at `at`; returns its id.
    fn reduce(&mut self, id: u64, granted: u64, at: u64) -> u64 {
        let Some(old) = self.get(id).cloned() else {
            return id;
        };
        let new_id = self.next_id();
        self.insert(Cover {
            id: new_id,
            granted: Some(granted),
            decision_code: Some("DC09"),
            condition: None,
            supersedes: Some(id),
            decided_at: Some(at),
            effect_from: Some(at),
            ..old
        });
        if let Some(old) = self.get_mut(id) {
            old.retire("ACLD", at);
        }
        new_id
    }
}
