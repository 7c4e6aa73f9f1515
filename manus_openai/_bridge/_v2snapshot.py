"""``snapshot_from_v2``: a v2 task (``task.detail`` + every ``task.listMessages`` event) as a ``Snapshot``.

v2 has no OpenAI-shaped object (manus-api.md §12.1), so the bridge builds one from v2 primitives, the same
``Snapshot`` v1's ``/v1/responses`` gives, and every translation in ``_turns`` applies unchanged:

* ``messages`` — each ``user_message`` / ``assistant_message`` event, its text as an ``output_text`` part
  and its attachments as ``output_file`` parts (``fileUrl`` / ``fileName`` / ``mimeType``, v1's names);
* ``notes`` — ``status_update`` briefs, ``plan_update`` / ``new_plan_step`` steps and ``tool_used``
  events, each placed after the messages that precede it in the log;
* ``manus_status`` — v2's own status (``running`` / ``stopped`` / ``waiting`` / ``error``);
* ``fields`` — what v1 puts on the object (``model``, ``created_at``, ``metadata`` with ``task_title`` /
  ``task_url`` / ``credit_usage``, ``credit_usage``, ``error``) plus v2's ``stop_reason``,
  ``waiting_for`` (the ``status_detail`` of a waiting task), ``has_running_background_jobs``,
  ``share_visibility``, ``task_type`` and ``manus_backend="v2"``.

``stop_reason`` (the latest turn's, *chosen* where the docs are silent): ``"user_stop"`` when a
``user_stop`` event follows its user message, ``"ask"`` while waiting, ``"finish"`` when stopped after the
agent picked the turn up (a status update or a message after the user message), else None — a follow-up
Manus has not picked up yet, read as still in progress. ``stopped`` with ``has_running_background_jobs``
``true`` is not final yet; a missing flag (older revisions) is read as final.

A turn with a ``structured_output_result`` answers with it (``text.format`` json_schema, §6.15): on
``success`` one assistant message whose ``output_text`` is the JSON of the value, followed by the files the
agent attached in that turn; on failure a ``refusal`` part carrying Manus's message. Both parts keep the raw
result as ``structured_output``. The agent's prose messages of that turn stay in the event log
(``client.v2.tasks.list_messages``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from ._snapshot import Message, Note, Snapshot, _as_dict

__all__ = ["V2_BACKEND", "sent_snapshot", "snapshot_from_v2", "v2_status"]

V2_BACKEND = "v2"
"""``fields["manus_backend"]`` of a snapshot read through v2."""


def _payload(event: Mapping[str, Any]) -> dict[str, Any]:
    kind = event.get("type")
    value = event.get(kind) if isinstance(kind, str) else None
    return dict(value) if isinstance(value, Mapping) else {}


def _file_part(attachment: object) -> dict[str, Any]:
    data = _as_dict(attachment)
    return {
        "type": "output_file",
        "text": None,
        "fileUrl": data.get("url"),
        "fileName": data.get("filename"),
        "mimeType": data.get("content_type"),
    }


def _parts(payload: Mapping[str, Any]) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    content = payload.get("content")
    if isinstance(content, str) and content:
        parts.append({"type": "output_text", "text": content})
    attachments = payload.get("attachments")
    if isinstance(attachments, Iterable) and not isinstance(attachments, (str, bytes, Mapping)):
        parts.extend(_file_part(a) for a in attachments)
    return parts


def _structured_part(result: Mapping[str, Any]) -> dict[str, Any]:
    raw = {"success": result.get("success"), "value": result.get("value"), "error": result.get("error")}
    if result.get("success") is True:
        return {"type": "output_text", "text": json.dumps(result.get("value")), "structured_output": raw}
    message = result.get("error") or "Manus could not produce the structured output"
    return {"type": "refusal", "refusal": str(message), "structured_output": raw}


def _note(event: Mapping[str, Any], after: int) -> Note | None:
    kind = event.get("type")
    payload = _payload(event)
    event_id = event.get("id") if isinstance(event.get("id"), str) else None
    if kind == "status_update":
        text = payload.get("brief") or payload.get("description") or payload.get("agent_status")
        return Note("status", str(text), after, event_id) if text else None
    if kind == "new_plan_step":
        title = payload.get("title")
        return Note("plan", str(title), after, event_id) if title else None
    if kind == "plan_update":
        steps = payload.get("steps")
        lines = [
            f"[{_as_dict(s).get('status') or 'todo'}] {_as_dict(s).get('title') or ''}".rstrip()
            for s in (steps if isinstance(steps, list) else [])
        ]
        return Note("plan", "\n".join(lines), after, event_id) if lines else None
    if kind == "tool_used":
        message = _as_dict(payload.get("message"))
        text = payload.get("brief") or " ".join(
            str(v) for v in (payload.get("tool"), message.get("action"), message.get("param")) if v
        )
        return Note("tool", str(text), after, event_id) if text else None
    return None


def _turn_results(events: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """The newest ``structured_output_result`` of each turn (1-based), and the files of its messages."""
    results: dict[int, dict[str, Any]] = {}
    files: dict[int, list[dict[str, Any]]] = {}
    turn = 0
    for event in events:
        kind = event.get("type")
        if kind == "user_message":
            turn += 1
        elif kind == "assistant_message":
            files.setdefault(turn, []).extend(p for p in _parts(_payload(event)) if p["type"] == "output_file")
        elif kind == "structured_output_result":
            results[turn] = {"result": _payload(event), "id": event.get("id"), "files": files.setdefault(turn, [])}
    return results


def _latest_turn(events: list[dict[str, Any]], status: object) -> tuple[str | None, str | None]:
    """The latest turn's ``stop_reason`` and its error message."""
    start = max((i for i, e in enumerate(events) if e.get("type") == "user_message"), default=-1)
    tail = events[start + 1 :]
    error = None
    for event in tail:
        if event.get("type") == "error_message":
            payload = _payload(event)
            error = payload.get("content") or payload.get("error_type") or error
    if status == "waiting":
        return "ask", error
    if status != "stopped":
        return None, error
    if any(e.get("type") == "user_stop" for e in tail):
        return "user_stop", error
    picked_up = any(e.get("type") in ("status_update", "assistant_message", "structured_output_result") for e in tail)
    return ("finish" if picked_up or start < 0 else None), error


def _waiting_for(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    for event in reversed(events):
        if event.get("type") == "status_update":
            payload = _payload(event)
            detail = payload.get("status_detail")
            return _as_dict(detail) if payload.get("agent_status") == "waiting" and detail else None
    return None


def _fields(task: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    status = task.get("status")
    stop_reason, error = _latest_turn(events, status)
    credits = task.get("credit_usage")
    metadata: dict[str, Any] = {"task_title": task.get("title"), "task_url": task.get("task_url")}
    if credits is not None:
        metadata["credit_usage"] = str(credits)
    if task.get("share_url"):
        metadata["share_url"] = task["share_url"]
    fields: dict[str, Any] = {
        "object": "response",
        "model": task.get("agent_profile"),
        "created_at": task.get("created_at"),
        "metadata": {k: v for k, v in metadata.items() if v is not None},
        "credit_usage": credits,
        "stop_reason": stop_reason,
        "waiting_for": _waiting_for(events) if status == "waiting" else None,
        "has_running_background_jobs": task.get("has_running_background_jobs"),
        "share_visibility": task.get("share_visibility"),
        "task_type": task.get("task_type"),
        "manus_backend": V2_BACKEND,
    }
    if status == "error":
        fields["error"] = error or "the Manus task failed"
    return fields


def snapshot_from_v2(detail: object, events: Iterable[object]) -> Snapshot:
    """The snapshot of a v2 task: ``detail`` is ``task.detail``'s task, ``events`` its log oldest first.

    Example::

        detail = client.v2.tasks.retrieve(task_id)
        events = list(client.v2.tasks.list_messages(task_id, order="asc", verbose=True))
        snapshot = snapshot_from_v2(detail, events)
    """
    task = _as_dict(detail)
    log = [_as_dict(e) for e in events]
    results = _turn_results(log)
    messages: list[Message] = []
    notes: list[Note] = []
    turn = 0
    for event in log:
        kind = event.get("type")
        event_id = event.get("id") if isinstance(event.get("id"), str) else None
        if kind == "user_message":
            turn += 1
            messages.append(Message("user", event_id, tuple(_parts(_payload(event)))))
        elif kind == "assistant_message" and turn not in results:
            messages.append(Message("assistant", event_id, tuple(_parts(_payload(event)))))
        elif kind == "structured_output_result" and results.get(turn, {}).get("id") == event.get("id"):
            found = results[turn]
            parts = (_structured_part(found["result"]), *found["files"])
            messages.append(Message("assistant", event_id, parts))
        else:
            note = _note(event, len(messages))
            if note is not None:
                notes.append(note)
    task_id = task.get("id")
    status = task.get("status")
    return Snapshot(
        task_id=task_id if isinstance(task_id, str) else "",
        manus_status=status if isinstance(status, str) else None,
        messages=tuple(messages),
        fields=_fields(task, log),
        notes=tuple(notes),
    )


def v2_status(snapshot: Snapshot) -> str | None:
    """The latest turn's OpenAI status for a v2 snapshot (None: not a v2 snapshot, use the v1 table)."""
    fields = snapshot.fields
    if fields.get("manus_backend") != V2_BACKEND:
        return None
    manus = snapshot.manus_status
    if manus == "running":
        return "in_progress"
    if manus == "waiting":
        return "incomplete"
    if manus == "error":
        return "failed"
    if manus == "stopped":
        reason = fields.get("stop_reason")
        if reason == "user_stop":
            return "cancelled"
        if reason is None or fields.get("has_running_background_jobs") is True:
            return "in_progress"
        return "completed"
    return manus


def _sent_parts(content: object) -> tuple[dict[str, Any], ...]:
    if isinstance(content, str):
        return ({"type": "output_text", "text": content},)
    parts: list[dict[str, Any]] = []
    for part in content if isinstance(content, list) else []:
        if part.get("type") == "text":
            parts.append({"type": "output_text", "text": part.get("text")})
        else:
            parts.append(
                {"type": "output_file", "text": None, "fileUrl": part.get("file_url"), "fileName": part.get("filename")}
            )
    return tuple(parts)


def sent_snapshot(task_id: str, message: Mapping[str, Any], created: object, before: Snapshot | None) -> Snapshot:
    """The task right after ``task.create`` / ``task.sendMessage`` accepted ``message``, without reading it
    again: what v1's create answer shows (the task running, the message just sent as its latest user
    turn) and what ``background=True`` returns at once. ``created`` is ``task.create``'s answer (its
    ``task_title`` / ``task_url``), or None for a sendMessage, which keeps ``before`` 's fields.
    """
    data = _as_dict(created)
    fields: dict[str, Any] = dict(before.fields) if before is not None else {"object": "response"}
    if created is not None:
        metadata = {"task_title": data.get("task_title"), "task_url": data.get("task_url")}
        if data.get("share_url"):
            metadata["share_url"] = data["share_url"]
        fields["metadata"] = {k: v for k, v in metadata.items() if v is not None}
        fields["share_visibility"] = data.get("share_visibility")
    fields.update(manus_backend=V2_BACKEND, stop_reason=None, waiting_for=None, error=None)
    sent = Message("user", None, _sent_parts(message.get("content")))
    return Snapshot(
        task_id=task_id,
        manus_status="running",  # Manus starts a task (and a follow-up) at once; there is no queue
        messages=(*(before.messages if before is not None else ()), sent),
        fields=fields,
        notes=before.notes if before is not None else (),
    )
