// The benchmarks' headless Chromium (playwright-core driving $CHROMIUM or Debian's
// /usr/bin/chromium), shared by bench/tracker.mjs and bench/run.mjs: the launch and its flags, a
// fresh BrowserContext (page and DevTools session) per measured run, a page served by route,
// garbage collection, the JS heap in use, and DevTools traces.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where Chromium is: $CHROMIUM, else /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM || '/usr/bin/chromium';

/** The flags of every benchmark launch: exact (not bucketed) performance.memory, no sandbox. */
export const CHROMIUM_FLAGS = ['--enable-precise-memory-info', '--no-sandbox', '--disable-dev-shm-usage'];

/** Further flags that keep Chromium's own background work out of a run (bench/tracker.mjs). */
export const QUIET_FLAGS = [
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium with CHROMIUM_FLAGS and then `args`. */
export async function launchChromium({ args = [] } = {}) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing (set $CHROMIUM)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...args] });
}

/**
 * A fresh context, page and DevTools session. `throttle` is the CPU slow-down factor
 * (Emulation.setCPUThrottlingRate; 1 = none). Answers {context, page, cdp, setThrottle, close}.
 */
export async function openRun(browser, { throttle = 1, viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const setThrottle = (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await setThrottle(throttle);
  return { context, page, cdp, setThrottle, close: () => context.close() };
}

/**
 * Serves `html` at `url` for this page only (on the proxy's origin, the page imports /pkg/ and
 * calls /proxy/ as an integrator's page would).
 */
export async function servePage(page, url, html) {
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
}

/** Collects garbage twice (HeapProfiler.collectGarbage) so that heap figures are settled. */
export async function collectGarbage(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

/** The JS heap in use (Performance.getMetrics JSHeapUsedSize), in bytes. */
export async function jsHeapUsed(cdp) {
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN;
}

/**
 * Records a DevTools trace of `categories` around `action()`; answers {result, events}.
 */
export async function traced(cdp, categories, action) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    categories: categories.join(','),
    transferMode: 'ReportEvents',
  });
  let result;
  try {
    result = await action();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return { result, events };
}
