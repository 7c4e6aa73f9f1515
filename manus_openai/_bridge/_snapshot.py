"""``Snapshot``: one read of a Manus task, independent of the surface it came from.

The v1 Responses surface returns the task as one OpenAI-like object whose ``output`` is the whole
conversation (user turns echoed, role ``user``); a v2 backend would build the same snapshot from
``task.detail`` + ``task.listMessages``. Everything the bridge translates starts from a ``Snapshot``, so
the translation never depends on the transport.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..types._conversation import field_of

__all__ = ["Message", "Note", "Snapshot", "snapshot_from_v1"]


@dataclass(frozen=True)
class Message:
    """One conversation message: ``role`` (``user`` / ``assistant``), its id and its content parts as dicts."""

    role: str
    id: str | None
    parts: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Note:
    """Progress that is not a message (v2 event log only): a status brief, a plan step, a tool use.

    ``kind`` is ``"status"``, ``"plan"`` or ``"tool"``; ``after`` is how many of the snapshot's ``messages``
    precede it in the log, which places it in its turn; ``id`` is the event's id when it has one.
    """

    kind: str
    text: str
    after: int
    id: str | None = None


@dataclass(frozen=True)
class Snapshot:
    """A Manus task as read once: its id, Manus's own status, the conversation and the other fields."""

    task_id: str
    manus_status: str | None
    messages: tuple[Message, ...]
    fields: dict[str, Any] = field(default_factory=dict)
    """Every top-level field but ``output`` (``model``, ``metadata``, ``error``, ``createdAt``...)."""
    notes: tuple[Note, ...] = ()
    """Progress between the messages, oldest first (empty on v1, which has no event log)."""

    @property
    def turn_count(self) -> int:
        """How many turns the task has: one per user message."""
        return sum(1 for m in self.messages if m.role == "user")


def _as_dict(value: object) -> dict[str, Any]:
    if isinstance(value, Mapping):
        return dict(value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        try:
            data = to_dict(warnings=False)
        except TypeError:
            data = to_dict()
        if isinstance(data, dict):
            return data
    return {}


def _message(item: object) -> Message | None:
    data = _as_dict(item)
    role = data.get("role")
    if not isinstance(role, str):
        return None
    content = data.get("content")
    parts: list[dict[str, Any]] = []
    if isinstance(content, str):
        parts.append({"type": "output_text", "text": content})
    elif isinstance(content, Iterable) and not isinstance(content, (bytes, Mapping)):
        parts.extend(_as_dict(part) for part in content)
    message_id = data.get("id")
    return Message(role, message_id if isinstance(message_id, str) else None, tuple(parts))


def snapshot_from_v1(response: object) -> Snapshot:
    """The snapshot of a v1 Responses object (a ``ManusResponse`` or its JSON dict) in the raw Manus view."""
    data = _as_dict(response)
    task_id = field_of(response, "id") or data.get("id")
    output = data.get("output")
    messages: list[Message] = []
    if isinstance(output, Iterable) and not isinstance(output, (str, bytes, Mapping)):
        for item in output:
            message = _message(item)
            if message is not None:
                messages.append(message)
    status = data.get("status")
    fields = {k: v for k, v in data.items() if k != "output"}
    return Snapshot(
        task_id=task_id if isinstance(task_id, str) else "",
        manus_status=status if isinstance(status, str) else None,
        messages=tuple(messages),
        fields=fields,
    )
