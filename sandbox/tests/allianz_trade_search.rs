//! Allianz Trade company search over the data set, through the core: by name (with town and
//! postcode), by every identifier the core can send, matching with scores and the EH id, and
//! company creation for buyers the search does not find.

mod allianz_trade_support;

use allianz_trade_support::{application, json, text, Allianz};
use serde_json::Value;
use tradecover_core::allianz_trade::{
    self as allianz, CompanyCreation, CompanySearch, JobStatus, NewCompany,
};
use tradecover_core::coface::parse_company_list;
use tradecover_core::identifier::{validate_identifier, IdentifierKind};
use tradecover_core::{Address, Country, Establishment, Identifier};

const COUNTRIES: [&str; 12] = [
    "FRA", "DEU", "BEL", "NLD", "ITA", "ESP", "GBR", "CHE", "AUT", "POL", "SWE", "USA",
];

fn country_of(sampled: &Value) -> Country {
    Country::from_alpha3(sampled["address"]["countryCode"].as_str().unwrap()).unwrap()
}

#[tokio::test]
async fn sampled_companies_are_found_by_name_with_stable_company_ids() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let other = Allianz::new();
    let other_token = other.token().await;
    for country in COUNTRIES {
        for sampled in sandbox.sample(country, 2, false).await {
            let buyer = sandbox.find(&token, &sampled).await;
            assert!(
                validate_identifier(IdentifierKind::AllianzCompanyId, &buyer.insurer_id).is_ok(),
                "{}",
                buyer.insurer_id
            );
            assert_eq!(buyer.address.country, country_of(&sampled));
            assert_eq!(
                buyer.address.town.as_deref(),
                sampled["address"]["town"].as_str()
            );
            assert_eq!(
                buyer.address.street.as_deref(),
                sampled["address"]["streetAddress"].as_str()
            );
            assert_eq!(buyer.establishment, Establishment::HeadOffice);
            assert!(buyer.identifiers.contains(&Identifier {
                kind: "allianz.company_id".into(),
                value: buyer.insurer_id.clone(),
            }));
            // The same company has the same id in another sandbox.
            assert_eq!(
                other.find(&other_token, &sampled).await.insurer_id,
                buyer.insurer_id
            );
        }
    }
}

#[tokio::test]
async fn town_and_postcode_narrow_a_name_search() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let sampled = &sandbox.sample("FRA", 1, false).await[0];
    let name = sampled["companyName"].as_str().unwrap();
    let first_word = name.split(' ').next().unwrap();
    let town = sampled["address"]["town"].as_str().unwrap();
    let search = CompanySearch {
        name: Some(first_word.into()),
        country: country_of(sampled),
        town: Some(town.into()),
        postcode: None,
        identifiers: Vec::new(),
        size: 100,
        minimum_score: None,
    };
    let response = sandbox
        .send(
            &allianz::advanced_search_request(&search).unwrap(),
            Some(&token),
            &[],
        )
        .await;
    let hits = allianz::parse_company_results(response.status, &response.body)
        .unwrap()
        .hits;
    assert!(hits.iter().any(|hit| hit.buyer.name == name));
    assert!(hits
        .iter()
        .all(|hit| hit.buyer.address.town.as_deref() == Some(town)));
    assert!(hits.iter().all(|hit| hit.score.is_none()));
    let narrow = CompanySearch {
        postcode: Some("00000-no-such".into()),
        ..search
    };
    let response = sandbox
        .send(
            &allianz::advanced_search_request(&narrow).unwrap(),
            Some(&token),
            &[],
        )
        .await;
    assert!(
        allianz::parse_company_results(response.status, &response.body)
            .unwrap()
            .hits
            .is_empty()
    );
}

#[tokio::test]
async fn sampled_companies_are_found_by_each_of_their_identifiers() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let mut searched = 0;
    for country in COUNTRIES {
        let sampled = sandbox.sample(country, 2, false).await;
        let body = serde_json::json!({"companies": sampled, "count": sampled.len()});
        let list = parse_company_list(200, body.to_string().as_bytes()).unwrap();
        for (coface_buyer, raw) in list.buyers.iter().zip(&sampled) {
            let name = raw["companyName"].as_str().unwrap();
            for identifier in &coface_buyer.identifiers {
                let search = CompanySearch::by_identifier(country_of(raw), identifier.clone());
                let Ok(request) = allianz::advanced_search_request(&search) else {
                    continue; // coface.easy and kinds Allianz Trade has no type for
                };
                let response = sandbox.send(&request, Some(&token), &[]).await;
                let hits = allianz::parse_company_results(response.status, &response.body)
                    .unwrap()
                    .hits;
                let hit = hits
                    .iter()
                    .find(|hit| hit.buyer.name == name)
                    .unwrap_or_else(|| {
                        panic!("{name} found by {identifier:?}: {}", text(&response))
                    });
                assert!(
                    hit.buyer.identifiers.contains(identifier),
                    "{identifier:?} read back from {:?}",
                    hit.buyer.identifiers
                );
                searched += 1;
            }
        }
    }
    assert!(searched >= 40, "only {searched} identifier searches");
}

#[tokio::test]
async fn matching_scores_hits_and_returns_the_eh_id() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let sampled = &sandbox.sample("DEU", 1, false).await[0];
    let name = sampled["companyName"].as_str().unwrap();
    let search = CompanySearch {
        name: Some(name.into()),
        country: country_of(sampled),
        town: None,
        postcode: None,
        identifiers: Vec::new(),
        size: 5,
        minimum_score: Some(80),
    };
    let request = allianz::matching_request(&search).unwrap();
    let response = sandbox.send(&request, Some(&token), &[]).await;
    let raw = json(&response);
    let hits = allianz::parse_company_results(response.status, &response.body)
        .unwrap()
        .hits;
    assert!(!hits.is_empty() && hits.len() <= 5);
    assert_eq!(hits[0].buyer.name, name);
    assert_eq!(hits[0].score, Some(100.0));
    assert!(hits.iter().all(|hit| hit.score.unwrap() >= 80.0));
    let identifiers = raw["results"][0]["company"]["companyIdentifiers"]
        .as_array()
        .unwrap();
    assert!(identifiers
        .iter()
        .any(|item| item["idTypeCode"] == "EH"
            && item["idValue"] == hits[0].buyer.insurer_id.as_str()));
    // The EH id itself finds the company.
    let by_id = CompanySearch::by_identifier(
        country_of(sampled),
        Identifier {
            kind: "allianz.company_id".into(),
            value: hits[0].buyer.insurer_id.clone(),
        },
    );
    let response = sandbox
        .send(
            &allianz::matching_request(&by_id).unwrap(),
            Some(&token),
            &[],
        )
        .await;
    let found = allianz::parse_company_results(response.status, &response.body)
        .unwrap()
        .hits;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].buyer.insurer_id, hits[0].buyer.insurer_id);
}

#[tokio::test]
async fn searches_that_find_nothing_or_cannot_be_read() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let path = allianz::company_search::ADVANCED_SEARCH_PATH;
    for body in [
        r#"{"companyName": "Zzqx Nothing Like It", "countryCode": "FR"}"#,
        r#"{"companyName": "a", "countryCode": "NO"}"#,
        r#"{"companyIdentifiers": [{"idTypeCode": "LEI", "idValue": "5493001KJTIIGC8Y1R12"}], "countryCode": "FR"}"#,
    ] {
        let response = sandbox.post_json(path, Some(&token), body).await;
        assert_eq!(response.status, 200, "{body}");
        let results = allianz::parse_company_results(response.status, &response.body).unwrap();
        assert!(results.hits.is_empty(), "{body}");
        assert_eq!(json(&response)["totalCount"], 0);
    }
    for (body, words) in [
        (
            r#"{"countryCode": "FR"}"#,
            "companyName or companyIdentifiers",
        ),
        (
            r#"{"companyName": "a", "countryCode": "France"}"#,
            "countryCode",
        ),
        (r#"{"companyName": "a", "pageSize": 0}"#, "pageSize"),
        (r#"{"companyName": "a", "pageSize": "many"}"#, "pageSize"),
        (
            r#"{"companyIdentifiers": [{"idTypeCode": "VAT"}]}"#,
            "idValue",
        ),
        ("[]", "JSON object"),
        ("{", "not valid JSON"),
    ] {
        let response = sandbox.post_json(path, Some(&token), body).await;
        assert_eq!(response.status, 400, "{body}");
        let message = json(&response)["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(message.contains(words), "{body}: {message}");
        assert_eq!(
            allianz::parse_company_results(response.status, &response.body)
                .unwrap_err()
                .code(),
            "insurer.rejected"
        );
    }
}

/// A valid SIREN the data set does not hold.
async fn unknown_siren(
    sandbox: &Allianz,
    token: &tradecover_core::allianz_trade::AllianzToken,
) -> Identifier {
    for value in [
        "552032534",
        "732829320",
        "542051180",
        "443061841",
        "383474814",
    ] {
        let identifier = validate_identifier(IdentifierKind::FrSiren, value).unwrap();
        let search =
            CompanySearch::by_identifier(Country::from_alpha2("FR").unwrap(), identifier.clone());
        let response = sandbox
            .send(
                &allianz::advanced_search_request(&search).unwrap(),
                Some(token),
                &[],
            )
            .await;
        if allianz::parse_company_results(response.status, &response.body)
            .unwrap()
            .hits
            .is_empty()
        {
            return identifier;
        }
    }
    panic!("every candidate SIREN is in the data set");
}

#[tokio::test]
async fn an_unknown_company_is_created_found_again_and_covered() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let france = Country::from_alpha2("FR").unwrap();
    let siren = unknown_siren(&sandbox, &token).await;
    let company = NewCompany {
        name: "Nouvelle Distribution SAS".into(),
        address: Address {
            street: Some("3 rue Neuve".into()),
            postcode: Some("69002".into()),
            town: Some("Lyon".into()),
            region: None,
            country: france,
        },
        identifiers: vec![siren.clone()],
        phone: Some("+33 4 00 00 00 00".into()),
    };
    let request = allianz::create_company_request(&company).unwrap();
    let response = sandbox.send(&request, Some(&token), &[]).await;
    assert_eq!(response.status, 201, "{}", text(&response));
    let CompanyCreation::Created { company_id } =
        allianz::parse_create_company(response.status, &response.body).unwrap()
    else {
        panic!("created synchronously");
    };
    assert!(validate_identifier(IdentifierKind::AllianzCompanyId, &company_id).is_ok());

    // Found again by its identifier, with what was given.
    let search = CompanySearch::by_identifier(france, siren.clone());
    let response = sandbox
        .send(
            &allianz::advanced_search_request(&search).unwrap(),
            Some(&token),
            &[],
        )
        .await;
    let hits = allianz::parse_company_results(response.status, &response.body)
        .unwrap()
        .hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].buyer.insurer_id, company_id);
    assert_eq!(hits[0].buyer.name, company.name);
    assert_eq!(hits[0].buyer.address.postcode.as_deref(), Some("69002"));
    assert!(hits[0].buyer.identifiers.contains(&siren));

    // Created once: the same identifier gives the same company.
    let again = sandbox.send(&request, Some(&token), &[]).await;
    assert_eq!(again.status, 200);
    assert_eq!(
        allianz::parse_create_company(again.status, &again.body).unwrap(),
        CompanyCreation::Created {
            company_id: company_id.clone()
        }
    );

    // Cover can be requested on it.
    let job_id = sandbox
        .job_id(&token, &application(&company_id, 20_000, None))
        .await;
    sandbox.advance(1).await;
    let job = sandbox.job(&token, &job_id).await;
    assert_eq!(job.status, JobStatus::Processed);
    let decision = sandbox.cover(&token, &job.cover_id().unwrap()).await;
    assert_eq!(decision.buyer_id, company_id);
    assert_eq!(
        decision.buyer_name.as_deref(),
        Some("Nouvelle Distribution SAS")
    );
}

#[tokio::test]
async fn creating_a_known_company_gives_its_id_and_bad_creations_are_refused() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let sampled = &sandbox.sample("ITA", 1, false).await[0];
    let known = sandbox.find(&token, sampled).await;
    let vat = known
        .identifiers
        .iter()
        .find(|identifier| identifier.kind == "it.vat")
        .unwrap()
        .clone();
    let company = NewCompany {
        name: known.name.clone(),
        address: known.address.clone(),
        identifiers: vec![vat],
        phone: None,
    };
    let response = sandbox
        .send(
            &allianz::create_company_request(&company).unwrap(),
            Some(&token),
            &[],
        )
        .await;
    assert_eq!(response.status, 200);
    assert_eq!(
        allianz::parse_create_company(response.status, &response.body).unwrap(),
        CompanyCreation::Created {
            company_id: known.insurer_id.clone()
        }
    );
    let path = allianz::company_create::COMPANIES_PATH;
    for (body, status) in [
        (r#"{"address": {"countryCode": "FR"}}"#, 400),
        (r#"{"legalData": {"companyName": "X"}}"#, 400),
        (
            r#"{"legalData": {"companyName": "X"}, "address": {"countryCode": "JP"}}"#,
            422,
        ),
        (
            r#"{"legalData": "X", "address": {"countryCode": "FR"}}"#,
            400,
        ),
    ] {
        let response = sandbox.post_json(path, Some(&token), body).await;
        assert_eq!(response.status, status, "{body}");
        assert!(json(&response)["message"].is_string(), "{body}");
    }
}
