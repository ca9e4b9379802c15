//! Allianz Trade journeys through the proxy over loopback HTTP, as a widget makes them: search a
//! buyer by name and by a legal identifier, request a credit limit, follow the job to its cover,
//! see it pending, move the sandbox clock past the referral delay and see it decided (full,
//! partial or refused), every request built and every answer read by `tradecover_core`.

mod journey_support;

use journey_support::{allianz_policy, credit_limit, eur, text, Journey};
use tradecover_core::allianz_trade::{
    self as allianz, CompanySearch, CoverRequestSearch, JobStatus, Pagination,
};
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::{Outcome, PendingReason, Status};
use tradecover_core::{Buyer, BuyerQuery, Insurer};
use tradecover_sandbox::DEFAULT_REFERRAL_DELAY;

const INSURER: Insurer = Insurer::AllianzTrade;

/// The Allianz Trade company of a sampled one, found by name (and postcode).
async fn find_by_name(journey: &Journey, sampled: &Buyer) -> Buyer {
    let query = BuyerQuery::by_name(
        &sampled.name,
        sampled.address.country.alpha2(),
        None,
        sampled.address.postcode.as_deref(),
    )
    .unwrap();
    let mut search = CompanySearch::from_query(&query);
    search.size = 50;
    let request = allianz::advanced_search_request(&search).unwrap();
    let response = journey.call(INSURER, &request, &[]).await;
    assert_eq!(response.status, 200, "{}", text(&response));
    allianz::parse_company_results(response.status, &response.body)
        .unwrap()
        .hits
        .into_iter()
        .map(|hit| hit.buyer)
        .find(|buyer| {
            buyer.name == sampled.name && buyer.address.postcode == sampled.address.postcode
        })
        .unwrap_or_else(|| panic!("{} is found by name", sampled.name))
}

/// The Allianz Trade companies found by the sampled company's first legal identifier Allianz
/// Trade searches by (not Coface's EASY number).
async fn find_by_identifier(journey: &Journey, sampled: &Buyer) -> Vec<Buyer> {
    let request = sampled
        .identifiers
        .iter()
        .find_map(|identifier| {
            let search = CompanySearch::by_identifier(sampled.address.country, identifier.clone());
            allianz::advanced_search_request(&search).ok()
        })
        .expect("a legal identifier Allianz Trade searches by");
    let response = journey.call(INSURER, &request, &[]).await;
    assert_eq!(response.status, 200, "{}", text(&response));
    allianz::parse_company_results(response.status, &response.body)
        .unwrap()
        .hits
        .into_iter()
        .map(|hit| hit.buyer)
        .collect()
}

/// Requests cover for `major` euros on `company_id`; the job id.
async fn request_cover(journey: &Journey, company_id: &str, major: i64, policy: &str) -> String {
    let application = credit_limit(
        INSURER,
        company_id,
        major,
        Some(allianz_policy(policy)),
        None,
    );
    let request = allianz::cover_request(&application).unwrap();
    let response = journey.call(INSURER, &request, &[]).await;
    assert_eq!(response.status, 202, "{}", text(&response));
    allianz::parse_job_id(response.status, &response.body).unwrap()
}

/// The cover id of a job, once processed (the sandbox processes jobs after a second).
async fn cover_id_of(journey: &Journey, job_id: &str) -> String {
    let request = allianz::job_request(job_id).unwrap();
    let response = journey.call(INSURER, &request, &[]).await;
    let job = allianz::parse_job(response.status, &response.body).unwrap();
    if job.status == JobStatus::Pending {
        journey.advance(1).await;
        let response = journey.call(INSURER, &request, &[]).await;
        let job = allianz::parse_job(response.status, &response.body).unwrap();
        assert_eq!(job.status, JobStatus::Processed, "{job:?}");
        return job.cover_id().unwrap();
    }
    assert_eq!(job.status, JobStatus::Processed, "{job:?}");
    job.cover_id().unwrap()
}

/// The cover `cover_id`, read by the core.
async fn cover(journey: &Journey, cover_id: &str) -> Decision {
    let request = allianz::cover_get_request(cover_id).unwrap();
    let response = journey.call(INSURER, &request, &[]).await;
    assert_eq!(response.status, 200, "{}", text(&response));
    allianz::parse_cover(response.status, &response.body).unwrap()
}

/// The cover requests of `policy`, read by the core.
async fn cover_requests(journey: &Journey, policy: &str) -> Vec<Decision> {
    let search = CoverRequestSearch {
        policies: vec![allianz_policy(policy)],
        request_status_code: None,
        pagination: Pagination::default(),
    };
    let request = allianz::cover_requests_search_request(&search);
    let response = journey.call(INSURER, &request, &[]).await;
    assert_eq!(response.status, 200, "{}", text(&response));
    allianz::parse_cover_requests_page(&response, &search.pagination)
        .unwrap()
        .decisions
}

#[tokio::test]
async fn a_referred_credit_limit_is_found_requested_pending_then_granted() {
    let journey = Journey::start().await;
    let sampled = journey
        .sample("countryCode=FRA&n=1&highRisk=false")
        .await
        .remove(0);
    let by_name = find_by_name(&journey, &sampled).await;
    let by_identifier = find_by_identifier(&journey, &sampled).await;
    assert!(
        by_identifier
            .iter()
            .any(|buyer| buyer.insurer_id == by_name.insurer_id),
        "{by_identifier:?}"
    );

    let job_id = request_cover(&journey, &by_name.insurer_id, 250_000, "POL-AT-1").await;
    let cover_id = cover_id_of(&journey, &job_id).await;
    let pending = cover(&journey, &cover_id).await;
    assert_eq!(
        pending.status.status,
        Some(Status::Pending(PendingReason::Underwriting))
    );
    assert_eq!(pending.granted, None);

    journey.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let decided = cover(&journey, &cover_id).await;
    assert_eq!(decided.status.status, Some(Status::Decided(Outcome::Full)));
    assert_eq!(decided.granted, Some(eur(250_000)));
    assert_eq!(decided.buyer_id, by_name.insurer_id);
    journey.stop().await;
}

#[tokio::test]
async fn a_large_credit_limit_is_granted_in_part() {
    let journey = Journey::start().await;
    let sampled = journey
        .sample("countryCode=DEU&n=1&highRisk=false")
        .await
        .remove(0);
    let company = find_by_name(&journey, &sampled).await;
    let job_id = request_cover(&journey, &company.insurer_id, 1_500_000, "POL-AT-2").await;
    let cover_id = cover_id_of(&journey, &job_id).await;
    assert!(matches!(
        cover(&journey, &cover_id).await.status.status,
        Some(Status::Pending(_))
    ));
    journey.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let decided = cover(&journey, &cover_id).await;
    assert_eq!(
        decided.status.status,
        Some(Status::Decided(Outcome::Partial))
    );
    let granted = decided.granted.unwrap();
    assert!(
        granted.minor > 0 && granted.minor < eur(1_500_000).minor,
        "{granted:?}"
    );
    assert_eq!(decided.requested, Some(eur(1_500_000)));
    journey.stop().await;
}

#[tokio::test]
async fn a_high_risk_buyer_is_refused() {
    let journey = Journey::start().await;
    let sampled = journey
        .sample("countryCode=FRA&n=1&highRisk=true")
        .await
        .remove(0);
    let company = find_by_name(&journey, &sampled).await;
    let job_id = request_cover(&journey, &company.insurer_id, 250_000, "POL-AT-3").await;
    let cover_id = cover_id_of(&journey, &job_id).await;
    journey.advance(DEFAULT_REFERRAL_DELAY.as_secs()).await;
    let decided = cover(&journey, &cover_id).await;
    assert_eq!(
        decided.status.status,
        Some(Status::Decided(Outcome::Refused))
    );
    assert_eq!(decided.granted, Some(eur(0)));
    let requests = cover_requests(&journey, "POL-AT-3").await;
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].status.status,
        Some(Status::Decided(Outcome::Refused))
    );
    journey.stop().await;
}

#[tokio::test]
async fn the_same_idempotency_key_twice_makes_one_cover_request() {
    let journey = Journey::start().await;
    let sampled = journey
        .sample("countryCode=FRA&n=2&highRisk=false")
        .await
        .remove(1);
    let company = find_by_name(&journey, &sampled).await;
    let application = credit_limit(
        INSURER,
        &company.insurer_id,
        40_000,
        Some(allianz_policy("POL-AT-4")),
        None,
    );
    let request = allianz::cover_request(&application).unwrap();
    let key = [("idempotency-key", "journey-allianz-0001")];
    let first = journey.call(INSURER, &request, &key).await;
    let second = journey.call(INSURER, &request, &key).await;
    assert_eq!(first.status, 202, "{}", text(&first));
    assert_eq!(second.status, 202, "{}", text(&second));
    assert_eq!(
        allianz::parse_job_id(first.status, &first.body).unwrap(),
        allianz::parse_job_id(second.status, &second.body).unwrap()
    );
    assert_eq!(cover_requests(&journey, "POL-AT-4").await.len(), 1);
    // Another key is another request.
    let third = journey
        .call(
            INSURER,
            &request,
            &[("idempotency-key", "journey-allianz-0002")],
        )
        .await;
    assert_eq!(third.status, 202, "{}", text(&third));
    assert_eq!(cover_requests(&journey, "POL-AT-4").await.len(), 2);
    journey.stop().await;
}
