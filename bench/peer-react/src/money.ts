// Amounts as people type them in their locale (`1 000,50`, `1.000,50`, `1,000.50`, `1'000.50`)
// into integer minor units, and formatted back with Intl.NumberFormat.

import type { Money } from './types';

export type Parsed = { ok: true; value: Money } | { ok: false; code: string; params?: Record<string, string> };

interface Separators {
  group: string;
  decimal: string;
}

const separatorCache = new Map<string, Separators>();

function separators(locale: string): Separators {
  let found = separatorCache.get(locale);
  if (!found) {
    let group = ',';
    let decimal = '.';
    try {
      for (const part of new Intl.NumberFormat(locale).formatToParts(1234567.5)) {
        if (part.type === 'group') group = part.value;
        if (part.type === 'decimal') decimal = part.value;
      }
    } catch {
      // An unknown locale: the English separators.
    }
    found = { group, decimal };
    separatorCache.set(locale, found);
  }
  return found;
}

const minorUnitsCache = new Map<string, number>();

/** Decimals of an ISO 4217 currency (EUR 2, JPY 0, KWD 3), or null for an unknown code. */
export function minorUnits(currency: string): number | null {
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return null;
  let units = minorUnitsCache.get(code);
  if (units === undefined) {
    if (!CURRENCIES.includes(code)) return null;
    units = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    minorUnitsCache.set(code, units);
  }
  return units;
}

/** Active ISO 4217 currencies the browser knows. */
export const CURRENCIES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('currency');
  } catch {
    return ['CHF', 'EUR', 'GBP', 'USD'];
  }
})();

/** The largest amount accepted, in major units (as tradecover: 10^13). */
const MAX_MAJOR = 10_000_000_000_000;

const BLANKS = /[\s\u00a0\u202f]/g;

export function parseMoney(text: string, currency: string, locale: string): Parsed {
  const units = minorUnits(currency);
  if (units === null) return { ok: false, code: currency.trim() === '' ? 'currency.required' : 'currency.unknown', params: { value: currency } };
  let typed = text.trim();
  if (typed === '') return { ok: false, code: 'amount.required' };
  typed = typed.replace(new RegExp(`^${currency.trim()}\\s*|\\s*${currency.trim()}$`, 'i'), '').replace(/^[€$£¥]\s*|\s*[€$£¥]$/, '');
  if (typed.startsWith('-')) return { ok: false, code: 'amount.not_positive' };
  const { group, decimal } = separators(locale);
  let compact = typed.replace(BLANKS, '');
  // The locale's group separator, and the apostrophe of Swiss German; dots or commas that are
  // not the locale's decimal separator are taken as groups only where groups of three follow.
  const groupMarks = new Set([group.replace(BLANKS, ''), "'", '’'].filter((mark) => mark !== ''));
  const other = decimal === ',' ? '.' : ',';
  if (!groupMarks.has(other) && compact.includes(other)) {
    if (/^\d{1,3}([.,]\d{3})+$/.test(compact.split(decimal)[0] ?? '')) groupMarks.add(other);
    else if (!compact.includes(decimal) && compact.split(other).length === 2) {
      compact = compact.replace(other, decimal);
    } else return { ok: false, code: 'amount.format' };
  }
  const [whole, fraction = '', extra] = compact.split(decimal);
  if (extra !== undefined) return { ok: false, code: 'amount.format' };
  let integer = whole;
  for (const mark of groupMarks) {
    if (integer.includes(mark)) {
      if (!new RegExp(`^\\d{1,3}(${mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d{3})+$`).test(integer)) return { ok: false, code: 'amount.format' };
      integer = integer.split(mark).join('');
    }
  }
  if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction) || (integer === '' && fraction === '')) {
    return { ok: false, code: 'amount.format' };
  }
  if (fraction.length > units) return { ok: false, code: 'amount.too_many_decimals', params: { max: String(units) } };
  const major = Number(integer || '0');
  if (major >= MAX_MAJOR) return { ok: false, code: 'amount.too_large', params: { max: formatMoney({ minor: MAX_MAJOR * 10 ** units, currency }, locale) } };
  const minor = major * 10 ** units + Number(fraction.padEnd(units, '0') || '0');
  return { ok: true, value: { minor, currency: currency.trim().toUpperCase() } };
}

const formatCache = new Map<string, Intl.NumberFormat>();

export function formatMoney(money: Money, locale: string): string {
  const key = `${locale}|${money.currency}`;
  let format = formatCache.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    } catch {
      format = new Intl.NumberFormat('en', { style: 'currency', currency: 'XXX' });
    }
    formatCache.set(key, format);
  }
  const units = minorUnits(money.currency) ?? 2;
  return format.format(money.minor / 10 ** units);
}

/** An insurer's amount in major units (a number, or digits as text) as money, or null when
 * absent; throws on an amount that is not a number. */
export function wireMoney(value: unknown, currency: string | undefined): Money | null {
  if (value === null || value === undefined || value === '') return null;
  const major = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (!Number.isFinite(major) || !currency) throw new RangeError(`unreadable amount ${String(value)}`);
  const units = minorUnits(currency) ?? 2;
  return { minor: Math.round(major * 10 ** units), currency: currency.trim().toUpperCase() };
}
