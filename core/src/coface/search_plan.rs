//! The seed's search strategy as a pure state machine: (a) every legal identifier, in each of
//! its formats; (b) then the name, with the town or postal code (and the region where
//! CofaServe needs it); (c) if nothing was found, order on an unknown company with every
//! identification detail. The caller sends each request and feeds the answer back; the plan
//! says what comes next.
//!
//! ```
//! use tradecover_core::coface::search_plan::{SearchCriteria, SearchPlan, SearchStep};
//! use tradecover_core::{BuyerQuery, Country, Identifier};
//!
//! let criteria = SearchCriteria {
//!     country: Country::parse("FR").unwrap(), // ok: literal
//!     identifiers: vec![Identifier { kind: "fr.siren".into(), value: "552032534".into() }],
//!     name: Some(BuyerQuery::by_name("Dupont", "FR", Some("Paris"), None).unwrap()), // ok: literal
//!     region: None,
//! };
//! let mut plan = SearchPlan::new(&criteria).unwrap(); // ok: literal
//! let SearchStep::Send(first) = plan.step() else { unreachable!() };
//! assert_eq!(first.path, "/companies/identifier");
//! // Nothing under the first format: the plan moves on to the next one.
//! let next = plan.on_response(200, br#"{"companies":[],"count":0}"#).unwrap(); // ok: literal
//! assert!(matches!(next, SearchStep::Send(_)));
//! ```

use serde::{Deserialize, Serialize};

use super::company_identifier::identifier_search_requests;
use super::company_search::{name_search_request_in_region, parse_company_list, CompanyList};
use super::request_error::CofaceRequestError;
use crate::buyer::Identifier;
use crate::buyer_query::BuyerQuery;
use crate::country::Country;
use crate::field::region_required;
use crate::http_request::HttpRequest;
use crate::insurer_error::InsurerError;

/// What is known of the buyer to find.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchCriteria {
    /// Country of the buyer.
    pub country: Country,
    /// Validated legal identifiers, searched first, in this order.
    #[serde(default)]
    pub identifiers: Vec<Identifier>,
    /// Name (most representative part) with town or postal code, searched next.
    #[serde(default)]
    pub name: Option<BuyerQuery>,
    /// Region or state; required with a name where [`region_required`] says so.
    #[serde(default)]
    pub region: Option<String>,
}

/// Which step of the strategy a request belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum SearchStage {
    /// A search by legal identifier (`GET /companies/identifier`).
    Identifier,
    /// The search by name (`GET /companies/name`).
    Name,
}

/// What to do now.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "step", content = "value")]
#[non_exhaustive]
pub enum SearchStep {
    /// Send this request and give its answer to [`SearchPlan::on_response`].
    Send(HttpRequest),
    /// Done: CofaServe knows these companies (show branches apart from head offices).
    Found(CompanyList),
    /// Done: nothing found; ask for every identification detail (all identifiers, full
    /// address, phone) and order through `POST /companies/unknown/products`.
    NotFound,
}

/// The search strategy for one buyer, as a state machine.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchPlan {
    requests: Vec<(SearchStage, HttpRequest)>,
    current: usize,
    step: SearchStep,
    skipped: Vec<(Identifier, CofaceRequestError)>,
}

impl SearchPlan {
    /// Plans the searches: each identifier's formats in turn (identifiers CofaServe cannot
    /// search, or of another country, are set aside: see [`SearchPlan::skipped`]), then the
    /// name. The same request is never planned twice.
    ///
    /// Errors: [`CofaceRequestError::RegionRequired`] for a name without the region where it
    /// is needed; [`CofaceRequestError::CountryMismatch`] for a name query of another country;
    /// [`CofaceRequestError::NothingToSearch`] when no request remains.
    pub fn new(criteria: &SearchCriteria) -> Result<Self, CofaceRequestError> {
        let mut requests: Vec<(SearchStage, HttpRequest)> = Vec::new();
        let mut skipped = Vec::new();
        let mut push = |stage, request: HttpRequest| {
            if !requests.iter().any(|(_, planned)| *planned == request) {
                requests.push((stage, request));
            }
        };
        for identifier in &criteria.identifiers {
            match identifier_search_requests(criteria.country, identifier) {
                Ok(found) => found
                    .into_iter()
                    .for_each(|request| push(SearchStage::Identifier, request)),
                Err(error) => skipped.push((identifier.clone(), error)),
            }
        }
        if let Some(query) = &criteria.name {
            if query.country != criteria.country {
                return Err(CofaceRequestError::CountryMismatch {
                    search: criteria.country,
                    query: query.country,
                });
            }
            let region = criteria
                .region
                .as_deref()
                .map(str::trim)
                .filter(|region| !region.is_empty());
            if region.is_none() && region_required(criteria.country) {
                return Err(CofaceRequestError::RegionRequired {
                    country: criteria.country,
                });
            }
            push(
                SearchStage::Name,
                name_search_request_in_region(query, region),
            );
        }
        let first = requests
            .first()
            .map(|(_, request)| request.clone())
            .ok_or(CofaceRequestError::NothingToSearch)?;
        Ok(Self {
            requests,
            current: 0,
            step: SearchStep::Send(first),
            skipped,
        })
    }

    /// What to do now.
    pub fn step(&self) -> &SearchStep {
        &self.step
    }

    /// The stage of the request to send, or `None` once done.
    pub fn stage(&self) -> Option<SearchStage> {
        match self.step {
            SearchStep::Send(_) => self.requests.get(self.current).map(|(stage, _)| *stage),
            _ => None,
        }
    }

    /// Every request of the plan, in order (sent, in flight and to come).
    pub fn planned(&self) -> impl Iterator<Item = (SearchStage, &HttpRequest)> {
        self.requests
            .iter()
            .map(|(stage, request)| (*stage, request))
    }

    /// The identifiers left out, and why.
    pub fn skipped(&self) -> &[(Identifier, CofaceRequestError)] {
        &self.skipped
    }

    /// Whether the plan is finished ([`SearchStep::Found`] or [`SearchStep::NotFound`]).
    pub fn is_done(&self) -> bool {
        !matches!(self.step, SearchStep::Send(_))
    }

    /// Takes the answer to the request of [`SearchPlan::step`] and says what comes next: a hit
    /// list ends the search; no hit (an empty list, a 404, or for an identifier format a
    /// refusal of the request) moves to the next request, and after the last to
    /// [`SearchStep::NotFound`].
    ///
    /// Any other failure (credentials, lockout, unavailability, an unreadable answer, the name
    /// search refused) is returned and the plan stays where it is: send the same request again,
    /// or [`SearchPlan::skip`] it. Once done, answers are ignored.
    pub fn on_response(&mut self, status: u16, body: &[u8]) -> Result<&SearchStep, InsurerError> {
        if self.is_done() {
            return Ok(&self.step);
        }
        let stage = self.stage();
        match parse_company_list(status, body) {
            Ok(list) if !list.buyers.is_empty() => {
                self.step = SearchStep::Found(list);
                Ok(&self.step)
            }
            Ok(_) | Err(InsurerError::Rejected { status: 404, .. }) => Ok(self.skip()),
            Err(InsurerError::Rejected { .. }) if stage == Some(SearchStage::Identifier) => {
                Ok(self.skip())
            }
            Err(error) => Err(error),
        }
    }

    /// Gives up on the current request and moves to the next (or to
    /// [`SearchStep::NotFound`]). Once done, does nothing.
    pub fn skip(&mut self) -> &SearchStep {
        if !self.is_done() {
            self.current += 1;
            self.step = match self.requests.get(self.current) {
                Some((_, request)) => SearchStep::Send(request.clone()),
                None => SearchStep::NotFound,
            };
        }
        &self.step
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMPTY: &[u8] = br#"{"companies":[],"count":0}"#;
    const HIT: &[u8] = br#"{"companies":[{"easyNumber":"0012345678904700000","companyName":"Dupont","address":{"countryCode":"FRA"}}],"count":1}"#;

    fn criteria(identifiers: &[(&str, &str)], name: Option<&str>, country: &str) -> SearchCriteria {
        SearchCriteria {
            country: Country::parse(country).unwrap(),
            identifiers: identifiers
                .iter()
                .map(|(kind, value)| Identifier {
                    kind: (*kind).into(),
                    value: (*value).into(),
                })
                .collect(),
            name: name.map(|name| BuyerQuery::by_name(name, country, Some("Town"), None).unwrap()),
            region: None,
        }
    }

    fn sent(plan: &SearchPlan) -> String {
        match plan.step() {
            SearchStep::Send(request) => request.path_and_query(),
            other => panic!("expected a request, got {other:?}"),
        }
    }

    #[test]
    fn identifiers_then_name_then_unknown() {
        let mut plan = SearchPlan::new(&criteria(
            &[("fr.siren", "552032534")],
            Some("Dupont"),
            "FR",
        ))
        .unwrap();
        assert_eq!(plan.stage(), Some(SearchStage::Identifier));
        assert!(sent(&plan).ends_with("identifierValue=552032534"));
        plan.on_response(200, EMPTY).unwrap();
        assert!(sent(&plan).ends_with("identifierValue=552+032+534"));
        plan.on_response(404, br#"{"code":"NotFound","message":"no company"}"#)
            .unwrap();
        assert_eq!(plan.stage(), Some(SearchStage::Name));
        assert_eq!(
            sent(&plan),
            "/companies/name?countryCode=FRA&companyName=Dupont&town=Town"
        );
        assert_eq!(plan.on_response(200, EMPTY).unwrap(), &SearchStep::NotFound);
        assert!(plan.is_done());
        assert_eq!(plan.stage(), None);
        assert_eq!(plan.on_response(200, HIT).unwrap(), &SearchStep::NotFound);
    }

    #[test]
    fn a_hit_ends_the_search() {
        let mut plan = SearchPlan::new(&criteria(
            &[("fr.siren", "552032534")],
            Some("Dupont"),
            "FR",
        ))
        .unwrap();
        let SearchStep::Found(list) = plan.on_response(200, HIT).unwrap() else {
            panic!("found expected")
        };
        assert_eq!(list.buyers[0].insurer_id, "0012345678904700000");
    }

    #[test]
    fn failures_keep_the_plan_in_place() {
        let mut plan = SearchPlan::new(&criteria(&[], Some("Dupont"), "FR")).unwrap();
        let before = plan.clone();
        assert_eq!(
            plan.on_response(503, b"").unwrap_err().code(),
            "insurer.unavailable"
        );
        assert_eq!(
            plan.on_response(400, br#"{"code":"X","message":"bad"}"#)
                .unwrap_err()
                .code(),
            "insurer.rejected"
        );
        assert_eq!(
            plan.on_response(200, b"{").unwrap_err().code(),
            "insurer.malformed"
        );
        assert_eq!(plan, before);
        assert_eq!(plan.skip(), &SearchStep::NotFound);
    }

    #[test]
    fn an_identifier_format_refused_moves_on() {
        let mut plan =
            SearchPlan::new(&criteria(&[("fr.siren", "552032534")], None, "FR")).unwrap();
        plan.on_response(400, br#"{"code":"InvalidIdentifier","message":"format"}"#)
            .unwrap();
        assert!(sent(&plan).ends_with("identifierValue=552+032+534"));
        assert_eq!(plan.on_response(200, EMPTY).unwrap(), &SearchStep::NotFound);
    }

    #[test]
    fn region_rules_and_empty_plans() {
        let mut us = criteria(&[], Some("Acme"), "US");
        assert_eq!(
            SearchPlan::new(&us).unwrap_err().code(),
            "coface.region_required"
        );
        us.region = Some("NY".into());
        let plan = SearchPlan::new(&us).unwrap();
        assert!(sent(&plan).ends_with("&region=NY"));
        let nothing = criteria(&[("coface.easy", "0012345678904700000")], None, "FR");
        assert_eq!(
            SearchPlan::new(&nothing).unwrap_err(),
            CofaceRequestError::NothingToSearch
        );
        let mut mismatch = criteria(&[], Some("Acme"), "FR");
        mismatch.country = Country::parse("BE").unwrap();
        assert_eq!(
            SearchPlan::new(&mismatch).unwrap_err().code(),
            "coface.country_mismatch"
        );
    }

    #[test]
    fn unusable_identifiers_are_set_aside() {
        let plan = SearchPlan::new(&criteria(
            &[
                ("coface.easy", "0012345678904700000"),
                ("be.kbo", "0403170701"),
                ("fr.siren", "552032534"),
                ("fr.siren", "552 032 534"),
            ],
            None,
            "FR",
        ))
        .unwrap();
        let kinds: Vec<&str> = plan
            .skipped()
            .iter()
            .map(|(identifier, _)| identifier.kind.as_str())
            .collect();
        assert_eq!(kinds, ["coface.easy", "be.kbo"]);
        assert_eq!(plan.planned().count(), 2, "duplicates are planned once");
    }
}
