//! De-duplication of notifications in bounded memory: remembers each key (SNS `MessageId`,
//! Allianz Trade notification id) for a time-to-live, and at most a fixed number of keys.

use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Most keys remembered; past it the oldest are forgotten first (a message replayed after
/// that many newer ones would be taken as new — the timestamp check still bounds its age).
pub const SEEN_IDS_CAPACITY: usize = 65_536;

#[derive(Debug, Default)]
struct Seen {
    order: VecDeque<(Instant, String)>,
    keys: HashSet<String>,
}

/// Keys already handled.
#[derive(Debug)]
pub struct SeenIds {
    seen: Mutex<Seen>,
    capacity: usize,
    ttl: Duration,
}

impl SeenIds {
    /// Remembers up to `capacity` keys, each for `ttl`.
    pub fn new(capacity: usize, ttl: Duration) -> Self {
        Self {
            seen: Mutex::new(Seen::default()),
            capacity: capacity.max(1),
            ttl,
        }
    }

    /// Records `key` at `now`; `true` if it was not already remembered.
    pub fn first_time(&self, key: &str, now: Instant) -> bool {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        while let Some((at, _)) = seen.order.front() {
            let expired = now.saturating_duration_since(*at) >= self.ttl;
            if !expired && seen.order.len() < self.capacity {
                break;
            }
            if let Some((_, old)) = seen.order.pop_front() {
                seen.keys.remove(&old);
            }
        }
        if seen.keys.contains(key) {
            return false;
        }
        seen.keys.insert(key.to_owned());
        seen.order.push_back((now, key.to_owned()));
        true
    }

    /// How many keys are remembered.
    pub fn len(&self) -> usize {
        self.seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .keys
            .len()
    }

    /// Whether no key is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_counts_once_until_it_expires() {
        let seen = SeenIds::new(10, Duration::from_secs(60));
        let start = Instant::now();
        assert!(seen.first_time("a", start));
        assert!(!seen.first_time("a", start + Duration::from_secs(59)));
        assert!(seen.first_time("b", start));
        assert!(seen.first_time("a", start + Duration::from_secs(60)));
    }

    #[test]
    fn memory_is_bounded() {
        let seen = SeenIds::new(3, Duration::from_secs(60));
        let now = Instant::now();
        for key in ["a", "b", "c", "d"] {
            assert!(seen.first_time(key, now));
        }
        assert_eq!(seen.len(), 3);
        assert!(!seen.first_time("d", now));
        assert!(seen.first_time("a", now), "the oldest key was forgotten");
    }
}
