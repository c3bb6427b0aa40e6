"""PayFunctions: a client of the PayFunctions merchant API.

    import payfunctions
    client = payfunctions.Client(api_key="sk_test_...")
    payment = client.payments.create(amount=1234, currency="cny", method="wechat_pay.native")
"""

from ._client import DEFAULT_BASE_URL, Client
from ._model import ListObject, PayFunctionsObject
from ._operations import OPERATIONS
from ._version import VERSION
from .errors import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    PayFunctionsError,
    PermissionDeniedError,
    RateLimitError,
    SignatureVerificationError,
)
from .models import Event
from .pagination import Page
from .webhooks import Webhook

__version__ = VERSION

__all__ = [
    "APIConnectionError", "APIError", "AuthenticationError", "Client", "ConflictError",
    "DEFAULT_BASE_URL", "Event", "InvalidRequestError", "ListObject", "NotFoundError",
    "OPERATIONS", "Page", "PayFunctionsError", "PayFunctionsObject", "PermissionDeniedError",
    "RateLimitError", "SignatureVerificationError", "Webhook", "__version__",
]
