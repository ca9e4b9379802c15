//! Atradius buyer search by every `uidType`, buyer detail and my-buyers, with the core's
//! requests and parsers.

mod atradius_support;

use atradius_support::{application, eur, json, policy, Atradius};
use std::collections::BTreeSet;
use tradecover_core::atradius::{self, HealthChange, MyBuyersFilter};
use tradecover_core::buyer::Identifier;
use tradecover_core::cover_application::CoverType;
use tradecover_core::identifier::IdentifierKind;
use tradecover_core::Country;

#[tokio::test]
async fn every_searchable_identifier_finds_its_company() {
    let mut sandbox = Atradius::new();
    let companies = sandbox.sample("n=12").await;
    let mut more = Vec::new();
    for country in [
        "DEU", "GBR", "BEL", "CHE", "NLD", "ITA", "ESP", "USA", "POL", "SWE", "AUT",
    ] {
        more.extend(sandbox.sample(&format!("countryCode={country}&n=3")).await);
    }
    let mut uid_types = BTreeSet::new();
    let mut searched = 0;
    for company in companies.iter().chain(&more) {
        for identifier in &company.identifiers {
            let Some(uid_type) =
                IdentifierKind::parse(&identifier.kind).and_then(atradius::uid_type_for)
            else {
                continue;
            };
            let found = sandbox.search(company.address.country, identifier).await;
            assert_eq!(found.len(), 1, "{} {identifier:?}", company.name);
            let buyer = &found[0];
            assert_eq!(buyer.name, company.name);
            assert_eq!(buyer.address.country, company.address.country);
            assert_eq!(buyer.address.town, company.address.town);
            // The core reads the buyer's identifiers back to the same canonical values.
            let canonical = tradecover_core::identifier::validate_identifier(
                IdentifierKind::parse(&identifier.kind).unwrap(),
                &identifier.value,
            )
            .unwrap();
            let expected = if identifier.kind == "fr.siret" {
                Identifier {
                    kind: "fr.siren".into(),
                    value: canonical.value[..9].to_owned(),
                }
            } else {
                canonical
            };
            assert!(
                buyer.identifiers.contains(&expected),
                "{expected:?} not in {:?}",
                buyer.identifiers
            );
            uid_types.insert(uid_type.as_str().to_owned());
            searched += 1;
        }
    }
    assert!(searched > 40, "{searched}");
    let expected: BTreeSet<String> = ["CR", "FC", "NRN", "SN", "TK", "VAT"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(uid_types, expected);
}

#[tokio::test]
async fn german_register_entries_are_found_by_the_cores_canonical_form() {
    let mut sandbox = Atradius::new();
    let companies = sandbox.sample("countryCode=DEU&n=100").await;
    let mut courts = BTreeSet::new();
    for company in &companies {
        let register = company
            .identifiers
            .iter()
            .find(|identifier| identifier.kind == "de.hr")
            .expect("German companies have a register entry");
        courts.insert(
            register
                .value
                .split('@')
                .nth(1)
                .unwrap_or_default()
                .to_owned(),
        );
        let found = sandbox.search(company.address.country, register).await;
        assert_eq!(found.len(), 1, "{register:?}");
        assert_eq!(found[0].name, company.name);
    }
    assert!(courts.len() > 5, "{courts:?}");
}

#[tokio::test]
async fn searches_without_a_match_are_empty_lists() {
    let mut sandbox = Atradius::new();
    let fr = Country::from_alpha2("FR").unwrap();
    let duns = Identifier {
        kind: "duns".into(),
        value: "150483782".into(),
    };
    assert_eq!(sandbox.search(fr, &duns).await, Vec::new());
    // A valid SIREN nobody in the data set has (the sandbox's are generated).
    let siren = Identifier {
        kind: "fr.siren".into(),
        value: "552032534".into(),
    };
    let request = atradius::buyer_search_request(fr, &siren).unwrap();
    let answer = sandbox.call(&request).await;
    assert_eq!(answer.status, 404);
    assert_eq!(json(&answer)["errors"][0]["detail"], "No buyer match found");
    assert_eq!(
        atradius::parse_buyer_list(&answer, Some(fr)).unwrap(),
        Vec::new()
    );
    // A country without companies in the sandbox.
    let brazil = Country::from_alpha2("BR").unwrap();
    let vat = Identifier {
        kind: "fr.vat".into(),
        value: "FR27552032534".into(),
    };
    assert_eq!(sandbox.search(brazil, &vat).await, Vec::new());
}

#[tokio::test]
async fn bad_search_parameters_are_400() {
    let mut sandbox = Atradius::new();
    let base = "/credit-insurance/organisation-management/v1/buyers";
    for query in [
        "country=FRA&uid=1",
        "country=FR&uid=552032534&uidType=SN",
        "country=FRA&uid=552032534&uidType=XX",
        "country=FRA&uid=552032534&uidType=SN&extra=1",
    ] {
        let request = tradecover_core::HttpRequest::new(
            tradecover_core::Method::Get,
            format!("{base}?{query}"),
        );
        let answer = sandbox.call(&request).await;
        assert_eq!(answer.status, 400, "{query}");
    }
}

#[tokio::test]
async fn buyer_detail_gives_the_searched_buyer() {
    let mut sandbox = Atradius::new();
    let company = sandbox.sample("countryCode=DEU&n=1").await.remove(0);
    let id = sandbox.buyer_id_of(&company).await;
    let answer = sandbox
        .call(&atradius::buyer_detail_request(&id).unwrap())
        .await;
    let buyer = atradius::parse_buyer_detail(&answer).unwrap();
    assert_eq!(buyer.insurer_id, id);
    assert_eq!(buyer.name, company.name);
    assert_eq!(buyer.address.postcode, company.address.postcode);
    assert!(buyer.identifiers.iter().any(|i| i.kind == "de.hr"));
    assert!(buyer.identifiers.iter().any(|i| i.kind == "de.vat"));
    let unknown = sandbox
        .call(&atradius::buyer_detail_request("99999999").unwrap())
        .await;
    assert_eq!(unknown.status, 404);
    assert_eq!(
        atradius::parse_buyer_detail(&unknown).unwrap_err().code(),
        "insurer.rejected"
    );
}

#[tokio::test]
async fn my_buyers_are_the_buyers_with_covers_filtered_by_rating_change() {
    let mut sandbox = Atradius::new();
    let request = atradius::my_buyers_request(&policy(), &MyBuyersFilter::default()).unwrap();
    let answer = sandbox.call(&request).await;
    assert_eq!(
        atradius::parse_buyer_list(&answer, None).unwrap(),
        Vec::new()
    );

    let mut ids = BTreeSet::new();
    for n in 0..6 {
        let id = sandbox.usual_buyer(n).await;
        let (answer, _) = sandbox
            .apply(&application(&id, CoverType::CreditLimit, eur(10_000)))
            .await;
        assert_eq!(answer.status, 201);
        ids.insert(id);
    }
    let answer = sandbox.call(&request).await;
    let buyers = atradius::parse_buyer_list(&answer, None).unwrap();
    let found: BTreeSet<String> = buyers.iter().map(|b| b.insurer_id.clone()).collect();
    assert_eq!(found, ids);

    let changes: Vec<(String, String)> = json(&answer)["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|buyer| {
            (
                buyer["buyerId"].to_string(),
                buyer["buyerRatingChange"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert!(changes.iter().any(|(_, c)| !c.is_empty()), "{changes:?}");
    for (change, wire) in [(HealthChange::Up, "up"), (HealthChange::Down, "down")] {
        let filter = MyBuyersFilter {
            health_change: Some(change),
            ..MyBuyersFilter::default()
        };
        let request = atradius::my_buyers_request(&policy(), &filter).unwrap();
        let found: BTreeSet<String> =
            atradius::parse_buyer_list(&sandbox.call(&request).await, None)
                .unwrap()
                .into_iter()
                .map(|b| b.insurer_id)
                .collect();
        let expected: BTreeSet<String> = changes
            .iter()
            .filter(|(_, c)| c == wire)
            .map(|(id, _)| id.clone())
            .collect();
        assert_eq!(found, expected, "{wire}");
    }
    let far_future = atradius::DateFilter::parse("2999-01-01");
    let filter = MyBuyersFilter {
        rating_updated_after: far_future,
        ..MyBuyersFilter::default()
    };
    let request = atradius::my_buyers_request(&policy(), &filter).unwrap();
    assert_eq!(
        atradius::parse_buyer_list(&sandbox.call(&request).await, None).unwrap(),
        Vec::new()
    );
    let filter = MyBuyersFilter {
        rating_updated_before: far_future,
        ..MyBuyersFilter::default()
    };
    let request = atradius::my_buyers_request(&policy(), &filter).unwrap();
    assert_eq!(
        atradius::parse_buyer_list(&sandbox.call(&request).await, None)
            .unwrap()
            .len(),
        ids.len()
    );
}
