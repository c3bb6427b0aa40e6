/// <reference types="node" />

import type { ListPromise } from './list.js';
import type {
  Account,
  ApiKey,
  Balance,
  ChannelAccount,
  DeletedRiskRule,
  ListPage,
  Payment,
  PaymentReport,
  PaymentTimelineEvent,
  Refund,
  RiskRule,
  RoutingPolicy,
  Settlement,
  Store,
  WebhookDelivery,
  WebhookEndpoint,
} from './models.js';
import type {
  AccountCreateParams,
  ApiKeyCreateParams,
  ApiKeyRollParams,
  ListParams,
  PaymentCreateParams,
  PaymentListParams,
  PaymentReportParams,
  RefundCreateParams,
  RequestOptions,
  RiskRuleParams,
  RoutingPolicyParams,
  StoreCreateParams,
} from './params.js';

/** What the answer was, beside the object: not enumerable, so the object serialises as the API sent it. */
export interface ResponseInfo {
  statusCode: number;
  headers: Record<string, string>;
  /** The `Request-Id` header, when the host sent one. */
  requestId: string | null;
}

/** An API object with its answer's details. */
export type ApiResponse<T> = T & { readonly lastResponse: ResponseInfo };

export interface Payments {
  /** CreatePayment. 201, or 202 with status `processing` when the channel took longer than `Prefer: wait`. */
  create(params: PaymentCreateParams, options?: RequestOptions): Promise<ApiResponse<Payment>>;
  /** GetPayment. */
  retrieve(id: string, options?: RequestOptions): Promise<ApiResponse<Payment>>;
  /** ListPayments, newest first. */
  list(params?: PaymentListParams, options?: RequestOptions): ListPromise<Payment>;
  /** ClosePayment. */
  close(id: string, options?: RequestOptions): Promise<ApiResponse<Payment>>;
  /** CapturePayment. */
  capture(id: string, options?: RequestOptions): Promise<ApiResponse<Payment>>;
  /** GetPaymentTimeline. */
  timeline(id: string, options?: RequestOptions): Promise<ApiResponse<ListPage<PaymentTimelineEvent>>>;
}

export interface Refunds {
  /** CreateRefund of the payment `paymentId`. */
  create(paymentId: string, params?: RefundCreateParams, options?: RequestOptions): Promise<ApiResponse<Refund>>;
  /** GetRefund. */
  retrieve(id: string, options?: RequestOptions): Promise<ApiResponse<Refund>>;
  /** ListRefunds of the payment `paymentId`. */
  list(paymentId: string, params?: ListParams, options?: RequestOptions): ListPromise<Refund>;
}

export interface Accounts {
  /** CreateAccount. */
  create(params: AccountCreateParams, options?: RequestOptions): Promise<ApiResponse<Account>>;
  /** GetAccount. */
  retrieve(id: string, options?: RequestOptions): Promise<ApiResponse<Account>>;
  /** ListAccounts. */
  list(params?: ListParams, options?: RequestOptions): ListPromise<Account>;
  /** DeactivateAccount. */
  deactivate(id: string, options?: RequestOptions): Promise<ApiResponse<Account>>;
}

export interface ApiKeys {
  /** CreateApiKey; the answer carries the secret, once. */
  create(params?: ApiKeyCreateParams, options?: RequestOptions): Promise<ApiResponse<ApiKey>>;
  /** ListApiKeys. */
  list(params?: ListParams, options?: RequestOptions): ListPromise<ApiKey>;
  /** RollApiKey. */
  roll(id: string, params?: ApiKeyRollParams, options?: RequestOptions): Promise<ApiResponse<ApiKey>>;
  /** RevokeApiKey. */
  revoke(id: string, options?: RequestOptions): Promise<ApiResponse<ApiKey>>;
}

export interface Stores {
  /** CreateStore. */
  create(params: StoreCreateParams, options?: RequestOptions): Promise<ApiResponse<Store>>;
  /** GetStore. */
  retrieve(id: string, options?: RequestOptions): Promise<ApiResponse<Store>>;
  /** ListStores. */
  list(params?: ListParams, options?: RequestOptions): ListPromise<Store>;
  /** GetStoreQrPng: PNG bytes. */
  qrPng(id: string, options?: RequestOptions): Promise<ApiResponse<Buffer>>;
  /** GetStoreQrSvg: SVG bytes (UTF-8). */
  qrSvg(id: string, options?: RequestOptions): Promise<ApiResponse<Buffer>>;
}

export interface Routing {
  /** GetRoutingPolicy. */
  retrieve(options?: RequestOptions): Promise<ApiResponse<RoutingPolicy>>;
  /** SetRoutingPolicy: replaces the whole policy. */
  update(policy: RoutingPolicyParams, options?: RequestOptions): Promise<ApiResponse<RoutingPolicy>>;
}

export interface ChannelAccounts {
  /** ListChannelAccounts. */
  list(options?: RequestOptions): Promise<ApiResponse<ListPage<ChannelAccount>>>;
}

export interface Settlements {
  /** ListSettlements. */
  list(options?: RequestOptions): Promise<ApiResponse<ListPage<Settlement>>>;
}

export interface BalanceResource {
  /** GetBalance. */
  retrieve(options?: RequestOptions): Promise<ApiResponse<Balance>>;
}

export interface WebhookEndpoints {
  /** ListWebhookEndpoints. */
  list(options?: RequestOptions): Promise<ApiResponse<ListPage<WebhookEndpoint>>>;
  /** SendTestWebhook. */
  sendTest(options?: RequestOptions): Promise<ApiResponse<WebhookDelivery>>;
  /** ListWebhookDeliveries. */
  listDeliveries(params?: ListParams, options?: RequestOptions): ListPromise<WebhookDelivery>;
}

export interface Reports {
  /** GetPaymentReport as CSV text. */
  payments(params: PaymentReportParams & { format: 'csv' }, options?: RequestOptions): Promise<string>;
  /** GetPaymentReport. */
  payments(params?: PaymentReportParams, options?: RequestOptions): Promise<ApiResponse<PaymentReport>>;
}

export interface RiskRules {
  /** ListRiskRules. */
  list(options?: RequestOptions): Promise<ApiResponse<ListPage<RiskRule>>>;
  /** CreateRiskRule. */
  create(params: RiskRuleParams, options?: RequestOptions): Promise<ApiResponse<RiskRule>>;
  /** UpdateRiskRule. */
  update(id: string, params: RiskRuleParams, options?: RequestOptions): Promise<ApiResponse<RiskRule>>;
  /** DeleteRiskRule. */
  del(id: string, options?: RequestOptions): Promise<ApiResponse<DeletedRiskRule>>;
}

export interface Risk {
  readonly rules: RiskRules;
}
