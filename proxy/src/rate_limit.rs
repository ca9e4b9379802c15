//! Per-client token buckets: each client IP address may make `burst` requests at once and
//! `requests_per_second` on average; beyond that the proxy answers `429` with `Retry-After`.
//! Loopback clients are exempt when configured (a reverse proxy or a load test on the host).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

use crate::config::RateLimitConfig;

/// Buckets kept before idle (full) ones are dropped.
const MAX_TRACKED_CLIENTS: usize = 100_000;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// The rate limiter.
#[derive(Debug)]
pub struct RateLimiter {
    config: RateLimitConfig,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

impl RateLimiter {
    /// A limiter with `config`.
    pub fn new(config: RateLimitConfig) -> Self {
        Self {
            config,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `client` at `now`: `Ok` if allowed, else `Err(seconds to wait)`.
    pub fn check(&self, client: IpAddr, now: Instant) -> Result<(), u64> {
        if self.config.exempt_loopback && client.is_loopback() {
            return Ok(());
        }
        let rate = self.config.requests_per_second.max(f64::MIN_POSITIVE);
        let burst = f64::from(self.config.burst.max(1));
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() >= MAX_TRACKED_CLIENTS {
            buckets.retain(|_, bucket| {
                bucket.tokens + now.saturating_duration_since(bucket.updated).as_secs_f64() * rate
                    < burst
            });
        }
        let bucket = buckets.entry(client).or_insert(Bucket {
            tokens: burst,
            updated: now,
        });
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - bucket.tokens) / rate).ceil();
            Err((wait as u64).max(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn limiter(exempt_loopback: bool) -> RateLimiter {
        RateLimiter::new(RateLimitConfig {
            requests_per_second: 2.0,
            burst: 3,
            exempt_loopback,
        })
    }

    #[test]
    fn a_burst_then_the_sustained_rate() {
        let limiter = limiter(true);
        let client: IpAddr = "203.0.113.7".parse().unwrap();
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.check(client, start), Ok(()));
        }
        assert_eq!(limiter.check(client, start), Err(1));
        let other: IpAddr = "203.0.113.8".parse().unwrap();
        assert_eq!(limiter.check(other, start), Ok(()));
        assert_eq!(
            limiter.check(client, start + Duration::from_millis(500)),
            Ok(())
        );
        assert!(limiter
            .check(client, start + Duration::from_millis(500))
            .is_err());
    }

    #[test]
    fn loopback_is_exempt_only_when_configured() {
        let loopback: IpAddr = "127.0.0.1".parse().unwrap();
        let now = Instant::now();
        let exempt = limiter(true);
        assert!((0..100).all(|_| exempt.check(loopback, now).is_ok()));
        let limited = limiter(false);
        assert_eq!(
            (0..100)
                .filter(|_| limited.check(loopback, now).is_ok())
                .count(),
            3
        );
    }
}
