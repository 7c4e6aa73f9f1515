"""Shared test fixtures: a scripted Manus stand-in on ``httpx.MockTransport`` for request-shape tests.

Tests of whole flows use the bundled emulator (``manus_emulator`` fixture from the pytest plugin) or the
cassettes; these fixtures are for asserting exactly what goes on the wire and for injecting faults.
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import re
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any, Union

import httpx
import pytest
from openai.resources.responses import Responses

from manus_openai import AsyncManusOpenAI, ManusOpenAI

TEST_KEY = "mk-test-SECRET-0123456789"

# The rate governor is on by default; tests of other behaviour would share one 10-creates-a-minute budget
# across the whole suite. Governor tests pass rate_limits= explicitly (tests/governor).
os.environ["MANUS_RATE_LIMITS"] = "off"

# openai<1.70 declares `model` required on responses.create (Manus ignores it); seed 000 omits it, as
# openai 1.100.2 allows. Plain-SDK tests spread this so they run on every supported openai release.
_MODEL_REQUIRED = inspect.signature(Responses.create).parameters["model"].default is inspect.Parameter.empty
SEED_MODEL: dict[str, str] = {"model": "manus-1.6"} if _MODEL_REQUIRED else {}
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
    c = ManusOpenAI(
        responses_view="manus",
        api_key=TEST_KEY,
        base_url=BASE_URL,
        http_client=httpx.Client(transport=httpx.MockTransport(fake)),
    )
    c.responses._sleep = lambda _s: None  # type: ignore[method-assign]  # no real sleeping in unit tests
    with c:
        yield c


@pytest.fixture
async def async_client(fake: FakeManus) -> Any:
    async def no_sleep(_s: float) -> None:
        return None

    c = AsyncManusOpenAI(
        responses_view="manus",
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


# --- cassettes -------------------------------------------------------------------------------------
# Replayed offline with record mode "none" (pytest-recording's default). Recording: see cassettes/README.md.

CASSETTES = Path(__file__).resolve().parents[1] / "cassettes"
CASSETTE_KEY = "mk-cassette-placeholder"
NOISY_HEADERS = [
    "API_KEY", "x-manus-api-key", "authorization", "user-agent", "x-stainless-arch", "x-stainless-lang",
    "x-stainless-os",
    "x-stainless-package-version", "x-stainless-runtime", "x-stainless-runtime-version", "x-stainless-async",
    "x-stainless-retry-count", "x-stainless-read-timeout", "x-stainless-raw-response", "x-stainless-poll-helper",
]  # fmt: skip


_LOOPBACK = re.compile(r"^http://127\.0\.0\.1:\d+")


def _store_under_public_url(request: Any) -> Any:
    # Recorded against the bundled emulator on loopback; stored under the base URL the tests replay.
    request.uri = _LOOPBACK.sub("https://api.manus.ai", request.uri)
    return request


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": NOISY_HEADERS,
        "match_on": ["method", "scheme", "host", "port", "path", "query", "body"],
        "decode_compressed_response": True,
        "before_record_request": _store_under_public_url,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(CASSETTES / request.module.__name__.split(".")[-1])


def _recording(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--record-mode", default="none") not in ("none", None)


class _Redirect(httpx.BaseTransport):
    def __init__(self, origin: str) -> None:
        self.origin, self.inner = httpx.URL(origin), httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "api.manus.ai":
            request.url = request.url.copy_with(scheme=self.origin.scheme, host=self.origin.host, port=self.origin.port)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class _AsyncRedirect(httpx.AsyncBaseTransport):
    def __init__(self, origin: str) -> None:
        self.origin, self.inner = httpx.URL(origin), httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "api.manus.ai":
            request.url = request.url.copy_with(scheme=self.origin.scheme, host=self.origin.host, port=self.origin.port)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@pytest.fixture
def cassette_target(request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """Client keyword arguments for a cassette test.

    Replay (default): a client on https://api.manus.ai/v1 whose requests vcrpy answers from the cassette.
    Recording with MANUS_API_KEY set: the live API. Recording without it: the bundled emulator over
    loopback, stored under the public URL. Yields ``{"api_key", "base_url", "http_client"?, "emulator"?}``.
    """
    base = {"api_key": CASSETTE_KEY, "base_url": "https://api.manus.ai/v1", "max_retries": 0}
    if not _recording(request) or os.environ.get("MANUS_API_KEY"):
        yield {**base, "api_key": os.environ.get("MANUS_API_KEY") or CASSETTE_KEY}
        return
    from manus_openai.emulator import Emulator

    with Emulator(api_key=CASSETTE_KEY, polls=2, seed=7) as emulator:  # every task finishes on its 2nd poll
        yield {**base, "emulator": emulator, "redirect": emulator.origin}


@pytest.fixture
def cassette_client(cassette_target: dict[str, Any]) -> Iterator[ManusOpenAI]:
    options = dict(cassette_target)
    options.pop("emulator", None)
    redirect = options.pop("redirect", None)
    if redirect:
        options["http_client"] = httpx.Client(transport=_Redirect(redirect))
    with ManusOpenAI(responses_view="manus", **options) as c:
        yield c


@pytest.fixture
async def async_cassette_client(cassette_target: dict[str, Any]) -> AsyncIterator[AsyncManusOpenAI]:
    options = dict(cassette_target)
    options.pop("emulator", None)
    redirect = options.pop("redirect", None)
    if redirect:
        options["http_client"] = httpx.AsyncClient(transport=_AsyncRedirect(redirect))
    async with AsyncManusOpenAI(responses_view="manus", **options) as c:
        yield c


# --- secrets never reach a log line ------------------------------------------------------------------
# Every test runs with these loggers at DEBUG; at teardown no captured line may contain a known key.
# Measured cost: about 2% of the suite's time, so no test opts out.

SECRET_LOGGERS = ("openai", "httpx", "httpcore", "manus_openai")
_REGISTERED_SECRETS: set[str] = set()


def register_secret(value: str) -> str:
    """Add an API key (or any secret) the DEBUG-log check must never find; returns it."""
    if not isinstance(value, str) or len(value) < 8:
        raise ValueError("register a real secret (a str of 8+ characters), not a fragment that matches anything")
    _REGISTERED_SECRETS.add(value)
    return value


def known_secrets() -> set[str]:
    """TEST_KEY, CASSETTE_KEY, the emulator's default key and every registered secret.

    pytest imports this file as ``conftest`` while tests import ``tests.conftest``: two module objects,
    so the registries of both are read.
    """
    from manus_openai.emulator import DEFAULT_API_KEY

    found = {TEST_KEY, CASSETTE_KEY, DEFAULT_API_KEY}
    for name in ("conftest", "tests.conftest"):
        found |= getattr(sys.modules.get(name), "_REGISTERED_SECRETS", set())
    return found


class _LogLines(logging.Handler):
    """Formats each record as it is emitted (later mutation of its arguments cannot hide a leak)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s:%(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception as exc:  # a record that cannot be formatted is itself worth failing on
            self.lines.append(f"<unformattable record from {record.name}: {exc!r}>")


@pytest.fixture(autouse=True)
def _no_secret_in_debug_logs() -> Iterator[None]:
    """Run the test with the client stack's loggers at DEBUG; fail if a known key shows up in a line."""
    handler = _LogLines()
    loggers = [logging.getLogger(name) for name in SECRET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.addHandler(handler)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)
    secrets = known_secrets()
    leaks = [line for line in handler.lines if any(secret in line for secret in secrets)]
    assert not leaks, f"an API key reached {len(leaks)} DEBUG log line(s), e.g. {leaks[0][:500]!r}"
