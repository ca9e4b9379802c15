//! The CofaServe login lockout schedule, as pure logic for the proxy.
//!
//! CofaServe (an AWS Cognito user pool) allows five failed logins; after that it locks the
//! account for a time that starts at one second and doubles after each further failure, up to
//! about fifteen minutes. Logins made during a lockout are ignored (answered `NotAuthorizedException:
//! Password attempts exceeded`, even with the right password). A successful login once the
//! lockout has expired resets the count, and so do about fifteen minutes without any attempt.
//!
//! [`LoginGuard`] keeps that schedule on the proxy's side so that the proxy never sends a login
//! CofaServe would ignore or count against the account: before each login it asks
//! [`LoginGuard::check`], and answers "locked until t" itself while the account is locked;
//! after each login it records the outcome ([`LoginGuard::record_outcome`]).
//!
//! Time is Unix seconds (`u64`), passed in by the caller. Where the seed says "about", the guard
//! errs on the side of waiting: the lockout is counted from when the proxy *received* the
//! failure (after CofaServe started it), the first lockout is taken to follow the fifth failure,
//! and the fifteen-minute reset is counted from the later of the last attempt and the end of its
//! lockout (so that it never coincides with the end of a fifteen-minute lockout, after which a
//! failure must double nothing but still lock again).

use serde::{Deserialize, Serialize};

use crate::insurer_error::InsurerError;

/// Failed logins CofaServe allows before it starts locking the account.
pub const ALLOWED_FAILURES: u32 = 5;

/// The first lockout, in seconds; each further failure doubles it.
pub const FIRST_LOCKOUT_SECS: u64 = 1;

/// The longest lockout, in seconds ("about 15 minutes").
pub const MAX_LOCKOUT_SECS: u64 = 900;

/// Seconds without any attempt, counted from the end of the last lockout if later, after which
/// CofaServe forgets the failures ("about 15 minutes").
pub const RESET_AFTER_IDLE_SECS: u64 = 900;

/// Whether the proxy may send a login now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "until")]
pub enum LoginCheck {
    /// A login may be sent.
    Allowed,
    /// The account is locked until this Unix second (exclusive): any login before it would be
    /// ignored by CofaServe.
    LockedUntil(u64),
}

/// The lockout that follows the `failures`-th consecutive failure, in seconds: none after the
/// first four, one second after the fifth, then 2, 4, 8 … seconds, capped at
/// [`MAX_LOCKOUT_SECS`].
pub fn lockout_after(failures: u32) -> u64 {
    if failures < ALLOWED_FAILURES {
        return 0;
    }
    let doublings = failures - ALLOWED_FAILURES;
    if doublings >= 16 {
        return MAX_LOCKOUT_SECS;
    }
    (FIRST_LOCKOUT_SECS << doublings).min(MAX_LOCKOUT_SECS)
}

/// The proxy's record of recent CofaServe logins for one account. Serialisable (camelCase) so
/// the proxy can keep it between requests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoginGuard {
    /// Consecutive failures counted by CofaServe.
    failures: u32,
    /// Unix second of the last attempt of any kind, if any.
    last_attempt: Option<u64>,
    /// Unix second at which the current lockout ends (exclusive); 0 when none.
    locked_until: u64,
}

impl LoginGuard {
    /// A guard with no recorded attempt.
    pub fn new() -> Self {
        Self::default()
    }

    /// Consecutive failures CofaServe is counting at `now` (0 once the idle reset has passed).
    pub fn failures(&self, now: u64) -> u32 {
        if self.is_idle_reset(now) {
            0
        } else {
            self.failures
        }
    }

    /// Whether a login may be sent at `now`, or until when the account is locked.
    pub fn check(&self, now: u64) -> LoginCheck {
        if self.is_locked(now) {
            LoginCheck::LockedUntil(self.locked_until)
        } else {
            LoginCheck::Allowed
        }
    }

    /// Records a refused login (wrong credentials) answered at `now`. A failure during a
    /// lockout (which the proxy should not have sent) is ignored by CofaServe, and so here.
    pub fn record_failure(&mut self, now: u64) {
        if self.is_locked(now) {
            return;
        }
        if self.is_idle_reset(now) {
            *self = Self::default();
        }
        self.failures = self.failures.saturating_add(1);
        self.touch(now);
        let lockout = lockout_after(self.failures);
        if lockout > 0 {
            self.locked_until = now.saturating_add(lockout);
        }
    }

    /// Records a successful login at `now`: the count starts again from zero. (CofaServe ignores
    /// logins during a lockout, so a success proves the lockout had ended there.)
    pub fn record_success(&mut self, now: u64) {
        *self = Self {
            last_attempt: Some(now),
            ..Self::default()
        };
    }

    /// Records that CofaServe answered "Password attempts exceeded" at `now` although the guard
    /// thought the account open (another client using the same account, or a lost state): the
    /// guard takes the account as locked and waits for the lockout of the failures it knows of,
    /// at least the first one. The attempt itself is not counted, as CofaServe ignored it.
    pub fn record_locked_out(&mut self, now: u64) {
        if self.is_idle_reset(now) {
            *self = Self::default();
        }
        self.failures = self.failures.max(ALLOWED_FAILURES);
        self.touch(now);
        let until = now.saturating_add(lockout_after(self.failures));
        self.locked_until = self.locked_until.max(until);
    }

    /// Records the outcome of a login answered at `now`, as
    /// [`super::auth::parse_login_response`] gives it: a session is a success, a refusal of the
    /// credentials ([`InsurerError::Unauthorized`]) a failure, [`InsurerError::LockedOut`] an
    /// unexpected lockout; any other error (CofaServe unavailable, an unreadable answer) says
    /// nothing about the credentials and changes nothing.
    pub fn record_outcome<T>(&mut self, now: u64, outcome: &Result<T, InsurerError>) {
        match outcome {
            Ok(_) => self.record_success(now),
            Err(InsurerError::Unauthorized { .. }) => self.record_failure(now),
            Err(InsurerError::LockedOut { .. }) => self.record_locked_out(now),
            Err(_) => {}
        }
    }

    fn touch(&mut self, now: u64) {
        self.last_attempt = Some(self.last_attempt.map_or(now, |last| last.max(now)));
    }

    fn is_locked(&self, now: u64) -> bool {
        now < self.locked_until
    }

    fn is_idle_reset(&self, now: u64) -> bool {
        match self.last_attempt {
            Some(last) => {
                now.saturating_sub(last.max(self.locked_until)) >= RESET_AFTER_IDLE_SECS
                    && !self.is_locked(now)
            }
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: u64 = 1_700_000_000;

    #[test]
    fn the_schedule_doubles_from_one_second_to_fifteen_minutes() {
        let expected = [
            (1, 0),
            (4, 0),
            (5, 1),
            (6, 2),
            (7, 4),
            (8, 8),
            (9, 16),
            (10, 32),
            (11, 64),
            (12, 128),
            (13, 256),
            (14, 512),
            (15, 900),
            (16, 900),
            (40, 900),
            (u32::MAX, 900),
        ];
        for (failures, secs) in expected {
            assert_eq!(lockout_after(failures), secs, "after {failures} failures");
        }
        assert_eq!(lockout_after(0), 0);
    }

    #[test]
    fn five_failures_are_allowed_then_the_first_lockout_is_one_second() {
        let mut guard = LoginGuard::new();
        for attempt in 0..4 {
            assert_eq!(guard.check(T0 + attempt), LoginCheck::Allowed);
            guard.record_failure(T0 + attempt);
            assert_eq!(guard.check(T0 + attempt), LoginCheck::Allowed);
        }
        assert_eq!(guard.failures(T0 + 4), 4);
        guard.record_failure(T0 + 4);
        assert_eq!(guard.failures(T0 + 4), 5);
        assert_eq!(guard.check(T0 + 4), LoginCheck::LockedUntil(T0 + 5));
        assert_eq!(guard.check(T0 + 5), LoginCheck::Allowed);
    }

    /// Drives failures, each made as soon as the previous lockout ended, and checks every
    /// lockout's start and end.
    #[test]
    fn each_failure_after_a_lockout_doubles_it_up_to_the_cap() {
        let mut guard = LoginGuard::new();
        let mut now = T0;
        for _ in 0..5 {
            guard.record_failure(now);
        }
        let mut expected_lockout = 1;
        for failure in 6..=20u32 {
            // Locked for exactly the previous lockout, then open.
            let LoginCheck::LockedUntil(until) = guard.check(now) else {
                panic!("locked after failure {}", failure - 1)
            };
            assert_eq!(until, now + expected_lockout, "failure {}", failure - 1);
            assert_eq!(guard.check(until - 1), LoginCheck::LockedUntil(until));
            now = until;
            assert_eq!(guard.check(now), LoginCheck::Allowed);
            guard.record_failure(now);
            expected_lockout = (expected_lockout * 2).min(900);
        }
        assert_eq!(guard.failures(now), 20);
        assert_eq!(guard.check(now), LoginCheck::LockedUntil(now + 900));
    }

    #[test]
    fn failures_during_a_lockout_are_ignored() {
        let mut guard = LoginGuard::new();
        for _ in 0..7 {
            let now = match guard.check(T0) {
                LoginCheck::Allowed => T0,
                LoginCheck::LockedUntil(until) => until,
            };
            guard.record_failure(now);
        }
        // Failures 5 and 6 lock 1 s and 2 s; the 7th, at T0 + 3, locks 4 s.
        assert_eq!(guard.check(T0 + 3), LoginCheck::LockedUntil(T0 + 7));
        guard.record_failure(T0 + 5);
        guard.record_failure(T0 + 6);
        assert_eq!(guard.failures(T0 + 6), 7);
        assert_eq!(guard.check(T0 + 6), LoginCheck::LockedUntil(T0 + 7));
        guard.record_failure(T0 + 7);
        assert_eq!(guard.check(T0 + 7), LoginCheck::LockedUntil(T0 + 15));
    }

    #[test]
    fn a_success_after_the_lockout_resets_the_count() {
        let mut guard = LoginGuard::new();
        for second in 0..5 {
            guard.record_failure(T0 + second);
        }
        guard.record_success(T0 + 10);
        assert_eq!(guard.failures(T0 + 10), 0);
        assert_eq!(guard.check(T0 + 10), LoginCheck::Allowed);
        for second in 0..4 {
            guard.record_failure(T0 + 11 + second);
            assert_eq!(guard.check(T0 + 11 + second), LoginCheck::Allowed);
        }
        guard.record_failure(T0 + 20);
        assert_eq!(guard.check(T0 + 20), LoginCheck::LockedUntil(T0 + 21));
    }

    #[test]
    fn fifteen_quiet_minutes_after_the_lockout_reset_the_count() {
        let mut guard = LoginGuard::new();
        for second in 0..9 {
            let now = match guard.check(T0 + second) {
                LoginCheck::Allowed => T0 + second,
                LoginCheck::LockedUntil(until) => until,
            };
            guard.record_failure(now);
        }
        // Failures at T0..T0+4, T0+5, T0+7, T0+11, T0+19; the last locks 16 s.
        assert_eq!(guard.check(T0 + 19), LoginCheck::LockedUntil(T0 + 35));
        let quiet_from = T0 + 35;
        assert_eq!(guard.failures(quiet_from + 899), 9);
        assert_eq!(guard.failures(quiet_from + 900), 0);
        guard.record_failure(quiet_from + 899);
        assert_eq!(guard.failures(quiet_from + 899), 10);
        let quiet_from = quiet_from + 899 + 32;
        assert_eq!(
            guard.check(quiet_from - 1),
            LoginCheck::LockedUntil(quiet_from)
        );
        guard.record_failure(quiet_from + 900);
        assert_eq!(guard.failures(quiet_from + 900), 1);
        assert_eq!(guard.check(quiet_from + 900), LoginCheck::Allowed);
    }

    #[test]
    fn the_end_of_a_fifteen_minute_lockout_is_not_a_reset() {
        let mut guard = LoginGuard::new();
        let mut now = T0;
        for _ in 0..15 {
            now = match guard.check(now) {
                LoginCheck::Allowed => now,
                LoginCheck::LockedUntil(until) => until,
            };
            guard.record_failure(now);
        }
        assert_eq!(guard.check(now + 899), LoginCheck::LockedUntil(now + 900));
        assert_eq!(guard.check(now + 900), LoginCheck::Allowed);
        assert_eq!(guard.failures(now + 900), 15);
        assert_eq!(guard.failures(now + 1_799), 15);
        assert_eq!(guard.failures(now + 1_800), 0);
        guard.record_failure(now + 900);
        assert_eq!(guard.check(now + 900), LoginCheck::LockedUntil(now + 1_800));
        assert_eq!(guard.failures(now + 900), 16);
    }

    #[test]
    fn an_unexpected_lockout_answer_locks_the_guard() {
        let mut guard = LoginGuard::new();
        guard.record_failure(T0);
        guard.record_locked_out(T0 + 1);
        assert_eq!(guard.failures(T0 + 1), 5);
        assert_eq!(guard.check(T0 + 1), LoginCheck::LockedUntil(T0 + 2));
        guard.record_failure(T0 + 2);
        assert_eq!(guard.check(T0 + 2), LoginCheck::LockedUntil(T0 + 4));
        guard.record_locked_out(T0 + 3);
        assert_eq!(guard.check(T0 + 3), LoginCheck::LockedUntil(T0 + 5));
    }

    #[test]
    fn login_outcomes_drive_the_guard() {
        let mut guard = LoginGuard::new();
        let refused: Result<(), InsurerError> = Err(InsurerError::Unauthorized {
            status: 400,
            message: "Incorrect username or password.".into(),
        });
        for second in 0..5 {
            guard.record_outcome(T0 + second, &refused);
        }
        assert_eq!(guard.check(T0 + 4), LoginCheck::LockedUntil(T0 + 5));
        let unavailable: Result<(), InsurerError> = Err(InsurerError::Unavailable { status: 503 });
        guard.record_outcome(T0 + 5, &unavailable);
        assert_eq!(guard.failures(T0 + 5), 5);
        let locked: Result<(), InsurerError> = Err(InsurerError::LockedOut {
            message: "Password attempts exceeded".into(),
        });
        guard.record_outcome(T0 + 5, &locked);
        assert_eq!(guard.check(T0 + 5), LoginCheck::LockedUntil(T0 + 6));
        guard.record_outcome(T0 + 6, &Ok::<(), InsurerError>(()));
        assert_eq!(guard.failures(T0 + 6), 0);
        assert_eq!(guard.check(T0 + 6), LoginCheck::Allowed);
    }

    #[test]
    fn time_going_backwards_or_to_the_limits_never_panics() {
        let mut guard = LoginGuard::new();
        for _ in 0..30 {
            guard.record_failure(u64::MAX);
        }
        assert_eq!(guard.check(u64::MAX - 1), LoginCheck::LockedUntil(u64::MAX));
        guard.record_failure(0);
        guard.record_locked_out(0);
        guard.record_success(0);
        assert_eq!(guard.check(0), LoginCheck::Allowed);
    }

    #[test]
    fn serialises_for_the_proxy() {
        let mut guard = LoginGuard::new();
        for _ in 0..5 {
            guard.record_failure(T0);
        }
        let json = serde_json::to_value(&guard).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"failures": 5, "lastAttempt": T0, "lockedUntil": T0 + 1})
        );
        assert_eq!(serde_json::from_value::<LoginGuard>(json).unwrap(), guard);
        assert_eq!(
            serde_json::to_value(LoginCheck::LockedUntil(7)).unwrap(),
            serde_json::json!({"kind": "lockedUntil", "until": 7})
        );
    }
}
