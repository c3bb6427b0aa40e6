"""The exceptions the client raises; every one derives from PayFunctionsError."""

from typing import Any, Dict, Mapping, Optional, Type


class PayFunctionsError(Exception):
    """Base class: one ``except PayFunctionsError`` handles every failure of this package.

    For an answer of the API, the fields come from its problem document (RFC 9457) and
    ``request_id`` from its ``Request-Id`` header; for other failures they are ``None``.
    """

    def __init__(
        self,
        message: str,
        *,
        status: Optional[int] = None,
        problem: Optional[Mapping[str, Any]] = None,
        request_id: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.problem: Dict[str, Any] = dict(problem or {})
        self.request_id = request_id

    @property
    def code(self) -> Optional[str]:
        return _text(self.problem.get("code"))

    @property
    def param(self) -> Optional[str]:
        return _text(self.problem.get("param"))

    @property
    def title(self) -> Optional[str]:
        return _text(self.problem.get("title"))

    @property
    def detail(self) -> Optional[str]:
        return _text(self.problem.get("detail"))

    @property
    def type(self) -> Optional[str]:
        return _text(self.problem.get("type"))

    def __str__(self) -> str:
        parts = [self.message]
        if self.code:
            parts.append("code=" + self.code)
        if self.param:
            parts.append("param=" + self.param)
        if self.request_id:
            parts.append("request_id=" + self.request_id)
        return " ".join(parts)


class InvalidRequestError(PayFunctionsError):
    """400: the request is malformed or a parameter is invalid (see ``param``)."""


class AuthenticationError(PayFunctionsError):
    """401: the API key is missing, unknown or revoked."""


class PermissionDeniedError(PayFunctionsError):
    """403: the key is valid but lacks the scope the operation needs."""


class NotFoundError(PayFunctionsError):
    """404: no such object for this merchant."""


class ConflictError(PayFunctionsError):
    """409: the object's state forbids the operation, or the idempotency key was reused."""


class RateLimitError(PayFunctionsError):
    """429 after the last retry."""


class APIError(PayFunctionsError):
    """5xx after the last retry, or any other status without a class of its own."""


class APIConnectionError(PayFunctionsError):
    """The host could not be reached or did not answer, after the last retry."""


class SignatureVerificationError(PayFunctionsError):
    """A webhook delivery failed verification: do not trust its body."""


_BY_STATUS: Dict[int, Type[PayFunctionsError]] = {
    400: InvalidRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_for_status(
    status: int, problem: Mapping[str, Any], request_id: Optional[str]
) -> PayFunctionsError:
    """Builds the exception whose class follows the status of a non-2xx answer."""
    cls = _BY_STATUS.get(status, APIError)
    message = _text(problem.get("detail")) or _text(problem.get("title")) or "HTTP %d" % status
    return cls(message, status=status, problem=problem, request_id=request_id)


def _text(value: Any) -> Optional[str]:
    return value if isinstance(value, str) else None
