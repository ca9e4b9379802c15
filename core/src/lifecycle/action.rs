//! What a user may do with a decision, by insurer and status: the widgets ask the machine, they
//! never decide it themselves.

use serde::{Deserialize, Serialize};

use super::status::{Outcome, Status};
use crate::insurer::Insurer;

/// An action on a cover or decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    /// Ask for more (Atradius supersede, Coface UPDT, Allianz Trade new request).
    Increase,
    /// Ask for less.
    Reduce,
    /// End the cover (Atradius cancel; Allianz Trade cancellation request).
    Cancel,
    /// Delete the product (Coface DELE, needs the delivery id).
    Delete,
    /// Stop the monitoring of a monitored product (Coface STOP; needed before deleting
    /// SCOREMON and ARATINGMON).
    Stop,
    /// Turn an indication into a credit limit (Atradius).
    Convert,
    /// Set or erase the seller's reference for the buyer.
    SetReference,
}

/// What the machine needs to know about the product besides its status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProductFacts {
    /// The cover is an indication (Atradius), not a credit limit.
    pub is_indication: bool,
    /// The product is monitored (Coface SCOREMON, ARATINGMON) and still running.
    pub monitoring_active: bool,
    /// The insurer gave a delivery id (Coface: deleting needs it).
    pub has_delivery_id: bool,
}

/// The actions allowed on a decision of `insurer` in `status`, in a stable order.
pub fn allowed_actions(insurer: Insurer, status: Status, facts: ProductFacts) -> Vec<Action> {
    use Action::*;
    let in_force = status.is_in_force();
    let mut actions = Vec::new();
    match insurer {
        Insurer::Atradius => {
            if in_force {
                if facts.is_indication {
                    actions.push(Convert);
                } else {
                    actions.extend([Increase, Reduce]);
                }
                actions.push(Cancel);
            }
            if !status.is_final() && status != Status::Draft {
                actions.push(SetReference);
            }
        }
        Insurer::Coface => {
            if in_force {
                actions.extend([Increase, Reduce]);
            }
            // A product can only be deleted once Coface decided (a delivery id exists); an order
            // cannot be deleted while pending. Monitored products are stopped first.
            let decided = matches!(status, Status::Decided(_) | Status::Reduced);
            if decided && facts.has_delivery_id {
                actions.push(if facts.monitoring_active {
                    Stop
                } else {
                    Delete
                });
            }
            // The customer reference belongs to the company, not to the product.
            if status != Status::Draft {
                actions.push(SetReference);
            }
        }
        Insurer::AllianzTrade => {
            if in_force {
                actions.extend([Increase, Reduce, Cancel]);
            }
        }
    }
    if status == Status::Decided(Outcome::Refused) {
        actions.retain(|action| *action == SetReference);
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::status::PendingReason;

    const NONE: ProductFacts = ProductFacts {
        is_indication: false,
        monitoring_active: false,
        has_delivery_id: false,
    };

    #[test]
    fn atradius_in_force_limit_and_indication() {
        let granted = Status::Decided(Outcome::Partial);
        assert_eq!(
            allowed_actions(Insurer::Atradius, granted, NONE),
            [
                Action::Increase,
                Action::Reduce,
                Action::Cancel,
                Action::SetReference
            ]
        );
        let indication = ProductFacts {
            is_indication: true,
            ..NONE
        };
        assert_eq!(
            allowed_actions(Insurer::Atradius, granted, indication),
            [Action::Convert, Action::Cancel, Action::SetReference]
        );
        let referred = Status::Pending(PendingReason::Underwriting);
        assert_eq!(
            allowed_actions(Insurer::Atradius, referred, NONE),
            [Action::SetReference]
        );
        assert!(allowed_actions(Insurer::Atradius, Status::Cancelled, NONE).is_empty());
    }

    #[test]
    fn coface_deletes_with_a_delivery_id_and_stops_monitoring_first() {
        let granted = Status::Decided(Outcome::Full);
        let delivered = ProductFacts {
            has_delivery_id: true,
            ..NONE
        };
        assert_eq!(
            allowed_actions(Insurer::Coface, granted, delivered),
            [
                Action::Increase,
                Action::Reduce,
                Action::Delete,
                Action::SetReference
            ]
        );
        let monitored = ProductFacts {
            monitoring_active: true,
            ..delivered
        };
        assert!(allowed_actions(Insurer::Coface, granted, monitored).contains(&Action::Stop));
        assert!(!allowed_actions(Insurer::Coface, granted, monitored).contains(&Action::Delete));
        assert!(!allowed_actions(Insurer::Coface, granted, NONE).contains(&Action::Delete));
        let pending = Status::Pending(PendingReason::Identification);
        assert_eq!(
            allowed_actions(Insurer::Coface, pending, delivered),
            [Action::SetReference]
        );
        let refused = Status::Decided(Outcome::Refused);
        assert_eq!(
            allowed_actions(Insurer::Coface, refused, delivered),
            [Action::SetReference]
        );
    }

    #[test]
    fn nothing_is_allowed_on_a_draft() {
        for insurer in Insurer::ALL {
            assert!(allowed_actions(insurer, Status::Draft, NONE).is_empty());
        }
    }
}
