// A page that mounts the decision tracker from the package served at /pkg/, for benchmarks and
// scale tests, in a section under its own h2 as a portal page would place it (the widget's
// panels use h3 headings). It records on `window.__tracker`: the mount's handle, the wasm exports (for the
// memory size) and any error.

/**
 * The page's HTML. `options` are mountDecisionTracker's (proxy defaults to /proxy/, locale to
 * en); `width`/`height` size the host element.
 */
export function trackerPageHtml(options, { title = 'Decision tracker', height = 600 } = {}) {
  const mountOptions = JSON.stringify({ proxy: '/proxy/', locale: 'en', syncUrl: false, ...options });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>body { font-family: sans-serif; margin: 1rem; } tradecover-host { display: block; height: ${height}px; }</style>
</head>
<body>
<main>
<h1>${title}</h1>
<section aria-labelledby="decisions-heading">
<h2 id="decisions-heading">Decisions</h2>
<div id="tracker"></div>
</section>
</main>
<script type="module">
import { load, mountDecisionTracker } from '/pkg/index.js';
window.__tracker = { errors: [] };
try {
  window.__tracker.wasm = await load();
  window.__tracker.handle = await mountDecisionTracker(document.getElementById('tracker'), ${mountOptions});
} catch (error) {
  window.__tracker.errors.push(String(error));
}
</script>
</body>
</html>`;
}

/** In-page helpers (a script for page.addInitScript) to read the tracker's shadow DOM. */
export const TRACKER_PROBE = `
window.__trackerDom = {
  root() { return document.getElementById('tracker')?.shadowRoot ?? null; },
  q(selector) { return this.root()?.querySelector(selector) ?? null; },
  qa(selector) { return [...(this.root()?.querySelectorAll(selector) ?? [])]; },
  /** Rows of the body shown (not hidden) with their cell texts. */
  visibleRows() {
    return this.qa('.tc-body [role=row]').filter((row) => !row.hidden).map((row) => [...row.querySelectorAll('[role=gridcell]')].map((cell) => cell.textContent));
  },
  /** The grid's row count (aria-rowcount minus the header row). */
  shown() { return Number(this.q('[role=grid]')?.getAttribute('aria-rowcount') ?? 1) - 1; },
  loading() { return this.q('.tc-progress') !== null; },
};
`;
