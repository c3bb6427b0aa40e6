"""The base of every object the API answers: typed attributes over the JSON it came from.

Fields the class declares are converted to their declared types (nested objects, lists of
them); every other field the API sends stays readable by key or attribute, so a field added
to the API later is never lost.
"""

import keyword
from typing import (
    Any,
    Dict,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    Type,
    TypeVar,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

T = TypeVar("T", bound="PayFunctionsObject")

_hints_cache: Dict[type, Dict[str, Any]] = {}


class PayFunctionsObject:
    """The object's JSON fields, readable as attributes (``payment.amount``) or keys
    (``payment["amount"]``).

    It is deliberately not a ``Mapping``: methods such as ``values`` or ``items`` would hide
    fields of those names (a risk rule has ``values``). ``to_dict()`` gives the plain JSON.
    """

    def __init__(self, values: Optional[Mapping[str, Any]] = None) -> None:
        hints = _field_types(type(self))
        self._values: Dict[str, Any] = {
            key: _convert(value, hints.get(key)) for key, value in (values or {}).items()
        }

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        key = _wire_name(name)
        if key in self._values:
            return self._values[key]
        if key in _field_types(type(self)):
            return None  # a declared, optional field the API left out
        raise AttributeError("%s has no field %r" % (type(self).__name__, name))

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PayFunctionsObject):
            return self.to_dict() == other.to_dict()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "%s(%r)" % (type(self).__name__, self.to_dict())

    def get(self, key: str, default: Any = None) -> Any:
        """The field ``key`` as sent, or ``default`` when the API left it out."""
        return self._values.get(key, default)

    def to_dict(self) -> Dict[str, Any]:
        """The object as plain JSON-compatible values."""
        return {key: _plain(value) for key, value in self._values.items()}


class ListObject(PayFunctionsObject, Generic[T]):
    """One answer of a list operation: ``data`` and whether ``has_more`` exist."""

    object: str
    url: str
    has_more: bool

    def __init__(self, values: Mapping[str, Any], item_type: Type[T]) -> None:
        super().__init__(values)
        self._item_type = item_type
        self._values["data"] = [
            item_type(item) if isinstance(item, Mapping) else item
            for item in values.get("data") or []
        ]

    @property
    def data(self) -> List[T]:
        return self._values["data"]  # type: ignore[no-any-return]


def _wire_name(name: str) -> str:
    # `report.from_` reads the field `from`, which Python cannot spell as an attribute.
    if name.endswith("_") and keyword.iskeyword(name[:-1]):
        return name[:-1]
    return name


def _field_types(cls: type) -> Dict[str, Any]:
    hints = _hints_cache.get(cls)
    if hints is None:
        hints = {_wire_name(k): v for k, v in get_type_hints(cls).items() if not k.startswith("_")}
        _hints_cache[cls] = hints
    return hints


def _model_class(hint: Any) -> Optional[type]:
    if isinstance(hint, type) and issubclass(hint, PayFunctionsObject) and hint is not ListObject:
        return hint
    return None


def _convert(value: Any, hint: Any) -> Any:
    if hint is None or value is None:
        return value
    if get_origin(hint) is Union:
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(options) != 1:
            return value
        hint = options[0]
    model = _model_class(hint)
    if model is not None:
        return model(value) if isinstance(value, Mapping) else value
    if get_origin(hint) in (list, List) and isinstance(value, list):
        args = get_args(hint)
        item = _model_class(args[0]) if args else None
        if item is not None:
            return [item(v) if isinstance(v, Mapping) else v for v in value]
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, PayFunctionsObject):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
