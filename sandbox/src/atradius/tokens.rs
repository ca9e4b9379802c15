//! Bearer tokens issued by the simulated Atradius token call, with their expiry on the sandbox
//! clock. Tokens are opaque random strings; nothing in them derives from the credentials.

use crate::secret::random_hex;
use std::collections::HashMap;
use std::time::Duration;

/// Lifetime of a bearer token (`expires_in`): Atradius issues 30-minute tokens.
pub(crate) const TOKEN_LIFETIME: Duration = Duration::from_secs(1800);

/// Expired tokens are remembered this long, so that callers are told "expired" rather than
/// "invalid".
const FORGET_AFTER: Duration = Duration::from_secs(24 * 3600);

/// What a presented bearer token turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenStatus {
    /// Issued and not expired.
    Valid,
    /// Issued but expired.
    Expired,
    /// Never issued (or forgotten long after expiry).
    Unknown,
}

/// Issued tokens and the sandbox time at which each expires.
#[derive(Debug, Default)]
pub(crate) struct TokenStore {
    expiries: HashMap<String, Duration>,
}

impl TokenStore {
    /// Issues a token at `now`.
    pub(crate) fn issue(&mut self, now: Duration) -> String {
        self.purge(now);
        let token = random_hex(32);
        self.expiries.insert(token.clone(), now + TOKEN_LIFETIME);
        token
    }

    /// Checks a token at `now`.
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_live_thirty_minutes() {
        let mut store = TokenStore::default();
        let token = store.issue(Duration::from_secs(10));
        assert_eq!(
            store.check(&token, Duration::from_secs(1809)),
            TokenStatus::Valid
        );
        assert_eq!(
            store.check(&token, Duration::from_secs(1810)),
            TokenStatus::Expired
        );
        assert_eq!(store.check("other", Duration::ZERO), TokenStatus::Unknown);
        store.purge(Duration::from_secs(1810) + FORGET_AFTER);
        assert_eq!(
            store.check(&token, Duration::from_secs(1810) + FORGET_AFTER),
            TokenStatus::Unknown
        );
    }
}
