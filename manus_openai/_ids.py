"""Response ids and task ids: one task, many turns.

A Manus task is one linear conversation; OpenAI gives every turn its own response id. The library hands out
turn ids of the form ``"{task_id}~{n}"`` (``n`` = 1 for the turn that created the task, 2 for the first
follow-up, ...). A bare Manus task id stays valid everywhere and means the task's latest turn. Every call that
takes a task id accepts either form and sends Manus the bare task id.

>>> turn_id("TeBim6FDQf9peS52xHtAyh", 2)
'TeBim6FDQf9peS52xHtAyh~2'
>>> split_turn_id("TeBim6FDQf9peS52xHtAyh~2")
('TeBim6FDQf9peS52xHtAyh', 2)
>>> task_id_of("TeBim6FDQf9peS52xHtAyh")
'TeBim6FDQf9peS52xHtAyh'
"""

from __future__ import annotations

__all__ = ["TURN_SEPARATOR", "split_turn_id", "task_id_of", "turn_id"]

TURN_SEPARATOR = "~"


def turn_id(task_id: str, turn: int) -> str:
    """The response id of turn ``turn`` (1-based) of ``task_id``."""
    if turn < 1:
        raise ValueError(f"turn must be 1 or more, got {turn!r}")
    return f"{task_id_of(task_id)}{TURN_SEPARATOR}{turn}"


def split_turn_id(value: str) -> tuple[str, int | None]:
    """``(task_id, turn)``; ``turn`` is None for a bare task id (the latest turn).

    A ``~`` suffix that is not a positive integer is not a turn id: the value is returned whole, so an id
    Manus might one day mint with a ``~`` in it still reaches Manus unchanged.
    """
    head, sep, tail = value.rpartition(TURN_SEPARATOR)
    if sep and head and tail.isdigit() and tail.isascii() and int(tail) >= 1:
        return head, int(tail)
    return value, None


def task_id_of(value: str) -> str:
    """The Manus task id behind a response id or task id."""
    return split_turn_id(value)[0]
