/** Where a company is: as precise as the insurer returned it. */
export interface Address {
  street?: string;
  postcode?: string;
  town?: string;
  region?: string;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
}

/** A legal or insurer identifier: kind (e.g. `fr.siren`, `coface.easy`) and canonical value. */
export interface Identifier {
  kind: string;
  value: string;
}

/** A buyer as an insurer knows it. */
export interface Buyer {
  insurer: 'allianz-trade' | 'atradius' | 'coface';
  /** The insurer's key for the company (Coface EASY number, …). */
  insurerId: string;
  name: string;
  address: Address;
  identifiers: Identifier[];
  establishment: 'headOffice' | 'branch';
  /** For a branch, the insurer key of its head office, when known. */
  headOfficeId?: string;
}

/** What a widget reports in `tradecover-error` events. */
export interface TradecoverError {
  /** Stable machine code, e.g. `name.too_short`, `network.failed`. */
  code: string;
  field?: string;
  /** Human message, safe to show. */
  message: string;
  retryable: boolean;
}

/** Options of the buyer search box. */
export interface BuyerSearchOptions {
  /** `coface` (Allianz Trade and Atradius come later). */
  insurer?: string;
  /** Base URL of your proxy; default `/proxy`. */
  proxy?: string;
  /** Country searched first, ISO alpha-2 or alpha-3; default `FR`. */
  country?: string;
  /** Label of the search field; default `Buyer`. */
  label?: string;
}

/** A mounted widget. */
export interface WidgetHandle {
  unmount(): void;
  readonly mounted: boolean;
}

/** Loads the WebAssembly module once (optionally from `wasmUrl`). */
export function load(options?: { wasmUrl?: string | URL }): Promise<unknown>;

/** Mounts the buyer search box into `element`'s shadow root. */
export function mountBuyerSearch(
  element: HTMLElement,
  options?: BuyerSearchOptions,
): Promise<WidgetHandle>;

declare global {
  interface HTMLElementEventMap {
    'tradecover-select': CustomEvent<{ buyer: Buyer }>;
    'tradecover-error': CustomEvent<TradecoverError>;
  }
}
