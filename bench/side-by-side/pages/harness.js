// The in-page half of the side-by-side benchmark: injects an implementation's module (tradecover
// or the React peer, same JS API), mounts a widget and measures in the page, so that no
// round trip to the Playwright process enters a figure. Exposed as `window.bench`.

import {
  deepQuery,
  deepQueryAll,
  host,
  nextPaint,
  now,
  typeValue,
  until,
  waitFor,
} from './dom.js';
import * as tracker from './tracker.js';

// Time spent in WebAssembly compile + instantiate calls (from call to resolution).
const wasmTimes = [];
for (const name of ['instantiateStreaming', 'instantiate', 'compileStreaming', 'compile']) {
  const original = WebAssembly[name];
  if (typeof original !== 'function') continue;
  WebAssembly[name] = function timed(...args) {
    const start = now();
    const promise = original.apply(this, args);
    promise.then(() => wasmTimes.push({ name, start, end: now() }), () => {});
    return promise;
  };
}

let implementation = null;
let moduleExports = null;
let handle = null;

/**
 * Cold start (G2): injects the implementation's module and styles, mounts `widget`
 * (`mountBuyerSearch`, …) with `options`, waits for `inputSelector`, types one character and
 * waits for the next paint. Answers the times in ms from the injection.
 */
async function coldStart({ impl, mount, options, inputSelector }) {
  implementation = impl;
  performance.mark('inject');
  const start = now();
  for (const href of impl.styles || []) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
  moduleExports = await import(impl.module);
  const imported = now();
  handle = await moduleExports[mount](host, options);
  const input = await waitFor(inputSelector);
  const mounted = now();
  performance.mark('mounted');
  input.focus();
  typeValue(input, 'd');
  const handled = await nextPaint();
  performance.mark('first-keystroke');
  const wasm = wasmTimes.reduce((sum, time) => sum + (time.end - time.start), 0);
  return {
    imported: imported - start,
    mounted: mounted - start,
    total: handled - start,
    wasm,
  };
}

/** Clears the input matching `selector` and waits for the next paint. */
async function clearInput(selector) {
  const input = deepQuery(selector);
  typeValue(input, '');
  await nextPaint();
}

// Event Timing: every keyboard / input entry, whatever its duration above the threshold.
const eventEntries = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    eventEntries.push({
      name: entry.name,
      start: entry.startTime,
      duration: entry.duration,
      processing: entry.processingEnd - entry.processingStart,
      interactionId: entry.interactionId,
    });
  }
}).observe({ type: 'event', durationThreshold: 16, buffered: true });

// Keystrokes seen, with the time to the next frame after their handling (a finer figure than
// Event Timing's 8 ms rounding and 16 ms threshold).
const keystrokes = [];
let recording = false;
window.addEventListener(
  'keydown',
  (event) => {
    if (!recording) return;
    const record = { at: event.timeStamp, nextFrame: NaN };
    keystrokes.push(record);
    nextPaint().then((painted) => (record.nextFrame = painted - record.at));
  },
  true,
);

/** Starts recording keystrokes (G3). */
function startKeystrokes() {
  eventEntries.length = 0;
  keystrokes.length = 0;
  recording = true;
  return now();
}

/**
 * Stops recording (G3): per keystroke, the longest Event Timing duration among its entries
 * (keydown, keypress, beforeinput, input, keyup within its span); keystrokes with no entry took
 * under the 16 ms threshold and are counted as 16 ms (an upper bound).
 */
async function stopKeystrokes(since) {
  await nextPaint();
  await new Promise((resolve) => setTimeout(resolve, 100)); // Event Timing entries are queued
  recording = false;
  const strokes = keystrokes.filter((stroke) => stroke.at >= since);
  const entries = eventEntries.filter((entry) => entry.start >= since);
  const durations = strokes.map((stroke, index) => {
    const next = strokes[index + 1]?.at ?? Infinity;
    const own = entries.filter((entry) => entry.start >= stroke.at - 1 && entry.start < next - 1);
    return own.length ? Math.max(16, ...own.map((entry) => entry.duration)) : 16;
  });
  return {
    count: strokes.length,
    reported: entries.length,
    durations,
    nextFrame: strokes.map((stroke) => stroke.nextFrame),
  };
}

/** Unmounts the widget (handle.unmount). */
function unmount() {
  handle?.unmount();
  handle = null;
}

/** Mounts `mount` again with `options` (memory cycles, G7). */
async function mountAgain(mount, options) {
  handle = await moduleExports[mount](host, options);
}

/** Bytes of the implementation's WebAssembly memory (0 for a JS-only implementation). */
async function wasmMemoryBytes() {
  if (typeof moduleExports?.load !== 'function') return 0;
  const exports = await moduleExports.load();
  return exports?.memory?.buffer?.byteLength ?? 0;
}

window.bench = {
  tracker,
  coldStart,
  clearInput,
  startKeystrokes,
  stopKeystrokes,
  unmount,
  mountAgain,
  wasmMemoryBytes,
  nextPaint,
  deepQuery,
  deepQueryAll,
  waitFor,
  until,
  typeValue,
  host,
  get implementation() {
    return implementation;
  },
};
document.documentElement.dataset.ready = 'true';
