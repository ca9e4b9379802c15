//! The proxy's notion of "now" in Unix seconds (token expiry, Coface lockouts): the system clock,
//! or a manual clock that tests set and advance instead of sleeping.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// Source of the current Unix second.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    manual: Option<Arc<AtomicU64>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Self { manual: None }
    }

    /// A clock that stays at `start` until [`Clock::advance`]d.
    pub fn manual(start: u64) -> Self {
        Self {
            manual: Some(Arc::new(AtomicU64::new(start))),
        }
    }

    /// The current Unix second (0 if the system clock is before the epoch).
    pub fn now(&self) -> u64 {
        match &self.manual {
            Some(now) => now.load(Ordering::SeqCst),
            None => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|elapsed| elapsed.as_secs())
                .unwrap_or(0),
        }
    }

    /// Moves a manual clock forward by `seconds`; the system clock cannot be moved.
    pub fn advance(&self, seconds: u64) {
        if let Some(now) = &self.manual {
            now.fetch_add(seconds, Ordering::SeqCst);
        }
    }
}
