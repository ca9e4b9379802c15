//! Allianz Trade's bearer tokens: 60 minutes, never refreshed ("Tokens cannot be refreshed").

use std::time::Duration;

pub(crate) use crate::bearer_tokens::TokenStatus;

/// Lifetime of a token (`expires_in`: the documented 60 minutes).
pub(crate) const TOKEN_LIFETIME: Duration = TokenStore::LIFETIME;

/// The tokens issued by the simulated identity provider.
pub(crate) type TokenStore = crate::bearer_tokens::BearerTokens<3600>;
