//! Atradius status codes and how each maps onto the neutral lifecycle.
//!
//! Four raw schemes describe a cover: `coverStatus` (DECISION, REFERRED — the full list is not
//! public), `decisionCode` (appendix "Cover Codes", DC01–DC11, DC21, DC22), `historicCode` (why
//! a cover left the portfolio) and `pendingProcessIndicator` (appendix "Batch Action
//! Indicators": an action queued on the cover). One pure function per scheme maps a code on its
//! own; [`cover_report`] combines them for one cover. An unknown code gives
//! `StatusReport { status: None, raw }`, never an error.
//!
//! **Who ends a cover.** Atradius' words run opposite to the neutral statuses' names: at
//! Atradius the *customer cancels* (PUT action `cancel`, `CCLD`, pending `C`) and *Atradius
//! withdraws* (DC08, DC21, `WCLD`, pending `W`/`F`/`P`). The neutral model names the actor the
//! other way round ([`Status::Withdrawn`]: by the seller; [`Status::Cancelled`]: by the
//! insurer). The mapping follows the actor, not the word.
//!
//! **Uncertain readings** (the appendices give one line per code; checked against one client
//! that read them): DC02 and DC10 are [`Outcome::Partial`] because they carry conditions or
//! revised terms; DC05 (increase refused, the cover in force unchanged) is
//! [`Outcome::Partial`] — cover is granted, for less than requested — rather than refused,
//! which would claim there is no cover; DC06 (preliminary partial approval) is partial, the
//! final decision may follow; DC07 (preliminary refusal) is
//! [`PendingReason::Underwriting`] — no cover is in force and the final decision is still to
//! come, which a final "refused" would forbid; DC11 (re-issue) is full; DC21 (pre-notification
//! of withdrawal) is cancelled, in the neutral sense "under cancellation" (cover is still in
//! force until the withdrawal date, shown as the expiry). Historic: `ARCH` and `PCLD` are
//! cancelled (ended by Atradius' side), `TCLA`/`TCLD` (transferred) and `ACLD`/`ICLD`/`MCLD`
//! (an older version of an amended, re-issued or maintained decision) are superseded, `CIND` is
//! withdrawn like every customer cancellation.

use std::fmt;

use crate::lifecycle::{Outcome, PendingReason, RawStatus, Status, StatusReport};

/// Scheme of `coverStatus` codes in a [`RawStatus`].
pub const COVER_STATUS_SCHEME: &str = "atradius.coverStatus";
/// Scheme of `decisionCode` codes.
pub const DECISION_CODE_SCHEME: &str = "atradius.decisionCode";
/// Scheme of `historicCode` codes.
pub const HISTORIC_CODE_SCHEME: &str = "atradius.historicCode";
/// Scheme of `pendingProcessIndicator` codes.
pub const PENDING_INDICATOR_SCHEME: &str = "atradius.pendingProcessIndicator";
/// Scheme of the actions of `PUT /covers` (`supersede`, `reduce`, `cancel`, …), reported after
/// an action the insurer accepted.
pub const ACTION_SCHEME: &str = "atradius.action";
/// Scheme of the `response` text of a POST / PUT answer (e.g. `Action has been refused.`).
pub const RESPONSE_SCHEME: &str = "atradius.response";

/// Implements `parse`, `as_str` and `Display` for a code enum with an `Other(String)` variant.
macro_rules! codes {
    ($name:ident { $($variant:ident = $code:literal),* $(,)? }) => {
        impl $name {
            /// Reads a code (surrounding blanks and case ignored); an unknown one is kept as
            /// `Other`.
            pub fn parse(code: &str) -> Self {
                let code = code.trim();
                $(if code.eq_ignore_ascii_case($code) {
                    return Self::$variant;
                })*
                Self::Other(code.to_owned())
            }

            /// The code as Atradius writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $code,)*
                    Self::Other(code) => code,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// `coverStatus`: where a cover stands (🟢 DECISION and REFERRED; the full list is not public).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CoverStatus {
    /// `DECISION`: Atradius decided; how is told by `decisionCode` and the amounts.
    Decision,
    /// `REFERRED`: with an underwriter.
    Referred,
    /// A code this library does not know, as received.
    Other(String),
}

codes!(CoverStatus {
    Decision = "DECISION",
    Referred = "REFERRED",
});

/// `decisionCode` (appendix "Cover Codes").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecisionCode {
    /// DC01: fully approved.
    Dc01,
    /// DC02: approved with conditions and/or comments.
    Dc02,
    /// DC03: refused.
    Dc03,
    /// DC04: partially approved (final).
    Dc04,
    /// DC05: refusal of an increase; the current cover remains unchanged.
    Dc05,
    /// DC06: partially approved (preliminary).
    Dc06,
    /// DC07: preliminary refusal.
    Dc07,
    /// DC08: withdrawal decided by Atradius.
    Dc08,
    /// DC09: reduction in cover.
    Dc09,
    /// DC10: revised terms of cover.
    Dc10,
    /// DC11: re-issue of a limit.
    Dc11,
    /// DC21: pre-notification of withdrawal.
    Dc21,
    /// DC22: reduction due to partial expiry.
    Dc22,
    /// A code this library does not know, as received.
    Other(String),
}

codes!(DecisionCode {
    Dc01 = "DC01",
    Dc02 = "DC02",
    Dc03 = "DC03",
    Dc04 = "DC04",
    Dc05 = "DC05",
    Dc06 = "DC06",
    Dc07 = "DC07",
    Dc08 = "DC08",
    Dc09 = "DC09",
    Dc10 = "DC10",
    Dc11 = "DC11",
    Dc21 = "DC21",
    Dc22 = "DC22",
});

/// `historicCode`: why a cover is history.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HistoricCode {
    /// CCLA: cancelled application.
    Ccla,
    /// RCLA: rejected application.
    Rcla,
    /// SCLA: superseded application.
    Scla,
    /// TCLA: transferred application.
    Tcla,
    /// ARCH: archived.
    Arch,
    /// CCLD: cancelled decision.
    Ccld,
    /// CIND: cancelled indication.
    Cind,
    /// ECLD: expired decision.
    Ecld,
    /// PCLD: cancelled by the cancellation of the policy.
    Pcld,
    /// SCLD: superseded decision.
    Scld,
    /// TCLD: transferred decision.
    Tcld,
    /// WCLD: withdrawn decision.
    Wcld,
    /// ACLD: amended decision.
    Acld,
    /// ICLD: re-issued decision.
    Icld,
    /// MCLD: maintained decision.
    Mcld,
    /// A code this library does not know, as received.
    Other(String),
}

codes!(HistoricCode {
    Ccla = "CCLA",
    Rcla = "RCLA",
    Scla = "SCLA",
    Tcla = "TCLA",
    Arch = "ARCH",
    Ccld = "CCLD",
    Cind = "CIND",
    Ecld = "ECLD",
    Pcld = "PCLD",
    Scld = "SCLD",
    Tcld = "TCLD",
    Wcld = "WCLD",
    Acld = "ACLD",
    Icld = "ICLD",
    Mcld = "MCLD",
});

/// `pendingProcessIndicator` (appendix "Batch Action Indicators"): an action queued on a cover.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PendingProcessIndicator {
    /// B: a batch change of conditions is pending.
    ConditionsChange,
    /// C: a cancellation (the customer's) is pending.
    Cancellation,
    /// F: a future withdrawal (Atradius') is scheduled.
    WithdrawalScheduled,
    /// P: a future withdrawal was postponed.
    WithdrawalPostponed,
    /// R: a reactivation is pending.
    Reactivation,
    /// T: a transfer is pending.
    Transfer,
    /// V: the conversion of an indication is pending.
    IndicationConversion,
    /// W: a withdrawal (Atradius') is pending.
    Withdrawal,
    /// A code this library does not know, as received.
    Other(String),
}

codes!(PendingProcessIndicator {
    ConditionsChange = "B",
    Cancellation = "C",
    WithdrawalScheduled = "F",
    WithdrawalPostponed = "P",
    Reactivation = "R",
    Transfer = "T",
    IndicationConversion = "V",
    Withdrawal = "W",
});

impl CoverStatus {
    /// The neutral status of this code on its own: REFERRED is pending underwriting; DECISION
    /// alone does not say what was decided, so it has none (see [`cover_report`]).
    pub fn status(&self) -> Option<Status> {
        match self {
            Self::Referred => Some(Status::Pending(PendingReason::Underwriting)),
            Self::Decision | Self::Other(_) => None,
        }
    }
}

impl DecisionCode {
    /// The neutral status of this code (see the module documentation for the uncertain ones).
    pub fn status(&self) -> Option<Status> {
        use Status::{Cancelled, Decided, Pending, Reduced};
        Some(match self {
            Self::Dc01 | Self::Dc11 => Decided(Outcome::Full),
            Self::Dc02 | Self::Dc04 | Self::Dc05 | Self::Dc06 | Self::Dc10 => {
                Decided(Outcome::Partial)
            }
            Self::Dc03 => Decided(Outcome::Refused),
            Self::Dc07 => Pending(PendingReason::Underwriting),
            Self::Dc08 | Self::Dc21 => Cancelled,
            Self::Dc09 | Self::Dc22 => Reduced,
            Self::Other(_) => return None,
        })
    }
}

impl HistoricCode {
    /// The neutral status of a cover that is history for this reason.
    pub fn status(&self) -> Option<Status> {
        use Status::{Cancelled, Decided, Expired, Superseded, Withdrawn};
        Some(match self {
            Self::Ccla | Self::Ccld | Self::Cind => Withdrawn,
            Self::Rcla => Decided(Outcome::Refused),
            Self::Scla | Self::Tcla | Self::Scld | Self::Tcld => Superseded,
            Self::Acld | Self::Icld | Self::Mcld => Superseded,
            Self::Arch | Self::Pcld | Self::Wcld => Cancelled,
            Self::Ecld => Expired,
            Self::Other(_) => return None,
        })
    }
}

impl PendingProcessIndicator {
    /// The neutral status this indicator stands for on its own: a queued cancellation by the
    /// customer is "under withdrawal" ([`Status::Withdrawn`]), a queued or scheduled withdrawal
    /// by Atradius is "under cancellation" ([`Status::Cancelled`]), any other queued action is
    /// [`PendingReason::OnHold`].
    pub fn status(&self) -> Option<Status> {
        Some(match self {
            Self::Cancellation => Status::Withdrawn,
            Self::Withdrawal | Self::WithdrawalScheduled | Self::WithdrawalPostponed => {
                Status::Cancelled
            }
            Self::ConditionsChange | Self::Reactivation | Self::Transfer => {
                Status::Pending(PendingReason::OnHold)
            }
            Self::IndicationConversion => Status::Pending(PendingReason::OnHold),
            Self::Other(_) => return None,
        })
    }

    /// Whether the queued action ends the cover (C, W, F, P).
    fn ends_cover(&self) -> bool {
        matches!(
            self,
            Self::Cancellation
                | Self::Withdrawal
                | Self::WithdrawalScheduled
                | Self::WithdrawalPostponed
        )
    }
}

fn report(status: Option<Status>, scheme: &str, code: &str) -> StatusReport {
    StatusReport {
        status,
        raw: RawStatus::new(scheme, code.trim()),
    }
}

/// Maps a `coverStatus` code.
pub fn cover_status_report(code: &str) -> StatusReport {
    report(CoverStatus::parse(code).status(), COVER_STATUS_SCHEME, code)
}

/// Maps a `decisionCode`.
pub fn decision_code_report(code: &str) -> StatusReport {
    report(
        DecisionCode::parse(code).status(),
        DECISION_CODE_SCHEME,
        code,
    )
}

/// Maps a `historicCode`.
pub fn historic_code_report(code: &str) -> StatusReport {
    report(
        HistoricCode::parse(code).status(),
        HISTORIC_CODE_SCHEME,
        code,
    )
}

/// Maps a `pendingProcessIndicator`.
pub fn pending_indicator_report(code: &str) -> StatusReport {
    report(
        PendingProcessIndicator::parse(code).status(),
        PENDING_INDICATOR_SCHEME,
        code,
    )
}

/// The raw codes of one cover, as received (blank counts as absent).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CoverCodes<'a> {
    /// `coverStatus`.
    pub cover_status: Option<&'a str>,
    /// `decisionCode`.
    pub decision_code: Option<&'a str>,
    /// `historicCode`.
    pub historic_code: Option<&'a str>,
    /// `pendingProcessIndicator`.
    pub pending_process_indicator: Option<&'a str>,
}

impl CoverCodes<'_> {
    /// Whether no code is given.
    pub fn is_empty(&self) -> bool {
        [
            self.cover_status,
            self.decision_code,
            self.historic_code,
            self.pending_process_indicator,
        ]
        .iter()
        .all(|code| present(*code).is_none())
    }
}

fn present(code: Option<&str>) -> Option<&str> {
    code.map(str::trim).filter(|code| !code.is_empty())
}

/// The neutral status of one cover, from its codes and (for a DECISION without a decision code)
/// its amounts in minor units of the policy currency. The report's raw code is the one that
/// decided the status:
///
/// 1. a `historicCode` — the cover is history — decides alone (unknown: no status);
/// 2. `coverStatus` REFERRED is pending underwriting;
/// 3. otherwise the `decisionCode` decides (unknown: no status, never guessed from amounts);
///    without one, DECISION is refused when nothing was granted, partial when less than
///    requested was granted, full otherwise, and unknown without a granted amount;
/// 4. a pending action that ends the cover (C, W, F, P) turns a cover in force into "under
///    withdrawal" / "under cancellation"; a pending reactivation (R) turns an ended cover into
///    pending; other pending actions (B, T, V) leave a cover in force as it is.
pub fn cover_report(
    codes: &CoverCodes<'_>,
    granted_minor: Option<i64>,
    requested_minor: Option<i64>,
) -> StatusReport {
    if let Some(code) = present(codes.historic_code) {
        return historic_code_report(code);
    }
    let cover_status = present(codes.cover_status);
    let parsed_status = cover_status.map(CoverStatus::parse);
    if parsed_status == Some(CoverStatus::Referred) {
        return cover_status_report(cover_status.unwrap_or_default());
    }
    let base = if let Some(code) = present(codes.decision_code) {
        decision_code_report(code)
    } else if parsed_status == Some(CoverStatus::Decision) {
        let outcome = granted_minor.map(|granted| match requested_minor {
            _ if granted <= 0 => Outcome::Refused,
            Some(requested) if granted < requested => Outcome::Partial,
            _ => Outcome::Full,
        });
        report(
            outcome.map(Status::Decided),
            COVER_STATUS_SCHEME,
            cover_status.unwrap_or_default(),
        )
    } else if let Some(code) = cover_status {
        cover_status_report(code)
    } else if let Some(code) = present(codes.pending_process_indicator) {
        return pending_indicator_report(code);
    } else {
        report(None, COVER_STATUS_SCHEME, "")
    };
    let Some(code) = present(codes.pending_process_indicator) else {
        return base;
    };
    let indicator = PendingProcessIndicator::parse(code);
    let overrides = match base.status {
        Some(status) if status.is_in_force() => indicator.ends_cover(),
        Some(Status::Cancelled | Status::Withdrawn | Status::Expired) => {
            indicator == PendingProcessIndicator::Reactivation
        }
        _ => false,
    };
    if overrides {
        pending_indicator_report(code)
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_keep_unknowns() {
        assert_eq!(DecisionCode::parse(" dc03 "), DecisionCode::Dc03);
        assert_eq!(DecisionCode::parse("DC03").as_str(), "DC03");
        assert_eq!(
            DecisionCode::parse("DC99"),
            DecisionCode::Other("DC99".into())
        );
        assert_eq!(DecisionCode::parse("DC99").to_string(), "DC99");
        assert_eq!(
            PendingProcessIndicator::parse("v"),
            PendingProcessIndicator::IndicationConversion
        );
        assert_eq!(HistoricCode::parse("MCLD").as_str(), "MCLD");
        assert_eq!(CoverStatus::parse("referred"), CoverStatus::Referred);
    }

    #[test]
    fn reports_keep_the_raw_code() {
        let report = decision_code_report(" DC12 ");
        assert_eq!(report.status, None);
        assert_eq!(report.raw, RawStatus::new("atradius.decisionCode", "DC12"));
    }

    #[test]
    fn empty_codes() {
        assert!(CoverCodes::default().is_empty());
        assert!(CoverCodes {
            decision_code: Some("  "),
            ..CoverCodes::default()
        }
        .is_empty());
        let report = cover_report(&CoverCodes::default(), Some(1), None);
        assert_eq!(report.status, None);
        assert_eq!(report.raw, RawStatus::new("atradius.coverStatus", ""));
    }
}
