"""The merchant's webhook endpoints and the deliveries made to them."""

from typing import Optional

from .._model import ListObject
from ..models import WebhookDelivery, WebhookEndpoint
from ..pagination import Page
from ._base import Resource


class WebhookEndpointService(Resource):
    """``client.webhook_endpoints``: endpoints, test events and deliveries."""

    def list(self) -> ListObject[WebhookEndpoint]:
        return self._list(WebhookEndpoint, "/v1/webhook_endpoints")

    def send_test(self, *, idempotency_key: Optional[str] = None) -> WebhookDelivery:
        """Sends a signed test event to the merchant's endpoint."""
        return self._call(
            WebhookDelivery, "POST", "/v1/webhook_endpoints/test",
            body={}, idempotency_key=idempotency_key,
        )

    def list_deliveries(
        self, *, limit: Optional[int] = None, starting_after: Optional[str] = None
    ) -> Page[WebhookDelivery]:
        return self._page(
            WebhookDelivery, "/v1/webhook_endpoints/deliveries",
            {"limit": limit, "starting_after": starting_after},
        )
