"""Connected accounts: the receivers a payment's split may pay."""

from typing import Any, Mapping, Optional

from ..models import Account
from ..pagination import Page
from ._base import Resource, seg


class AccountService(Resource):
    """``client.accounts``: connected accounts."""

    def create(
        self,
        *,
        type: str,
        name: str,
        payout_method: Mapping[str, Any],
        idempotency_key: Optional[str] = None,
    ) -> Account:
        """Creates a connected account; ``payout_method`` is e.g.
        ``{"type": "bank_account", "bank_account": {"account_holder_name": ..., "bank_name": ...,
        "account_number": ...}}``.
        """
        return self._call(
            Account, "POST", "/v1/accounts",
            body={"type": type, "name": name, "payout_method": payout_method},
            idempotency_key=idempotency_key,
        )

    def retrieve(self, id: str) -> Account:
        return self._call(Account, "GET", "/v1/accounts/" + seg(id))

    def list(
        self, *, limit: Optional[int] = None, starting_after: Optional[str] = None
    ) -> Page[Account]:
        return self._page(
            Account, "/v1/accounts", {"limit": limit, "starting_after": starting_after}
        )

    def deactivate(self, id: str, *, idempotency_key: Optional[str] = None) -> Account:
        """Stops new splits to the account; what it already earned is still paid out."""
        return self._call(
            Account, "POST", "/v1/accounts/%s/deactivate" % seg(id),
            idempotency_key=idempotency_key,
        )
