// The contract's retry policy, kept apart from the transport so it can be tested without a network.

/** The longest wait a Retry-After header may impose. */
export const MAX_RETRY_AFTER_MS = 60_000;

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/**
 * The wait before retry `attempt` (counted from 0) when the server does not say: min(8 s, 0.5 s × 2^n),
 * scaled by a random factor in [0.5, 1) so that clients which failed together do not return together.
 * @param {number} attempt
 * @param {() => number} random a source of numbers in [0, 1)
 */
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return ceiling * (0.5 + random() / 2);
}

/**
 * Milliseconds a Retry-After header asks for (delta-seconds or an HTTP date), capped at 60 s;
 * null when absent or unreadable, so the caller falls back to the backoff.
 * @param {string | null} value
 * @param {number} now epoch milliseconds
 */
export function parseRetryAfter(value, now = Date.now()) {
  if (value == null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}

/**
 * Whether an error answer may be retried as it is: the first attempt of the same idempotency key is still
 * running (409 idempotency_key_in_use), the client is rate limited (429), or the server failed (5xx).
 * Any other 4xx means the request itself must change.
 * @param {number} status
 * @param {string | null} code
 */
export function isRetryableStatus(status, code) {
  return status === 429 || status >= 500 || (status === 409 && code === 'idempotency_key_in_use');
}
