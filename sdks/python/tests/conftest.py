"""Shared fixtures: a client of a scripted server whose sleeps are recorded, not slept."""

from typing import Iterator, List

import pytest

import payfunctions
from scripted_server import ScriptedServer


class Sleeps(List[float]):
    """Records each wait the client asks for instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer([]) as running:
        yield running


@pytest.fixture
def client(server: ScriptedServer, sleeps: Sleeps) -> payfunctions.Client:
    # jitter 0 makes every backoff the lowest the contract allows, so waits are exact.
    return payfunctions.Client(
        "sk_test_unit", base_url=server.base_url, sleep=sleeps, jitter=lambda: 0.0,
        clock=lambda: 1_000_000.0,
    )
