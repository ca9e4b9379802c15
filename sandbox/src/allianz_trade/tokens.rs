//! Bearer tokens issued by the simulated identity provider: opaque random strings valid
//! [`TOKEN_LIFETIME`] of sandbox time, never refreshed (Allianz Trade: "Tokens cannot be
//! refreshed").

use std::collections::HashMap;
use std::time::Duration;

use crate::secret::random_hex;

/// Lifetime of a token (`expires_in`: the documented 60 minutes).
pub(crate) const TOKEN_LIFETIME: Duration = Duration::from_secs(3600);

/// Expired tokens are remembered this long, so that callers hear "expired" rather than
/// "invalid".
const FORGET_AFTER: Duration = Duration::from_secs(24 * 3600);

/// What a presented token turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenStatus {
    /// Issued and not expired.
    Valid,
    /// Issued but expired.
    Expired,
    /// Never issued (or forgotten a day after expiry).
    Unknown,
}

/// Issued tokens with their expiry (sandbox time), and how many were ever issued.
#[derive(Debug, Default)]
pub(crate) struct TokenStore {
    expiries: HashMap<String, Duration>,
    issued: u64,
}

impl TokenStore {
    /// Issues a new token at `now`.
    pub(crate) fn issue(&mut self, now: Duration) -> String {
        self.purge(now);
        let token = random_hex(32);
        self.expiries.insert(token.clone(), now + TOKEN_LIFETIME);
        self.issued += 1;
        token
    }

    /// Checks `token` at `now`.
    pub(crate) fn check(&self, token: &str, now: Duration) -> TokenStatus {
        match self.expiries.get(token) {
            Some(expiry) if now < *expiry => TokenStatus::Valid,
            Some(_) => TokenStatus::Expired,
            None => TokenStatus::Unknown,
        }
    }

    /// Forgets tokens expired for longer than a day.
    pub(crate) fn purge(&mut self, now: Duration) {
        self.expiries
            .retain(|_, expiry| now < expiry.saturating_add(FORGET_AFTER));
    }

    /// How many tokens were issued since the sandbox started.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn issued(&self) -> u64 {
        self.issued
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_live_an_hour_and_are_counted() {
        let mut store = TokenStore::default();
        let token = store.issue(Duration::ZERO);
        assert_eq!(store.issued(), 1);
        assert_eq!(
            store.check(&token, Duration::from_secs(3599)),
            TokenStatus::Valid
        );
        assert_eq!(store.check(&token, TOKEN_LIFETIME), TokenStatus::Expired);
        assert_eq!(store.check("nope", Duration::ZERO), TokenStatus::Unknown);
        let later = TOKEN_LIFETIME + FORGET_AFTER;
        let other = store.issue(later);
        assert_ne!(token, other);
        assert_eq!(store.issued(), 2);
        assert_eq!(store.check(&token, later), TokenStatus::Unknown);
    }
}
