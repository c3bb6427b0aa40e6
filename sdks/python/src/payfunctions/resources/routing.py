"""The merchant's routing policy: which channel account serves which payment."""

from typing import Any, Mapping, Optional, Sequence

from ..models import RoutingPolicy
from ._base import Resource


class RoutingService(Resource):
    """``client.routing``: the routing policy."""

    def retrieve(self) -> RoutingPolicy:
        return self._call(RoutingPolicy, "GET", "/v1/routing")

    def set(
        self,
        *,
        objective: Optional[str] = None,
        cost_weight: Optional[float] = None,
        utc_offset: Optional[str] = None,
        rules: Optional[Sequence[Mapping[str, Any]]] = None,
        fees: Optional[Sequence[Mapping[str, Any]]] = None,
        idempotency_key: Optional[str] = None,
    ) -> RoutingPolicy:
        """Replaces the whole policy with the one given."""
        return self._call(
            RoutingPolicy, "POST", "/v1/routing",
            body={
                "objective": objective,
                "cost_weight": cost_weight,
                "utc_offset": utc_offset,
                "rules": rules,
                "fees": fees,
            },
            idempotency_key=idempotency_key,
        )
