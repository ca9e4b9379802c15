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

/** Options of the buyer search box (`null` resets one to its default in `update`). */
export interface BuyerSearchOptions {
  /** `allianz-trade`, `atradius` (search by legal identifier only) or `coface`. */
  insurer?: string | null;
  /** Base URL of your proxy; default `/proxy`. */
  proxy?: string | null;
  /** Country searched first, ISO alpha-2 or alpha-3; default `FR`. */
  country?: string | null;
  /** Label of the search field; default from the locale's catalogue (`Buyer`). */
  label?: string | null;
  /** Language (BCP 47: `fr`, `de-CH`…); en, fr, de, nl, es, it; default the browser's language. */
  locale?: string | null;
  /** Replacements of catalogue texts in every language, e.g.
   * `{ 'buyer_search.placeholder': 'Find a customer' }`; `{param}`s are filled. */
  texts?: TextOverrides | null;
}

/** Catalogue key (`buyer_search.*`, `form.*`, `outcome.*`, `next.*`, error codes) → replacement
 * text (at most 1,000 characters). Unknown keys and non-string values are reported as
 * `tradecover-error` (`texts.unknown_key`, `texts.not_text`). */
export type TextOverrides = Record<string, string>;

/** Detail of `tradecover-unknown-buyer`: the insurer found nothing, the user goes on anyway. */
export interface UnknownBuyer {
  /** The name searched (blanks collapsed), or the text when searched only as an identifier. */
  name: string;
  /** Country searched, ISO alpha-2. */
  country: string;
  /** The text as typed. */
  text: string;
}

/** A mounted widget. */
export interface WidgetHandle {
  /** Changes some options in place, keeping what the user typed; no-op once unmounted. */
  update(options: BuyerSearchOptions): void;
  /** Removes the widget, aborting a search under way; safe to call twice. */
  unmount(): void;
  readonly mounted: boolean;
}

/** Loads the WebAssembly module once (optionally from `wasmUrl`). */
export function load(options?: { wasmUrl?: string | URL }): Promise<unknown>;

/** Instantiates the module synchronously from its bytes (Node.js, workers). */
export function loadSync(options: { module: BufferSource | WebAssembly.Module }): void;

/** One validation error: stable code, field, localised message, params. */
export interface ValidationError {
  code: string;
  field: string;
  message: string;
  params: Record<string, string>;
}

/** What every validation function answers; it never throws on bad input. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/** An amount in integer minor units of an ISO 4217 currency. */
export interface Money {
  minor: number;
  currency: string;
}

/** Field rules: `validateField(field, value, context)`. */
export type FieldName =
  | 'companyName' | 'town' | 'postcode' | 'region' | 'amount' | 'customerReference'
  | 'comment' | 'callbackUrl' | 'timeToLiveHours';

/** Context of `validateField`: all optional. */
export interface FieldContext {
  country?: string;
  currency?: string;
  locale?: string;
  insurer?: 'allianz-trade' | 'atradius' | 'coface';
  maxAmountMinor?: number;
}

/** Canonical form of an identifier of `kind` (e.g. `fr.siren`, `de.vat`, `lei`). */
export function validateIdentifier(kind: string, value: string, locale?: string): Result<string>;
/** The identifier kinds `text` could be in `country`, most specific first. */
export function detectIdentifier(country: string, text: string, locale?: string): Result<string[]>;
/** Validates one form field; `value` is the normalised text (amounts: minor units). */
export function validateField(field: FieldName, value: string, context?: FieldContext): Result<string>;
/** Parses an amount as typed in `locale` (`1 000,50`, `1.000,50`, `1,000.50`). */
export function parseMoney(text: string, currency: string, locale?: string): Result<Money>;
/** Formats an amount as `Intl.NumberFormat` would in `locale`. */
export function formatMoney(money: Money, locale?: string): Result<string>;
/** Every ISO 3166-1 country with its name in `locale`, sorted by name. */
export function countries(locale?: string): Result<{ code: string; alpha3: string; name: string }[]>;
/** Every active ISO 4217 currency with its minor units. */
export function currencies(): Result<{ code: string; minorUnits: number }[]>;

/** Mounts the buyer search box into `element`'s shadow root. */
export function mountBuyerSearch(
  element: HTMLElement,
  options?: BuyerSearchOptions,
): Promise<WidgetHandle>;

/** How an Allianz Trade job is polled (seconds; jitter a fraction between 0 and 0.5). */
export interface PollingPolicy {
  initialDelay: number;
  factor: number;
  maxDelay: number;
  jitter: number;
}

/** Options of the cover request form. */
export interface CoverFormOptions {
  /** `coface`, `atradius` or `allianz-trade`. */
  insurer?: string;
  /** Base URL of your proxy; default `/proxy`. */
  proxy?: string;
  /** Language of texts and of typed amounts (BCP 47); en, fr, de, nl, es, it; default `en`. */
  locale?: string;
  /** Currency preselected for a new draft; default `EUR`. */
  currency?: string;
  /** The buyer (from `tradecover-select`), or its JSON; without one, the form asks for the
   * details of a buyer the insurer does not know (Coface, Allianz Trade). */
  buyer?: Buyer | string | null;
  /** Atradius: the insured's customer id (required for Atradius). */
  atradiusCustomerId?: number | string;
  /** Atradius: the policy id (required for Atradius). */
  atradiusPolicyId?: string;
  /** Polling of an Allianz Trade job; default 2 s, doubling, at most 300 s, ±20 %. */
  polling?: PollingPolicy;
  /** Replacements of catalogue texts in every language, e.g. `{ 'form.submit': 'Apply' }`. */
  texts?: TextOverrides | null;
}

/** A mounted cover request form. */
export interface CoverFormHandle {
  /** Merges options (a `null` value removes one) and renders again; the draft is kept. */
  update(options: CoverFormOptions): void;
  unmount(): void;
  readonly mounted: boolean;
}

/** The neutral status of a decision. */
export type Status =
  | { state: 'draft' | 'submitted' | 'reduced' | 'cancelled' | 'expired' | 'withdrawn' | 'superseded' }
  | { state: 'pending'; detail: 'underwriting' | 'identification' | 'complementaryInformation' | 'onHold' }
  | { state: 'decided'; detail: 'full' | 'partial' | 'refused' };

/** A decision, whatever the insurer (`tradecover-decision`). */
export interface Decision {
  insurer: 'allianz-trade' | 'atradius' | 'coface';
  /** The insurer's key of the cover, decision or application. */
  id: string;
  buyerId: string;
  buyerName: string | null;
  buyerIdentifiers: Identifier[];
  product: string;
  requested: Money | null;
  granted: Money | null;
  /** `status` is null for a code tradecover does not know; `raw` is the insurer's own code. */
  status: { status: Status | null; raw: { scheme: string; code: string } };
  appliedOn: string | null;
  decidedOn: string | null;
  effectiveFrom: string | null;
  expiresOn: string | null;
  customerReference: string | null;
  orderId: string | null;
  conditions: string[];
}

/** What `tradecover-submitted` reports. */
export interface Submitted {
  insurer: 'allianz-trade' | 'atradius' | 'coface';
  /** The insurer's keys: `orderId`, `coverId`, `jobId`, `buyerId`… */
  references: Record<string, string>;
  /** The `idempotency-key` the application was sent with. */
  idempotencyKey: string;
}

/** Mounts the cover request form into `element`'s shadow root. */
export function mountCoverForm(
  element: HTMLElement,
  options?: CoverFormOptions,
): Promise<CoverFormHandle>;

/** An Allianz Trade policy to list. */
export interface AllianzPolicy {
  businessUnitCode: string;
  policyId: string;
  extensionId: string;
}

/** Options of the decision tracker. */
export interface DecisionTrackerOptions {
  /** Insurers whose portfolio is loaded: an array, or names separated by commas; default all three. */
  insurers?: Array<'allianz-trade' | 'atradius' | 'coface'> | string;
  /** Base URL of your proxy; default `/proxy`. */
  proxy?: string;
  /** Language of texts and amounts (BCP 47); default `en`. */
  locale?: string;
  /** Allianz Trade: the policies to list (or their JSON). */
  allianzPolicies?: AllianzPolicy[] | string;
  /** Atradius: the insured's customer id. */
  atradiusCustomerId?: number | string;
  /** Atradius: the policy id. */
  atradiusPolicyId?: string;
  /** The policy or contract whose notification stream (`{proxy}/events`) is followed; none: no live updates. */
  policy?: string;
  /** Allianz Trade page size; default 500. */
  pageSize?: number | string;
  /** The view to start with (the `view` attribute's text); default: the URL fragment's. */
  view?: string;
  /** Whether the view is kept in the URL fragment `#tradecover-tracker=…`; default true. */
  syncUrl?: boolean | string;
  /**
   * The view's URL fragment parameter becomes `tradecover-tracker-<name>`, so that several
   * trackers on a page keep their own; unnamed: `tradecover-tracker` for the first, then
   * `tradecover-tracker-2`, `-3`… in mounting order.
   */
  name?: string;
  /** Polling of pending rows while the stream is down; default 30 s, doubling, at most 1 h, ±20 %. */
  polling?: PollingPolicy;
}

/** A mounted decision tracker. */
export interface DecisionTrackerHandle {
  /** Merges options (a `null` value removes one) and renders again (loading again). */
  update(options: DecisionTrackerOptions): void;
  unmount(): void;
  readonly mounted: boolean;
}

/** Mounts the decision tracker into `element`'s shadow root. */
export function mountDecisionTracker(
  element: HTMLElement,
  options?: DecisionTrackerOptions,
): Promise<DecisionTrackerHandle>;

declare global {
  interface HTMLElementEventMap {
    'tradecover-select': CustomEvent<{ buyer: Buyer }>;
    'tradecover-error': CustomEvent<TradecoverError>;
    'tradecover-view': CustomEvent<{ view: string }>;
    'tradecover-unknown-buyer': CustomEvent<UnknownBuyer>;
    'tradecover-submitted': CustomEvent<Submitted>;
    'tradecover-decision': CustomEvent<Decision>;
  }
}
