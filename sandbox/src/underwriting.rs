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
}
