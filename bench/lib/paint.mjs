// Paint timing in the page: the time from an input (taken just before it is dispatched) to the
// next frame that shows its effect. "Shows" is a condition on the DOM the caller gives; the
// frame is the next requestAnimationFrame after it holds, and the paint is taken at the task
// that follows that frame (rAF + a following task, the usual approximation of the paint).

/** Script that installs `window.__paint` in a page (pass to page.addInitScript). */
export const PAINT_PROBE = `
window.__paint = {
  /** Resolves to performance.now() just after the next paint. */
  next() {
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
  },
  /** Waits (frame by frame, up to timeoutMs) until condition() holds, then for the next paint. */
  async after(condition, timeoutMs = 60000) {
    const started = performance.now();
    while (!condition()) {
      if (performance.now() - started > timeoutMs) throw new Error('the condition never held');
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return this.next();
  },
};
`;

/**
 * Runs `act` in the page (a function source taking no argument, run right after t0), waits
 * until `condition` (a function source returning a boolean) holds, and resolves to the
 * milliseconds from t0 to the next paint.
 */
export async function timeToPaint(page, act, condition) {
  return page.evaluate(
    async ({ act, condition }) => {
      const run = new Function(`return (${act})();`);
      const holds = new Function(`return (${condition})();`);
      const t0 = performance.now();
      run();
      const painted = await window.__paint.after(holds);
      return painted - t0;
    },
    { act: String(act), condition: String(condition) },
  );
}
