//! The Atradius token and the headers every call needs, driven by the core's requests.

mod atradius_support;

use atradius_support::{json, policy, Atradius};
use tradecover_core::atradius::{self, AtradiusCredentials, CoverFilter};

fn covers_request() -> tradecover_core::HttpRequest {
    atradius::covers_request(&policy(), &CoverFilter::default()).unwrap()
}

#[tokio::test]
async fn the_core_obtains_a_thirty_minute_token_and_uses_it() {
    let mut sandbox = Atradius::new();
    let correlation = sandbox.correlation();
    let request = atradius::token_request(&sandbox.credentials, &correlation);
    let response = sandbox.send(&request, &[]).await;
    assert_eq!(response.status, 200);
    assert_eq!(json(&response)["data"]["expires_in"], 1800);
    assert_eq!(json(&response)["data"]["token_type"], "Bearer");
    assert_eq!(
        response.header("atradius-correlation-id"),
        Some(correlation.as_str())
    );
    let token = atradius::parse_token_response(&response, 0).unwrap();
    assert_eq!(
        token.usable_until(),
        1800 - atradius::auth::EXPIRY_MARGIN_SECS
    );
    sandbox.token = Some(token);
    let answer = sandbox.call(&covers_request()).await;
    assert_eq!(answer.status, 200);
    assert_eq!(atradius::parse_cover_list(&answer).unwrap(), Vec::new());
}

#[tokio::test]
async fn wrong_client_credentials_are_refused() {
    let sandbox = Atradius::new();
    let wrong_secret = AtradiusCredentials {
        client_secret: format!("{}x", sandbox.credentials.client_secret),
        ..sandbox.credentials.clone()
    };
    let response = sandbox
        .send(&atradius::token_request(&wrong_secret, "c"), &[])
        .await;
    assert_eq!(response.status, 401);
    let error = atradius::parse_token_response(&response, 0).unwrap_err();
    assert_eq!(error.code(), "insurer.unauthorized");
    assert!(
        error.to_string().contains("Invalid client credentials"),
        "{error}"
    );
    let wrong_key = AtradiusCredentials {
        app_key: "not-the-key".into(),
        ..sandbox.credentials.clone()
    };
    let response = sandbox
        .send(&atradius::token_request(&wrong_key, "c"), &[])
        .await;
    assert_eq!(response.status, 403);
}

#[tokio::test]
async fn every_call_needs_bearer_app_key_and_correlation_id() {
    let mut sandbox = Atradius::new();
    sandbox.login().await;
    let token = sandbox.token.clone().unwrap();
    let [bearer, app_key, correlation] = atradius::auth_headers(
        &token,
        &sandbox.credentials,
        "0f8e2c1a-5b3d-4e7f-9a6b-1c2d3e4f5a6b",
    );
    let request = covers_request();

    let answer = sandbox
        .send(
            &request,
            &[bearer.clone(), app_key.clone(), correlation.clone()],
        )
        .await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.header("Atradius-Correlation-Id"),
        Some("0f8e2c1a-5b3d-4e7f-9a6b-1c2d3e4f5a6b")
    );

    let no_bearer = sandbox
        .send(&request, &[app_key.clone(), correlation.clone()])
        .await;
    assert_eq!(no_bearer.status, 401);
    let unknown = sandbox
        .send(
            &request,
            &[
                ("Authorization", "Bearer forged".to_owned()),
                app_key.clone(),
                correlation.clone(),
            ],
        )
        .await;
    assert_eq!(unknown.status, 401);
    assert_eq!(
        atradius::parse_cover_list(&unknown).unwrap_err().code(),
        "insurer.unauthorized"
    );

    let wrong_key = sandbox
        .send(
            &request,
            &[
                bearer.clone(),
                ("Atradius-App-Key", "other".to_owned()),
                correlation.clone(),
            ],
        )
        .await;
    assert_eq!(wrong_key.status, 403);
    let no_key = sandbox
        .send(&request, &[bearer.clone(), correlation.clone()])
        .await;
    assert_eq!(no_key.status, 403);

    let no_correlation = sandbox.send(&request, &[bearer, app_key]).await;
    assert_eq!(no_correlation.status, 400);
    let error = atradius::parse_cover_list(&no_correlation).unwrap_err();
    assert_eq!(error.code(), "insurer.rejected");
    assert!(error.to_string().contains("Correlation"), "{error}");
}

#[tokio::test]
async fn tokens_expire_after_thirty_minutes_of_sandbox_time() {
    let mut sandbox = Atradius::new();
    sandbox.login().await;
    assert_eq!(sandbox.call(&covers_request()).await.status, 200);
    sandbox.advance(1790).await;
    assert_eq!(sandbox.call(&covers_request()).await.status, 200);
    sandbox.advance(10).await;
    let expired = sandbox.call(&covers_request()).await;
    assert_eq!(expired.status, 401);
    assert!(String::from_utf8_lossy(&expired.body).contains("expired"));
    sandbox.login().await;
    assert_eq!(sandbox.call(&covers_request()).await.status, 200);
}

#[tokio::test]
async fn paths_outside_the_contract_are_forbidden() {
    let mut sandbox = Atradius::new();
    let request = tradecover_core::HttpRequest::new(
        tradecover_core::Method::Get,
        "/credit-insurance/cover-management/v2/covers",
    );
    let answer = sandbox.call(&request).await;
    assert_eq!(answer.status, 403);
    let delete = tradecover_core::HttpRequest::new(
        tradecover_core::Method::Delete,
        "/credit-insurance/cover-management/v1/covers",
    );
    assert_eq!(sandbox.call(&delete).await.status, 405);
}

#[tokio::test]
async fn every_operation_the_proxy_allows_is_routed() {
    let mut sandbox = Atradius::new();
    for operation in atradius::OPERATIONS {
        let path = operation
            .path
            .replace("{buyerId}", "20000001")
            .replace("{coverId}", "700001");
        let request = tradecover_core::HttpRequest::new(operation.method, path);
        let answer = sandbox.call(&request).await;
        // Not the gateway's "outside the contract" (403) nor a wrong method (405): the route
        // exists and judged the (empty) request itself.
        assert!(
            ![403, 405].contains(&answer.status),
            "{} answered {}",
            operation.name,
            answer.status
        );
        assert!(json(&answer).is_object(), "{}", operation.name);
    }
}
