// Coface through the proxy (`/proxy/coface/…`): the same requests and answers as tradecover's
// core (core/src/coface): company search by identifier then name, the portfolio
// (`GET /companies/products`) and credit-limit orders (`POST /companies/{easy}/products`).

import { alpha3, countryCode } from '../countries';
import { cofaceIdentifier, cofaceType } from '../identifiers';
import { wireMoney } from '../money';
import type { InsurerRequest } from '../proxy';
import { cofaceStatus } from '../status';
import { array, isoDate, object, text, type Buyer, type Decision, type Identifier, type Json, type JsonObject } from '../types';
import type { SearchCriteria } from './search';
import type { Application } from './application';

export const EASY_KIND = 'coface.easy';

export function searchRequests(criteria: SearchCriteria): { stage: 'identifier' | 'name'; request: InsurerRequest }[] {
  const country = alpha3(criteria.country);
  const planned: { stage: 'identifier' | 'name'; request: InsurerRequest }[] = [];
  for (const identifier of criteria.identifiers) {
    const type = cofaceType(identifier.kind);
    if (!type) continue;
    planned.push({
      stage: 'identifier',
      request: {
        method: 'GET',
        path: '/companies/identifier',
        query: [['countryCode', country], ['identifierType', type], ['identifierValue', identifier.value]],
      },
    });
  }
  if (criteria.name) {
    const query: [string, string][] = [['countryCode', country], ['companyName', criteria.name]];
    if (criteria.town) query.push(['town', criteria.town]);
    if (criteria.postcode) query.push(['postalCode', criteria.postcode]);
    if (criteria.region) query.push(['region', criteria.region]);
    planned.push({ stage: 'name', request: { method: 'GET', path: '/companies/name', query } });
  }
  return planned;
}

function legalIdentifiers(value: Json | undefined): Identifier[] {
  const found: Identifier[] = [];
  for (const item of array(value)) {
    const legal = object(item);
    const type = text(legal?.identifierType);
    const raw = text(legal?.identifierValue);
    if (!type || !raw) continue;
    const identifier = cofaceIdentifier(type, raw);
    if (identifier) found.push(identifier);
  }
  return found;
}

export function readBuyers(body: Json): { buyers: Buyer[]; total: number } {
  const list = object(body);
  const buyers: Buyer[] = [];
  for (const item of array(list?.companies)) {
    const company = object(item);
    const easy = text(company?.easyNumber);
    const name = text(company?.companyName);
    if (!company || !easy || !name) continue;
    const address = object(company.address) ?? {};
    const identifiers = legalIdentifiers(company.legalIdentifiers);
    identifiers.unshift({ kind: EASY_KIND, value: easy });
    const branch = text(company.establishmentType)?.toUpperCase() === 'ESTABLISHMENT';
    buyers.push({
      insurer: 'coface',
      insurerId: easy,
      name,
      address: {
        street: text(address.streetAddress),
        postcode: text(address.postalCode),
        town: text(address.town),
        region: text(address.region),
        country: countryCode(text(address.countryCode)) ?? '',
      },
      identifiers,
      establishment: branch ? 'branch' : 'headOffice',
      headOfficeId: text(company.headOfficeEasyNumber),
    });
  }
  const count = typeof list?.count === 'number' ? list.count : buyers.length;
  return { buyers, total: Math.max(count, buyers.length) };
}

export const portfolioRequest = (): InsurerRequest => ({ method: 'GET', path: '/companies/products' });

function conditionText(value: Json): string | undefined {
  if (typeof value === 'string') return text(value);
  const condition = object(value);
  const code = text(condition?.code);
  const label = text(condition?.label);
  if (code && label) return `${code}: ${label}`;
  return label ?? code;
}

/** One product line of a company (portfolio) or an order answer, as a neutral decision. */
export function productDecision(line: JsonObject, company: JsonObject | undefined): Decision {
  const easy = text(line.easyNumber) ?? text(company?.easyNumber);
  if (!easy) throw new RangeError('a product line has no easyNumber');
  const id = text(line.deliveryId) ?? text(line.orderId);
  if (!id) throw new RangeError(`a product of ${easy} has neither deliveryId nor orderId`);
  const currency = text(line.currencyCode);
  const identifiers = legalIdentifiers(line.legalIdentifiers ?? company?.legalIdentifiers);
  identifiers.unshift({ kind: EASY_KIND, value: easy });
  return {
    insurer: 'coface',
    id,
    buyerId: easy,
    buyerName: text(line.companyName) ?? text(company?.companyName) ?? null,
    buyerIdentifiers: identifiers,
    product: (text(line.productCode) ?? '').toUpperCase(),
    requested: wireMoney(line.requestedAmount, currency),
    granted: wireMoney(line.grantedAmount, currency),
    status: cofaceStatus(text(line.deliveryStatus), text(line.orderStatus)) ?? {
      status: null,
      raw: { scheme: 'coface.order', code: '' },
    },
    appliedOn: isoDate(line.orderDate),
    decidedOn: isoDate(line.decisionDate),
    effectiveFrom: isoDate(line.effectDate),
    expiresOn: isoDate(line.expiryDate),
    customerReference: text(line.customerReference) ?? text(company?.customerReference) ?? null,
    orderId: text(line.orderId) ?? null,
    conditions: array(line.conditions).map(conditionText).filter((condition): condition is string => !!condition),
  };
}

export function readPortfolio(body: Json): Decision[] {
  const decisions: Decision[] = [];
  for (const item of array(object(body)?.companies)) {
    const company = object(item);
    if (!company) continue;
    for (const product of array(company.products)) {
      const line = object(product);
      if (line) decisions.push(productDecision(line, company));
    }
  }
  return decisions;
}

export function orderRequest(application: Application): InsurerRequest {
  const body: JsonObject = {
    productCode: 'CREDITLIMIT',
    actionCode: 'CREA',
    amount: application.amount ? application.amount.minor / 10 ** application.amountUnits : 0,
    currencyCode: application.amount?.currency ?? application.currency,
  };
  if (application.customerReference) body.customerReference = application.customerReference;
  if (application.comment) body.comment = application.comment;
  let path = `/companies/${encodeURIComponent(application.buyerId)}/products`;
  if (!application.buyerId) {
    path = '/companies/unknown/products';
    const buyer = application.newBuyer;
    const address: JsonObject = { countryCode: alpha3(buyer?.country ?? '') };
    if (buyer?.street) address.streetAddress = buyer.street;
    if (buyer?.postcode) address.postalCode = buyer.postcode;
    if (buyer?.town) address.town = buyer.town;
    if (buyer?.region) address.region = buyer.region;
    const company: JsonObject = { companyName: buyer?.name ?? '', address };
    const legal = (buyer?.identifiers ?? [])
      .map((identifier) => ({ identifierType: cofaceType(identifier.kind) ?? '', identifierValue: identifier.value }))
      .filter((identifier) => identifier.identifierType !== '');
    if (legal.length > 0) company.legalIdentifiers = legal;
    body.company = company;
  }
  return { method: 'POST', path, body, headers: { 'idempotency-key': application.idempotencyKey } };
}

export function readOrder(body: Json): Decision {
  const line = object(body);
  if (!line) throw new RangeError('the order answer is not an object');
  return productDecision(line, undefined);
}
