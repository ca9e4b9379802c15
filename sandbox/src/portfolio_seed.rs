//! The plan of a large seeded portfolio (`POST /__sandbox/portfolio`): `count` deterministic
//! requests on head offices of the data set, which each insurer simulation records in its own
//! book and decides at once with the shared [`underwriting`](crate::underwriting) policy.
//!
//! For a given data set, seed and count the plan is always the same:
//! - buyers: the head offices in an order shuffled by the seed, taken in turn (a buyer gets a
//!   second request only once every head office has one);
//! - amounts: 70 % below the referral threshold (5,000–95,000), 22 % referred and granted in
//!   full (100,000–950,000), 8 % granted in part (1,000,000–5,000,000), all multiples of 1,000;
//!   high-risk buyers (one in twenty) are refused whatever the amount;
//! - currency: the buyer's country's (EUR in the euro area, GBP, CHF, PLN…);
//! - customer reference: `PF-<seed>-<n>` on four requests in five;
//! - variant: a number in `0..VARIANTS` each simulation reads as its own product or cover
//!   type (credit limit mostly).

use crate::country::Country;
use crate::dataset::{Company, Dataset};
use crate::rng::Rng;
use crate::underwriting::{underwrite, Underwriting, PARTIAL_THRESHOLD, REFERRAL_THRESHOLD};

/// Largest `count` one seeding call accepts.
pub(crate) const MAX_SEEDED: usize = 200_000;
/// How many variants the plan draws from (see [`PlannedRequest::variant`]).
pub(crate) const VARIANTS: u64 = 10;
/// Stream of the random numbers of a plan (independent of the data set's own streams).
const PLAN_STREAM: u64 = 0x504F_5254_464F_4C49;

/// One request of the plan.
#[derive(Debug, Clone)]
pub(crate) struct PlannedRequest<'a> {
    /// The buyer (a head office).
    pub(crate) company: &'a Company,
    /// How many requests of the plan came on this buyer before (0 until every head office
    /// has one), so that a simulation can give a buyer's next request another product.
    pub(crate) round: usize,
    /// Amount requested, major units.
    pub(crate) requested: u64,
    /// ISO 4217 currency of the buyer's country.
    pub(crate) currency: &'static str,
    /// Customer reference, when the plan gives one.
    pub(crate) reference: Option<String>,
    /// In `0..VARIANTS`: the simulation's product or cover type.
    pub(crate) variant: u64,
    /// The shared policy's answer for this buyer and amount.
    pub(crate) underwriting: Underwriting,
}

/// The currency a buyer of `country` is usually insured in.
pub(crate) fn currency_of(country: Country) -> &'static str {
    match country.alpha3() {
        "GBR" => "GBP",
        "CHE" => "CHF",
        "POL" => "PLN",
        "USA" => "USD",
        "SWE" => "SEK",
        "DNK" => "DKK",
        "CZE" => "CZK",
        "NOR" => "NOK",
        _ => "EUR",
    }
}

/// The plan of `count` requests for `seed` (see the module docs).
pub(crate) fn plan(dataset: &Dataset, seed: u64, count: usize) -> Vec<PlannedRequest<'_>> {
    let mut buyers: Vec<&Company> = dataset
        .companies()
        .iter()
        .filter(|company| company.is_head_office())
        .collect();
    let mut rng = Rng::derive(seed, PLAN_STREAM);
    for i in (1..buyers.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        buyers.swap(i, j);
    }
    if buyers.is_empty() {
        return Vec::new();
    }
    (0..count)
        .map(|n| {
            let company = buyers[n % buyers.len()];
            let tier = rng.below(100);
            let requested = if tier < 70 {
                rng.range(5, REFERRAL_THRESHOLD / 1000 - 5) * 1000
            } else if tier < 92 {
                rng.range(REFERRAL_THRESHOLD / 1000, PARTIAL_THRESHOLD / 1000 - 50) * 1000
            } else {
                rng.range(PARTIAL_THRESHOLD / 1000, 5 * PARTIAL_THRESHOLD / 1000) * 1000
            };
            let reference = (rng.below(5) != 0).then(|| format!("PF-{seed}-{:06}", n + 1));
            let variant = rng.below(VARIANTS);
            PlannedRequest {
                company,
                round: n / buyers.len(),
                requested,
                currency: currency_of(company.country()),
                reference,
                variant,
                underwriting: underwrite(company, requested),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::underwriting::{Outcome, Timing};
    use crate::DEFAULT_SEED;

    #[test]
    fn the_same_seed_gives_the_same_plan_and_another_seed_another() {
        let data = dataset(DEFAULT_SEED);
        let key = |p: &PlannedRequest<'_>| {
            (
                p.company.index(),
                p.requested,
                p.reference.clone(),
                p.variant,
            )
        };
        let first: Vec<_> = plan(&data, 7, 500).iter().map(key).collect();
        let again: Vec<_> = plan(&data, 7, 500).iter().map(key).collect();
        let other: Vec<_> = plan(&data, 8, 500).iter().map(key).collect();
        assert_eq!(first, again);
        assert_ne!(first, other);
        assert_eq!(first.len(), 500);
    }

    #[test]
    fn spreads_outcomes_buyers_and_references() {
        let data = dataset(DEFAULT_SEED);
        let planned = plan(&data, 1, 5_000);
        let share = |f: &dyn Fn(&PlannedRequest<'_>) -> bool| {
            planned.iter().filter(|p| f(p)).count() * 100 / planned.len()
        };
        let refused = share(&|p| p.underwriting.outcome == Outcome::Refused);
        let partial = share(&|p| matches!(p.underwriting.outcome, Outcome::Partial { .. }));
        let referred = share(&|p| p.underwriting.timing == Timing::Referred);
        let referenced = share(&|p| p.reference.is_some());
        assert!((3..=8).contains(&refused), "refused {refused} %");
        assert!((5..=11).contains(&partial), "partial {partial} %");
        assert!((25..=35).contains(&referred), "referred {referred} %");
        assert!((75..=85).contains(&referenced), "referenced {referenced} %");
        let mut buyers: Vec<usize> = planned.iter().map(|p| p.company.index()).collect();
        buyers.sort_unstable();
        buyers.dedup();
        assert_eq!(
            buyers.len(),
            planned.len(),
            "no buyer twice in a small plan"
        );
        assert!(planned.iter().all(|p| p.company.is_head_office()));
        assert!(planned.iter().all(|p| p.requested % 1000 == 0));
        let mut countries: Vec<&str> = planned
            .iter()
            .map(|p| p.company.country().alpha3())
            .collect();
        countries.sort_unstable();
        countries.dedup();
        assert!(countries.len() >= 10, "{countries:?}");
    }
}
