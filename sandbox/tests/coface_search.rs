//! CofaServe "search a partner by name", driven through the router. Expectations are derived
//! from the data set API (`tradecover_sandbox::dataset`) and the sample route, never
//! hard-coded.

mod common;

use axum::http::StatusCode;
use common::{code, companies, Sandbox};
use serde_json::Value;
use std::collections::HashSet;
use tradecover_sandbox::{
    compact_postcode, dataset, normalize, Company, Country, IdentifierType, DEFAULT_SEED,
};

/// Normalised words of a name, with the German spelling of umlauts added.
fn words(name: &str) -> Vec<String> {
    let german = name
        .replace(['Ä', 'ä'], "ae")
        .replace(['Ö', 'ö'], "oe")
        .replace(['Ü', 'ü'], "ue");
    let mut words: Vec<String> = normalize(name).split(' ').map(str::to_owned).collect();
    words.extend(normalize(&german).split(' ').map(str::to_owned));
    words
}

/// The longest word of a name (the most distinctive one, usually).
fn longest_word(company: &Company) -> String {
    let normalized = company.normalized_name().to_owned();
    normalized
        .split(' ')
        .max_by_key(|w| w.len())
        .unwrap_or_default()
        .to_owned()
}

fn easy(value: &Value) -> &str {
    value["easyNumber"].as_str().unwrap_or_default()
}

/// Head offices sampled through the helper route.
async fn sample(sandbox: &Sandbox, country: &str, n: usize) -> Vec<Value> {
    let (status, body) = sandbox
        .get(&format!(
            "/__sandbox/companies/sample?countryCode={country}&n={n}"
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let list = companies(&body);
    assert_eq!(list.len(), n);
    list
}

fn lookup(value: &Value) -> Company {
    let data = dataset(DEFAULT_SEED);
    match data.by_easy_number(easy(value)) {
        Some(company) => company.clone(),
        None => panic!("sampled company not in the data set: {value}"),
    }
}

#[tokio::test]
async fn finds_sampled_companies_by_full_name_first() {
    let sandbox = Sandbox::new();
    let token = sandbox.login().await;
    for country in Country::ALL {
        for sampled in sample(&sandbox, country.alpha3(), 3).await {
            let name = sampled["companyName"].as_str().unwrap_or_default();
            let (status, body) = sandbox
                .search(
                    &token,
                    &[("countryCode", country.alpha3()), ("companyName", name)],
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            let found = companies(&body);
            assert_eq!(
                found.first().map(easy),
                Some(easy(&sampled)),
                "{name}: {body}"
            );
            assert_eq!(found[0], sampled, "search and sample render the same JSON");
        }
    }
}

#[tokio::test]
async fn finds_a_company_by_one_word_of_its_name() {
    let sandbox = Sandbox::new();
    let token = sandbox.login().await;
    for sampled in sample(&sandbox, "DEU", 5).await {
        let company = lookup(&sampled);
        let word = longest_word(&company);
        let (status, body) = sandbox
            .search(
                &token,
                &[
                    ("countryCode", "DEU"),
                    ("companyName", &word.to_lowercase()),
                    ("limit", "100"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let found = companies(&body);
        let count = body["count"].as_u64().unwrap_or_default() as usize;
        assert!(count >= found.len() && !found.is_empty());
        // Every hit really contains a word starting with the query word.
        for hit in &found {
            let name = hit["companyName"].as_str().unwrap_or_default();
            assert!(
                words(name).iter().any(|w| w.starts_with(&word)),
                "{word} vs {name}"
            );
        }
        if count <= 100 {
            assert!(found.iter().any(|c| easy(c) == easy(&sampled)), "{word}");
        }
        // Narrowed by town, it is certainly on the first page.
        let (_, body) = sandbox
            .search(
                &token,
                &[
                    ("countryCode", "DEU"),
                    ("companyName", &word),
                    ("town", company.address().town()),
                    ("limit", "100"),
                ],
            )
            .await;
        let found = companies(&body);
        assert!(body["count"].as_u64() < Some(100), "{body}");
        assert!(
            found.iter().any(|c| easy(c) == easy(&sampled)),
            "{word} in {}",
            company.address().town()
        );
        assert!(found
            .iter()
            .all(|c| c["address"]["town"] == company.address().town()));
    }
}

#[tokio::test]
async fn postcode_prefix_and_region_filter() {
    let sandbox = Sandbox::new();
    let token = sandbox.login().await;
    for country in ["FRA", "GBR", "NLD", "POL", "SWE"] {
        for sampled in sample(&sandbox, country, 3).await {
            let company = lookup(&sampled);
            let word = longest_word(&company);
            let postcode = company.address().postal_code();
            let prefix: String = postcode.chars().take(3).collect();
            let (status, body) = sandbox
                .search(
                    &token,
                    &[
                        ("countryCode", country),
                        ("companyName", &word),
                        ("postalCode", &prefix),
                        ("limit", "100"),
                    ],
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            let found = companies(&body);
            assert!(
                found.iter().any(|c| easy(c) == easy(&sampled)),
                "{word} {prefix}"
            );
            let compact = compact_postcode(&prefix);
            for hit in &found {
                let code = hit["address"]["postalCode"].as_str().unwrap_or_default();
                assert!(
                    compact_postcode(code).starts_with(&compact),
                    "{code} vs {prefix}"
                );
            }
        }
    }
    for sampled in sample(&sandbox, "USA", 3).await {
        let company = lookup(&sampled);
        let state = company.address().region().unwrap_or_default();
        assert_eq!(sampled["address"]["region"], state);
        let name = company.name();
        let (_, body) = sandbox
            .search(
                &token,
                &[
                    ("countryCode", "usa"),
                    ("companyName", name),
                    ("region", &state.to_lowercase()),
                ],
            )
            .await;
        assert!(companies(&body).iter().any(|c| easy(c) == easy(&sampled)));
        let other = if state == "NY" { "CA" } else { "NY" };
        let (_, body) = sandbox
            .search(
                &token,
                &[
                    ("countryCode", "USA"),
                    ("companyName", name),
                    ("region", other),
                ],
            )
            .await;
        assert!(!companies(&body).iter().any(|c| easy(c) == easy(&sampled)));
    }
}

#[tokio::test]
async fn establishments_are_marked_and_point_to_their_head_office() {
    let sandbox = Sandbox::new();
    let token = sandbox.login().await;
    let data = dataset(DEFAULT_SEED);
    let heads = data.sample_head_offices(Some(Country::France), 4, |c| {
        c.known_to_coface() && c.establishment_count() >= 2
    });
    assert_eq!(heads.len(), 4);
    for head in heads {
        let (_, body) = sandbox
            .search(
                &token,
                &[
                    ("countryCode", "FRA"),
                    ("companyName", head.name()),
                    ("limit", "100"),
                ],
            )
            .await;
        let found = companies(&body);
        let head_easy = head.easy_number().unwrap_or_default();
        assert_eq!(found[0]["easyNumber"], head_easy);
        assert_eq!(found[0]["establishmentType"], "HEAD_OFFICE");
        assert_eq!(found[0]["headOfficeEasyNumber"], Value::Null);
        // Other entities may share the words of the name (in another order): keep this one's.
        let establishments: Vec<&Value> = found
            .iter()
            .filter(|c| c["headOfficeEasyNumber"] == head_easy)
            .collect();
        assert_eq!(establishments.len(), head.establishment_count());
        assert!(found
            .iter()
            .all(|c| (c["establishmentType"] == "ESTABLISHMENT")
                == c["headOfficeEasyNumber"].is_string()));
        let head_siren = head
            .identifier(IdentifierType::SirenFra)
            .unwrap_or_default();
        for e in establishments {
            assert_eq!(e["establishmentType"], "ESTABLISHMENT");
            assert_eq!(e["companyName"], head.name());
            assert_ne!(e["easyNumber"], head_easy);
            assert_ne!(e["address"]["town"], head.address().town());
            let siret = e["legalIdentifiers"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|id| id["identifierType"] == "SIRET_FRA")
                .and_then(|id| id["identifierValue"].as_str())
                .unwrap_or_default();
            assert!(
                siret.starts_with(head_siren) && siret.len() == 14,
                "{siret}"
            );
        }
    }
    let (status, body) = sandbox
        .get("/__sandbox/companies/sample?countryCode=BEL&n=3&hasEstablishments=true")
        .await;
    assert_eq!(status, StatusCode::OK);
    for sampled in companies(&body) {
        assert!(lookup(&sampled).establishment_count() > 0);
    }
    for wanted in [true, false] {
        let (status, body) = sandbox
            .get(&format!(
                "/__sandbox/companies/sample?countryCode=DEU&n=4&highRisk={wanted}"
            ))
            .await;
        assert_eq!(status, StatusCode::OK);
        let sampled = companies(&body);
        assert_eq!(sampled.len(), 4);
        for company in sampled {
            assert_eq!(
                tradecover_sandbox::underwriting::is_high_risk(&lookup(&company)),
                wanted
            );
        }
    }
}

#[tokio::test]
async fn companies_unknown_to_coface_are_never_returned() {
    let sandbox = Sandbox::new();
    let token = sandbox.login().await;
    let data = dataset(DEFAULT_SEED);
    let unknown: Vec<&Company> = data
        .unknown_to_coface()
        .filter(|c| c.is_head_office())
        .step_by(40)
        .take(12)
        .collect();
    assert!(unknown.len() >= 10);
    for company in unknown {
        let country = company.country().alpha3();
        // Head-office names are unique per country, so no hit may carry this exact name.
        let (status, body) = sandbox
            .search(
                &token,
                &[
                    ("countryCode", country),
                    ("companyName", company.name()),
                    ("limit", "100"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            companies(&body)
                .iter()
                .all(|c| c["companyName"] != company.name()),
            "{} was returned",
            company.name()
        );
        // Without the filter the data set does contain it.
        let query = tradecover_sandbox::NameQuery::new(company.country(), company.name());
        assert!(data
            .search_by_name(&query, |_| true)
            .iter()
            .any(|m| m.company.index() == company.index()));
    }
    let (status, body) = sandbox
        .get("/__sandbox/companies/sample?countryCode=ITA&n=3&knownToCoface=false")
        .await;
    assert_eq!(status, StatusCode::OK);
    for c in companies(&body) {
        assert_eq!(c["easyNumber"], Value::Null);
    }
}

#[tokio::test]
async fn count_limit_and_ranking() {
    let sandbox = Sandbox::new();
    let token = sandbox.login().await;
    let (status, body) = sandbox
        .search(&token, &[("countryCode", "FRA"), ("companyName", "s")])
        .await;
    assert_eq!(status, StatusCode::OK);
    let count = body["count"].as_u64().unwrap_or_default();
    assert_eq!(companies(&body).len(), 20, "default limit");
    assert!(count > 20);
    let (_, body) = sandbox
        .search(
            &token,
            &[("countryCode", "FRA"), ("companyName", "s"), ("limit", "5")],
        )
        .await;
    assert_eq!(companies(&body).len(), 5);
    assert_eq!(
        body["count"].as_u64(),
        Some(count),
        "count does not depend on the limit"
    );

    // Ranking: names equal to the query, then names starting with it, then the rest; head
    // offices before establishments at equal rank.
    let data = dataset(DEFAULT_SEED);
    let sampled = data.sample_head_offices(Some(Country::Spain), 1, |c| c.known_to_coface());
    let first_word = sampled[0]
        .normalized_name()
        .split(' ')
        .next()
        .unwrap_or_default()
        .to_owned();
    let (_, body) = sandbox
        .search(
            &token,
            &[
                ("countryCode", "ESP"),
                ("companyName", &first_word),
                ("limit", "100"),
            ],
        )
        .await;
    let rank = |c: &Value| {
        let name = normalize(c["companyName"].as_str().unwrap_or_default());
        let establishment = c["establishmentType"] == "ESTABLISHMENT";
        let rank = if name == first_word {
            0
        } else if name.starts_with(&first_word) {
            1
        } else {
            2
        };
        (rank, establishment)
    };
    let ranks: Vec<(i32, bool)> = companies(&body).iter().map(rank).collect();
    assert!(!ranks.is_empty());
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
}

#[tokio::test]
async fn company_json_has_the_cofaserve_shape() {
    let sandbox = Sandbox::new();
    let token = sandbox.login().await;
    let mut seen_types = HashSet::new();
    for country in Country::ALL {
        let (_, body) = sandbox
            .search(
                &token,
                &[
                    ("countryCode", country.alpha3()),
                    ("companyName", "a"),
                    ("limit", "30"),
                ],
            )
            .await;
        for c in companies(&body) {
            let mut keys: Vec<&str> = c
                .as_object()
                .map(|o| o.keys().map(String::as_str).collect())
                .unwrap_or_default();
            keys.sort_unstable();
            assert_eq!(
                keys,
                [
                    "address",
                    "companyName",
                    "easyNumber",
                    "establishmentType",
                    "headOfficeEasyNumber",
                    "legalIdentifiers"
                ]
            );
            let easy_number = easy(&c);
            assert!(easy_number.len() == 19 && easy_number.bytes().all(|b| b.is_ascii_digit()));
            assert!(tradecover_sandbox::easy_number::is_valid(easy_number));
            let address = &c["address"];
            assert_eq!(address["countryCode"], country.alpha3());
            for field in ["streetAddress", "postalCode", "town"] {
                assert!(
                    address[field].as_str().is_some_and(|v| !v.is_empty()),
                    "{field}"
                );
            }
            assert_eq!(
                address["region"].is_string(),
                country == Country::UnitedStates
            );
            let ids = c["legalIdentifiers"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            assert!(!ids.is_empty());
            for id in ids {
                let kind =
                    IdentifierType::from_code(id["identifierType"].as_str().unwrap_or_default());
                let Some(kind) = kind else {
                    panic!("unknown identifier type {id}");
                };
                assert_eq!(kind.country(), country);
                assert!(
                    kind.is_valid(id["identifierValue"].as_str().unwrap_or_default()),
                    "{id}"
                );
                seen_types.insert(kind);
            }
        }
    }
    assert!(seen_types.len() >= 20, "{seen_types:?}");
}

#[tokio::test]
async fn parameter_errors() {
    let sandbox = Sandbox::new();
    let token = sandbox.login().await;
    let cases: [(&[(&str, &str)], &str); 9] = [
        (&[("companyName", "a")], "BadRequest"),
        (&[("countryCode", ""), ("companyName", "a")], "BadRequest"),
        (
            &[("countryCode", "XYZ"), ("companyName", "a")],
            "InvalidCountryCode",
        ),
        (
            &[("countryCode", "FR"), ("companyName", "a")],
            "InvalidCountryCode",
        ),
        (&[("countryCode", "FRA")], "BadRequest"),
        (
            &[("countryCode", "FRA"), ("companyName", "  ")],
            "BadRequest",
        ),
        (
            &[("countryCode", "FRA"), ("companyName", "&&")],
            "BadRequest",
        ),
        (
            &[("countryCode", "FRA"), ("companyName", "a"), ("limit", "0")],
            "BadRequest",
        ),
        (
            &[
                ("countryCode", "FRA"),
                ("companyName", "a"),
                ("limit", "many"),
            ],
            "BadRequest",
        ),
    ];
    for (params, expected) in cases {
        let (status, body) = sandbox.search(&token, params).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{params:?}");
        assert_eq!(code(&body), expected, "{params:?}: {body}");
    }
    let (_, body) = sandbox.search(&token, &[("companyName", "a")]).await;
    assert_eq!(body["message"], "countryCode is required");
    let (status, _) = sandbox
        .search(
            &token,
            &[
                ("countryCode", "fra"),
                ("companyName", "a"),
                ("limit", "100"),
            ],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "lower-case country code and limit 100 are fine"
    );
}

#[tokio::test]
async fn helper_routes_and_unknown_routes() {
    let sandbox = Sandbox::new();
    let (status, body) = sandbox.get("/__sandbox/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body["companies"].as_u64(),
        Some(dataset(DEFAULT_SEED).len() as u64)
    );
    let (_, first) = sandbox
        .get("/__sandbox/companies/sample?countryCode=SWE")
        .await;
    let (_, again) = sandbox
        .get("/__sandbox/companies/sample?countryCode=SWE")
        .await;
    assert_eq!(companies(&first).len(), 5, "default sample size");
    assert_eq!(first, again, "samples are deterministic");
    let (status, body) = sandbox
        .get("/__sandbox/companies/sample?countryCode=ATA")
        .await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::BAD_REQUEST, "InvalidCountryCode")
    );
    let (status, _) = sandbox.get("/__sandbox/companies/sample?n=500").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let (status, body) = sandbox.get("/coface/companies/unknown-route").await;
    assert_eq!((status, code(&body)), (StatusCode::NOT_FOUND, "NotFound"));
    let (status, body) = sandbox.get("/nothing/here").await;
    assert_eq!((status, code(&body)), (StatusCode::NOT_FOUND, "NotFound"));
    let (status, body) = sandbox.get("/coface/authentication/v1/token").await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed")
    );
    let (status, _) = sandbox.post("/__sandbox/clock/advance?seconds=-1").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
