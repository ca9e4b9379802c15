// Headless Chromium for benchmarks (playwright-core driving Debian's /usr/bin/chromium).
import { chromium } from 'playwright-core';

/** The flags every benchmark run uses, so that runs compare. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // performance.memory reports exact (not bucketed) heap sizes with this flag.
  '--enable-precise-memory-info',
];

/** Launches the browser; `executablePath` defaults to /usr/bin/chromium. */
export function launchChromium({ executablePath = '/usr/bin/chromium', args = [] } = {}) {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS, ...args] });
}

/**
 * Serves `html` at `url` (same origin as the proxy, so that the page imports /pkg/ and calls
 * /proxy/ as an integrator's page would) for this page only.
 */
export async function servePage(page, url, html) {
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
}

/** The JS heap in use (bytes), through the DevTools protocol. */
export async function jsHeapUsed(page) {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await session.detach();
  }
}
