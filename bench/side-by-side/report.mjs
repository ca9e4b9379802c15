// The results of the side-by-side benchmark: every figure with its samples, medians, the ratio
// of medians with its bootstrap 95 % interval, its targets and whether each is met; written as
// bench/results/latest.json and as a markdown table (bench/results/latest.md).
import { median, ratioOfMedians } from '../lib/statistics.mjs';

const number = (value, unit) => {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'bytes') return `${(value / 1024).toFixed(1)} KiB`;
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === '%') return `${value.toFixed(2)} %`;
  if (unit === 'count') return String(Math.round(value));
  return `${value.toFixed(value < 10 ? 2 : 1)} ${unit}`;
};

/**
 * A figure compared with a reference (the peer, or a floor measured in the same pages):
 * `samples` and `reference` are arrays of numbers (one per run). `ratioTarget`: the ratio of
 * medians must have its interval's upper bound at or under it; `absolute`: {max} or {under}
 * the median of `samples` must meet. Answers the figure's record.
 */
export function figure({ id, name, unit, samples, reference = null, referenceName = null, ratioTarget = null, absolute = null, note = null }) {
  const own = median(samples);
  const other = reference && reference.length ? median(reference) : NaN;
  const ratio = reference && reference.length ? ratioOfMedians(samples, reference) : { ratio: NaN, low: NaN, high: NaN };
  const checks = [];
  if (ratioTarget !== null && reference && reference.length) {
    checks.push({
      target: `ratio ≤ ${ratioTarget}× ${referenceName}`,
      pass: Number.isFinite(ratio.high) ? ratio.high <= ratioTarget : null,
      // the interval reaches past the target although the ratio itself is within it
      unproven: Number.isFinite(ratio.high) && ratio.ratio <= ratioTarget && ratio.high > ratioTarget,
      by: Number.isFinite(ratio.ratio) ? ratio.ratio / ratioTarget : null,
    });
  }
  if (absolute) {
    const [kind, limit] = Object.entries(absolute)[0];
    checks.push({
      target: `${kind === 'under' ? '<' : '≤'} ${number(limit, unit)}`,
      pass: Number.isFinite(own) ? (kind === 'under' ? own < limit : own <= limit) : null,
      by: Number.isFinite(own) && limit !== 0 ? own / limit : null,
      over: Number.isFinite(own) ? own - limit : null,
    });
  }
  return {
    id,
    name,
    unit,
    median: own,
    referenceName,
    referenceMedian: other,
    ratio,
    checks,
    pass: checks.every((check) => check.pass === true) ? true : checks.some((check) => check.pass === false) ? false : null,
    note,
    samples,
    reference,
  };
}

const interval = ({ ratio, low, high }) =>
  Number.isFinite(ratio)
    ? Number.isFinite(low) && low !== high
      ? `${ratio.toFixed(2)}× [${low.toFixed(2)}–${high.toFixed(2)}]`
      : `${ratio.toFixed(2)}×`
    : 'n/a';

const verdict = (check) => {
  if (check.pass === true) return 'pass';
  if (check.pass !== false) return 'n/a';
  if (check.unproven) return 'not proven (interval crosses the target)';
  return check.by === null ? `**miss** (${check.over} over)` : `**miss** (${check.by.toFixed(2)}× the target)`;
};

/** The markdown table of `results` (from run.mjs). */
export function markdownTable(results) {
  const { machine, date, implementations, counts, durationSeconds } = results;
  const measured = results.figures.length > 0;
  const lines = [
    `Measured ${date} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB, load ${machine.loadAverage.join(' ')}), ` +
      `Chromium ${machine.chromium}, Node ${machine.node}; ${implementations.join(' vs ')}; ` +
      (measured
        ? `${counts.warmups} warm-ups + ${counts.runs} measured runs each (A B A B…), ${counts.cycleRuns} runs of memory cycles, `
        : 'CPU profiles only, ') +
      `${counts.rows.toLocaleString('en')} tracker rows; whole run ${Math.round(durationSeconds)} s.`,
  ];
  if (measured) {
    lines.push(
      '',
      'A ratio target is met when the upper bound of its bootstrap 95 % interval is at or under the target; an absolute target by the median.',
      '',
      '| figure | tradecover (median) | compared with (median) | ratio [95 % CI] | target | result |',
      '|---|---|---|---|---|---|',
    );
  }
  for (const row of results.figures) {
    const targets = row.checks.map((check) => check.target).join('; ');
    const outcome = row.checks.map(verdict).join('; ');
    const other = row.referenceName ? `${row.referenceName}: ${number(row.referenceMedian, row.unit)}` : '—';
    lines.push(`| **${row.id}** ${row.name} | ${number(row.median, row.unit)} | ${other} | ${interval(row.ratio)} | ${targets} | ${outcome} |`);
  }
  const notes = results.figures.filter((row) => row.note).map((row) => `- ${row.id} ${row.name}: ${row.note}`);
  if (notes.length) lines.push('', ...notes);
  const profiles = results.raw?.profiles;
  if (profiles) {
    lines.push('', 'CPU profiles of one run each (self time in ms; the `.cpuprofile` files are in `profiles/` next to this table):', '');
    for (const [name, phases] of Object.entries(profiles)) {
      for (const [phase, summary] of Object.entries(phases)) {
        const groups = Object.entries(summary.groups).filter(([group]) => group !== 'idle')
          .sort((a, b) => b[1] - a[1]).map(([group, ms]) => `${group} ${ms}`).join(', ');
        const heaviest = summary.heaviest.slice(0, 5).map((entry) => `\`${entry.name}\` ${entry.ms}`).join(', ');
        const label = {
          ingest: 'tracker: mount + ingest of the rows',
          update: 'tracker: sort + filter (4× throttle)',
          scroll: 'tracker: scroll (4× throttle)',
          search: 'search box: typing the G3 script (4× throttle)',
        }[phase];
        lines.push(`- ${name}, ${label}: ${groups}; heaviest: ${heaviest}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
