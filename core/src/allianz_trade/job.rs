//! Job status: `GET /riskinfo/v3/jobs/{jobId}`, polled until the job turns from `pending` into
//! `processed`; a processed job points to the resource (the cover) by URL.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::request_error::{path_segment, RequestError};
use super::response::{malformed, parse_json};
use super::status::{job_status_report, normalise};
use super::wire::{loose_text, JobBody};
use crate::http_request::{HttpRequest, Method};
use crate::insurer_error::InsurerError;
use crate::lifecycle::StatusReport;

/// Path pattern of the job status, relative to the Allianz Trade base.
pub const JOB_PATH: &str = "/riskinfo/v3/jobs/{jobId}";

/// Path segment before a cover id in a resource URL.
const COVERS_SEGMENT: &str = "covers";

/// Where a job stands.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum JobStatus {
    /// Still being processed: ask again later.
    Pending,
    /// Processed: the resource URL leads to the result.
    Processed,
    /// The insurer could not process the request.
    Failed,
    /// A status tradecover does not know, as received.
    Other(String),
}

impl JobStatus {
    /// Reads a job status code, without case or separators (`PROCESSED`, `processed`).
    pub fn parse(code: &str) -> Self {
        match normalise(code).as_str() {
            "pending" => JobStatus::Pending,
            "processed" => JobStatus::Processed,
            "failed" => JobStatus::Failed,
            _ => JobStatus::Other(code.to_owned()),
        }
    }
}

impl fmt::Display for JobStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobStatus::Pending => f.write_str("pending"),
            JobStatus::Processed => f.write_str("processed"),
            JobStatus::Failed => f.write_str("failed"),
            JobStatus::Other(code) => f.write_str(code),
        }
    }
}

/// A job as the insurer reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    /// The job id, when the answer repeats it.
    pub job_id: Option<String>,
    /// Its status.
    pub status: JobStatus,
    /// The status code as received, e.g. `PROCESSED`.
    pub raw_status: String,
    /// URL of the resulting resource, once processed.
    pub resource_url: Option<String>,
}

impl Job {
    /// The neutral status of the application behind the job.
    pub fn report(&self) -> StatusReport {
        job_status_report(&self.raw_status)
    }

    /// The cover id the resource URL points to (`…/covers/{coverId}`), when it does and the id
    /// is a valid path segment; fetch it with [`cover_get_request`](super::cover::cover_get_request).
    pub fn cover_id(&self) -> Option<String> {
        let url = self.resource_url.as_deref()?;
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let mut segments = path.rsplit('/').filter(|segment| !segment.is_empty());
        let id = segments.next()?;
        (segments.next() == Some(COVERS_SEGMENT))
            .then(|| path_segment(id).ok().map(str::to_owned))
            .flatten()
    }
}

/// The job status request: `GET /riskinfo/v3/jobs/{jobId}`; [`RequestError::InvalidId`] when
/// the id cannot be one path segment.
pub fn job_request(job_id: &str) -> Result<HttpRequest, RequestError> {
    let id = path_segment(job_id)?;
    Ok(HttpRequest::new(
        Method::Get,
        JOB_PATH.replace("{jobId}", id),
    ))
}

/// Parses a job status answer. The status is read from `jobStatusCode` (or `status`), the
/// resource from `ressourceUrl` (the documented spelling) or `resourceUrl`. No status gives
/// [`InsurerError::Malformed`]; an unknown one gives [`JobStatus::Other`].
pub fn parse_job(status: u16, body: &[u8]) -> Result<Job, InsurerError> {
    let job: JobBody = parse_json(status, body)?;
    let raw_status = loose_text(&job.job_status_code)
        .or_else(|| loose_text(&job.status))
        .ok_or_else(|| malformed("the job answer has no jobStatusCode"))?
        .to_owned();
    Ok(Job {
        job_id: loose_text(&job.job_id).map(str::to_owned),
        status: JobStatus::parse(&raw_status),
        resource_url: loose_text(&job.ressource_url)
            .or_else(|| loose_text(&job.resource_url))
            .map(str::to_owned),
        raw_status,
    })
}
