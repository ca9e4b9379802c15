//! The requests of one search, per insurer, in the order to send them, and how each answer moves
//! the search on: the same strategy as the core's Coface [`SearchPlan`] (every identifier in each
//! of its formats, then the name), with each insurer's equivalent calls.
//!
//! - Coface: the core's [`SearchPlan`] (identifier formats from `search_variants`, then
//!   `GET /companies/name` with town or postal code and region).
//! - Allianz Trade: one `advancedSearch` per identifier kind it knows (canonical value), then
//!   one by name with town or postal code.
//! - Atradius: one `GET …/buyers?uid=&uidType=` per identifier kind it knows; it has no search by
//!   name, so a text that is no identifier plans nothing (the box says so).

use tradecover_core::allianz_trade::{
    advanced_search_request, parse_company_results, CompanySearch,
};
use tradecover_core::atradius::{buyer_search_request, parse_buyer_list};
use tradecover_core::coface::parse_company_list;
use tradecover_core::coface::search_plan::{SearchCriteria, SearchPlan, SearchStage};
use tradecover_core::http_response::HttpResponse;
use tradecover_core::{Buyer, BuyerQuery, Country, HttpRequest, Identifier, Insurer, InsurerError};

/// Which step of the strategy a request belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    /// A search by one format of a legal identifier.
    Identifier,
    /// The search by name.
    Name,
}

/// What the user asked for, validated.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Criteria {
    /// Country of the buyer.
    pub country: Country,
    /// The identifiers the text is valid as, most specific first.
    pub identifiers: Vec<Identifier>,
    /// The search by name, when the text is a usable name.
    pub name: Option<BuyerQuery>,
    /// Region or state, when given.
    pub region: Option<String>,
}

/// The buyers an answer listed: the hits shown and how many matched in all.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hits {
    /// The buyers, in the insurer's order.
    pub buyers: Vec<Buyer>,
    /// How many matched, at least `buyers.len()`.
    pub total: u64,
}

/// The requests of a search for `criteria` at `insurer`, in order, without repeats.
pub(crate) fn plan(insurer: Insurer, criteria: &Criteria) -> Vec<(Stage, HttpRequest)> {
    let mut requests: Vec<(Stage, HttpRequest)> = Vec::new();
    let mut push = |stage, request: HttpRequest| {
        if !requests.iter().any(|(_, planned)| *planned == request) {
            requests.push((stage, request));
        }
    };
    let country = criteria.country;
    match insurer {
        Insurer::Coface => {
            let coface = SearchCriteria {
                country,
                identifiers: criteria.identifiers.clone(),
                name: criteria.name.clone(),
                region: criteria.region.clone(),
            };
            // The box checks the region itself; any other refusal means nothing to search.
            if let Ok(plan) = SearchPlan::new(&coface) {
                for (stage, request) in plan.planned() {
                    let stage = match stage {
                        SearchStage::Name => Stage::Name,
                        _ => Stage::Identifier,
                    };
                    push(stage, request.clone());
                }
            }
        }
        Insurer::AllianzTrade => {
            for identifier in &criteria.identifiers {
                let search = CompanySearch::by_identifier(country, identifier.clone());
                if let Ok(request) = advanced_search_request(&search) {
                    push(Stage::Identifier, request);
                }
            }
            if let Some(query) = &criteria.name {
                if let Ok(request) = advanced_search_request(&CompanySearch::from_query(query)) {
                    push(Stage::Name, request);
                }
            }
        }
        Insurer::Atradius => {
            for identifier in &criteria.identifiers {
                if let Ok(request) = buyer_search_request(country, identifier) {
                    push(Stage::Identifier, request);
                }
            }
        }
        _ => {}
    }
    requests
}

/// Whether `insurer` can search by name at all.
pub(crate) fn searches_by_name(insurer: Insurer) -> bool {
    insurer != Insurer::Atradius
}

/// Reads the answer to a request of `stage`: `Some` hits end the search, `None` (no hit, a
/// `404`, or an identifier format the insurer refused) moves on to the next request; any other
/// failure is an error.
pub(crate) fn read_answer(
    insurer: Insurer,
    stage: Stage,
    country: Country,
    status: u16,
    body: &[u8],
) -> Result<Option<Hits>, InsurerError> {
    let parsed = match insurer {
        Insurer::AllianzTrade => parse_company_results(status, body).map(|results| {
            let buyers: Vec<Buyer> = results.hits.into_iter().map(|hit| hit.buyer).collect();
            let total = buyers.len() as u64;
            Hits { buyers, total }
        }),
        Insurer::Atradius => {
            parse_buyer_list(&HttpResponse::new(status, body), Some(country)).map(|buyers| {
                let total = buyers.len() as u64;
                Hits { buyers, total }
            })
        }
        _ => parse_company_list(status, body).map(|list| Hits {
            buyers: list.buyers,
            total: list.total,
        }),
    };
    match parsed {
        Ok(hits) if !hits.buyers.is_empty() => Ok(Some(hits)),
        Ok(_) | Err(InsurerError::Rejected { status: 404, .. }) => Ok(None),
        Err(InsurerError::Rejected { .. }) if stage == Stage::Identifier => Ok(None),
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn france() -> Country {
        Country::parse("FR").unwrap()
    }

    fn criteria(identifiers: &[(&str, &str)], name: Option<&str>) -> Criteria {
        Criteria {
            country: france(),
            identifiers: identifiers
                .iter()
                .map(|(kind, value)| Identifier {
                    kind: (*kind).into(),
                    value: (*value).into(),
                })
                .collect(),
            name: name.map(|name| BuyerQuery::by_name(name, "FR", None, None).unwrap()),
            region: None,
        }
    }

    #[test]
    fn allianz_trade_sends_each_identifier_then_the_name() {
        let planned = plan(
            Insurer::AllianzTrade,
            &criteria(
                &[("fr.siren", "552032534"), ("coface.easy", "1")],
                Some("Dupont"),
            ),
        );
        let stages: Vec<Stage> = planned.iter().map(|(stage, _)| *stage).collect();
        assert_eq!(
            stages,
            [Stage::Identifier, Stage::Name],
            "coface.easy is not Allianz's"
        );
        let body = planned[0].1.body.as_ref().unwrap().to_string();
        assert!(body.contains(r#""idTypeCode":"SIREN""#), "{body}");
    }

    #[test]
    fn atradius_never_searches_a_name() {
        assert!(plan(Insurer::Atradius, &criteria(&[], Some("Dupont"))).is_empty());
        assert!(!searches_by_name(Insurer::Atradius));
        assert!(searches_by_name(Insurer::Coface));
    }

    #[test]
    fn empty_answers_and_refused_formats_move_on() {
        let empty = br#"{"companies":[],"count":0}"#;
        let refused = br#"{"code":"InvalidIdentifier","message":"format"}"#;
        let read = |stage, status, body: &[u8]| {
            read_answer(Insurer::Coface, stage, france(), status, body)
        };
        assert_eq!(read(Stage::Identifier, 200, empty), Ok(None));
        assert_eq!(read(Stage::Name, 404, refused), Ok(None));
        assert_eq!(read(Stage::Identifier, 400, refused), Ok(None));
        assert_eq!(
            read(Stage::Name, 400, refused).unwrap_err().code(),
            "insurer.rejected"
        );
        assert_eq!(
            read(Stage::Identifier, 503, b"").unwrap_err().code(),
            "insurer.unavailable"
        );
        let no_match = br#"{"errors":[{"detail":"No buyer match found"}]}"#;
        assert_eq!(
            read_answer(
                Insurer::Atradius,
                Stage::Identifier,
                france(),
                404,
                no_match
            ),
            Ok(None)
        );
    }
}
