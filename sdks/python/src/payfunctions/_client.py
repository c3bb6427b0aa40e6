"""The entry point: a configured client and its resources."""

import random
import time
from typing import Callable

from ._transport import Transport
from .resources import (
    AccountService,
    ApiKeyService,
    BalanceService,
    ChannelAccountService,
    PaymentService,
    RefundService,
    ReportService,
    RiskRuleService,
    RoutingService,
    SettlementService,
    StoreService,
    WebhookEndpointService,
)

DEFAULT_BASE_URL = "http://127.0.0.1:7071/api"
DEFAULT_MAX_RETRIES = 2
DEFAULT_TIMEOUT = 80.0


class Client:
    """A client of one merchant's API, authenticated by its key.

    ``max_retries`` bounds the retries of one call (network failures, 409
    ``idempotency_key_in_use``, 429 and 5xx); ``timeout`` is per request, in seconds.
    ``sleep``, ``jitter`` (a number in [0, 1)) and ``clock`` (Unix seconds) replace the
    standard ones, e.g. to test retries without waiting.
    """

    payments: PaymentService
    refunds: RefundService
    accounts: AccountService
    api_keys: ApiKeyService
    stores: StoreService
    routing: RoutingService
    channel_accounts: ChannelAccountService
    settlements: SettlementService
    balance: BalanceService
    webhook_endpoints: WebhookEndpointService
    reports: ReportService
    risk_rules: RiskRuleService

    def __init__(
        self,
        api_key: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: float = DEFAULT_TIMEOUT,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not api_key:
            raise ValueError("api_key is required (sk_test_... or sk_live_...)")
        if max_retries < 0:
            raise ValueError("max_retries cannot be negative")
        transport = Transport(api_key, base_url, max_retries, timeout, sleep, jitter, clock)
        self._transport = transport
        self._base_url = base_url
        self.payments = PaymentService(transport)
        self.refunds = RefundService(transport)
        self.accounts = AccountService(transport)
        self.api_keys = ApiKeyService(transport)
        self.stores = StoreService(transport)
        self.routing = RoutingService(transport)
        self.channel_accounts = ChannelAccountService(transport)
        self.settlements = SettlementService(transport)
        self.balance = BalanceService(transport)
        self.webhook_endpoints = WebhookEndpointService(transport)
        self.reports = ReportService(transport)
        self.risk_rules = RiskRuleService(transport)

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def max_retries(self) -> int:
        return self._transport.max_retries

    @property
    def timeout(self) -> float:
        return self._transport.timeout

    def __repr__(self) -> str:
        return "payfunctions.Client(base_url=%r)" % self._base_url
