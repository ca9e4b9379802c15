//! Tokens issued by the simulated CofaServe login, remembered with their expiry.
//!
//! Tokens are opaque random strings (the real service issues Cognito JWTs); nothing in them
//! derives from the credentials. The `authorization` header of API calls must carry a live
//! **idToken** (as the CofaServe clients seen in public code do); access tokens are issued
//! for completeness but not accepted on API calls.

use crate::secret::random_hex;
use std::collections::HashMap;
use std::time::Duration;

/// Lifetime of id and access tokens (`expiresIn`).
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(3600);
/// Lifetime of refresh tokens (the Cognito default, 30 days).
pub const REFRESH_LIFETIME: Duration = Duration::from_secs(30 * 24 * 3600);

/// A freshly issued token set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuedTokens {
    /// Token to send in `authorization`.
    pub id_token: String,
    /// OAuth access token.
    pub access_token: String,
    /// Token to obtain a new id token with `grantType: refresh_token`.
    pub refresh_token: String,
}

/// What a presented id token turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenStatus {
    /// Issued and not expired.
    Valid,
    /// Issued but expired.
    Expired,
    /// Never issued (or forgotten long after expiry).
    Unknown,
}

/// Issued tokens with their expiry (sandbox time).
#[derive(Debug, Default)]
pub struct TokenStore {
    id_tokens: HashMap<String, Duration>,
    access_tokens: HashMap<String, Duration>,
    refresh_tokens: HashMap<String, Duration>,
}

/// Expired tokens are remembered this long so callers get "expired" rather than "invalid".
const FORGET_AFTER: Duration = Duration::from_secs(24 * 3600);

impl TokenStore {
    /// Forgets tokens expired for longer than a day (and refresh tokens once expired).
    pub fn purge(&mut self, now: Duration) {
        let keep = |expiry: &mut Duration| now < expiry.saturating_add(FORGET_AFTER);
        self.id_tokens.retain(|_, e| keep(e));
        self.access_tokens.retain(|_, e| keep(e));
        self.refresh_tokens.retain(|_, e| now < *e);
    }

    fn issue_pair(&mut self, now: Duration) -> (String, String) {
        let id_token = random_hex(32);
        let access_token = random_hex(32);
        self.id_tokens
            .insert(id_token.clone(), now + TOKEN_LIFETIME);
        self.access_tokens
            .insert(access_token.clone(), now + TOKEN_LIFETIME);
        (id_token, access_token)
    }

    /// Issues a new id, access and refresh token at `now`.
    pub fn issue(&mut self, now: Duration) -> IssuedTokens {
        self.purge(now);
        let (id_token, access_token) = self.issue_pair(now);
        let refresh_token = random_hex(48);
        self.refresh_tokens
            .insert(refresh_token.clone(), now + REFRESH_LIFETIME);
        IssuedTokens {
            id_token,
            access_token,
            refresh_token,
        }
    }

    /// Issues a new id and access token for a live refresh token (which stays the same, as
    /// in Cognito). `None` if the refresh token is unknown or expired.
    pub fn refresh(&mut self, refresh_token: &str, now: Duration) -> Option<IssuedTokens> {
        self.purge(now);
        let expiry = *self.refresh_tokens.get(refresh_token)?;
        if now >= expiry {
            return None;
        }
        let (id_token, access_token) = self.issue_pair(now);
        Some(IssuedTokens {
            id_token,
            access_token,
            refresh_token: refresh_token.to_owned(),
        })
    }

    /// Checks an id token at `now`.
    pub fn check_id_token(&self, token: &str, now: Duration) -> TokenStatus {
        match self.id_tokens.get(token) {
            Some(expiry) if now < *expiry => TokenStatus::Valid,
            Some(_) => TokenStatus::Expired,
            None => TokenStatus::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_expire_after_an_hour() {
        let mut store = TokenStore::default();
        let t = store.issue(Duration::ZERO);
        assert_ne!(t.id_token, t.access_token);
        assert_eq!(
            store.check_id_token(&t.id_token, Duration::from_secs(3599)),
            TokenStatus::Valid
        );
        assert_eq!(
            store.check_id_token(&t.id_token, TOKEN_LIFETIME),
            TokenStatus::Expired
        );
        assert_eq!(
            store.check_id_token(&t.access_token, Duration::ZERO),
            TokenStatus::Unknown
        );
        assert_eq!(
            store.check_id_token("nope", Duration::ZERO),
            TokenStatus::Unknown
        );
    }

    #[test]
    fn refresh_issues_a_new_id_token() {
        let mut store = TokenStore::default();
        let first = store.issue(Duration::ZERO);
        let later = Duration::from_secs(4000);
        let Some(second) = store.refresh(&first.refresh_token, later) else {
            panic!("refresh token should be live");
        };
        assert_ne!(first.id_token, second.id_token);
        assert_eq!(second.refresh_token, first.refresh_token);
        assert_eq!(
            store.check_id_token(&second.id_token, later),
            TokenStatus::Valid
        );
        assert_eq!(
            store.check_id_token(&first.id_token, later),
            TokenStatus::Expired
        );
        assert!(store.refresh("unknown", later).is_none());
        assert!(store
            .refresh(&first.refresh_token, REFRESH_LIFETIME)
            .is_none());
    }

    #[test]
    fn long_expired_tokens_are_forgotten() {
        let mut store = TokenStore::default();
        let old = store.issue(Duration::ZERO);
        let much_later = TOKEN_LIFETIME + FORGET_AFTER;
        store.issue(much_later);
        assert_eq!(
            store.check_id_token(&old.id_token, much_later),
            TokenStatus::Unknown
        );
    }
}
