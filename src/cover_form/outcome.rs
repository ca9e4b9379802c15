//! The outcome shown after submitting: the neutral status of the insurer's answer, as one of a
//! few kinds each with its title and "what happens next".

use tradecover_core::lifecycle::{Outcome, PendingReason, Status};

/// What the insurer's answer amounts to, for the person who applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeKind {
    /// Granted as requested.
    Granted,
    /// Granted for less, or with conditions.
    Partial,
    /// Refused.
    Refused,
    /// Referred to an underwriter.
    Referred,
    /// The insurer is identifying the buyer.
    Identification,
    /// The insurer needs more information.
    Information,
    /// Waiting, no reason given.
    OnHold,
    /// Accepted; no status yet.
    Submitted,
    /// An asynchronous request being processed (Allianz Trade job), checked again later.
    Processing,
}

impl OutcomeKind {
    /// The kind of a neutral status (`None`: a code the mapping does not know).
    pub fn of(status: Option<Status>) -> Self {
        match status {
            Some(Status::Decided(Outcome::Full)) => Self::Granted,
            Some(Status::Decided(Outcome::Partial)) | Some(Status::Reduced) => Self::Partial,
            Some(Status::Decided(Outcome::Refused)) => Self::Refused,
            Some(Status::Pending(PendingReason::Underwriting)) => Self::Referred,
            Some(Status::Pending(PendingReason::Identification)) => Self::Identification,
            Some(Status::Pending(PendingReason::ComplementaryInformation)) => Self::Information,
            Some(Status::Pending(PendingReason::OnHold)) => Self::OnHold,
            _ => Self::Submitted,
        }
    }

    /// The name in the `data-outcome` attribute: `granted`, `partial`, `refused`, `referred`,
    /// `identification`, `information`, `on-hold`, `submitted`, `processing`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Granted => "granted",
            Self::Partial => "partial",
            Self::Refused => "refused",
            Self::Referred => "referred",
            Self::Identification => "identification",
            Self::Information => "information",
            Self::OnHold => "on-hold",
            Self::Submitted => "submitted",
            Self::Processing => "processing",
        }
    }

    /// Catalogue key of the title.
    pub fn title_key(self) -> &'static str {
        match self {
            Self::Granted => "outcome.granted",
            Self::Partial => "outcome.partial",
            Self::Refused => "outcome.refused",
            Self::Referred => "outcome.referred",
            Self::Identification => "outcome.identification",
            Self::Information => "outcome.information",
            Self::OnHold => "outcome.on_hold",
            Self::Submitted => "outcome.submitted",
            Self::Processing => "outcome.processing",
        }
    }

    /// Catalogue key of what happens next.
    pub fn next_key(self) -> &'static str {
        match self {
            Self::Granted | Self::Partial => "next.granted",
            Self::Refused => "next.refused",
            Self::Referred => "next.referred",
            Self::Identification => "next.identification",
            Self::Information => "next.information",
            Self::OnHold => "next.on_hold",
            Self::Submitted => "next.submitted",
            Self::Processing => "next.processing",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_kinds() {
        assert_eq!(
            OutcomeKind::of(Some(Status::Decided(Outcome::Partial))),
            OutcomeKind::Partial
        );
        assert_eq!(
            OutcomeKind::of(Some(Status::Pending(PendingReason::Underwriting))),
            OutcomeKind::Referred
        );
        assert_eq!(OutcomeKind::of(None), OutcomeKind::Submitted);
        assert_eq!(
            OutcomeKind::of(Some(Status::Submitted)),
            OutcomeKind::Submitted
        );
        assert_eq!(OutcomeKind::Refused.next_key(), "next.refused");
    }
}
