//! Unpredictable strings for tokens and default credentials.
//!
//! The standard library seeds every [`RandomState`] from the operating system's random
//! source, so hashing a process-wide counter and the current time with a fresh
//! `RandomState` (SipHash-1-3 with secret keys) yields values an outsider cannot predict
//! or derive from the credentials. This is good enough for a local simulator and avoids
//! pulling in a random-number crate; the deterministic data set uses [`crate::rng`].

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Returns 64 unpredictable bits.
pub fn random_u64() -> u64 {
    let mut hasher = RandomState::new().build_hasher();
    COUNTER.fetch_add(1, Ordering::Relaxed).hash(&mut hasher);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    nanos.hash(&mut hasher);
    std::thread::current().id().hash(&mut hasher);
    hasher.finish()
}

/// Returns `bytes` unpredictable bytes as lower-case hexadecimal (`2 * bytes` characters).
pub fn random_hex(bytes: usize) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes * 2);
    let mut word = 0u64;
    for i in 0..bytes {
        if i % 8 == 0 {
            word = random_u64();
        }
        let byte = (word >> ((i % 8) * 8)) as u8;
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0x0F)]));
    }
    out
}

/// Returns `len` unpredictable decimal digits, the first one non-zero.
pub fn random_digits(len: usize) -> String {
    let mut out = String::with_capacity(len);
    while out.len() < len {
        let mut word = random_u64();
        // Use 18 digits of each word (10^18 < 2^64, bias is negligible for a sandbox).
        for _ in 0..18 {
            if out.len() == len {
                break;
            }
            let digit = (word % 10) as u8;
            word /= 10;
            if out.is_empty() && digit == 0 {
                continue;
            }
            out.push(char::from(b'0' + digit));
        }
    }
    out
}

/// Compares two secrets in time that depends only on their lengths, not on where they differ.
pub fn secure_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::{random_digits, random_hex, random_u64, secure_eq};

    #[test]
    fn secure_eq_compares_exactly() {
        assert!(secure_eq("abc", "abc"));
        assert!(!secure_eq("abc", "abd"));
        assert!(!secure_eq("abc", "abcd"));
        assert!(secure_eq("", ""));
    }

    #[test]
    fn values_differ_between_calls() {
        let a = random_u64();
        let b = random_u64();
        assert_ne!(a, b);
        assert_ne!(random_hex(16), random_hex(16));
    }

    #[test]
    fn shapes_are_right() {
        let hex = random_hex(20);
        assert_eq!(hex.len(), 40);
        assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()));
        let digits = random_digits(9);
        assert_eq!(digits.len(), 9);
        assert!(digits.bytes().all(|b| b.is_ascii_digit()));
        assert!(!digits.starts_with('0'));
    }
}
