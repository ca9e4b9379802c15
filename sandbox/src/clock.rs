//! The sandbox clock: real elapsed time plus an offset that tests can advance
//! (`POST /__sandbox/clock/advance`) to expire tokens or lockouts without sleeping. A manual
//! clock ([`Clock::manual`]) ignores real time altogether, so a test that asserts a state
//! before advancing cannot be overtaken by a slow machine.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Time since the sandbox started, as seen by token expiry and login lockouts.
#[derive(Debug)]
pub(crate) struct Clock {
    /// When real time started counting; `None` for a manual clock.
    start: Option<Instant>,
    offset: Mutex<Duration>,
}

impl Clock {
    /// A clock starting now with no offset.
    pub(crate) fn new() -> Self {
        Self {
            start: Some(Instant::now()),
            offset: Mutex::new(Duration::ZERO),
        }
    }

    /// A clock that stands still at zero until advanced.
    pub(crate) fn manual() -> Self {
        Self {
            start: None,
            offset: Mutex::new(Duration::ZERO),
        }
    }

    fn offset(&self) -> Duration {
        *self.offset.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Sandbox time: real elapsed time plus every advance so far.
    pub(crate) fn now(&self) -> Duration {
        self.start.map(|start| start.elapsed()).unwrap_or_default() + self.offset()
    }

    /// Moves sandbox time forward; returns the total offset.
    pub(crate) fn advance(&self, by: Duration) -> Duration {
        let mut offset = self.offset.lock().unwrap_or_else(|p| p.into_inner());
        *offset = offset.saturating_add(by);
        *offset
    }
}

#[cfg(test)]
mod tests {
    use super::Clock;
    use std::time::Duration;

    #[test]
    fn a_manual_clock_moves_only_when_advanced() {
        let clock = Clock::manual();
        assert_eq!(clock.now(), Duration::ZERO);
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(clock.now(), Duration::ZERO);
        clock.advance(Duration::from_secs(2));
        assert_eq!(clock.now(), Duration::from_secs(2));
    }

    #[test]
    fn advancing_moves_time_forward() {
        let clock = Clock::new();
        let before = clock.now();
        assert_eq!(
            clock.advance(Duration::from_secs(3600)),
            Duration::from_secs(3600)
        );
        assert!(clock.now() >= before + Duration::from_secs(3600));
        assert_eq!(
            clock.advance(Duration::from_secs(1)),
            Duration::from_secs(3601)
        );
    }
}
