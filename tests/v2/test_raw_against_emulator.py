"""The v2 raw and streamed views against the emulator over loopback (sync and async)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Union

import openai
import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.emulator import Emulator, ManualClock
from manus_openai.types.v2 import UserMessageEvent, V2Task
from manus_openai.v2 import confirmations
from tests.v2.conftest import call, drain
from tests.v2.test_raw_responses import streamed

AnyClient = Union[ManusOpenAI, AsyncManusOpenAI]


@pytest.fixture
def clock() -> ManualClock:  # type: ignore[override]  # the emulator's clock, not the respx FakeClock
    return ManualClock(start=1_760_000_000)


@pytest.fixture
def emu(clock: ManualClock) -> Iterator[Emulator]:
    with Emulator(clock=clock, task_duration=5.0, seed=7, webhook_activation="off") as emulator:
        yield emulator


@pytest.fixture(params=["sync", "async"])
async def emu_client(request: pytest.FixtureRequest, emu: Emulator, clock: ManualClock) -> AsyncIterator[AnyClient]:
    client: Any = emu.client(max_retries=0) if request.param == "sync" else emu.async_client(max_retries=0)
    if request.param == "sync":
        client.v2.tasks._sleep = client.v2.files._sleep = emu.advance
    else:

        async def advance(seconds: float) -> None:
            emu.advance(seconds)

        client.v2.tasks._sleep = client.v2.files._sleep = advance
    client.v2.tasks._monotonic = clock.now
    yield client
    await call(client, "close")


async def test_raw_create_retrieve_and_list_parse_to_the_plain_models(emu_client: AnyClient) -> None:
    raw = await call(emu_client, "v2.tasks.with_raw_response.create", "Summarise the news")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    created = raw.parse()
    assert created.task_id
    assert raw.http_response.json()["request_id"] == created.request_id

    task_raw = await call(emu_client, "v2.with_raw_response.tasks.retrieve", created.task_id)
    task = task_raw.parse()
    assert isinstance(task, V2Task)
    assert task == await call(emu_client, "v2.tasks.retrieve", created.task_id)

    page = (await call(emu_client, "with_raw_response.v2.tasks.list", limit=10)).parse()
    assert created.task_id in [t.id for t in page.data]


async def test_streamed_list_messages_gives_typed_events(emu_client: AnyClient) -> None:
    created = await call(emu_client, "v2.tasks.create", "Hello")
    response, page, closed = await streamed(
        emu_client, "v2.tasks.with_streaming_response.list_messages", created.task_id, order="asc"
    )
    assert response.status_code == 200
    assert closed
    assert isinstance(page.events[0], UserMessageEvent)


async def test_raw_confirm_rejection_stays_waiting(emu_client: AnyClient) -> None:
    created = await call(emu_client, "v2.tasks.create", "Email the team [[manus:wait=gmailSendAction]]")
    follower = emu_client.v2.tasks.follow(created.task_id)
    await drain(follower)
    waiting = follower.waiting
    assert waiting is not None
    raw = await call(emu_client, "v2.tasks.with_raw_response.confirm", created.task_id, waiting, confirmations.reject())
    assert raw.parse().stays_waiting is True
    assert (await call(emu_client, "v2.tasks.retrieve", created.task_id)).status == "waiting"


async def test_raw_account_files_and_webhook_calls(emu_client: AnyClient) -> None:
    uploaded = await call(emu_client, "v2.files.upload", b"a,b\n1,2\n", filename="data.csv")
    file_raw = await call(emu_client, "v2.files.with_raw_response.retrieve", uploaded.id)
    assert file_raw.parse() == await call(emu_client, "v2.files.retrieve", uploaded.id)
    credits = (await call(emu_client, "v2.usage.with_raw_response.available_credits")).parse()
    assert credits.total_credits is not None
    agent = (await call(emu_client, "v2.agents.with_raw_response.retrieve", "agent-default")).parse()
    assert agent.id == "agent-default"
    key = (await call(emu_client, "v2.webhooks.with_raw_response.public_key")).parse()
    assert "BEGIN PUBLIC KEY" in key.public_key
    _, project, _ = await streamed(emu_client, "v2.projects.with_streaming_response.create", "Research")
    assert project.id in [p.id for p in (await call(emu_client, "v2.projects.with_raw_response.list")).parse().data]


async def test_raw_view_of_an_unknown_task_raises_not_found(emu_client: AnyClient) -> None:
    with pytest.raises(openai.NotFoundError) as caught:
        await call(emu_client, "v2.tasks.with_raw_response.retrieve", "TeBim6FDQf9peS52xHtAyh")
    assert caught.value.code == "not_found"
    assert caught.value.request_id
