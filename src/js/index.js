// tradecover — side-effect-free entry. Importing this module touches no DOM and loads no wasm:
// the module is fetched and instantiated on the first `load()` or mount.
import init, { initSync } from './tradecover.js';
import * as wasm from './tradecover.js';

let loading = null;
let ready = false;

/**
 * Loads and instantiates the WebAssembly module once; later calls return the same promise.
 * `options.wasmUrl` overrides where the `.wasm` file is fetched from (CDNs, strict hosting).
 */
export function load(options = {}) {
  if (loading === null) {
    const source = options.wasmUrl ? { module_or_path: options.wasmUrl } : undefined;
    loading = init(source).then(
      (exports) => {
        ready = true;
        return exports;
      },
      (error) => {
        loading = null; // a later call may retry, e.g. after a network failure
        throw error;
      },
    );
  }
  return loading;
}

/**
 * Instantiates the module synchronously from its bytes or a compiled `WebAssembly.Module`
 * (Node.js, workers): `loadSync({ module: readFileSync(wasmPath) })`.
 */
export function loadSync({ module }) {
  if (!ready) {
    initSync({ module });
    ready = true;
    loading = Promise.resolve();
  }
}

/**
 * Mounts the buyer search box into `element` (inside an open shadow root).
 * Resolves to a handle with `update(options)` and `unmount()`. Events: `tradecover-select`
 * (detail.buyer), `tradecover-unknown-buyer` (detail: {name, country, text}) and
 * `tradecover-error` (detail: {code, message, field?, retryable}), bubbling and composed.
 */
export async function mountBuyerSearch(element, options = {}) {
  await load();
  return wasm.mountBuyerSearch(element, options);
}

/**
 * Mounts the cover request form into `element` (inside an open shadow root).
 * Resolves to a handle with `update(options)` and `unmount()`. Events (bubbling, composed):
 * `tradecover-submitted` (detail: {insurer, references, idempotencyKey}), `tradecover-decision`
 * (detail: the neutral decision) and `tradecover-error` (detail: {code, message, field?,
 * retryable}).
 */
export async function mountCoverForm(element, options = {}) {
  await load();
  return wasm.mountCoverForm(element, options);
}

/**
 * Mounts the decision tracker into `element` (inside an open shadow root).
 * Resolves to a handle with `update(options)` and `unmount()`. The view (sort and filters) is
 * reflected in the element's `view` attribute and reported as `tradecover-view` (detail:
 * {view}); errors as `tradecover-error`.
 */
export async function mountDecisionTracker(element, options = {}) {
  await load();
  return wasm.mountDecisionTracker(element, options);
}

const notLoaded = () => ({
  ok: false,
  errors: [
    {
      code: 'wasm.not_loaded',
      field: '',
      message: 'tradecover: call `await load()` (or `loadSync`) before using the validation API.',
      params: {},
    },
  ],
});

/** `validateIdentifier(kind, value, locale?)` → `{ok, value}` (canonical) or `{ok, errors}`. */
export const validateIdentifier = (kind, value, locale) =>
  ready ? wasm.validateIdentifier(kind, value, locale) : notLoaded();
/** `detectIdentifier(country, text, locale?)` → `{ok, value: kinds[]}`. */
export const detectIdentifier = (country, text, locale) =>
  ready ? wasm.detectIdentifier(country, text, locale) : notLoaded();
/** `validateField(field, value, context?)` → `{ok, value}` (normalised) or `{ok, errors}`. */
export const validateField = (field, value, context) =>
  ready ? wasm.validateField(field, value, context) : notLoaded();
/** `parseMoney(text, currency, locale?)` → `{ok, value: {minor, currency}}`. */
export const parseMoney = (text, currency, locale) =>
  ready ? wasm.parseMoney(text, currency, locale) : notLoaded();
/** `formatMoney({minor, currency}, locale?)` → `{ok, value: string}`. */
export const formatMoney = (money, locale) => (ready ? wasm.formatMoney(money, locale) : notLoaded());
/** `countries(locale?)` → `{ok, value: [{code, alpha3, name}]}` sorted by name. */
export const countries = (locale) => (ready ? wasm.countries(locale) : notLoaded());
/** `currencies()` → `{ok, value: [{code, minorUnits}]}`. */
export const currencies = () => (ready ? wasm.currencies() : notLoaded());
