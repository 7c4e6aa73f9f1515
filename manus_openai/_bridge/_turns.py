"""A Manus task seen as OpenAI responses: one response per turn, in OpenAI's status vocabulary.

Turn ``n`` of a task is its ``n``-th user message and the assistant messages that follow it, up to the
next user message. Its response id is ``"{task_id}~{n}"`` (``manus_openai._ids``).

Statuses (manus-api.md §2.4 -> §12.2). Choices where the docs are silent are marked *chosen*:

=========================  ====================  ======================================================
Manus (latest turn)        OpenAI ``status``     notes
=========================  ====================  ======================================================
``running``                ``in_progress``       Manus starts tasks at once: ``queued`` is never produced
``pending`` / ``waiting``  ``incomplete``        ``incomplete_details.reason == "waiting_for_user"``
                                                 (*chosen*); the question is ``response.question``
``completed``              ``completed``         ... or ``cancelled`` when the turn produced nothing
                                                 (*chosen*: a stopped task reads ``completed`` with
                                                 no answer, a finished one always has an answer)
``stopped``                ``cancelled``         seed 001's value for a user-stopped task
``error`` / ``failed``     ``failed``            ``error == {"code": "server_error", "message": ...}``
v2 ``stopped``             ``completed``         after a finish; ``cancelled`` after ``user_stop``;
                                                 ``in_progress`` while ``has_running_background_jobs``
                                                 or before the agent picks a follow-up up (``_v2snapshot``)
v2 ``waiting``             ``incomplete``        the question or ``waiting_for`` (the confirmation asked)
anything else              unchanged             a status Manus adds later is never guessed
=========================  ====================  ======================================================

A turn that is not the task's latest is ``completed`` (the conversation moved on past it; *chosen*). A turn
the task does not show yet (a follow-up just sent, read before Manus records it) is ``in_progress`` with
no output: a running turn never shows an earlier turn's answer.
"""

from __future__ import annotations

from typing import Any

from .._ids import task_id_of, turn_id
from ._snapshot import Message, Snapshot
from ._v2snapshot import v2_status

__all__ = [
    "ACTIVE_STATUSES",
    "WAITING_FOR_USER",
    "openai_response",
    "openai_status",
    "turn_done",
    "turn_inputs",
    "turn_outputs",
]

ACTIVE_STATUSES = frozenset({"queued", "in_progress"})
"""OpenAI statuses of a response that is not finished (the background-mode loop polls while in them)."""

WAITING_FOR_USER = "waiting_for_user"
"""``incomplete_details.reason`` of a turn where the agent asks the user something."""

_MANUS_TO_OPENAI = {
    "running": "in_progress",
    "in_progress": "in_progress",
    "queued": "queued",
    "pending": "incomplete",
    "waiting": "incomplete",
    "completed": "completed",
    "stopped": "cancelled",
    "cancelled": "cancelled",
    "error": "failed",
    "failed": "failed",
}


def _split(snapshot: Snapshot, turn: int) -> tuple[list[Message], list[Message]]:
    """The user messages and the assistant messages of turn ``turn``."""
    inputs: list[Message] = []
    outputs: list[Message] = []
    seen = 0
    for message in snapshot.messages:
        if message.role == "user":
            seen += 1
            if seen == turn:
                inputs.append(message)
            elif seen > turn:
                break
        elif seen == turn and message.role == "assistant":
            outputs.append(message)
    return inputs, outputs


def turn_inputs(snapshot: Snapshot, turn: int) -> list[Message]:
    """What Manus received in turn ``turn`` (its user message)."""
    return _split(snapshot, turn)[0]


def turn_outputs(snapshot: Snapshot, turn: int) -> list[Message]:
    """What the agent produced in turn ``turn``: its assistant messages only."""
    return _split(snapshot, turn)[1]


def openai_status(snapshot: Snapshot, turn: int) -> str:
    """Turn ``turn``'s status in OpenAI's vocabulary (see the module table)."""
    latest = max(snapshot.turn_count, 1)  # a task read without its conversation has one turn
    if turn > latest:
        return "in_progress"
    if turn < latest:
        return "completed"
    manus = snapshot.manus_status
    if manus is None:
        return "in_progress"
    status = v2_status(snapshot) or _MANUS_TO_OPENAI.get(manus, manus)
    if status == "completed" and not turn_outputs(snapshot, turn):
        return "cancelled"
    return status


def turn_done(snapshot: Snapshot, turn: int) -> bool:
    """Whether turn ``turn`` has ended (a blocking ``create`` and ``wait`` stop polling)."""
    return openai_status(snapshot, turn) not in ACTIVE_STATUSES


def _output_part(part: dict[str, Any]) -> dict[str, Any]:
    out = dict(part)
    if out.get("type") is None and isinstance(out.get("text"), str):
        out["type"] = "output_text"
    if not isinstance(out.get("annotations"), list):
        out["annotations"] = []
    if out.get("type") == "output_file":
        # OpenAI's own file parts use snake_case names (input_file: file_url, filename); Manus's camelCase
        # keys stay for code written against the raw view.
        out.setdefault("file_url", part.get("fileUrl"))
        out.setdefault("filename", part.get("fileName"))
        out.setdefault("mime_type", part.get("mimeType"))
    return out


def _output_item(message: Message, task_id: str, turn: int, index: int) -> dict[str, Any]:
    return {
        "id": message.id or f"msg_{task_id}_{turn}_{index}",
        "type": "message",
        "role": "assistant",
        "status": "completed",
        "content": [_output_part(p) for p in message.parts],
    }


_USAGE = {
    "input_tokens": 0,
    "input_tokens_details": {"cached_tokens": 0},
    "output_tokens": 0,
    "output_tokens_details": {"reasoning_tokens": 0},
    "total_tokens": 0,
}


def openai_response(
    snapshot: Snapshot,
    turn: int,
    *,
    background: bool | None = None,
    instructions: str | None = None,
    previous_response_id: str | None = None,
) -> dict[str, Any]:
    """Turn ``turn`` of ``snapshot`` as an OpenAI Response JSON object (plus Manus's own fields).

    ``usage`` is always present: Manus counts credits, not tokens, so the token counts are 0 and the credits
    are ``credit_usage`` (the task's total so far).
    """
    task_id = snapshot.task_id
    status = openai_status(snapshot, turn)
    outputs = [] if turn > max(snapshot.turn_count, 1) else turn_outputs(snapshot, turn)
    body = dict(snapshot.fields)
    body.update(
        id=turn_id(task_id, turn),
        object="response",
        status=status,
        manus_status=snapshot.manus_status,
        turn=turn,
        output=[_output_item(m, task_id, turn, i) for i, m in enumerate(outputs)],
        parallel_tool_calls=False,
        tool_choice="auto",
        tools=[],
        usage=dict(_USAGE),
        incomplete_details={"reason": WAITING_FOR_USER} if status == "incomplete" else None,
    )
    if turn > 1 and previous_response_id is None:
        previous_response_id = turn_id(task_id, turn - 1)
    body["previous_response_id"] = previous_response_id
    error = snapshot.fields.get("error")
    if status == "failed":
        message = error if isinstance(error, str) else (error or {}).get("message") if isinstance(error, dict) else None
        body["error"] = {"code": "server_error", "message": message or "the Manus task failed"}
    else:
        body["error"] = None
    if instructions is not None:
        body["instructions"] = instructions
    if background is not None:
        body["background"] = background
    return body


def same_task(response_id: str, task_id: str) -> bool:
    """Whether ``response_id`` (a turn id or a bare id) names ``task_id``."""
    return task_id_of(response_id) == task_id
