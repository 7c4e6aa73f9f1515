"""A turn of a Manus task as OpenAI Responses stream events: a pure function of one ``Snapshot``.

``stream_events(snapshot, turn)`` is the whole event list of the turn's state so far, as the JSON dicts
OpenAI's server sends (the SDK's ``ResponseStreamEvent`` models construct from them), ``sequence_number``
being the index. Manus's history only grows (messages and event-log entries are appended, never edited),
so the events of a task read earlier are a **prefix** of the events of the same task read later: a stream
sends ``events[len(already_sent):]`` after each poll, ``starting_after=N`` resumes with no gap and no
duplicate, and reading the same state twice gives the same stream. The list never ends in a terminal
event while the turn is still running.

=================================  =============================================================================
Manus (the turn so far)            OpenAI events, in this order
=================================  =============================================================================
the turn exists                    ``response.created``, ``response.in_progress`` — the response as created
                                   (``status: in_progress``, no output; only the fields fixed at creation, so
                                   the prefix stays stable while credits and status move)
each assistant message             ``response.output_item.added`` (``status: in_progress``, no content), then per
                                   content part ``response.content_part.added``; for an ``output_text`` part its
                                   text in ``response.output_text.delta`` chunks of at most ``CHUNK`` characters
                                   and ``response.output_text.done``; ``response.content_part.done``; finally
                                   ``response.output_item.done`` with the item exactly as the non-streamed
                                   response holds it
an output file (``output_file``    a content part of its message: ``content_part.added`` / ``content_part.done``
part of a message)                 carry the whole part (``file_url``, ``filename``, ``mime_type``, and Manus's
                                   ``fileUrl`` ...); no text deltas
a note (v2 event log only: status  a reasoning item (*chosen*): ``response.output_item.added`` (``type:
brief, plan step, tool use)        reasoning``, ``manus_kind`` = the note's kind), ``response.reasoning_summary_
                                   part.added``, ``response.reasoning_summary_text.delta`` chunks,
                                   ``response.reasoning_summary_text.done``, ``response.reasoning_summary_part.
                                   done``, ``response.output_item.done``, placed between the messages where the
                                   log has it
turn ``completed``                 ``response.completed``
turn ``failed``                    ``response.failed`` (``response.error``: Manus's message)
turn ``incomplete`` (waiting for   ``response.incomplete``, ``incomplete_details.reason == "waiting_for_user"``;
the user), ``cancelled``, or a     the question is the turn's last message, already streamed, and
status Manus adds later            ``event.response.output_text``
=================================  =============================================================================

The terminal event carries the response the non-streamed call returns (``openai_response``), so
``ResponseStream.get_final_response()`` equals ``responses.retrieve(id)`` of the same state.

Why reasoning items for notes: they are OpenAI's own items for "what the model did before answering",
the SDK's accumulator (``ResponseStreamState.accumulate_event``, openai 1.66.0 and 1.100.2) appends any
``output_item.added`` item and passes every other event through, and code written for reasoning models
already prints ``response.reasoning_summary_text.delta``. openai 1.100.2 builds them as its typed
``ResponseReasoningSummaryTextDeltaEvent`` ...; openai 1.66.0 has no reasoning events and constructs them
leniently (the first union member, every field kept), which its accumulator ignores. The notes are not in
the final response's ``output`` (the non-streamed response has only the messages): while notes are
streamed, ``output_index`` counts the streamed items, notes included, as the accumulator does.
"""

from __future__ import annotations

from typing import Any

from ._snapshot import Message, Note, Snapshot
from ._turns import ACTIVE_STATUSES, _output_item, openai_response, openai_status

__all__ = ["CHUNK", "TERMINAL_EVENTS", "chunks", "stream_events", "turn_notes"]

CHUNK = 64
"""Characters per ``output_text.delta`` (and reasoning-summary delta): a fixed cut, so chunks are deterministic."""

TERMINAL_EVENTS = frozenset({"response.completed", "response.failed", "response.incomplete"})
"""The event types that end a stream."""

_CREATED_FIELDS = (
    "created_at", "createdAt", "model", "instructions", "background", "previous_response_id",
    "parallel_tool_calls", "tool_choice", "tools", "text", "turn", "object",
)  # fmt: skip
"""The response fields ``response.created`` carries: the ones fixed when the turn starts."""


def chunks(text: str) -> list[str]:
    """``text`` cut into deltas of at most ``CHUNK`` characters (none for an empty text).

    >>> chunks("a" * 70) == ["a" * 64, "a" * 6]
    True
    """
    return [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)]


def _span(snapshot: Snapshot, turn: int) -> tuple[int, int] | None:
    """``(first, end)``: turn ``turn`` is ``messages[first:end]`` (its user message first); None if absent."""
    users = [i for i, m in enumerate(snapshot.messages) if m.role == "user"]
    if not users:
        return (0, len(snapshot.messages)) if turn == 1 else None
    if turn > len(users):
        return None
    first = users[turn - 1]
    end = users[turn] if turn < len(users) else len(snapshot.messages)
    return first, end


def turn_notes(snapshot: Snapshot, turn: int) -> list[Note]:
    """The notes of turn ``turn``: those logged after its user message and before the next one."""
    span = _span(snapshot, turn)
    if span is None:
        return []
    first, end = span
    latest = turn >= snapshot.turn_count
    return [n for n in snapshot.notes if (n.after > first or turn == 1) and (n.after <= end or latest)]


def _assistant_messages(snapshot: Snapshot, turn: int) -> list[tuple[int, Message]]:
    """``(position in snapshot.messages, message)`` of the turn's assistant messages (``turn_outputs``)."""
    span = _span(snapshot, turn)
    if span is None or snapshot.turn_count == 0:
        return []
    first, end = span
    return [(i, snapshot.messages[i]) for i in range(first, end) if snapshot.messages[i].role == "assistant"]


def _created(snapshot: Snapshot, turn: int, context: dict[str, Any]) -> dict[str, Any]:
    body = openai_response(snapshot, turn, **context)
    created = {k: body[k] for k in _CREATED_FIELDS if k in body}
    metadata = body.get("metadata")
    if isinstance(metadata, dict) and isinstance(metadata.get("task_url"), str):
        created["metadata"] = {"task_url": metadata["task_url"]}
    created.update(
        id=body["id"], object="response", status="in_progress", manus_status="running", output=[],
        error=None, incomplete_details=None, usage=None,
    )  # fmt: skip
    return created


class _Events:
    """Appends events with their ``sequence_number``."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def add(self, type_: str, **fields: Any) -> None:
        self.items.append({"type": type_, **fields, "sequence_number": len(self.items)})


def _message_events(out: _Events, item: dict[str, Any], index: int) -> None:
    item_id = item["id"]
    where = {"item_id": item_id, "output_index": index}
    out.add("response.output_item.added", output_index=index, item={**item, "status": "in_progress", "content": []})
    for j, part in enumerate(item["content"]):
        if part.get("type") == "output_text":
            text = part.get("text") if isinstance(part.get("text"), str) else ""
            empty = {"type": "output_text", "text": "", "annotations": []}
            out.add("response.content_part.added", **where, content_index=j, part=empty)
            for piece in chunks(text):
                out.add("response.output_text.delta", **where, content_index=j, delta=piece, logprobs=[])
            out.add("response.output_text.done", **where, content_index=j, text=text, logprobs=[])
        else:
            out.add("response.content_part.added", **where, content_index=j, part=part)
        out.add("response.content_part.done", **where, content_index=j, part=part)
    out.add("response.output_item.done", output_index=index, item=item)


def _note_events(out: _Events, note: Note, item_id: str, index: int) -> None:
    where = {"item_id": item_id, "output_index": index, "summary_index": 0}
    item = {"id": item_id, "type": "reasoning", "manus_kind": note.kind}
    out.add("response.output_item.added", output_index=index, item={**item, "summary": [], "status": "in_progress"})
    out.add("response.reasoning_summary_part.added", **where, part={"type": "summary_text", "text": ""})
    for piece in chunks(note.text):
        out.add("response.reasoning_summary_text.delta", **where, delta=piece)
    out.add("response.reasoning_summary_text.done", **where, text=note.text)
    out.add("response.reasoning_summary_part.done", **where, part={"type": "summary_text", "text": note.text})
    summary = [{"type": "summary_text", "text": note.text}]
    out.add("response.output_item.done", output_index=index, item={**item, "summary": summary, "status": "completed"})


def _terminal(status: str) -> str:
    if status == "completed":
        return "response.completed"
    if status == "failed":
        return "response.failed"
    return "response.incomplete"


def stream_events(
    snapshot: Snapshot,
    turn: int,
    *,
    background: bool | None = None,
    instructions: str | None = None,
    previous_response_id: str | None = None,
) -> list[dict[str, Any]]:
    """Every stream event of turn ``turn`` of ``snapshot`` so far (see the module table), oldest first.

    The keyword arguments are ``openai_response``'s (what the create call said).

    >>> from manus_openai._bridge import Message, Snapshot
    >>> done = Snapshot("T", "completed", (Message("user", "u", ()),
    ...     Message("assistant", "a", ({"type": "output_text", "text": "Blue."},))))
    >>> [e["type"] for e in stream_events(done, 1)][-3:]
    ['response.content_part.done', 'response.output_item.done', 'response.completed']
    """
    context: dict[str, Any] = {
        "background": background, "instructions": instructions, "previous_response_id": previous_response_id,
    }  # fmt: skip
    out = _Events()
    created = _created(snapshot, turn, context)
    out.add("response.created", response=created)
    out.add("response.in_progress", response=created)
    notes = turn_notes(snapshot, turn)
    task = snapshot.task_id
    index = 0
    n_note = 0
    # The turn's assistant messages in log order, each preceded by the notes logged before it.
    for k, (position, message) in enumerate(_assistant_messages(snapshot, turn)):
        while n_note < len(notes) and notes[n_note].after <= position:
            note = notes[n_note]
            _note_events(out, note, note.id or f"rs_{task}_{turn}_{n_note}", index)
            index += 1
            n_note += 1
        _message_events(out, _output_item(message, task, turn, k), index)
        index += 1
    for n in range(n_note, len(notes)):
        _note_events(out, notes[n], notes[n].id or f"rs_{task}_{turn}_{n}", index)
        index += 1
    status = openai_status(snapshot, turn)
    if status not in ACTIVE_STATUSES:
        out.add(_terminal(status), response=openai_response(snapshot, turn, **context))
    return out.items
