// tradecover — side-effect-free entry. Importing this module touches no DOM and loads no wasm:
// the module is fetched and instantiated on the first `load()` or mount.
import init, * as wasm from './tradecover.js';

let loading = null;

/**
 * Loads and instantiates the WebAssembly module once; later calls return the same promise.
 * `options.wasmUrl` overrides where the `.wasm` file is fetched from (CDNs, strict hosting).
 */
export function load(options = {}) {
  if (loading === null) {
    const source = options.wasmUrl ? { module_or_path: options.wasmUrl } : undefined;
    loading = init(source).catch((error) => {
      loading = null; // a later call may retry, e.g. after a network failure
      throw error;
    });
  }
  return loading;
}

/**
 * Mounts the buyer search box into `element` (inside an open shadow root).
 * Resolves to a handle with `unmount()`. Events: `tradecover-select` (detail.buyer) and
 * `tradecover-error` (detail: {code, message, field?, retryable}), bubbling and composed.
 */
export async function mountBuyerSearch(element, options = {}) {
  await load();
  return wasm.mountBuyerSearch(element, options);
}
