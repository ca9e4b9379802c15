//! Random event sequences driven through the lifecycle: no panic, no undefined state, and the
//! history always tells a valid, time-ordered story.

use proptest::prelude::*;
use tradecover_core::lifecycle::{
    can_transition, Applied, Lifecycle, Outcome, PendingReason, RawStatus, Status, StatusReport,
};

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Draft),
        Just(Status::Submitted),
        prop_oneof![
            Just(PendingReason::Underwriting),
            Just(PendingReason::Identification),
            Just(PendingReason::ComplementaryInformation),
            Just(PendingReason::OnHold),
        ]
        .prop_map(Status::Pending),
        prop_oneof![
            Just(Outcome::Full),
            Just(Outcome::Partial),
            Just(Outcome::Refused)
        ]
        .prop_map(Status::Decided),
        Just(Status::Reduced),
        Just(Status::Cancelled),
        Just(Status::Expired),
        Just(Status::Withdrawn),
        Just(Status::Superseded),
    ]
}

fn event() -> impl Strategy<Value = (Option<Status>, u64)> {
    (proptest::option::weighted(0.9, status()), 0u64..10_000)
}

proptest! {
    #[test]
    fn any_sequence_keeps_a_valid_history(start in status(), events in proptest::collection::vec(event(), 0..60)) {
        let mut lifecycle = Lifecycle::starting(start, 0);
        let mut clock = 0u64;
        for (index, (status, step)) in events.into_iter().enumerate() {
            // Mostly forward in time, sometimes backwards (out-of-order notifications).
            let at = if index % 7 == 3 { clock.saturating_sub(step) } else { clock + step };
            let before = lifecycle.clone();
            let report = StatusReport { status, raw: RawStatus::new("prop", &format!("e{index}")) };
            match lifecycle.apply(&report, at) {
                Ok(Applied::Changed) => {
                    let to = status.expect("a change has a status");
                    prop_assert!(can_transition(before.status(), to));
                    prop_assert_eq!(lifecycle.status(), to);
                    prop_assert_eq!(lifecycle.history().len(), before.history().len() + 1);
                    clock = at;
                }
                Ok(Applied::Unchanged | Applied::UnknownCode) => {
                    prop_assert_eq!(lifecycle.status(), before.status());
                    prop_assert_eq!(lifecycle.history(), before.history());
                }
                Err(_) => prop_assert_eq!(&lifecycle, &before),
            }
            if before.status().is_final() {
                prop_assert_eq!(lifecycle.status(), before.status(), "a final status is never left");
            }
        }
        let mut previous = start;
        let mut time = 0;
        for transition in lifecycle.history() {
            prop_assert_eq!(transition.from, previous);
            prop_assert!(can_transition(transition.from, transition.to));
            prop_assert!(transition.at >= time);
            previous = transition.to;
            time = transition.at;
        }
    }
}
