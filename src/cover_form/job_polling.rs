//! Following an Allianz Trade job until it is processed, then reading the cover it produced.
//! When to check is the core's polling policy ([`next_check_at`]); the component schedules the
//! checks with the browser's clock.
//!
//! [`next_check_at`]: tradecover_core::lifecycle::next_check_at

use tradecover_core::allianz_trade::{
    cover_get_request, job_request, parse_cover, parse_job, JobStatus,
};
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::PollingPolicy;
use tradecover_core::locale::Language;
use tradecover_core::Insurer;

use super::submission::cannot_send;
use super::text::text;
use crate::proxy_client::ProxyClient;
use crate::widget_error::WidgetError;

/// The form's polling: first check after 2 s, doubling, at most every 5 minutes, ±20 %.
/// Allianz Trade processes most jobs within seconds; a person is watching the form.
pub const FORM_POLLING: PollingPolicy = PollingPolicy {
    initial_delay: 2,
    factor: 2,
    max_delay: 300,
    jitter: 0.2,
};

/// Checks made before the form stops and says the decision will come to the portfolio.
pub const MAX_CHECKS: u32 = 20;

/// What one check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobCheck {
    /// Not processed yet.
    Pending,
    /// Processed: the cover, as a neutral decision row.
    Decided(Box<Decision>),
}

/// Asks for the job once; when it is processed, reads the cover it points to.
pub async fn check_job(
    client: &ProxyClient,
    job_id: &str,
    language: Language,
) -> Result<JobCheck, WidgetError> {
    let insurer = Insurer::AllianzTrade;
    let request =
        job_request(job_id).map_err(|error| cannot_send(error.code(), insurer, language))?;
    let response = client.send(insurer, &request, language, None).await?;
    let job = parse_job(response.status, &response.body)
        .map_err(|error| WidgetError::from_insurer(&error, language))?;
    match job.status {
        JobStatus::Processed => {
            let cover_id = job.cover_id().ok_or_else(|| {
                WidgetError::from_insurer(
                    &tradecover_core::InsurerError::Malformed {
                        reason: "the processed job points to no cover".to_owned(),
                    },
                    language,
                )
            })?;
            let request = cover_get_request(&cover_id)
                .map_err(|error| cannot_send(error.code(), insurer, language))?;
            let response = client.send(insurer, &request, language, None).await?;
            parse_cover(response.status, &response.body)
                .map(|decision| JobCheck::Decided(Box::new(decision)))
                .map_err(|error| WidgetError::from_insurer(&error, language))
        }
        JobStatus::Failed => Err(WidgetError {
            code: "allianz_trade.job_failed".to_owned(),
            field: None,
            message: text(
                language,
                "form.job_failed",
                &[("insurer", insurer.display_name())],
            ),
            retryable: false,
        }),
        _ => Ok(JobCheck::Pending),
    }
}
