// Verifies Standard Webhooks deliveries (https://www.standardwebhooks.com/) before trusting their content.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureVerificationError } from './errors.js';

/** How far, in seconds, a delivery's timestamp may be from now either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const SECRET_PREFIX = 'whsec_';

/**
 * Verifies a delivery and answers its parsed event.
 * @param {string | Uint8Array} payload the raw body exactly as received, not re-serialised JSON
 * @param {Headers | Record<string, string | string[] | undefined>} headers the delivery's headers, any case
 * @param {string} secret the endpoint's `whsec_…` secret
 * @param {{ tolerance?: number, now?: number }} [options] tolerance in seconds; now in epoch seconds
 */
export function constructEvent(payload, headers, secret, { tolerance = DEFAULT_TOLERANCE_SECONDS, now } = {}) {
  const body = rawBody(payload);
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new SignatureVerificationError('Missing webhook-id, webhook-timestamp or webhook-signature header');
  }
  if (!/^\d+$/.test(timestamp)) throw new SignatureVerificationError('webhook-timestamp is not a number of seconds');

  const sentAt = Number(timestamp);
  const current = now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(current - sentAt) > tolerance) {
    throw new SignatureVerificationError('webhook-timestamp is outside the tolerance: the delivery may be a replay');
  }

  const expected = Buffer.from(sign(secret, id, timestamp, body), 'utf8');
  if (!signatures.split(' ').some((entry) => matches(entry, expected))) {
    throw new SignatureVerificationError('No webhook-signature entry matches the expected signature');
  }

  try {
    return JSON.parse(body.toString('utf8'));
  } catch (cause) {
    throw new SignatureVerificationError('The signed body is not JSON', { cause });
  }
}

function sign(secret, id, timestamp, body) {
  const hmac = createHmac('sha256', secretKey(secret));
  hmac.update(`${id}.${timestamp}.`);
  hmac.update(body);
  return hmac.digest('base64');
}

function matches(entry, expected) {
  const comma = entry.indexOf(',');
  if (comma < 0 || entry.slice(0, comma) !== 'v1') return false;
  const candidate = Buffer.from(entry.slice(comma + 1), 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the expected value.
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

function secretKey(secret) {
  if (typeof secret !== 'string' || secret === '') throw new TypeError('The webhook secret must be a whsec_… string');
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  return Buffer.from(encoded, 'base64');
}

function rawBody(payload) {
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (payload instanceof Uint8Array) return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  throw new TypeError('The webhook payload must be the raw body (string, Buffer or Uint8Array), not parsed JSON');
}

function header(headers, name) {
  if (headers == null) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(' ') : value;
  }
  return undefined;
}

/** The webhook helper as exposed on the client and on the PayFunctions class. */
export const webhooks = Object.freeze({ constructEvent, DEFAULT_TOLERANCE_SECONDS });
