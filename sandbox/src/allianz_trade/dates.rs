//! Sandbox time as Allianz Trade writes dates: `2026-12-01` and `2026-12-01T09:12:44Z`.
//!
//! Sandbox time zero is the wall-clock second at which the simulation started, so dates look
//! current and move on when tests advance the clock.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tradecover_core::civil_date::{iso_date, rfc3339_utc};

/// Maps sandbox time to calendar dates.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Calendar {
    /// Unix second at sandbox time zero.
    epoch: u64,
}

impl Calendar {
    /// A calendar whose sandbox time `now` is the current wall-clock time.
    pub(crate) fn starting_now(now: Duration) -> Self {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|since| since.as_secs())
            .unwrap_or_default();
        Self {
            epoch: wall.saturating_sub(now.as_secs()),
        }
    }

    /// A calendar whose sandbox time zero is the Unix second `epoch`.
    #[cfg(test)]
    pub(crate) fn at_epoch(epoch: u64) -> Self {
        Self { epoch }
    }

    /// `YYYY-MM-DD` of sandbox time `at`.
    pub(crate) fn date(&self, at: Duration) -> String {
        iso_date(self.unix(at))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` of sandbox time `at`.
    pub(crate) fn timestamp(&self, at: Duration) -> String {
        rfc3339_utc(self.unix(at))
    }

    fn unix(&self, at: Duration) -> u64 {
        self.epoch.saturating_add(at.as_secs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_known_dates() {
        let calendar = Calendar::at_epoch(0);
        assert_eq!(calendar.timestamp(Duration::ZERO), "1970-01-01T00:00:00Z");
        // 2024-02-29T23:59:59Z is 1709251199.
        assert_eq!(
            calendar.timestamp(Duration::from_secs(1_709_251_199)),
            "2024-02-29T23:59:59Z"
        );
        assert_eq!(
            calendar.date(Duration::from_secs(1_709_251_200)),
            "2024-03-01"
        );
        assert_eq!(
            Calendar::at_epoch(951_782_400).date(Duration::ZERO),
            "2000-02-29"
        );
    }
}
