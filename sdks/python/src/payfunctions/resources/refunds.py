"""Refunds of a payment."""

from typing import Mapping, Optional

from ..models import Refund
from ..pagination import Page
from ._base import Resource, seg


class RefundService(Resource):
    """``client.refunds``: refunds of payments, in part or in full."""

    def create(
        self,
        payment: str,
        *,
        amount: Optional[int] = None,
        reason: Optional[str] = None,
        metadata: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> Refund:
        """Refunds ``amount`` minor units of the payment, or all that is left when omitted."""
        return self._call(
            Refund, "POST", "/v1/payments/%s/refunds" % seg(payment),
            body={"amount": amount, "reason": reason, "metadata": metadata},
            idempotency_key=idempotency_key,
        )

    def retrieve(self, id: str) -> Refund:
        return self._call(Refund, "GET", "/v1/refunds/" + seg(id))

    def list(
        self, payment: str, *, limit: Optional[int] = None, starting_after: Optional[str] = None
    ) -> Page[Refund]:
        """The payment's refunds."""
        return self._page(
            Refund, "/v1/payments/%s/refunds" % seg(payment),
            {"limit": limit, "starting_after": starting_after},
        )
