"""Typed webhook events (manus-api.md §5.2-§5.3).

Ambiguities resolved here (each names the doc revision followed):

* Wire form: every example in every revision, and the v2 guide's tables, nest the task fields
  under ``task_detail`` / ``progress_detail``; the older v1 guide's tables list them at the top
  level. Nested is canonical; a flat payload is accepted and moved into the detail object (top
  level fields only fill fields the detail object lacks).
* ``task_progress`` exists only in the intermediate v1 revision; it is modelled, and any other
  unknown ``event_type`` becomes :class:`UnknownWebhookEvent` (never a wrong class).
* Strictness: all revisions mark ``task_id`` and ``stop_reason`` required and we require them
  (routing and waiting depend on them). Titles, URLs, messages and ``size_bytes`` are also marked
  required, but a signed delivery is never rejected for lacking one: they default to ``""`` /
  ``None``. ``stop_reason`` keeps unknown strings (only ``finish``/``ask`` are documented).
* ``attachments`` may be absent (all revisions say optional) or ``null``: both read as ``[]``.
  Item keys are ``file_name``/``url``/``size_bytes`` as in the webhook pages; the different
  ``task.listMessages`` names (``filename``/``content_type``) are not aliased, only kept as extras.
* Numeric strings (``"2048"``) are accepted where integers are documented (§2.2: values "often
  arrive as strings"). Unknown fields are kept (``model_extra``), never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "Attachment",
    "ProgressDetail",
    "StopReason",
    "StructuredOutput",
    "TaskCreatedEvent",
    "TaskDetail",
    "TaskProgressEvent",
    "TaskStoppedDetail",
    "TaskStoppedEvent",
    "UnknownWebhookEvent",
    "WebhookEvent",
]

StopReason = Union[Literal["finish", "ask"], str]
"""``"finish"``: the task completed; ``"ask"``: it paused for the user's input. Unknown values are kept."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class Attachment(_Model):
    """A file attached to a ``task_stopped`` event.

    >>> attachment = {"file_name": "q4.pdf", "url": "https://x", "size_bytes": "2048"}
    >>> Attachment.model_validate(attachment).size_bytes
    2048
    """

    file_name: str
    url: str
    size_bytes: int | None = None


class StructuredOutput(_Model):
    """The v2 structured-output result on ``task_stopped``; always check ``success``.

    >>> StructuredOutput(success=True, value={"total": 3}).value
    {'total': 3}
    """

    success: bool
    value: Any = None
    error: str | None = None


class TaskDetail(_Model):
    """``task_detail`` of a ``task_created`` event."""

    task_id: str
    task_title: str = ""
    task_url: str = ""


class TaskStoppedDetail(TaskDetail):
    """``task_detail`` of a ``task_stopped`` event."""

    stop_reason: StopReason
    message: str = ""
    attachments: list[Attachment] = Field(default_factory=list)
    structured_output: StructuredOutput | None = None

    @field_validator("attachments", mode="before")
    @classmethod
    def _null_attachments_are_empty(cls, value: Any) -> Any:
        return [] if value is None else value


class ProgressDetail(_Model):
    """``progress_detail`` of a ``task_progress`` event (only ``plan_update`` is documented)."""

    task_id: str
    progress_type: str = ""
    message: str = ""


def _nest(data: Any, detail_key: str, fields: Iterable[str]) -> Any:
    """Move flat-form task fields into the detail object (see the module docstring)."""
    if not isinstance(data, dict):
        return data
    detail = data.get(detail_key)
    if detail is not None and not isinstance(detail, dict):
        return data  # let validation report the wrong type
    present = detail or {}
    moved = {name: data[name] for name in fields if name in data and name not in present}
    if detail is not None and not moved:
        return data
    rest = {key: value for key, value in data.items() if key not in moved}
    rest[detail_key] = {**moved, **present}
    return rest


class TaskCreatedEvent(_Model):
    """``task_created``: a task was created through the API.

    >>> event = TaskCreatedEvent.model_validate({"event_id": "task_created_abc", "event_type": "task_created",
    ...     "task_detail": {"task_id": "abc", "task_title": "Q4", "task_url": "https://manus.im/app/abc"}})
    >>> event.task_id, event.task_title
    ('abc', 'Q4')
    """

    event_id: str
    event_type: Literal["task_created"] = "task_created"
    task_detail: TaskDetail

    @model_validator(mode="before")
    @classmethod
    def _accept_flat_form(cls, data: Any) -> Any:
        return _nest(data, "task_detail", TaskDetail.model_fields)

    @property
    def task_id(self) -> str:
        """The task's id (``task_detail.task_id``)."""
        return self.task_detail.task_id

    @property
    def task_title(self) -> str:
        """The task's title (``task_detail.task_title``)."""
        return self.task_detail.task_title

    @property
    def task_url(self) -> str:
        """The task's web-app URL (``task_detail.task_url``)."""
        return self.task_detail.task_url


class TaskProgressEvent(_Model):
    """``task_progress``: the plan gained a step (intermediate v1 revision only; may never arrive).

    >>> event = TaskProgressEvent.model_validate({"event_id": "p1", "event_type": "task_progress",
    ...     "progress_detail": {"task_id": "abc", "progress_type": "plan_update", "message": "Search"}})
    >>> event.task_id, event.message
    ('abc', 'Search')
    """

    event_id: str
    event_type: Literal["task_progress"] = "task_progress"
    progress_detail: ProgressDetail

    @model_validator(mode="before")
    @classmethod
    def _accept_flat_form(cls, data: Any) -> Any:
        return _nest(data, "progress_detail", ProgressDetail.model_fields)

    @property
    def task_id(self) -> str:
        """The task's id (``progress_detail.task_id``)."""
        return self.progress_detail.task_id

    @property
    def task_title(self) -> None:
        """Always ``None``: progress events carry no title."""
        return None

    @property
    def task_url(self) -> None:
        """Always ``None``: progress events carry no URL."""
        return None

    @property
    def progress_type(self) -> str:
        """``progress_detail.progress_type`` (``"plan_update"``)."""
        return self.progress_detail.progress_type

    @property
    def message(self) -> str:
        """``progress_detail.message``: the current step."""
        return self.progress_detail.message


class TaskStoppedEvent(_Model):
    """``task_stopped``: the task finished (``stop_reason="finish"``) or asks for input (``"ask"``).

    A task that asks and then finishes after a reply stops twice.

    >>> event = TaskStoppedEvent.model_validate({"event_id": "s1", "event_type": "task_stopped",
    ...     "task_detail": {"task_id": "abc", "task_title": "Q4", "task_url": "https://manus.im/app/abc",
    ...                     "message": "Done.", "stop_reason": "finish"}})
    >>> event.stop_reason, event.message, event.attachments
    ('finish', 'Done.', [])
    """

    event_id: str
    event_type: Literal["task_stopped"] = "task_stopped"
    task_detail: TaskStoppedDetail

    @model_validator(mode="before")
    @classmethod
    def _accept_flat_form(cls, data: Any) -> Any:
        return _nest(data, "task_detail", TaskStoppedDetail.model_fields)

    @property
    def task_id(self) -> str:
        """The task's id (``task_detail.task_id``)."""
        return self.task_detail.task_id

    @property
    def task_title(self) -> str:
        """The task's title (``task_detail.task_title``)."""
        return self.task_detail.task_title

    @property
    def task_url(self) -> str:
        """The task's web-app URL (``task_detail.task_url``)."""
        return self.task_detail.task_url

    @property
    def stop_reason(self) -> StopReason:
        """``"finish"`` or ``"ask"`` (unknown strings are kept)."""
        return self.task_detail.stop_reason

    @property
    def message(self) -> str:
        """The final answer, or the question being asked."""
        return self.task_detail.message

    @property
    def attachments(self) -> list[Attachment]:
        """Files produced by the task (empty when none)."""
        return self.task_detail.attachments

    @property
    def structured_output(self) -> StructuredOutput | None:
        """The structured-output result, when a schema was armed (v2)."""
        return self.task_detail.structured_output


class UnknownWebhookEvent(_Model):
    """Any other delivery: an ``event_type`` this version does not know, or none at all.

    The whole payload is kept in ``model_extra``. A body without ``event_type`` (such as Manus's
    undocumented activation test request) parses to this class with ``event_type=None``.

    >>> event = UnknownWebhookEvent.model_validate({"event_id": "x1", "event_type": "task_deleted",
    ...     "task_detail": {"task_id": "abc"}})
    >>> event.event_type, event.task_id
    ('task_deleted', 'abc')
    """

    event_id: str | None = None
    event_type: str | None = None

    def _find(self, name: str) -> str | None:
        extra = self.model_extra or {}
        for container in (extra.get("task_detail"), extra.get("progress_detail"), extra):
            if isinstance(container, dict) and isinstance(container.get(name), str):
                return str(container[name])
        return None

    @property
    def task_id(self) -> str | None:
        """``task_id`` from ``task_detail``, ``progress_detail`` or the top level, if any."""
        return self._find("task_id")

    @property
    def task_title(self) -> str | None:
        """``task_title`` from the detail object or the top level, if any."""
        return self._find("task_title")

    @property
    def task_url(self) -> str | None:
        """``task_url`` from the detail object or the top level, if any."""
        return self._find("task_url")


WebhookEvent = Union[TaskCreatedEvent, TaskProgressEvent, TaskStoppedEvent, UnknownWebhookEvent]
"""Every type :func:`unwrap` and :func:`parse_event` can return."""

KNOWN_EVENT_TYPES: dict[str, type[TaskCreatedEvent] | type[TaskProgressEvent] | type[TaskStoppedEvent]] = {
    "task_created": TaskCreatedEvent,
    "task_progress": TaskProgressEvent,
    "task_stopped": TaskStoppedEvent,
}
