// The markdown table bench/tracker.mjs prints: one row per measure, from the summaries of
// bench/lib/statistics.mjs (median, min, max, bootstrap 95 % interval of the median, runs).

/** A markdown table of named summaries: `rows` is [[label, summary, unit]]. */
export function summaryTable(rows, digits = 1) {
  const format = (value) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
  const lines = ['| measure | median | min | max | 95 % CI of median | unit | runs |', '|---|---:|---:|---:|---|---|---:|'];
  for (const [label, summary, unit] of rows) {
    lines.push(
      `| ${label} | ${format(summary.median)} | ${format(summary.min)} | ${format(summary.max)} | ${format(summary.ci95[0])}–${format(summary.ci95[1])} | ${unit} | ${summary.n} |`,
    );
  }
  return lines.join('\n');
}
