"""Drop-in fixtures: the bundled emulator, and the one line an OpenAI example changes (``client = ...``)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.emulator import Emulator


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(task_duration=0) as emulator:
        yield emulator


@pytest.fixture(params=["v2", "v1"])
def backend(request: pytest.FixtureRequest) -> str:
    """Every example runs on both surfaces ``client.responses`` can use (``responses_backend``)."""
    return str(request.param)


@pytest.fixture
def client(emu: Emulator, backend: Any) -> Iterator[ManusOpenAI]:
    # The only line an OpenAI example changes: `client = OpenAI()` becomes this (the backend is the
    # fixture's; users get the default, v2).
    with ManusOpenAI(api_key=emu.api_key, base_url=emu.base_url, responses_backend=backend) as c:
        yield c


@pytest.fixture
async def aclient(emu: Emulator, backend: Any) -> AsyncIterator[AsyncManusOpenAI]:
    async with AsyncManusOpenAI(api_key=emu.api_key, base_url=emu.base_url, responses_backend=backend) as c:
        yield c


@pytest.fixture(autouse=True)
def no_real_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """The examples' own ``time.sleep(2)`` / ``asyncio.sleep(2)`` polling pauses cost no real time."""
    import asyncio
    import time

    async def instant(_seconds: float) -> None:
        return None

    monkeypatch.setattr(time, "sleep", lambda _seconds: None)
    monkeypatch.setattr(asyncio, "sleep", instant)
