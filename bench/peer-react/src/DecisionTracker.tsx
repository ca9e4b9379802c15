// The decision tracker: every decision of the chosen insurers in one virtualised APG grid
// (@tanstack/react-virtual), sorted and filtered by index permutations, the view kept in the URL
// fragment, CSV export, a detail panel, live updates from the proxy's event stream and from the
// cover form on the page.

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AllianzPolicy } from './insurers/allianz';
import { formatMoney } from './money';
import { NetworkError, isWidgetError, malformed, networkError } from './proxy';
import { STATUS_KINDS, isWaiting, statusKind, type StatusKind } from './status';
import { t } from './texts';
import { INSURERS, INSURER_NAMES, parseInsurer, type Decision, type InsurerName, type Status, type WidgetError } from './types';
import { loadPage, type PortfolioSource } from './tracker/loader';
import {
  COLUMNS, DecisionStore, EMPTY_VIEW, fragmentView, identifiersText, insurerLabel, replaceInFragment, viewFromText, viewToText,
  type Column, type ViewState,
} from './tracker/store';

/** The widget's styles, adopted by its shadow root (the same rules as tradecover's). */
export { default as STYLES } from '../../../src/decision_tracker/styles.css?inline';

export const ROW_HEIGHT = 36;
export const OVERSCAN = 6;
export const EVENTS_CLIENT = 'tradecover-tracker';

export interface TrackerPolling {
  initialDelay: number;
  factor: number;
  maxDelay: number;
  jitter: number;
}

export interface DecisionTrackerProps {
  insurers?: InsurerName[] | string;
  proxy?: string;
  locale?: string;
  allianzPolicies?: AllianzPolicy[] | string;
  atradiusCustomerId?: number | string;
  atradiusPolicyId?: string;
  policy?: string;
  pageSize?: number | string;
  view?: string;
  syncUrl?: boolean | string;
  polling?: TrackerPolling;
  onView(view: string): void;
  onError(error: WidgetError): void;
}

const TRACKER_POLLING: TrackerPolling = { initialDelay: 30, factor: 2, maxDelay: 3600, jitter: 0.2 };

export function readInsurers(value: DecisionTrackerProps['insurers']): InsurerName[] {
  if (value === undefined || value === null) return INSURERS;
  const names = typeof value === 'string' ? value.split(/[, ]/).filter((name) => name.trim() !== '') : value;
  const insurers: InsurerName[] = [];
  for (const name of names) {
    const insurer = parseInsurer(name);
    if (!insurer) throw new TypeError(`tradecover-peer: invalid options for mountDecisionTracker: insurers: unknown ${JSON.stringify(name)}`);
    insurers.push(insurer);
  }
  return insurers;
}

function readPolicies(value: DecisionTrackerProps['allianzPolicies']): AllianzPolicy[] {
  if (!value) return [];
  if (typeof value === 'string') return value.trim() ? (JSON.parse(value) as AllianzPolicy[]) : [];
  return value;
}

const statusLabel = (kind: StatusKind) => t(`tracker.status_${kind}`);

function cellText(row: Decision, column: Column, locale: string): string {
  const money = (value: Decision['requested']) => (value ? formatMoney(value, locale) : '');
  switch (column) {
    case 'buyer':
      return row.buyerName ?? row.buyerId;
    case 'identifiers':
      return identifiersText(row);
    case 'insurer':
      return insurerLabel(row.insurer);
    case 'product':
      return row.product;
    case 'requested':
      return money(row.requested);
    case 'granted':
      return money(row.granted);
    case 'status':
      return `${statusLabel(statusKind(row.status.status))} (${row.status.raw.code})`;
    case 'applied':
      return row.appliedOn ?? '';
    case 'decided':
      return row.decidedOn ?? '';
    case 'effective':
      return row.effectiveFrom ?? '';
    case 'expiry':
      return row.expiresOn ?? '';
    case 'reference':
      return row.customerReference ?? '';
  }
}

type Action = 'increase' | 'reduce' | 'cancel' | 'delete' | 'stop' | 'convert' | 'set_reference';

/** What can still be done on a decision (tradecover's core: lifecycle::allowed_actions). */
function allowedActions(row: Decision): Action[] {
  const status = row.status.status;
  if (!status) return [];
  const inForce = (status.state === 'decided' && status.detail !== 'refused') || status.state === 'reduced';
  const final = ['cancelled', 'expired', 'withdrawn', 'superseded'].includes(status.state) || (status.state === 'decided' && status.detail === 'refused');
  const actions: Action[] = [];
  if (row.insurer === 'atradius') {
    if (inForce) actions.push(...(row.product === 'indication' ? (['convert'] as Action[]) : (['increase', 'reduce'] as Action[])), 'cancel');
    if (!final && status.state !== 'draft') actions.push('set_reference');
  } else if (row.insurer === 'coface') {
    if (inForce) actions.push('increase', 'reduce');
    const decided = status.state === 'decided' || status.state === 'reduced';
    if (decided && row.orderId !== row.id) {
      const monitoring = inForce && (row.product === 'SCOREMON' || row.product === 'ARATINGMON');
      actions.push(monitoring ? 'stop' : 'delete');
    }
    if (status.state !== 'draft') actions.push('set_reference');
  } else if (inForce) actions.push('increase', 'reduce', 'cancel');
  return status.state === 'decided' && status.detail === 'refused' ? actions.filter((action) => action === 'set_reference') : actions;
}

function downloadCsv(text: string) {
  const url = URL.createObjectURL(new Blob([`\ufeff${text}`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'decisions.csv';
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** One CSV field: a leading `= + - @` (a spreadsheet formula) defused with `'`, quoted when needed. */
function csvField(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[,"\n\r]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

interface RowProps {
  row: Decision | undefined;
  position: number;
  start: number;
  locale: string;
  activeColumn: number | null;
  onActivate(position: number, column: number): void;
  onOpen(position: number): void;
}

const GridRow = memo(function GridRow({ row, position, start, locale, activeColumn, onActivate, onOpen }: RowProps) {
  return (
    <div
      role="row"
      className="tc-row"
      part="row"
      hidden={!row}
      aria-rowindex={position + 2}
      data-status={row ? statusKind(row.status.status) : ''}
      style={{ transform: `translateY(${start}px)` }}
    >
      {COLUMNS.map((column, index) => (
        <div
          key={column}
          role="gridcell"
          className="tc-cell"
          part={`cell cell-${column}`}
          data-col={index}
          tabIndex={activeColumn === index ? 0 : -1}
          onClick={() => onActivate(position, index)}
          onDoubleClick={() => onOpen(position)}
        >
          {row ? cellText(row, column, locale) : ''}
        </div>
      ))}
    </div>
  );
});

interface Step {
  label: string;
  detail: string;
}

export function DecisionTracker(props: DecisionTrackerProps) {
  const { onView, onError } = props;
  const proxy = props.proxy ?? '/proxy';
  const locale = props.locale?.trim() || 'en';
  const syncUrl = props.syncUrl === undefined || (props.syncUrl !== false && String(props.syncUrl).trim() !== 'false');
  const insurers = useMemo(() => readInsurers(props.insurers), [props.insurers]);
  const source = useMemo<PortfolioSource>(() => {
    const pageSize = Number(props.pageSize ?? 500);
    return {
      allianzPolicies: readPolicies(props.allianzPolicies),
      atradiusPolicy: props.atradiusCustomerId !== undefined && props.atradiusPolicyId
        ? { customerId: String(props.atradiusCustomerId), policyId: props.atradiusPolicyId }
        : null,
      pageSize: Number.isFinite(pageSize) && pageSize >= 1 ? Math.floor(pageSize) : 500,
    };
  }, [props.allianzPolicies, props.atradiusCustomerId, props.atradiusPolicyId, props.pageSize]);

  const store = useRef<DecisionStore>(null as unknown as DecisionStore);
  store.current ??= new DecisionStore();
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((value) => value + 1), []);
  const [view, setView] = useState<ViewState>(() =>
    props.view !== undefined ? viewFromText(props.view) : (syncUrl && fragmentView(window.location.hash)) || EMPTY_VIEW,
  );
  const [progress, setProgress] = useState<{ insurer: InsurerName; page: number; count: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [live, setLive] = useState<'off' | 'live' | { pollingAt: number }>('off');
  const [announcement, setAnnouncement] = useState('');
  const [detail, setDetail] = useState<number | null>(null);
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const timelines = useRef(new Map<number, Step[]>());
  const controller = useRef<AbortController | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const detailRef = useRef<HTMLElement>(null);
  const labelId = `tc-tracker-${useMemo(() => Math.random().toString(36).slice(2, 8), [])}-label`;

  const order = useMemo(() => store.current.view(view), [version, view]);
  const shown = order.length;

  useEffect(() => {
    const text = viewToText(view);
    onView(text);
    if (syncUrl) {
      const current = window.location.hash;
      const fragment = replaceInFragment(current, view);
      if (current.replace(/^#/, '') !== fragment) {
        history.replaceState(null, '', fragment ? `#${fragment}` : `${location.pathname}${location.search}`);
      }
    }
  }, [view, syncUrl, onView]);

  const merge = useCallback(
    (decision: Decision) => {
      const merged = store.current.merge(decision);
      if (merged.kind === 'refused') return;
      const kind = statusKind(decision.status.status);
      const steps = timelines.current.get(merged.index) ?? [];
      steps.push({ label: statusLabel(kind), detail: `${decision.status.raw.code} · ${new Date().toLocaleTimeString(locale)}` });
      timelines.current.set(merged.index, steps);
      if (merged.kind === 'updated' && statusKind(merged.before) !== kind) {
        setAnnouncement(t('tracker.announce', { buyer: decision.buyerName ?? decision.buyerId, status: statusLabel(kind) }));
      }
      bump();
    },
    [bump, locale],
  );

  const load = useCallback(
    (reload: boolean) => {
      controller.current?.abort();
      const fresh = new AbortController();
      controller.current = fresh;
      const signal = fresh.signal;
      void (async () => {
        for (const insurer of insurers) {
          let page = 1;
          for (;;) {
            setProgress({ insurer, page, count: store.current.length });
            let loaded;
            try {
              loaded = await loadPage(proxy, insurer, source, page, signal);
            } catch (failure) {
              if (signal.aborted) return;
              const error = isWidgetError(failure) ? failure : failure instanceof NetworkError ? networkError() : malformed();
              onError(error);
              setNotice(error.message);
              break;
            }
            if (signal.aborted) return;
            if (reload) loaded.decisions.forEach(merge);
            else {
              store.current.extend(loaded.decisions);
              bump();
            }
            if (loaded.nextPage !== null && loaded.nextPage > page) page = loaded.nextPage;
            else break;
          }
        }
        if (!signal.aborted) setProgress(null);
      })();
    },
    [insurers, proxy, source, merge, bump, onError],
  );

  useEffect(() => {
    load(false);
    return () => controller.current?.abort();
  }, [load]);

  // Decisions from the cover form on the same page.
  useEffect(() => {
    const listener = (event: Event) => {
      const decision = (event as CustomEvent<Decision>).detail;
      if (decision && typeof decision === 'object' && 'insurer' in decision && 'id' in decision) merge(decision);
    };
    document.addEventListener('tradecover-decision', listener);
    return () => document.removeEventListener('tradecover-decision', listener);
  }, [merge]);

  // The proxy's event stream; while it is down, the portfolios are loaded again with backoff.
  useEffect(() => {
    const policy = props.policy?.trim();
    if (!policy) return undefined;
    const url = `${proxy.trim().replace(/\/+$/, '')}/events?client=${encodeURIComponent(EVENTS_CLIENT)}&policy=${encodeURIComponent(policy)}`;
    const events = new EventSource(url);
    const polling = props.polling ?? TRACKER_POLLING;
    let delay = polling.initialDelay;
    let timer: number | undefined;
    const onDecision = (event: MessageEvent<string>) => {
      try {
        const data = JSON.parse(event.data) as { decision?: Decision };
        if (data.decision) merge(data.decision);
      } catch {
        // Not a decision: ignored, as tradecover does.
      }
    };
    const poll = () => {
      if (timer !== undefined) return;
      const at = Date.now() + delay * 1000 * (1 + (Math.random() * 2 - 1) * polling.jitter);
      setLive({ pollingAt: at });
      timer = window.setTimeout(() => {
        timer = undefined;
        delay = Math.min(delay * polling.factor, polling.maxDelay);
        if (store.current.rows.some((row) => isWaiting(row.status.status))) load(true);
        if (events.readyState === EventSource.CLOSED) poll();
      }, at - Date.now());
    };
    events.addEventListener('decision', onDecision);
    events.addEventListener('cover', onDecision);
    events.addEventListener('gap', () => load(true));
    events.addEventListener('open', () => {
      window.clearTimeout(timer);
      timer = undefined;
      delay = polling.initialDelay;
      setLive('live');
    });
    events.addEventListener('error', poll);
    setLive('live');
    return () => {
      window.clearTimeout(timer);
      events.close();
    };
  }, [props.policy, props.polling, proxy, merge, load]);

  const virtualizer = useVirtualizer({
    count: shown,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 0, height: 432 },
  });

  const openDetail = useCallback(
    (position: number) => {
      const index = order[position];
      setDetail(index === undefined ? null : index);
      window.setTimeout(() => detailRef.current?.focus(), 0);
    },
    [order],
  );
  const activate = useCallback((position: number, column: number) => setActive([position, column]), []);

  const focusCell = (row: number, column: number) => {
    setActive([row, column]);
    virtualizer.scrollToIndex(row, { align: 'auto' });
    window.setTimeout(() => {
      scroller.current
        ?.querySelector<HTMLElement>(`[role=row][aria-rowindex="${row + 2}"] [data-col="${column}"]`)
        ?.focus();
    }, 0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const [row, column] = active;
    if (event.key === 'Enter') {
      event.preventDefault();
      openDetail(row);
      return;
    }
    const ctrl = event.ctrlKey || event.metaKey;
    const lastRow = Math.max(shown - 1, 0);
    const lastColumn = COLUMNS.length - 1;
    const page = Math.max(Math.floor((scroller.current?.clientHeight ?? 432) / ROW_HEIGHT), 1);
    const next: Record<string, [number, number] | undefined> = {
      ArrowDown: [Math.min(row + 1, lastRow), column],
      ArrowUp: [Math.max(row - 1, 0), column],
      ArrowRight: [row, Math.min(column + 1, lastColumn)],
      ArrowLeft: [row, Math.max(column - 1, 0)],
      PageDown: [Math.min(row + page, lastRow), column],
      PageUp: [Math.max(row - page, 0), column],
      Home: ctrl ? [0, 0] : [row, 0],
      End: ctrl ? [lastRow, lastColumn] : [row, lastColumn],
    };
    const target = next[event.key];
    if (target && shown > 0) {
      event.preventDefault();
      focusCell(target[0], target[1]);
    }
  };

  const setFilter = (change: Partial<ViewState['filter']>) => setView((before) => ({ ...before, filter: { ...before.filter, ...change } }));
  const toggleSort = (column: Column) =>
    setView((before) => (before.sort === column ? { ...before, descending: !before.descending } : { ...before, sort: column, descending: false }));

  const exportCsv = () => {
    const lines = [COLUMNS.map((column) => csvField(t(`tracker.column_${column}`))).join(',')];
    for (const index of order) {
      const row = store.current.rows[index];
      lines.push(COLUMNS.map((column) => csvField(cellText(row, column, locale))).join(','));
    }
    downloadCsv(`${lines.join('\r\n')}\r\n`);
  };

  const cancel = () => {
    controller.current?.abort();
    setProgress(null);
    setNotice(t('tracker.cancelled', { count: store.current.length }));
  };

  const countries = useMemo(() => store.current.countriesListed(), [version]);
  const products = useMemo(() => store.current.productsListed(), [version]);

  const select = (name: 'status' | 'insurer' | 'country' | 'product', value: string | null, options: [string, string][], write: (value: string | null) => void) => (
    <label className="tc-filter" part="filter">
      <span part="filter-label">{t(`tracker.filter_${name}`)}</span>
      <select part="filter-select" name={name} value={value ?? ''} onChange={(event) => write(event.target.value || null)}>
        <option value="">{t('tracker.filter_all')}</option>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const dateFilter = (name: 'from' | 'to') => (
    <label className="tc-filter" part="filter">
      <span part="filter-label">{t(`tracker.filter_${name}`)}</span>
      <input
        type="date"
        part="filter-date"
        name={name}
        value={view.filter[name] ?? ''}
        onChange={(event) => setFilter({ [name]: event.target.value.trim() || null })}
      />
    </label>
  );

  const detailRow = detail === null ? undefined : store.current.rows[detail];
  const detailView = () => {
    if (detail === null || !detailRow) return null;
    const steps: Step[] = [];
    for (const [key, date] of [['column_applied', detailRow.appliedOn], ['column_decided', detailRow.decidedOn],
      ['column_effective', detailRow.effectiveFrom], ['column_expiry', detailRow.expiresOn]] as const) {
      if (date) steps.push({ label: t(`tracker.${key}`), detail: date });
    }
    steps.push(...(timelines.current.get(detail) ?? []));
    const actions = allowedActions(detailRow);
    return (
      <section ref={detailRef} className="tc-detail" part="detail" tabIndex={-1} aria-label={t('tracker.details')} data-status={statusKind(detailRow.status.status)}>
        <h3 part="detail-title">{detailRow.buyerName ?? detailRow.buyerId}</h3>
        <dl part="detail-fields">
          {COLUMNS.map((column) => (
            <div key={column} className="tc-detail-field" part="detail-field">
              <dt>{t(`tracker.column_${column}`)}</dt>
              <dd data-column={column}>{cellText(detailRow, column, locale)}</dd>
            </div>
          ))}
        </dl>
        <p part="detail-raw">
          {t('tracker.raw_code')}: <code data-scheme={detailRow.status.raw.scheme}>{detailRow.status.raw.code}</code>
        </p>
        <h4 part="detail-heading">{t('tracker.timeline')}</h4>
        <ol className="tc-timeline" part="detail-timeline">
          {steps.map((step, index) => (
            <li key={index} part="detail-step">
              {step.label} — {step.detail}
            </li>
          ))}
        </ol>
        <h4 part="detail-heading">{t('tracker.actions')}</h4>
        {actions.length === 0 ? (
          <p part="detail-no-actions">{t('tracker.no_actions')}</p>
        ) : (
          <ul className="tc-actions" part="detail-actions">
            {actions.map((action) => (
              <li key={action} part="detail-action" data-action={`action_${action}`}>
                {t(`tracker.action_${action}`)}
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="tc-button"
          part="button close"
          onClick={() => {
            setDetail(null);
            focusCell(active[0], active[1]);
          }}
        >
          {t('tracker.close')}
        </button>
      </section>
    );
  };

  const liveText = live === 'off' ? null : live === 'live' ? t('tracker.live') : t('tracker.polling', { time: new Date(live.pollingAt).toLocaleTimeString(locale) });
  const items = virtualizer.getVirtualItems();

  return (
    <div className="tc-tracker" part="container" lang={locale} data-live={live === 'off' || live === 'live' ? live : 'polling'}>
      <div className="tc-toolbar" part="toolbar">
        <label className="tc-filter tc-filter-text" part="filter">
          <span part="filter-label">{t('tracker.filter_text')}</span>
          <input type="search" part="filter-text" name="q" value={view.filter.text} onChange={(event) => setFilter({ text: event.target.value })} />
        </label>
        {select('status', view.filter.status, STATUS_KINDS.map((kind): [string, string] => [kind, statusLabel(kind)]), (value) => setFilter({ status: value as StatusKind | null }))}
        {select('insurer', view.filter.insurer, INSURERS.map((insurer): [string, string] => [insurer, INSURER_NAMES[insurer]]), (value) => setFilter({ insurer: value }))}
        {select('country', view.filter.country, countries.map((code): [string, string] => [code, code]), (value) => setFilter({ country: value }))}
        {select('product', view.filter.product, products.map((product): [string, string] => [product, product]), (value) => setFilter({ product: value }))}
        {dateFilter('from')}
        {dateFilter('to')}
        <button type="button" className="tc-button" part="button export" onClick={exportCsv}>
          {t('tracker.export')}
        </button>
      </div>
      {progress ? (
        <div className="tc-progress" part="progress" role="status" aria-busy="true">
          <span part="progress-text">
            {t('tracker.loading', { insurer: INSURER_NAMES[progress.insurer], page: progress.page, count: progress.count })}
          </span>
          <button type="button" className="tc-button" part="button cancel" onClick={cancel}>
            {t('tracker.cancel')}
          </button>
        </div>
      ) : null}
      <p className="tc-notice" part="notice" hidden={notice === null}>
        {notice ?? ''}
      </p>
      <p className="tc-summary" part="summary">
        <span id={labelId} part="label">{t('tracker.label')}</span>{' '}
        <span part="count">{t('tracker.shown', { shown, count: store.current.length })}</span>{' '}
        <span part="live">{liveText}</span>
      </p>
      <div className="tc-grid" part="grid" role="grid" aria-labelledby={labelId} aria-rowcount={shown + 1} aria-colcount={COLUMNS.length}>
        <div role="rowgroup" className="tc-head" part="header">
          <div role="row" className="tc-header-row" part="header-row" aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <div
                key={column}
                role="columnheader"
                className="tc-header-cell"
                part="column-header"
                aria-sort={view.sort === column ? (view.descending ? 'descending' : 'ascending') : 'none'}
                data-column={column}
              >
                <button type="button" className="tc-sort" part="sort-button" onClick={() => toggleSort(column)}>
                  {t(`tracker.column_${column}`)}
                </button>
              </div>
            ))}
          </div>
        </div>
        <div ref={scroller} className="tc-scroller" part="scroller">
          <div role="rowgroup" className="tc-body" part="body" style={{ height: `${virtualizer.getTotalSize()}px` }} onKeyDown={onKeyDown}>
            {items.map((item) => (
              <GridRow
                key={item.index}
                row={store.current.rows[order[item.index]]}
                position={item.index}
                start={item.start}
                locale={locale}
                activeColumn={active[0] === item.index ? active[1] : null}
                onActivate={activate}
                onOpen={openDetail}
              />
            ))}
          </div>
        </div>
        <p className="tc-empty" part="empty" hidden={shown > 0}>
          {t('tracker.empty')}
        </p>
      </div>
      {detailView()}
      <div className="tc-live-region" part="announcer" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

export type { Status };
