"""How long to wait before a retry: exponential backoff with jitter, or what Retry-After asks."""

from email.utils import parsedate_to_datetime
from typing import Callable, Optional

BASE_DELAY = 0.5
MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0


def backoff_delay(retry: int, jitter: Callable[[], float]) -> float:
    """The wait before retry ``retry`` (from 0): ``min(8, 0.5 * 2**retry)`` seconds scaled by a
    factor in [0.5, 1], so clients that failed together do not come back together.

    ``jitter`` returns a number in [0, 1), like ``random.random``.
    """
    ceiling = min(MAX_DELAY, BASE_DELAY * (2 ** retry))
    return ceiling * (0.5 + 0.5 * jitter())


def parse_retry_after(value: Optional[str], now: float) -> Optional[float]:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), at most 60.

    Returns ``None`` when the header is absent or unreadable, so the caller falls back to backoff.
    """
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None or when.tzinfo is None:
            return None
        seconds = when.timestamp() - now
    return max(0.0, min(MAX_RETRY_AFTER, seconds))
