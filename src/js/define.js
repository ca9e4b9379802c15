// tradecover/define — registers the custom elements (this module's only side effect).
// The wasm module is loaded when the first element connects, not at import.
import { load } from './index.js';
import { mountBuyerSearch, mountCoverForm, mountDecisionTracker } from './tradecover.js';

const BUYER_SEARCH_OPTIONS = ['insurer', 'proxy', 'country', 'label', 'locale'];
/** Attributes of `<tradecover-cover-form>` and the mount option each one sets. */
const COVER_FORM_ATTRIBUTES = {
  insurer: 'insurer',
  proxy: 'proxy',
  locale: 'locale',
  currency: 'currency',
  buyer: 'buyer',
  'atradius-customer-id': 'atradiusCustomerId',
  'atradius-policy-id': 'atradiusPolicyId',
};

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
 * reflects to its attribute; `null` removes it), and a `texts` property (catalogue key →
 * replacement text). A change updates the mounted widget in place, keeping what the user typed. Any number of instances; removing one tears it down.
 */
export class TradecoverBuyerSearch extends HTMLElement {
  static get observedAttributes() {
    return BUYER_SEARCH_OPTIONS;
  }

  #handle = null;
  #generation = 0;
  #texts = null;

  /** Replacements of catalogue texts, e.g. `{ 'buyer_search.placeholder': 'Find a customer' }`. */
  get texts() {
    return this.#texts;
  }

  set texts(value) {
    this.#texts = value ?? null;
    if (this.#handle) this.#handle.update({ texts: this.#texts });
  }

  connectedCallback() {
    // A property set before the element was defined shadows the accessor: replay it.
    for (const name of [...BUYER_SEARCH_OPTIONS, 'texts']) {
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
    const options = readOptions(this, BUYER_SEARCH_OPTIONS);
    if (this.#texts !== null) options.texts = this.#texts;
    this.#handle = mountBuyerSearch(this, options);
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

/**
 * `<tradecover-cover-form insurer="coface" proxy="/proxy" locale="fr">` with a `buyer` property
 * (the `detail.buyer` of `tradecover-select`, or its JSON; a `buyer` attribute takes JSON too)
 * and a `texts` property (catalogue key → replacement text). Attribute, buyer and texts changes
 * render the form again; the draft survives in sessionStorage.
 */
export class TradecoverCoverForm extends HTMLElement {
  static get observedAttributes() {
    return Object.keys(COVER_FORM_ATTRIBUTES);
  }

  #handle = null;
  #generation = 0;
  #buyer = null;
  #texts = null;

  constructor() {
    super();
    // A `buyer` or `texts` set on the element before this class was defined shadows the
    // accessor: take it.
    if (Object.prototype.hasOwnProperty.call(this, 'buyer')) {
      const buyer = this.buyer;
      delete this.buyer;
      this.#buyer = buyer ?? null;
    }
    if (Object.prototype.hasOwnProperty.call(this, 'texts')) {
      const texts = this.texts;
      delete this.texts;
      this.#texts = texts ?? null;
    }
  }

  /** Replacements of catalogue texts, e.g. `{ 'form.submit': 'Apply' }`. */
  get texts() {
    return this.#texts;
  }

  set texts(value) {
    this.#texts = value ?? null;
    this.#refresh();
  }

  get buyer() {
    return this.#buyer;
  }

  set buyer(value) {
    this.#buyer = value ?? null;
    this.#refresh();
  }

  connectedCallback() {
    this.#mount();
  }

  disconnectedCallback() {
    this.#unmount();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue) this.#refresh();
  }

  #options() {
    const options = {};
    for (const [attribute, option] of Object.entries(COVER_FORM_ATTRIBUTES)) {
      const value = this.getAttribute(attribute);
      if (value !== null) options[option] = value;
    }
    if (this.#buyer !== null) options.buyer = this.#buyer;
    if (this.#texts !== null) options.texts = this.#texts;
    return options;
  }

  #refresh() {
    if (this.#generation > 0 && this.isConnected) {
      this.#unmount();
      this.#mount();
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
    if (generation !== this.#generation || !this.isConnected) return;
    try {
      this.#handle = mountCoverForm(this, this.#options());
    } catch (error) {
      // Options that cannot be read (a buyer that is not a buyer): say so, like any failure.
      console.error(error);
      this.dispatchEvent(
        new CustomEvent('tradecover-error', {
          bubbles: true,
          composed: true,
          detail: { code: 'options.invalid', message: String(error.message ?? error), retryable: false },
        }),
      );
    }
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

if (typeof customElements !== 'undefined' && !customElements.get('tradecover-cover-form')) {
  customElements.define('tradecover-cover-form', TradecoverCoverForm);
}

/** Attributes of `<tradecover-decision-tracker>` and the mount option each one sets. */
const DECISION_TRACKER_ATTRIBUTES = {
  insurers: 'insurers',
  proxy: 'proxy',
  locale: 'locale',
  'allianz-policies': 'allianzPolicies',
  'atradius-customer-id': 'atradiusCustomerId',
  'atradius-policy-id': 'atradiusPolicyId',
  policy: 'policy',
  'page-size': 'pageSize',
  'sync-url': 'syncUrl',
  name: 'name',
};

/**
 * `<tradecover-decision-tracker insurers="coface,atradius" proxy="/proxy" policy="C-9" name="mine">`
 *
 * A change of an observed attribute, or of the `polling` property (`{initialDelay, factor,
 * maxDelay, jitter}`: how pending rows are checked while the stream is down), renders the
 * tracker again. `view` (sort and filters) is read when the element connects and is not
 * observed: the tracker reflects its own view there. `name` keeps the view in the URL fragment
 * under `tradecover-tracker-<name>`, so that several trackers on a page keep theirs.
 */
export class TradecoverDecisionTracker extends HTMLElement {
  static get observedAttributes() {
    return Object.keys(DECISION_TRACKER_ATTRIBUTES);
  }

  #handle = null;
  #generation = 0;
  #polling = null;

  constructor() {
    super();
    // A `polling` set on the element before this class was defined shadows the accessor.
    if (Object.prototype.hasOwnProperty.call(this, 'polling')) {
      const polling = this.polling;
      delete this.polling;
      this.#polling = polling ?? null;
    }
  }

  /** How pending rows are polled while the stream is down; `null`: the core's default. */
  get polling() {
    return this.#polling;
  }

  set polling(value) {
    this.#polling = value ?? null;
    this.#refresh();
  }

  connectedCallback() {
    this.#mount();
  }

  disconnectedCallback() {
    this.#unmount();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue) this.#refresh();
  }

  #refresh() {
    if (this.#generation > 0 && this.isConnected) {
      this.#unmount();
      this.#mount();
    }
  }

  #options() {
    const options = {};
    for (const [attribute, option] of Object.entries(DECISION_TRACKER_ATTRIBUTES)) {
      const value = this.getAttribute(attribute);
      if (value !== null) options[option] = value;
    }
    const view = this.getAttribute('view');
    if (view !== null) options.view = view;
    if (this.#polling !== null) options.polling = this.#polling;
    return options;
  }

  async #mount() {
    const generation = ++this.#generation;
    try {
      await load();
    } catch (error) {
      if (generation === this.#generation) reportLoadFailure(this, error);
      return;
    }
    if (generation !== this.#generation || !this.isConnected) return;
    try {
      this.#handle = mountDecisionTracker(this, this.#options());
    } catch (error) {
      console.error(error);
      this.dispatchEvent(
        new CustomEvent('tradecover-error', {
          bubbles: true,
          composed: true,
          detail: { code: 'options.invalid', message: String(error.message ?? error), retryable: false },
        }),
      );
    }
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

if (typeof customElements !== 'undefined' && !customElements.get('tradecover-decision-tracker')) {
  customElements.define('tradecover-decision-tracker', TradecoverDecisionTracker);
}
