// G2 cold start: script injection → widget mounted and first keystroke handled (next paint),
// measured in the page at 4× CPU throttling; the time spent in WebAssembly compile +
// instantiate calls (streaming, from call to resolution) is reported as its share.

/** Runs the cold start of `widget` (from implementations.WIDGETS) for `impl` in `page`, whose
 * harness is loaded and nothing injected yet. Answers {imported, mounted, total, wasm} in ms. */
export function measureColdStart(page, impl, widget) {
  return page.evaluate(
    ({ impl, widget }) =>
      window.bench.coldStart({
        impl,
        mount: widget.mount,
        options: widget.options,
        inputSelector: widget.input,
      }),
    { impl, widget },
  );
}
