"""Sends one API call over HTTP, retrying it as the contract allows."""

import http.client
import json
import random
import time
import uuid
from typing import Any, Callable, Dict, Mapping, Optional, Tuple
from urllib.parse import quote, urlencode, urlsplit

from ._backoff import backoff_delay, parse_retry_after
from ._model import PayFunctionsObject
from ._version import VERSION
from .errors import APIConnectionError, PayFunctionsError, error_for_status

USER_AGENT = "payfunctions-python/" + VERSION

# Failures of the connection itself: refused, reset, timed out, closed before an answer.
_NETWORK_ERRORS: Tuple[type, ...] = (OSError, http.client.HTTPException)


class Response:
    """A raw answer: status, headers (case-insensitive) and body bytes."""

    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def request_id(self) -> Optional[str]:
        return self.headers.get("Request-Id")

    def is_json(self) -> bool:
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        return content_type == "application/json" or content_type.endswith("+json")

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


class Transport:
    """Holds the configuration of a client and performs its requests."""

    def __init__(
        self,
        api_key: str,
        base_url: str,
        max_retries: int,
        timeout: float,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
        clock: Callable[[], float] = time.time,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("base_url must be an absolute http(s) URL, got %r" % base_url)
        self._scheme = parts.scheme
        self._host = parts.hostname
        self._port = parts.port
        self._base_path = parts.path.rstrip("/")
        self._api_key = api_key
        self.max_retries = max_retries
        self.timeout = timeout
        self._sleep = sleep
        self._jitter = jitter
        self._clock = clock

    def request(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, Any]] = None,
        body: Optional[Mapping[str, Any]] = None,
        idempotency_key: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> Response:
        """Performs the call; returns a 2xx answer or raises a PayFunctionsError."""
        target = self._base_path + path
        if query:
            pairs = [(k, _query_value(v)) for k, v in query.items() if v is not None]
            if pairs:
                target += "?" + urlencode(pairs)
        sent: Dict[str, str] = {
            "Authorization": "Bearer " + self._api_key,
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
        }
        data: Optional[bytes] = None
        if method == "POST":
            # Made once per call, so every retry of it is the same request to the server.
            sent["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
            data = json.dumps(_drop_none(body or {})).encode("utf-8")
            sent["Content-Type"] = "application/json"
        if headers:
            sent.update(headers)

        attempt = 0
        while True:
            try:
                response = self._send(method, target, sent, data)
            except _NETWORK_ERRORS as exc:
                if attempt >= self.max_retries:
                    raise APIConnectionError(
                        "Could not reach PayFunctions at %s: %s" % (self._host, exc)
                    ) from exc
                self._sleep(backoff_delay(attempt, self._jitter))
                attempt += 1
                continue
            if 200 <= response.status < 300:
                return response
            error = _error_from(response)
            if attempt >= self.max_retries or not _retryable(response.status, error):
                raise error
            wait = parse_retry_after(response.headers.get("Retry-After"), self._clock())
            self._sleep(wait if wait is not None else backoff_delay(attempt, self._jitter))
            attempt += 1

    def _send(
        self, method: str, target: str, headers: Mapping[str, str], data: Optional[bytes]
    ) -> Response:
        connection_class = (
            http.client.HTTPSConnection if self._scheme == "https" else http.client.HTTPConnection
        )
        connection = connection_class(self._host, self._port, timeout=self.timeout)
        try:
            connection.request(method, target, body=data, headers=dict(headers))
            answer = connection.getresponse()
            return Response(answer.status, answer.headers, answer.read())
        finally:
            connection.close()


def path_segment(value: str) -> str:
    """Escapes an id for use as one segment of a path."""
    if not value:
        raise ValueError("an id is required")
    return quote(value, safe="")


def _retryable(status: int, error: PayFunctionsError) -> bool:
    if status == 409:
        return error.code == "idempotency_key_in_use"
    return status == 429 or status >= 500


def _error_from(response: Response) -> PayFunctionsError:
    problem: Dict[str, Any] = {}
    if response.body:
        try:
            parsed = response.json()
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            problem = parsed
    return error_for_status(response.status, problem, response.request_id)


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _drop_none(value: Any) -> Any:
    """Leaves out unset fields, so the server applies its defaults to them."""
    if isinstance(value, PayFunctionsObject):
        value = value.to_dict()
    if isinstance(value, Mapping):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_drop_none(v) for v in value]
    return value
