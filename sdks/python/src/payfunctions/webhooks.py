"""Verification of webhook deliveries (Standard Webhooks) before their events are trusted."""

import base64
import binascii
import hashlib
import hmac
import json
import time
from typing import Mapping, Optional, Union

from .errors import SignatureVerificationError
from .models import Event

DEFAULT_TOLERANCE = 300
_SECRET_PREFIX = "whsec_"


class Webhook:
    """``Webhook.construct_event(raw_body, request_headers, secret)`` -> the verified ``Event``."""

    @staticmethod
    def construct_event(
        payload: Union[bytes, str],
        headers: Mapping[str, str],
        secret: str,
        *,
        tolerance: int = DEFAULT_TOLERANCE,
        now: Optional[float] = None,
    ) -> Event:
        """Verifies the delivery, then parses its body into an ``Event``.

        ``payload`` must be the body exactly as received (bytes, not re-serialised JSON);
        ``headers`` are the request's headers, whatever the case of their names. Raises
        ``SignatureVerificationError`` when a header is missing, the timestamp is further than
        ``tolerance`` seconds from now, or no ``v1`` signature matches.
        """
        body = payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)
        Webhook.verify(body, headers, secret, tolerance=tolerance, now=now)
        try:
            parsed = json.loads(body.decode("utf-8"))
        except ValueError as exc:
            raise SignatureVerificationError("The webhook body is not JSON.") from exc
        if not isinstance(parsed, dict):
            raise SignatureVerificationError("The webhook body is not a JSON object.")
        return Event(parsed)

    @staticmethod
    def verify(
        payload: Union[bytes, str],
        headers: Mapping[str, str],
        secret: str,
        *,
        tolerance: int = DEFAULT_TOLERANCE,
        now: Optional[float] = None,
    ) -> None:
        """Raises ``SignatureVerificationError`` unless the delivery is authentic and recent."""
        body = payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)
        lowered = {name.lower(): value for name, value in headers.items()}
        message_id = lowered.get("webhook-id")
        timestamp = lowered.get("webhook-timestamp")
        signatures = lowered.get("webhook-signature")
        if not message_id or not timestamp or not signatures:
            raise SignatureVerificationError(
                "The webhook-id, webhook-timestamp and webhook-signature headers are required."
            )
        try:
            sent_at = int(timestamp.strip())
        except ValueError:
            raise SignatureVerificationError("webhook-timestamp is not a number.") from None
        current = time.time() if now is None else now
        if sent_at < current - tolerance:
            raise SignatureVerificationError("The webhook timestamp is too old.")
        if sent_at > current + tolerance:
            raise SignatureVerificationError("The webhook timestamp is in the future.")

        signed = ("%s.%d." % (message_id, sent_at)).encode("utf-8") + body
        digest = hmac.new(_key(secret), signed, hashlib.sha256).digest()
        expected = base64.b64encode(digest)
        matched = False
        for entry in signatures.split(" "):
            version, _, signature = entry.partition(",")
            # Every entry is compared, in constant time, so timing tells nothing about which.
            if version == "v1" and hmac.compare_digest(signature.encode("utf-8"), expected):
                matched = True
        if not matched:
            raise SignatureVerificationError("No webhook signature matches the secret.")


def _key(secret: str) -> bytes:
    encoded = secret[len(_SECRET_PREFIX):] if secret.startswith(_SECRET_PREFIX) else secret
    try:
        return base64.b64decode(encoded, validate=True)
    except binascii.Error:
        raise ValueError("A webhook secret is 'whsec_' followed by base64.") from None
