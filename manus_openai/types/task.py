"""``Task`` (the v1 task object of ``GET /v1/tasks[/{id}]``) and the small results of create/update/delete."""

from __future__ import annotations

from typing import Any, Literal, Union

from openai import BaseModel

from ._conversation import ConversationAccessors, coerce_int
from ._normalizing import Normalizing
from .output_file import OutputFile, get_private, set_private

__all__ = [
    "TASK_LIST_STATUSES",
    "TASK_STATUSES",
    "Task",
    "TaskContent",
    "TaskCreated",
    "TaskDeleted",
    "TaskMessage",
    "TaskStatus",
    "TaskUpdated",
    "normalize_task_values",
]

TaskStatus = Literal["pending", "running", "completed", "failed", "error", "stopped"]
"""Every task status any revision of the v1 docs shows (Task schema, compat guide, seed 001)."""

TASK_STATUSES: tuple[str, ...] = ("pending", "running", "completed", "failed", "error", "stopped")

TASK_LIST_STATUSES: tuple[str, ...] = ("pending", "running", "completed", "failed")
"""The values ``GET /v1/tasks`` documents for its ``status`` filter (the Task-schema enum)."""

_INT_FIELDS = ("created_at", "updated_at", "max_output_tokens")


def normalize_task_values(values: dict[str, Any]) -> dict[str, Any]:
    """Numeric strings (``"1760348691"``) in the integer fields become ints; nothing is dropped.

    A value that is not a number at all is left as sent rather than lost. ``values`` itself is never
    changed: a copy is returned when something had to be converted.
    """
    v = values
    for key in _INT_FIELDS:
        value = values.get(key)
        if value is None or type(value) is int:  # the common case: nothing to do, no copy
            continue
        number = coerce_int(value)
        if number is not None:
            if v is values:
                v = dict(values)
            v[key] = number
    return v


class TaskContent(BaseModel):
    """One part of a message: ``output_text`` (``text``) or ``output_file`` (``fileUrl``, ``fileName``,
    ``mimeType`` kept under their wire names; ``Task.output_files`` reads them as ``OutputFile``)."""

    type: str | None = None
    text: str | None = None


class TaskMessage(BaseModel):
    """One turn of the conversation: the user's prompt echoed back or the assistant's reply."""

    id: str | None = None
    status: str | None = None
    role: str | None = None
    type: str | None = None
    content: list[TaskContent] | None = None


class Task(ConversationAccessors, Normalizing):
    """A Manus task as ``tasks.list()`` / ``tasks.retrieve()`` return it (manus-api.md §4.6).

    ``status`` is the server's string, whichever revision's vocabulary it uses (``pending``,
    ``running``, ``completed``, ``failed``, ``error``, ``stopped``, or a future one); numeric strings in
    ``created_at`` / ``updated_at`` become ints; unknown fields are kept (``model_extra``, ``to_dict()``).
    The accessors are ``ManusResponse``'s: ``output_text``, ``output_files``, ``task_url``,
    ``share_url``, ``task_title``, ``credit_usage``.

    Example::

        task = client.tasks.retrieve("TeBim6FDQf9peS52xHtAyh")
        if task.status == "completed":
            print(task.task_title, task.output_text, task.credit_usage)
            for f in task.output_files:
                f.download("results/")
    """

    id: str
    object: str | None = None
    created_at: int | None = None
    updated_at: int | None = None
    status: Union[TaskStatus, str] | None = None
    error: str | None = None
    incomplete_details: Union[str, dict[str, Any]] | None = None
    instructions: str | None = None
    max_output_tokens: int | None = None
    model: str | None = None
    metadata: dict[str, Any] | None = None  # string map per the docs; Any: the name `object` is a field here
    output: list[TaskMessage] | None = None
    locale: str | None = None
    # credit_usage (top level and in metadata) is read by the ConversationAccessors property.

    # The listing client is kept under "_owner" in __pydantic_private__ by set_private / get_private,
    # deliberately not declared as a PrivateAttr: a declared one makes pydantic run a Python hook for
    # every validated Task, a quarter of the cost of validating a page of them.

    @classmethod
    def _normalize_values(cls, values: dict[str, Any]) -> dict[str, Any]:
        return normalize_task_values(values)

    def _bind(self, owner: Any) -> Task:
        """Remember the client that fetched this task, so ``output_files`` can download through it."""
        set_private(self, "_owner", owner)
        return self

    @property
    def output_files(self) -> list[OutputFile]:
        """The files the assistant produced, bound to the client that fetched the task (for ``download``)."""
        files = super().output_files
        owner = get_private(self, "_owner")
        if owner is not None:
            for f in files:
                f.bind(owner)
        return files


class _TaskReference(BaseModel):
    task_id: str
    task_title: str | None = None
    task_url: str | None = None
    share_url: str | None = None

    @property
    def id(self) -> str:
        """``task_id`` under the name ``responses.wait`` / ``tasks.retrieve`` users reach for."""
        return self.task_id


class TaskCreated(_TaskReference):
    """What ``tasks.create`` returns: the id, title and links of the new (or continued) task.

    Example::

        created = client.tasks.create("Summarise today's AI news")
        done = client.responses.wait(created.task_id)
    """


class TaskUpdated(_TaskReference):
    """What ``tasks.update`` returns: the task's id, (new) title and links (``share_url`` when shared).

    Example::

        updated = client.tasks.update(task_id, title="Q3 report", enable_shared=True)
        print(updated.share_url)
    """


class TaskDeleted(BaseModel):
    """What ``tasks.delete`` returns: ``{"id": ..., "object": "task.deleted", "deleted": true}``.

    Example::

        assert client.tasks.delete(task_id).deleted
    """

    id: str
    object: str | None = None
    deleted: bool | None = None
