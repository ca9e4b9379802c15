//! Bearer tokens issued by a simulated identity provider (Allianz Trade's and Atradius' token
//! calls): opaque random strings — nothing in them derives from the credentials — valid
//! `LIFETIME_SECS` of sandbox time and never refreshed. Each insurer names its own lifetime.

use std::collections::HashMap;
use std::time::Duration;

use crate::secret::random_hex;

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
pub(crate) struct BearerTokens<const LIFETIME_SECS: u64> {
    expiries: HashMap<String, Duration>,
    issued: u64,
}

impl<const LIFETIME_SECS: u64> BearerTokens<LIFETIME_SECS> {
    /// How long a token lives.
    pub(crate) const LIFETIME: Duration = Duration::from_secs(LIFETIME_SECS);

    /// Issues a new token at `now`.
    pub(crate) fn issue(&mut self, now: Duration) -> String {
        self.purge(now);
        let token = random_hex(32);
        self.expiries
            .insert(token.clone(), now.saturating_add(Self::LIFETIME));
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
    fn tokens_live_their_lifetime_are_counted_and_forgotten_a_day_later() {
        let mut store = BearerTokens::<1800>::default();
        let token = store.issue(Duration::from_secs(10));
        assert_eq!(store.issued(), 1);
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
