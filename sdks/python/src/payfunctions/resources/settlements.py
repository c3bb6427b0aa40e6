"""Settlements: what each day's batch paid the merchant."""

from .._model import ListObject
from ..models import Settlement
from ._base import Resource


class Settlements(Resource):
    def list(self) -> ListObject[Settlement]:
        return self._list(Settlement, "/v1/settlements")
