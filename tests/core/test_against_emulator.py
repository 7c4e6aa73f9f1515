"""End to end over real loopback HTTP against the bundled emulator, sync and async."""

from __future__ import annotations

from collections.abc import Iterator

import openai
import pytest

from manus_openai import AsyncManusOpenAI, CreditLimitExceededError, ManusOpenAI, ManusResponse
from manus_openai.emulator import Emulator, Fault, ManualClock


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(clock=ManualClock(), task_duration=30) as emulator:
        yield emulator


def on_emulator_clock(client: ManusOpenAI | AsyncManusOpenAI, emu: Emulator) -> None:
    """Make the client's waiting sleep on the emulator's manual clock instead of real time."""
    clock = emu.clock
    assert isinstance(clock, ManualClock)
    client.responses._monotonic = clock.now  # type: ignore[method-assign]
    if isinstance(client, ManusOpenAI):
        client.responses._sleep = emu.advance  # type: ignore[method-assign]
    else:

        async def sleep(seconds: float) -> None:
            emu.advance(seconds)

        client.responses._sleep = sleep  # type: ignore[method-assign]


def posts(emu: Emulator, path: str = "/v1/responses") -> int:
    return sum(1 for r in emu.requests if r.method == "POST" and r.path == path)


def test_create_wait_and_read_the_answer(emu: Emulator) -> None:
    client = emu.client(responses_view="manus", max_retries=0)
    on_emulator_clock(client, emu)
    created = client.responses.create(input="What's the color of the sky? [[manus:files=2]]", task_mode="agent")
    assert created.status == "running"
    done = client.responses.wait(created.id, timeout=600)
    assert isinstance(done, ManusResponse)
    assert done.status == "completed"
    assert "What's the color of the sky?" in done.output_text
    assert "[[manus" not in done.output_text
    assert len(done.output_files) == 2
    assert all(f.file_url and f.file_name and f.mime_type for f in done.output_files)
    assert done.credit_usage is not None
    assert done.task_url
    sent = next(r for r in emu.requests if r.method == "POST")
    assert sent.headers["api_key"] == "[REDACTED]"
    assert sent.json()["task_mode"] == "agent"
    assert sent.json()["input"][0]["content"][0]["type"] == "input_text"


async def test_async_create_and_wait(emu: Emulator) -> None:
    async with emu.async_client(responses_view="manus", max_retries=0) as client:
        on_emulator_clock(client, emu)
        done = await client.responses.create_and_wait(input="Plan a picnic", timeout=600)
        assert done.status == "completed"
        assert "Plan a picnic" in done.output_text


def test_pending_then_follow_up_completes(emu: Emulator) -> None:
    client = emu.client(responses_view="manus", max_retries=0)
    on_emulator_clock(client, emu)
    first = client.responses.create_and_wait(input="Book a table [[manus:ask=For how many people?]]", timeout=600)
    assert first.status == "pending"
    assert "For how many people?" in first.output_text
    follow = client.responses.create(input="Four people", previous_response_id=first.id)
    assert follow.id == first.id
    done = client.responses.wait(follow.id, timeout=600)
    assert done.status == "completed"


def test_task_id_continuation_and_both_at_once(emu: Emulator) -> None:
    client = emu.client(responses_view="manus", max_retries=0)
    on_emulator_clock(client, emu)
    first = client.responses.create_and_wait(input="Hello", timeout=600)
    again = client.responses.create(input="More please", task_id=first.id)
    assert again.id == first.id
    with pytest.raises(ValueError, match="not both"):
        client.responses.create(input="x", task_id=first.id, previous_response_id=first.id)


def test_error_scenario_is_returned_not_raised(emu: Emulator) -> None:
    client = emu.client(responses_view="manus", max_retries=0)
    on_emulator_clock(client, emu)
    done = client.responses.create_and_wait(input="Do the impossible [[manus:error=tool crashed]]", timeout=600)
    assert done.status == "error"


def test_delete_then_retrieve_is_not_found(emu: Emulator) -> None:
    client = emu.client(responses_view="manus", max_retries=0)
    created = client.responses.create(input="Temporary")
    client.responses.delete(created.id)
    with pytest.raises(openai.NotFoundError):
        client.responses.retrieve(created.id)


def test_wrong_key_is_an_authentication_error(emu: Emulator) -> None:
    client = ManusOpenAI(responses_view="manus", api_key="mk-wrong", base_url=emu.base_url, max_retries=0)
    with pytest.raises(openai.AuthenticationError) as info:
        client.responses.retrieve("anything")
    assert "mk-wrong" not in str(info.value)


def test_a_429_on_create_is_retried_and_creates_one_task(emu: Emulator) -> None:
    emu.faults.add(Fault.rate_limited(retry_after=0.01), "POST", "/v1/responses", calls=[1])
    client = emu.client(responses_view="manus", max_retries=2)
    client.responses.create(input="Once only")
    assert posts(emu) == 2
    assert len(client.get("/tasks", cast_to=object)["data"]) == 1  # type: ignore[index]


@pytest.mark.parametrize("fault", [Fault.server_error(500), Fault.server_error(502), Fault.drop()])
def test_a_failed_create_is_not_sent_again(emu: Emulator, fault: Fault) -> None:
    emu.faults.add(fault, "POST", "/v1/responses", calls=[1])
    client = emu.client(responses_view="manus", max_retries=2)
    with pytest.raises(openai.APIError):
        client.responses.create(input="Maybe created")
    assert posts(emu) == 1


def test_credit_limit_is_typed_and_not_retried(emu: Emulator) -> None:
    emu.faults.add(Fault.credit_limit(), "POST", "/v1/responses")
    client = emu.client(responses_view="manus", max_retries=2)
    with pytest.raises(CreditLimitExceededError) as info:
        client.responses.create(input="No credits")
    assert info.value.code == 8  # type: ignore[comparison-overlap]
    assert posts(emu) == 1


def test_wait_survives_faults_while_polling(emu: Emulator) -> None:
    emu.faults.add(Fault.rate_limited(retry_after=1), "GET", "/v1/responses/*", calls=[1])
    emu.faults.add(Fault.server_error(503), "GET", "/v1/responses/*", calls=[2])
    emu.faults.add(Fault.drop(), "GET", "/v1/responses/*", calls=[3])
    client = emu.client(responses_view="manus", max_retries=0)
    on_emulator_clock(client, emu)
    created = client.responses.create(input="Resilient")
    assert client.responses.wait(created.id, timeout=600).status == "completed"


async def test_async_wait_survives_faults_while_polling(emu: Emulator) -> None:
    emu.faults.add(Fault.server_error(502), "GET", "/v1/responses/*", calls=[1, 2])
    emu.faults.add(Fault.drop(), "GET", "/v1/responses/*", calls=[3])
    async with emu.async_client(responses_view="manus", max_retries=0) as client:
        on_emulator_clock(client, emu)
        created = await client.responses.create(input="Resilient too")
        assert (await client.responses.wait(created.id, timeout=600)).status == "completed"


def test_plain_seed_style_client_and_ours_see_the_same_task(emu: Emulator) -> None:
    plain = openai.OpenAI(base_url=emu.base_url, api_key="**", default_headers={"API_KEY": emu.api_key}, max_retries=0)
    ours = emu.client(responses_view="manus", max_retries=0)
    created = plain.responses.create(
        model="manus-1.6",
        input=[{"role": "user", "content": [{"type": "input_text", "text": "Shared"}]}],
        extra_body={"task_mode": "agent", "agent_profile": "quality"},
    )
    assert ours.responses.retrieve(created.id).id == created.id


def test_unsupported_endpoint_sends_nothing_to_the_emulator(emu: Emulator) -> None:
    from manus_openai import UnsupportedEndpointError

    client = emu.client(responses_view="manus", max_retries=0)
    with pytest.raises(UnsupportedEndpointError):
        client.embeddings.create(model="text-embedding-3-small", input="x")
    assert emu.requests == []
