"""The merchant's API keys."""

from typing import Optional, Sequence

from ..models import ApiKey
from ..pagination import Page
from ._base import Resource, seg


class ApiKeyService(Resource):
    """``client.api_keys``: the merchant's API keys."""

    def create(
        self,
        *,
        name: Optional[str] = None,
        scopes: Optional[Sequence[str]] = None,
        signature_required: Optional[bool] = None,
        idempotency_key: Optional[str] = None,
    ) -> ApiKey:
        """Creates a key; its ``secret`` is in this answer only."""
        return self._call(
            ApiKey, "POST", "/v1/api_keys",
            body={
                "name": name,
                "scopes": list(scopes) if scopes is not None else None,
                "signature_required": signature_required,
            },
            idempotency_key=idempotency_key,
        )

    def list(
        self, *, limit: Optional[int] = None, starting_after: Optional[str] = None
    ) -> Page[ApiKey]:
        return self._page(
            ApiKey, "/v1/api_keys", {"limit": limit, "starting_after": starting_after}
        )

    def roll(
        self,
        id: str,
        *,
        expires_in_seconds: Optional[int] = None,
        idempotency_key: Optional[str] = None,
    ) -> ApiKey:
        """Makes a new secret; the old one keeps working for ``expires_in_seconds``."""
        return self._call(
            ApiKey, "POST", "/v1/api_keys/%s/roll" % seg(id),
            body={"expires_in_seconds": expires_in_seconds},
            idempotency_key=idempotency_key,
        )

    def revoke(self, id: str, *, idempotency_key: Optional[str] = None) -> ApiKey:
        return self._call(
            ApiKey, "POST", "/v1/api_keys/%s/revoke" % seg(id), idempotency_key=idempotency_key
        )
