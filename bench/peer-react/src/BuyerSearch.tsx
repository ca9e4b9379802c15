// The buyer search box: an APG combobox searching as the user types (debounced), through the
// proxy, at Coface, Atradius or Allianz Trade; identifiers of the country first, then the name.

import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { COUNTRY_CODES, REGION_REQUIRED, countryCode } from './countries';
import * as allianz from './insurers/allianz';
import * as atradius from './insurers/atradius';
import * as coface from './insurers/coface';
import type { SearchCriteria } from './insurers/search';
import { NetworkError, insurerError, isWidgetError, malformed, networkError, proxyUrl, send, type InsurerRequest, type ProxyAnswer } from './proxy';
import { t } from './texts';
import { INSURER_NAMES, parseInsurer, type Buyer, type InsurerName, type Json, type WidgetError } from './types';
import { searchSchema, toErrors } from './validation';

/** The widget's styles, adopted by its shadow root (the same rules as tradecover's). */
export { default as STYLES } from '../../../src/buyer_search/styles.css?inline';

export const DEBOUNCE_MS = 250;
export const LOADING_DELAY_MS = 200;

export interface BuyerSearchProps {
  insurer?: string;
  proxy?: string;
  country?: string;
  label?: string;
  locale?: string;
  onSelect(buyer: Buyer): void;
  onError(error: WidgetError): void;
  onUnknownBuyer(detail: { name: string; country: string; text: string }): void;
}

type State =
  | { kind: 'idle' | 'pending' | 'loading' | 'identifierOnly' }
  | { kind: 'results'; buyers: Buyer[]; total: number }
  | { kind: 'noResults'; unknown: { name: string; country: string; text: string } }
  | { kind: 'failed'; error: WidgetError };

type Planned = { stage: 'identifier' | 'name'; request: InsurerRequest };

function plan(insurer: InsurerName, criteria: SearchCriteria): Planned[] {
  if (insurer === 'coface') return coface.searchRequests(criteria);
  if (insurer === 'atradius') return atradius.searchRequests(criteria);
  return allianz.searchRequests(criteria);
}

function readAnswer(insurer: InsurerName, stage: Planned['stage'], country: string, answer: ProxyAnswer): { buyers: Buyer[]; total: number } | null {
  if (answer.status === 404 || (stage === 'identifier' && answer.status >= 400 && answer.status < 500 && answer.status !== 401 && answer.status !== 403)) {
    return null;
  }
  if (answer.status < 200 || answer.status >= 300) throw insurerError(answer.status);
  let body: Json;
  try {
    body = answer.text.trim() === '' ? null : (JSON.parse(answer.text) as Json);
  } catch {
    throw malformed();
  }
  const hits = insurer === 'coface' ? coface.readBuyers(body) : insurer === 'atradius' ? atradius.readBuyers(body, country) : allianz.readBuyers(body);
  return hits.buyers.length > 0 ? hits : null;
}

/** Answers already received on this page, by request (searches are cached, as tradecover:
 * at most 500, forgotten all at once when full). */
const answers = new Map<string, ProxyAnswer>();
const CACHE_CAPACITY = 500;

async function runSearch(
  proxy: string,
  insurer: InsurerName,
  country: string,
  requests: Planned[],
  signal: AbortSignal,
): Promise<{ buyers: Buyer[]; total: number } | null> {
  for (const { stage, request } of requests) {
    if (signal.aborted) return null;
    const key = `${request.method} ${proxyUrl(proxy, insurer, request)} ${JSON.stringify(request.body ?? '')}`;
    const cached = answers.get(key);
    const answer = cached ?? (await send(proxy, insurer, request, signal));
    const hits = readAnswer(insurer, stage, country, answer);
    if (!cached) {
      if (answers.size >= CACHE_CAPACITY) answers.clear();
      answers.set(key, answer);
    }
    if (hits) return hits;
  }
  return null;
}

function addressLine(buyer: Buyer): string {
  const { street, postcode, town, region, country } = buyer.address;
  const place = [postcode, town].filter(Boolean).join(' ');
  return [street, place, region, country].filter(Boolean).join(', ');
}

const identifiersLine = (buyer: Buyer) =>
  buyer.identifiers.map(({ kind, value }) => `${(kind.split('.').pop() ?? kind).toUpperCase()} ${value}`).join(' · ');

export function BuyerSearch(props: BuyerSearchProps) {
  const { onSelect, onError, onUnknownBuyer } = props;
  const insurer = parseInsurer(props.insurer ?? '');
  const proxy = props.proxy ?? '/proxy';
  const id = useId().replace(/:/g, '');
  const ids = { input: `${id}-input`, listbox: `${id}-listbox`, errors: `${id}-errors`, status: `${id}-status` };

  const [text, setText] = useState('');
  const [country, setCountry] = useState((props.country ?? 'FR').trim().toUpperCase());
  const [location, setLocation] = useState('');
  const [region, setRegion] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<WidgetError[]>([]);
  const [active, setActive] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState('');

  const debounce = useRef<number | undefined>(undefined);
  const loadingTimer = useRef<number | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);
  const typed = useRef({ text, country, location, region });
  typed.current = { text, country, location, region };


  const setupErrors = useMemo(() => {
    const errors: WidgetError[] = [];
    if (!insurer) {
      const code = (props.insurer ?? '').trim() === '' ? 'insurer.required' : 'insurer.unknown';
      errors.push({ code, message: t(code, { value: props.insurer ?? '' }), retryable: false });
    }
    if (!countryCode(country)) {
      const code = country === '' ? 'country.required' : 'country.unknown';
      errors.push({ code, field: 'country', message: t(code, { value: country }), retryable: false });
    }
    return errors;
  }, [insurer, props.insurer, country]);
  const report = useRef(onError);
  report.current = onError;
  useEffect(() => setupErrors.forEach((error) => report.current(error)), [setupErrors]);

  const cancelPending = useCallback(() => {
    window.clearTimeout(debounce.current);
    window.clearTimeout(loadingTimer.current);
    inFlight.current?.abort();
    inFlight.current = null;
  }, []);
  useEffect(() => cancelPending, [cancelPending]);

  const search = useCallback(
    (explicit: boolean) => {
      cancelPending();
      if (!insurer || setupErrors.length > 0) {
        setState({ kind: 'idle' });
        setOpen(false);
        return;
      }
      const current = typed.current;
      const parsed = searchSchema(insurer).safeParse(current);
      if (!parsed.success) {
        const shown = toErrors(parsed.error).filter((error) => explicit || (error.field !== 'name' && error.field !== 'identifier'));
        setFieldErrors((before) => {
          shown.filter((error) => explicit || !before.some((seen) => seen.code === error.code && seen.field === error.field)).forEach(onError);
          return shown;
        });
        setState({ kind: 'idle' });
        setOpen(false);
        return;
      }
      const criteria = parsed.data as SearchCriteria;
      const requests = plan(insurer, criteria);
      if (requests.length === 0) {
        setFieldErrors([]);
        setState({ kind: insurer === 'atradius' ? 'identifierOnly' : 'idle' });
        setOpen(false);
        return;
      }
      setFieldErrors([]);
      const unknown = { name: criteria.name ?? current.text.trim(), country: criteria.country, text: current.text };
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ kind: 'pending' });
      setOpen(false);
      setActive(null);
      loadingTimer.current = window.setTimeout(() => {
        if (!controller.signal.aborted) setState((now) => (now.kind === 'pending' ? { kind: 'loading' } : now));
      }, LOADING_DELAY_MS);
      runSearch(proxy, insurer, criteria.country, requests, controller.signal).then(
        (hits) => {
          if (controller.signal.aborted) return;
          window.clearTimeout(loadingTimer.current);
          inFlight.current = null;
          if (hits) {
            setState({ kind: 'results', buyers: hits.buyers, total: hits.total });
            setOpen(true);
          } else {
            setState({ kind: 'noResults', unknown });
            setOpen(false);
          }
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          window.clearTimeout(loadingTimer.current);
          inFlight.current = null;
          const error = isWidgetError(failure) ? failure : failure instanceof NetworkError ? networkError() : malformed();
          onError(error);
          setState({ kind: 'failed', error });
          setOpen(false);
        },
      );
    },
    [cancelPending, insurer, setupErrors, proxy, onError],
  );

  const scheduleSearch = useCallback(() => {
    cancelPending();
    debounce.current = window.setTimeout(() => search(false), DEBOUNCE_MS);
  }, [cancelPending, search]);

  // A new insurer, proxy or country from the page: search again what is typed.
  const previous = useRef({ insurer: props.insurer, proxy, country: props.country });
  useEffect(() => {
    const before = previous.current;
    previous.current = { insurer: props.insurer, proxy, country: props.country };
    if (before.insurer === props.insurer && before.proxy === proxy && before.country === props.country) return;
    if (before.country !== props.country) {
      const chosen = (props.country ?? 'FR').trim().toUpperCase();
      setCountry(chosen);
      typed.current = { ...typed.current, country: chosen };
    }
    setNotice('');
    if (typed.current.text.trim() === '') {
      cancelPending();
      setState({ kind: 'idle' });
      setOpen(false);
    } else search(false);
  }, [props.insurer, proxy, props.country, search, cancelPending]);

  const hits = state.kind === 'results' ? state.buyers : [];

  const choose = (index: number) => {
    const buyer = hits[index];
    if (!buyer) return;
    setActive(index);
    if (buyer.establishment === 'branch') {
      setNotice(t('buyer_search.branch_chosen', { name: buyer.name, town: buyer.address.town ?? '?' }));
      return;
    }
    setNotice(t('buyer_search.selected', { name: buyer.name }));
    setText(buyer.name);
    setOpen(false);
    onSelect(buyer);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = hits.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        if (last < 0) return;
        event.preventDefault();
        setOpen(true);
        setActive(open && active !== null ? Math.min(active + 1, last) : 0);
        return;
      case 'ArrowUp':
        if (last < 0) return;
        event.preventDefault();
        setOpen(true);
        setActive(open && active !== null ? Math.max(active - 1, 0) : last);
        return;
      case 'Home':
      case 'End':
        if (!open || last < 0) return;
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : last);
        return;
      case 'Enter':
        event.preventDefault();
        if (open && active !== null && active < hits.length) choose(active);
        else search(true);
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(null);
        } else {
          cancelPending();
          setText('');
          setFieldErrors([]);
          setState({ kind: 'idle' });
        }
        return;
      default:
    }
  };

  let statusText = '';
  if (state.kind === 'idle' || state.kind === 'pending') statusText = notice;
  else if (state.kind === 'loading') statusText = t('buyer_search.searching');
  else if (state.kind === 'noResults') statusText = t('buyer_search.no_results');
  else if (state.kind === 'identifierOnly') statusText = t('buyer_search.identifier_only', { insurer: insurer ? INSURER_NAMES[insurer] : '' });
  else if (state.kind === 'results') {
    const count =
      state.total > state.buyers.length
        ? t('buyer_search.results_of', { count: state.buyers.length, total: state.total })
        : state.buyers.length === 1
          ? t('buyer_search.result_one')
          : t('buyer_search.results_count', { count: state.buyers.length });
    statusText = `${count} ${notice}`.trim();
  }

  const shownErrors = [...setupErrors, ...fieldErrors, ...(state.kind === 'failed' ? [state.error] : [])];
  const textInvalid = fieldErrors.some((error) => error.field === 'name' || error.field === 'identifier');
  const needsRegion = insurer === 'coface' && REGION_REQUIRED.has(countryCode(country) ?? '');
  const known = countryCode(country);
  const optionId = (index: number) => `${id}-option-${index}`;

  return (
    <div className="tc-buyer-search" part="container">
      <div className="tc-fields">
        <label className="tc-label" htmlFor={ids.input} part="label">
          {props.label?.trim() || t('buyer_search.label')}
        </label>
        <div className="tc-row">
          <input
            id={ids.input}
            className="tc-input"
            part="input"
            type="text"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-controls={ids.listbox}
            aria-expanded={open}
            aria-activedescendant={open && active !== null ? optionId(active) : undefined}
            aria-invalid={textInvalid}
            aria-describedby={`${ids.errors} ${ids.status}`}
            placeholder={t(insurer === 'atradius' ? 'buyer_search.placeholder_identifier' : 'buyer_search.placeholder')}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              typed.current = { ...typed.current, text: event.target.value };
              setFieldErrors((errors) => errors.filter((error) => error.field !== 'name' && error.field !== 'identifier'));
              setNotice('');
              if (!(event.nativeEvent as InputEvent).isComposing) scheduleSearch();
            }}
            onCompositionEnd={scheduleSearch}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          <select
            className="tc-country"
            part="country"
            aria-label={t('buyer_search.country')}
            value={known ?? ''}
            onChange={(event) => {
              setCountry(event.target.value);
              typed.current = { ...typed.current, country: event.target.value };
              if (typed.current.text.trim() !== '') search(false);
            }}
          >
            {known ? null : <option value="">—</option>}
            {COUNTRY_CODES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
        <div className="tc-row tc-narrow">
          <input
            className="tc-location"
            part="location"
            type="text"
            autoComplete="off"
            hidden={insurer === 'atradius'}
            aria-label={t('buyer_search.location')}
            placeholder={t('buyer_search.location')}
            value={location}
            onChange={(event) => {
              setLocation(event.target.value);
              typed.current = { ...typed.current, location: event.target.value };
              if (typed.current.text.trim() !== '') scheduleSearch();
            }}
          />
          {needsRegion ? (
            <input
              className="tc-region"
              part="region"
              type="text"
              autoComplete="off"
              aria-label={t('buyer_search.region')}
              placeholder={t('buyer_search.region')}
              value={region}
              onChange={(event) => {
                setRegion(event.target.value);
                typed.current = { ...typed.current, region: event.target.value };
                if (typed.current.text.trim() !== '') scheduleSearch();
              }}
            />
          ) : null}
        </div>
      </div>
      <ul id={ids.listbox} className="tc-listbox" part="listbox" role="listbox" aria-label={t('buyer_search.results')} hidden={!open}>
        {hits.map((buyer, index) => {
          const branch = buyer.establishment === 'branch';
          return (
            <li
              key={`${buyer.insurerId}-${index}`}
              role="option"
              id={optionId(index)}
              className={`tc-option${branch ? ' tc-branch' : ''}${active === index ? ' tc-active' : ''}`}
              part={branch ? 'option option-branch' : 'option'}
              aria-selected={active === index}
              aria-disabled={branch ? true : undefined}
              data-insurer-id={buyer.insurerId}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(index);
              }}
            >
              <span className="tc-name" part="option-name">{buyer.name}</span>
              <span className={`tc-badge${branch ? ' tc-badge-branch' : ''}`} part={branch ? 'badge badge-branch' : 'badge'}>
                {t(branch ? 'buyer_search.branch' : 'buyer_search.head_office')}
              </span>
              <span className="tc-address" part="address">{addressLine(buyer)}</span>
              <span className="tc-ids" part="identifiers">{identifiersLine(buyer)}</span>
              {branch ? <span className="tc-branch-reason" part="branch-reason">{t('buyer_search.branch_reason')}</span> : null}
            </li>
          );
        })}
      </ul>
      {state.kind === 'noResults' ? (
        <div className="tc-empty" part="empty">
          <button type="button" className="tc-unknown-button" part="unknown-button" onClick={() => onUnknownBuyer(state.unknown)}>
            {t('buyer_search.unknown_buyer')}
          </button>
        </div>
      ) : null}
      <div id={ids.errors} className="tc-errors" part="errors">
        {shownErrors.map((error) => (
          <p key={`${error.code}|${error.message}`} className="tc-error" part="error" role="alert" data-code={error.code}>
            {error.message}
          </p>
        ))}
      </div>
      <p id={ids.status} className="tc-status" part="status" role="status" aria-live="polite">
        {statusText}
      </p>
    </div>
  );
}
