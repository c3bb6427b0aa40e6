"""Payments: create, retrieve, list, close, capture, and a payment's timeline."""

from typing import Any, Dict, Mapping, Optional, Sequence

from .._model import ListObject
from ..models import Payment, PaymentTimelineEvent
from ..pagination import Page
from ._base import Resource, seg


class PaymentService(Resource):
    """``client.payments``: payments of the merchant's orders."""

    def create(
        self,
        *,
        amount: int,
        currency: str,
        method: str,
        merchant_order_id: str,
        description: str,
        expires_in_seconds: Optional[int] = None,
        split: Optional[Mapping[str, Any]] = None,
        metadata: Optional[Mapping[str, str]] = None,
        payment_code: Optional[str] = None,
        return_url: Optional[str] = None,
        payer: Optional[Mapping[str, Any]] = None,
        payment_method_types: Optional[Sequence[str]] = None,
        capture_method: Optional[str] = None,
        wait: Optional[int] = None,
        idempotency_key: Optional[str] = None,
    ) -> Payment:
        """Creates a payment of ``amount`` minor units of ``currency`` by ``method`` for the
        merchant's order ``merchant_order_id``.

        ``wait`` (0-30 s) bounds how long the host may wait for the channel: when it is not
        ready in time the answer is the payment in ``processing``, completed later.
        """
        body: Dict[str, Any] = {
            "amount": amount,
            "currency": currency,
            "method": method,
            "merchant_order_id": merchant_order_id,
            "description": description,
            "expires_in_seconds": expires_in_seconds,
            "split": split,
            "metadata": metadata,
            "payment_code": payment_code,
            "return_url": return_url,
            "payer": payer,
            "payment_method_types": list(payment_method_types) if payment_method_types else None,
            "capture_method": capture_method,
        }
        headers = {"Prefer": "wait=%d" % wait} if wait is not None else None
        return self._call(
            Payment, "POST", "/v1/payments",
            body=body, idempotency_key=idempotency_key, headers=headers,
        )

    def retrieve(self, id: str) -> Payment:
        return self._call(Payment, "GET", "/v1/payments/" + seg(id))

    def list(
        self,
        *,
        limit: Optional[int] = None,
        starting_after: Optional[str] = None,
        status: Optional[str] = None,
    ) -> Page[Payment]:
        """The merchant's payments, newest first."""
        return self._page(
            Payment, "/v1/payments",
            {"limit": limit, "starting_after": starting_after, "status": status},
        )

    def close(self, id: str, *, idempotency_key: Optional[str] = None) -> Payment:
        """Closes an unpaid payment, at the channel first."""
        return self._call(
            Payment, "POST", "/v1/payments/%s/close" % seg(id), idempotency_key=idempotency_key
        )

    def capture(self, id: str, *, idempotency_key: Optional[str] = None) -> Payment:
        """Captures a payment created with ``capture_method="manual"`` once it is authorized."""
        return self._call(
            Payment, "POST", "/v1/payments/%s/capture" % seg(id), idempotency_key=idempotency_key
        )

    def timeline(self, id: str) -> ListObject[PaymentTimelineEvent]:
        """The payment's history: routing, channel calls, notifications, ledger entries."""
        return self._list(PaymentTimelineEvent, "/v1/payments/%s/timeline" % seg(id))

