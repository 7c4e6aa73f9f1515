"""Fixtures for the v2 emulator tests: an emulator on a ManualClock and plain httpx clients for ``/v2``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from manus_openai.emulator import Emulator, ManualClock

TASK_DURATION = 5.0


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(start=1_760_000_000)


@pytest.fixture
def emu(clock: ManualClock) -> Iterator[Emulator]:
    with Emulator(clock=clock, task_duration=TASK_DURATION, seed=7, webhook_activation="off") as emulator:
        yield emulator


@pytest.fixture
def v2(emu: Emulator) -> Iterator[httpx.Client]:
    """Plain httpx on ``/v2`` with ``x-manus-api-key``, as seed 002 talks to the API."""
    with httpx.Client(base_url=emu.v2_url, headers=emu.v2_headers, timeout=10) as client:
        yield client


@pytest.fixture
def v1(emu: Emulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}, timeout=10) as client:
        yield client


def ok(response: httpx.Response) -> dict[str, Any]:
    """The body of a successful v2 call (asserting the envelope)."""
    body = response.json()
    assert response.status_code == 200, body
    assert body["ok"] is True, body
    assert isinstance(body["request_id"], str)
    assert body["request_id"].startswith("req_")
    return body  # type: ignore[no-any-return]  # JSON object


def fails(response: httpx.Response, status: int, code: str, field: str | None = None) -> str:
    """Assert a v2 failure envelope; returns the message (which starts with ``field:`` when given)."""
    body = response.json()
    assert response.status_code == status, body
    assert set(body) == {"ok", "request_id", "error"}, body
    assert body["ok"] is False
    assert body["request_id"].startswith("req_")
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code, body
    message: str = body["error"]["message"]
    if field is not None:
        assert message.startswith(field + ":"), message
    return message


def create(v2: httpx.Client, content: str = "Hello", **extra: Any) -> str:
    """``task.create`` with a text message; returns the task id."""
    return str(ok(v2.post("/task.create", json={"message": {"content": content}, **extra}))["task_id"])


def events(v2: httpx.Client, task_id: str, **params: Any) -> list[dict[str, Any]]:
    """Every event of a task, oldest first (follows cursors)."""
    out: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        query = {"task_id": task_id, "order": "asc", "limit": 200, **params}
        if cursor:
            query["cursor"] = cursor
        body = ok(v2.get("/task.listMessages", params=query))
        out += body["messages"]
        if not body["has_more"]:
            return out
        cursor = body["next_cursor"]


def last_status(v2: httpx.Client, task_id: str) -> dict[str, Any]:
    """The newest ``status_update`` payload (seed 002's branch point)."""
    body = ok(v2.get("/task.listMessages", params={"task_id": task_id, "order": "desc", "limit": 50}))
    return next(e["status_update"] for e in body["messages"] if e["type"] == "status_update")


Advance = Callable[[float], None]
