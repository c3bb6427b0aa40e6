"""The waits between retries stay within the contract's bounds."""

import random

import pytest

from payfunctions._backoff import backoff_delay, parse_retry_after


@pytest.mark.parametrize("retry", range(10))
def test_backoff_is_within_half_and_all_of_the_exponential_ceiling(retry):
    ceiling = min(8.0, 0.5 * 2 ** retry)
    lowest = backoff_delay(retry, lambda: 0.0)
    highest = backoff_delay(retry, lambda: 0.999999)
    assert lowest == ceiling / 2
    assert ceiling / 2 <= highest <= ceiling
    generator = random.Random(retry)
    for _ in range(200):
        assert ceiling / 2 <= backoff_delay(retry, generator.random) <= ceiling


def test_backoff_grows_then_stops_at_8_seconds():
    assert [backoff_delay(n, lambda: 0.999999999) for n in range(6)] == pytest.approx(
        [0.5, 1, 2, 4, 8, 8], rel=1e-6
    )


@pytest.mark.parametrize(
    "header, expected",
    [
        (None, None),
        ("0", 0.0),
        ("5", 5.0),
        ("61", 60.0),
        (" 2 ", 2.0),
        ("soon", None),
        ("Thu, 01 Jan 1970 00:00:30 GMT", 20.0),
        ("Thu, 01 Jan 1970 00:00:01 GMT", 0.0),
        ("Thu, 01 Jan 1970 01:00:00 GMT", 60.0),
    ],
)
def test_retry_after_as_seconds_or_a_date_capped_at_60(header, expected):
    assert parse_retry_after(header, now=10.0) == expected
