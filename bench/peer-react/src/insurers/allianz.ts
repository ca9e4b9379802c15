// Allianz Trade through the proxy (`/proxy/allianz-trade/…`), as tradecover's core
// (core/src/allianz_trade): advancedSearch, covers/search page by page, cover requests (a job
// followed until processed).

import { countryCode } from '../countries';
import { allianzIdentifier, allianzType } from '../identifiers';
import { wireMoney } from '../money';
import type { InsurerRequest, ProxyAnswer } from '../proxy';
import { allianzCover, allianzTechnical } from '../status';
import { array, isoDate, object, text, type Buyer, type Decision, type Identifier, type Json, type JsonObject } from '../types';
import type { Application } from './application';
import type { SearchCriteria } from './search';

export const COMPANY_ID_KIND = 'allianz.company_id';
const DEFAULT_PRODUCT = 'CreditLimit';

export interface AllianzPolicy {
  businessUnitCode: string;
  policyId: string;
  extensionId: string;
}

const search = (body: JsonObject): InsurerRequest => ({ method: 'POST', path: '/search/v2/companies/advancedSearch', body });

export function searchRequests(criteria: SearchCriteria): { stage: 'identifier' | 'name'; request: InsurerRequest }[] {
  const planned: { stage: 'identifier' | 'name'; request: InsurerRequest }[] = [];
  for (const identifier of criteria.identifiers) {
    const type = allianzType(identifier.kind);
    if (!type) continue;
    const request = search({
      countryCode: criteria.country,
      companyIdentifiers: [{ idTypeCode: type, idValue: identifier.value }],
      pageSize: 10,
    });
    if (!planned.some((seen) => JSON.stringify(seen.request) === JSON.stringify(request))) {
      planned.push({ stage: 'identifier', request });
    }
  }
  if (criteria.name) {
    const body: JsonObject = { companyName: criteria.name, countryCode: criteria.country };
    if (criteria.town) body.town = criteria.town;
    if (criteria.postcode) body.postalCode = criteria.postcode;
    body.pageSize = 10;
    planned.push({ stage: 'name', request: search(body) });
  }
  return planned;
}

export function readBuyers(body: Json): { buyers: Buyer[]; total: number } {
  const buyers: Buyer[] = [];
  for (const item of array(object(body)?.results)) {
    const company = object(object(item)?.company);
    const id = text(company?.companyId);
    if (!company || !id) continue;
    const address = object(company.address) ?? {};
    const country = countryCode(text(address.countryCode)) ?? '';
    const street = [text(address.streetNumber), text(address.streetName)].filter(Boolean).join(' ');
    const identifiers: Identifier[] = [{ kind: COMPANY_ID_KIND, value: id }];
    for (const entry of array(company.companyIdentifiers)) {
      const wire = object(entry);
      const type = text(wire?.idTypeCode);
      const value = text(wire?.idValue);
      const identifier = type && value ? allianzIdentifier(type, value, country || null) : null;
      if (identifier) identifiers.push(identifier);
    }
    const headOffice = company.isHeadOffice !== false && text(company.isHeadOffice) !== 'false';
    buyers.push({
      insurer: 'allianz-trade',
      insurerId: id,
      name: text(object(company.legalData)?.companyName) ?? '',
      address: {
        street: street || undefined,
        postcode: text(object(array(address.postCodes)[0])?.postCodeValue),
        town: text(address.town),
        country,
      },
      identifiers,
      establishment: headOffice ? 'headOffice' : 'branch',
      headOfficeId: text(company.headOfficeCompanyId),
    });
  }
  return { buyers, total: buyers.length };
}

export function coversRequest(policies: AllianzPolicy[], page: number, pageSize: number): InsurerRequest {
  return {
    method: 'POST',
    path: '/riskinfo/v3/covers/search',
    body: {
      policies: policies.map((policy) => ({
        businessUnitCode: policy.businessUnitCode.trim(),
        policyId: policy.policyId.trim(),
        extensionId: policy.extensionId.trim(),
      })),
      pagination: { page, pageSize: Math.min(Math.max(pageSize, 1), 5000), isTotalRequired: true },
    },
  };
}

export function coverDecision(cover: JsonObject): Decision {
  const id = text(cover.coverId);
  if (!id) throw new RangeError('a cover has no coverId');
  const companyId = text(cover.companyId) ?? '';
  const details = object(cover.creditLimitDetails);
  const coverCurrency = text(cover.currencyCode);
  const requested = wireMoney(details?.requestedAmount, text(details?.currencyCode) ?? coverCurrency);
  // The current limit: the one that started last.
  let current: JsonObject | undefined;
  for (const item of array(object(cover.creditLimitsAggregation)?.creditLimits)) {
    const limit = object(item);
    if (limit && (!current || (isoDate(limit.startDate) ?? '') > (isoDate(current.startDate) ?? ''))) current = limit;
  }
  const coverReport = () => allianzCover(text(cover.coverStatusCode) ?? '');
  let granted = null;
  let status = coverReport();
  if (current) {
    granted = wireMoney(current.amount, text(current.currencyCode) ?? coverCurrency ?? requested?.currency);
    const technical = text(current.technicalDecisionStatusCode);
    if (technical) status = allianzTechnical(technical);
  }
  if (status.status?.state === 'decided' && status.status.detail === 'full' && requested && granted &&
      requested.currency === granted.currency && granted.minor < requested.minor) {
    status = { ...status, status: { state: 'decided', detail: 'partial' } };
  }
  return {
    insurer: 'allianz-trade',
    id,
    buyerId: companyId,
    buyerName: text(cover.companyName) ?? null,
    buyerIdentifiers: companyId ? [{ kind: COMPANY_ID_KIND, value: companyId }] : [],
    product: text(cover.coverTypeCode) ?? DEFAULT_PRODUCT,
    requested,
    granted,
    status,
    appliedOn: isoDate(cover.creationDate),
    decidedOn: current ? isoDate(current.decisionDate) : null,
    effectiveFrom: current ? isoDate(current.startDate) : null,
    expiresOn: current ? isoDate(current.endDate) : null,
    customerReference: text(cover.customerReference) ?? null,
    orderId: null,
    conditions: [],
  };
}

export interface CoversPage {
  decisions: Decision[];
  total: number | null;
  nextPage: number | null;
}

export function readCoversPage(answer: ProxyAnswer, body: Json, page: number, pageSize: number): CoversPage {
  const wrapped = object(body);
  const list = Array.isArray(body) ? body : array(wrapped?.covers ?? wrapped?.items);
  const decisions = list.map(object).filter((cover): cover is JsonObject => !!cover).map(coverDecision);
  const headerNumber = (name: string) => {
    const value = answer.headers.get(name);
    return value && /^\d+$/.test(value.trim()) ? Number(value) : null;
  };
  const total = headerNumber('Total-Items') ?? (wrapped ? Number(text(wrapped.totalItems) ?? text(wrapped.totalCount) ?? Number.NaN) : Number.NaN);
  const pages = headerNumber('Total-Pages');
  const knownTotal = Number.isFinite(total) ? total : null;
  const more = pages !== null ? page < pages : knownTotal !== null ? page * pageSize < knownTotal : decisions.length >= pageSize;
  return { decisions, total: knownTotal, nextPage: more ? page + 1 : null };
}

export function coverRequest(application: Application): InsurerRequest {
  const body: JsonObject = {
    requestTypeCode: 'Primary',
    policy: application.policy ? { ...application.policy } : null,
    creditLimitDetails: {
      requestedAmount: application.amount ? application.amount.minor / 10 ** application.amountUnits : 0,
      currencyCode: application.amount?.currency ?? application.currency,
    },
    companyId: application.buyerId,
    isRequestUrgent: application.urgent,
  };
  if (application.comment) body.comment = application.comment;
  if (application.customerReference) body.customerReference = application.customerReference;
  return { method: 'POST', path: '/riskinfo/v3/covers', body, headers: { 'idempotency-key': application.idempotencyKey } };
}

/** The job id an accepted cover request answers (a bare string, or `{jobId}`). */
export function readJobId(body: Json): string {
  const id = text(body) ?? text(object(body)?.jobId);
  if (!id) throw new RangeError('the cover request answer has no job id');
  return id;
}

export const jobRequest = (jobId: string): InsurerRequest => ({ method: 'GET', path: `/riskinfo/v3/jobs/${encodeURIComponent(jobId)}` });

/** `null` while the job runs; the cover id once processed; throws when it failed. */
export function readJob(body: Json): string | null {
  const job = object(body);
  const status = (text(job?.jobStatusCode) ?? '').toLowerCase();
  if (status === 'failed') throw new RangeError('the job failed');
  if (status !== 'processed') return null;
  const url = text(job?.ressourceUrl) ?? text(job?.resourceUrl) ?? '';
  return url.split('/').pop() ?? null;
}

export const coverGetRequest = (coverId: string): InsurerRequest => ({ method: 'GET', path: `/riskinfo/v3/covers/${encodeURIComponent(coverId)}` });
