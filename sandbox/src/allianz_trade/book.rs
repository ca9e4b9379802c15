//! The cover requests of the simulation, with their jobs and covers.
//!
//! Each cover request V3 gets a request id (`REQ-000001`…), a job id (a random UUID) and a
//! cover id (`COV-000001`…); the cover becomes visible when the job is processed. The request
//! keeps what was asked, the shared underwriting policy's answer, and when it was submitted,
//! processed and decided (sandbox time), and the changes the insurer's review made to the
//! cover since; [`lifecycle`](super::lifecycle) moves it on.
//!
//! Allianz Trade keeps one cover per buyer and policy: a new request for a company whose cover
//! on the same policy is processed and not cancelled **supersedes** it (an increase or a
//! reduction): it keeps the cover id, and the cover shows the new request once its job is
//! processed (the superseded request until then). A cancellation request ends the current
//! cover: it has its own job, and the cover is cancelled when that job is processed.

use std::collections::HashMap;
use std::time::Duration;

use crate::secret::random_hex;
use crate::underwriting::{Change, ReviewStep, Underwriting};

use super::callback::Callback;
use super::idempotency::IdempotencyKeys;

/// A policy triple.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Policy {
    /// `businessUnitCode`.
    pub(crate) business_unit_code: String,
    /// `policyId`.
    pub(crate) policy_id: String,
    /// `extensionId` (empty when none).
    pub(crate) extension_id: String,
}

/// The amount asked for.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Requested {
    /// As it travels: a JSON number in major units.
    pub(crate) amount: serde_json::Number,
    /// Its whole major units, as the underwriting policy reads it.
    pub(crate) major: u64,
    /// ISO 4217 code, upper case.
    pub(crate) currency: String,
}

/// What a new cover request asks for (validated).
#[derive(Clone, Debug)]
pub(crate) struct NewCoverRequest {
    /// The buyer's company id, canonical.
    pub(crate) company_id: String,
    /// The buyer's name.
    pub(crate) company_name: String,
    /// The policy.
    pub(crate) policy: Policy,
    /// The amount.
    pub(crate) requested: Requested,
    /// `isRequestUrgent`.
    pub(crate) urgent: bool,
    /// `comment`.
    pub(crate) comment: Option<String>,
    /// `customerReference`.
    pub(crate) customer_reference: Option<String>,
    /// The underwriting policy's answer.
    pub(crate) underwriting: Underwriting,
    /// What the insurer's review will do to the cover once decided (times from the decision).
    pub(crate) review: Vec<ReviewStep>,
    /// The webhook, if any.
    pub(crate) callback: Option<Callback>,
}

/// A cover request and everything that happened to it.
#[derive(Clone, Debug)]
pub(crate) struct CoverRequest {
    /// `requestId`.
    pub(crate) request_id: String,
    /// The job that processes it.
    pub(crate) job_id: String,
    /// The cover it creates (visible once processed).
    pub(crate) cover_id: String,
    /// What was asked.
    pub(crate) asked: NewCoverRequest,
    /// When it was submitted.
    pub(crate) submitted_at: Duration,
    /// When its job was processed, once it was.
    pub(crate) processed_at: Option<Duration>,
    /// When it was decided, once it was.
    pub(crate) decided_at: Option<Duration>,
    /// The review steps applied to the decided cover, with when each was.
    pub(crate) changes: Vec<(Duration, Change)>,
    /// The earlier request whose cover this one supersedes (same cover id).
    pub(crate) supersedes: Option<usize>,
    /// The later request superseding this one, once there is one.
    pub(crate) superseded_by: Option<usize>,
    /// The cancellation asked for the cover, once asked.
    pub(crate) cancellation: Option<Cancellation>,
}

/// A cancellation request on a cover: its job, and when it was asked and processed.
#[derive(Clone, Debug)]
pub(crate) struct Cancellation {
    /// The job that processes it.
    pub(crate) job_id: String,
    /// When it was asked.
    pub(crate) submitted_at: Duration,
    /// When its job was processed (the cover is cancelled from then on).
    pub(crate) processed_at: Option<Duration>,
}

impl CoverRequest {
    /// When the cover was cancelled at the seller's request, once it was.
    pub(crate) fn cancelled_at(&self) -> Option<Duration> {
        self.cancellation
            .as_ref()
            .and_then(|cancellation| cancellation.processed_at)
    }
}

impl CoverRequest {
    /// When it last changed.
    pub(crate) fn last_update(&self) -> Duration {
        self.changes
            .last()
            .map(|(at, _)| *at)
            .or(self.decided_at)
            .or(self.processed_at)
            .unwrap_or(self.submitted_at)
    }
}

/// Every cover request, in submission order, with lookups by job and cover id and the
/// idempotency keys seen.
#[derive(Debug, Default)]
pub(crate) struct Book {
    requests: Vec<CoverRequest>,
    by_job: HashMap<String, usize>,
    by_cover: HashMap<String, usize>,
    /// Idempotency keys of past cover requests.
    pub(crate) idempotency: IdempotencyKeys,
    /// Sandbox time before which no request changes on its own (known since the last full
    /// settling pass; `None` once a request was added or changed since).
    quiet_until: Option<Duration>,
}

impl Book {
    /// Records a new request submitted at `now` (superseding the company's current cover on
    /// the same policy, if any); returns its position.
    pub(crate) fn submit(&mut self, asked: NewCoverRequest, now: Duration) -> usize {
        let supersedes = self.current_cover(&asked.company_id, &asked.policy);
        self.record(asked, now, supersedes)
    }

    /// Records a request of a seeded portfolio, processed and decided at `now` (see
    /// [`seeding`](super::seeding)): a cover of its own, superseding nothing — a seeded
    /// portfolio holds more covers than the data set has companies, and must list them all.
    pub(crate) fn seed_decided(&mut self, asked: NewCoverRequest, now: Duration) -> usize {
        let n = self.record(asked, now, None);
        if let Some(request) = self.requests.get_mut(n) {
            request.processed_at = Some(now);
            request.decided_at = Some(now);
        }
        n
    }

    /// Records a request submitted at `now`, superseding the request at `supersedes`.
    fn record(
        &mut self,
        asked: NewCoverRequest,
        now: Duration,
        supersedes: Option<usize>,
    ) -> usize {
        let n = self.requests.len();
        let cover_id = supersedes
            .and_then(|m| self.requests.get(m))
            .map(|earlier| earlier.cover_id.clone())
            .unwrap_or_else(|| format!("COV-{:06}", n + 1));
        if let Some(earlier) = supersedes.and_then(|m| self.requests.get_mut(m)) {
            earlier.superseded_by = Some(n);
        }
        let request = CoverRequest {
            request_id: format!("REQ-{:06}", n + 1),
            job_id: uuid(),
            cover_id,
            asked,
            submitted_at: now,
            processed_at: None,
            decided_at: None,
            changes: Vec::new(),
            supersedes,
            superseded_by: None,
            cancellation: None,
        };
        self.quiet_until = None;
        self.by_job.insert(request.job_id.clone(), n);
        self.by_cover.insert(request.cover_id.clone(), n);
        self.requests.push(request);
        n
    }

    /// The position of the request showing the cover of `company_id` on `policy` now: the
    /// latest one processed, not superseded and not cancelled (nor asked to be).
    pub(crate) fn current_cover(&self, company_id: &str, policy: &Policy) -> Option<usize> {
        self.requests.iter().rposition(|request| {
            request.asked.company_id == company_id
                && request.asked.policy == *policy
                && request.processed_at.is_some()
                && request.superseded_by.is_none()
                && request.cancellation.is_none()
        })
    }

    /// Records the cancellation of the cover shown by the request at `n`, asked at `now`;
    /// returns its job id (none when there is no such request).
    pub(crate) fn cancel(&mut self, n: usize, now: Duration) -> Option<String> {
        self.quiet_until = None;
        let request = self.requests.get_mut(n)?;
        let job_id = uuid();
        request.cancellation = Some(Cancellation {
            job_id: job_id.clone(),
            submitted_at: now,
            processed_at: None,
        });
        self.by_job.insert(job_id.clone(), n);
        Some(job_id)
    }

    /// Whether the request at `n` is shown as its cover: not superseded by a processed request.
    pub(crate) fn is_shown(&self, n: usize) -> bool {
        self.requests.get(n).is_some_and(|request| {
            request.processed_at.is_some()
                && request
                    .superseded_by
                    .and_then(|m| self.requests.get(m))
                    .is_none_or(|later| later.processed_at.is_none())
        })
    }

    /// The request at position `n`.
    pub(crate) fn get(&self, n: usize) -> Option<&CoverRequest> {
        self.requests.get(n)
    }

    /// The request whose job is `job_id` (its own or its cancellation's).
    pub(crate) fn by_job(&self, job_id: &str) -> Option<&CoverRequest> {
        self.by_job.get(job_id).and_then(|n| self.requests.get(*n))
    }

    /// The request showing the cover `cover_id`: the latest processed one of its requests.
    pub(crate) fn by_cover(&self, cover_id: &str) -> Option<&CoverRequest> {
        let mut n = self.by_cover.get(cover_id).copied();
        while let Some(request) = n.and_then(|n| self.requests.get(n)) {
            if request.processed_at.is_some() {
                return Some(request);
            }
            n = request.supersedes;
        }
        None
    }

    /// Every request, in submission order.
    pub(crate) fn requests(&self) -> &[CoverRequest] {
        &self.requests
    }

    /// Every request, to move on (forgets when the next one falls due).
    pub(crate) fn requests_mut(&mut self) -> &mut [CoverRequest] {
        self.quiet_until = None;
        &mut self.requests
    }

    /// Sandbox time before which no request changes on its own, when known.
    pub(crate) fn quiet_until(&self) -> Option<Duration> {
        self.quiet_until
    }

    /// Notes that no request changes on its own before `until` (after a full settling pass).
    pub(crate) fn set_quiet_until(&mut self, until: Duration) {
        self.quiet_until = Some(until);
    }
}

/// A random version-4 UUID, e.g. `7c9e6679-7425-40de-944b-e07fc1f90ae7`.
pub(crate) fn uuid() -> String {
    let hex = random_hex(16);
    let variant = ['8', '9', 'a', 'b'][usize::from(hex.as_bytes()[16] % 4)];
    format!(
        "{}-{}-4{}-{}{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        variant,
        &hex[17..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::uuid;

    #[test]
    fn uuids_are_version_4() {
        let id = uuid();
        assert_eq!(id.len(), 36);
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'));
        assert!("89ab".contains(&parts[3][..1]));
        assert_ne!(uuid(), id);
    }
}
