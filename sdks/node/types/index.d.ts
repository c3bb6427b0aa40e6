import type {
  Accounts,
  ApiKeys,
  BalanceResource,
  ChannelAccounts,
  Payments,
  Refunds,
  Reports,
  Risk,
  Routing,
  Settlements,
  Stores,
  WebhookEndpoints,
} from './resources.js';
import type { webhooks } from './webhooks.js';

export * from './errors.js';
export * from './models.js';
export * from './params.js';
export * from './resources.js';
export { ListPromise } from './list.js';
export * from './webhooks.js';

export interface PayFunctionsConfig {
  /** Default `http://127.0.0.1:7071/api`. */
  baseUrl?: string;
  /** Retries after a network failure, 409 idempotency_key_in_use, 429 or 5xx (default 2). */
  maxRetries?: number;
  /** Milliseconds each attempt may take (default 80 000). */
  timeout?: number;
  /** How to wait between attempts (default: a timer); replaceable to test without waiting. */
  sleep?: (ms: number) => Promise<unknown>;
  /** The jitter's random source in [0, 1) (default Math.random). */
  random?: () => number;
}

/** A client of the PayFunctions merchant API, authenticated with one API key. */
export declare class PayFunctions {
  static readonly VERSION: string;
  static readonly webhooks: typeof webhooks;

  /** @param apiKey the merchant's `sk_test_…` or `sk_live_…` key */
  constructor(apiKey: string, config?: PayFunctionsConfig);

  readonly baseUrl: string;
  readonly payments: Payments;
  readonly refunds: Refunds;
  readonly accounts: Accounts;
  readonly apiKeys: ApiKeys;
  readonly stores: Stores;
  readonly routing: Routing;
  readonly channelAccounts: ChannelAccounts;
  readonly settlements: Settlements;
  readonly balance: BalanceResource;
  readonly webhookEndpoints: WebhookEndpoints;
  readonly reports: Reports;
  readonly risk: Risk;
  readonly webhooks: typeof webhooks;
}

/** Each API-key operation of the OpenAPI document, by operationId, and the method path that calls it. */
export declare const OPERATIONS: Readonly<Record<string, string>>;

/** The wait before retry `attempt` without Retry-After: min(8 s, 0.5 s × 2^n) × [0.5, 1). */
export declare function backoffDelay(attempt: number, random?: () => number): number;

/** Milliseconds a Retry-After value asks for, at most 60 000; null when absent or unreadable. */
export declare function parseRetryAfter(value: string | null | undefined, now?: number): number | null;

export declare const VERSION: string;

export default PayFunctions;
