// The API's objects as the host answers them. Money is an integer in the currency's minor unit (fen, cents);
// currencies are lower-case ISO 4217 codes. Every object keeps fields this version does not know about.

/** Fields the API may add later stay readable on every object. */
export interface Unknown {
  [field: string]: unknown;
}

/** An amount in one currency. */
export interface Amount extends Unknown {
  amount: number;
  currency: string;
}

/** One page of a list, newest first. */
export interface ListPage<T> extends Unknown {
  object: 'list';
  url: string;
  data: T[];
  has_more: boolean;
}

export type PaymentStatus =
  | 'processing'
  | 'requires_action'
  | 'requires_capture'
  | 'succeeded'
  | 'failed'
  | 'closed'
  | 'expired'
  | (string & {});

export interface NextAction extends Unknown {
  type: 'display_qr_code' | 'redirect_to_url' | 'use_sdk' | 'display_transfer_instructions' | (string & {});
  display_qr_code?: { data: string } | null;
  redirect_to_url?: { url: string } | null;
  use_sdk?: { channel: string; parameters: Record<string, string> } | null;
  display_transfer_instructions?: {
    amount: number;
    currency: string;
    reference: string;
    account_holder_name: string;
    iban: string;
    bic?: string | null;
  } | null;
}

export interface SplitRecipient extends Unknown {
  /** The connected account's id (`acct_…`). */
  account?: string | null;
  /** Its share of the net, in hundredths of a percent. */
  basis_points?: number | null;
  /** Or a fixed amount in minor units. */
  amount?: number | null;
}

export interface Split extends Unknown {
  recipients?: SplitRecipient[] | null;
}

export interface Allocation extends Unknown {
  account: string;
  role: string;
  amount: number;
  currency: string;
}

export interface Fx extends Unknown {
  settlement_currency: string;
  /** A decimal string, exact. */
  rate: string;
  reference_rate: string;
  margin_basis_points: number;
  settlement_amount: number;
  rates_date: string;
  locked_until: string;
}

export interface RoutingCandidate extends Unknown {
  channel_account: string;
  priority: number;
  weight: number;
  rank?: number | null;
  eliminated?: string | null;
  success_estimate: number;
  latency_p95_ms?: number | null;
  fee?: number | null;
  score: number;
}

export interface RouteAttempt extends Unknown {
  channel_account: string;
  outcome: string;
  reason?: string | null;
  at: string;
}

export interface PaymentRouting extends Unknown {
  rule?: string | null;
  objective: string;
  candidates: RoutingCandidate[];
  attempts?: RouteAttempt[] | null;
}

export interface RiskDecision extends Unknown {
  stage: string;
  outcome: string;
  score?: number | null;
  rules: Array<{ id: string; action: string; reason: string }>;
  factors: Array<{ feature: string; contribution: number }>;
  decided_at: string;
}

export interface PaymentRisk extends Unknown {
  outcome: string;
  review?: string | null;
  decisions: RiskDecision[];
}

export interface Payment extends Unknown {
  id: string;
  object: 'payment';
  amount: number;
  currency: string;
  status: PaymentStatus;
  method: string;
  channel: string;
  channel_account: string;
  merchant_order_id: string;
  description: string;
  created_at: string;
  expires_at: string;
  next_action?: NextAction | null;
  channel_trade_no?: string | null;
  paid_at?: string | null;
  split?: Split | null;
  allocations?: Allocation[] | null;
  failure_code?: string | null;
  failure_message?: string | null;
  metadata?: Record<string, string>;
  livemode?: boolean;
  payment_method_types?: string[] | null;
  checkout_url?: string | null;
  capture_method?: 'automatic' | 'manual' | (string & {});
  capture_before?: string | null;
  fx?: Fx | null;
  routing?: PaymentRouting | null;
  risk?: PaymentRisk | null;
}

export interface PaymentTimelineEvent extends Unknown {
  type: string;
  at: string;
  status?: string | null;
  amount?: number | null;
  currency?: string | null;
  channel_account?: string | null;
  outcome?: string | null;
  reason?: string | null;
  event_id?: string | null;
  event_type?: string | null;
  refund?: string | null;
  lines?: Array<{ account: string; side: string; amount: number; currency: string }> | null;
}

export type RefundStatus = 'pending' | 'succeeded' | 'failed' | (string & {});

export interface Refund extends Unknown {
  id: string;
  object: 'refund';
  /** The refunded payment's id. */
  payment: string;
  amount: number;
  currency: string;
  status: RefundStatus;
  reason?: string | null;
  channel_refund_no?: string | null;
  failure_code?: string | null;
  failure_message?: string | null;
  created_at: string;
  succeeded_at?: string | null;
  metadata?: Record<string, string>;
}

export interface PayoutMethod extends Unknown {
  type: 'bank_account' | 'wechat_pay' | (string & {});
  bank_account?: { bank_name: string; last4: string } | null;
  wechat_pay?: { last4: string } | null;
}

export interface Account extends Unknown {
  id: string;
  object: 'account';
  type: string;
  name: string;
  status: string;
  payout_method: PayoutMethod;
  payouts_enabled: boolean;
  created_at: string;
  deactivated_at?: string | null;
}

export interface ApiKey extends Unknown {
  id: string;
  object: 'api_key';
  name?: string | null;
  prefix: string;
  scopes: string[];
  signature_required: boolean;
  status: 'active' | 'expiring' | 'expired' | 'revoked';
  created_at: string;
  expires_at?: string | null;
  revoked_at?: string | null;
  /** Answered once, when the key is created or rolled. */
  secret?: string | null;
  signing_secret?: string | null;
  secret_redacted?: boolean | null;
}

export interface Store extends Unknown {
  id: string;
  object: 'store';
  name: string;
  amount?: number | null;
  currency: string;
  code_url: string;
  qr_png_url: string;
  qr_svg_url: string;
  created_at: string;
}

export interface RouteCondition extends Unknown {
  methods?: string[] | null;
  min_amount?: number | null;
  max_amount?: number | null;
  currencies?: string[] | null;
  countries?: string[] | null;
  regions?: string[] | null;
  between?: { start?: string | null; end?: string | null } | null;
  terminals?: string[] | null;
}

export interface RouteCandidate extends Unknown {
  channel_account?: string | null;
  priority?: number | null;
  weight?: number | null;
  limits?: {
    max_amount?: number | null;
    daily_amount?: number | null;
    daily_count?: number | null;
    per_second?: number | null;
  } | null;
}

export interface RoutingRule extends Unknown {
  name?: string | null;
  when?: RouteCondition | null;
  candidates?: RouteCandidate[] | null;
}

export interface AccountFee extends Unknown {
  channel_account?: string | null;
  method?: string | null;
  basis_points?: number | null;
  fixed?: number | null;
}

/** The routing policy, as answered and as sent (the whole policy is replaced). */
export interface RoutingPolicy extends Unknown {
  object?: string | null;
  objective?: string | null;
  cost_weight?: number | null;
  utc_offset?: string | null;
  rules?: RoutingRule[] | null;
  fees?: AccountFee[] | null;
}

export interface ChannelAccount extends Unknown {
  object: 'channel_account';
  channel_account: string;
  channel: string;
  account: string;
  is_default: boolean;
  methods: string[];
  currencies: string[];
}

export interface Settlement extends Unknown {
  id: string;
  object: 'settlement';
  account: string;
  amount: number;
  currency: string;
  settlement_date: string;
  cutoff_at: string;
  journal_entry_id: string;
  created_at: string;
}

export interface Balance extends Unknown {
  object: 'balance';
  pending_settlement: Amount[];
  in_transit: Amount[];
  held_for_review: Amount[];
}

export interface WebhookEndpoint extends Unknown {
  object: 'webhook_endpoint';
  url?: string | null;
  livemode: boolean;
}

export interface WebhookDelivery extends Unknown {
  id: string;
  object: 'webhook_delivery';
  type: string;
  subject?: string | null;
  status: string;
  attempts: number;
  last_response_code?: number | null;
  last_attempt_at?: string | null;
  delivered_at?: string | null;
}

export interface PaymentReportRow extends Unknown {
  key: string;
  currency: string;
  payments: number;
  succeeded: number;
  failed: number;
  success_rate: number;
  amount: number;
  refunds: number;
  refunded_amount: number;
  fees: number;
}

export interface PaymentReport extends Unknown {
  object: 'report';
  group_by: string;
  from: string;
  to: string;
  time_zone: string;
  livemode: boolean;
  data: PaymentReportRow[];
}

export interface RiskRule extends Unknown {
  id: string;
  object: 'risk_rule';
  scope: 'merchant' | 'platform';
  kind: string;
  action: string;
  created_at: string;
  updated_at: string;
}

export interface DeletedRiskRule extends Unknown {
  id: string;
  object: 'risk_rule';
  deleted: true;
}

export type EventType =
  | 'payment.succeeded'
  | 'payment.failed'
  | 'payment.closed'
  | 'payment.expired'
  | 'payment.requires_capture'
  | 'refund.succeeded'
  | 'refund.failed'
  | (string & {});

/** A webhook event: `data.object` is the payment, refund, … it is about, as it was when the event happened. */
export interface Event<T = Payment | Refund | Unknown> extends Unknown {
  id: string;
  object: 'event';
  type: EventType;
  created_at: string;
  livemode?: boolean;
  data: { object: T } & Unknown;
}
