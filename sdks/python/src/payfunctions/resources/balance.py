"""The merchant's balance, off the ledger."""

from ..models import Balance
from ._base import Resource


class BalanceService(Resource):
    """``client.balance``: the merchant's balance."""

    def retrieve(self) -> Balance:
        """What is owed to the merchant: pending settlement, in transit and held for review."""
        return self._call(Balance, "GET", "/v1/balance")
