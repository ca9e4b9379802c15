// Atradius through the proxy (`/proxy/atradius/…`), as tradecover's core (core/src/atradius):
// buyers by identifier only, the covers of a policy, and cover applications.

import { alpha3, countryCode } from '../countries';
import { atradiusIdentifier, atradiusType } from '../identifiers';
import { wireMoney } from '../money';
import type { InsurerRequest } from '../proxy';
import { atradiusStatus } from '../status';
import { array, isoDate, object, text, type Buyer, type Decision, type Identifier, type Json, type JsonObject } from '../types';
import type { Application } from './application';
import type { SearchCriteria } from './search';

export const BUYER_ID_KIND = 'atradius.buyer_id';

export interface AtradiusPolicy {
  customerId: string;
  policyId: string;
}

export function searchRequests(criteria: SearchCriteria): { stage: 'identifier'; request: InsurerRequest }[] {
  const planned: { stage: 'identifier'; request: InsurerRequest }[] = [];
  for (const identifier of criteria.identifiers) {
    const type = atradiusType(identifier.kind);
    if (!type) continue;
    const uid = identifier.kind === 'fr.siret' ? identifier.value.slice(0, 9) : identifier.value;
    const request: InsurerRequest = {
      method: 'GET',
      path: '/credit-insurance/organisation-management/v1/buyers',
      query: [['country', alpha3(criteria.country)], ['uid', uid], ['uidType', type]],
    };
    if (!planned.some((seen) => JSON.stringify(seen.request) === JSON.stringify(request))) {
      planned.push({ stage: 'identifier', request });
    }
  }
  return planned;
}

function identifiersOf(value: Json | undefined, country: string | null): Identifier[] {
  const found: Identifier[] = [];
  for (const item of array(value)) {
    const unique = object(item);
    const uid = text(unique?.uid);
    const type = text(unique?.uidType);
    if (!uid || !type) continue;
    const identifier = atradiusIdentifier(type, uid, country);
    if (identifier && !found.some((seen) => seen.kind === identifier.kind && seen.value === identifier.value)) {
      found.push(identifier);
    }
  }
  return found;
}

/** Atradius answers a list under `data` (or the list itself, or one object). */
function items(body: Json): Json[] {
  if (Array.isArray(body)) return body;
  const wrapped = object(body);
  if (!wrapped) return [];
  if (Array.isArray(wrapped.data)) return wrapped.data;
  return object(wrapped.data) ? [wrapped.data] : [];
}

export function readBuyers(body: Json, searched: string): { buyers: Buyer[]; total: number } {
  const buyers: Buyer[] = [];
  for (const item of items(body)) {
    const buyer = object(item);
    const id = text(buyer?.buyerId);
    if (!buyer || !id) continue;
    const address = object(buyer.registeredAddress) ?? {};
    const country = countryCode(text(address.countryCode)) ?? searched;
    const street = [text(address.addressLine1), text(address.addressLine2)].filter(Boolean).join(', ');
    buyers.push({
      insurer: 'atradius',
      insurerId: id,
      name: text(buyer.buyerName) ?? '',
      address: { street: street || undefined, postcode: text(address.postCode), town: text(address.city), country },
      identifiers: [{ kind: BUYER_ID_KIND, value: id }, ...identifiersOf(buyer.uniqueIdentifiers, country)],
      establishment: 'headOffice',
    });
  }
  return { buyers, total: buyers.length };
}

export function coversRequest(policy: AtradiusPolicy): InsurerRequest {
  return {
    method: 'GET',
    path: '/credit-insurance/cover-management/v1/covers',
    query: [['customerId', policy.customerId], ['policyId', policy.policyId]],
  };
}

export function coverDecision(cover: JsonObject): Decision {
  const id = text(cover.coverId);
  if (!id) throw new RangeError('a cover has no coverId');
  const buyerId = text(cover.buyerId);
  if (!buyerId) throw new RangeError(`cover ${id} has no buyerId`);
  const currency = text(cover.policyCurrencyCode);
  const requested = wireMoney(cover.creditLimitApplicationAmountInPolicyCurrency, currency);
  const total = object(cover.totalDecision);
  const first = object(cover.firstAmtDecision);
  const second = object(cover.secondAmtDecision);
  const granted = wireMoney(total?.decisionAmtInPolicyCurrency, currency) ?? wireMoney(first?.decisionAmtInPolicyCurrency, currency);
  let expiresOn = isoDate(cover.effectiveToDate) ?? isoDate(cover.withdrawalDate) ?? isoDate(total?.decisionExpiryDate);
  if (!expiresOn && !second) expiresOn = isoDate(first?.decisionExpiryDate);
  const conditions = array((total ?? first)?.decisionConditions)
    .map((condition) => text(object(condition)?.conditionDescription) ?? text(object(condition)?.conditionCode))
    .filter((condition): condition is string => !!condition);
  return {
    insurer: 'atradius',
    id,
    buyerId,
    buyerName: text(cover.buyerName) ?? null,
    buyerIdentifiers: identifiersOf(cover.uniqueIdentifiers, null),
    product: text(cover.coverType) ?? '',
    requested,
    granted,
    status: atradiusStatus(
      {
        coverStatus: text(cover.coverStatus),
        decisionCode: text(cover.decisionCode),
        historicCode: text(cover.historicCode),
        pendingProcessIndicator: text(cover.pendingProcessIndicator),
      },
      granted?.minor ?? null,
      requested?.minor ?? null,
    ),
    appliedOn: isoDate(cover.applicationDate),
    decidedOn: isoDate(cover.decisionDate),
    effectiveFrom: isoDate(cover.effectFromDate),
    expiresOn,
    customerReference: text(cover.customerRefNumber) ?? null,
    orderId: null,
    conditions,
  };
}

export function readCovers(body: Json): Decision[] {
  return items(body)
    .map(object)
    .filter((cover): cover is JsonObject => !!cover)
    .map(coverDecision);
}

export function applicationRequest(application: Application, policy: AtradiusPolicy): InsurerRequest {
  const customerId = Number(policy.customerId);
  const buyerId = Number(application.buyerId);
  const body: JsonObject = {
    customerId: Number.isSafeInteger(customerId) ? customerId : policy.customerId,
    policyId: policy.policyId,
    buyerId: Number.isSafeInteger(buyerId) ? buyerId : application.buyerId,
    coverType: application.coverType,
    currencyCode: application.amount?.currency ?? application.currency,
  };
  if (application.coverType !== 'credit-check' && application.amount) {
    body.creditLimitAmount = application.amount.minor / 10 ** application.amountUnits;
  }
  if (application.customerReference) body.customerRefNumber = application.customerReference;
  return {
    method: 'POST',
    path: '/credit-insurance/cover-management/v1/covers',
    body,
    headers: { 'idempotency-key': application.idempotencyKey },
  };
}

/** The decision an application answer carries (`data[0]`), completed with what was sent;
 * `202` means referred to an underwriter. */
export function readApplication(status: number, body: Json, application: Application): Decision {
  const item = items(body).map(object).find((cover) => !!cover);
  if (!item) throw new RangeError('the answer to the application has no item');
  const hasCodes = ['coverStatus', 'decisionCode', 'historicCode', 'pendingProcessIndicator'].some((key) => !!text(item[key]));
  const known: JsonObject = {
    buyerId: application.buyerId,
    coverType: application.coverType,
    customerRefNumber: application.customerReference ?? null,
    policyCurrencyCode: application.amount?.currency ?? application.currency,
    creditLimitApplicationAmountInPolicyCurrency: application.amount ? application.amount.minor / 10 ** application.amountUnits : null,
  };
  for (const [key, value] of Object.entries(item)) if (value !== null) known[key] = value;
  const decision = coverDecision(known);
  const response = text(item.response) ?? '';
  if (status === 202) decision.status = { status: { state: 'pending', detail: 'underwriting' }, raw: { scheme: 'atradius.coverStatus', code: 'REFERRED' } };
  else if (!hasCodes && /refus|reject|declin/i.test(response)) {
    decision.status = { status: { state: 'decided', detail: 'refused' }, raw: { scheme: 'atradius.response', code: response } };
  } else if (!hasCodes) decision.status = { status: null, raw: { scheme: 'atradius.coverStatus', code: 'DECISION' } };
  return decision;
}
