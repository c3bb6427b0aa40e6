"""Typed objects of the merchant API, after the schemas of its OpenAPI document.

Amounts are ``int`` in the currency's minor unit; timestamps are the ISO 8601 strings the API
sends. Fields the API may leave out read as ``None``.
"""

from typing import Any, Dict, List, Mapping, Optional, Type

from ._model import ListObject, PayFunctionsObject

__all__ = [
    "Account", "Allocation", "Amount", "ApiKey", "Balance", "ChannelAccount", "DeletedRiskRule",
    "DisplayQrCode", "DisplayTransferInstructions", "Event", "EventData", "Fx", "ListObject",
    "MaskedBankAccount", "MaskedWeChatPayReceiver", "NextAction", "PayFunctionsObject", "Payment",
    "PaymentReport", "PaymentTimelineEvent", "PayoutMethod", "RedirectToUrl", "Refund",
    "ReportRow", "Risk", "RiskDecision", "RiskFactor", "RiskRule", "RiskRuleHit", "RouteAttempt",
    "Routing", "RoutingCandidate", "RoutingPolicy", "Settlement", "Split", "SplitRecipient",
    "Store", "TimelineLedgerLine", "UseSdk", "WebhookDelivery", "WebhookEndpoint",
]


class DisplayQrCode(PayFunctionsObject):
    data: str


class RedirectToUrl(PayFunctionsObject):
    url: str


class UseSdk(PayFunctionsObject):
    channel: str
    parameters: Dict[str, Any]


class DisplayTransferInstructions(PayFunctionsObject):
    amount: int
    currency: str
    reference: str
    account_holder_name: str
    iban: str
    bic: Optional[str]


class NextAction(PayFunctionsObject):
    """What the payer must do next; ``type`` names the one field that is set."""

    type: str
    display_qr_code: Optional[DisplayQrCode]
    redirect_to_url: Optional[RedirectToUrl]
    use_sdk: Optional[UseSdk]
    display_transfer_instructions: Optional[DisplayTransferInstructions]


class SplitRecipient(PayFunctionsObject):
    account: Optional[str]
    basis_points: Optional[int]
    amount: Optional[int]


class Split(PayFunctionsObject):
    recipients: Optional[List[SplitRecipient]]


class Allocation(PayFunctionsObject):
    account: str
    role: str
    amount: int
    currency: str


class Fx(PayFunctionsObject):
    """The exchange quote locked with a payment in a currency other than the settlement one."""

    settlement_currency: str
    rate: str
    reference_rate: str
    margin_basis_points: int
    settlement_amount: int
    rates_date: str
    locked_until: str


class RoutingCandidate(PayFunctionsObject):
    channel_account: str
    priority: int
    weight: int
    rank: Optional[int]
    eliminated: Optional[str]
    success_estimate: float
    latency_p95_ms: Optional[int]
    fee: Optional[int]
    score: float


class RouteAttempt(PayFunctionsObject):
    channel_account: str
    outcome: str
    reason: Optional[str]
    at: str


class Routing(PayFunctionsObject):
    rule: Optional[str]
    objective: str
    candidates: List[RoutingCandidate]
    attempts: Optional[List[RouteAttempt]]


class RiskRuleHit(PayFunctionsObject):
    id: str
    action: str
    reason: str


class RiskFactor(PayFunctionsObject):
    feature: str
    contribution: float


class RiskDecision(PayFunctionsObject):
    stage: str
    outcome: str
    score: Optional[float]
    rules: List[RiskRuleHit]
    factors: List[RiskFactor]
    decided_at: str


class Risk(PayFunctionsObject):
    outcome: str
    review: Optional[str]
    decisions: List[RiskDecision]


class Payment(PayFunctionsObject):
    id: str
    object: str
    amount: int
    currency: str
    status: str
    method: str
    channel: str
    channel_account: str
    merchant_order_id: str
    description: str
    created_at: str
    expires_at: str
    next_action: Optional[NextAction]
    channel_trade_no: Optional[str]
    paid_at: Optional[str]
    split: Optional[Split]
    allocations: Optional[List[Allocation]]
    failure_code: Optional[str]
    failure_message: Optional[str]
    metadata: Optional[Dict[str, str]]
    livemode: bool
    payment_method_types: Optional[List[str]]
    checkout_url: Optional[str]
    capture_method: str
    capture_before: Optional[str]
    fx: Optional[Fx]
    routing: Optional[Routing]
    risk: Optional[Risk]


class TimelineLedgerLine(PayFunctionsObject):
    account: str
    side: str
    amount: int
    currency: str


class PaymentTimelineEvent(PayFunctionsObject):
    """One step of a payment's history; which fields are set depends on ``type``."""

    type: str
    at: str
    status: Optional[str]
    amount: Optional[int]
    currency: Optional[str]
    method: Optional[str]
    merchant_order_id: Optional[str]
    rule: Optional[str]
    objective: Optional[str]
    candidates: Optional[List[RoutingCandidate]]
    channel_account: Optional[str]
    outcome: Optional[str]
    reason: Optional[str]
    channel: Optional[str]
    channel_trade_no: Optional[str]
    event_id: Optional[str]
    event_type: Optional[str]
    attempts: Optional[int]
    last_response_code: Optional[int]
    refund: Optional[str]
    failure_code: Optional[str]
    failure_message: Optional[str]
    entry: Optional[str]
    kind: Optional[str]
    lines: Optional[List[TimelineLedgerLine]]


class Refund(PayFunctionsObject):
    id: str
    object: str
    payment: str
    amount: int
    currency: str
    status: str
    reason: Optional[str]
    channel_refund_no: Optional[str]
    failure_code: Optional[str]
    failure_message: Optional[str]
    created_at: str
    succeeded_at: Optional[str]
    metadata: Optional[Dict[str, str]]


class MaskedBankAccount(PayFunctionsObject):
    bank_name: str
    last4: str


class MaskedWeChatPayReceiver(PayFunctionsObject):
    last4: str


class PayoutMethod(PayFunctionsObject):
    type: str
    bank_account: Optional[MaskedBankAccount]
    wechat_pay: Optional[MaskedWeChatPayReceiver]


class Account(PayFunctionsObject):
    """A connected account: a receiver the merchant's splits may pay."""

    id: str
    object: str
    type: str
    name: str
    status: str
    payout_method: PayoutMethod
    payouts_enabled: bool
    created_at: str
    deactivated_at: Optional[str]


class ApiKey(PayFunctionsObject):
    """An API key; ``secret`` is only present in the answer that created or rolled it."""

    id: str
    object: str
    name: Optional[str]
    prefix: str
    scopes: List[str]
    signature_required: bool
    status: str
    created_at: str
    expires_at: Optional[str]
    revoked_at: Optional[str]
    secret: Optional[str]
    signing_secret: Optional[str]
    secret_redacted: Optional[bool]


class Store(PayFunctionsObject):
    """A store code: a printed QR code payers scan to pay the merchant."""

    id: str
    object: str
    name: str
    amount: Optional[int]
    currency: str
    code_url: str
    qr_png_url: str
    qr_svg_url: str
    created_at: str


class Settlement(PayFunctionsObject):
    id: str
    object: str
    account: str
    amount: int
    currency: str
    settlement_date: str
    cutoff_at: str
    journal_entry_id: str
    created_at: str


class Amount(PayFunctionsObject):
    amount: int
    currency: str


class Balance(PayFunctionsObject):
    object: str
    pending_settlement: List[Amount]
    in_transit: List[Amount]
    held_for_review: List[Amount]


class RoutingPolicy(PayFunctionsObject):
    """The merchant's routing policy; ``rules`` and ``fees`` are kept as the API sends them."""

    object: Optional[str]
    objective: Optional[str]
    cost_weight: Optional[float]
    utc_offset: Optional[str]
    rules: Optional[List[Dict[str, Any]]]
    fees: Optional[List[Dict[str, Any]]]


class ChannelAccount(PayFunctionsObject):
    object: str
    channel_account: str
    channel: str
    account: str
    is_default: bool
    methods: List[str]
    currencies: List[str]


class WebhookEndpoint(PayFunctionsObject):
    object: str
    url: Optional[str]
    livemode: bool


class WebhookDelivery(PayFunctionsObject):
    id: str
    object: str
    type: str
    subject: Optional[str]
    status: str
    attempts: int
    last_response_code: Optional[int]
    last_attempt_at: Optional[str]
    delivered_at: Optional[str]


class ReportRow(PayFunctionsObject):
    key: str
    currency: str
    payments: int
    succeeded: int
    failed: int
    success_rate: float
    amount: int
    refunds: int
    refunded_amount: int
    fees: int


class PaymentReport(PayFunctionsObject):
    """Payments grouped by ``group_by``; the field ``from`` reads as ``from_``."""

    object: str
    group_by: str
    from_: str
    to: str
    time_zone: str
    livemode: bool
    data: List[ReportRow]


class RiskRule(PayFunctionsObject):
    id: str
    object: str
    scope: str
    kind: str
    action: str
    created_at: str
    updated_at: str


class DeletedRiskRule(PayFunctionsObject):
    id: str
    object: str
    deleted: bool


# The class of each object a webhook event may carry, by its `object` field.
_BY_OBJECT: Dict[str, Type[PayFunctionsObject]] = {
    "payment": Payment,
    "refund": Refund,
    "account": Account,
    "api_key": ApiKey,
    "store": Store,
    "settlement": Settlement,
    "balance": Balance,
    "risk_rule": RiskRule,
}


class EventData(PayFunctionsObject):
    """The object an event is about, typed after its ``object`` field when this package knows it."""

    object: PayFunctionsObject

    def __init__(self, values: Optional[Mapping[str, Any]] = None) -> None:
        super().__init__(values)
        raw = (values or {}).get("object")
        if isinstance(raw, Mapping):
            self._values["object"] = _BY_OBJECT.get(str(raw.get("object")), PayFunctionsObject)(raw)


class Event(PayFunctionsObject):
    """A webhook event, as verified by ``Webhook.construct_event``."""

    id: str
    object: str
    type: str
    created_at: str
    livemode: bool
    data: EventData
