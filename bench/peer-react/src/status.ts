// Each insurer's status codes mapped onto the neutral lifecycle (the same tables as tradecover's
// core: core/src/{coface,atradius,allianz_trade}/status.rs), and the tracker's status kinds.

import type { Decision, Status } from './types';

type Report = Decision['status'];

const FULL: Status = { state: 'decided', detail: 'full' };
const PARTIAL: Status = { state: 'decided', detail: 'partial' };
const REFUSED: Status = { state: 'decided', detail: 'refused' };
const UNDERWRITING: Status = { state: 'pending', detail: 'underwriting' };
const INFORMATION: Status = { state: 'pending', detail: 'complementaryInformation' };
const IDENTIFICATION: Status = { state: 'pending', detail: 'identification' };
const ON_HOLD: Status = { state: 'pending', detail: 'onHold' };
const plain = (state: 'submitted' | 'reduced' | 'cancelled' | 'expired' | 'withdrawn' | 'superseded'): Status => ({ state });

const report = (scheme: string, code: string, status: Status | null | undefined): Report => ({
  status: status ?? null,
  raw: { scheme, code: code.trim() },
});

// Coface

const COFACE_DELIVERY: Record<string, Status> = {
  CANCELLED: plain('cancelled'), UNDER_CANCELLATION: plain('cancelled'),
  DECIDED_FULL: FULL, DELIVERED: FULL, STATUS_FULLFILLED: FULL, STATUS_FULFILLED: FULL,
  DECIDED_PARTIAL: PARTIAL, DECIDED_REFUSED: REFUSED, EXPIRED: plain('expired'), REDUCED: plain('reduced'),
  WITHDRAWN: plain('withdrawn'), UNDER_WITHDRAWAL: plain('withdrawn'), STATUS_REPLACED: plain('superseded'),
};
const COFACE_ORDER: Record<string, Status> = {
  STATUS_STARTED: plain('submitted'), STATUS_REJECTED: REFUSED, STATUS_ANNULED: plain('cancelled'),
  STATUS_ANNULLED: plain('cancelled'), STATUS_PENDING_COMPLEMENTARY_INFORMATION: INFORMATION,
  STATUS_PENDING_DEBTOR_VALIDATION: IDENTIFICATION, STATUS_PENDING_ON_HOLD: ON_HOLD,
  STATUS_PENDING_UNDERWRITING: UNDERWRITING,
};

export function cofaceStatus(delivery: string | undefined, order: string | undefined): Report | null {
  if (delivery) return report('coface.delivery', delivery, COFACE_DELIVERY[delivery.trim().toUpperCase()]);
  if (order) return report('coface.order', order, COFACE_ORDER[order.trim().toUpperCase()]);
  return null;
}

// Allianz Trade

const ALLIANZ_DECISION: Record<string, Status> = {
  alreadyagreed: FULL, agreement: FULL, agreed: FULL, accepted: FULL, approved: FULL,
  partialagreement: PARTIAL, partiallyagreed: PARTIAL, partiallyaccepted: PARTIAL, partiallyapproved: PARTIAL,
  refused: REFUSED, refusal: REFUSED, pending: UNDERWRITING, inprogress: UNDERWRITING, assessing: UNDERWRITING,
  awaitinginformation: INFORMATION, reduced: plain('reduced'), reduction: plain('reduced'),
  cancelled: plain('cancelled'), canceled: plain('cancelled'), cancellation: plain('cancelled'), revoked: plain('cancelled'),
  expired: plain('expired'), withdrawn: plain('withdrawn'), withdrawal: plain('withdrawn'),
  superseded: plain('superseded'), replaced: plain('superseded'),
};
const ALLIANZ_REQUEST: Record<string, Status> = {
  submitted: plain('submitted'), received: plain('submitted'), inprogress: UNDERWRITING, pending: UNDERWRITING,
  assessing: UNDERWRITING, awaitinginformation: INFORMATION, onhold: ON_HOLD, accepted: FULL, agreed: FULL,
  approved: FULL, partiallyaccepted: PARTIAL, partiallyagreed: PARTIAL, partiallyapproved: PARTIAL,
  refused: REFUSED, cancelled: plain('cancelled'), canceled: plain('cancelled'), withdrawn: plain('withdrawn'),
};
const normalise = (code: string) => code.replace(/[^0-9A-Za-z]/g, '').toLowerCase();

export const allianzTechnical = (code: string) =>
  report('allianz_trade.technicalDecisionStatusCode', code, ALLIANZ_DECISION[normalise(code)]);
export const allianzCover = (code: string) => report('allianz_trade.coverStatusCode', code, ALLIANZ_DECISION[normalise(code)]);
export const allianzRequest = (code: string) => report('allianz_trade.requestStatusCode', code, ALLIANZ_REQUEST[normalise(code)]);

// Atradius

const ATRADIUS_DECISION: Record<string, Status> = {
  DC01: FULL, DC11: FULL, DC02: PARTIAL, DC04: PARTIAL, DC05: PARTIAL, DC06: PARTIAL, DC10: PARTIAL,
  DC03: REFUSED, DC07: UNDERWRITING, DC08: plain('cancelled'), DC21: plain('cancelled'),
  DC09: plain('reduced'), DC22: plain('reduced'),
};
const ATRADIUS_HISTORIC: Record<string, Status> = {
  CCLA: plain('withdrawn'), CCLD: plain('withdrawn'), CIND: plain('withdrawn'), RCLA: REFUSED,
  SCLA: plain('superseded'), TCLA: plain('superseded'), SCLD: plain('superseded'), TCLD: plain('superseded'),
  ACLD: plain('superseded'), ICLD: plain('superseded'), MCLD: plain('superseded'),
  ARCH: plain('cancelled'), PCLD: plain('cancelled'), WCLD: plain('cancelled'), ECLD: plain('expired'),
};
const ATRADIUS_PENDING: Record<string, Status> = {
  C: plain('withdrawn'), W: plain('cancelled'), F: plain('cancelled'), P: plain('cancelled'),
  B: ON_HOLD, R: ON_HOLD, T: ON_HOLD, V: ON_HOLD,
};

export interface AtradiusCodes {
  coverStatus?: string;
  decisionCode?: string;
  historicCode?: string;
  pendingProcessIndicator?: string;
}

const inForce = (status: Status | null) =>
  status !== null && ((status.state === 'decided' && status.detail !== 'refused') || status.state === 'reduced');

export function atradiusStatus(codes: AtradiusCodes, granted: number | null, requested: number | null): Report {
  const upper = (code?: string) => code?.trim().toUpperCase();
  const historic = upper(codes.historicCode);
  if (historic) return report('atradius.historicCode', historic, ATRADIUS_HISTORIC[historic]);
  const cover = upper(codes.coverStatus);
  if (cover === 'REFERRED') return report('atradius.coverStatus', cover, UNDERWRITING);
  const indicator = upper(codes.pendingProcessIndicator);
  const decision = upper(codes.decisionCode);
  let base: Report;
  if (decision) base = report('atradius.decisionCode', decision, ATRADIUS_DECISION[decision]);
  else if (cover === 'DECISION') {
    const outcome = granted === null ? null : granted <= 0 ? REFUSED : requested !== null && granted < requested ? PARTIAL : FULL;
    base = report('atradius.coverStatus', cover, outcome);
  } else if (cover) base = report('atradius.coverStatus', cover, null);
  else if (indicator) return report('atradius.pendingProcessIndicator', indicator, ATRADIUS_PENDING[indicator]);
  else base = report('atradius.coverStatus', '', null);
  if (!indicator) return base;
  const endsCover = ['C', 'W', 'F', 'P'].includes(indicator);
  const state = base.status?.state;
  const overrides = inForce(base.status)
    ? endsCover
    : state === 'cancelled' || state === 'withdrawn' || state === 'expired'
      ? indicator === 'R'
      : false;
  return overrides ? report('atradius.pendingProcessIndicator', indicator, ATRADIUS_PENDING[indicator]) : base;
}

// What the tracker filters and sorts by.

export const STATUS_KINDS = [
  'draft', 'submitted', 'pending', 'granted', 'partial', 'refused', 'reduced', 'cancelled',
  'expired', 'withdrawn', 'superseded', 'unknown',
] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

export function statusKind(status: Status | null): StatusKind {
  if (status === null) return 'unknown';
  if (status.state === 'decided') return status.detail === 'full' ? 'granted' : status.detail;
  return status.state;
}

export const isWaiting = (status: Status | null) => status?.state === 'pending' || status?.state === 'submitted';
