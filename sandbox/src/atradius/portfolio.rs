//! Every cover record of the simulation, across the policies that applied, and the decisions
//! that settle them.

use super::cover::{Cover, CoverType, PolicyKey};
use crate::underwriting::Outcome;
use std::collections::BTreeMap;
use std::time::Duration;

/// The first `coverId` the simulation gives.
const FIRST_COVER_ID: u64 = 700_001;

/// Which records a cover list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Listing {
    /// `covers`: every record not in history (decided or referred).
    Current,
    /// `covers/decisions`: decided records not in history.
    Decisions,
    /// `covers/applications`: referred records.
    Applications,
    /// `covers/historic`: records in history.
    Historic,
}

impl Listing {
    /// Whether `cover` belongs to the list.
    pub(crate) fn shows(self, cover: &Cover) -> bool {
        match self {
            Self::Current => !cover.is_historic(),
            Self::Decisions => cover.is_decided(),
            Self::Applications => cover.is_referred(),
            Self::Historic => cover.is_historic(),
        }
    }
}

/// The cover records, by `coverId`.
#[derive(Debug)]
pub(crate) struct Portfolio {
    covers: BTreeMap<u64, Cover>,
    next_id: u64,
}

impl Default for Portfolio {
    fn default() -> Self {
        Self {
            covers: BTreeMap::new(),
            next_id: FIRST_COVER_ID,
        }
    }
}

impl Portfolio {
    /// A fresh `coverId`.
    pub(crate) fn next_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Adds a record.
    pub(crate) fn insert(&mut self, cover: Cover) {
        self.covers.insert(cover.id, cover);
    }

    /// A record by id.
    pub(crate) fn get(&self, id: u64) -> Option<&Cover> {
        self.covers.get(&id)
    }

    /// A record by id, to change it.
    pub(crate) fn get_mut(&mut self, id: u64) -> Option<&mut Cover> {
        self.covers.get_mut(&id)
    }

    /// Every record, by id.
    pub(crate) fn all(&self) -> impl Iterator<Item = &Cover> {
        self.covers.values()
    }

    /// The decided record (in force or refused) of a buyer and cover type, if any.
    pub(crate) fn decided(
        &self,
        policy: &PolicyKey,
        buyer: usize,
        cover_type: CoverType,
    ) -> Option<&Cover> {
        self.find(policy, buyer, cover_type, Cover::is_decided)
    }

    /// The referred record of a buyer and cover type, if any.
    pub(crate) fn referred(
        &self,
        policy: &PolicyKey,
        buyer: usize,
        cover_type: CoverType,
    ) -> Option<&Cover> {
        self.find(policy, buyer, cover_type, Cover::is_referred)
    }

    fn find(
        &self,
        policy: &PolicyKey,
        buyer: usize,
        cover_type: CoverType,
        state: fn(&Cover) -> bool,
    ) -> Option<&Cover> {
        self.covers.values().find(|cover| {
            cover.policy == *policy
                && cover.buyer == buyer
                && cover.cover_type == cover_type
                && state(cover)
        })
    }

    /// Decides record `id` with `outcome` at Unix second `at`, and settles the record it
    /// supersedes: replaced (`SCLD`) when the new one grants cover; when it refuses an increase
    /// of a cover in force, that cover stays as it was with `DC05` and the application goes to
    /// history as rejected (`RCLA`).
    pub(crate) fn decide(&mut self, id: u64, outcome: &Outcome, at: u64) {
        let Some(cover) = self.covers.get_mut(&id) else {
            return;
        };
        cover.decide(outcome, at);
        let requested = cover.requested;
        let Some(old_id) = cover.supersedes else {
            return;
        };
        let refused = *outcome == Outcome::Refused;
        let old_in_force = self.covers.get(&old_id).is_some_and(Cover::is_in_force);
        if refused && old_in_force {
            if let Some(application) = self.covers.get_mut(&id) {
                application.retire("RCLA", at);
            }
            if let Some(old) = self.covers.get_mut(&old_id) {
                old.decision_code = Some("DC05");
                old.requested = requested;
                old.decided_at = Some(at);
            }
        } else if let Some(old) = self.covers.get_mut(&old_id) {
            if !old.is_historic() {
                old.retire("SCLD", at);
            }
        }
    }

    /// Decides every referral due at sandbox time `now`; `unix` converts sandbox time to Unix
    /// seconds (a referral is decided at the time it fell due).
    pub(crate) fn settle(&mut self, now: Duration, unix: impl Fn(Duration) -> u64) {
        let due: Vec<(u64, Outcome, Duration)> = self
            .covers
            .values()
            .filter_map(|cover| {
                let referral = cover.referral.as_ref().filter(|r| r.due <= now)?;
                (!cover.is_historic()).then(|| (cover.id, referral.outcome.clone(), referral.due))
            })
            .collect();
        for (id, outcome, at) in due {
            self.decide(id, &outcome, unix(at));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atradius::cover::Referral;

    fn cover(id: u64, requested: u64) -> Cover {
        Cover {
            id,
            policy: PolicyKey {
                customer_id: 1,
                policy_id: "P".into(),
            },
            buyer: 0,
            cover_type: CoverType::CreditLimit,
            currency: "EUR".into(),
            requested: Some(requested),
            granted: None,
            decision_code: None,
            condition: None,
            historic_code: None,
            referral: None,
            supersedes: None,
            customer_reference: None,
            applied_at: 0,
            decided_at: None,
            effect_from: None,
            effective_to: None,
            review: crate::atradius::review::ReviewState::default(),
        }
    }

    #[test]
    fn a_refused_increase_keeps_the_cover_in_force_with_dc05() {
        let mut portfolio = Portfolio::default();
        portfolio.insert(cover(1, 50_000));
        portfolio.decide(1, &Outcome::Granted, 10);
        let mut increase = cover(2, 500_000);
        increase.supersedes = Some(1);
        increase.referral = Some(Referral {
            due: Duration::from_secs(100),
            outcome: Outcome::Refused,
        });
        portfolio.insert(increase);
        portfolio.settle(Duration::from_secs(99), |at| at.as_secs());
        assert!(portfolio.get(2).is_some_and(Cover::is_referred));
        portfolio.settle(Duration::from_secs(100), |at| at.as_secs());
        let old = portfolio.get(1).unwrap();
        assert!(old.is_in_force());
        assert_eq!(old.decision_code, Some("DC05"));
        assert_eq!((old.requested, old.granted), (Some(500_000), Some(50_000)));
        let application = portfolio.get(2).unwrap();
        assert_eq!(application.historic_code, Some("RCLA"));
        assert_eq!(application.decided_at, Some(100));
    }
}
