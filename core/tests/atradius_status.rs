//! Every documented Atradius status code maps onto the neutral lifecycle as the reference's
//! appendices describe it (`coverStatus`, "Cover Codes", historic codes, "Batch Action
//! Indicators"), and the combination of a cover's codes gives one status.
#![cfg(feature = "atradius")]

use tradecover_core::atradius::{
    cover_report, cover_status_report, decision_code_report, historic_code_report,
    pending_indicator_report, CoverCodes, DecisionCode, HistoricCode, PendingProcessIndicator,
};
use tradecover_core::lifecycle::{
    can_transition, Outcome, PendingReason, RawStatus, Status, StatusReport,
};

use Outcome::{Full, Partial, Refused};
use Status::{Cancelled, Decided, Expired, Pending, Reduced, Superseded, Withdrawn};

const UNDERWRITING: Status = Pending(PendingReason::Underwriting);
const ON_HOLD: Status = Pending(PendingReason::OnHold);

fn report(status: Option<Status>, scheme: &str, code: &str) -> StatusReport {
    StatusReport {
        status,
        raw: RawStatus::new(scheme, code),
    }
}

#[test]
fn cover_statuses() {
    assert_eq!(
        cover_status_report("REFERRED"),
        report(Some(UNDERWRITING), "atradius.coverStatus", "REFERRED")
    );
    // DECISION alone does not say what was decided: shown raw, no neutral status.
    assert_eq!(
        cover_status_report("DECISION"),
        report(None, "atradius.coverStatus", "DECISION")
    );
    assert_eq!(
        cover_status_report("WITHDRAWN"),
        report(None, "atradius.coverStatus", "WITHDRAWN")
    );
}

#[test]
fn every_decision_code() {
    let expected = [
        ("DC01", Decided(Full)),    // fully approved
        ("DC02", Decided(Partial)), // approved with conditions / comments
        ("DC03", Decided(Refused)), // refused
        ("DC04", Decided(Partial)), // partially approved (final)
        ("DC05", Decided(Partial)), // increase refused, current cover unchanged
        ("DC06", Decided(Partial)), // partially approved (preliminary)
        ("DC07", UNDERWRITING),     // preliminary refusal: the final decision is to come
        ("DC08", Cancelled),        // withdrawal decided by Atradius
        ("DC09", Reduced),          // reduction in cover
        ("DC10", Decided(Partial)), // revised terms of cover
        ("DC11", Decided(Full)),    // re-issue of limit
        ("DC21", Cancelled),        // pre-notification of withdrawal (under cancellation)
        ("DC22", Reduced),          // reduction due to partial expiry
    ];
    for (code, status) in expected {
        assert_eq!(
            decision_code_report(code),
            report(Some(status), "atradius.decisionCode", code),
            "{code}"
        );
        assert_eq!(DecisionCode::parse(code).as_str(), code);
        assert!(!matches!(DecisionCode::parse(code), DecisionCode::Other(_)));
    }
    for unknown in ["DC12", "DC00", "dc", "", "DECISION"] {
        assert_eq!(decision_code_report(unknown).status, None, "{unknown}");
    }
}

#[test]
fn every_historic_code() {
    let expected = [
        ("CCLA", Withdrawn),        // cancelled application (the customer cancels)
        ("RCLA", Decided(Refused)), // rejected application
        ("SCLA", Superseded),       // superseded application
        ("TCLA", Superseded),       // transferred application
        ("ARCH", Cancelled),        // archived
        ("CCLD", Withdrawn),        // cancelled decision (the customer cancels)
        ("CIND", Withdrawn),        // cancelled indication
        ("ECLD", Expired),          // expired decision
        ("PCLD", Cancelled),        // cancelled by policy cancellation
        ("SCLD", Superseded),       // superseded decision
        ("TCLD", Superseded),       // transferred decision
        ("WCLD", Cancelled),        // withdrawn decision (Atradius withdraws)
        ("ACLD", Superseded),       // amended
        ("ICLD", Superseded),       // re-issued
        ("MCLD", Superseded),       // maintained
    ];
    for (code, status) in expected {
        assert_eq!(
            historic_code_report(code),
            report(Some(status), "atradius.historicCode", code),
            "{code}"
        );
        assert!(status.is_final() || status == Decided(Refused), "{code}");
        assert!(!matches!(HistoricCode::parse(code), HistoricCode::Other(_)));
    }
    assert_eq!(historic_code_report("XCLD").status, None);
}

#[test]
fn every_pending_indicator() {
    let expected = [
        ("B", ON_HOLD),   // batch change of conditions pending
        ("C", Withdrawn), // cancellation pending (the customer's): under withdrawal
        ("F", Cancelled), // future withdrawal scheduled: under cancellation
        ("P", Cancelled), // future withdrawal postponed: still under cancellation
        ("R", ON_HOLD),   // reactivation pending
        ("T", ON_HOLD),   // transfer pending
        ("V", ON_HOLD),   // indication conversion pending
        ("W", Cancelled), // withdrawal pending: under cancellation
    ];
    for (code, status) in expected {
        assert_eq!(
            pending_indicator_report(code),
            report(Some(status), "atradius.pendingProcessIndicator", code),
            "{code}"
        );
        assert!(!matches!(
            PendingProcessIndicator::parse(code),
            PendingProcessIndicator::Other(_)
        ));
    }
    assert_eq!(pending_indicator_report("Z").status, None);
}

fn codes<'a>(
    cover_status: Option<&'a str>,
    decision_code: Option<&'a str>,
    historic_code: Option<&'a str>,
    pending: Option<&'a str>,
) -> CoverCodes<'a> {
    CoverCodes {
        cover_status,
        decision_code,
        historic_code,
        pending_process_indicator: pending,
    }
}

#[test]
fn combined_statuses() {
    // DECISION + a refusal code → refused.
    assert_eq!(
        cover_report(
            &codes(Some("DECISION"), Some("DC03"), None, None),
            Some(0),
            None
        ),
        report(Some(Decided(Refused)), "atradius.decisionCode", "DC03")
    );
    // REFERRED wins over any decision code: the cover is with an underwriter.
    assert_eq!(
        cover_report(
            &codes(Some("REFERRED"), Some("DC01"), None, None),
            None,
            None
        ),
        report(Some(UNDERWRITING), "atradius.coverStatus", "REFERRED")
    );
    // A historic code wins over everything.
    assert_eq!(
        cover_report(
            &codes(Some("REFERRED"), Some("DC01"), Some("SCLA"), Some("W")),
            None,
            None
        ),
        report(Some(Superseded), "atradius.historicCode", "SCLA")
    );
    // DECISION without a code is judged by the amounts.
    let decision = codes(Some("DECISION"), None, None, None);
    assert_eq!(
        cover_report(&decision, Some(5_000_000), Some(5_000_000)).status,
        Some(Decided(Full))
    );
    assert_eq!(
        cover_report(&decision, Some(5_000_000), None).status,
        Some(Decided(Full))
    );
    assert_eq!(
        cover_report(&decision, Some(2_000_000), Some(5_000_000)).status,
        Some(Decided(Partial))
    );
    assert_eq!(
        cover_report(&decision, Some(0), Some(5_000_000)).status,
        Some(Decided(Refused))
    );
    assert_eq!(cover_report(&decision, None, Some(5_000_000)).status, None);
    // An unknown decision code is not guessed from the amounts.
    assert_eq!(
        cover_report(
            &codes(Some("DECISION"), Some("DC30"), None, None),
            Some(1),
            Some(1)
        ),
        report(None, "atradius.decisionCode", "DC30")
    );
    // Pending actions that end a cover in force.
    for (pending, status) in [
        ("C", Withdrawn),
        ("W", Cancelled),
        ("F", Cancelled),
        ("P", Cancelled),
    ] {
        assert_eq!(
            cover_report(
                &codes(Some("DECISION"), Some("DC01"), None, Some(pending)),
                None,
                None
            ),
            report(Some(status), "atradius.pendingProcessIndicator", pending),
            "{pending}"
        );
        assert_eq!(
            cover_report(&codes(None, Some("DC09"), None, Some(pending)), None, None).status,
            Some(status),
            "{pending} on a reduced cover"
        );
    }
    // Other pending actions leave a cover in force as it is.
    for pending in ["B", "T", "V", "R", "?"] {
        assert_eq!(
            cover_report(
                &codes(Some("DECISION"), Some("DC04"), None, Some(pending)),
                None,
                None
            ),
            report(Some(Decided(Partial)), "atradius.decisionCode", "DC04"),
            "{pending}"
        );
    }
    // A reactivation pending on an ended cover.
    assert_eq!(
        cover_report(
            &codes(Some("DECISION"), Some("DC08"), None, Some("R")),
            None,
            None
        ),
        report(Some(ON_HOLD), "atradius.pendingProcessIndicator", "R")
    );
    // A pending action does not turn a refusal or a pending application into something else.
    assert_eq!(
        cover_report(&codes(None, Some("DC03"), None, Some("C")), None, None).status,
        Some(Decided(Refused))
    );
    // Only an indicator.
    assert_eq!(
        cover_report(&codes(None, None, None, Some("V")), None, None),
        report(Some(ON_HOLD), "atradius.pendingProcessIndicator", "V")
    );
    // Codes are read without case or blanks; the raw code is kept trimmed, as sent.
    assert_eq!(
        cover_report(
            &codes(Some(" decision "), Some(" dc01 "), Some(" "), None),
            None,
            None
        ),
        report(Some(Decided(Full)), "atradius.decisionCode", "dc01")
    );
}

#[test]
fn preliminary_and_final_decisions_follow_the_lifecycle() {
    // A preliminary decision can still become the final one.
    let preliminary_refusal = decision_code_report("DC07").status.unwrap();
    let preliminary_partial = decision_code_report("DC06").status.unwrap();
    for final_code in ["DC01", "DC03", "DC04"] {
        let final_status = decision_code_report(final_code).status.unwrap();
        assert!(
            can_transition(preliminary_refusal, final_status),
            "DC07 → {final_code}"
        );
        assert!(
            can_transition(preliminary_partial, final_status),
            "DC06 → {final_code}"
        );
    }
    // A referral is decided.
    let referred = cover_status_report("REFERRED").status.unwrap();
    assert!(can_transition(referred, Decided(Full)));
    // A cover in force can be reduced, superseded, expire, be withdrawn by Atradius.
    let granted = decision_code_report("DC01").status.unwrap();
    for code in ["DC09", "DC22", "DC08", "DC21"] {
        assert!(
            can_transition(granted, decision_code_report(code).status.unwrap()),
            "{code}"
        );
    }
    for code in ["SCLD", "ECLD", "WCLD", "CCLD", "ACLD"] {
        assert!(
            can_transition(granted, historic_code_report(code).status.unwrap()),
            "{code}"
        );
    }
}
