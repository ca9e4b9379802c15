// Where the time goes, from a V8 CPU profile rather than a guess: one tracker run per
// implementation with the DevTools Profiler on during the ingest of the rows (unthrottled), then
// at 4× throttle during the sort and filter (G4) and during the scroll (G5); and one run of the
// search box at 4× throttle while its G3 script is typed. Self time is grouped into the implementation's WebAssembly,
// its JavaScript, the test page, garbage collection and the rest; the heaviest functions are
// listed, and the .cpuprofile files are kept (open them in Chrome DevTools). tradecover's wasm
// ships without a name section, so its functions read `wasm-function[N]`: a build keeping the
// names (wasm-opt --debuginfo, wasm-bindgen --keep-debug) makes the same profile readable.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openRun } from '../lib/chromium.mjs';
import { measureColdStart } from './g2-cold-start.mjs';
import { measureKeystrokes } from './g3-keystrokes.mjs';
import { measureTrackerUpdate } from './g4-tracker-update.mjs';
import { SCROLL_MS, SCROLL_STEP } from './g5-scroll.mjs';
import { measureParseFloor } from './g6-ingest.mjs';
import { WIDGETS } from './implementations.mjs';
import { mockSearch } from './mocks.mjs';
import { THROTTLE } from './scenarios.mjs';

/** Self time (ms) per group and the heaviest functions of a .cpuprofile. */
export function summarizeProfile(profile, impl) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, index) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const groups = {};
  const functions = new Map();
  for (const [id, time] of self) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    const url = callFrame.url || '';
    let group;
    if (name === '(idle)') group = 'idle';
    else if (name === '(garbage collector)') group = 'gc';
    else if (name === '(program)') group = 'browser (style, layout, paint, other)';
    else if (url.endsWith('.wasm') || name.startsWith('wasm-function') || callFrame.codeType === 'wasm') group = `${impl.name} wasm`;
    else if (url.includes(impl.prefix)) group = `${impl.name} JS`;
    else if (url.includes('/pages/')) group = 'test page (harness, floors, and the layout its scrollTop writes force)';
    else group = 'other (native, builtins)';
    groups[group] = (groups[group] ?? 0) + time;
    if (group !== 'idle') {
      const key = `${name} ${url.split('/').pop()}:${callFrame.lineNumber + 1}`;
      functions.set(key, (functions.get(key) ?? 0) + time);
    }
  }
  const heaviest = [...functions].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 }));
  const rounded = Object.fromEntries(Object.entries(groups).map(([group, ms]) => [group, Math.round(ms)]));
  return { groups: rounded, heaviest };
}

async function profiled(cdp, action) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await action();
  const { profile } = await cdp.send('Profiler.stop');
  return profile;
}

/** Profiles `impl`'s tracker with `rows` rows; writes the .cpuprofile files into `dir` and
 * answers {ingest, update, scroll} summaries. */
export async function profileTracker(browser, pageUrl, impl, rows, dir) {
  const run = await openRun(browser, { throttle: 1 });
  try {
    await mockSearch(run.page);
    await run.page.goto(pageUrl);
    await run.page.waitForFunction(() => window.bench);
    const ingest = await profiled(run.cdp, async () => {
      await measureColdStart(run.page, impl, WIDGETS.tracker);
      await run.page.evaluate((rows) => window.bench.tracker.waitRows(rows), rows);
    });
    await measureParseFloor(run.page); // the keys the G4 checks need
    await run.setThrottle(THROTTLE);
    const update = await profiled(run.cdp, () => measureTrackerUpdate(run.page, rows));
    const scroll = await profiled(run.cdp, () =>
      run.page.evaluate(({ ms, step }) => window.bench.tracker.scrollLoop(ms, step), { ms: SCROLL_MS, step: SCROLL_STEP }),
    );
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${impl.name}-ingest.cpuprofile`), JSON.stringify(ingest));
    writeFileSync(join(dir, `${impl.name}-update.cpuprofile`), JSON.stringify(update));
    writeFileSync(join(dir, `${impl.name}-scroll.cpuprofile`), JSON.stringify(scroll));
    return {
      ingest: summarizeProfile(ingest, impl),
      update: summarizeProfile(update, impl),
      scroll: summarizeProfile(scroll, impl),
    };
  } finally {
    await run.close();
  }
}

/** Profiles `impl`'s search box at 4× throttle while the G3 script is typed; writes the
 * .cpuprofile into `dir` and answers its summary. */
export async function profileSearch(browser, pageUrl, impl, dir) {
  const run = await openRun(browser, { throttle: THROTTLE });
  try {
    await mockSearch(run.page);
    await run.page.goto(pageUrl);
    await run.page.waitForFunction(() => window.bench);
    await measureColdStart(run.page, impl, WIDGETS.search);
    const typing = await profiled(run.cdp, () => measureKeystrokes(run.page, 'search'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${impl.name}-search.cpuprofile`), JSON.stringify(typing));
    return summarizeProfile(typing, impl);
  } finally {
    await run.close();
  }
}
