// The browser of the side-by-side benchmark: one headless Chromium for the whole run, one fresh
// BrowserContext (and page, and DevTools session) per measured run.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where Chromium is: $CHROMIUM, else /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM || '/usr/bin/chromium';

/** Launches headless Chromium with precise memory figures (performance.memory unrounded). */
export async function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing (set $CHROMIUM)`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--enable-precise-memory-info', '--no-sandbox', '--disable-dev-shm-usage'],
  });
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
