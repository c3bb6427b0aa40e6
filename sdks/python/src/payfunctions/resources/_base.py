"""What every resource shares: a transport and the turning of answers into typed objects."""

from typing import Any, Dict, Mapping, Optional, Type

from .._model import ListObject, T
from .._transport import Response, Transport
from .._transport import path_segment as seg
from ..errors import APIError
from ..pagination import Page

__all__ = ["Resource", "seg"]


class Resource:
    """A group of the API's operations, sharing the client's transport."""

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
        return cls(_object(response))

    def _list(self, cls: Type[T], path: str) -> ListObject[T]:
        return ListObject(_object(self._transport.request("GET", path)), cls)

    def _page(self, cls: Type[T], path: str, query: Dict[str, Any]) -> Page[T]:
        answer = _object(self._transport.request("GET", path, query=query))

        def fetch_after(last_id: str) -> Page[T]:
            return self._page(cls, path, {**query, "starting_after": last_id})

        return Page(answer, cls, fetch_after)

    def _bytes(self, path: str) -> bytes:
        return self._transport.request("GET", path, headers={"Accept": "*/*"}).body


def _object(response: Response) -> Dict[str, Any]:
    """The JSON object of a 2xx answer; anything else (a proxy's page, say) is an APIError."""
    if response.is_json():
        try:
            parsed = response.json()
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            return parsed
    raise APIError(
        "The answer was not a JSON object (HTTP %d)." % response.status,
        status=response.status,
        request_id=response.request_id,
    )
