"""The API's resources, each a group of methods on ``Client``."""

from .accounts import AccountService
from .api_keys import ApiKeyService
from .balance import BalanceService
from .channel_accounts import ChannelAccountService
from .payments import PaymentService
from .refunds import RefundService
from .reports import ReportService
from .risk_rules import RiskRuleService
from .routing import RoutingService
from .settlements import SettlementService
from .stores import StoreService
from .webhook_endpoints import WebhookEndpointService

__all__ = [
    "AccountService", "ApiKeyService", "BalanceService", "ChannelAccountService",
    "PaymentService", "RefundService", "ReportService", "RiskRuleService", "RoutingService",
    "SettlementService", "StoreService", "WebhookEndpointService",
]
