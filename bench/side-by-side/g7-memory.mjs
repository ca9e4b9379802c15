// G7 memory: after the 100,000 rows are loaded and garbage is collected
// (HeapProfiler.collectGarbage), the JS heap in use (Performance.getMetrics JSHeapUsedSize) plus
// the implementation's WebAssembly memory (memory.buffer.byteLength; 0 for the peer). And the
// high-water growth over 5 mount/unmount cycles of the tracker in one page.
import { collectGarbage, jsHeapUsed } from '../lib/chromium.mjs';

/** The memory figure of `page` now: {jsHeap, wasm, total} in bytes, after GC. */
export async function measureMemory(page, cdp) {
  await page.evaluate(() => window.bench.tracker.dropKeys());
  await collectGarbage(cdp);
  const jsHeap = await jsHeapUsed(cdp);
  const wasm = await page.evaluate(() => window.bench.wasmMemoryBytes());
  return { jsHeap, wasm, total: jsHeap + wasm };
}

/** Number of mount/unmount cycles. */
export const CYCLES = 5;

/**
 * Memory over CYCLES cycles in `page` whose tracker (`widget`) shows `rows` rows: the figure
 * after each load, then unmount and mount again. Answers {after: [total per cycle], highWater,
 * growth} where growth = (high-water of cycles 2..n) / (cycle 1) − 1.
 */
export async function measureCycles(page, cdp, widget, rows) {
  const after = [];
  for (let cycle = 0; cycle < CYCLES; cycle += 1) {
    if (cycle > 0) {
      await page.evaluate(
        async ({ mount, options, rows }) => {
          window.bench.unmount();
          await window.bench.nextPaint();
          await window.bench.mountAgain(mount, options);
          await window.bench.tracker.waitRows(rows);
        },
        { mount: widget.mount, options: widget.options, rows },
      );
    }
    after.push((await measureMemory(page, cdp)).total);
  }
  const highWater = Math.max(...after);
  return { after, highWater, growth: Math.max(...after.slice(1)) / after[0] - 1 };
}
