"""Fixtures for the v2 client tests: sync and async clients on respx, with no real sleeping."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any, Union

import pytest
import respx

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from tests.conftest import BASE_URL, TEST_KEY

AnyClient = Union[ManusOpenAI, AsyncManusOpenAI]
V2 = "https://api.manus.ai/v2"


class FakeClock:
    """A monotonic clock that sleeping advances (sync and async sleeps)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url="https://api.manus.ai", assert_all_called=False) as mock:
        yield mock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def install_clock(client: AnyClient, clock: FakeClock) -> None:
    """Make the client's v2 waits run on ``clock``."""
    tasks: Any = client.v2.tasks
    files: Any = client.v2.files
    if isinstance(client, AsyncManusOpenAI):
        tasks._sleep = files._sleep = clock.asleep
    else:
        tasks._sleep = files._sleep = clock.sleep
    tasks._monotonic = clock.monotonic


@pytest.fixture(params=["sync", "async"])
async def client(
    request: pytest.FixtureRequest, router: respx.MockRouter, clock: FakeClock
) -> AsyncIterator[AnyClient]:
    """A sync or an async client (``max_retries=2``) whose requests respx answers."""
    c: AnyClient
    if request.param == "sync":
        c = ManusOpenAI(api_key=TEST_KEY, base_url=BASE_URL, max_retries=2)
        install_clock(c, clock)
        yield c
        c.close()
    else:
        c = AsyncManusOpenAI(api_key=TEST_KEY, base_url=BASE_URL, max_retries=2)
        install_clock(c, clock)
        yield c
        await c.close()


async def call(client: AnyClient, dotted: str, *args: Any, **kwargs: Any) -> Any:
    """``client.<dotted>(...)`` on a sync or async client alike."""
    target: Any = client
    for name in dotted.split("."):
        target = getattr(target, name)
    result = target(*args, **kwargs)
    if inspect.isawaitable(result):
        result = await result
    return result


async def collect(page_or_paginator: Any) -> list[Any]:
    """Every item of a sync page or an async paginator."""
    if hasattr(page_or_paginator, "__aiter__"):
        return [item async for item in page_or_paginator]
    return list(page_or_paginator)


async def drain(follower: Any) -> list[Any]:
    """One round of a sync or async follower."""
    if hasattr(follower, "__aiter__"):
        return [event async for event in follower]
    return list(follower)


def ok(**payload: Any) -> dict[str, Any]:
    return {"ok": True, "request_id": "req_1", **payload}
