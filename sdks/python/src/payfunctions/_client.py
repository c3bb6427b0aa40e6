"""The entry point: a configured client and its resources."""

import random
import time
from typing import Callable

from ._transport import Transport
from .resources import (
    Accounts,
    ApiKeys,
    Balance,
    ChannelAccounts,
    Payments,
    Refunds,
    Reports,
    RiskRules,
    Routing,
    Settlements,
    Stores,
    WebhookEndpoints,
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

    payments: Payments
    refunds: Refunds
    accounts: Accounts
    api_keys: ApiKeys
    stores: Stores
    routing: Routing
    channel_accounts: ChannelAccounts
    settlements: Settlements
    balance: Balance
    webhook_endpoints: WebhookEndpoints
    reports: Reports
    risk_rules: RiskRules

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
        self.base_url = base_url
        self.max_retries = max_retries
        self.timeout = timeout
        self.payments = Payments(transport)
        self.refunds = Refunds(transport)
        self.accounts = Accounts(transport)
        self.api_keys = ApiKeys(transport)
        self.stores = Stores(transport)
        self.routing = Routing(transport)
        self.channel_accounts = ChannelAccounts(transport)
        self.settlements = Settlements(transport)
        self.balance = Balance(transport)
        self.webhook_endpoints = WebhookEndpoints(transport)
        self.reports = Reports(transport)
        self.risk_rules = RiskRules(transport)
