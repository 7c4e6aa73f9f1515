"""Streams against the bundled emulator on loopback, on a manual clock: sync and async twins of each behaviour."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import openai
import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.emulator import Emulator, ManualClock
from manus_openai.emulator._faults import Fault
from manus_openai.errors import StreamingNotSupportedError

DURATION = 5.0


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(start=1_760_000_000)


@pytest.fixture
def emu(clock: ManualClock) -> Iterator[Emulator]:
    with Emulator(clock=clock, task_duration=DURATION, seed=3, webhook_activation="off") as emulator:
        yield emulator


@pytest.fixture
def client(emu: Emulator, clock: ManualClock) -> Iterator[ManusOpenAI]:
    with ManusOpenAI(api_key=emu.api_key, base_url=emu.base_url, max_retries=0) as c:
        c.responses._sleep = clock.advance  # type: ignore[method-assign,assignment]  # sleeping moves the emulator's clock
        yield c


@pytest.fixture
def v1client(emu: Emulator, clock: ManualClock) -> Iterator[ManusOpenAI]:
    """The v1 backend (no event log: whole messages, no notes), where the tests count v1 requests."""
    with ManusOpenAI(api_key=emu.api_key, base_url=emu.base_url, max_retries=0, responses_backend="v1") as c:
        c.responses._sleep = clock.advance  # type: ignore[method-assign,assignment]
        yield c


@pytest.fixture
async def v1aclient(emu: Emulator, clock: ManualClock) -> AsyncIterator[AsyncManusOpenAI]:
    async def advance(seconds: float) -> None:
        clock.advance(seconds)

    async with AsyncManusOpenAI(api_key=emu.api_key, base_url=emu.base_url, max_retries=0, responses_backend="v1") as c:
        c.responses._sleep = advance  # type: ignore[method-assign]
        yield c


@pytest.fixture
async def aclient(emu: Emulator, clock: ManualClock) -> AsyncIterator[AsyncManusOpenAI]:
    async def advance(seconds: float) -> None:
        clock.advance(seconds)

    async with AsyncManusOpenAI(api_key=emu.api_key, base_url=emu.base_url, max_retries=0) as c:
        c.responses._sleep = advance  # type: ignore[method-assign]
        yield c


def dump(event: Any) -> dict[str, Any]:
    data: dict[str, Any] = event.to_dict(warnings=False)
    data.pop("snapshot", None)  # added by the SDK's accumulator (ResponseStream), not sent
    data.pop("parsed", None)
    return data


def final_view(response: Any) -> dict[str, Any]:
    """A response as JSON, without what ``ParsedResponse`` adds (``parsed``) and the credits, which move."""
    data = response.to_dict(warnings=False)
    for item in data.get("output", []):
        for part in item.get("content", []):
            part.pop("parsed", None)
    data.pop("output_parsed", None)
    data.get("metadata", {}).pop("credit_usage", None)
    return {k: v for k, v in data.items() if k not in ("background", "_request_id")}


def gets(emu: Emulator) -> int:
    """Reads of the task (v1 ``GET /responses/{id}``; v2 ``task.detail`` / ``task.listMessages``)."""
    return sum(1 for r in emu.requests if r.method == "GET")


def polls(emu: Emulator) -> int:
    """Polls of the task: v1 ``GET /responses/{id}`` or v2 ``task.detail`` (one per poll on either)."""
    return sum(1 for r in emu.requests if r.method == "GET" and "task.listMessages" not in r.path)


def creates(emu: Emulator) -> int:
    return sum(
        1 for r in emu.requests if r.method == "POST" and r.path.rstrip("/").endswith(("/responses", "task.create"))
    )


def finished(client: ManusOpenAI, clock: ManualClock, prompt: str = "Plan a trip [[manus:files=1]]") -> str:
    created = client.responses.create(input=prompt, background=True)
    clock.advance(DURATION + 1)
    return created.id


# ---------------------------------------------------------------------------- order, types, final response
def test_stream_yields_the_sdk_events_in_openai_order(v1client: ManusOpenAI) -> None:
    with v1client.responses.stream(input="Plan a trip") as stream:
        events = list(stream)
    assert [e.type for e in events] == [
        "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
        "response.output_text.delta", "response.output_text.done", "response.content_part.done",
        "response.output_item.done", "response.completed",
    ]  # fmt: skip
    assert [e.sequence_number for e in events] == list(range(len(events)))
    assert isinstance(events[0], openai.types.responses.ResponseCreatedEvent)
    assert isinstance(events[-1], openai.types.responses.ResponseCompletedEvent)
    assert events[0].response.status == "in_progress"


def test_on_v2_the_event_log_notes_stream_as_reasoning_items_before_the_answer(client: ManusOpenAI) -> None:
    with client.responses.stream(input="Plan a trip") as stream:
        events = list(stream)
        final = stream.get_final_response()
    assert [e.sequence_number for e in events] == list(range(len(events)))
    items = [e.item for e in events if e.type == "response.output_item.added"]
    assert items[0].type == "reasoning"  # the agent's first status brief comes before any answer
    assert [i.id for i in items if i.type == "message"] == [o.id for o in final.output]
    summaries = [e.text for e in events if e.type == "response.reasoning_summary_text.done"]
    assert summaries
    assert all(summaries)
    assert "".join(e.delta for e in events if e.type == "response.output_text.delta") == final.output_text
    assert [o.type for o in final.output] == ["message"]  # as the non-streamed response


async def test_on_v2_the_event_log_notes_stream_as_reasoning_items_before_the_answer_async(
    aclient: AsyncManusOpenAI,
) -> None:
    async with aclient.responses.stream(input="Plan a trip") as stream:
        events = [e async for e in stream]
    assert {e.item.type for e in events if e.type == "response.output_item.added"} == {"reasoning", "message"}
    assert events[-1].type == "response.completed"


async def test_stream_yields_the_sdk_events_in_openai_order_async(aclient: AsyncManusOpenAI) -> None:
    async with aclient.responses.stream(input="Plan a trip") as stream:
        events = [e async for e in stream]
    assert [e.type for e in events][:2] == ["response.created", "response.in_progress"]
    assert events[-1].type == "response.completed"
    assert [e.sequence_number for e in events] == list(range(len(events)))
    assert isinstance(events[-1], openai.types.responses.ResponseCompletedEvent)


def test_final_response_equals_the_non_streamed_result(client: ManusOpenAI) -> None:
    with client.responses.stream(input="Plan a trip [[manus:files=1]]") as stream:
        final = stream.get_final_response()
    assert final.output_text.startswith("Emulated answer")
    assert final_view(final) == final_view(client.responses.retrieve(final.id))


async def test_final_response_equals_the_non_streamed_result_async(aclient: AsyncManusOpenAI) -> None:
    async with aclient.responses.stream(input="Plan a trip [[manus:files=1]]") as stream:
        final = await stream.get_final_response()
    assert final_view(final) == final_view(await aclient.responses.retrieve(final.id))


def test_deltas_join_to_the_answer_and_until_done_consumes_the_stream(client: ManusOpenAI) -> None:
    with client.responses.stream(input="Plan a trip") as stream:
        text = "".join(e.delta for e in stream if e.type == "response.output_text.delta")
        assert stream.until_done() is stream
    assert text == stream.get_final_response().output_text


# ---------------------------------------------------------------------------- create(stream=True)
def test_create_stream_true_returns_an_sdk_stream_and_sends_one_create(client: ManusOpenAI, emu: Emulator) -> None:
    stream = client.responses.create(input="Plan a trip", stream=True)  # type: ignore[typeddict-item]  # typed non-streaming
    assert isinstance(stream, openai.Stream)
    events = list(stream)
    assert events[-1].type == "response.completed"
    assert creates(emu) == 1
    assert events[-1].response.background is False  # as the blocking create says


async def test_create_stream_true_returns_an_sdk_stream_and_sends_one_create_async(
    aclient: AsyncManusOpenAI, emu: Emulator
) -> None:
    stream = await aclient.responses.create(input="Plan a trip", stream=True)  # type: ignore[typeddict-item]
    assert isinstance(stream, openai.AsyncStream)
    events = [e async for e in stream]
    assert events[-1].type == "response.completed"
    assert creates(emu) == 1


@pytest.mark.parametrize("backend", ["v1", "v2"])
def test_a_streamed_task_polls_as_often_as_wait_does(backend: str, emu: Emulator, clock: ManualClock) -> None:
    with ManusOpenAI(api_key=emu.api_key, base_url=emu.base_url, responses_backend=backend) as client:  # type: ignore[arg-type]
        client.responses._sleep = clock.advance  # type: ignore[method-assign,assignment]
        list(client.responses.create(input="Plan a trip", stream=True))
        streamed, streamed_polls = gets(emu), polls(emu)
        emu.clear_requests()
        created = client.responses.create(input="Plan a trip", background=True)
        client.responses.wait(created.id)
    assert streamed_polls == polls(emu) == 3  # at 0, 1 and 5 s: _polling's schedule
    if backend == "v1":
        assert streamed == gets(emu)
    else:  # each poll of a stream reads the log for new messages; wait() reads it only when the task stops
        assert streamed == 2 * streamed_polls
        assert gets(emu) == streamed_polls + 2


# ---------------------------------------------------------------------------- resume, replay
def test_resume_after_a_drop_at_every_position(client: ManusOpenAI, clock: ManualClock) -> None:
    response_id = finished(client, clock)
    full = [dump(e) for e in client.responses.retrieve(response_id, stream=True)]
    assert full[-1]["type"] == "response.completed"
    for n in range(-1, len(full)):
        resumed = [dump(e) for e in client.responses.retrieve(response_id, stream=True, starting_after=n)]
        assert resumed == full[n + 1 :], n
        with client.responses.stream(response_id=response_id, starting_after=n) as stream:
            assert [e.sequence_number for e in stream] == list(range(n + 1, len(full)))
        assert stream.get_final_response().id == response_id


async def test_resume_after_a_drop_at_every_position_async(aclient: AsyncManusOpenAI, clock: ManualClock) -> None:
    created = await aclient.responses.create(input="Plan a trip [[manus:files=1]]", background=True)
    clock.advance(DURATION + 1)
    full = [dump(e) async for e in await aclient.responses.retrieve(created.id, stream=True)]
    for n in range(-1, len(full)):
        stream = await aclient.responses.retrieve(created.id, stream=True, starting_after=n)
        assert [dump(e) async for e in stream] == full[n + 1 :], n
        async with aclient.responses.stream(response_id=created.id, starting_after=n) as managed:
            assert [e.sequence_number async for e in managed] == list(range(n + 1, len(full)))


def test_a_stream_dropped_while_the_task_runs_resumes_with_no_gap_and_no_duplicate(
    client: ManusOpenAI, clock: ManualClock
) -> None:
    seen: list[dict[str, Any]] = []
    with client.responses.stream(input="Plan a trip") as stream:
        for event in stream:
            seen.append(dump(event))
            if event.type == "response.in_progress":
                break  # the task is still running
    response_id = seen[0]["response"]["id"]
    assert client.responses.retrieve(response_id).status == "in_progress"
    with client.responses.stream(response_id=response_id, starting_after=seen[-1]["sequence_number"]) as stream:
        seen.extend(dump(e) for e in stream)
    with client.responses.stream(response_id=response_id) as stream:
        replay = [dump(e) for e in stream]
    assert [e["sequence_number"] for e in seen] == list(range(len(replay)))
    assert seen[2:-1] == replay[2:-1]  # created/in_progress show the task as created either way
    assert seen[-1]["type"] == replay[-1]["type"] == "response.completed"
    assert seen[-1]["response"]["output"][0]["id"] == replay[-1]["response"]["output"][0]["id"]


def test_the_same_stream_read_twice_is_identical(client: ManusOpenAI, clock: ManualClock) -> None:
    response_id = finished(client, clock)
    first = [dump(e) for e in client.responses.retrieve(response_id, stream=True)]
    second = [dump(e) for e in client.responses.retrieve(response_id, stream=True)]
    assert first == second


async def test_the_same_stream_read_twice_is_identical_async(aclient: AsyncManusOpenAI, clock: ManualClock) -> None:
    created = await aclient.responses.create(input="Plan a trip", background=True)
    clock.advance(DURATION + 1)
    first = [dump(e) async for e in await aclient.responses.retrieve(created.id, stream=True)]
    second = [dump(e) async for e in await aclient.responses.retrieve(created.id, stream=True)]
    assert first == second


# ---------------------------------------------------------------------------- consumers that stop
def test_a_consumer_that_breaks_early_stops_the_polling(client: ManusOpenAI, emu: Emulator, clock: ManualClock) -> None:
    with client.responses.stream(input="Plan a trip [[manus:forever]]") as stream:
        for event in stream:
            if event.type == "response.in_progress":
                break
        sent = len(emu.requests)
        clock.advance(600)
    assert len(emu.requests) == sent  # leaving the block closed the stream
    with pytest.raises(StopIteration):
        next(stream)
    assert len(emu.requests) == sent


async def test_a_consumer_that_breaks_early_stops_the_polling_async(
    aclient: AsyncManusOpenAI, emu: Emulator, clock: ManualClock
) -> None:
    async with aclient.responses.stream(input="Plan a trip [[manus:forever]]") as stream:
        async for event in stream:
            if event.type == "response.in_progress":
                break
        sent = len(emu.requests)
        clock.advance(600)
    assert len(emu.requests) == sent
    with pytest.raises(StopAsyncIteration):
        await stream.__anext__()
    assert len(emu.requests) == sent


def test_closing_a_raw_stream_stops_the_polling(client: ManusOpenAI, emu: Emulator) -> None:
    stream = client.responses.create(input="Plan a trip [[manus:forever]]", stream=True)  # type: ignore[typeddict-item]
    assert next(iter(stream)).type == "response.created"
    stream.close()
    sent = len(emu.requests)
    assert list(stream) == []
    assert len(emu.requests) == sent


async def test_closing_a_raw_stream_stops_the_polling_async(aclient: AsyncManusOpenAI, emu: Emulator) -> None:
    stream = await aclient.responses.create(input="Plan a trip [[manus:forever]]", stream=True)  # type: ignore[typeddict-item]
    assert (await stream.__anext__()).type == "response.created"
    await stream.close()
    sent = len(emu.requests)
    assert [e async for e in stream] == []
    assert len(emu.requests) == sent


class Enough(Exception):
    pass


def test_a_running_task_never_ends_its_stream(client: ManusOpenAI, emu: Emulator, clock: ManualClock) -> None:
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        if len(slept) == 15:
            raise Enough  # the test's way out: the stream itself would poll for as long as the task runs
        slept.append(seconds)
        clock.advance(seconds)

    client.responses._sleep = sleep  # type: ignore[method-assign,assignment]
    stream = client.responses.create(input="Plan a trip [[manus:forever]]", stream=True)  # type: ignore[typeddict-item]
    seen: list[str] = []

    def consume() -> None:
        for event in stream:
            seen.append(event.type)

    with pytest.raises(Enough):
        consume()
    assert seen[:2] == ["response.created", "response.in_progress"]
    assert not set(seen) & {"response.completed", "response.failed", "response.incomplete"}
    assert slept[:4] == [1.0, 4.0, 5.0, 5.0]  # _polling's schedule
    assert gets(emu) >= 16  # 16 polls (a v2 poll reads task.detail and the event log)


# ---------------------------------------------------------------------------- failed, asking
def test_a_failed_task_ends_with_response_failed(client: ManusOpenAI) -> None:
    with client.responses.stream(input="Plan a trip [[manus:error=the browser crashed]]") as stream:
        events = list(stream)
    assert events[-1].type == "response.failed"
    assert events[-1].response.error.message == "the browser crashed"
    with pytest.raises(RuntimeError, match=r"response\.completed"):
        stream.get_final_response()  # the SDK's own behaviour for a failed stream


async def test_a_failed_task_ends_with_response_failed_async(aclient: AsyncManusOpenAI) -> None:
    async with aclient.responses.stream(input="Plan a trip [[manus:error=boom]]") as stream:
        events = [e async for e in stream]
    assert events[-1].type == "response.failed"
    assert events[-1].response.error.message == "boom"


def test_a_task_that_asks_ends_incomplete_with_the_question(client: ManusOpenAI) -> None:
    with client.responses.stream(input="Plan a trip [[manus:ask=Which city?]]") as stream:
        events = list(stream)
    last = events[-1]
    assert last.type == "response.incomplete"
    assert last.response.incomplete_details.reason == "waiting_for_user"
    assert last.response.output_text == "Which city?"
    assert "".join(e.delta for e in events if e.type == "response.output_text.delta") == "Which city?"
    answered = client.responses.create(input="Kyoto", previous_response_id=last.response.id)
    assert answered.status == "completed"


async def test_a_task_that_asks_ends_incomplete_with_the_question_async(aclient: AsyncManusOpenAI) -> None:
    async with aclient.responses.stream(input="Plan a trip [[manus:ask=Which city?]]") as stream:
        events = [e async for e in stream]
    assert events[-1].type == "response.incomplete"
    assert events[-1].response.output_text == "Which city?"


# ---------------------------------------------------------------------------- rate limits, errors
def test_a_rate_limited_poll_waits_the_hinted_delay_and_the_stream_goes_on(
    v1client: ManusOpenAI, emu: Emulator, clock: ManualClock
) -> None:
    client = v1client
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.advance(seconds)

    client.responses._sleep = sleep  # type: ignore[method-assign,assignment]
    emu.faults.add(Fault.rate_limited(retry_after=20), "GET", "/v1/responses/*", calls=[1])
    with client.responses.stream(input="Plan a trip") as stream:
        assert stream.get_final_response().status == "completed"
    assert 20 <= slept[0] <= 30  # the hint (plus jitter), not the schedule's 1 s


def test_a_follow_up_turn_streams_its_own_events(client: ManusOpenAI) -> None:
    first = client.responses.create(input="Plan a trip")
    with client.responses.stream(input="Shorter", previous_response_id=first.id) as stream:
        final = stream.get_final_response()
    assert final.id.endswith("~2")
    assert final.previous_response_id == first.id


def test_an_unknown_turn_is_a_404_before_streaming(client: ManusOpenAI, clock: ManualClock) -> None:
    response_id = finished(client, clock)
    with pytest.raises(openai.NotFoundError, match="has 1 turn"):
        client.responses.retrieve(f"{response_id.split('~')[0]}~5", stream=True)


@pytest.mark.parametrize("bad", [-2, "3", 1.5, True])
def test_a_bad_starting_after_is_refused_before_any_request(client: ManusOpenAI, emu: Emulator, bad: Any) -> None:
    with pytest.raises(ValueError, match="starting_after"):
        client.responses.retrieve("t1", stream=True, starting_after=bad)
    with pytest.raises(ValueError, match="starting_after"):
        client.responses.stream(response_id="t1", starting_after=bad)
    assert emu.requests == []


def test_stream_refuses_a_response_id_with_create_arguments(client: ManusOpenAI, emu: Emulator) -> None:
    with pytest.raises(ValueError, match="input"):
        client.responses.stream(response_id="t1", input="hi")
    with pytest.raises(TypeError, match="input="):
        client.responses.stream(model="gpt-4o")
    assert emu.requests == []


def test_the_raw_view_refuses_streaming_with_a_typed_error(emu: Emulator) -> None:
    with ManusOpenAI(api_key=emu.api_key, base_url=emu.base_url, responses_view="manus") as raw:
        with pytest.raises(StreamingNotSupportedError, match="responses_view='manus'"):
            raw.responses.stream(input="hi")
        with pytest.raises(StreamingNotSupportedError):
            raw.responses.retrieve("t1", stream=True)
    assert emu.requests == []


# ---------------------------------------------------------------------------- async twins of the rest
async def test_deltas_join_to_the_answer_and_until_done_consumes_the_stream_async(aclient: AsyncManusOpenAI) -> None:
    async with aclient.responses.stream(input="Plan a trip") as stream:
        text = "".join([e.delta async for e in stream if e.type == "response.output_text.delta"])
        assert await stream.until_done() is stream
    assert text == (await stream.get_final_response()).output_text


async def test_a_streamed_task_polls_as_often_as_wait_does_async(v1aclient: AsyncManusOpenAI, emu: Emulator) -> None:
    stream = await v1aclient.responses.create(input="Plan a trip", stream=True)  # type: ignore[typeddict-item]
    assert [e.type async for e in stream][-1] == "response.completed"
    streamed = gets(emu)
    emu.clear_requests()
    created = await v1aclient.responses.create(input="Plan a trip", background=True)
    await v1aclient.responses.wait(created.id)
    assert streamed == gets(emu) == 3


async def test_a_stream_dropped_while_the_task_runs_resumes_with_no_gap_and_no_duplicate_async(
    aclient: AsyncManusOpenAI,
) -> None:
    seen: list[dict[str, Any]] = []
    async with aclient.responses.stream(input="Plan a trip") as stream:
        async for event in stream:
            seen.append(dump(event))
            if event.type == "response.in_progress":
                break
    response_id = seen[0]["response"]["id"]
    async with aclient.responses.stream(response_id=response_id, starting_after=seen[-1]["sequence_number"]) as stream:
        seen.extend([dump(e) async for e in stream])
    async with aclient.responses.stream(response_id=response_id) as stream:
        replay = [dump(e) async for e in stream]
    assert [e["sequence_number"] for e in seen] == list(range(len(replay)))
    assert seen[2:-1] == replay[2:-1]
    assert seen[-1]["type"] == "response.completed"


async def test_a_running_task_never_ends_its_stream_async(
    aclient: AsyncManusOpenAI, emu: Emulator, clock: ManualClock
) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        if len(slept) == 15:
            raise Enough
        slept.append(seconds)
        clock.advance(seconds)

    aclient.responses._sleep = sleep  # type: ignore[method-assign]
    stream = await aclient.responses.create(input="Plan a trip [[manus:forever]]", stream=True)  # type: ignore[typeddict-item]
    seen: list[str] = []

    async def consume() -> None:
        async for event in stream:
            seen.append(event.type)

    with pytest.raises(Enough):
        await consume()
    assert seen[:2] == ["response.created", "response.in_progress"]
    assert not set(seen) & {"response.completed", "response.failed", "response.incomplete"}
    assert slept[:4] == [1.0, 4.0, 5.0, 5.0]
    assert gets(emu) >= 16


async def test_a_rate_limited_poll_waits_the_hinted_delay_and_the_stream_goes_on_async(
    v1aclient: AsyncManusOpenAI, emu: Emulator, clock: ManualClock
) -> None:
    aclient = v1aclient
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.advance(seconds)

    aclient.responses._sleep = sleep  # type: ignore[method-assign]
    emu.faults.add(Fault.rate_limited(retry_after=20), "GET", "/v1/responses/*", calls=[1])
    async with aclient.responses.stream(input="Plan a trip") as stream:
        assert (await stream.get_final_response()).status == "completed"
    assert 20 <= slept[0] <= 30


async def test_a_follow_up_turn_streams_its_own_events_async(aclient: AsyncManusOpenAI) -> None:
    first = await aclient.responses.create(input="Plan a trip")
    async with aclient.responses.stream(input="Shorter", previous_response_id=first.id) as stream:
        final = await stream.get_final_response()
    assert final.id.endswith("~2")


async def test_an_unknown_turn_is_a_404_before_streaming_async(aclient: AsyncManusOpenAI, clock: ManualClock) -> None:
    created = await aclient.responses.create(input="Plan a trip", background=True)
    with pytest.raises(openai.NotFoundError, match="has 1 turn"):
        await aclient.responses.retrieve(f"{created.task_id}~5", stream=True)


@pytest.mark.parametrize("bad", [-2, "3", 1.5, True])
async def test_a_bad_starting_after_is_refused_before_any_request_async(
    aclient: AsyncManusOpenAI, emu: Emulator, bad: Any
) -> None:
    with pytest.raises(ValueError, match="starting_after"):
        await aclient.responses.retrieve("t1", stream=True, starting_after=bad)
    with pytest.raises(ValueError, match="starting_after"):
        aclient.responses.stream(response_id="t1", starting_after=bad)
    assert emu.requests == []


async def test_the_raw_view_refuses_streaming_with_a_typed_error_async(emu: Emulator) -> None:
    async with AsyncManusOpenAI(api_key=emu.api_key, base_url=emu.base_url, responses_view="manus") as raw:
        with pytest.raises(StreamingNotSupportedError, match="responses_view='manus'"):
            raw.responses.stream(input="hi")
        with pytest.raises(StreamingNotSupportedError):
            await raw.responses.create(input="hi", stream=True)  # type: ignore[typeddict-item]
    assert emu.requests == []


# ---------------------------------------------------------------------------- raw views refuse before sending
def _through(resource: Any, view: str, method: str, *args: Any, **kwargs: Any) -> None:
    call = getattr(resource, method)(*args, **kwargs)
    if view == "with_streaming_response":
        with call:
            pass


async def _athrough(resource: Any, view: str, method: str, *args: Any, **kwargs: Any) -> None:
    call = getattr(resource, method)(*args, **kwargs)
    if view == "with_streaming_response":
        async with call:
            pass
    else:
        await call


@pytest.mark.parametrize("view", ["with_raw_response", "with_streaming_response"])
def test_raw_views_of_a_stream_are_refused_before_sending(view: str, client: ManusOpenAI, emu: Emulator) -> None:
    emu.clear_requests()
    resource = getattr(client.responses, view)
    with pytest.raises(StreamingNotSupportedError, match=rf"{view}\.create\(\.\.\., stream=True\)"):
        _through(resource, view, "create", input="Plan a trip", stream=True)
    with pytest.raises(StreamingNotSupportedError, match=rf"{view}\.retrieve\(\.\.\., stream=True\)"):
        _through(resource, view, "retrieve", "T~1", stream=True)
    assert emu.requests == []


@pytest.mark.parametrize("view", ["with_raw_response", "with_streaming_response"])
async def test_raw_views_of_a_stream_are_refused_before_sending_async(
    view: str, aclient: AsyncManusOpenAI, emu: Emulator
) -> None:
    emu.clear_requests()
    resource = getattr(aclient.responses, view)
    with pytest.raises(StreamingNotSupportedError, match=rf"{view}\.create\(\.\.\., stream=True\)"):
        await _athrough(resource, view, "create", input="Plan a trip", stream=True)
    with pytest.raises(StreamingNotSupportedError, match=rf"{view}\.retrieve\(\.\.\., stream=True\)"):
        await _athrough(resource, view, "retrieve", "T~1", stream=True)
    assert emu.requests == []
