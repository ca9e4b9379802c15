//! Allianz Trade cover changes, through the core: an increase or a reduction is a new request
//! superseding the company's cover (same cover id, new limit once its job is processed), a
//! cancellation a `Cancellation` request whose processed job leaves the cover cancelled; both
//! are answered with a job id, honour the idempotency key, and notify like first requests.

mod allianz_trade_support;

use allianz_trade_support::{application, eur, policy, Allianz};
use tradecover_core::allianz_trade::{
    self as allianz, AllianzToken, CoverChange, CoverChangeKind, CoverSearch, JobStatus, Pagination,
};
use tradecover_core::lifecycle::{Outcome, PendingReason, Status};
use tradecover_core::InsurerError;

/// A usual company with a cover of `amount` granted at once; its company and cover ids.
async fn covered(sandbox: &Allianz, token: &AllianzToken, amount: i64) -> (String, String) {
    let sampled = sandbox.sample("FRA", 1, false).await.remove(0);
    let company_id = sandbox.find(token, &sampled).await.insurer_id;
    let job_id = sandbox
        .job_id(token, &application(&company_id, amount, None))
        .await;
    let cover_id = sandbox.processed_cover_id(token, &job_id).await;
    (company_id, cover_id)
}

fn change(company_id: &str, kind: CoverChangeKind) -> CoverChange {
    CoverChange {
        policy: policy(),
        company_id: company_id.to_owned(),
        kind,
    }
}

fn new_amount(amount: i64) -> CoverChangeKind {
    CoverChangeKind::NewAmount {
        amount: eur(amount),
        customer_reference: None,
    }
}

/// Sends `change` with `key` and returns the job id the core reads from the answer.
async fn send_change(
    sandbox: &Allianz,
    token: &AllianzToken,
    change: &CoverChange,
    key: &str,
) -> Result<String, InsurerError> {
    let request = allianz::cover_change_request(change).unwrap();
    let response = sandbox
        .send(&request, Some(token), &[("Idempotency-Key", key)])
        .await;
    allianz::parse_job_id(response.status, &response.body)
}

/// The covers the portfolio search lists for the test policy.
async fn listed(
    sandbox: &Allianz,
    token: &AllianzToken,
) -> Vec<tradecover_core::decision::Decision> {
    let search = CoverSearch {
        policies: vec![policy()],
        pagination: Pagination::default(),
    };
    let response = sandbox
        .send(&allianz::covers_search_request(&search), Some(token), &[])
        .await;
    allianz::parse_covers_page(&response, &search.pagination)
        .unwrap()
        .decisions
}

#[tokio::test]
async fn an_increase_and_a_reduction_supersede_the_cover_under_the_same_id() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let (company_id, cover_id) = covered(&sandbox, &token, 50_000).await;

    let job_id = send_change(
        &sandbox,
        &token,
        &change(&company_id, new_amount(80_000)),
        "k-1",
    )
    .await
    .unwrap();
    // Until the job is processed, the cover still shows the limit in force.
    assert_eq!(
        sandbox.job(&token, &job_id).await.status,
        JobStatus::Pending
    );
    assert_eq!(
        sandbox.cover(&token, &cover_id).await.granted,
        Some(eur(50_000))
    );
    assert_eq!(sandbox.processed_cover_id(&token, &job_id).await, cover_id);
    let increased = sandbox.cover(&token, &cover_id).await;
    assert_eq!(increased.granted, Some(eur(80_000)));
    assert_eq!(
        increased.status.status,
        Some(Status::Decided(Outcome::Full))
    );

    let job_id = send_change(
        &sandbox,
        &token,
        &change(&company_id, new_amount(20_000)),
        "k-2",
    )
    .await
    .unwrap();
    assert_eq!(sandbox.processed_cover_id(&token, &job_id).await, cover_id);
    assert_eq!(
        sandbox.cover(&token, &cover_id).await.granted,
        Some(eur(20_000))
    );
    // One cover listed, showing the latest limit.
    let covers = listed(&sandbox, &token).await;
    assert_eq!(covers.len(), 1);
    assert_eq!(
        (covers[0].id.as_str(), covers[0].granted),
        (cover_id.as_str(), Some(eur(20_000)))
    );
}

#[tokio::test]
async fn a_large_increase_is_referred_by_the_shared_underwriting() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let (company_id, cover_id) = covered(&sandbox, &token, 50_000).await;
    let job_id = send_change(
        &sandbox,
        &token,
        &change(&company_id, new_amount(250_000)),
        "k",
    )
    .await
    .unwrap();
    assert_eq!(sandbox.processed_cover_id(&token, &job_id).await, cover_id);
    assert_eq!(
        sandbox.cover(&token, &cover_id).await.status.status,
        Some(Status::Pending(PendingReason::Underwriting))
    );
}

#[tokio::test]
async fn a_cancellation_ends_the_cover_once_its_job_is_processed() {
    let sandbox = Allianz::new();
    let token = sandbox.token().await;
    let (company_id, cover_id) = covered(&sandbox, &token, 50_000).await;
    let cancel = change(&company_id, CoverChangeKind::Cancel);
    let job_id = send_change(&sandbox, &token, &cancel, "cancel-1")
        .await
        .unwrap();
    // A retry with the same key gets the same job and cancels nothing twice.
    assert_eq!(
        send_change(&sandbox, &token, &cancel, "cancel-1")
            .await
            .unwrap(),
        job_id
    );
    let pending = sandbox.job(&token, &job_id).await;
    assert_eq!(pending.status, JobStatus::Pending);
    assert_eq!(
        sandbox.cover(&token, &cover_id).await.status.status,
        Some(Status::Decided(Outcome::Full))
    );
    assert_eq!(sandbox.processed_cover_id(&token, &job_id).await, cover_id);
    let cancelled = sandbox.cover(&token, &cover_id).await;
    assert_eq!(cancelled.status.status, Some(Status::Cancelled));
    // Nothing is left to cancel.
    let again = send_change(&sandbox, &token, &cancel, "cancel-2").await;
    assert!(
        matches!(&again, Err(InsurerError::Rejected { code, .. }) if code == "COVER_NOT_FOUND"),
        "{again:?}"
    );
}
