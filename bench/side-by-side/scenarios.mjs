// One measured run of each kind, in a fresh BrowserContext, composing the figures that share a
// page: the search box (G2, G3) and the cover form (G2, G3) at 4× throttling; the tracker with
// 100,000 rows: G6 and G7 unthrottled, then G4 and G5 at 4× throttling; the tracker's
// mount/unmount cycles (G7 growth).
import { openRun } from '../lib/chromium.mjs';
import { measureColdStart } from './g2-cold-start.mjs';
import { measureKeystrokes } from './g3-keystrokes.mjs';
import { measureTrackerUpdate } from './g4-tracker-update.mjs';
import { measureScroll } from './g5-scroll.mjs';
import { measureIngest, measureParseFloor } from './g6-ingest.mjs';
import { measureCycles, measureMemory } from './g7-memory.mjs';
import { WIDGETS } from './implementations.mjs';
import { mockSearch } from './mocks.mjs';

/** CPU slow-down of the interaction figures (G2–G5). */
export const THROTTLE = 4;

async function openHarness(browser, pageUrl, throttle) {
  const run = await openRun(browser, { throttle });
  await mockSearch(run.page);
  await run.page.goto(pageUrl);
  await run.page.waitForFunction(() => window.bench);
  return run;
}

/**
 * A run of the search box or the cover form (`widgetKey`): {coldStart, keystrokes}. A warm-up
 * run (`warmup`) stops after the cold start: what it warms (the server's and the browser's
 * caches, the OS's files) is warm by then, and every run starts in a fresh BrowserContext, so
 * typing in a warm-up warms nothing the measured runs reuse; it took two thirds of each run.
 */
export async function inputRun(browser, pageUrl, impl, widgetKey, { warmup = false } = {}) {
  const run = await openHarness(browser, pageUrl, THROTTLE);
  try {
    const coldStart = await measureColdStart(run.page, impl, WIDGETS[widgetKey]);
    if (warmup) return { coldStart };
    const keystrokes = await measureKeystrokes(run.page, widgetKey);
    return { coldStart, keystrokes };
  } finally {
    await run.close();
  }
}

/**
 * A run of the tracker with `rows` rows: {ingest, parse, memory, update, scroll}. A warm-up run
 * (`warmup`) stops after the ingest, for the reason `inputRun` gives.
 */
export async function trackerRun(browser, pageUrl, impl, rows, { warmup = false } = {}) {
  const run = await openHarness(browser, pageUrl, 1);
  try {
    const coldStart = await measureColdStart(run.page, impl, WIDGETS.tracker);
    const ingest = await measureIngest(run.page, rows);
    if (warmup) return { coldStart, ingest };
    const memory = await measureMemory(run.page, run.cdp);
    const parse = await measureParseFloor(run.page);
    await run.setThrottle(THROTTLE);
    const update = await measureTrackerUpdate(run.page, rows);
    const scroll = await measureScroll(run.page, run.cdp);
    return { coldStart, ingest, parse, memory, update, scroll };
  } finally {
    await run.close();
  }
}

/** A run of the tracker's mount/unmount cycles with `rows` rows (G7 growth). */
export async function cyclesRun(browser, pageUrl, impl, rows) {
  const run = await openHarness(browser, pageUrl, 1);
  try {
    await measureColdStart(run.page, impl, WIDGETS.tracker);
    await run.page.evaluate((rows) => window.bench.tracker.waitRows(rows), rows);
    return await measureCycles(run.page, run.cdp, WIDGETS.tracker, rows);
  } finally {
    await run.close();
  }
}

/**
 * Runs `runOnce(impl, {warmup})` alternately for each implementation (A B A B …): `warmups`
 * unrecorded rounds, then `runs` recorded ones. Answers {[impl.name]: [result per run]};
 * `onRun` is told of each run ({impl, index (from 1, among warm-ups or measured runs), warmup,
 * ms}).
 */
export async function interleaved(implementations, { warmups, runs }, runOnce, onRun = () => {}) {
  const results = Object.fromEntries(implementations.map((impl) => [impl.name, []]));
  for (let round = 0; round < warmups + runs; round += 1) {
    for (const impl of implementations) {
      const started = Date.now();
      const warmup = round < warmups;
      const result = await runOnce(impl, { warmup });
      if (!warmup) results[impl.name].push(result);
      onRun({ impl, index: warmup ? round + 1 : round - warmups + 1, warmup, ms: Date.now() - started });
    }
  }
  return results;
}
