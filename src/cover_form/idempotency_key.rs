//! Randomness from the browser's `crypto.getRandomValues`: the idempotency key created with each
//! draft, and the seed of the polling jitter.

/// Bytes of randomness in a key (128 bits).
const KEY_BYTES: usize = 16;

fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// A new idempotency key: 32 lower-case hex digits from `crypto.getRandomValues`. `None` when
/// the browser gives no randomness (then the draft has no key and the core's validation says
/// so: `idempotency_key.format`).
pub fn new_idempotency_key() -> Option<String> {
    let bytes = random_bytes::<KEY_BYTES>()?;
    Some(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}

/// A random seed for the polling jitter (zero without randomness: still a valid seed).
pub fn random_seed() -> u64 {
    random_bytes::<8>()
        .map(u64::from_le_bytes)
        .unwrap_or_default()
}
