//! What the proxy needs to run: where the insurers are, the credentials, what it serves.

use std::path::PathBuf;

use tradecover_core::coface::CofaceCredentials;

/// Proxy configuration.
#[derive(Debug, Clone)]
pub struct ProxyConfig {
    /// Credentials for Coface CofaServe (held by the proxy only).
    pub coface: CofaceCredentials,
    /// Seed of the embedded sandbox's data set.
    pub sandbox_seed: u64,
    /// Directory served at `/` (the demo portal), if any.
    pub www_dir: Option<PathBuf>,
    /// Directory served at `/pkg` (the built npm package), if any.
    pub pkg_dir: Option<PathBuf>,
}

impl ProxyConfig {
    /// A configuration for the embedded sandbox with fresh random credentials, serving nothing.
    pub fn sandbox() -> Self {
        let random = tradecover_sandbox::CofaceCredentials::random();
        Self {
            coface: CofaceCredentials {
                username: random.username,
                password: random.password,
                api_key: random.api_key,
                policy_number: random.policy_number,
            },
            sandbox_seed: tradecover_sandbox::DEFAULT_SEED,
            www_dir: None,
            pkg_dir: None,
        }
    }
}
