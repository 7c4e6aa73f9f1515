"""``_bridge.stream_events``: a turn as OpenAI stream events, checked against the SDK's own models and accumulator."""

from __future__ import annotations

from typing import Any

import pytest
from openai.lib.streaming.responses._responses import ResponseStreamState
from openai.types.responses import ResponseStreamEvent

from manus_openai import _bridge
from manus_openai._bridge import Message, Note, Snapshot, stream_events
from manus_openai._bridge._events import CHUNK, chunks
from manus_openai._compat import NOT_GIVEN
from manus_openai.resources.response_streams import _StreamEvent
from manus_openai.resources.response_streams import accumulate as sdk_accumulate

FIELDS = {"model": "manus-1.6-agent", "created_at": 1760000000.0, "metadata": {"task_url": "u", "credit_usage": "1"}}
USER = Message("user", "m_u", ({"type": "input_text", "text": "Plan a trip"},))
LONG = "The plan: " + "see the temples, " * 12


def said(text: str, mid: str) -> Message:
    return Message("assistant", mid, ({"type": "output_text", "text": text},))


def snap(status: str, *messages: Message, notes: tuple[Note, ...] = (), credits: str = "1") -> Snapshot:
    fields = {**FIELDS, "metadata": {"task_url": "u", "credit_usage": credits}}
    return Snapshot("T", status, (USER, *messages), fields, notes)


def types(events: list[dict[str, Any]]) -> list[str]:
    return [e["type"] for e in events]


def accumulate(events: list[dict[str, Any]]) -> tuple[list[Any], Any]:
    """The events as the SDK's models, through the SDK's own accumulator; its final response."""
    state: ResponseStreamState[Any] = ResponseStreamState(input_tools=NOT_GIVEN, text_format=NOT_GIVEN)
    fired = []
    for data in events:
        fired.extend(sdk_accumulate(state, _StreamEvent.build(response=None, data=data)))  # type: ignore[arg-type]
    return fired, state._completed_response


GROWING = [
    snap("running"),
    snap("running", notes=(Note("status", "Reading sources", 1, "ev1"),), credits="2"),
    snap("running", said("Day one: Kyoto.", "m1"), notes=(Note("status", "Reading sources", 1, "ev1"),), credits="3"),
    snap(
        "running", said("Day one: Kyoto.", "m1"),
        notes=(Note("status", "Reading sources", 1, "ev1"), Note("plan", "Book hotels", 2, "ev2")), credits="4",
    ),
    snap(
        "completed", said("Day one: Kyoto.", "m1"), said(LONG, "m2"),
        notes=(Note("status", "Reading sources", 1, "ev1"), Note("plan", "Book hotels", 2, "ev2")), credits="5",
    ),
]  # fmt: skip


def test_a_finished_turn_streams_in_openai_order() -> None:
    events = stream_events(snap("completed", said("Blue.", "m1")), 1)
    assert types(events) == [
        "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
        "response.output_text.delta", "response.output_text.done", "response.content_part.done",
        "response.output_item.done", "response.completed",
    ]  # fmt: skip
    assert [e["sequence_number"] for e in events] == list(range(len(events)))


def test_each_event_is_built_as_its_own_sdk_model() -> None:
    for data in stream_events(GROWING[-1], 1):
        event = _StreamEvent.build(response=None, data=data)  # type: ignore[arg-type]
        assert event.type == data["type"]
        assert event.sequence_number == data["sequence_number"]
        assert type(event).__name__.startswith("Response")
        if data["type"] in ("response.created", "response.completed", "response.output_item.added"):
            assert (
                type(event).__name__.lower().replace("event", "").endswith(data["type"].split(".")[-1].replace("_", ""))
            )


def test_the_sdk_accumulator_rebuilds_the_non_streamed_response() -> None:
    final = GROWING[-1]
    fired, completed = accumulate(stream_events(final, 1))
    expected = _bridge.openai_response(final, 1)
    assert completed is not None
    assert completed.id == expected["id"] == "T~1"
    assert completed.output_text == "Day one: Kyoto." + LONG
    assert [item.id for item in completed.output] == [item["id"] for item in expected["output"]]
    assert completed.status == "completed"
    deltas = [e.snapshot for e in fired if e.type == "response.output_text.delta"]
    assert deltas[-1] == LONG  # the SDK's per-part text snapshot grows to the whole text


def test_text_arrives_in_fixed_chunks_that_join_to_the_text() -> None:
    events = stream_events(snap("completed", said(LONG, "m1")), 1)
    pieces = [e["delta"] for e in events if e["type"] == "response.output_text.delta"]
    assert pieces == chunks(LONG)
    assert "".join(pieces) == LONG
    assert all(len(p) <= CHUNK for p in pieces)
    assert chunks("") == []


@pytest.mark.parametrize(("earlier", "later"), [(i, i + 1) for i in range(len(GROWING) - 1)])
def test_the_events_of_a_growing_task_are_a_prefix_of_its_later_events(earlier: int, later: int) -> None:
    before = stream_events(GROWING[earlier], 1)
    after = stream_events(GROWING[later], 1)
    assert after[: len(before)] == before


def test_reading_the_same_state_twice_gives_the_same_events() -> None:
    assert stream_events(GROWING[-1], 1) == stream_events(GROWING[-1], 1)


@pytest.mark.parametrize("state", GROWING[:-1])
def test_a_running_turn_never_ends_its_stream(state: Snapshot) -> None:
    assert not set(types(stream_events(state, 1))) & _bridge.TERMINAL_EVENTS


def test_notes_are_reasoning_items_between_the_messages_where_the_log_has_them() -> None:
    events = stream_events(GROWING[-1], 1)
    added = [e["item"] for e in events if e["type"] == "response.output_item.added"]
    assert [(i["type"], i["id"]) for i in added] == [
        ("reasoning", "ev1"), ("message", "m1"), ("reasoning", "ev2"), ("message", "m2"),
    ]  # fmt: skip
    assert [i.get("manus_kind") for i in added] == ["status", None, "plan", None]
    summary = [e["delta"] for e in events if e["type"] == "response.reasoning_summary_text.delta"]
    assert summary == ["Reading sources", "Book hotels"]
    indexes = [e["output_index"] for e in events if e["type"] == "response.output_item.added"]
    assert indexes == [0, 1, 2, 3]


def test_notes_of_a_later_turn_stay_out_of_an_earlier_turn() -> None:
    follow_up = Message("user", "m_u2", ({"type": "input_text", "text": "Shorter"},))
    state = Snapshot(
        "T", "running", (USER, said("Long plan", "m1"), follow_up), FIELDS,
        (Note("status", "turn one", 1), Note("status", "turn two", 3)),
    )  # fmt: skip
    one = [e["delta"] for e in stream_events(state, 1) if e["type"] == "response.reasoning_summary_text.delta"]
    two = [e["delta"] for e in stream_events(state, 2) if e["type"] == "response.reasoning_summary_text.delta"]
    assert (one, two) == (["turn one"], ["turn two"])
    assert types(stream_events(state, 1))[-1] == "response.completed"  # the conversation moved on past turn 1


def test_a_failed_turn_ends_with_response_failed_carrying_manus_message() -> None:
    state = Snapshot("T", "error", (USER,), {**FIELDS, "error": "the browser crashed"})
    last = stream_events(state, 1)[-1]
    assert last["type"] == "response.failed"
    assert last["response"]["error"] == {"code": "server_error", "message": "the browser crashed"}


def test_a_turn_waiting_for_the_user_ends_incomplete_with_the_question_streamed() -> None:
    events = stream_events(snap("pending", said("Which city?", "m1")), 1)
    assert events[-1]["type"] == "response.incomplete"
    assert events[-1]["response"]["incomplete_details"] == {"reason": "waiting_for_user"}
    assert [e["delta"] for e in events if e["type"] == "response.output_text.delta"] == ["Which city?"]
    fired, _ = accumulate(events)
    assert fired[-1].response.output_text == "Which city?"


def test_a_stopped_turn_ends_incomplete_with_status_cancelled() -> None:
    last = stream_events(snap("stopped"), 1)[-1]
    assert (last["type"], last["response"]["status"]) == ("response.incomplete", "cancelled")


def test_response_created_carries_only_what_is_fixed_at_creation() -> None:
    first = stream_events(GROWING[0], 1)[0]["response"]
    assert first["status"] == "in_progress"
    assert first["output"] == []
    assert first["metadata"] == {"task_url": "u"}  # credit_usage moves while the task runs
    assert first["model"] == "manus-1.6-agent"


def test_an_output_file_is_a_content_part_without_text_deltas() -> None:
    part = {"type": "output_file", "fileUrl": "http://x/r.md", "fileName": "r.md", "mimeType": "text/markdown"}
    message = Message("assistant", "m1", ({"type": "output_text", "text": "Done."}, part))
    events = stream_events(snap("completed", message), 1)
    files = [e for e in events if e["type"].startswith("response.content_part") and e["content_index"] == 1]
    assert [e["type"] for e in files] == ["response.content_part.added", "response.content_part.done"]
    assert files[0]["part"]["file_url"] == "http://x/r.md"
    assert files[0]["part"]["filename"] == "r.md"
    _, completed = accumulate(events)
    assert completed.output_text == "Done."
    assert completed.output[0].content[1].type == "output_file"


def test_every_event_type_is_one_the_installed_sdk_names_or_a_reasoning_event() -> None:
    known = set()
    for variant in ResponseStreamEvent.__args__[0].__args__:  # type: ignore[attr-defined]
        known.update(variant.model_fields["type"].annotation.__args__)
    seen = set(types(stream_events(GROWING[-1], 1)))
    assert {t for t in seen if "reasoning" not in t} <= known
