//! Fresh correlation ids (UUID v4 text) for Atradius calls. They only need to be unique, not
//! secret: 128 bits from the standard library's randomly keyed SipHash over a process counter
//! and the time, so no random-number crate is needed.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use tradecover_core::atradius::correlation_id;

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A new correlation id, different on every call.
pub fn fresh_correlation_id() -> String {
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_nanos())
        .unwrap_or(0);
    let mut random = [0u8; 16];
    for (half, chunk) in random.chunks_mut(8).enumerate() {
        let hash = RandomState::new().hash_one((count, nanos, half));
        chunk.copy_from_slice(&hash.to_le_bytes());
    }
    correlation_id(random)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct_uuids() {
        let ids: std::collections::HashSet<String> =
            (0..1000).map(|_| fresh_correlation_id()).collect();
        assert_eq!(ids.len(), 1000);
        let id = ids.iter().next().unwrap();
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
    }
}
