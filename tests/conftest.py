"""Shared test fixtures: a scripted Manus stand-in on ``httpx.MockTransport`` for request-shape tests.

Tests of whole flows use the bundled emulator (``manus_emulator`` fixture from the pytest plugin) or the
cassettes; these fixtures are for asserting exactly what goes on the wire and for injecting faults.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, Union

import httpx
import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI

TEST_KEY = "mk-test-SECRET-0123456789"
BASE_URL = "https://api.manus.ai/v1"

Reply = Union[httpx.Response, Exception, Callable[[httpx.Request], httpx.Response]]


def response_body(task_id: str = "t1", status: str = "running", **extra: Any) -> dict[str, Any]:
    """A Response object shaped like the compat guide's printed example (manus-api.md §3.5)."""
    body: dict[str, Any] = {
        "id": task_id,
        "object": "response",
        "status": status,
        "model": "manus-agent-quality",
        "createdAt": "1760348691",
        "metadata": {"task_url": f"https://manus.im/app/{task_id}", "task_title": "Sky", "credit_usage": "12"},
        "output": [
            {"id": "m1", "role": "user", "type": "message", "status": "completed",
             "content": [{"type": "output_text", "text": "What's the color of the sky?"}]},
        ],
    }  # fmt: skip
    if status == "completed":
        body["output"].append(
            {"id": "m2", "role": "assistant", "type": "message", "status": "completed",
             "content": [
                 {"type": "output_text", "text": "Blue."},
                 {"type": "output_file", "text": None, "fileUrl": "https://cdn.example/f.md",
                  "fileName": "notion_benefits.md", "mimeType": "text/markdown"},
             ]}
        )  # fmt: skip
    body.update(extra)
    return body


class FakeManus:
    """Answers requests from a script (one reply per request, the last one repeated) and records them."""

    def __init__(self, *replies: Reply) -> None:
        self.replies: list[Reply] = list(replies) or [httpx.Response(200, json=response_body())]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(reply, Exception):
            raise reply
        if callable(reply):
            return reply(request)
        return reply

    def bodies(self) -> list[Any]:
        return [json.loads(r.content) if r.content else None for r in self.requests]


@pytest.fixture
def fake() -> FakeManus:
    return FakeManus()


@pytest.fixture
def client(fake: FakeManus) -> Iterator[ManusOpenAI]:
    c = ManusOpenAI(api_key=TEST_KEY, base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(fake)))
    c.responses._sleep = lambda _s: None  # type: ignore[method-assign]  # no real sleeping in unit tests
    with c:
        yield c


@pytest.fixture
async def async_client(fake: FakeManus) -> Any:
    async def no_sleep(_s: float) -> None:
        return None

    c = AsyncManusOpenAI(
        api_key=TEST_KEY,
        base_url=BASE_URL,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake)),
    )
    c.responses._sleep = no_sleep  # type: ignore[method-assign]
    async with c:
        yield c


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's real keys or URLs."""
    for name in ("MANUS_API_KEY", "MANUS_BASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID",
                 "OPENAI_PROJECT_ID", "OPENAI_WEBHOOK_SECRET", "OPENAI_LOG"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
