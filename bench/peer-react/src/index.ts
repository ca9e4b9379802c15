// tradecover-peer-react: the same three widgets as tradecover, written the way a React team
// would, with the same mount functions, options and events:
// mountBuyerSearch / mountCoverForm / mountDecisionTracker(element, options) → Promise<handle>.

import { createElement } from 'react';
import { BuyerSearch, type BuyerSearchProps } from './BuyerSearch';
import { CoverForm, type CoverFormProps } from './CoverForm';
import { DecisionTracker, readInsurers, type DecisionTrackerProps } from './DecisionTracker';
import { mountWidget, type Handle } from './mount';
import buyerSearchCss from './styles/buyer-search.css?inline';
import coverFormCss from './styles/cover-form.css?inline';
import trackerCss from './styles/decision-tracker.css?inline';

export type { Buyer, Decision, Money, WidgetError as TradecoverError } from './types';
export { parsePortfolio } from './tracker/loader';
export { validateIdentifier, detectIdentifiers } from './identifiers';
export { parseMoney, formatMoney } from './money';

type Options<Props> = Omit<Props, `on${string}`>;
export type BuyerSearchOptions = Options<BuyerSearchProps>;
export type CoverFormOptions = Options<CoverFormProps>;
export type DecisionTrackerOptions = Options<DecisionTrackerProps>;

/** Mounts the buyer search box into `element`'s open shadow root. Events (bubbling, composed):
 * `tradecover-select` ({buyer}), `tradecover-unknown-buyer` ({name, country, text}),
 * `tradecover-error` ({code, message, field?, retryable}). */
export function mountBuyerSearch(element: HTMLElement, options?: BuyerSearchOptions): Promise<Handle<BuyerSearchOptions>> {
  return mountWidget(element, options, buyerSearchCss, (current, emit) =>
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
export function mountCoverForm(element: HTMLElement, options?: CoverFormOptions): Promise<Handle<CoverFormOptions>> {
  return mountWidget(element, options, coverFormCss, (current, emit) =>
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
export function mountDecisionTracker(element: HTMLElement, options?: DecisionTrackerOptions): Promise<Handle<DecisionTrackerOptions>> {
  try {
    readInsurers(options?.insurers);
  } catch (error) {
    return Promise.reject(error);
  }
  return mountWidget(element, options, trackerCss, (current, emit) =>
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
