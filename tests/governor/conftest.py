"""Fixtures for the governor tests: a real Redis server, a manual clock, clients on a scripted transport."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.governor.redis_server import RedisServer


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """A fresh ``redis-server`` per test (tests kill and restart it)."""
    with RedisServer() as server:
        yield server


class ManualClock:
    """A clock that moves only when slept on: ``sleep`` advances it, ``now`` reads it."""

    def __init__(self, start: float = 1000.0) -> None:
        self.t = start
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()
