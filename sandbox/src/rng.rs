//! A tiny deterministic pseudo-random number generator (SplitMix64).
//!
//! The sandbox data set must be identical for a given seed on every machine and every
//! release, so it does not depend on an external crate whose algorithm could change.
//! SplitMix64 (Steele, Lea & Flood, 2014) passes BigCrush, needs 8 bytes of state and is
//! plenty for generating fake companies. It is **not** cryptographically secure: secrets
//! (tokens, default credentials) come from [`crate::secret`] instead.

/// SplitMix64 generator: deterministic for a given seed.
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// Creates a generator from a seed; equal seeds give equal sequences.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// Creates an independent stream for a sub-task (e.g. one country), so that changing
    /// one part of the generator does not shift the numbers drawn by another.
    pub fn derive(seed: u64, stream: u64) -> Self {
        let mut mixer = Self::new(seed ^ stream.wrapping_mul(0xD6E8_FEB8_6659_FD93));
        Self::new(mixer.next_u64())
    }

    /// Returns the next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Returns a uniformly distributed number in `0..n` (`0` when `n` is `0`).
    ///
    /// Uses Lemire's multiply-and-reject method, so there is no modulo bias.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let threshold = n.wrapping_neg() % n;
        loop {
            let product = u128::from(self.next_u64()) * u128::from(n);
            // Truncation keeps the low 64 bits, which is the point of the method.
            let low = product as u64;
            if low >= threshold {
                return (product >> 64) as u64;
            }
        }
    }

    /// Returns a uniformly distributed number in the inclusive range `low..=high`.
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        if high <= low {
            return low;
        }
        low + self.below(high - low + 1)
    }

    /// Returns `true` with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// Picks one element of a non-empty slice uniformly (`None` for an empty slice).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        // Slice lengths always fit in u64 and the drawn index is below the length.
        items.get(self.below(items.len() as u64) as usize)
    }

    /// Picks one element according to integer weights (`None` if all weights are zero).
    pub fn pick_weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> Option<&'a T> {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        if total == 0 {
            return None;
        }
        let mut ticket = self.below(total);
        for (item, weight) in items {
            let weight = u64::from(*weight);
            if ticket < weight {
                return Some(item);
            }
            ticket -= weight;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn matches_the_reference_splitmix64_sequence() {
        // First outputs of the reference C implementation seeded with 0.
        let mut rng = Rng::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn same_seed_same_sequence_and_different_seed_different_sequence() {
        let a: Vec<u64> = {
            let mut r = Rng::new(2026);
            (0..64).map(|_| r.next_u64()).collect()
        };
        let b: Vec<u64> = {
            let mut r = Rng::new(2026);
            (0..64).map(|_| r.next_u64()).collect()
        };
        let c: Vec<u64> = {
            let mut r = Rng::new(2027);
            (0..64).map(|_| r.next_u64()).collect()
        };
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn derived_streams_are_deterministic_and_distinct() {
        let mut x = Rng::derive(7, 1);
        let mut y = Rng::derive(7, 1);
        let mut z = Rng::derive(7, 2);
        let first = x.next_u64();
        assert_eq!(first, y.next_u64());
        assert_ne!(first, z.next_u64());
    }

    #[test]
    fn below_and_range_stay_in_bounds_and_cover_the_range() {
        let mut rng = Rng::new(1);
        let mut seen = [false; 7];
        for _ in 0..10_000 {
            let v = rng.below(7);
            assert!(v < 7);
            seen[v as usize] = true;
            let r = rng.range(10, 12);
            assert!((10..=12).contains(&r));
        }
        assert!(seen.iter().all(|s| *s));
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.range(5, 5), 5);
    }

    #[test]
    fn chance_is_roughly_calibrated() {
        let mut rng = Rng::new(3);
        let hits = (0..100_000).filter(|_| rng.chance(200)).count();
        assert!((18_000..22_000).contains(&hits), "{hits}");
    }

    #[test]
    fn pick_weighted_respects_zero_weights() {
        let mut rng = Rng::new(9);
        let items = [("never", 0), ("always", 5)];
        for _ in 0..1000 {
            assert_eq!(rng.pick_weighted(&items), Some(&"always"));
        }
        let none: [(&str, u32); 1] = [("x", 0)];
        assert_eq!(rng.pick_weighted(&none), None);
        let empty: [u8; 0] = [];
        assert_eq!(rng.pick(&empty), None);
    }
}
