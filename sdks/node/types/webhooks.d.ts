import type { Event, Payment, Refund, Unknown } from './models.js';

/** A delivery's headers: a fetch `Headers`, Node's `req.headers`, or any object; names in any case. */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>;

export interface ConstructEventOptions {
  /** Seconds the timestamp may be from now, either way (default 300). */
  tolerance?: number;
  /** The current time in epoch seconds (default: the clock). */
  now?: number;
}

/**
 * Verifies a Standard Webhooks delivery (HMAC-SHA256 over `id.timestamp.body`, compared in constant time,
 * timestamp within the tolerance) and answers its event; throws SignatureVerificationError otherwise.
 * @param payload the raw body exactly as received
 * @param secret the endpoint's `whsec_…` secret
 */
export declare function constructEvent<T = Payment | Refund | Unknown>(
  payload: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string,
  options?: ConstructEventOptions,
): Event<T>;

export declare const DEFAULT_TOLERANCE_SECONDS: 300;

export declare const webhooks: {
  readonly constructEvent: typeof constructEvent;
  readonly DEFAULT_TOLERANCE_SECONDS: 300;
};
