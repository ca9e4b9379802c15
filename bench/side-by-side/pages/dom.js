// DOM helpers of the test pages, shared by the harness and the tracker's measurements.

/** The element widgets are mounted into. */
export const host = document.getElementById('host');
export const now = () => performance.now();

/** Resolves after the next paint: a frame, then a task after it (the frame has been drawn). */
export function nextPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(now());
      channel.port2.postMessage(null);
    });
  });
}

/** Yields to the event loop without the 4 ms clamp of nested timers. */
export const yieldTask = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(null);
  });

/** The first element matching `selector` in `root` or any open shadow root under it. */
export function deepQuery(selector, root = host) {
  const found = root.querySelector(selector);
  if (found) return found;
  const candidates = [root, ...root.querySelectorAll('*')];
  for (const element of candidates) {
    if (element.shadowRoot) {
      const inner = deepQuery(selector, element.shadowRoot);
      if (inner) return inner;
    }
  }
  return null;
}

/** Every element matching `selector` in `root` and its open shadow roots. */
export function deepQueryAll(selector, root = host) {
  const found = [...root.querySelectorAll(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepQueryAll(selector, element.shadowRoot));
  }
  if (root === host && host.shadowRoot) found.push(...deepQueryAll(selector, host.shadowRoot));
  return found;
}

/** Waits (yielding tasks) until `selector` exists under the host; answers the element. */
export async function waitFor(selector, timeout = 60_000) {
  const start = now();
  for (;;) {
    const element = deepQuery(selector);
    if (element) return element;
    if (now() - start > timeout) throw new Error(`${selector} did not appear`);
    await yieldTask();
  }
}

/** Waits (yielding tasks) until `check()` is true. */
export async function until(check, timeout = 120_000) {
  const start = now();
  while (!check()) {
    if (now() - start > timeout) throw new Error(`timed out waiting for ${check}`);
    await yieldTask();
  }
  return now();
}

/** Sets an input's value as typing would, through the native setter (React tracks the
 * property), and fires `input`. */
export function typeValue(input, value) {
  const prototype = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
  Object.getOwnPropertyDescriptor(prototype.prototype, 'value').set.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

