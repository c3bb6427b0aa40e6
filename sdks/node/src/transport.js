// Sends one API call: authentication, the idempotency key, JSON in and out, and the retry loop.

import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { APIError, ConnectionError, errorFromResponse } from './errors.js';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry.js';
import { VERSION } from './version.js';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:7071/api';
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TIMEOUT_MS = 80_000;

export class Transport {
  #apiKey;

  /**
   * @param {object} config
   * @param {string} config.apiKey
   * @param {string} [config.baseUrl]
   * @param {number} [config.maxRetries]
   * @param {number} [config.timeout] milliseconds per attempt
   * @param {(ms: number) => Promise<unknown>} [config.sleep] how to wait between attempts
   * @param {() => number} [config.random] jitter source in [0, 1)
   */
  constructor({ apiKey, baseUrl, maxRetries, timeout, sleep, random }) {
    if (typeof apiKey !== 'string' || apiKey === '') {
      throw new TypeError('PayFunctions needs an API key (sk_test_… or sk_live_…)');
    }
    this.#apiKey = apiKey;
    this.baseUrl = (baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.maxRetries = nonNegativeInteger(maxRetries ?? DEFAULT_MAX_RETRIES, 'maxRetries');
    this.timeout = positiveInteger(timeout ?? DEFAULT_TIMEOUT_MS, 'timeout');
    this.sleep = sleep ?? ((ms) => delay(ms));
    this.random = random ?? Math.random;
  }

  /**
   * @param {'GET' | 'POST' | 'DELETE'} method
   * @param {string} path below the base URL, e.g. `/v1/payments`
   * @param {object} [request]
   * @param {object} [request.query] query parameters; undefined and null values are left out
   * @param {unknown} [request.body] sent as JSON when defined
   * @param {'json' | 'bytes' | 'auto'} [request.as] how to read a successful answer
   * @param {import('../types/index.js').RequestOptions} [request.options]
   */
  async request(method, path, { query, body, as = 'json', options = {} } = {}) {
    const url = this.baseUrl + path + queryString(query);
    const headers = {
      Authorization: `Bearer ${this.#apiKey}`,
      'User-Agent': `payfunctions-node/${VERSION}`,
      Accept: as === 'bytes' ? '*/*' : 'application/json',
    };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    // Made once per call, not per attempt: a retried POST must be recognised as the same one.
    if (method === 'POST') headers['Idempotency-Key'] = options.idempotencyKey ?? randomUUID();
    Object.assign(headers, options.headers);
    const maxRetries = nonNegativeInteger(options.maxRetries ?? this.maxRetries, 'maxRetries');
    const timeout = positiveInteger(options.timeout ?? this.timeout, 'timeout');

    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await send(url, { method, headers, body: payload }, timeout);
      } catch (cause) {
        // Also after the request may have reached the server: the idempotency key makes the repeat safe.
        if (attempt < maxRetries) {
          await this.sleep(backoffDelay(attempt, this.random));
          continue;
        }
        throw new ConnectionError(`Could not reach PayFunctions at ${url}: ${describe(cause)}`, { cause });
      }
      if (response.status >= 200 && response.status < 300) return decode(response, as);

      const error = errorFromResponse(response.status, response.headers, response.body);
      if (attempt >= maxRetries || !isRetryableStatus(response.status, error.code)) throw error;
      const asked = parseRetryAfter(response.headers.get('retry-after'));
      await this.sleep(asked ?? backoffDelay(attempt, this.random));
    }
  }
}

async function send(url, init, timeout) {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeout) });
  // Read inside the same attempt: a connection cut while the body streams is a network failure too.
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body };
}

function decode(response, as) {
  const { status, headers, body } = response;
  let value;
  if (as === 'bytes') {
    value = body;
  } else if (as === 'auto' && !/json/i.test(headers.get('content-type') ?? '')) {
    value = body.toString('utf8');
  } else {
    value = parseJson(response);
  }
  if (value !== null && typeof value === 'object') {
    // Not enumerable, so the object still serialises exactly as the API sent it.
    Object.defineProperty(value, 'lastResponse', {
      value: { statusCode: status, headers: Object.fromEntries(headers), requestId: headers.get('request-id') },
      enumerable: false,
    });
  }
  return value;
}

function parseJson({ status, headers, body }) {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (cause) {
    throw new APIError(`PayFunctions answered HTTP ${status} with a body that is not JSON`, {
      status,
      requestId: headers.get('request-id'),
      headers: Object.fromEntries(headers),
      cause,
    });
  }
}

function queryString(query) {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.append(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

function describe(cause) {
  if (cause?.name === 'TimeoutError') return 'timed out';
  const code = cause?.cause?.code ?? cause?.code;
  return code ? `${cause.message} (${code})` : String(cause?.message ?? cause);
}

function nonNegativeInteger(value, name) {
  if (!Number.isInteger(value) || value < 0) throw new TypeError(`${name} must be a non-negative integer`);
  return value;
}

function positiveInteger(value, name) {
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`${name} must be a positive integer`);
  return value;
}
