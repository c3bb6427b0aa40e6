// What the methods send: request bodies and query parameters, named as on the wire (snake_case).

import type { PaymentStatus, RoutingPolicy, Split } from './models.js';

/** Per-call options, given as the last argument of any method. */
export interface RequestOptions {
  /** The Idempotency-Key of a POST; by default a random UUID made once per call and kept across its retries. */
  idempotencyKey?: string;
  /** Overrides the client's retries for this call. */
  maxRetries?: number;
  /** Overrides the client's timeout (milliseconds per attempt) for this call. */
  timeout?: number;
  /** Extra headers, e.g. `{ Prefer: 'wait=0' }` on a payment's create. */
  headers?: Record<string, string>;
}

/** Query parameters of every list that pages with `starting_after`. */
export interface ListParams {
  /** 1 to 100 (default 10). */
  limit?: number;
  /** The last id of the previous page: the page after it. Set by auto-pagination. */
  starting_after?: string;
}

export interface PaymentListParams extends ListParams {
  /** Only payments in this status. */
  status?: PaymentStatus;
}

export interface PaymentCreateParams {
  /** In the currency's minor unit, a positive integer up to 10^10. */
  amount: number;
  /** Lower-case ISO 4217, e.g. `cny`. */
  currency: string;
  /** e.g. `wechat_pay.native`, `alipay.qr`, `stripe.card`. */
  method: string;
  /** The merchant's own order reference, unique per merchant. */
  merchant_order_id: string;
  /** What the payer is paying for, shown by the channel. */
  description: string;
  expires_in_seconds?: number;
  split?: Split;
  metadata?: Record<string, string>;
  /** The payer's payment code, for a code scanned at the till. */
  payment_code?: string;
  return_url?: string;
  payer?: { id?: string; ip?: string; country?: string; device_id?: string };
  payment_method_types?: string[];
  capture_method?: 'automatic' | 'manual';
}

export interface RefundCreateParams {
  /** Leave out to refund all that is left of the payment. */
  amount?: number;
  reason?: string;
  metadata?: Record<string, string>;
}

export interface AccountCreateParams {
  type: 'individual' | 'company' | (string & {});
  name: string;
  payout_method: {
    type: 'bank_account' | 'wechat_pay' | (string & {});
    bank_account?: { account_holder_name?: string; bank_name?: string; account_number?: string };
    wechat_pay?: { openid?: string };
  };
}

export interface ApiKeyCreateParams {
  name?: string;
  scopes?: string[];
  signature_required?: boolean;
}

export interface ApiKeyRollParams {
  /** How long the old secret keeps working. */
  expires_in_seconds?: number;
}

export interface StoreCreateParams {
  name: string;
  /** A fixed amount for every scan; leave out to let the payer enter it. */
  amount?: number;
  currency: string;
}

export type RoutingPolicyParams = RoutingPolicy;

export interface PaymentReportParams {
  /** The first day, yyyy-MM-dd (default: 30 days ago). */
  from?: string;
  /** The last day, yyyy-MM-dd (default: today). */
  to?: string;
  group_by?: 'method' | 'channel' | 'hour' | 'weekday' | 'region' | 'day';
  format?: 'json' | 'csv';
}

export interface RiskRuleParams {
  kind?: string;
  action?: 'allow' | 'review' | 'block' | (string & {});
  stages?: string[];
  description?: string;
  key?: string;
  window?: string;
  max_count?: number;
  max_amount?: number;
  currency?: string;
  min_count?: number;
  min_z?: number;
  max_share?: number;
  min_kmh?: number;
  min_score?: number;
  field?: string;
  values?: string[];
}
