/** The `<tradecover-buyer-search>` element, registered when this module is imported. */
export declare class TradecoverBuyerSearch extends HTMLElement {
  /** `allianz-trade`, `atradius` or `coface` (reflects the attribute). */
  insurer: string | null;
  /** Base URL of your proxy; default `/proxy`. */
  proxy: string | null;
  /** Country searched first, ISO alpha-2 or alpha-3; default `FR`. */
  country: string | null;
  /** Label of the search field; default from the locale's catalogue. */
  label: string | null;
  /** BCP 47 language tag; default the browser's language. */
  locale: string | null;
  /** Replacements of catalogue texts (set before or after the element upgrades). */
  texts: import('./index.js').TextOverrides | null;
}

/** The `<tradecover-cover-form>` element, registered when this module is imported. */
export declare class TradecoverCoverForm extends HTMLElement {
  /** The buyer to apply on (from `tradecover-select`), or its JSON; `null` for an unknown one. */
  buyer: import('./index.js').Buyer | string | null;
  /** Replacements of catalogue texts (set before or after the element upgrades). */
  texts: import('./index.js').TextOverrides | null;
}

/**
 * The `<tradecover-decision-tracker>` element, registered when this module is imported.
 * Attributes: `insurers`, `proxy`, `locale`, `allianz-policies` (JSON), `atradius-customer-id`,
 * `atradius-policy-id`, `policy`, `page-size`, `sync-url`, `name` (the view's URL fragment
 * parameter becomes `tradecover-tracker-<name>`), and `view` (read when it connects; the
 * tracker reflects its view there).
 */
export declare class TradecoverDecisionTracker extends HTMLElement {
  /** How pending rows are polled while the stream is down (renders the tracker again). */
  polling: import('./index.js').PollingPolicy | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'tradecover-buyer-search': TradecoverBuyerSearch;
    'tradecover-cover-form': TradecoverCoverForm;
    'tradecover-decision-tracker': TradecoverDecisionTracker;
  }
}
