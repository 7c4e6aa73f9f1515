"""client.v2 flows replayed offline from cassettes/v2/ (recorded against the emulator; see cassettes/README.md).

Re-record with ``pytest tests/v2/test_cassettes_v2.py --record-mode=rewrite`` (emulator) or with
``MANUS_API_KEY`` set (live). The v2 emulator here runs tasks of zero length (``task_duration=0``): each task
finishes at its first read, so a replay issues exactly the recorded requests.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pydantic
import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.v2 import confirmations
from tests.conftest import CASSETTE_KEY, CASSETTES, _AsyncRedirect, _recording, _Redirect
from tests.resources.conftest import _public_urls_in_body
from tests.v2.conftest import FakeClock

pytestmark = pytest.mark.vcr


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES / "v2")


@pytest.fixture(scope="module")
def vcr_config(vcr_config: dict[str, Any]) -> dict[str, Any]:
    """The shared settings plus public URLs inside recorded bodies (the presigned upload_url)."""
    return {**vcr_config, "before_record_response": _public_urls_in_body}


@pytest.fixture
def v2_target(request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    base = {"api_key": CASSETTE_KEY, "base_url": "https://api.manus.ai/v1", "max_retries": 0}
    if not _recording(request) or os.environ.get("MANUS_API_KEY"):
        yield {**base, "api_key": os.environ.get("MANUS_API_KEY") or CASSETTE_KEY}
        return
    from manus_openai.emulator import Emulator

    with Emulator(api_key=CASSETTE_KEY, task_duration=0, seed=7, webhook_activation="off") as emulator:
        yield {**base, "redirect": emulator.origin}


def _no_sleep(client: Any) -> None:
    """Sleeps advance a fake clock: a replay never waits, and a request missing from the cassette (an
    APIConnectionError, which a follow retries) ends in V2WaitTimeout instead of spinning."""
    clock = FakeClock()
    client.v2.tasks._monotonic = clock.monotonic
    client.v2.tasks._sleep = clock.sleep if isinstance(client, ManusOpenAI) else clock.asleep


@pytest.fixture
def v2_client(v2_target: dict[str, Any]) -> Iterator[ManusOpenAI]:
    options = dict(v2_target)
    redirect = options.pop("redirect", None)
    if redirect:
        options["http_client"] = httpx.Client(transport=_Redirect(redirect))
    with ManusOpenAI(**options) as client:
        _no_sleep(client)
        yield client


@pytest.fixture
async def async_v2_client(v2_target: dict[str, Any]) -> AsyncIterator[AsyncManusOpenAI]:
    options = dict(v2_target)
    redirect = options.pop("redirect", None)
    if redirect:
        options["http_client"] = httpx.AsyncClient(transport=_AsyncRedirect(redirect))
    async with AsyncManusOpenAI(**options) as client:
        _no_sleep(client)
        yield client


def test_create_follow_confirm(v2_client: ManusOpenAI) -> None:
    created = v2_client.v2.tasks.create("Email the team [[manus:wait=gmailSendAction]]")
    follower = v2_client.v2.tasks.follow(created.task_id, timeout=60)
    first = list(follower)
    assert follower.waiting is not None
    assert follower.waiting.waiting_for_event_type == "gmailSendAction"
    assert follower.confirm(confirmations.reject()).stays_waiting
    assert list(follower) == []
    follower.confirm(confirmations.send_mail(save_draft=True))
    rest = list(follower)
    assert rest[-1].agent_status == "stopped"
    assert len({e.id for e in first + rest}) == len(first + rest)


class City(pydantic.BaseModel):
    name: str
    population: int


async def test_async_ask_reply_and_structured_result(async_v2_client: AsyncManusOpenAI) -> None:
    created = await async_v2_client.v2.tasks.create("Pick a city [[manus:ask=Which one?]]", structured_output=City)
    follower = async_v2_client.v2.tasks.follow(created.task_id, timeout=60)
    assert [e async for e in follower]
    assert follower.waiting is not None
    assert follower.waiting.waiting_for_event_type == "messageAskUser"
    await follower.reply("Kyoto")
    assert [e async for e in follower][-1].agent_status == "stopped"
    city = await async_v2_client.v2.tasks.structured_result(created.task_id, City)
    assert isinstance(city, City)


def test_files_and_account(v2_client: ManusOpenAI) -> None:
    uploaded = v2_client.v2.files.upload(b"a,b\n1,2\n", filename="data.csv")
    assert uploaded.status == "uploaded"
    assert v2_client.v2.files.retrieve(uploaded.id).filename == "data.csv"
    v2_client.v2.files.delete(uploaded.id)
    assert any(a.id == "agent-default" for a in v2_client.v2.agents.list())
    assert v2_client.v2.usage.available_credits().total_credits is not None
