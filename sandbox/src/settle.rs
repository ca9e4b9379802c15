//! Decisions that fall due as sandbox time passes (referred applications, pending jobs and
//! orders, the insurers' reviews and expiries of granted covers). Each insurer simulation implements [`Settle`]; the sandbox calls every
//! one of them after each clock advance (`POST /__sandbox/clock/advance`) and, when the sandbox
//! runs inside a tokio runtime, from a ticker every [`TICK`] of real time, so that what falls due
//! is decided — and notified through the outbox — without anyone polling. Simulations also
//! settle at the start of each of their own requests, so an answer never shows a stale state.

use std::sync::{Arc, Weak};
use std::time::Duration;

use crate::clock::Clock;

/// How often the ticker settles what fell due in real time.
pub const TICK: Duration = Duration::from_millis(100);

/// Something whose state moves on with sandbox time.
pub(crate) trait Settle: Send + Sync {
    /// Decides everything that is due at sandbox time `now` (idempotent: settling twice at the
    /// same time changes nothing the second time).
    fn settle(&self, now: Duration);
}

/// Every simulation to settle, in a fixed order.
#[derive(Clone, Default)]
pub(crate) struct Settlers {
    all: Vec<Arc<dyn Settle>>,
}

impl std::fmt::Debug for Settlers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settlers")
            .field("count", &self.all.len())
            .finish()
    }
}

impl Settlers {
    /// Adds `settler` to the list.
    pub(crate) fn add(&mut self, settler: Arc<dyn Settle>) {
        self.all.push(settler);
    }

    /// Settles every simulation at the clock's current time.
    pub(crate) fn settle_all(&self, clock: &Clock) {
        let now = clock.now();
        for settler in &self.all {
            settler.settle(now);
        }
    }

    /// Starts the real-time ticker on the current tokio runtime, if there is one. The ticker
    /// holds only weak references and ends once the sandbox is dropped.
    pub(crate) fn start_ticker(&self, clock: &Arc<Clock>) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let weak: Vec<Weak<dyn Settle>> = self.all.iter().map(Arc::downgrade).collect();
        let clock = Arc::downgrade(clock);
        runtime.spawn(async move {
            let mut interval = tokio::time::interval(TICK);
            interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
            loop {
                interval.tick().await;
                let Some(clock) = clock.upgrade() else { return };
                let now = clock.now();
                for settler in &weak {
                    match settler.upgrade() {
                        Some(settler) => settler.settle(now),
                        None => return,
                    }
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Recorder(Mutex<Vec<Duration>>);

    impl Settle for Recorder {
        fn settle(&self, now: Duration) {
            self.0.lock().unwrap().push(now);
        }
    }

    #[test]
    fn settles_every_simulation_at_the_clock_time() {
        let clock = Clock::new();
        clock.advance(Duration::from_secs(500));
        let recorder = Arc::new(Recorder::default());
        let mut settlers = Settlers::default();
        settlers.add(recorder.clone());
        settlers.settle_all(&clock);
        let seen = recorder.0.lock().unwrap().clone();
        assert_eq!(seen.len(), 1);
        assert!(seen[0] >= Duration::from_secs(500));
    }

    #[tokio::test]
    async fn the_ticker_settles_in_real_time_and_stops_with_the_sandbox() {
        let clock = Arc::new(Clock::new());
        let recorder = Arc::new(Recorder::default());
        let mut settlers = Settlers::default();
        settlers.add(recorder.clone());
        settlers.start_ticker(&clock);
        tokio::time::sleep(TICK * 3).await;
        assert!(!recorder.0.lock().unwrap().is_empty());
        drop(settlers);
        let weak = Arc::downgrade(&recorder);
        drop(recorder);
        tokio::time::sleep(TICK * 2).await;
        assert!(weak.upgrade().is_none());
    }
}
