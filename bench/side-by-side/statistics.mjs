// Statistics of the side-by-side benchmark: median, quantiles, and the ratio of two medians with
// a bootstrap 95 % interval drawn from a fixed-seed generator, so that the same samples always
// give the same interval.

/** A small deterministic pseudo-random generator (mulberry32) answering floats in [0, 1). */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `q` quantile (0..1) of `values`, linearly interpolated between order statistics. */
export function quantile(values, q) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** The median of `values`. */
export const median = (values) => quantile(values, 0.5);

/** The 95th percentile of `values`. */
export const p95 = (values) => quantile(values, 0.95);

/** The 99th percentile of `values`. */
export const p99 = (values) => quantile(values, 0.99);

function resample(values, random) {
  return Array.from(values, () => values[Math.floor(random() * values.length)]);
}

/**
 * The ratio median(a) / median(b) with its percentile-bootstrap 95 % interval: `rounds`
 * resamplings of each side (independently, with replacement) from a generator seeded with `seed`.
 * Answers {ratio, low, high}; NaN when either side has no finite sample.
 */
export function ratioOfMedians(a, b, { rounds = 10_000, seed = 20261201 } = {}) {
  const left = a.filter(Number.isFinite);
  const right = b.filter(Number.isFinite);
  if (left.length === 0 || right.length === 0) return { ratio: NaN, low: NaN, high: NaN };
  const random = seededRandom(seed);
  const ratios = [];
  for (let round = 0; round < rounds; round += 1) {
    ratios.push(median(resample(left, random)) / median(resample(right, random)));
  }
  return {
    ratio: median(left) / median(right),
    low: quantile(ratios, 0.025),
    high: quantile(ratios, 0.975),
  };
}
