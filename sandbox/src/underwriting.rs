//! The sandbox's one underwriting policy, shared by the three insurer simulations, so that the
//! same buyer and amount get the same kind of answer whichever insurer is asked:
//!
//! | requested amount (major units) | usual buyer | high-risk buyer |
//! |---|---|---|
//! | below [`REFERRAL_THRESHOLD`] | granted in full at once | refused at once |
//! | from [`REFERRAL_THRESHOLD`] to below [`PARTIAL_THRESHOLD`] | referred, then granted in full | referred, then refused |
//! | [`PARTIAL_THRESHOLD`] and more | referred, then granted in part, with conditions | referred, then refused |
//!
//! A buyer is high-risk when [`is_high_risk`] says so: one company in [`HIGH_RISK_ONE_IN`],
//! chosen by its index in the data set (so tests can pick one deterministically). A referred
//! request is decided once the sandbox clock has moved on by the configured referral delay.
//!
//! Once granted (in full or in part), a cover is reviewed by the insurer as sandbox time
//! passes, by one [`review`] rule, again chosen by the buyer's index in the data set
//! ([`review_of`], one buyer in [`REVIEW_ONE_IN`] for each kind):
//!
//! | buyer (`index % REVIEW_ONE_IN`) | [`REVIEW_AFTER`] after the decision | [`REVIEW_AFTER`] + [`WITHDRAWAL_NOTICE`] | [`VALIDITY_DAYS`] after the decision |
//! |---|---|---|---|
//! | [`REDUCE_REMAINDER`] ([`Review::Reduce`]) | reduced to half, rounded down to a multiple of 1,000 | — | expires |
//! | [`WITHDRAW_REMAINDER`] ([`Review::Withdraw`]) | withdrawal notified (in force until the withdrawal date) | withdrawn | — |
//! | any other ([`Review::Keep`]) | — | — | expires |
//!
//! A cover too small to be halved to a multiple of 1,000 is kept as it is. High-risk buyers
//! are never reviewed (they are never granted anything), and the review shares do not overlap
//! them. Each simulation applies the steps in its own words (Atradius: DC09 reduction, DC21
//! pre-notification then DC08 withdrawal, ECLD expiry; Allianz Trade: `Reduced`, `Cancelled`,
//! `Expired` credit limits; Coface: `REDUCED`, `UNDER_CANCELLATION` then `CANCELLED`,
//! `EXPIRED`). The review delays are months, far beyond the referral delay, so that a journey
//! that only waits for a referral never sees a review.

use std::time::Duration;

use crate::dataset::Company;

/// Amounts (major units) from which a request is referred to an underwriter.
pub const REFERRAL_THRESHOLD: u64 = 100_000;
/// Amounts (major units) from which a referred request is granted only in part.
pub const PARTIAL_THRESHOLD: u64 = 1_000_000;
/// One company in this many is high-risk.
pub const HIGH_RISK_ONE_IN: usize = 20;
/// The condition attached to a partial grant.
pub const PARTIAL_CONDITION: &str =
    "Granted in part: payment terms of at most 60 days; the remainder needs the buyer's latest financial statements.";

/// Sandbox time from a grant to its review.
pub const REVIEW_AFTER: Duration = Duration::from_secs(90 * 86_400);
/// Sandbox time from the notice of a withdrawal to the withdrawal.
pub const WITHDRAWAL_NOTICE: Duration = Duration::from_secs(30 * 86_400);
/// Days a granted cover (or a delivered report) stays in force.
pub const VALIDITY_DAYS: u64 = 365;
/// One buyer in this many is reduced, and one more withdrawn, at review.
pub const REVIEW_ONE_IN: usize = 10;
/// `index % REVIEW_ONE_IN` of the buyers whose covers are reduced.
pub const REDUCE_REMAINDER: usize = 3;
/// `index % REVIEW_ONE_IN` of the buyers whose covers are withdrawn.
pub const WITHDRAW_REMAINDER: usize = 7;

/// When the decision comes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    /// In the answer to the request.
    Immediate,
    /// After the referral delay (the request is pending until then).
    Referred,
}

/// What is decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The whole requested amount.
    Granted,
    /// Part of it (`granted`, major units, a multiple of 1,000), with a condition.
    Partial {
        /// The granted amount in major units.
        granted: u64,
        /// The condition attached.
        condition: &'static str,
    },
    /// Nothing.
    Refused,
}

/// The sandbox underwriter's answer to a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Underwriting {
    /// When the decision comes.
    pub timing: Timing,
    /// What is (or will be) decided.
    pub outcome: Outcome,
}

impl Outcome {
    /// The granted amount (major units) for a request of `requested`.
    pub fn granted(&self, requested: u64) -> u64 {
        match self {
            Self::Granted => requested,
            Self::Partial { granted, .. } => *granted,
            Self::Refused => 0,
        }
    }
}

/// Whether `company` is one of the sandbox's high-risk buyers.
pub fn is_high_risk(company: &Company) -> bool {
    company.index() % HIGH_RISK_ONE_IN == HIGH_RISK_ONE_IN - 1
}

/// The decision on a request of `requested` major units on `company` (see the module table).
pub fn underwrite(company: &Company, requested: u64) -> Underwriting {
    let timing = if requested < REFERRAL_THRESHOLD {
        Timing::Immediate
    } else {
        Timing::Referred
    };
    let outcome = if is_high_risk(company) || requested == 0 {
        Outcome::Refused
    } else if requested >= PARTIAL_THRESHOLD {
        Outcome::Partial {
            granted: (requested / 2) / 1000 * 1000,
            condition: PARTIAL_CONDITION,
        }
    } else {
        Outcome::Granted
    };
    Underwriting { timing, outcome }
}

/// What the insurer's review does to a buyer's covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Review {
    /// Nothing: the cover runs until it expires.
    Keep,
    /// Reduced to half.
    Reduce,
    /// Notified for withdrawal, then withdrawn.
    Withdraw,
}

impl Review {
    /// The name used by `GET /__sandbox/companies/sample?review=`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Keep => "keep",
            Self::Reduce => "reduce",
            Self::Withdraw => "withdraw",
        }
    }

    /// Reads a name of [`Review::name`].
    pub fn parse(text: &str) -> Option<Self> {
        [Self::Keep, Self::Reduce, Self::Withdraw]
            .into_iter()
            .find(|review| review.name() == text)
    }
}

/// What the review does to covers on `company` (see the module table).
pub fn review_of(company: &Company) -> Review {
    if is_high_risk(company) {
        return Review::Keep;
    }
    match company.index() % REVIEW_ONE_IN {
        REDUCE_REMAINDER => Review::Reduce,
        WITHDRAW_REMAINDER => Review::Withdraw,
        _ => Review::Keep,
    }
}

/// One change the insurer makes to a cover in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The amount in force becomes `granted` (major units).
    Reduced {
        /// The new amount in force.
        granted: u64,
    },
    /// The cover will be withdrawn `WITHDRAWAL_NOTICE` later; in force until then.
    WithdrawalNotified {
        /// Time from the decision to the withdrawal.
        withdrawn_after: Duration,
    },
    /// The cover is withdrawn.
    Withdrawn,
    /// The cover reached its expiry date.
    Expired,
}

/// One step of a cover's review: `change`, `after` the decision that granted it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReviewStep {
    /// Time from the decision.
    pub after: Duration,
    /// What happens then.
    pub change: Change,
}

/// The validity of a decision, as a duration.
pub fn validity() -> Duration {
    Duration::from_secs(VALIDITY_DAYS * 86_400)
}

/// The steps, in order, of the review of a cover granting `granted` major units on `company`
/// (empty when nothing was granted). A simulation records how many it has applied and applies
/// the next ones once their time has come: each step's time is the decision's plus `after`.
pub fn review(company: &Company, granted: u64) -> Vec<ReviewStep> {
    if granted == 0 {
        return Vec::new();
    }
    let expiry = ReviewStep {
        after: validity(),
        change: Change::Expired,
    };
    match review_of(company) {
        Review::Reduce => {
            let reduced = (granted / 2) / 1000 * 1000;
            if reduced == 0 {
                return vec![expiry];
            }
            vec![
                ReviewStep {
                    after: REVIEW_AFTER,
                    change: Change::Reduced { granted: reduced },
                },
                expiry,
            ]
        }
        Review::Withdraw => {
            let withdrawn_after = REVIEW_AFTER.saturating_add(WITHDRAWAL_NOTICE);
            vec![
                ReviewStep {
                    after: REVIEW_AFTER,
                    change: Change::WithdrawalNotified { withdrawn_after },
                },
                ReviewStep {
                    after: withdrawn_after,
                    change: Change::Withdrawn,
                },
            ]
        }
        Review::Keep => vec![expiry],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::DEFAULT_SEED;

    #[test]
    fn follows_the_table() {
        let data = dataset(DEFAULT_SEED);
        let usual = data
            .companies()
            .iter()
            .find(|c| !is_high_risk(c))
            .expect("the data set has usual buyers");
        let risky = data
            .companies()
            .iter()
            .find(|c| is_high_risk(c))
            .expect("the data set has high-risk buyers");
        assert_eq!(
            underwrite(usual, 50_000),
            Underwriting {
                timing: Timing::Immediate,
                outcome: Outcome::Granted
            }
        );
        assert_eq!(underwrite(usual, 250_000).timing, Timing::Referred);
        assert_eq!(underwrite(usual, 250_000).outcome, Outcome::Granted);
        assert_eq!(
            underwrite(usual, 1_500_500).outcome,
            Outcome::Partial {
                granted: 750_000,
                condition: PARTIAL_CONDITION
            }
        );
        assert_eq!(underwrite(risky, 10_000).outcome, Outcome::Refused);
        assert_eq!(underwrite(risky, 10_000).timing, Timing::Immediate);
        assert_eq!(underwrite(risky, 500_000).timing, Timing::Referred);
        assert_eq!(Outcome::Refused.granted(10), 0);
        let share =
            data.companies().iter().filter(|c| is_high_risk(c)).count() as f64 / data.len() as f64;
        assert!((0.04..0.06).contains(&share), "{share}");
    }

    #[test]
    fn reviews_follow_the_table() {
        let data = dataset(DEFAULT_SEED);
        let pick = |wanted: Review| {
            data.companies()
                .iter()
                .find(|c| review_of(c) == wanted)
                .expect("every review kind has buyers")
        };
        let (keep, reduce, withdraw) = (
            pick(Review::Keep),
            pick(Review::Reduce),
            pick(Review::Withdraw),
        );
        assert_eq!(
            review(keep, 50_000),
            [ReviewStep {
                after: validity(),
                change: Change::Expired
            }]
        );
        assert_eq!(
            review(reduce, 75_500)[0],
            ReviewStep {
                after: REVIEW_AFTER,
                change: Change::Reduced { granted: 37_000 }
            }
        );
        assert_eq!(review(reduce, 75_500)[1].change, Change::Expired);
        assert_eq!(review(reduce, 1_500).len(), 1);
        let steps = review(withdraw, 10_000);
        assert_eq!(
            steps.iter().map(|s| s.change).collect::<Vec<_>>(),
            [
                Change::WithdrawalNotified {
                    withdrawn_after: REVIEW_AFTER + WITHDRAWAL_NOTICE
                },
                Change::Withdrawn
            ]
        );
        assert_eq!(steps[1].after, REVIEW_AFTER + WITHDRAWAL_NOTICE);
        assert!(review(keep, 0).is_empty());
        for kind in [Review::Keep, Review::Reduce, Review::Withdraw] {
            assert_eq!(Review::parse(kind.name()), Some(kind));
        }
        assert!(data
            .companies()
            .iter()
            .filter(|c| is_high_risk(c))
            .all(|c| review_of(c) == Review::Keep));
        let reduced = data
            .companies()
            .iter()
            .filter(|c| review_of(c) == Review::Reduce)
            .count() as f64
            / data.len() as f64;
        assert!((0.08..0.12).contains(&reduced), "{reduced}");
    }
}
