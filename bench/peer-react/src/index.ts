// tradecover-peer-react: the same three widgets as tradecover, written the way a React team
// would, with the same mount functions, options and events:
// mountBuyerSearch / mountCoverForm / mountDecisionTracker(element, options) → Promise<handle>.
// Importing this module loads React only; each widget's code (and its styles) is fetched on its
// first mount, as tradecover fetches its wasm module on the first mount.

import { createElement } from 'react';
import type { BuyerSearchProps } from './BuyerSearch';
import type { CoverFormProps } from './CoverForm';
import type { DecisionTrackerProps } from './DecisionTracker';
import { mountWidget, type Handle } from './mount';

export type { Buyer, Decision, Money, WidgetError as TradecoverError } from './types';

type Options<Props> = Omit<Props, `on${string}`>;
export type BuyerSearchOptions = Options<BuyerSearchProps>;
export type CoverFormOptions = Options<CoverFormProps>;
export type DecisionTrackerOptions = Options<DecisionTrackerProps>;

/** Mounts the buyer search box into `element`'s open shadow root. Events (bubbling, composed):
 * `tradecover-select` ({buyer}), `tradecover-unknown-buyer` ({name, country, text}),
 * `tradecover-error` ({code, message, field?, retryable}). */
export async function mountBuyerSearch(element: HTMLElement, options?: BuyerSearchOptions): Promise<Handle<BuyerSearchOptions>> {
  const { BuyerSearch, STYLES } = await import('./BuyerSearch');
  return mountWidget(element, options, STYLES, (current, emit) =>
    createElement(BuyerSearch, {
      ...current,
      onSelect: (buyer) => emit('tradecover-select', { buyer }),
      onError: (error) => emit('tradecover-error', error),
      onUnknownBuyer: (detail) => emit('tradecover-unknown-buyer', detail),
    }),
  );
}

/** Mounts the cover request form. Events: `tradecover-submitted` ({insurer, references,
 * idempotencyKey}), `tradecover-decision` (the neutral decision), `tradecover-error`. */
export async function mountCoverForm(element: HTMLElement, options?: CoverFormOptions): Promise<Handle<CoverFormOptions>> {
  const { CoverForm, STYLES } = await import('./CoverForm');
  return mountWidget(element, options, STYLES, (current, emit) =>
    createElement(CoverForm, {
      ...current,
      // A new insurer or buyer is another form (another draft), as tradecover renders it again.
      key: `${String(current.insurer)}|${typeof current.buyer === 'string' ? current.buyer : current.buyer?.insurerId ?? ''}`,
      onSubmitted: (detail) => emit('tradecover-submitted', detail),
      onDecision: (decision) => emit('tradecover-decision', decision),
      onError: (error) => emit('tradecover-error', error),
    }),
  );
}

/** Mounts the decision tracker. The view is reflected in the element's `view` attribute and
 * reported as `tradecover-view` ({view}); errors as `tradecover-error`. `update(options)`
 * renders it again, loading the portfolios again. */
export async function mountDecisionTracker(element: HTMLElement, options?: DecisionTrackerOptions): Promise<Handle<DecisionTrackerOptions>> {
  const insurers = options?.insurers;
  const names = typeof insurers === 'string' ? insurers.split(/[, ]/).filter((name) => name.trim() !== '') : insurers ?? [];
  const unknown = names.find((name) => !['allianz-trade', 'atradius', 'coface'].includes(String(name).trim().toLowerCase()));
  if (unknown !== undefined) {
    throw new TypeError(`tradecover-peer: invalid options for mountDecisionTracker: insurers: unknown ${JSON.stringify(unknown)}`);
  }
  const { DecisionTracker, STYLES } = await import('./DecisionTracker');
  return mountWidget(element, options, STYLES, (current, emit) =>
    createElement(DecisionTracker, {
      ...current,
      key: JSON.stringify(current),
      onView: (view) => {
        element.setAttribute('view', view);
        emit('tradecover-view', { view });
      },
      onError: (error) => emit('tradecover-error', error),
    }),
  );
}
