"""Fixtures for the emulator tests: a started emulator on a ManualClock, and clients for it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import openai
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
def http(emu: Emulator) -> Iterator[httpx.Client]:
    """Plain httpx, as seed 001 talks to the API: base ``.../v1`` and the ``API_KEY`` header."""
    with httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}, timeout=10) as client:
        yield client


@pytest.fixture
def sdk(emu: Emulator) -> Iterator[openai.OpenAI]:
    """The unmodified OpenAI SDK configured exactly as seed 000 shows."""
    client = openai.OpenAI(
        base_url=emu.base_url,
        api_key="**",  # This can be any placeholder value
        default_headers={"API_KEY": emu.api_key},
        max_retries=0,
    )
    with client:
        yield client


@pytest.fixture(scope="module")
def shared_emu() -> Iterator[Emulator]:
    """One emulator per module, for tests that only need a server, not a fresh state."""
    with Emulator(clock=ManualClock(start=1_760_000_000), task_duration=TASK_DURATION, seed=7) as emulator:
        yield emulator


@pytest.fixture(scope="module")
def shared_http(shared_emu: Emulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=shared_emu.base_url, headers={"API_KEY": shared_emu.api_key}) as client:
        yield client
