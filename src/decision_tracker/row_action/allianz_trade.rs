//! Allianz Trade actions (how they are expressed is the core's choice, see
//! `tradecover_core::allianz_trade::cover_change`): `POST /riskinfo/v3/covers` — a new
//! `Primary` request with the new amount for an increase or a reduction, a `Cancellation`
//! request to cancel —, answered with a job id; the job is followed
//! (`GET /riskinfo/v3/jobs/{jobId}`, with the cover form's polling policy) until processed,
//! then the cover is read again (`GET /riskinfo/v3/covers/{coverId}`).
//!
//! The policy sent is the first Allianz Trade policy the tracker lists (a row does not say
//! which of several policies its cover is on).

use tradecover_core::allianz_trade::{
    cover_change_request, parse_job_id, CoverChange, CoverChangeKind,
};
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::{next_check_at, PollHistory};

use super::super::sleep::sleep_ms;
use super::{cannot_build, problem, send_keyed, ActionTarget, RowAction};
use crate::cover_form::job_polling::{check_job, JobCheck, FORM_POLLING, MAX_CHECKS};
use crate::widget_error::WidgetError;

/// Performs `action` on the Allianz Trade `row` (see [`super::perform`]). When the job is not
/// processed after the cover form's number of checks, the row is returned as it was: the
/// change will come with the notifications or the next load.
pub async fn perform(
    target: ActionTarget<'_>,
    row: &Decision,
    action: &RowAction,
    idempotency_key: &str,
) -> Result<Vec<Decision>, WidgetError> {
    let language = target.language;
    let Some(policy) = target.source.allianz_policies.first() else {
        return Err(problem(language, row, "policy.required"));
    };
    let kind = match action {
        RowAction::Increase(amount) | RowAction::Reduce(amount) => CoverChangeKind::NewAmount {
            amount: *amount,
            customer_reference: row.customer_reference.clone(),
        },
        RowAction::Cancel => CoverChangeKind::Cancel,
        _ => return Err(problem(language, row, "insurer.unsupported")),
    };
    let change = CoverChange {
        policy: policy.clone(),
        company_id: row.buyer_id.clone(),
        kind,
    };
    let request =
        cover_change_request(&change).map_err(|error| cannot_build(language, row, error.code()))?;
    let response = send_keyed(target, row, request, idempotency_key).await?;
    let job_id = parse_job_id(response.status, &response.body)
        .map_err(|error| WidgetError::from_insurer(&error, language))?;
    let started = now_seconds();
    let mut history = PollHistory {
        submitted_at: started,
        checks: 0,
        last_check_at: None,
        retry_after: None,
        seed: started,
    };
    while history.checks < MAX_CHECKS {
        // The first check at once: most jobs are processed within a second.
        if history.checks > 0 {
            let at = next_check_at(now_seconds(), &history, &FORM_POLLING);
            sleep_ms((at.saturating_sub(now_seconds()) * 1000) as f64).await;
        }
        let checked_at = now_seconds();
        if let JobCheck::Decided(cover) = check_job(target.client, &job_id, language).await? {
            return Ok(vec![*cover]);
        }
        history.checks += 1;
        history.last_check_at = Some(checked_at);
    }
    Ok(vec![row.clone()])
}

fn now_seconds() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}
