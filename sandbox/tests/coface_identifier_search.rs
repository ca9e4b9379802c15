//! Search by legal identifier, for every identifier type the data set holds: the exact value
//! Coface stores is found; the core's search plan (the identifier read from the sandbox's own
//! company JSON, then one request per format variant) finds the company among its variants;
//! other formats find nothing; errors are CofaServe-style.

mod coface_support;
mod common;

use coface_support::Contract;
use std::collections::BTreeSet;
use tradecover_core::coface::{
    identifier_search_request, identifier_search_requests, parse_company_list,
};
use tradecover_core::Country;
use tradecover_sandbox::{dataset, Company, IdentifierType, DEFAULT_SEED};

/// For each identifier type, a few head offices known to Coface that hold it.
fn holders() -> Vec<(IdentifierType, Vec<Company>)> {
    let data = dataset(DEFAULT_SEED);
    IdentifierType::ALL
        .iter()
        .map(|kind| {
            let some: Vec<Company> = data
                .companies()
                .iter()
                .filter(|c| c.known_to_coface() && c.identifier(*kind).is_some())
                .step_by(997)
                .take(3)
                .cloned()
                .collect();
            (*kind, some)
        })
        .collect()
}

fn core_country(company: &Company) -> Country {
    Country::from_alpha3(company.country().alpha3()).unwrap()
}

#[tokio::test]
async fn the_stored_value_of_every_identifier_type_is_found() {
    let contract = Contract::open().await;
    let mut kinds = BTreeSet::new();
    for (kind, companies) in holders() {
        assert!(!companies.is_empty(), "no company holds {kind}");
        for company in companies {
            let value = company.identifier(kind).unwrap();
            let request = identifier_search_request(core_country(&company), kind.code(), value);
            let (status, body) = contract.send(&request).await;
            let list = parse_company_list(status, &body).expect("the core reads the hits");
            let easy = company.easy_number().unwrap();
            assert!(
                list.buyers.iter().any(|b| b.insurer_id == easy),
                "{kind} {value} did not find {easy}"
            );
            kinds.insert(kind.code());
        }
    }
    assert_eq!(kinds.len(), IdentifierType::ALL.len());
}

#[tokio::test]
async fn the_core_search_plan_finds_every_company_by_each_of_its_identifiers() {
    let contract = Contract::open().await;
    for (kind, companies) in holders() {
        for company in companies {
            let country = core_country(&company);
            let easy = company.easy_number().unwrap();
            // The identifier as the core reads it from the sandbox's company JSON.
            let (status, body) = contract
                .send(&identifier_search_request(
                    country,
                    kind.code(),
                    company.identifier(kind).unwrap(),
                ))
                .await;
            let found = parse_company_list(status, &body).unwrap();
            let buyer = found.buyers.iter().find(|b| b.insurer_id == easy).unwrap();
            for identifier in buyer.identifiers.iter().filter(|i| i.kind != "coface.easy") {
                let requests = identifier_search_requests(country, identifier).unwrap();
                let mut hit = false;
                let mut misses = 0;
                for request in &requests {
                    let (status, body) = contract.send(request).await;
                    let list = parse_company_list(status, &body).unwrap();
                    if list.buyers.iter().any(|b| b.insurer_id == easy) {
                        hit = true;
                    } else {
                        misses += 1;
                    }
                }
                assert!(
                    hit,
                    "{} {} of {easy}: no variant of {requests:?} found it",
                    identifier.kind, identifier.value
                );
                assert!(misses < requests.len().max(1));
            }
        }
    }
}

#[tokio::test]
async fn other_formats_and_other_values_find_nothing() {
    let contract = Contract::open().await;
    let data = dataset(DEFAULT_SEED);
    let company = data
        .in_country(tradecover_sandbox::Country::France)
        .iter()
        .find(|c| c.known_to_coface() && c.is_head_office())
        .unwrap();
    let siren = company.identifier(IdentifierType::SirenFra).unwrap();
    let france = Country::from_alpha3("FRA").unwrap();
    let spaced = format!("{} {} {}", &siren[..3], &siren[3..6], &siren[6..]);
    let mut other = siren.to_owned();
    other.replace_range(8..9, if siren.ends_with('0') { "1" } else { "0" });
    for value in [spaced.as_str(), other.as_str()] {
        let (status, body) = contract
            .send(&identifier_search_request(france, "SIREN_FRA", value))
            .await;
        let list = parse_company_list(status, &body).unwrap();
        assert!(
            list.buyers
                .iter()
                .all(|b| b.insurer_id != company.easy_number().unwrap()),
            "{value}"
        );
    }
    // A type Coface holds for no country: nothing.
    let (status, body) = contract
        .send(&identifier_search_request(
            france,
            "LEI",
            "5493001KJTIIGC8Y1R12",
        ))
        .await;
    assert_eq!(status, 200);
    assert!(parse_company_list(status, &body).unwrap().buyers.is_empty());
    // Another country's type, a missing value, an unknown country: 400 in CofaServe style.
    for (country, kind, value) in [("FRA", "VAT_DEU", "DE136695976"), ("FRA", "SIREN_FRA", " ")] {
        let request =
            identifier_search_request(Country::from_alpha3(country).unwrap(), kind, value);
        let (status, body) = contract.json(&request).await;
        assert_eq!(status, 400, "{body}");
        assert!(body["code"].is_string() && body["message"].is_string());
    }
    // Companies unknown to Coface are never found.
    let unknown = data
        .unknown_to_coface()
        .find(|c| c.identifier(IdentifierType::SirenFra).is_some())
        .unwrap();
    let (status, body) = contract
        .send(&identifier_search_request(
            france,
            "SIREN_FRA",
            unknown.identifier(IdentifierType::SirenFra).unwrap(),
        ))
        .await;
    assert!(parse_company_list(status, &body).unwrap().buyers.is_empty());
}
