//! The CofaServe login lockout rule, as a pure state machine with time passed in.
//!
//! From the CofaServe "API account security" Q&A (the AWS Cognito behaviour):
//! - five failed attempts are allowed; the fifth failure starts the first temporary lockout;
//! - lockouts start at 1 s and double with each further failure (1, 2, 4, … 512 s), capped at
//!   15 minutes (900 s);
//! - during a lockout every attempt, even with the right password, is ignored (answered
//!   "Password attempts exceeded") and does not extend the lockout;
//! - after a lockout expires, the next failure starts a lockout twice as long as the last;
//! - a successful login after the lockout expired resets everything;
//! - 15 minutes without any attempt (ignored ones included) also reset everything.

use std::time::Duration;

/// Failed attempts allowed before the first lockout.
pub const ALLOWED_FAILURES: u32 = 5;
/// Length of the first lockout.
pub const FIRST_LOCKOUT: Duration = Duration::from_secs(1);
/// Longest lockout ("about 15 minutes").
pub const MAX_LOCKOUT: Duration = Duration::from_secs(900);
/// Quiet time after which the counters reset.
pub const QUIET_RESET: Duration = Duration::from_secs(900);

/// Whether an attempt may be evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// Check the credentials, then call [`Lockout::record_failure`] or [`Lockout::record_success`].
    Open,
    /// Ignore the attempt: the account is locked for `remaining` more.
    Locked {
        /// Time until the lockout ends.
        remaining: Duration,
    },
}

/// Lockout state of one user name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lockout {
    failures: u32,
    last_lockout: Option<Duration>,
    locked_until: Option<Duration>,
    last_attempt: Option<Duration>,
}

impl Lockout {
    /// Registers an attempt at `now` (time since any fixed origin) and says whether to
    /// evaluate it.
    pub fn begin_attempt(&mut self, now: Duration) -> Gate {
        if self
            .last_attempt
            .is_some_and(|last| now.saturating_sub(last) >= QUIET_RESET)
        {
            *self = Self::default();
        }
        self.last_attempt = Some(now);
        match self.locked_until {
            Some(until) if now < until => Gate::Locked {
                remaining: until - now,
            },
            _ => Gate::Open,
        }
    }

    /// Records a failed evaluated attempt at `now`; may start a lockout.
    pub fn record_failure(&mut self, now: Duration) {
        self.failures = self.failures.saturating_add(1);
        if self.failures >= ALLOWED_FAILURES {
            let length = match self.last_lockout {
                None => FIRST_LOCKOUT,
                Some(previous) => previous.saturating_mul(2).min(MAX_LOCKOUT),
            };
            self.last_lockout = Some(length);
            self.locked_until = Some(now + length);
        }
    }

    /// Records a successful evaluated attempt: everything is reset.
    pub fn record_success(&mut self) {
        *self = Self::default();
    }

    /// Failed evaluated attempts since the last reset.
    #[cfg(test)]
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// Whether the account is locked at `now`.
    #[cfg(test)]
    pub fn is_locked(&self, now: Duration) -> bool {
        self.locked_until.is_some_and(|until| now < until)
    }

    /// Length of the current or last lockout.
    #[cfg(test)]
    pub fn last_lockout(&self) -> Option<Duration> {
        self.last_lockout
    }

    /// Whether the state can be forgotten at `now` (quiet for [`QUIET_RESET`]).
    pub fn is_stale(&self, now: Duration) -> bool {
        self.last_attempt
            .is_none_or(|last| now.saturating_sub(last) >= QUIET_RESET)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    fn ms(m: u64) -> Duration {
        Duration::from_millis(m)
    }

    /// Fails one evaluated attempt at `now`, asserting it was evaluated.
    fn fail(lockout: &mut Lockout, now: Duration) {
        assert_eq!(lockout.begin_attempt(now), Gate::Open, "at {now:?}");
        lockout.record_failure(now);
    }

    #[test]
    fn five_failures_are_allowed_then_the_first_lockout_is_one_second() {
        let mut l = Lockout::default();
        for i in 0..4 {
            fail(&mut l, ms(i * 10));
            assert!(!l.is_locked(ms(i * 10)));
        }
        fail(&mut l, ms(40));
        assert_eq!(l.failures(), 5);
        assert!(l.is_locked(ms(40)));
        assert_eq!(l.last_lockout(), Some(secs(1)));
        assert_eq!(
            l.begin_attempt(ms(500)),
            Gate::Locked { remaining: ms(540) }
        );
        assert_eq!(
            l.begin_attempt(ms(1_039)),
            Gate::Locked { remaining: ms(1) }
        );
        assert_eq!(l.begin_attempt(ms(1_040)), Gate::Open);
    }

    #[test]
    fn lockouts_double_up_to_fifteen_minutes() {
        let mut l = Lockout::default();
        let mut now = Duration::ZERO;
        for _ in 0..5 {
            fail(&mut l, now);
        }
        let mut lengths = vec![l.last_lockout()];
        for _ in 0..12 {
            // Ignored attempts in the middle of each lockout keep the quiet timer from firing.
            let length = l.last_lockout().unwrap_or_default();
            assert!(matches!(
                l.begin_attempt(now + length / 2),
                Gate::Locked { .. }
            ));
            now += length;
            fail(&mut l, now);
            lengths.push(l.last_lockout());
        }
        let expected: Vec<Option<Duration>> =
            [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]
                .iter()
                .map(|s| Some(secs(*s)))
                .collect();
        assert_eq!(lengths, expected);
    }

    #[test]
    fn attempts_during_a_lockout_are_ignored_and_do_not_extend_it() {
        let mut l = Lockout::default();
        for _ in 0..5 {
            fail(&mut l, secs(10));
        }
        // Correct credentials during the lockout: still ignored.
        assert!(matches!(l.begin_attempt(ms(10_500)), Gate::Locked { .. }));
        assert_eq!(l.failures(), 5);
        assert_eq!(l.last_lockout(), Some(secs(1)));
        assert!(!l.is_locked(secs(11)));
    }

    #[test]
    fn success_after_the_lockout_resets_the_counter() {
        let mut l = Lockout::default();
        for _ in 0..5 {
            fail(&mut l, secs(0));
        }
        fail(&mut l, secs(1)); // second lockout: 2 s
        assert_eq!(l.last_lockout(), Some(secs(2)));
        assert_eq!(l.begin_attempt(secs(3)), Gate::Open);
        l.record_success();
        assert_eq!(l.failures(), 0);
        assert_eq!(l.last_lockout(), None);
        // Five more failures are allowed again.
        for i in 0..4 {
            fail(&mut l, secs(4 + i));
            assert!(!l.is_locked(secs(4 + i)));
        }
    }

    #[test]
    fn fifteen_quiet_minutes_reset_everything() {
        let mut l = Lockout::default();
        for _ in 0..5 {
            fail(&mut l, secs(0));
        }
        fail(&mut l, secs(1));
        fail(&mut l, secs(3));
        assert_eq!(l.last_lockout(), Some(secs(4)));
        assert!(!l.is_stale(secs(3 + 899)));
        assert!(l.is_stale(secs(3 + 900)));
        assert_eq!(l.begin_attempt(secs(3 + 900)), Gate::Open);
        assert_eq!(l.failures(), 0);
        l.record_failure(secs(903));
        assert!(!l.is_locked(secs(903)));
        assert_eq!(l.failures(), 1);
    }

    #[test]
    fn ignored_attempts_count_as_activity_for_the_quiet_timer() {
        let mut l = Lockout::default();
        let mut now = Duration::ZERO;
        for _ in 0..5 {
            fail(&mut l, now);
        }
        while l.last_lockout() < Some(MAX_LOCKOUT) {
            now += l.last_lockout().unwrap_or_default();
            fail(&mut l, now);
        }
        let quiet = l.clone();
        // Hammering during a 15-minute lockout keeps the account in the lock loop…
        assert!(matches!(
            l.begin_attempt(now + secs(450)),
            Gate::Locked { .. }
        ));
        fail(&mut l, now + secs(900));
        assert!(l.is_locked(now + secs(900)));
        assert_eq!(l.last_lockout(), Some(MAX_LOCKOUT));
        // …while staying quiet for 15 minutes resets it.
        let mut quiet = quiet;
        fail(&mut quiet, now + secs(900));
        assert_eq!(quiet.failures(), 1);
        assert!(!quiet.is_locked(now + secs(900)));
    }
}
