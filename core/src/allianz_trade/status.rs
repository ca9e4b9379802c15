//! Allianz Trade's raw status codes → the neutral [`Status`], one pure function per scheme.
//! The raw code is kept as received; an unknown code gives `status: None`, never an error.
//!
//! Codes are compared without case and without separators (`InProgress`, `IN_PROGRESS` and
//! `in progress` are one code), since the published examples mix `PROCESSED`, `pending` and
//! `AlreadyAgreed`.
//!
//! What is documented and what is chosen: Allianz Trade publishes none of these lists (open
//! question 2 of the reference). Seen: job `pending` → `processed` (Allianz Trade's design
//! guidelines), `technicalDecisionStatusCode = AlreadyAgreed` and `requestStatusCode =
//! InProgress` (clients), Cover V2 `coverStatusCode = Agreement` (clients), and business
//! decisions "Accepted" / "Refused" (the webhook page). The other codes below are **chosen** in
//! the same style, partly from the statuses Allianz Trade documents for its Single Invoice API
//! (`Assessing`, `Refused`, `Cancelled`, `Revoked`, `Expired`, `PartiallyApproved`, …); a code not
//! listed is shown raw.

use crate::lifecycle::{Outcome, PendingReason, RawStatus, Status, StatusReport};

/// Scheme of job statuses (`jobStatusCode`).
pub const JOB_SCHEME: &str = "allianz_trade.job";
/// Scheme of a credit limit's `technicalDecisionStatusCode`.
pub const TECHNICAL_DECISION_SCHEME: &str = "allianz_trade.technicalDecisionStatusCode";
/// Scheme of a cover's `coverStatusCode`.
pub const COVER_STATUS_SCHEME: &str = "allianz_trade.coverStatusCode";
/// Scheme of a cover request's `requestStatusCode`.
pub const REQUEST_STATUS_SCHEME: &str = "allianz_trade.requestStatusCode";

const FULL: Status = Status::Decided(Outcome::Full);
const PARTIAL: Status = Status::Decided(Outcome::Partial);
const REFUSED: Status = Status::Decided(Outcome::Refused);
const UNDERWRITING: Status = Status::Pending(PendingReason::Underwriting);
const INFORMATION: Status = Status::Pending(PendingReason::ComplementaryInformation);
const ON_HOLD: Status = Status::Pending(PendingReason::OnHold);

/// Job statuses, normalised. A job only tells whether the request went through: `pending` and
/// `processed` both leave the application waiting for its decision (read it from the resource),
/// a `failed` job means the insurer did not take the request in, which ends the application.
const JOB_CODES: &[(&str, Status)] = &[
    ("pending", ON_HOLD),
    ("processed", ON_HOLD),
    ("failed", Status::Cancelled),
];

/// Decision statuses of a cover and of its credit limits, normalised.
const DECISION_CODES: &[(&str, Status)] = &[
    ("alreadyagreed", FULL),
    ("agreement", FULL),
    ("agreed", FULL),
    ("accepted", FULL),
    ("approved", FULL),
    ("partialagreement", PARTIAL),
    ("partiallyagreed", PARTIAL),
    ("partiallyaccepted", PARTIAL),
    ("partiallyapproved", PARTIAL),
    ("refused", REFUSED),
    ("refusal", REFUSED),
    ("pending", UNDERWRITING),
    ("inprogress", UNDERWRITING),
    ("assessing", UNDERWRITING),
    ("awaitinginformation", INFORMATION),
    ("reduced", Status::Reduced),
    ("reduction", Status::Reduced),
    ("cancelled", Status::Cancelled),
    ("canceled", Status::Cancelled),
    ("cancellation", Status::Cancelled),
    ("revoked", Status::Cancelled),
    ("expired", Status::Expired),
    ("withdrawn", Status::Withdrawn),
    ("withdrawal", Status::Withdrawn),
    ("superseded", Status::Superseded),
    ("replaced", Status::Superseded),
];

/// Cover request statuses, normalised.
const REQUEST_CODES: &[(&str, Status)] = &[
    ("submitted", Status::Submitted),
    ("received", Status::Submitted),
    ("inprogress", UNDERWRITING),
    ("pending", UNDERWRITING),
    ("assessing", UNDERWRITING),
    ("awaitinginformation", INFORMATION),
    ("onhold", ON_HOLD),
    ("accepted", FULL),
    ("agreed", FULL),
    ("approved", FULL),
    ("partiallyaccepted", PARTIAL),
    ("partiallyagreed", PARTIAL),
    ("partiallyapproved", PARTIAL),
    ("refused", REFUSED),
    ("cancelled", Status::Cancelled),
    ("canceled", Status::Cancelled),
    ("withdrawn", Status::Withdrawn),
];

/// `code` without case and separators: only its ASCII letters and digits, lower case.
pub(super) fn normalise(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn report(scheme: &str, table: &[(&str, Status)], code: &str) -> StatusReport {
    let key = normalise(code);
    StatusReport {
        status: table
            .iter()
            .find(|(known, _)| *known == key)
            .map(|(_, status)| *status),
        raw: RawStatus::new(scheme, code),
    }
}

/// A job's status (`pending`, `processed`, `failed`) as a [`StatusReport`].
pub fn job_status_report(code: &str) -> StatusReport {
    report(JOB_SCHEME, JOB_CODES, code)
}

/// A credit limit's `technicalDecisionStatusCode` (e.g. `AlreadyAgreed`) as a
/// [`StatusReport`].
pub fn technical_decision_status_report(code: &str) -> StatusReport {
    report(TECHNICAL_DECISION_SCHEME, DECISION_CODES, code)
}

/// A cover's `coverStatusCode` (e.g. `Agreement`) as a [`StatusReport`].
pub fn cover_status_report(code: &str) -> StatusReport {
    report(COVER_STATUS_SCHEME, DECISION_CODES, code)
}

/// A cover request's `requestStatusCode` (e.g. `InProgress`, `Accepted`) as a
/// [`StatusReport`].
pub fn request_status_report(code: &str) -> StatusReport {
    report(REQUEST_STATUS_SCHEME, REQUEST_CODES, code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_normalised_and_unique() {
        for table in [JOB_CODES, DECISION_CODES, REQUEST_CODES] {
            for (index, (code, _)) in table.iter().enumerate() {
                assert_eq!(normalise(code), *code);
                assert!(
                    !table[..index].iter().any(|(other, _)| other == code),
                    "{code}"
                );
            }
        }
    }
}
