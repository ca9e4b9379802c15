// G1 transfer: the bytes on the wire (brotli, Network.loadingFinished encodedDataLength) of
// everything an implementation's widgets load from its own files (wasm + JS + CSS; the test page
// and the mocked API excluded): for each widget mounted alone in a fresh context, and for the
// three mounted one after another in one page (each file counted once).
import { openRun } from '../lib/chromium.mjs';
import { measureColdStart } from './g2-cold-start.mjs';
import { WIDGETS } from './implementations.mjs';
import { mockSearch } from './mocks.mjs';

async function recordTransfer(browser, pageUrl, impl, widgetKeys) {
  const run = await openRun(browser, { throttle: 1 });
  try {
    const urls = new Map();
    const bytes = new Map();
    await run.cdp.send('Network.enable');
    await run.cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    run.cdp.on('Network.requestWillBeSent', ({ requestId, request }) => urls.set(requestId, request.url));
    run.cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => bytes.set(requestId, encodedDataLength));
    await mockSearch(run.page);
    await run.page.goto(pageUrl);
    await run.page.waitForFunction(() => window.bench);
    for (const [index, key] of widgetKeys.entries()) {
      if (index === 0) await measureColdStart(run.page, impl, WIDGETS[key]);
      else {
        await run.page.evaluate(async ({ mount, options }) => {
          window.bench.unmount();
          await window.bench.mountAgain(mount, options);
        }, WIDGETS[key]);
      }
      await run.page.waitForTimeout(500);
    }
    await run.page.waitForTimeout(500);
    const files = {};
    for (const [id, url] of urls) {
      const path = new URL(url).pathname;
      if (path.startsWith(impl.prefix) && bytes.has(id)) files[path] = (files[path] ?? 0) + bytes.get(id);
    }
    return { files, total: Object.values(files).reduce((sum, size) => sum + size, 0) };
  } finally {
    await run.close();
  }
}

/** Measures G1 for `impl`: {search, form, tracker, all}, each {files, total} in bytes. */
export async function measureTransfer(browser, pageUrl, impl) {
  const result = {};
  for (const key of Object.keys(WIDGETS)) result[key] = await recordTransfer(browser, pageUrl, impl, [key]);
  result.all = await recordTransfer(browser, pageUrl, impl, Object.keys(WIDGETS));
  return result;
}
