// Tests of the benchmark's analysis (no browser): statistics, targets, trace frames, profiles.
// Run: node --test bench/side-by-side/analysis.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapMedianInterval, median, p95, quantile, ratioOfMedians, seededRandom, summarize } from '../lib/statistics.mjs';
import { figure } from './report.mjs';
import { frameWork } from './g5-scroll.mjs';
import { summarizeProfile } from './profile.mjs';

test('quantiles interpolate between order statistics and ignore non-finite values', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(quantile([0, 10], 0.25), 2.5);
  assert.equal(p95([...Array.from({ length: 101 }, (_, index) => index), NaN]), 95);
  assert.ok(Number.isNaN(median([])));
});

test('the bootstrap interval is reproducible and brackets the ratio of medians', () => {
  const random = seededRandom(1);
  const a = Array.from({ length: 15 }, () => 100 + random() * 20);
  const b = Array.from({ length: 15 }, () => 50 + random() * 10);
  const first = ratioOfMedians(a, b);
  assert.deepEqual(ratioOfMedians(a, b), first);
  assert.equal(first.ratio, median(a) / median(b));
  assert.ok(first.low <= first.ratio && first.ratio <= first.high);
  assert.ok(first.low > 1.5 && first.high < 2.5);
});

test('the interval of one median is reproducible, brackets the median and stays within the samples', () => {
  const random = seededRandom(2);
  const samples = Array.from({ length: 9 }, () => 20 + random() * 30);
  const summary = summarize(samples);
  assert.deepEqual(summarize(samples), summary);
  const [low, high] = summary.ci95;
  assert.ok(Math.min(...samples) <= low && low <= summary.median && summary.median <= high && high <= Math.max(...samples));
  assert.notDeepEqual(bootstrapMedianInterval(samples, { seed: 3, level: 0.5 }), summary.ci95);
  assert.deepEqual(bootstrapMedianInterval([]), [NaN, NaN]);
});

test('a ratio target passes on the upper bound, is unproven when only the ratio is within it', () => {
  const same = Array.from({ length: 15 }, (_, index) => 100 + index);
  const pass = figure({ id: 'G', name: 'x', unit: 'ms', samples: same.map((v) => v / 2), reference: same, referenceName: 'peer', ratioTarget: 1 });
  assert.equal(pass.pass, true);
  const noisy = [10, 200, 15, 180, 12, 190, 11];
  const unproven = figure({ id: 'G', name: 'x', unit: 'ms', samples: noisy.map((v) => v * 0.9), reference: noisy, referenceName: 'peer', ratioTarget: 1 });
  assert.equal(unproven.pass, false);
  assert.equal(unproven.checks[0].unproven, true);
  const miss = figure({ id: 'G', name: 'x', unit: 'ms', samples: same.map((v) => v * 3), reference: same, referenceName: 'peer', ratioTarget: 2 });
  assert.equal(miss.pass, false);
  assert.equal(miss.checks[0].by.toFixed(2), '1.50');
  const absolute = figure({ id: 'G', name: 'x', unit: 'ms', samples: [40, 60, 55], absolute: { max: 50 } });
  assert.equal(absolute.pass, false);
  assert.equal(absolute.checks.length, 1, 'no ratio check without a reference');
});

test('frame work sums the main thread tasks between frame starts and finds long tasks', () => {
  const thread = { pid: 1, tid: 2 };
  const other = { pid: 1, tid: 3 };
  const events = [
    { ph: 'M', name: 'thread_name', ...thread, args: { name: 'CrRendererMain' } },
    { ph: 'M', name: 'thread_name', ...other, args: { name: 'Compositor' } },
    ...[0, 16_000, 32_000, 48_000, 64_000, 80_000, 96_000, 112_000, 128_000, 144_000, 160_000].map((ts) => ({ ph: 'I', name: 'BeginMainThreadFrame', ts, ...thread })),
    { ph: 'X', name: 'RunTask', ts: 1_000, dur: 5_000, ...thread },
    { ph: 'X', name: 'RunTask', ts: 7_000, dur: 3_000, ...thread },
    { ph: 'X', name: 'RunTask', ts: 17_000, dur: 60_000, ...thread },
    { ph: 'X', name: 'Layout', ts: 18_000, dur: 10_000, ...thread },
    { ph: 'X', name: 'RunTask', ts: 20_000, dur: 90_000, ...other },
  ];
  const { frames, longTasks, breakdown } = frameWork(events);
  assert.equal(frames.length, 10);
  assert.equal(frames[0], 8);
  assert.equal(frames[1], 60);
  assert.equal(frames[2], 0);
  assert.deepEqual(longTasks, [60]);
  assert.equal(breakdown.layout, 1);
});

test('profile self time is grouped by where the code comes from', () => {
  const impl = { name: 'tradecover', prefix: '/tradecover/' };
  const frame = (functionName, url = '') => ({ functionName, url, lineNumber: 0 });
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('wasm-function[7]', 'http://x/tradecover/tradecover_bg.wasm') },
      { id: 3, callFrame: frame('$', 'http://x/tradecover/tradecover.js') },
      { id: 4, callFrame: frame('(garbage collector)') },
      { id: 5, callFrame: frame('frame', 'http://x/pages/tracker.js') },
    ],
    samples: [2, 2, 3, 4, 5],
    timeDeltas: [1000, 1000, 2000, 3000, 4000],
  };
  const { groups, heaviest } = summarizeProfile(profile, impl);
  assert.equal(groups['tradecover wasm'], 2);
  assert.equal(groups['tradecover JS'], 2);
  assert.equal(groups.gc, 3);
  assert.equal(heaviest[0].ms, 4);
});
