//! When to ask the insurer again about a pending application: exponential backoff with bounded,
//! seeded jitter, honouring Retry-After. Pure: time (Unix seconds) and randomness (a seed) come in.

use serde::{Deserialize, Serialize};

/// How polling backs off.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PollingPolicy {
    /// Delay before the first check after submitting, in seconds.
    pub initial_delay: u64,
    /// Factor applied to the delay after each check.
    pub factor: u32,
    /// Longest delay between two checks, in seconds.
    pub max_delay: u64,
    /// Jitter as a fraction of the delay, between 0 and 0.5: the delay is drawn in
    /// `[delay × (1 − jitter), delay × (1 + jitter)]`.
    pub jitter: f64,
}

impl Default for PollingPolicy {
    /// 30 s, doubling, at most one hour, ±20 %.
    fn default() -> Self {
        Self {
            initial_delay: 30,
            factor: 2,
            max_delay: 3600,
            jitter: 0.2,
        }
    }
}

/// What has happened so far for one pending application.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PollHistory {
    /// When the application was sent.
    pub submitted_at: u64,
    /// How many checks were made.
    pub checks: u32,
    /// When the last check was made.
    pub last_check_at: Option<u64>,
    /// Earliest time the insurer asked to be called again (from Retry-After), absolute.
    pub retry_after: Option<u64>,
    /// Seed of the jitter: the same seed gives the same schedule.
    pub seed: u64,
}

/// When to check next (Unix seconds): never before `now`, never before the insurer's
/// Retry-After, otherwise the backed-off delay after the last check (or the submission).
pub fn next_check_at(now: u64, history: &PollHistory, policy: &PollingPolicy) -> u64 {
    let base = history.last_check_at.unwrap_or(history.submitted_at);
    let delay = backoff(history.checks, policy);
    let jittered = jitter(delay, policy.jitter, history.seed, history.checks);
    base.saturating_add(jittered)
        .max(history.retry_after.unwrap_or(0))
        .max(now)
}

/// The un-jittered delay after `checks` checks.
fn backoff(checks: u32, policy: &PollingPolicy) -> u64 {
    let factor = u64::from(policy.factor.max(1));
    let mut delay = policy.initial_delay.max(1);
    for _ in 0..checks {
        delay = delay.saturating_mul(factor);
        if delay >= policy.max_delay {
            break;
        }
    }
    delay.min(policy.max_delay.max(1))
}

/// `delay` moved by a seeded amount within ±`fraction` (clamped to [0, 0.5]).
fn jitter(delay: u64, fraction: f64, seed: u64, checks: u32) -> u64 {
    let fraction = if fraction.is_finite() {
        fraction.clamp(0.0, 0.5)
    } else {
        0.0
    };
    let unit = splitmix64(seed ^ u64::from(checks).wrapping_mul(0x9E37_79B9_7F4A_7C15)) >> 11;
    let unit = unit as f64 / (1u64 << 53) as f64; // [0, 1)
    let offset = (unit * 2.0 - 1.0) * fraction * delay as f64;
    (delay as f64 + offset).round().max(1.0) as u64
}

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Parses a Retry-After header received at `now` into an absolute time: delta-seconds (`120`)
/// or an HTTP-date (`Sun, 06 Nov 1994 08:49:37 GMT`). `None` if it is neither.
pub fn parse_retry_after(value: &str, now: u64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return value
            .parse::<u64>()
            .ok()
            .map(|seconds| now.saturating_add(seconds));
    }
    parse_http_date(value)
}

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) to Unix seconds.
fn parse_http_date(value: &str) -> Option<u64> {
    let rest = value.split_once(", ")?.1;
    let mut parts = rest.split(' ');
    let day: u32 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i64 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':');
    let hour: u64 = clock.next()?.parse().ok()?;
    let minute: u64 = clock.next()?.parse().ok()?;
    let second: u64 = clock.next()?.parse().ok()?;
    if parts.next()? != "GMT" || parts.next().is_some() || clock.next().is_some() {
        return None;
    }
    if !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    if !(1..=9999).contains(&year) {
        return None;
    }
    let days = crate::civil_date::days_from_civil(year, month, day);
    let days = u64::try_from(days).ok()?;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(checks: u32, last: Option<u64>) -> PollHistory {
        PollHistory {
            submitted_at: 1_000,
            checks,
            last_check_at: last,
            retry_after: None,
            seed: 42,
        }
    }

    #[test]
    fn backs_off_exponentially_up_to_the_maximum() {
        let policy = PollingPolicy {
            jitter: 0.0,
            ..PollingPolicy::default()
        };
        assert_eq!(next_check_at(0, &history(0, None), &policy), 1_030);
        assert_eq!(next_check_at(0, &history(1, Some(1_030)), &policy), 1_090);
        assert_eq!(next_check_at(0, &history(2, Some(1_090)), &policy), 1_210);
        assert_eq!(next_check_at(0, &history(40, Some(5_000)), &policy), 8_600);
    }

    #[test]
    fn jitter_is_bounded_and_reproducible() {
        let policy = PollingPolicy::default();
        for seed in 0..500 {
            let h = PollHistory {
                seed,
                ..history(3, Some(2_000))
            };
            let at = next_check_at(0, &h, &policy);
            assert!(
                (2_000 + 192..=2_000 + 288).contains(&at),
                "seed {seed}: {at}"
            );
            assert_eq!(at, next_check_at(0, &h, &policy));
        }
        let spread: std::collections::BTreeSet<u64> = (0..50)
            .map(|seed| {
                next_check_at(
                    0,
                    &PollHistory {
                        seed,
                        ..history(3, Some(2_000))
                    },
                    &policy,
                )
            })
            .collect();
        assert!(spread.len() > 10, "the jitter spreads checks");
    }

    #[test]
    fn honours_retry_after_and_never_returns_the_past() {
        let policy = PollingPolicy::default();
        let h = PollHistory {
            retry_after: Some(50_000),
            ..history(0, None)
        };
        assert_eq!(next_check_at(0, &h, &policy), 50_000);
        assert_eq!(next_check_at(99_999, &history(0, None), &policy), 99_999);
    }

    #[test]
    fn parses_both_retry_after_forms() {
        assert_eq!(parse_retry_after("120", 1_000), Some(1_120));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 0),
            Some(784_111_777)
        );
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", 5),
            Some(0)
        );
        for bad in [
            "",
            "-1",
            "soon",
            "Sun, 06 Nov 1994 08:49:37 CET",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "1.5",
        ] {
            assert_eq!(parse_retry_after(bad, 0), None, "{bad}");
        }
    }

    #[test]
    fn hostile_policies_do_not_panic() {
        let policy = PollingPolicy {
            initial_delay: u64::MAX,
            factor: u32::MAX,
            max_delay: u64::MAX,
            jitter: f64::NAN,
        };
        let _ = next_check_at(u64::MAX, &history(u32::MAX, Some(u64::MAX)), &policy);
        let zero = PollingPolicy {
            initial_delay: 0,
            factor: 0,
            max_delay: 0,
            jitter: 7.0,
        };
        assert!(next_check_at(0, &history(3, None), &zero) >= 1_000);
    }
}
