//! Allianz Trade raw statuses → neutral statuses: every documented code, the chosen ones, case
//! and separator tolerance, unknown codes kept raw.
#![cfg(feature = "allianz_trade")]

use tradecover_core::allianz_trade::{
    cover_status_report, job_status_report, request_status_report,
    technical_decision_status_report, JobStatus,
};
use tradecover_core::lifecycle::{can_transition, Outcome, PendingReason, RawStatus, Status};

const FULL: Option<Status> = Some(Status::Decided(Outcome::Full));
const PARTIAL: Option<Status> = Some(Status::Decided(Outcome::Partial));
const REFUSED: Option<Status> = Some(Status::Decided(Outcome::Refused));
const UNDERWRITING: Option<Status> = Some(Status::Pending(PendingReason::Underwriting));
const INFORMATION: Option<Status> = Some(Status::Pending(PendingReason::ComplementaryInformation));
const ON_HOLD: Option<Status> = Some(Status::Pending(PendingReason::OnHold));

#[test]
fn documented_codes() {
    // Allianz Trade's design guidelines: a job turns from pending into processed.
    assert_eq!(job_status_report("pending").status, ON_HOLD);
    assert_eq!(job_status_report("processed").status, ON_HOLD);
    // Seen in clients.
    assert_eq!(job_status_report("PROCESSED").status, ON_HOLD);
    assert_eq!(
        technical_decision_status_report("AlreadyAgreed").status,
        FULL
    );
    assert_eq!(cover_status_report("Agreement").status, FULL);
    assert_eq!(request_status_report("InProgress").status, UNDERWRITING);
    // The webhook page: business decisions such as Accepted and Refused.
    assert_eq!(request_status_report("Accepted").status, FULL);
    assert_eq!(request_status_report("Refused").status, REFUSED);
}

#[test]
fn job_codes() {
    for (code, status) in [
        ("pending", ON_HOLD),
        ("Pending", ON_HOLD),
        ("processed", ON_HOLD),
        ("failed", Some(Status::Cancelled)),
        ("FAILED", Some(Status::Cancelled)),
        ("QUEUED", None),
        ("", None),
    ] {
        let report = job_status_report(code);
        assert_eq!(report.status, status, "{code}");
        assert_eq!(report.raw, RawStatus::new("allianz_trade.job", code));
    }
    assert_eq!(JobStatus::parse(" Processed "), JobStatus::Processed);
    assert_eq!(JobStatus::parse("pending"), JobStatus::Pending);
    assert_eq!(JobStatus::parse("Failed"), JobStatus::Failed);
    assert_eq!(
        JobStatus::parse("in-flight"),
        JobStatus::Other("in-flight".into())
    );
}

/// The codes of credit limits (`technicalDecisionStatusCode`) and covers (`coverStatusCode`).
const DECISIONS: &[(&str, Option<Status>)] = &[
    ("AlreadyAgreed", FULL),
    ("Agreement", FULL),
    ("Agreed", FULL),
    ("Accepted", FULL),
    ("Approved", FULL),
    ("PartialAgreement", PARTIAL),
    ("PartiallyAgreed", PARTIAL),
    ("PartiallyAccepted", PARTIAL),
    ("PartiallyApproved", PARTIAL),
    ("Refused", REFUSED),
    ("Refusal", REFUSED),
    ("Pending", UNDERWRITING),
    ("InProgress", UNDERWRITING),
    ("Assessing", UNDERWRITING),
    ("AwaitingInformation", INFORMATION),
    ("Reduced", Some(Status::Reduced)),
    ("Reduction", Some(Status::Reduced)),
    ("Cancelled", Some(Status::Cancelled)),
    ("Canceled", Some(Status::Cancelled)),
    ("Cancellation", Some(Status::Cancelled)),
    ("Revoked", Some(Status::Cancelled)),
    ("Expired", Some(Status::Expired)),
    ("Withdrawn", Some(Status::Withdrawn)),
    ("Withdrawal", Some(Status::Withdrawn)),
    ("Superseded", Some(Status::Superseded)),
    ("Replaced", Some(Status::Superseded)),
    ("Rejected", None),
    ("Claimed", None),
    ("TimeBarred", None),
    ("Quoted", None),
];

#[test]
fn decision_codes() {
    for (code, status) in DECISIONS {
        let technical = technical_decision_status_report(code);
        assert_eq!(technical.status, *status, "technical {code}");
        assert_eq!(
            technical.raw,
            RawStatus::new("allianz_trade.technicalDecisionStatusCode", code)
        );
        let cover = cover_status_report(code);
        assert_eq!(cover.status, *status, "cover {code}");
        assert_eq!(
            cover.raw,
            RawStatus::new("allianz_trade.coverStatusCode", code)
        );
    }
}

#[test]
fn request_codes() {
    for (code, status) in [
        ("Submitted", Some(Status::Submitted)),
        ("Received", Some(Status::Submitted)),
        ("InProgress", UNDERWRITING),
        ("Pending", UNDERWRITING),
        ("Assessing", UNDERWRITING),
        ("AwaitingInformation", INFORMATION),
        ("OnHold", ON_HOLD),
        ("Accepted", FULL),
        ("Agreed", FULL),
        ("Approved", FULL),
        ("PartiallyAccepted", PARTIAL),
        ("PartiallyAgreed", PARTIAL),
        ("PartiallyApproved", PARTIAL),
        ("Refused", REFUSED),
        ("Cancelled", Some(Status::Cancelled)),
        ("Canceled", Some(Status::Cancelled)),
        ("Withdrawn", Some(Status::Withdrawn)),
        ("Expired", None),
        ("Agreement", None),
        ("Draft", None),
    ] {
        let report = request_status_report(code);
        assert_eq!(report.status, status, "{code}");
        assert_eq!(
            report.raw,
            RawStatus::new("allianz_trade.requestStatusCode", code)
        );
    }
}

#[test]
fn codes_are_read_without_case_or_separators_and_kept_raw() {
    for code in [
        "IN_PROGRESS",
        "in progress",
        "inprogress",
        "In-Progress",
        " InProgress ",
    ] {
        let report = request_status_report(code);
        assert_eq!(report.status, UNDERWRITING, "{code}");
        assert_eq!(report.raw.code, code);
    }
    assert_eq!(
        technical_decision_status_report("ALREADY_AGREED").status,
        FULL
    );
    assert_eq!(cover_status_report("partially-approved").status, PARTIAL);
    // Punctuation is a separator; other letters are not dropped silently into a known code.
    assert_eq!(technical_decision_status_report("Agreed!").status, FULL);
    for code in ["Agréé", "\u{0}", "AgreedX", "Agreed2"] {
        assert_eq!(
            technical_decision_status_report(code).status,
            None,
            "{code:?}"
        );
    }
}

#[test]
fn a_job_then_its_cover_is_a_valid_story() {
    // pending job → processed job → decision read from the cover: every step allowed.
    let steps = [
        Status::Submitted,
        job_status_report("pending").status.unwrap(),
        job_status_report("processed").status.unwrap(),
        technical_decision_status_report("AlreadyAgreed")
            .status
            .unwrap(),
    ];
    for pair in steps.windows(2) {
        assert!(
            can_transition(pair[0], pair[1]),
            "{} → {}",
            pair[0],
            pair[1]
        );
    }
    let failed = job_status_report("failed").status.unwrap();
    assert!(can_transition(steps[1], failed));
    // A functional notification after the technical one.
    let pending = technical_decision_status_report("Pending").status.unwrap();
    let refused = request_status_report("Refused").status.unwrap();
    assert!(can_transition(pending, refused));
}
