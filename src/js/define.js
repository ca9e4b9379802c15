// tradecover/define — registers the custom elements (this module's only side effect).
// The wasm module is loaded when the first element connects, not at import.
import { load } from './index.js';
import { mountBuyerSearch } from './tradecover.js';

const BUYER_SEARCH_OPTIONS = ['insurer', 'proxy', 'country', 'label', 'locale'];

function readOptions(element, names) {
  const options = {};
  for (const name of names) {
    const value = element.getAttribute(name);
    if (value !== null) options[name] = value;
  }
  return options;
}

function reportLoadFailure(element, error) {
  console.error('tradecover: the WebAssembly module could not be loaded', error);
  element.dispatchEvent(
    new CustomEvent('tradecover-error', {
      bubbles: true,
      composed: true,
      detail: {
        code: 'wasm.load_failed',
        message: 'The widget could not be loaded. Please reload the page.',
        retryable: true,
      },
    }),
  );
}

/**
 * `<tradecover-buyer-search insurer="coface" proxy="/proxy" country="FR" locale="fr">`
 *
 * Attributes and properties `insurer`, `proxy`, `country`, `label`, `locale` (a property set
 * reflects to its attribute; `null` removes it). A change updates the mounted widget in place,
 * keeping what the user typed. Any number of instances; removing one tears it down.
 */
export class TradecoverBuyerSearch extends HTMLElement {
  static get observedAttributes() {
    return BUYER_SEARCH_OPTIONS;
  }

  #handle = null;
  #generation = 0;

  connectedCallback() {
    // A property set before the element was defined shadows the accessor: replay it.
    for (const name of BUYER_SEARCH_OPTIONS) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.#mount();
  }

  disconnectedCallback() {
    this.#unmount();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.#handle) {
      this.#handle.update({ [name]: newValue });
    }
  }

  async #mount() {
    const generation = ++this.#generation;
    try {
      await load();
    } catch (error) {
      if (generation === this.#generation) reportLoadFailure(this, error);
      return;
    }
    // Disconnected, or re-mounted, while the module was loading: nothing to do.
    if (generation !== this.#generation || !this.isConnected) return;
    this.#handle = mountBuyerSearch(this, readOptions(this, BUYER_SEARCH_OPTIONS));
  }

  #unmount() {
    this.#generation++;
    if (this.#handle) {
      this.#handle.unmount();
      this.#handle.free();
      this.#handle = null;
    }
  }
}

for (const name of BUYER_SEARCH_OPTIONS) {
  Object.defineProperty(TradecoverBuyerSearch.prototype, name, {
    configurable: true,
    enumerable: true,
    get() {
      return this.getAttribute(name);
    },
    set(value) {
      if (value === null || value === undefined) this.removeAttribute(name);
      else this.setAttribute(name, String(value));
    },
  });
}

if (typeof customElements !== 'undefined' && !customElements.get('tradecover-buyer-search')) {
  customElements.define('tradecover-buyer-search', TradecoverBuyerSearch);
}
