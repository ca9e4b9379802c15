//! Atradius buyers: every head office of the data set is a buyer whose id is derived from its
//! index ([`BUYER_ID_OFFSET`] + index), with its national identifiers as `uniqueIdentifiers`,
//! its address as `registeredAddress` and a buyer rating.
//!
//! Ratings run from 1 (best) to 100 (worst), as in the fixtures Atradius clients recorded
//! (45 → 60 is `down`). They are derived from the company (high-risk buyers of
//! [`crate::underwriting`] rate 80–95, others 15–70), as are the previous rating and the date
//! of the last change (within the year before the sandbox started). **Chosen**: the field
//! `buyerRatingUpdatedDate` carrying that date (no client shows its name).

use super::calendar::{date, Calendar};
use super::uid::{description, uid_type_of};
use crate::dataset::{Company, Dataset};
use crate::rng::Rng;
use crate::underwriting::is_high_risk;
use serde_json::{json, Value};

/// Buyer ids are this plus the company's index in the data set (8 digits, like Atradius').
pub(crate) const BUYER_ID_OFFSET: u64 = 20_000_000;

/// Stream of the rating generator (any constant: it only separates it from other uses).
const RATING_STREAM: u64 = 0x0A7A_D1A5;

/// The Atradius buyer id of a head office.
pub(crate) fn buyer_id(company: &Company) -> u64 {
    BUYER_ID_OFFSET + company.index() as u64
}

/// The head office a buyer id names, if any.
pub(crate) fn company_of(dataset: &Dataset, buyer_id: u64) -> Option<&Company> {
    let index = buyer_id.checked_sub(BUYER_ID_OFFSET)?;
    let company = dataset.get(usize::try_from(index).ok()?)?;
    company.is_head_office().then_some(company)
}

/// A buyer's rating now and before its last change, and the day of that change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rating {
    /// Current rating, 1 (best) to 100 (worst).
    pub(crate) current: u64,
    /// Rating before the last change.
    pub(crate) previous: u64,
    /// Unix second (midnight) of the last change.
    pub(crate) updated: u64,
}

impl Rating {
    /// The rating of `company` (see the module documentation).
    pub(crate) fn of(company: &Company, calendar: &Calendar) -> Self {
        let mut rng = Rng::derive(company.index() as u64, RATING_STREAM);
        let current = if is_high_risk(company) {
            rng.range(80, 95)
        } else {
            rng.range(15, 70)
        };
        let previous = (current + rng.range(0, 16)).saturating_sub(8).max(1);
        let days_ago = rng.range(1, 365);
        let today = calendar.origin() / 86_400;
        Self {
            current,
            previous,
            updated: today.saturating_sub(days_ago) * 86_400,
        }
    }

    /// `up` when the rating improved, `down` when it worsened, `None` when unchanged.
    pub(crate) fn change(&self) -> Option<&'static str> {
        match self.current.cmp(&self.previous) {
            std::cmp::Ordering::Less => Some("up"),
            std::cmp::Ordering::Greater => Some("down"),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// The `uniqueIdentifiers` of a company: each identifier that has a `uidType`.
pub(crate) fn unique_identifiers(company: &Company) -> Vec<Value> {
    company
        .legal_identifiers()
        .iter()
        .filter_map(|identifier| {
            let uid_type = uid_type_of(identifier.kind())?;
            Some(json!({
                "uid": identifier.value(),
                "uidType": uid_type,
                "uidTypeDescription": description(uid_type),
            }))
        })
        .collect()
}

/// A buyer as the buyer endpoints answer it.
pub(crate) fn buyer_json(company: &Company, calendar: &Calendar) -> Value {
    let address = company.address();
    let rating = Rating::of(company, calendar);
    json!({
        "buyerId": buyer_id(company),
        "buyerName": company.name(),
        "uniqueIdentifiers": unique_identifiers(company),
        "registeredAddress": {
            "street": address.street_address(),
            "city": address.town(),
            "postCode": address.postal_code(),
            "region": address.region(),
            "countryCode": address.country().alpha3(),
        },
        "currentBuyerRating": rating.current.to_string(),
        "previousBuyerRating": rating.previous.to_string(),
        "buyerRatingChange": rating.change(),
        "buyerRatingUpdatedDate": date(rating.updated),
        "tradingStatus": "ACTIVE",
    })
}
