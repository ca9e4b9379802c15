//! CofaServe login, token and header checks, driven through the router.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{build, code, Sandbox};
use serde_json::json;
use tradecover_sandbox::{CofaceCredentials, SandboxConfig, DEFAULT_SEED};

const FRA: (&str, &str) = ("countryCode", "FRA");

#[tokio::test]
async fn login_returns_opaque_tokens_that_open_the_search() {
    let sandbox = Sandbox::new();
    let (status, body) = sandbox.login_with(&sandbox.creds.password.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["expiresIn"], 3600);
    assert_eq!(body["tokenType"], "Bearer");
    let id_token = body["idToken"].as_str().unwrap_or_default();
    let access_token = body["accessToken"].as_str().unwrap_or_default();
    let refresh_token = body["refreshToken"].as_str().unwrap_or_default();
    assert!(id_token.len() >= 32 && access_token.len() >= 32 && refresh_token.len() >= 32);
    assert_ne!(id_token, access_token);
    for secret in [
        &sandbox.creds.password,
        &sandbox.creds.api_key,
        &sandbox.creds.username,
    ] {
        assert!(!id_token.contains(secret.as_str()));
    }

    let (status, body) = sandbox.search(id_token, &[FRA, ("companyName", "a")]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = sandbox
        .search(&format!("Bearer {id_token}"), &[FRA, ("companyName", "a")])
        .await;
    assert_eq!(status, StatusCode::OK);
    // The accessToken is not what CofaServe expects in `authorization`.
    let (status, body) = sandbox
        .search(access_token, &[FRA, ("companyName", "a")])
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(code(&body), "Unauthorized");

    // A second login gives different tokens.
    let other = sandbox.login().await;
    assert_ne!(other, id_token);
}

#[tokio::test]
async fn snake_case_grant_type_is_accepted() {
    let sandbox = Sandbox::new();
    let body = json!({"username": sandbox.creds.username, "password": sandbox.creds.password, "grant_type": "password"});
    let (status, body) = sandbox
        .token_request(Some(&sandbox.creds.api_key), body)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn wrong_or_missing_api_key_is_forbidden() {
    let sandbox = Sandbox::new();
    let body = json!({"username": sandbox.creds.username, "password": sandbox.creds.password, "grantType": "password"});
    for key in [Some("wrong-key"), None] {
        let (status, response) = sandbox.token_request(key, body.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(
            response,
            json!({"code": "Forbidden", "message": "Invalid API key"})
        );
    }
}

#[tokio::test]
async fn wrong_credentials_are_not_authorized() {
    let sandbox = Sandbox::new();
    let (status, body) = sandbox.login_with("not-the-password").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body,
        json!({"code": "NotAuthorizedException", "message": "Incorrect username or password."})
    );
    let unknown_user = json!({"username": "somebody", "password": sandbox.creds.password, "grantType": "password"});
    let (status, body) = sandbox
        .token_request(Some(&sandbox.creds.api_key), unknown_user)
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["message"], "Incorrect username or password.");
}

#[tokio::test]
async fn malformed_token_requests_are_bad_requests() {
    let sandbox = Sandbox::new();
    let key = Some(sandbox.creds.api_key.as_str());
    let cases = [
        (json!("not an object"), "BadRequest"),
        (
            json!({"username": "sandbox", "password": "x"}),
            "BadRequest",
        ),
        (
            json!({"username": "sandbox", "grantType": "password"}),
            "BadRequest",
        ),
        (
            json!({"username": 5, "password": "x", "grantType": "password"}),
            "BadRequest",
        ),
        (
            json!({"grantType": "client_credentials"}),
            "UnsupportedGrantType",
        ),
        (json!({"grantType": "refresh_token"}), "BadRequest"),
    ];
    for (body, expected) in cases {
        let (status, response) = sandbox.token_request(key, body.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(code(&response), expected, "{body}: {response}");
    }
    let raw = build(
        Request::builder()
            .method("POST")
            .uri("/coface/authentication/v1/token")
            .header("x-api-key", &sandbox.creds.api_key),
        Body::from("{not json"),
    );
    let (status, response) = sandbox.send(raw).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(code(&response), "BadRequest");
    // None of these counted as failed attempts: the right password still works at once.
    sandbox.login().await;
}

#[tokio::test]
async fn five_failures_then_lockouts_that_ignore_even_the_right_password() {
    let sandbox = Sandbox::new();
    let password = sandbox.creds.password.clone();
    for attempt in 1..=5 {
        let (status, body) = sandbox.login_with("wrong").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(
            body["message"], "Incorrect username or password.",
            "attempt {attempt}"
        );
    }
    // Locked for 1 s: the right password is ignored.
    let (status, body) = sandbox.login_with(&password).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body,
        json!({"code": "NotAuthorizedException", "message": "Password attempts exceeded"})
    );

    // After 1 s a new failure locks for 2 s.
    sandbox.advance(1).await;
    let (_, body) = sandbox.login_with("wrong").await;
    assert_eq!(body["message"], "Incorrect username or password.");
    sandbox.advance(1).await;
    let (_, body) = sandbox.login_with(&password).await;
    assert_eq!(body["message"], "Password attempts exceeded");
    sandbox.advance(1).await;

    // Lockout over: the right password succeeds and resets the counter.
    let (status, body) = sandbox.login_with(&password).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for _ in 1..=4 {
        let (_, body) = sandbox.login_with("wrong").await;
        assert_eq!(body["message"], "Incorrect username or password.");
    }
    let (status, _) = sandbox.login_with(&password).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn fifteen_quiet_minutes_reset_the_lockout() {
    let sandbox = Sandbox::new();
    for _ in 1..=6 {
        sandbox.login_with("wrong").await;
        sandbox.advance(1).await;
    }
    let (_, body) = sandbox.login_with(&sandbox.creds.password.clone()).await;
    assert_eq!(body["message"], "Password attempts exceeded");
    sandbox.advance(15 * 60).await;
    let (status, _) = sandbox.login_with(&sandbox.creds.password.clone()).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn lockouts_are_per_user() {
    let sandbox = Sandbox::new();
    for _ in 1..=5 {
        let body = json!({"username": "intruder", "password": "guess", "grantType": "password"});
        sandbox
            .token_request(Some(&sandbox.creds.api_key), body)
            .await;
    }
    sandbox.login().await;
}

#[tokio::test]
async fn refresh_token_issues_a_new_id_token() {
    let sandbox = Sandbox::new();
    let (_, first) = sandbox.login_with(&sandbox.creds.password.clone()).await;
    sandbox.advance(3600).await;
    let refresh = json!({"grantType": "refresh_token", "refreshToken": first["refreshToken"]});
    let (status, second) = sandbox
        .token_request(Some(&sandbox.creds.api_key), refresh)
        .await;
    assert_eq!(status, StatusCode::OK, "{second}");
    assert_ne!(second["idToken"], first["idToken"]);
    let (status, _) = sandbox
        .search(
            second["idToken"].as_str().unwrap_or_default(),
            &[FRA, ("companyName", "a")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let bad = json!({"grantType": "refresh_token", "refreshToken": "nope"});
    let (status, body) = sandbox
        .token_request(Some(&sandbox.creds.api_key), bad)
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["message"], "Invalid Refresh Token");
}

#[tokio::test]
async fn tokens_expire_after_an_hour() {
    let sandbox = Sandbox::new();
    let token = sandbox.login().await;
    sandbox.advance(3599).await;
    let (status, _) = sandbox.search(&token, &[FRA, ("companyName", "a")]).await;
    assert_eq!(status, StatusCode::OK);
    sandbox.advance(1).await;
    let (status, body) = sandbox.search(&token, &[FRA, ("companyName", "a")]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "Unauthorized");
    assert_eq!(body["message"], "The incoming token has expired");
}

#[tokio::test]
async fn api_calls_need_token_api_key_and_policy_number() {
    let sandbox = Sandbox::new();
    let token = sandbox.login().await;
    let uri = "/coface/companies/name?countryCode=FRA&companyName=a";
    let creds = &sandbox.creds;
    let with = |auth: Option<&str>, key: Option<&str>, policy: Option<&str>| {
        let mut builder = Request::builder().uri(uri);
        if let Some(v) = auth {
            builder = builder.header("authorization", v);
        }
        if let Some(v) = key {
            builder = builder.header("x-api-key", v);
        }
        if let Some(v) = policy {
            builder = builder.header("x-cof-policy-number", v);
        }
        build(builder, Body::empty())
    };
    let key = Some(creds.api_key.as_str());
    let policy = Some(creds.policy_number.as_str());
    let cases = [
        (
            with(None, key, policy),
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
        ),
        (
            with(Some("made-up-token"), key, policy),
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
        ),
        (
            with(Some(&token), key, None),
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
        ),
        (
            with(Some(&token), key, Some("99999999999")),
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
        ),
        (
            with(Some(&token), Some("wrong-key"), policy),
            StatusCode::FORBIDDEN,
            "Forbidden",
        ),
        (
            with(Some(&token), None, policy),
            StatusCode::FORBIDDEN,
            "Forbidden",
        ),
        (with(Some(&token), key, policy), StatusCode::OK, ""),
    ];
    for (i, (request, status, expected_code)) in cases.into_iter().enumerate() {
        let (got, body) = sandbox.send(request).await;
        assert_eq!(got, status, "case {i}: {body}");
        if !expected_code.is_empty() {
            assert_eq!(code(&body), expected_code, "case {i}");
            assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
        }
    }
}

#[tokio::test]
async fn tokens_do_not_cross_sandboxes() {
    let one = Sandbox::new();
    let two = Sandbox::new();
    let token = one.login().await;
    let (status, _) = two.search(&token, &[FRA, ("companyName", "a")]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[test]
fn default_credentials_are_random_per_process() {
    let a = SandboxConfig::default();
    let b = SandboxConfig::default();
    assert_eq!(a.seed, DEFAULT_SEED);
    assert_eq!(a.coface.username, "sandbox");
    assert_eq!(
        (&a.coface.password, &a.coface.api_key),
        (&b.coface.password, &b.coface.api_key)
    );
    let fresh = CofaceCredentials::random();
    assert_ne!(fresh.password, a.coface.password);
    assert_ne!(fresh.api_key, a.coface.api_key);
    assert!(a.coface.password.len() >= 16 && a.coface.api_key.len() >= 20);
}

#[tokio::test]
async fn configured_credentials_are_the_ones_accepted() {
    let creds = CofaceCredentials {
        username: "portal".to_owned(),
        password: CofaceCredentials::random().password,
        api_key: CofaceCredentials::random().api_key,
        policy_number: "4242".to_owned(),
    };
    let sandbox = Sandbox::with(SandboxConfig {
        seed: DEFAULT_SEED,
        coface: creds,
        ..SandboxConfig::default()
    });
    let token = sandbox.login().await;
    let (status, _) = sandbox.search(&token, &[FRA, ("companyName", "a")]).await;
    assert_eq!(status, StatusCode::OK);
    let default = Sandbox::new();
    let (status, _) = default
        .token_request(Some(&sandbox.creds.api_key), json!({}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[test]
fn debug_output_hides_secrets() {
    let sandbox_creds = tradecover_sandbox::CofaceCredentials::random();
    let shown = format!("{sandbox_creds:?}");
    assert!(!shown.contains(&sandbox_creds.password));
    assert!(!shown.contains(&sandbox_creds.api_key));
    assert!(shown.contains("sandbox"));
}
