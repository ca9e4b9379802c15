//! The sandbox clock: real elapsed time plus an offset that tests can advance
//! (`POST /__sandbox/clock/advance`) to expire tokens or lockouts without sleeping.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Time since the sandbox started, as seen by token expiry and login lockouts.
#[derive(Debug)]
pub(crate) struct Clock {
    start: Instant,
    offset: Mutex<Duration>,
}

impl Clock {
    /// A clock starting now with no offset.
    pub(crate) fn new() -> Self {
        Self {
            start: Instant::now(),
            offset: Mutex::new(Duration::ZERO),
        }
    }

    fn offset(&self) -> Duration {
        *self.offset.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Sandbox time: real elapsed time plus every advance so far.
    pub(crate) fn now(&self) -> Duration {
        self.start.elapsed() + self.offset()
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
