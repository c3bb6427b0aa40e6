"""The merchant's balance, off the ledger."""

from ..models import Balance as BalanceObject
from ._base import Resource


class Balance(Resource):
    def retrieve(self) -> BalanceObject:
        """What is owed to the merchant: pending settlement, in transit and held for review."""
        return self._call(BalanceObject, "GET", "/v1/balance")
