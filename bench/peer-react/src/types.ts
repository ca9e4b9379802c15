// The shapes the peer hands to the page: the same JSON as tradecover's events
// (`tradecover-select` detail.buyer, `tradecover-decision` detail), see src/js/index.d.ts.

export type InsurerName = 'allianz-trade' | 'atradius' | 'coface';

export const INSURERS: InsurerName[] = ['allianz-trade', 'atradius', 'coface'];

export const INSURER_NAMES: Record<InsurerName, string> = {
  'allianz-trade': 'Allianz Trade',
  atradius: 'Atradius',
  coface: 'Coface',
};

export function parseInsurer(value: unknown): InsurerName | null {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (INSURERS as string[]).includes(text) ? (text as InsurerName) : null;
}

export interface Address {
  street?: string;
  postcode?: string;
  town?: string;
  region?: string;
  country: string;
}

export interface Identifier {
  kind: string;
  value: string;
}

export interface Buyer {
  insurer: InsurerName;
  insurerId: string;
  name: string;
  address: Address;
  identifiers: Identifier[];
  establishment: 'headOffice' | 'branch';
  headOfficeId?: string;
}

export interface Money {
  minor: number;
  currency: string;
}

export type Status =
  | { state: 'draft' | 'submitted' | 'reduced' | 'cancelled' | 'expired' | 'withdrawn' | 'superseded' }
  | { state: 'pending'; detail: 'underwriting' | 'identification' | 'complementaryInformation' | 'onHold' }
  | { state: 'decided'; detail: 'full' | 'partial' | 'refused' };

export interface Decision {
  insurer: InsurerName;
  id: string;
  buyerId: string;
  buyerName: string | null;
  buyerIdentifiers: Identifier[];
  product: string;
  requested: Money | null;
  granted: Money | null;
  status: { status: Status | null; raw: { scheme: string; code: string } };
  appliedOn: string | null;
  decidedOn: string | null;
  effectiveFrom: string | null;
  expiresOn: string | null;
  customerReference: string | null;
  orderId: string | null;
  conditions: string[];
}

export interface WidgetError {
  code: string;
  field?: string;
  message: string;
  retryable: boolean;
}

/** A JSON value as JSON.parse gives it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Text of a loose JSON value (insurers send ids as numbers or strings); blank → undefined. */
export function text(value: Json | undefined): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function object(value: Json | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

export function array(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** `YYYY-MM-DD` of an ISO date or date-time, or null. */
export function isoDate(value: Json | undefined): string | null {
  const raw = text(value);
  if (!raw) return null;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(raw);
  return match ? match[1] : null;
}
