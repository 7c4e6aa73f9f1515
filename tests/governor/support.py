"""A scripted Manus stand-in that counts what reaches the wire, and clients wired to a manual clock."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from typing import Any

import httpx

from manus_openai import AsyncManusOpenAI, ManusOpenAI, RateLimits
from tests.conftest import TEST_KEY
from tests.governor.conftest import ManualClock

_ACCOUNTS = itertools.count()


def fresh_account() -> str:
    """Each test its own budget (governors are shared per account within a process)."""
    return f"test-account-{next(_ACCOUNTS)}"


class Wire:
    """Answers every request (``reply`` decides) and records ``(method, path, body)``."""

    def __init__(self, reply: Callable[[httpx.Request], httpx.Response] | None = None) -> None:
        self.sent: list[tuple[str, str, Any]] = []
        self._reply = reply
        self._ids = itertools.count(1)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        try:
            body = json.loads(request.content) if request.content else None
        except ValueError:
            body = request.content
        self.sent.append((request.method, request.url.path, body))
        if self._reply is not None:
            return self._reply(request)
        return ok(f"t{next(self._ids)}")


def ok(task_id: str = "t1", status: str = "running") -> httpx.Response:
    return httpx.Response(200, json={"id": task_id, "object": "response", "status": status, "output": []})


def sync_client(wire: Wire, clock: ManualClock | None, limits: RateLimits | None = None, **kw: Any) -> ManusOpenAI:
    client = ManusOpenAI(
        api_key=TEST_KEY,
        base_url="https://api.manus.ai/v1",
        http_client=httpx.Client(transport=httpx.MockTransport(wire)),
        rate_limits=limits or RateLimits(account=fresh_account()),
        **{"responses_view": "manus", **kw},  # the governor is tested on the raw create (returns at once)
    )
    if clock is not None and client._governor is not None:
        client._governor._clock, client._governor._sleep = clock.now, clock.sleep
    return client


def async_client(
    wire: Wire, clock: ManualClock | None, limits: RateLimits | None = None, **kw: Any
) -> AsyncManusOpenAI:
    async def handler(request: httpx.Request) -> httpx.Response:
        return wire(request)

    client = AsyncManusOpenAI(
        api_key=TEST_KEY,
        base_url="https://api.manus.ai/v1",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        rate_limits=limits or RateLimits(account=fresh_account()),
        **{"responses_view": "manus", **kw},  # the governor is tested on the raw create (returns at once)
    )
    if clock is not None and client._governor is not None:
        client._governor._clock, client._governor._async_sleep = clock.now, clock.async_sleep
    return client
