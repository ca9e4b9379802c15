// The cover request form: the fields the insurer takes, validated with zod on blur and on
// submit, the draft kept per insurer and buyer in sessionStorage with the idempotency key it
// was created with, the application sent through the proxy and the insurer's answer shown.

import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { COUNTRY_CODES, countryName } from './countries';
import * as allianz from './insurers/allianz';
import type { Application } from './insurers/application';
import * as atradius from './insurers/atradius';
import * as coface from './insurers/coface';
import { CURRENCIES, formatMoney } from './money';
import { NetworkError, isWidgetError, malformed, networkError, parseJson, send } from './proxy';
import { t } from './texts';
import { INSURER_NAMES, object, parseInsurer, type Buyer, type Decision, type InsurerName, type WidgetError } from './types';
import { ATRADIUS_MULTIPLE, coverTypesOf, formSchema, toErrors, type Draft } from './validation';

/** The widget's styles, adopted by its shadow root (the same rules as tradecover's). */
export { default as STYLES } from '../../../src/cover_form.css?inline';

export interface PollingPolicy {
  initialDelay: number;
  factor: number;
  maxDelay: number;
  jitter: number;
}

export interface CoverFormProps {
  insurer?: string;
  proxy?: string;
  locale?: string;
  currency?: string;
  buyer?: Buyer | string | null;
  atradiusCustomerId?: number | string;
  atradiusPolicyId?: string;
  polling?: PollingPolicy;
  onSubmitted(detail: { insurer: InsurerName; references: Record<string, string>; idempotencyKey: string }): void;
  onDecision(decision: Decision): void;
  onError(error: WidgetError): void;
}

const FORM_POLLING: PollingPolicy = { initialDelay: 2, factor: 2, maxDelay: 300, jitter: 0.2 };
const MAX_CHECKS = 20;

/** A random UUID v4 (`crypto.randomUUID` exists only in secure contexts). */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function freshDraft(currency: string): Draft {
  return {
    buyerName: '', buyerStreet: '', buyerPostcode: '', buyerTown: '', buyerRegion: '', buyerCountry: '',
    identifier: '', coverType: 'credit-limit', amount: '', currency, customerReference: '', urgent: false,
    policyBusinessUnit: '', policyId: '', policyExtension: '', comment: '', idempotencyKey: newKey(),
  };
}

function loadDraft(key: string): Draft | null {
  try {
    const stored = sessionStorage.getItem(key);
    return stored ? ({ ...freshDraft('EUR'), ...(JSON.parse(stored) as Partial<Draft>) } as Draft) : null;
  } catch {
    return null;
  }
}

function readBuyer(value: CoverFormProps['buyer']): Buyer | null {
  if (!value) return null;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as Buyer;
    } catch {
      return null;
    }
  }
  return value;
}

type Outcome = { decision: Decision | null; references: Record<string, string>; waiting: 'nothing' | number | 'stopped' };
type Phase = { kind: 'editing' } | { kind: 'sending' } | { kind: 'failed'; error: WidgetError } | { kind: 'accepted'; outcome: Outcome };

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = window.setTimeout(resolve, Math.max(0, ms));
    signal.addEventListener('abort', () => {
      window.clearTimeout(timer);
      resolve();
    });
  });

export function CoverForm(props: CoverFormProps) {
  const { onSubmitted, onDecision, onError } = props;
  const prefix = useId().replace(/:/g, '');
  const insurer = parseInsurer(props.insurer ?? '');
  const proxy = props.proxy ?? '/proxy';
  const locale = props.locale?.trim() || 'en';
  const buyer = useMemo(() => readBuyer(props.buyer), [props.buyer]);
  const policy = props.atradiusCustomerId !== undefined && props.atradiusPolicyId
    ? { customerId: String(props.atradiusCustomerId), policyId: props.atradiusPolicyId }
    : null;
  const buyerId = buyer?.insurerId ?? '';
  const storageKey = `tradecover-peer:draft:${insurer ?? props.insurer ?? ''}:${buyerId}`;

  const setup = useMemo(() => {
    const problems: WidgetError[] = [];
    const problem = (code: string, key: string, params: Record<string, string> = {}) =>
      problems.push({ code, message: t(key, params), retryable: false });
    if (!insurer) {
      const code = (props.insurer ?? '').trim() === '' ? 'insurer.required' : 'insurer.unknown';
      problems.push({ code, message: t(code, { value: props.insurer ?? '' }), retryable: false });
    } else {
      if (buyer && buyer.insurer !== insurer) {
        problem('cover_form.buyer_other_insurer', 'form.buyer_other_insurer', { found: INSURER_NAMES[buyer.insurer] ?? buyer.insurer, insurer: INSURER_NAMES[insurer] });
      } else if (buyer && buyer.establishment === 'branch') problem('cover_form.buyer_branch', 'form.buyer_branch');
      else if (!buyer && insurer === 'atradius') problem('cover_form.atradius_needs_buyer', 'form.atradius_needs_buyer');
      if (insurer === 'atradius' && !policy) problem('atradius.policy_required', 'form.atradius_policy_missing');
    }
    return problems;
  }, [insurer, props.insurer, buyer, policy === null]);
  const report = useRef(onError);
  report.current = onError;
  useEffect(() => setup.forEach((error) => report.current(error)), [setup]);
  const ready = setup.length === 0;

  const [draft, setDraft] = useState<Draft>(() => loadDraft(storageKey) ?? freshDraft(props.currency?.trim().toUpperCase() || 'EUR'));
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(draft));
    } catch {
      // Storage full or refused: the draft lives as long as the page.
    }
  }, [draft, storageKey]);

  const schema = useMemo(() => (insurer ? formSchema({ insurer, locale, buyerId }) : null), [insurer, locale, buyerId]);
  const validation = useMemo(() => schema?.safeParse(draft), [schema, draft]);
  const errors = validation && !validation.success ? toErrors(validation.error) : [];

  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [allTouched, setAllTouched] = useState(false);
  const [showSummary, setShowSummary] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const summaryRef = useRef<HTMLDivElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const alive = useRef(new AbortController());
  useEffect(() => {
    const controller = new AbortController();
    alive.current = controller;
    return () => controller.abort();
  }, []);

  const fieldErrors = (field: string) => (allTouched || touched.has(field) ? errors.filter((error) => error.field === field) : []);
  const touch = (field: string) => setTouched((before) => (before.has(field) ? before : new Set(before).add(field)));
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((before) => ({ ...before, [field]: value }));
  const busy = phase.kind === 'sending';
  const id = (field: string) => `${prefix}-${field}`;

  const followJob = async (jobId: string, references: Record<string, string>, signal: AbortSignal) => {
    const polling = props.polling ?? FORM_POLLING;
    let delay = polling.initialDelay;
    for (let checks = 0; checks < MAX_CHECKS; checks++) {
      const jitter = 1 + (Math.random() * 2 - 1) * polling.jitter;
      const at = Date.now() + delay * 1000 * jitter;
      setPhase({ kind: 'accepted', outcome: { decision: null, references, waiting: at } });
      await sleep(at - Date.now(), signal);
      if (signal.aborted) return;
      delay = Math.min(delay * polling.factor, polling.maxDelay);
      try {
        const coverId = allianz.readJob(parseJson(await send(proxy, 'allianz-trade', allianz.jobRequest(jobId), signal)));
        if (coverId === null) continue;
        const cover = object(parseJson(await send(proxy, 'allianz-trade', allianz.coverGetRequest(coverId), signal)));
        if (!cover) throw malformed();
        const decision = allianz.coverDecision(cover);
        onDecision(decision);
        setPhase({ kind: 'accepted', outcome: { decision, references: { ...references, coverId }, waiting: 'nothing' } });
        return;
      } catch (failure) {
        if (signal.aborted) return;
        if (isWidgetError(failure) && failure.retryable) continue;
        if (failure instanceof NetworkError) continue;
        const error = isWidgetError(failure) ? failure : { code: 'allianz_trade.job_failed', message: t('form.job_failed', { insurer: 'Allianz Trade' }), retryable: false };
        onError(error);
        setPhase({ kind: 'failed', error });
        return;
      }
    }
    setPhase({ kind: 'accepted', outcome: { decision: null, references, waiting: 'stopped' } });
  };

  const submit = async () => {
    if (!ready || !insurer || busy || !validation) return;
    setAllTouched(true);
    if (!validation.success) {
      setShowSummary(true);
      errors.forEach(onError);
      window.setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    setShowSummary(false);
    setPhase({ kind: 'sending' });
    const application: Application = { insurer, ...validation.data };
    const signal = alive.current.signal;
    try {
      const references: Record<string, string> = {};
      let decision: Decision | null = null;
      let jobId: string | null = null;
      if (insurer === 'coface') {
        const answer = await send(proxy, insurer, coface.orderRequest(application), signal);
        decision = coface.readOrder(parseJson(answer));
        if (decision.orderId) references.orderId = decision.orderId;
        references.id = decision.id;
        references.buyerId = decision.buyerId;
      } else if (insurer === 'atradius') {
        if (!policy) return;
        const answer = await send(proxy, insurer, atradius.applicationRequest(application, policy), signal);
        decision = atradius.readApplication(answer.status, parseJson(answer), application);
        references.coverId = decision.id;
      } else {
        if (!application.buyerId) {
          throw { code: 'allianz_trade.company_creation', message: t('form.cannot_send', { insurer: 'Allianz Trade' }), retryable: false } satisfies WidgetError;
        }
        const answer = await send(proxy, insurer, allianz.coverRequest(application), signal);
        jobId = allianz.readJobId(parseJson(answer));
        references.jobId = jobId;
      }
      sessionStorage.removeItem(storageKey);
      if (signal.aborted) return;
      onSubmitted({ insurer, references, idempotencyKey: application.idempotencyKey });
      if (decision) onDecision(decision);
      setPhase({ kind: 'accepted', outcome: { decision, references, waiting: 'nothing' } });
      window.setTimeout(() => outcomeRef.current?.focus(), 0);
      if (jobId) await followJob(jobId, references, signal);
    } catch (failure) {
      if (signal.aborted) return;
      const error = isWidgetError(failure) ? failure : failure instanceof NetworkError ? networkError() : malformed();
      onError(error);
      // The insurer refused this request for good: a corrected one is another request.
      if (!error.retryable) set('idempotencyKey', newKey());
      setPhase({ kind: 'failed', error });
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  const newRequest = () => {
    setDraft((current) => ({ ...freshDraft(current.currency), idempotencyKey: newKey() }));
    setTouched(new Set());
    setAllTouched(false);
    setPhase({ kind: 'editing' });
  };

  const label = (field: string, text: string, optional: boolean) => (
    <label className="tc-label" part="label" htmlFor={id(field)}>
      {text}
      {optional ? (
        <>
          {' '}
          <span className="tc-optional" part="optional">{t('form.optional')}</span>
        </>
      ) : null}
    </label>
  );
  const errorText = (field: string) => (
    <p id={`${id(field)}-error`} className="tc-field-error" part="field-error">
      {fieldErrors(field).map((error) => (
        <span key={error.code} data-code={error.code}>
          {error.message}{' '}
        </span>
      ))}
    </p>
  );
  const textInput = (field: keyof Draft & string, text: string, optional: boolean, hint?: string) => (
    <div className="tc-field" part="field" data-field={field}>
      {label(field, text, optional)}
      <input
        id={id(field)}
        className="tc-input"
        part="input"
        name={field}
        type="text"
        inputMode={field === 'amount' ? 'decimal' : undefined}
        autoComplete="off"
        aria-invalid={fieldErrors(field).length > 0}
        aria-describedby={hint ? `${id(field)}-hint ${id(field)}-error` : `${id(field)}-error`}
        value={draft[field] as string}
        disabled={busy}
        onChange={(event) => set(field, event.target.value)}
        onBlur={() => touch(field)}
      />
      {hint ? <p id={`${id(field)}-hint`} className="tc-hint" part="hint">{hint}</p> : null}
      {errorText(field)}
    </div>
  );
  const select = (field: keyof Draft & string, text: string, options: [string, string][]) => {
    const value = draft[field] as string;
    return (
      <div className="tc-field" part="field" data-field={field}>
        {label(field, text, false)}
        <select
          id={id(field)}
          className="tc-input tc-select"
          part="input select"
          name={field}
          aria-invalid={fieldErrors(field).length > 0}
          aria-describedby={`${id(field)}-error`}
          disabled={busy}
          value={options.some(([option]) => option === value) ? value : ''}
          onChange={(event) => {
            set(field, event.target.value);
            touch(field);
          }}
        >
          {options.some(([option]) => option === value) ? null : <option value="">—</option>}
          {options.map(([option, text]) => (
            <option key={option} value={option}>
              {text}
            </option>
          ))}
        </select>
        {errorText(field)}
      </div>
    );
  };

  const countries = useMemo(
    () => COUNTRY_CODES.map((code): [string, string] => [code, countryName(code, locale)]).sort((a, b) => a[1].localeCompare(b[1], locale)),
    [locale],
  );
  const currencies = useMemo(() => CURRENCIES.map((code): [string, string] => [code, code]), []);

  let buyerView: ReactNode = null;
  if (buyer) {
    const place = [buyer.address.postcode, buyer.address.town, buyer.address.country].filter(Boolean).join(' ');
    buyerView = (
      <div className="tc-buyer" part="buyer">
        <p className="tc-section-title" part="section-title">{t('form.buyer')}</p>
        <p className="tc-buyer-name" part="buyer-name">{buyer.name}</p>
        <p className="tc-buyer-place" part="buyer-place">{place}</p>
        <p className="tc-buyer-id" part="buyer-id">{buyer.insurerId}</p>
      </div>
    );
  } else if (insurer && insurer !== 'atradius') {
    buyerView = (
      <fieldset className="tc-buyer tc-group" part="buyer group">
        <legend className="tc-section-title" part="section-title">{t('form.buyer')}</legend>
        <p className="tc-hint" part="hint">{t('form.buyer_unknown')}</p>
        {textInput('buyerName', t('form.buyer_name'), false)}
        {textInput('buyerStreet', t('form.buyer_street'), true)}
        {textInput('buyerPostcode', t('form.buyer_postcode'), true)}
        {textInput('buyerTown', t('form.buyer_town'), false)}
        {textInput('buyerRegion', t('form.buyer_region'), true)}
        {select('buyerCountry', t('form.buyer_country'), countries)}
        {textInput('identifier', t('form.buyer_identifier'), true)}
      </fieldset>
    );
  }
  const coverTypeKeys: Record<string, string> = {
    'credit-limit': 'form.cover_type_credit_limit',
    indication: 'form.cover_type_indication',
    'credit-check': 'form.cover_type_credit_check',
  };
  const asksAmount = draft.coverType !== 'credit-check';

  const outcomeView = () => {
    if (phase.kind !== 'accepted' || !insurer) return null;
    const { decision, references, waiting } = phase.outcome;
    const status = decision?.status.status ?? null;
    const insurerName = INSURER_NAMES[insurer];
    let kind = 'submitted';
    if (decision === null) kind = waiting === 'nothing' ? 'submitted' : 'processing';
    else if (status?.state === 'decided') kind = status.detail === 'full' ? 'granted' : status.detail;
    else if (status?.state === 'pending') {
      kind = { underwriting: 'referred', identification: 'identification', complementaryInformation: 'information', onHold: 'on_hold' }[status.detail];
    }
    const nextKey =
      kind === 'partial' ? 'next.granted' : kind === 'processing' && waiting === 'stopped' ? 'next.polling_stopped' : `next.${kind}`;
    const time = typeof waiting === 'number' ? new Date(waiting).toLocaleTimeString(locale) : '';
    const reference = references.orderId ?? references.coverId ?? references.jobId ?? references.id;
    return (
      <div ref={outcomeRef} className="tc-outcome" part="outcome" tabIndex={-1} data-outcome={kind}>
        <p className="tc-outcome-title" part="outcome-title">{t(`outcome.${kind}`, { insurer: insurerName })}</p>
        {decision?.granted ? (
          <p className="tc-outcome-amount" part="outcome-amount outcome-granted">
            {t('outcome.granted_amount', { amount: formatMoney(decision.granted, locale) })}
          </p>
        ) : null}
        {decision?.requested ? (
          <p className="tc-outcome-amount" part="outcome-amount outcome-requested">
            {t('outcome.requested_amount', { amount: formatMoney(decision.requested, locale) })}
          </p>
        ) : null}
        {decision && decision.conditions.length > 0 ? (
          <div className="tc-outcome-list" part="outcome-conditions">
            <p className="tc-section-title" part="section-title">{t('outcome.conditions')}</p>
            <ul part="outcome-items">
              {decision.conditions.map((condition) => (
                <li key={condition} part="outcome-item">{condition}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="tc-outcome-next" part="outcome-next">{t(nextKey, { insurer: insurerName, time })}</p>
        {reference ? <p className="tc-outcome-reference" part="outcome-reference">{t('form.reference', { id: reference })}</p> : null}
        <button type="button" className="tc-button tc-new" part="button new-request" onClick={newRequest}>
          {t('form.new_request')}
        </button>
      </div>
    );
  };

  const summaryErrors = showSummary ? errors : [];
  return (
    <div className="tc-cover-form" part="container" lang={locale} data-insurer={insurer ?? ''}>
      <div className="tc-setup-errors" part="errors">
        {setup.map((error) => (
          <p key={error.code} className="tc-error" part="error" role="alert" data-code={error.code}>{error.message}</p>
        ))}
      </div>
      <div ref={summaryRef} className="tc-error-summary" part="error-summary" role="alert" tabIndex={-1} hidden={summaryErrors.length === 0}>
        <p className="tc-summary-title" part="error-summary-title">{t('form.error_summary')}</p>
        <ul className="tc-summary-list" part="error-summary-list">
          {summaryErrors.map((error) => (
            <li key={`${error.field}|${error.code}`} className="tc-summary-item" part="error-summary-item" data-code={error.code}>
              <a
                href={`#${id(error.field ?? '')}`}
                part="error-summary-link"
                onClick={(event) => {
                  event.preventDefault();
                  formRef.current?.querySelector<HTMLElement>(`#${id(error.field ?? '')}`)?.focus();
                }}
              >
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
      <form ref={formRef} className="tc-form" part="form" noValidate hidden={phase.kind === 'accepted'} onSubmit={onSubmit}>
        {buyerView}
        {insurer === 'atradius'
          ? select('coverType', t('form.cover_type'), coverTypesOf('atradius').map((type): [string, string] => [type, t(coverTypeKeys[type])]))
          : null}
        {asksAmount ? (
          <div className="tc-amount-row" part="amount-row">
            {textInput('amount', t('form.amount'), false,
              insurer === 'atradius' ? t('form.amount_multiple', { insurer: 'Atradius', multiple: ATRADIUS_MULTIPLE }) : undefined)}
            {select('currency', t('form.currency'), currencies)}
          </div>
        ) : null}
        {textInput('customerReference', t('form.customer_reference'), true)}
        {insurer === 'allianz-trade' ? (
          <>
            <div className="tc-field tc-check" part="field checkbox-field" data-field="urgent">
              <input
                id={id('urgent')}
                className="tc-checkbox"
                part="checkbox"
                type="checkbox"
                name="urgent"
                checked={draft.urgent}
                disabled={busy}
                onChange={(event) => set('urgent', event.target.checked)}
              />
              <label className="tc-label" part="label" htmlFor={id('urgent')}>{t('form.urgent')}</label>
            </div>
            <fieldset className="tc-group" part="group policy">
              <legend className="tc-section-title" part="section-title">{t('form.policy')}</legend>
              {textInput('policyBusinessUnit', t('form.policy_business_unit'), false)}
              {textInput('policyId', t('form.policy_id'), false)}
              {textInput('policyExtension', t('form.policy_extension'), false)}
            </fieldset>
          </>
        ) : null}
        {insurer && insurer !== 'atradius' ? (
          <div className="tc-field" part="field" data-field="comment">
            {label('comment', t('form.comment'), true)}
            <textarea
              id={id('comment')}
              className="tc-input tc-textarea"
              part="input textarea"
              name="comment"
              rows={3}
              aria-invalid={fieldErrors('comment').length > 0}
              aria-describedby={`${id('comment')}-error`}
              value={draft.comment}
              disabled={busy}
              onChange={(event) => set('comment', event.target.value)}
              onBlur={() => touch('comment')}
            />
            {errorText('comment')}
          </div>
        ) : null}
        {phase.kind === 'failed' ? (
          <div className="tc-failure" part="failure" role="alert" data-code={phase.error.code}>
            <p className="tc-error" part="error">{phase.error.message}</p>
            {phase.error.retryable ? (
              <button type="button" className="tc-button tc-retry" part="button retry" onClick={() => void submit()}>
                {t('form.retry')}
              </button>
            ) : null}
          </div>
        ) : null}
        <div className="tc-actions" part="actions">
          <button type="submit" className="tc-button tc-submit" part="button submit" disabled={!ready || busy} aria-busy={busy}>
            {busy ? t('form.sending') : t('form.submit')}
          </button>
        </div>
      </form>
      <div className="tc-outcome-region" part="outcome-region" role="status" aria-live="polite">
        {outcomeView()}
      </div>
    </div>
  );
}
