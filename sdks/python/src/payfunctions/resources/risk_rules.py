"""The merchant's own risk rules."""

from typing import Any, Dict, Optional, Sequence

from .._model import ListObject
from ..models import DeletedRiskRule, RiskRule
from ._base import Resource, seg


class RiskRuleService(Resource):
    """``client.risk_rules``: the merchant's own risk rules."""

    def list(self) -> ListObject[RiskRule]:
        return self._list(RiskRule, "/v1/risk/rules")

    def create(
        self,
        *,
        kind: str,
        action: str,
        stages: Optional[Sequence[str]] = None,
        description: Optional[str] = None,
        key: Optional[str] = None,
        window: Optional[str] = None,
        max_count: Optional[int] = None,
        max_amount: Optional[int] = None,
        currency: Optional[str] = None,
        min_count: Optional[int] = None,
        min_z: Optional[float] = None,
        max_share: Optional[float] = None,
        min_kmh: Optional[float] = None,
        min_score: Optional[float] = None,
        field: Optional[str] = None,
        values: Optional[Sequence[str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> RiskRule:
        """Creates a rule of ``kind`` (e.g. ``list`` with ``field`` and ``values``) that takes
        ``action`` (e.g. ``review`` or ``block``) on the payments it matches.
        """
        draft = _draft(locals())
        return self._call(
            RiskRule, "POST", "/v1/risk/rules", body=draft, idempotency_key=idempotency_key
        )

    def update(
        self,
        id: str,
        *,
        kind: str,
        action: str,
        stages: Optional[Sequence[str]] = None,
        description: Optional[str] = None,
        key: Optional[str] = None,
        window: Optional[str] = None,
        max_count: Optional[int] = None,
        max_amount: Optional[int] = None,
        currency: Optional[str] = None,
        min_count: Optional[int] = None,
        min_z: Optional[float] = None,
        max_share: Optional[float] = None,
        min_kmh: Optional[float] = None,
        min_score: Optional[float] = None,
        field: Optional[str] = None,
        values: Optional[Sequence[str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> RiskRule:
        """Replaces the rule with the one given: fields left out are cleared."""
        draft = _draft(locals())
        return self._call(
            RiskRule, "POST", "/v1/risk/rules/" + seg(id), body=draft,
            idempotency_key=idempotency_key,
        )

    def delete(self, id: str) -> DeletedRiskRule:
        return self._call(DeletedRiskRule, "DELETE", "/v1/risk/rules/" + seg(id))


_DRAFT_FIELDS = (
    "kind", "action", "stages", "description", "key", "window", "max_count", "max_amount",
    "currency", "min_count", "min_z", "max_share", "min_kmh", "min_score", "field", "values",
)


def _draft(arguments: Dict[str, Any]) -> Dict[str, Any]:
    """The request body: the rule's fields out of a method's arguments."""
    draft = {name: arguments[name] for name in _DRAFT_FIELDS}
    for name in ("stages", "values"):
        if draft[name] is not None:
            draft[name] = list(draft[name])
    return draft
