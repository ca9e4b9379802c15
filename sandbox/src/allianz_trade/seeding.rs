//! Seeding a large portfolio (`POST /__sandbox/portfolio?insurer=allianz-trade`): the
//! [plan](crate::portfolio_seed)'s requests become cover requests V3 under one policy,
//! submitted, processed and decided at the sandbox time of the call (a referred amount is
//! decided at once too), so that `covers/search` lists them all as decided covers, in plan
//! order. They carry no webhook; the insurer's review then applies to them as to any other.

use crate::portfolio_seed::{plan, PlannedRequest};
use crate::underwriting::review;

use super::book::{NewCoverRequest, Policy, Requested};
use super::company_ids;
use super::AllianzTradeState;

/// One request in twenty of a seeded portfolio is marked urgent (`variant` 0).
const URGENT_VARIANT: u64 = 0;

impl AllianzTradeState {
    /// Records `count` decided cover requests of the plan for `seed` under `policy`; returns
    /// how many requests the book holds afterwards.
    pub(crate) fn seed_portfolio(&self, policy: &Policy, seed: u64, count: usize) -> usize {
        let now = self.clock.now();
        let planned = plan(&self.dataset, seed, count);
        let mut simulation = self.simulation();
        let book = &mut simulation.book;
        for request in planned {
            book.seed_decided(self.asked(policy, &request), now);
        }
        book.requests().len()
    }

    fn asked(&self, policy: &Policy, planned: &PlannedRequest<'_>) -> NewCoverRequest {
        let company = planned.company;
        let granted = planned.underwriting.outcome.granted(planned.requested);
        NewCoverRequest {
            company_id: company_ids::of_index(company.index()),
            company_name: company.name().to_owned(),
            policy: policy.clone(),
            requested: Requested {
                amount: serde_json::Number::from(planned.requested),
                major: planned.requested,
                currency: planned.currency.to_owned(),
            },
            urgent: planned.variant == URGENT_VARIANT,
            comment: None,
            customer_reference: planned.reference.clone(),
            underwriting: planned.underwriting.clone(),
            review: review(company, granted),
            callback: None,
        }
    }
}
