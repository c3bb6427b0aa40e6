"""Settlements: what each day's batch paid the merchant."""

from .._model import ListObject
from ..models import Settlement
from ._base import Resource


class SettlementService(Resource):
    """``client.settlements``: the settlements paid to the merchant."""

    def list(self) -> ListObject[Settlement]:
        return self._list(Settlement, "/v1/settlements")
