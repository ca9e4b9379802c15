// Loads each insurer's portfolio through the proxy, page by page, into neutral decisions:
// Allianz Trade `POST /riskinfo/v3/covers/search` (paged), Atradius
// `GET /credit-insurance/cover-management/v1/covers`, Coface `GET /companies/products`.

import * as allianz from '../insurers/allianz';
import * as atradius from '../insurers/atradius';
import * as coface from '../insurers/coface';
import { malformed, parseJson, send } from '../proxy';
import { t } from '../texts';
import type { Decision, InsurerName, Json, WidgetError } from '../types';

export interface PortfolioSource {
  allianzPolicies: allianz.AllianzPolicy[];
  atradiusPolicy: atradius.AtradiusPolicy | null;
  pageSize: number;
}

export interface LoadedPage {
  decisions: Decision[];
  nextPage: number | null;
  total: number | null;
}

const policyRequired = (): WidgetError => ({ code: 'policy.required', field: 'policy', message: t('policy.required'), retryable: false });

/** Reads an answer body into decisions, mapping a shape error to `insurer.malformed`. */
function read<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw malformed();
    throw error;
  }
}

/** The decisions of one portfolio answer's JSON text (what G6 measures when fed directly). */
export function parsePortfolio(insurer: InsurerName, jsonText: string): Decision[] {
  let body: Json;
  try {
    body = JSON.parse(jsonText) as Json;
  } catch {
    throw malformed();
  }
  if (insurer === 'coface') return read(() => coface.readPortfolio(body));
  if (insurer === 'atradius') return read(() => atradius.readCovers(body));
  return read(() => allianz.readCoversPage({ status: 200, headers: new Headers(), text: '' }, body, 1, Number.MAX_SAFE_INTEGER).decisions);
}

export async function loadPage(
  proxy: string,
  insurer: InsurerName,
  source: PortfolioSource,
  page: number,
  signal: AbortSignal,
): Promise<LoadedPage> {
  if (insurer === 'allianz-trade') {
    if (source.allianzPolicies.length === 0) throw policyRequired();
    const answer = await send(proxy, insurer, allianz.coversRequest(source.allianzPolicies, page, source.pageSize), signal);
    const body = parseJson(answer);
    return read(() => allianz.readCoversPage(answer, body, page, Math.min(Math.max(source.pageSize, 1), 5000)));
  }
  if (insurer === 'atradius') {
    if (!source.atradiusPolicy) throw policyRequired();
    const answer = await send(proxy, insurer, atradius.coversRequest(source.atradiusPolicy), signal);
    const body = parseJson(answer);
    const decisions = read(() => atradius.readCovers(body));
    return { decisions, nextPage: null, total: decisions.length };
  }
  const answer = await send(proxy, insurer, coface.portfolioRequest(), signal);
  const body = parseJson(answer);
  const decisions = read(() => coface.readPortfolio(body));
  return { decisions, nextPage: null, total: decisions.length };
}
