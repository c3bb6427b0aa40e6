"""The API's resources, each a group of methods on ``Client``."""

from .accounts import Accounts
from .api_keys import ApiKeys
from .balance import Balance
from .channel_accounts import ChannelAccounts
from .payments import Payments
from .refunds import Refunds
from .reports import Reports
from .risk_rules import RiskRules
from .routing import Routing
from .settlements import Settlements
from .stores import Stores
from .webhook_endpoints import WebhookEndpoints

__all__ = [
    "Accounts", "ApiKeys", "Balance", "ChannelAccounts", "Payments", "Refunds", "Reports",
    "RiskRules", "Routing", "Settlements", "Stores", "WebhookEndpoints",
]
