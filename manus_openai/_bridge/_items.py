"""``responses.input_items.list``: the inputs of one turn, as OpenAI input items, paged locally.

Manus has no input-items endpoint: the items come from the task's conversation (one read), so they are
what Manus *received* — after role folding, one user message per turn — with its text as ``input_text``
parts and its files as ``input_file`` parts (``file_url``, ``filename``).
"""

from __future__ import annotations

from typing import Any

from ._snapshot import Snapshot
from ._turns import turn_inputs

__all__ = ["DEFAULT_LIMIT", "input_items", "page_slice"]

DEFAULT_LIMIT = 20  # OpenAI's default page size


def _input_part(part: dict[str, Any]) -> dict[str, Any]:
    if part.get("type") == "output_file":
        return {
            "type": "input_file",
            "file_url": part.get("fileUrl") or part.get("file_url"),
            "filename": part.get("fileName") or part.get("filename"),
        }
    if part.get("type") in ("output_text", "input_text", None):
        return {"type": "input_text", "text": part.get("text") or ""}
    return dict(part)


def input_items(snapshot: Snapshot, turn: int) -> list[dict[str, Any]]:
    """Turn ``turn``'s input messages, oldest first."""
    return [
        {
            "id": message.id or f"msg_{snapshot.task_id}_{turn}_in{i}",
            "type": "message",
            "role": "user",
            "status": "completed",
            "content": [_input_part(p) for p in message.parts],
        }
        for i, message in enumerate(turn_inputs(snapshot, turn))
    ]


def page_slice(
    items: list[dict[str, Any]], *, after: str | None, before: str | None, limit: int | None, order: str | None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of ``items`` as OpenAI pages them (``order`` default ``desc``); returns it and ``has_more``."""
    if order not in (None, "asc", "desc"):
        raise ValueError(f"order must be 'asc' or 'desc', got {order!r}")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 100):
        raise ValueError(f"limit must be an int from 1 to 100, got {limit!r}")
    ordered = items if order == "asc" else list(reversed(items))
    ids = [item["id"] for item in ordered]
    start, end = 0, len(ordered)
    if after is not None:
        if after not in ids:
            raise ValueError(f"after={after!r} is not an item of this response")
        start = ids.index(after) + 1
    if before is not None:
        if before not in ids:
            raise ValueError(f"before={before!r} is not an item of this response")
        end = ids.index(before)
    window = ordered[start:end]
    size = limit or DEFAULT_LIMIT
    return window[:size], len(window) > size
