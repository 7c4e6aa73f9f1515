"""Seed 002 end to end through client.v2 against the emulator (ManualClock over loopback; sync and async).

create -> follow -> a confirmation rejected (stays waiting) then accepted -> an ask answered by sendMessage
-> stop and resume -> a structured result parsed into a model; background jobs; files; account calls.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Union

import pydantic
import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.emulator import Emulator, ManualClock
from manus_openai.types.v2 import AssistantMessageEvent, StatusUpdateEvent, UserStopEvent
from manus_openai.v2 import ConfirmationMismatchError, confirmations
from tests.v2.conftest import call, collect, drain

AnyClient = Union[ManusOpenAI, AsyncManusOpenAI]
DURATION = 5.0


@pytest.fixture
def clock() -> ManualClock:  # type: ignore[override]  # the emulator's clock, not the respx FakeClock
    return ManualClock(start=1_760_000_000)


@pytest.fixture
def emu(clock: ManualClock) -> Iterator[Emulator]:
    with Emulator(clock=clock, task_duration=DURATION, seed=7, webhook_activation="off") as emulator:
        yield emulator


@pytest.fixture(params=["sync", "async"])
async def emu_client(request: pytest.FixtureRequest, emu: Emulator, clock: ManualClock) -> AsyncIterator[AnyClient]:
    """A client whose v2 waits advance the emulator's clock instead of sleeping."""
    client: Any
    if request.param == "sync":
        client = emu.client(max_retries=0)
        client.v2.tasks._sleep = emu.advance
        client.v2.files._sleep = emu.advance
    else:
        client = emu.async_client(max_retries=0)

        async def advance(seconds: float) -> None:
            emu.advance(seconds)

        client.v2.tasks._sleep = advance
        client.v2.files._sleep = advance
    client.v2.tasks._monotonic = clock.now
    yield client
    await call(client, "close")


def _types(events: list[Any]) -> list[str]:
    return [e.type for e in events]


async def test_seed_002_confirmation_rejected_then_accepted(emu_client: AnyClient) -> None:
    created = await call(emu_client, "v2.tasks.create", "Email the team [[manus:wait=gmailSendAction]]")
    follower = emu_client.v2.tasks.follow(created.task_id)
    first = await drain(follower)
    assert first[0].type == "user_message"
    waiting = follower.waiting
    assert waiting is not None
    assert waiting.waiting_for_event_type == "gmailSendAction"
    assert waiting.confirm_input_schema

    rejected = await call(follower, "confirm", confirmations.reject())
    assert rejected.stays_waiting
    assert await drain(follower) == []  # no event, still waiting: surfaced, not hung
    assert (await call(emu_client, "v2.tasks.retrieve", created.task_id)).status == "waiting"

    await call(follower, "confirm", confirmations.send_mail(save_draft=True))
    second = await drain(follower)
    ids = [e.id for e in first + second]
    assert len(ids) == len(set(ids))
    last = second[-1]
    assert isinstance(last, StatusUpdateEvent)
    assert last.agent_status == "stopped"
    assert any(isinstance(e, AssistantMessageEvent) for e in second)
    every = await collect(await call(emu_client, "v2.tasks.list_messages", created.task_id, order="asc", limit=200))
    assert ids == [e.id for e in every]  # nothing missed, nothing twice, in order


async def test_seed_002_ask_answered_by_send_message(emu_client: AnyClient) -> None:
    created = await call(emu_client, "v2.tasks.create", "Plan a trip [[manus:ask=Which city?]]", interactive_mode=True)
    follower = emu_client.v2.tasks.follow(created.task_id)
    await drain(follower)
    waiting = follower.waiting
    assert waiting is not None
    assert waiting.waiting_for_event_type == "messageAskUser"
    with pytest.raises(ConfirmationMismatchError, match="reply"):
        await call(follower, "confirm", confirmations.accept())
    await call(follower, "reply", "Kyoto")
    rest = await drain(follower)
    assert _types(rest)[0] == "user_message"
    assert rest[-1].agent_status == "stopped"
    assert (await call(emu_client, "v2.tasks.wait", created.task_id)).status == "stopped"


async def test_seed_002_stop_and_resume(emu_client: AnyClient) -> None:
    created = await call(emu_client, "v2.tasks.create", "Keep going [[manus:forever]]")
    await call(emu_client, "v2.tasks.stop", created.task_id)
    follower = emu_client.v2.tasks.follow(created.task_id)
    events = await drain(follower)
    assert any(isinstance(e, UserStopEvent) for e in events)
    assert events[-1].agent_status == "stopped"
    await call(follower, "reply", "Now finish [[manus:finish]]")
    resumed = await drain(follower)
    assert resumed[-1].agent_status == "stopped"
    assert (await call(emu_client, "v2.tasks.retrieve", created.task_id)).status == "stopped"


class Company(pydantic.BaseModel):
    name: str
    founded: int
    products: list[str]


async def test_seed_002_structured_result_into_a_model(emu_client: AnyClient) -> None:
    created = await call(emu_client, "v2.tasks.create", "Who makes the iPhone?", structured_output=Company)
    done = await call(emu_client, "v2.tasks.wait", created.task_id)
    assert done.status == "stopped"
    company = await call(emu_client, "v2.tasks.structured_result", created.task_id, Company)
    assert isinstance(company, Company)


async def test_stopped_with_background_jobs_is_waited_through(emu_client: AnyClient, clock: ManualClock) -> None:
    created = await call(emu_client, "v2.tasks.create", "Build it [[manus:background=30]]")
    done = await call(emu_client, "v2.tasks.wait", created.task_id)
    assert done.status == "stopped"
    assert done.has_running_background_jobs is False


async def test_upload_then_use_the_file(emu_client: AnyClient) -> None:
    uploaded = await call(emu_client, "v2.files.upload", b"a,b\n1,2\n", filename="data.csv")
    assert uploaded.status == "uploaded"
    created = await call(
        emu_client, "v2.tasks.create", [{"type": "text", "text": "Sum it"}, {"type": "file", "file_id": uploaded.id}]
    )
    assert (await call(emu_client, "v2.tasks.wait", created.task_id)).status == "stopped"
    await call(emu_client, "v2.files.delete", uploaded.id)


async def test_account_endpoints_answer_typed(emu_client: AnyClient) -> None:
    assert await collect(await call(emu_client, "v2.connectors.list"))
    agents = await collect(await call(emu_client, "v2.agents.list"))
    assert any(a.id == "agent-default" for a in agents)
    credits = await call(emu_client, "v2.usage.available_credits")
    assert credits.total_credits is not None
    key = await call(emu_client, "v2.webhooks.public_key")
    assert "BEGIN PUBLIC KEY" in key.public_key
    project = await call(emu_client, "v2.projects.create", "Research", instruction="Cite")
    assert project.id in [p.id for p in await collect(await call(emu_client, "v2.projects.list"))]


async def test_assistant_attachments_download_safely(emu_client: AnyClient, tmp_path: Any) -> None:
    created = await call(emu_client, "v2.tasks.create", "Make files [[manus:files=1]]")
    await call(emu_client, "v2.tasks.wait", created.task_id)
    events = await collect(await call(emu_client, "v2.tasks.list_messages", created.task_id))
    message = next(e for e in events if isinstance(e, AssistantMessageEvent) and e.assistant_message.attachments)
    attachment = message.assistant_message.attachments[0]
    if isinstance(emu_client, AsyncManusOpenAI):
        path = await attachment.adownload(tmp_path, client=emu_client)
        data = await attachment.aread(client=emu_client)
    else:
        path = attachment.download(tmp_path, client=emu_client)
        data = attachment.read(client=emu_client)
    assert path.parent == tmp_path
    assert path.read_bytes() == data
    assert data


def test_follow_survives_the_emulators_rate_limits_and_honours_retry_after(clock: ManualClock) -> None:
    # task.listMessages allows 100 reads a minute; a fixed 0.1 s poll interval hits the limit within seconds.
    with Emulator(clock=clock, task_duration=30, seed=7, webhook_activation="off", rate_limits=True,
                  rate_limit_retry_after=True) as emu, emu.client(max_retries=0) as client:  # fmt: skip
        tasks: Any = client.v2.tasks
        pauses: list[float] = []

        def advance(seconds: float) -> None:
            pauses.append(seconds)
            emu.advance(seconds)

        tasks._sleep = advance
        tasks._monotonic = clock.now
        created = client.v2.tasks.create("Research [[manus:duration=30]]")
        events = list(client.v2.tasks.follow(created.task_id, poll_interval=0.1))
        assert events[-1].agent_status == "stopped"
        limited = [r for r in emu.requests if r.status == 429]
        assert limited, "the poll rate should have met the emulator's limit"
        assert max(pauses) > 1.0  # a Retry-After pause, not the 0.1 s interval
