//! Atradius' bearer tokens: 30 minutes on the sandbox clock.

use std::time::Duration;

pub(crate) use crate::bearer_tokens::TokenStatus;

/// Lifetime of a bearer token (`expires_in`): Atradius issues 30-minute tokens.
pub(crate) const TOKEN_LIFETIME: Duration = TokenStore::LIFETIME;

/// The tokens issued by the simulated token call.
pub(crate) type TokenStore = crate::bearer_tokens::BearerTokens<1800>;
