// The tracker's rows: decisions in arrival order with what filtering needs precomputed
// (lower-case search text, country), an index by insurer and id for merging updates, and the
// view (filter, then sort) as a permutation of row indices — rows are never copied.

import { countryCode } from '../countries';
import { statusKind, type StatusKind } from '../status';
import { INSURER_NAMES, type Decision, type Money, type Status } from '../types';

export const COLUMNS = [
  'buyer', 'identifiers', 'insurer', 'product', 'requested', 'granted', 'status',
  'applied', 'decided', 'effective', 'expiry', 'reference',
] as const;
export type Column = (typeof COLUMNS)[number];

export interface Filter {
  text: string;
  status: StatusKind | null;
  insurer: string | null;
  country: string | null;
  product: string | null;
  from: string | null;
  to: string | null;
}

export interface ViewState {
  sort: Column | null;
  descending: boolean;
  filter: Filter;
}

export const EMPTY_VIEW: ViewState = {
  sort: null,
  descending: false,
  filter: { text: '', status: null, insurer: null, country: null, product: null, from: null, to: null },
};

function searchText(row: Decision): string {
  const parts = [row.buyerName ?? '', row.buyerId, ...row.buyerIdentifiers.map((identifier) => identifier.value),
    row.product, row.customerReference ?? '', row.id, row.orderId ?? '', row.status.raw.code];
  return parts.filter((part) => part !== '').join('\u001f').toLowerCase();
}

function countryOf(row: Decision): string | null {
  for (const identifier of row.buyerIdentifiers) {
    const [prefix] = identifier.kind.split('.');
    if (prefix.length === 2) {
      const code = countryCode(prefix);
      if (code) return code;
    }
  }
  return null;
}

export function identifiersText(row: Decision): string {
  const parts = row.buyerIdentifiers.map((identifier) => identifier.value);
  if (!parts.includes(row.buyerId)) parts.push(row.buyerId);
  return parts.join(' · ');
}

const STATUS_ORDER = new Map<StatusKind, number>(
  ['draft', 'submitted', 'pending', 'granted', 'partial', 'refused', 'reduced', 'cancelled', 'expired', 'withdrawn', 'superseded', 'unknown']
    .map((kind, index) => [kind as StatusKind, index]),
);

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function optional<T>(a: T | null | undefined, b: T | null | undefined, compare: (a: T, b: T) => number): number {
  if (a == null) return b == null ? 0 : 1;
  if (b == null) return -1;
  return compare(a, b);
}
const compareMoney = (a: Money, b: Money) => compareText(a.currency, b.currency) || a.minor - b.minor;

export type Merged = { kind: 'added' | 'updated'; index: number; before: Status | null } | { kind: 'refused' };

const FINAL = new Set(['cancelled', 'expired', 'withdrawn', 'superseded']);
const isFinal = (status: Status) => FINAL.has(status.state) || (status.state === 'decided' && status.detail === 'refused');

export class DecisionStore {
  rows: Decision[] = [];
  private search: string[] = [];
  private countries: (string | null)[] = [];
  private names: string[] = [];
  private ids = new Map<string, number>();

  get length(): number {
    return this.rows.length;
  }

  extend(rows: Decision[]): void {
    for (const row of rows) this.push(row);
  }

  private push(row: Decision): number {
    const index = this.rows.length;
    this.rows.push(row);
    this.search.push(searchText(row));
    this.countries.push(countryOf(row));
    this.names.push((row.buyerName ?? '').toLowerCase());
    const key = `${row.insurer}|${row.id}`;
    if (!this.ids.has(key)) this.ids.set(key, index);
    return index;
  }

  private set(index: number, row: Decision): void {
    const before = this.rows[index];
    this.ids.delete(`${before.insurer}|${before.id}`);
    this.ids.set(`${row.insurer}|${row.id}`, index);
    this.rows[index] = row;
    this.search[index] = searchText(row);
    this.countries[index] = countryOf(row);
    this.names[index] = (row.buyerName ?? '').toLowerCase();
  }

  /** Adds or replaces a decision reported later (same insurer and id, or same Coface order);
   * a final decision is not moved back. */
  merge(row: Decision): Merged {
    let index = this.ids.get(`${row.insurer}|${row.id}`);
    if (index === undefined && row.insurer === 'coface' && row.orderId) {
      const order = row.orderId.trim();
      const found = this.rows.findIndex((each) => each.insurer === 'coface' && (each.orderId?.trim() === order || each.id === order));
      if (found >= 0) index = found;
    }
    if (index === undefined) return { kind: 'added', index: this.push(row), before: null };
    const before = this.rows[index].status.status;
    if (before && row.status.status && isFinal(before) && JSON.stringify(before) !== JSON.stringify(row.status.status)) {
      return { kind: 'refused' };
    }
    this.set(index, row);
    return { kind: 'updated', index, before };
  }

  countriesListed(): string[] {
    return [...new Set(this.countries.filter((country): country is string => country !== null))].sort();
  }

  productsListed(): string[] {
    return [...new Set(this.rows.map((row) => row.product).filter((product) => product !== ''))].sort();
  }

  private compare(column: Column): (a: number, b: number) => number {
    const rows = this.rows;
    switch (column) {
      case 'buyer':
        return (a, b) => optional(rows[a].buyerName === null ? null : this.names[a], rows[b].buyerName === null ? null : this.names[b], compareText) || compareText(rows[a].buyerId, rows[b].buyerId);
      case 'identifiers':
        return (a, b) => compareText(rows[a].buyerId, rows[b].buyerId);
      case 'insurer':
        return (a, b) => compareText(rows[a].insurer, rows[b].insurer);
      case 'product':
        return (a, b) => compareText(rows[a].product, rows[b].product);
      case 'requested':
        return (a, b) => optional(rows[a].requested, rows[b].requested, compareMoney);
      case 'granted':
        return (a, b) => optional(rows[a].granted, rows[b].granted, compareMoney);
      case 'status':
        return (a, b) =>
          (STATUS_ORDER.get(statusKind(rows[a].status.status)) ?? 0) - (STATUS_ORDER.get(statusKind(rows[b].status.status)) ?? 0) ||
          compareText(rows[a].status.raw.code, rows[b].status.raw.code);
      case 'applied':
        return (a, b) => optional(rows[a].appliedOn, rows[b].appliedOn, compareText);
      case 'decided':
        return (a, b) => optional(rows[a].decidedOn, rows[b].decidedOn, compareText);
      case 'effective':
        return (a, b) => optional(rows[a].effectiveFrom, rows[b].effectiveFrom, compareText);
      case 'expiry':
        return (a, b) => optional(rows[a].expiresOn, rows[b].expiresOn, compareText);
      case 'reference':
        return (a, b) => optional(rows[a].customerReference, rows[b].customerReference, compareText);
    }
  }

  /** The rows shown, in order, as indices. */
  view(view: ViewState): number[] {
    const { filter } = view;
    const words = filter.text.toLowerCase().split(/\s+/).filter((word) => word !== '');
    const product = filter.product?.trim().toUpperCase() ?? null;
    const unfiltered = words.length === 0 && !filter.status && !filter.insurer && !filter.country && !product && !filter.from && !filter.to;
    const indices: number[] = [];
    for (let index = 0; index < this.rows.length; index++) {
      if (!unfiltered) {
        const row = this.rows[index];
        if (filter.status && statusKind(row.status.status) !== filter.status) continue;
        if (filter.insurer && row.insurer !== filter.insurer) continue;
        if (filter.country && this.countries[index] !== filter.country) continue;
        if (product && row.product.toUpperCase() !== product) continue;
        if (filter.from && (!row.appliedOn || row.appliedOn < filter.from)) continue;
        if (filter.to && (!row.appliedOn || row.appliedOn > filter.to)) continue;
        const haystack = this.search[index];
        if (!words.every((word) => haystack.includes(word))) continue;
      }
      indices.push(index);
    }
    if (view.sort) {
      const compare = this.compare(view.sort);
      indices.sort(view.descending ? (a, b) => compare(b, a) || a - b : (a, b) => compare(a, b) || a - b);
    }
    return indices;
  }
}

export const insurerLabel = (insurer: string) => INSURER_NAMES[insurer as keyof typeof INSURER_NAMES] ?? insurer;

// The view as text (`sort=-requested&status=pending&q=dupont`), as tradecover's `view`
// attribute and URL fragment.

export const FRAGMENT_KEY = 'tradecover-tracker';

export function viewToText(view: ViewState): string {
  const pairs: [string, string][] = [];
  if (view.sort) pairs.push(['sort', `${view.descending ? '-' : ''}${view.sort}`]);
  const { filter } = view;
  if (filter.status) pairs.push(['status', filter.status]);
  if (filter.insurer) pairs.push(['insurer', filter.insurer]);
  if (filter.country) pairs.push(['country', filter.country]);
  if (filter.product) pairs.push(['product', filter.product]);
  if (filter.from) pairs.push(['from', filter.from]);
  if (filter.to) pairs.push(['to', filter.to]);
  if (filter.text.trim()) pairs.push(['q', filter.text.trim()]);
  return pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}

export function viewFromText(text: string): ViewState {
  const view: ViewState = { ...EMPTY_VIEW, filter: { ...EMPTY_VIEW.filter } };
  for (const pair of text.split('&')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    const key = pair.slice(0, at);
    let value: string;
    try {
      value = decodeURIComponent(pair.slice(at + 1));
    } catch {
      continue;
    }
    const trimmed = value.trim() || null;
    switch (key) {
      case 'sort': {
        const descending = value.startsWith('-');
        const column = (descending ? value.slice(1) : value).trim() as Column;
        if (COLUMNS.includes(column)) {
          view.sort = column;
          view.descending = descending;
        }
        break;
      }
      case 'status':
        view.filter.status = (['draft', 'submitted', 'pending', 'granted', 'partial', 'refused', 'reduced', 'cancelled', 'expired', 'withdrawn', 'superseded', 'unknown'] as string[]).includes(value.trim())
          ? (value.trim() as StatusKind)
          : null;
        break;
      case 'insurer':
        view.filter.insurer = ['allianz-trade', 'atradius', 'coface'].includes(value.trim()) ? value.trim() : null;
        break;
      case 'country':
        view.filter.country = countryCode(value);
        break;
      case 'product':
        view.filter.product = trimmed;
        break;
      case 'from':
        view.filter.from = trimmed;
        break;
      case 'to':
        view.filter.to = trimmed;
        break;
      case 'q':
        view.filter.text = value;
        break;
      default:
    }
  }
  return view;
}

export function fragmentView(hash: string): ViewState | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part.startsWith(`${FRAGMENT_KEY}=`)) {
      try {
        return viewFromText(decodeURIComponent(part.slice(FRAGMENT_KEY.length + 1)));
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function replaceInFragment(hash: string, view: ViewState): string {
  const kept = hash.replace(/^#/, '').split('&').filter((part) => part !== '' && !part.startsWith(`${FRAGMENT_KEY}=`));
  const text = viewToText(view);
  if (text) kept.push(`${FRAGMENT_KEY}=${encodeURIComponent(text)}`);
  return kept.join('&');
}
