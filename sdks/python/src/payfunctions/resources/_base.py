"""What every resource shares: a transport and the turning of answers into typed objects."""

from typing import Any, Dict, Mapping, Optional, Type

from .._model import ListObject, T
from .._transport import Transport
from .._transport import path_segment as seg
from ..pagination import Page

__all__ = ["Resource", "seg"]


class Resource:
    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def _call(
        self,
        cls: Type[T],
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, Any]] = None,
        body: Optional[Mapping[str, Any]] = None,
        idempotency_key: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> T:
        response = self._transport.request(
            method, path, query=query, body=body, idempotency_key=idempotency_key, headers=headers
        )
        return cls(response.json())

    def _list(self, cls: Type[T], path: str) -> ListObject[T]:
        return ListObject(self._transport.request("GET", path).json(), cls)

    def _page(self, cls: Type[T], path: str, query: Dict[str, Any]) -> Page[T]:
        answer = self._transport.request("GET", path, query=query).json()

        def fetch_after(last_id: str) -> Page[T]:
            return self._page(cls, path, {**query, "starting_after": last_id})

        return Page(answer, cls, fetch_after)

    def _bytes(self, path: str) -> bytes:
        return self._transport.request("GET", path, headers={"Accept": "*/*"}).body
