// Summary statistics of repeated measurements: median, min, max, mean and a bootstrap 95 %
// interval of the median (deterministic: the resampling generator is seeded).

/** The median of `values` (mean of the two middle ones for an even count). */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A small seeded generator (mulberry32) in [0, 1). */
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

/** Percentile bootstrap interval (`level`, default 0.95) of the median, `resamples` times. */
export function bootstrapMedianInterval(values, { level = 0.95, resamples = 2000, seed = 1 } = {}) {
  if (values.length === 0) return [NaN, NaN];
  const random = seededRandom(seed);
  const medians = [];
  for (let i = 0; i < resamples; i += 1) {
    const sample = values.map(() => values[Math.floor(random() * values.length)]);
    medians.push(median(sample));
  }
  medians.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  const at = (q) => medians[Math.min(medians.length - 1, Math.max(0, Math.floor(q * medians.length)))];
  return [at(tail), at(1 - tail)];
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

/** A markdown table of named summaries: `rows` is [[label, summary, unit]]. */
export function markdownTable(rows, digits = 1) {
  const format = (value) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
  const lines = ['| measure | median | min | max | 95 % CI of median | unit | runs |', '|---|---:|---:|---:|---|---|---:|'];
  for (const [label, summary, unit] of rows) {
    lines.push(
      `| ${label} | ${format(summary.median)} | ${format(summary.min)} | ${format(summary.max)} | ${format(summary.ci95[0])}–${format(summary.ci95[1])} | ${unit} | ${summary.n} |`,
    );
  }
  return lines.join('\n');
}
