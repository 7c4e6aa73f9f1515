"""Fixtures for the tasks / projects / files tests.

The shared cassette machinery (``vcr_config``, ``cassette_target``, ``cassette_client``) lives in
``tests/conftest.py``; these tests store their cassettes under ``cassettes/resources/``.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, Union

import httpx
import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.emulator import Emulator
from tests.conftest import BASE_URL, TEST_KEY, FakeManus

AnyClient = Union[ManusOpenAI, AsyncManusOpenAI]

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes" / "resources"


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


_RECORDED_ORIGIN = re.compile(rb"http://(?:127\.0\.0\.1:\d+|api\.manus\.ai)(?=/)")


def _public_urls_in_body(response: dict[str, Any]) -> dict[str, Any]:
    # The emulator builds absolute URLs (presigned upload_url, output fileUrl) from the Host header it
    # sees: http://api.manus.ai behind the recording redirect. Store them as the public https URLs the
    # replay's requests are matched against, and keep Content-Length true to the new body.
    body = response.get("body", {}).get("string")
    if isinstance(body, str):
        body = body.encode()
    if isinstance(body, bytes) and _RECORDED_ORIGIN.search(body):
        body = _RECORDED_ORIGIN.sub(b"https://api.manus.ai", body)
        response["body"]["string"] = body
        headers = response.get("headers", {})
        for name in list(headers):
            if name.lower() == "content-length":
                headers[name] = [str(len(body))]
    return response


@pytest.fixture(scope="module")
def vcr_config(vcr_config: dict[str, Any]) -> dict[str, Any]:
    """The shared cassette settings (tests/conftest.py) plus public URLs inside recorded bodies."""
    return {**vcr_config, "before_record_response": _public_urls_in_body}


async def call(client: AnyClient, dotted: str, *args: Any, **kwargs: Any) -> Any:
    """Call ``client.<dotted>(...)`` on a sync or async client alike (awaiting when needed)."""
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


def json_reply(body: Any, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json=body)


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


@pytest.fixture(params=["sync", "async"])
async def mock_client(request: pytest.FixtureRequest, fake: FakeManus) -> AsyncIterator[AnyClient]:
    """A sync or an async client on ``httpx.MockTransport(fake)``, without real sleeping."""
    client: AnyClient
    if request.param == "sync":
        client = ManusOpenAI(responses_view="manus", api_key=TEST_KEY, base_url=BASE_URL, max_retries=2,
                             http_client=httpx.Client(transport=httpx.MockTransport(fake)))  # fmt: skip
        for resource in (client.files,):
            resource._sleep = lambda _s: None  # type: ignore[method-assign,assignment]  # no real sleeping
        yield client
        client.close()
    else:

        async def no_sleep(_s: float) -> None:
            return None

        client = AsyncManusOpenAI(responses_view="manus", api_key=TEST_KEY, base_url=BASE_URL, max_retries=2,
                                  http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake)))  # fmt: skip
        client.files._sleep = no_sleep  # type: ignore[method-assign,assignment]  # no real sleeping
        yield client
        await client.close()


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(task_duration=0.0) as emulator:
        yield emulator


@pytest.fixture(params=["sync", "async"])
async def emu_client(request: pytest.FixtureRequest, emu: Emulator) -> AsyncIterator[AnyClient]:
    """A sync or an async client on the running emulator (no retries: every request counts)."""
    if request.param == "sync":
        client: AnyClient = emu.client(responses_view="manus", max_retries=0)
        yield client
        client.close()
    else:
        client = emu.async_client(responses_view="manus", max_retries=0)
        yield client
        await client.close()
