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
        Self {
            coface: CofaceCredentials {
                username: "sandbox".to_owned(),
                password: random_secret(),
                api_key: random_secret(),
                policy_number: "SANDBOX-0001".to_owned(),
            },
            sandbox_seed: tradecover_sandbox::SandboxConfig::default().seed,
            www_dir: None,
            pkg_dir: None,
        }
    }
}

/// A fresh 128-bit hex secret (std's randomly keyed SipHash over the time and a counter: good
/// enough for sandbox credentials that never leave this machine).
pub fn random_secret() -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut out = String::with_capacity(32);
    for _ in 0..2 {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        if let Ok(elapsed) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            hasher.write_u128(elapsed.as_nanos());
        }
        out.push_str(&format!("{:016x}", hasher.finish()));
    }
    out
}
