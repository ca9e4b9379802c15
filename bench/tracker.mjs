// Benchmark of the decision tracker at 100,000 decisions (not a test): headless Chromium,
// the proxy with its embedded sandbox, a portfolio seeded through POST /__sandbox/portfolio.
//
// Reports, over RUNS page loads (default 5; median, min, max, bootstrap 95 % interval of the
// median): navigation → first rendered row painted; navigation → all decisions loaded and
// painted; filter keystroke → next paint; sort click → next paint; wasm memory after load
// (the instance's memory buffer) and JS heap after load (CDP, after a garbage collection).
// Writes bench/results/tracker.json and prints a markdown table.
//
// Needs: bash scripts/build-pkg.sh and cargo build -p tradecover-proxy (--release preferred:
// the release binary is used when it exists). Environment: BENCH_COUNT (100000), BENCH_RUNS
// (5), BENCH_PAGE_SIZE (the tracker's page size, default 500 as the widget's),
// BENCH_PROFILE (release|debug), CARGO_TARGET_DIR.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/repository.mjs';
import { startProxy, availableProfile } from './lib/server.mjs';
import { QUIET_FLAGS, collectGarbage, jsHeapUsed, launchChromium, openRun, servePage } from './lib/chromium.mjs';
import { seedPortfolio, BENCH_ALLIANZ_POLICY } from './lib/seed.mjs';
import { PAINT_PROBE, timeToPaint } from './lib/paint.mjs';
import { summarize } from './lib/statistics.mjs';
import { summaryTable } from './lib/summary_table.mjs';
import { trackerPageHtml, TRACKER_PROBE } from './lib/tracker_page.mjs';

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 500);
const PROFILE = process.env.BENCH_PROFILE ?? availableProfile();
const INTERACTIONS_PER_RUN = 3;
/** The keystroke typed in the filter: a letter only some buyers' names and references have. */
const FILTER_KEY = 'q';
const LOAD_TIMEOUT_MS = 600_000;

async function oneRun(browser, url, html) {
  const { page, cdp, close } = await openRun(browser, { viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(PAINT_PROBE);
  await page.addInitScript(TRACKER_PROBE);
  await servePage(page, `${url}bench-tracker.html`, html);
  await page.goto(`${url}bench-tracker.html`, { waitUntil: 'commit' });
  const firstRow = await page.evaluate(() =>
    window.__paint.after(() => window.__trackerDom.visibleRows().length > 0, 120_000),
  );
  const allRows = await page.evaluate(
    ({ count, timeout }) =>
      window.__paint.after(() => !window.__trackerDom.loading() && window.__trackerDom.shown() >= count, timeout),
    { count: COUNT, timeout: LOAD_TIMEOUT_MS },
  );
  const wasmMemory = await page.evaluate(() => window.__tracker.wasm.memory.buffer.byteLength);
  await collectGarbage(cdp);
  const jsHeap = await jsHeapUsed(cdp);
  const filter = [];
  const sort = [];
  for (let i = 0; i < INTERACTIONS_PER_RUN; i += 1) {
    // One keystroke in the text filter, from an empty filter.
    await page.evaluate((key) => (window.FILTER_KEY = key), FILTER_KEY);
    filter.push(
      await timeToPaint(
        page,
        () => {
          const input = window.__trackerDom.q('input[name=q]');
          window.__before = window.__trackerDom.shown();
          input.value = FILTER_KEY;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, data: FILTER_KEY, inputType: 'insertText' }));
        },
        () => window.__trackerDom.shown() !== window.__before,
      ),
    );
    await page.evaluate((count) => {
      const input = window.__trackerDom.q('input[name=q]');
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
      return window.__paint.after(() => window.__trackerDom.shown() >= count);
    }, COUNT);
    // One click on the buyer column's sort button (ascending, descending, ascending…).
    sort.push(
      await timeToPaint(
        page,
        () => {
          const header = window.__trackerDom.q('[role=columnheader][data-column=buyer]');
          window.__before = header.getAttribute('aria-sort');
          header.querySelector('button').click();
        },
        () => window.__trackerDom.q('[role=columnheader][data-column=buyer]').getAttribute('aria-sort') !== window.__before,
      ),
    );
  }
  await close();
  return { firstRow, allRows, wasmMemory, jsHeap, filter, sort, errors };
}

async function main() {
  const proxy = await startProxy({ profile: PROFILE });
  let browser;
  try {
    const seeded = await seedPortfolio(proxy.url, { insurer: 'allianz-trade', count: COUNT, seed: 1, policy: BENCH_ALLIANZ_POLICY });
    const html = trackerPageHtml(
      { insurers: ['allianz-trade'], allianzPolicies: [BENCH_ALLIANZ_POLICY], pageSize: PAGE_SIZE },
      { title: 'Decision tracker benchmark' },
    );
    browser = await launchChromium({ args: QUIET_FLAGS });
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) {
      const result = await oneRun(browser, proxy.url, html);
      runs.push(result);
      console.error(`run ${run + 1}/${RUNS}: first row ${result.firstRow.toFixed(0)} ms, all ${result.allRows.toFixed(0)} ms`);
    }
    const mb = (bytes) => bytes / 1024 / 1024;
    const rows = [
      ['navigation → first rendered row', summarize(runs.map((r) => r.firstRow)), 'ms'],
      [`navigation → all ${COUNT.toLocaleString('en')} rows`, summarize(runs.map((r) => r.allRows)), 'ms'],
      ['filter keystroke → next paint', summarize(runs.flatMap((r) => r.filter)), 'ms'],
      ['sort click → next paint', summarize(runs.flatMap((r) => r.sort)), 'ms'],
      ['wasm memory after load', summarize(runs.map((r) => mb(r.wasmMemory))), 'MiB'],
      ['JS heap after load (after GC)', summarize(runs.map((r) => mb(r.jsHeap))), 'MiB'],
    ];
    const result = {
      date: new Date().toISOString(),
      decisions: COUNT,
      pageSize: PAGE_SIZE,
      runs: RUNS,
      proxyProfile: proxy.profile,
      seeding: { milliseconds: seeded.milliseconds, total: seeded.total },
      chromium: await browser.version(),
      measures: Object.fromEntries(rows.map(([label, summary, unit]) => [label, { unit, ...summary }])),
      errors: runs.flatMap((r) => r.errors),
    };
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', 'tracker.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`Decision tracker, ${COUNT.toLocaleString('en')} Allianz Trade decisions, page size ${PAGE_SIZE}, proxy ${proxy.profile}, ${result.chromium}`);
    console.log(`Seeding ${COUNT.toLocaleString('en')} decisions: ${seeded.milliseconds.toFixed(0)} ms\n`);
    console.log(summaryTable(rows));
    if (result.errors.length > 0) console.log(`\nPage errors: ${result.errors.join('; ')}`);
  } finally {
    await browser?.close();
    await proxy.stop();
  }
}

await main();
