// Sends insurer requests through the customer's proxy, as tradecover does:
// `{proxy}/{insurer}{path}?{query}` with `x-tradecover-client`.

import { t } from './texts';
import type { InsurerName, Json, WidgetError } from './types';

export const CLIENT_HEADER = 'x-tradecover-client';
export const CLIENT_VERSION = 'tradecover-peer-react/0.1.0';

export interface InsurerRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: [string, string][];
  headers?: Record<string, string>;
  body?: Json;
}

export interface ProxyAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export function proxyUrl(proxy: string, insurer: InsurerName, request: InsurerRequest): string {
  const base = proxy.trim().replace(/\/+$/, '');
  const query = new URLSearchParams(request.query ?? []).toString();
  return `${base}/${insurer}${request.path}${query ? `?${query}` : ''}`;
}

export class NetworkError extends Error {}

/** Sends `request`; only a transport failure (or an abort) throws. */
export async function send(
  proxy: string,
  insurer: InsurerName,
  request: InsurerRequest,
  signal?: AbortSignal,
): Promise<ProxyAnswer> {
  const headers: Record<string, string> = { accept: 'application/json', [CLIENT_HEADER]: CLIENT_VERSION, ...request.headers };
  let body: string | undefined;
  if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  let response: Response;
  try {
    response = await fetch(proxyUrl(proxy, insurer, request), { method: request.method, headers, body, signal });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError(String(error));
  }
}

export function networkError(): WidgetError {
  return { code: 'network.failed', message: t('network.failed'), retryable: true };
}

/** What an insurer's failed answer means, as tradecover's core words it. */
export function insurerError(status: number): WidgetError {
  const code =
    status === 401 || status === 403
      ? 'insurer.unauthorized'
      : status === 423
        ? 'insurer.locked_out'
        : status === 429 || status >= 500
          ? 'insurer.unavailable'
          : 'insurer.rejected';
  return { code, message: t(code), retryable: code === 'insurer.unavailable' };
}

export function malformed(): WidgetError {
  return { code: 'insurer.malformed', message: t('insurer.malformed'), retryable: false };
}

/** JSON.parse of an answer body, or a typed error. */
export function parseJson(answer: ProxyAnswer): Json {
  if (answer.status < 200 || answer.status >= 300) throw insurerError(answer.status);
  if (answer.text.trim() === '') return null;
  try {
    return JSON.parse(answer.text) as Json;
  } catch {
    throw malformed();
  }
}

export function isWidgetError(value: unknown): value is WidgetError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}
