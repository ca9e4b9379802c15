//! Seeding a large portfolio (`POST /__sandbox/portfolio?insurer=atradius`): the
//! [plan](crate::portfolio_seed)'s requests become cover records of one policy, applied for
//! and decided at the sandbox time of the call by the shared underwriting policy (a referred
//! amount is decided at once too), so that `…/covers` lists them all as decisions.
//!
//! Cover types, by buyer: a credit limit for seven buyers in ten, a credit check (the policy's
//! fixed amount, in EUR as every credit check) for two, an indication for one; a buyer's next
//! round takes the next type, so that no buyer has two records of one type (up to three
//! requests per buyer).

use super::cover::{Cover, CoverType, PolicyKey, CREDIT_CHECK_CURRENCY};
use super::review::ReviewState;
use super::AtradiusState;
use crate::portfolio_seed::{plan, PlannedRequest};
use crate::underwriting::underwrite;

const TYPES: [CoverType; 3] = [
    CoverType::CreditLimit,
    CoverType::CreditCheck,
    CoverType::Indication,
];

/// The cover type of a planned request (see the module docs; the buyer's index is divided
/// first so that the choice does not follow the high-risk share, one index in twenty).
fn cover_type(planned: &PlannedRequest<'_>) -> CoverType {
    let first = match (planned.company.index() / 20) % 10 {
        0..=6 => 0,
        7 | 8 => 1,
        _ => 2,
    };
    TYPES[(first + planned.round) % TYPES.len()]
}

impl AtradiusState {
    /// Records `count` decided covers of the plan for `seed` under `policy`; returns how many
    /// records the portfolio holds afterwards.
    pub(crate) fn seed_portfolio(&self, policy: &PolicyKey, seed: u64, count: usize) -> usize {
        let at = self.calendar.unix(self.clock.now());
        let planned = plan(&self.dataset, seed, count);
        let mut book = self.book();
        for request in planned {
            let cover_type = cover_type(&request);
            let mut cover = Cover {
                id: book.portfolio.next_id(),
                policy: policy.clone(),
                buyer: request.company.index(),
                cover_type,
                currency: if cover_type == CoverType::CreditCheck {
                    CREDIT_CHECK_CURRENCY
                } else {
                    request.currency
                }
                .to_owned(),
                requested: (cover_type != CoverType::CreditCheck).then_some(request.requested),
                granted: None,
                decision_code: None,
                condition: None,
                historic_code: None,
                referral: None,
                supersedes: None,
                customer_reference: request.reference.clone(),
                applied_at: at,
                decided_at: None,
                effect_from: None,
                effective_to: None,
                review: ReviewState::default(),
            };
            let outcome = underwrite(request.company, cover.assessed_amount()).outcome;
            cover.decide(&outcome, at);
            book.portfolio.insert(cover);
        }
        book.portfolio.all().count()
    }
}
