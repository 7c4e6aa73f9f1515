"""What the sync and async ``client.v2.tasks`` share: confirm bodies, event lookups, type aliases."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Literal, TypeVar, Union

import pydantic

from ..types.v2._base import V2Envelope
from ..types.v2.events import Event, StatusDetail, StatusUpdateEvent, StructuredOutputResultEvent
from ..types.v2.task import ActionConfirmed, V2Task
from ._params import check_id
from ._task_calls import task_ref
from .confirmations import check_confirmation, rejection_stays_waiting

__all__ = [
    "M",
    "TaskDetail",
    "Visibility",
    "Waiting",
    "confirm_body",
    "marking",
    "newest_result",
    "newest_waiting",
    "no_result",
    "task_of",
]

M = TypeVar("M", bound=pydantic.BaseModel)
Waiting = Union[StatusDetail, StatusUpdateEvent, str]
"""What ``confirm`` answers: the ``StatusDetail``, its ``status_update`` event, or a bare ``event_id``."""
Visibility = Literal["private", "team", "public"]


class TaskDetail(V2Envelope):
    _payload: ClassVar[str | None] = "task"

    task: V2Task


def task_of(detail: TaskDetail) -> V2Task:
    """The task of a ``task.detail`` answer (``retrieve``'s result, raw or not)."""
    return detail.task


def marking(stays: bool) -> Callable[[ActionConfirmed], ActionConfirmed]:
    """Sets ``stays_waiting`` on a ``task.confirmAction`` answer (``confirm``'s result, raw or not)."""

    def mark(confirmed: ActionConfirmed) -> ActionConfirmed:
        confirmed.stays_waiting = stays
        return confirmed

    return mark


def waiting_parts(waiting: Waiting) -> tuple[str, str | None, dict[str, Any] | None]:
    if isinstance(waiting, StatusUpdateEvent):
        waiting = waiting.status_update.status_detail or StatusDetail()
    if isinstance(waiting, StatusDetail):
        event_id = check_id("waiting.waiting_for_event_id", waiting.waiting_for_event_id)
        return event_id, waiting.waiting_for_event_type, waiting.confirm_input_schema
    return check_id("event_id", waiting), None, None


def confirm_body(task_id: str, waiting: Waiting, answer: object) -> tuple[dict[str, object], bool]:
    event_id, event_type, schema = waiting_parts(waiting)
    data = check_confirmation(answer, event_type=event_type, schema=schema)  # type: ignore[arg-type]  # checked inside
    body: dict[str, object] = {"task_id": task_ref(task_id), "event_id": event_id}
    if data is not None:
        body["input"] = data
    return body, rejection_stays_waiting(event_type, data)


def newest_waiting(events: Sequence[Event]) -> StatusDetail | None:
    for event in events:
        if isinstance(event, StatusUpdateEvent):
            if event.agent_status != "waiting":
                return None
            return event.status_update.status_detail or StatusDetail()
    return None


def newest_result(events: Sequence[Event]) -> StructuredOutputResultEvent | None:
    return next((e for e in events if isinstance(e, StructuredOutputResultEvent)), None)


def no_result(task_id: str) -> LookupError:
    return LookupError(f"task {task_id} has no structured_output_result event (was a schema armed, and did it finish?)")
