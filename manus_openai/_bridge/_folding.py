"""How ``instructions=``, ``system`` / ``developer`` messages and earlier ``assistant`` turns reach Manus.

Manus documents only ``user`` messages (manus-api.md §3.2) and one agent conversation per task, so every
``responses.create`` sends Manus exactly **one user message** (so the turns of a task can be counted). When
the input is plain (one user message, no ``instructions``) it is sent unchanged. Otherwise each piece
becomes a text part that starts with a label line, in this order:

* ``[instructions]`` — the ``instructions=`` argument (it applies to this call only, as on OpenAI: a
  follow-up that wants it again passes it again);
* one part per input message, in the caller's order: ``[system]``, ``[developer]``,
  ``[assistant (earlier turn)]`` or ``[user]`` followed by the message's text. A user message's file and
  image parts follow its text unchanged; a file in an earlier assistant turn becomes the line
  ``[file: name url]`` (the agent gets the link, not the file).

A fork (``previous_response_id`` naming a turn that is not the task's latest) starts a new task whose first
message is the conversation up to that turn folded the same way (``[user]`` / ``[assistant (earlier
turn)]``), then the new input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from .._options import normalize_input
from ..errors import UnsupportedArgumentError
from ._snapshot import Message, Snapshot

__all__ = ["LABELS", "fold_history", "fold_input", "input_messages"]

LABELS = {
    "instructions": "[instructions]",
    "system": "[system]",
    "developer": "[developer]",
    "assistant": "[assistant (earlier turn)]",
    "user": "[user]",
}
_ROLES = ("user", "system", "developer", "assistant")


def _plain(item: object) -> object:
    """A pydantic item (``response.output`` passed back as input) as a dict; dicts stay as they are."""
    if isinstance(item, Mapping):
        return item
    to_dict = getattr(item, "to_dict", None)
    if callable(to_dict):
        try:
            return to_dict(warnings=False)
        except TypeError:
            return to_dict()
    return item


def input_messages(value: object) -> list[dict[str, Any]]:
    """The caller's ``input`` as message dicts (``content`` always a list of parts); typed errors otherwise."""
    if isinstance(value, str) or not isinstance(value, Sequence):
        return cast("list[dict[str, Any]]", normalize_input(value))
    messages: list[dict[str, Any]] = []
    for i, raw in enumerate(value):
        item = _plain(raw)
        if not isinstance(item, Mapping):
            raise TypeError(f"input[{i}] must be a message dict, got {type(raw).__name__}")
        kind = item.get("type", "message")
        if kind != "message":
            raise UnsupportedArgumentError(
                f"input[{i}].type is {kind!r}: Manus takes messages only (roles {', '.join(_ROLES)}); "
                "function calls, reasoning items and item references have no Manus equivalent",
                argument=f"input[{i}].type",
            )
        role = item.get("role", "user")
        if role not in _ROLES:
            raise ValueError(f"input[{i}].role must be one of {', '.join(map(repr, _ROLES))}; got {role!r}")
        message = dict(item)
        content = message.get("content")
        if isinstance(content, Sequence) and not isinstance(content, (str, bytes)):
            message["content"] = [_plain(part) for part in content]  # response.output parts passed back
        messages.append(message)
    return cast("list[dict[str, Any]]", normalize_input(messages))  # checks content, expands strings


def _part_text(part: Mapping[str, Any]) -> str | None:
    kind = part.get("type")
    if kind in ("input_text", "output_text", "text"):
        text = part.get("text")
        return text if isinstance(text, str) else None
    if kind == "refusal":
        refusal = part.get("refusal")
        return refusal if isinstance(refusal, str) else None
    if kind == "output_file":
        name = part.get("fileName") or part.get("filename") or "file"
        url = part.get("fileUrl") or part.get("file_url") or ""
        return f"[file: {name} {url}]".rstrip()
    return None


def _labelled(label: str, parts: Sequence[Mapping[str, Any]], *, keep_files: bool) -> list[dict[str, Any]]:
    texts = [t for p in parts if (t := _part_text(p)) is not None]
    folded: list[dict[str, Any]] = [{"type": "input_text", "text": "\n".join([label, *texts])}]
    if keep_files:
        folded.extend(dict(p) for p in parts if p.get("type") in ("input_file", "input_image"))
    return folded


def _needs_folding(messages: list[dict[str, Any]], instructions: str | None) -> bool:
    return bool(instructions) or len(messages) > 1 or any(m.get("role", "user") != "user" for m in messages)


def fold_input(value: object, instructions: str | None = None, *, history: Sequence[Message] = ()) -> list[object]:
    """The one-message ``input`` Manus receives for ``input`` + ``instructions`` (+ a fork's ``history``)."""
    messages = input_messages(value)
    if not history and not _needs_folding(messages, instructions):
        return cast("list[object]", normalize_input(value if isinstance(value, str) else messages))
    parts: list[dict[str, Any]] = []
    if instructions:
        parts.append({"type": "input_text", "text": f"{LABELS['instructions']}\n{instructions}"})
    for message in history:
        parts.extend(_labelled(LABELS.get(message.role, f"[{message.role}]"), message.parts, keep_files=False))
    for item in messages:
        role = item.get("role", "user")
        parts.extend(_labelled(LABELS[role], item["content"], keep_files=role == "user"))
    return [{"role": "user", "content": parts}]


def fold_history(snapshot: Snapshot, upto_turn: int) -> list[Message]:
    """The messages of turns ``1..upto_turn`` (a fork's context), in order."""
    history: list[Message] = []
    seen = 0
    for message in snapshot.messages:
        if message.role == "user":
            seen += 1
            if seen > upto_turn:
                break
        history.append(message)
    return history
