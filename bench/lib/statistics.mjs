// Statistics of the benchmarks (bench/tracker.mjs and bench/run.mjs): quantiles and the median,
// a fixed-seed generator, and bootstrap 95 % intervals (of one median, or of the ratio of two
// medians) drawn from it, so that the same samples always give the same interval.

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

/**
 * The `q` quantile (0..1) of the finite `values`, linearly interpolated between order
 * statistics; NaN when there is none.
 */
export function quantile(values, q) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** The median of `values` (mean of the two middle ones for an even count). */
export const median = (values) => quantile(values, 0.5);

/** The 95th percentile of `values`. */
export const p95 = (values) => quantile(values, 0.95);

/** The 99th percentile of `values`. */
export const p99 = (values) => quantile(values, 0.99);

/** As many draws from `values`, with replacement, taken with `random`. */
function resample(values, random) {
  return Array.from(values, () => values[Math.floor(random() * values.length)]);
}

/**
 * Percentile bootstrap interval (`level`, default 0.95) of the median of `values`: `resamples`
 * resamplings from a generator seeded with `seed`. Answers [low, high].
 */
export function bootstrapMedianInterval(values, { level = 0.95, resamples = 2000, seed = 1 } = {}) {
  if (values.length === 0) return [NaN, NaN];
  const random = seededRandom(seed);
  const medians = [];
  for (let i = 0; i < resamples; i += 1) medians.push(median(resample(values, random)));
  medians.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  const at = (q) => medians[Math.min(medians.length - 1, Math.max(0, Math.floor(q * medians.length)))];
  return [at(tail), at(1 - tail)];
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

/** {n, median, min, max, mean, ci95: [low, high], values} of `values`. */
export function summarize(values) {
  const n = values.length;
  return {
    n,
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    mean: values.reduce((sum, value) => sum + value, 0) / n,
    ci95: bootstrapMedianInterval(values),
    values,
  };
}
