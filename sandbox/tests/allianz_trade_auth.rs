//! Allianz Trade tokens: the core's token request gets a 60-minute bearer that the core reads;
//! it expires on the sandbox clock and is never refreshed; wrong keys and bad tokens get
//! 401s in Allianz Trade's OAuth error style.

mod allianz_trade_support;

use allianz_trade_support::{json, Allianz};
use tradecover_core::allianz_trade::{self as allianz, AllianzCredentials, CompanySearch};
use tradecover_core::{Country, InsurerError};

fn search() -> CompanySearch {
    CompanySearch {
        name: Some("a".into()),
        country: Country::from_alpha2("FR").unwrap(),
        town: None,
        postcode: None,
        identifiers: Vec::new(),
        size: 1,
        minimum_score: None,
    }
}

#[tokio::test]
async fn a_token_lasts_sixty_minutes_of_sandbox_time() {
    let sandbox = Allianz::new();
    let credentials = AllianzCredentials::new(sandbox.config.allianz_trade.api_key.clone());
    let response = sandbox
        .send(&allianz::token_request(&credentials), None, &[])
        .await;
    assert_eq!(response.status, 200);
    let body = json(&response);
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    let token = allianz::parse_token_response(response.status, &response.body, 1_000).unwrap();
    assert_eq!(token.expires_at(), 4_600);

    let request = allianz::advanced_search_request(&search()).unwrap();
    let answer = sandbox.send(&request, Some(&token), &[]).await;
    assert_eq!(answer.status, 200);
    assert!(allianz::parse_company_results(answer.status, &answer.body).is_ok());

    sandbox.advance(3600).await;
    let expired = sandbox.send(&request, Some(&token), &[]).await;
    assert_eq!(expired.status, 401);
    assert_eq!(json(&expired)["error"], "invalid_token");
    assert_eq!(
        json(&expired)["error_description"],
        "The access token expired"
    );
    assert!(expired.header("www-authenticate").is_some());
    match allianz::parse_company_results(expired.status, &expired.body) {
        Err(InsurerError::Unauthorized { status, message }) => {
            assert_eq!(status, 401);
            assert!(message.contains("expired"), "{message}");
        }
        other => panic!("expected unauthorized, got {other:?}"),
    }

    // No refresh: a new token is asked for with the key, and works.
    let fresh = sandbox.token().await;
    let again = sandbox.send(&request, Some(&fresh), &[]).await;
    assert_eq!(again.status, 200);
}

#[tokio::test]
async fn a_wrong_key_gets_no_token() {
    let sandbox = Allianz::new();
    let wrong = AllianzCredentials::new(format!("{}x", sandbox.config.allianz_trade.api_key));
    let response = sandbox
        .send(&allianz::token_request(&wrong), None, &[])
        .await;
    assert_eq!(response.status, 401);
    assert_eq!(json(&response)["error"], "invalid_client");
    assert_eq!(
        allianz::parse_token_response(response.status, &response.body, 0)
            .unwrap_err()
            .code(),
        "insurer.unauthorized"
    );
    for body in ["{}", r#"{"apiKey": ""}"#, "not json", r#"{"apiKey": [1]}"#] {
        let response = sandbox
            .post_json(allianz::auth::TOKEN_PATH, None, body)
            .await;
        assert_eq!(response.status, 400, "{body}");
        assert_eq!(json(&response)["error"], "invalid_request", "{body}");
    }
}

#[tokio::test]
async fn calls_without_a_valid_token_are_refused() {
    let sandbox = Allianz::new();
    let request = allianz::advanced_search_request(&search()).unwrap();
    let missing = sandbox.send(&request, None, &[]).await;
    assert_eq!(missing.status, 401);
    assert_eq!(json(&missing)["error"], "invalid_token");
    for header in ["Bearer not-a-token", "Basic abc", "Bearer"] {
        let response = sandbox
            .send(&request, None, &[("Authorization", header)])
            .await;
        assert_eq!(response.status, 401, "{header}");
        assert_eq!(json(&response)["error"], "invalid_token", "{header}");
    }
    // A token of another sandbox is unknown here.
    let other = Allianz::new().token().await;
    assert_eq!(sandbox.send(&request, Some(&other), &[]).await.status, 401);
}
