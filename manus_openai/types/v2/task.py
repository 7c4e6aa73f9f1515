"""v2 task records and the answers of the task endpoints (manus-api.md §6.2-6.10).

``TaskStatus`` is v2's vocabulary: ``running`` / ``stopped`` / ``waiting`` / ``error``. A task is *at rest*
(``V2Task.at_rest``) when it is ``error``, ``waiting``, or ``stopped`` with no background jobs still
running. Choice (§12.1, the docs are silent): a missing ``has_running_background_jobs`` means *no*
background jobs -- older revisions never send the field, and reading its absence as "unknown, keep
waiting" would make every wait on those revisions run to its deadline.
"""

from __future__ import annotations

from typing import ClassVar, Literal, Union

from ._base import V2Envelope, V2Model

__all__ = [
    "AT_REST_STATUSES",
    "TASK_STATUSES",
    "ActionConfirmed",
    "ApiKeyRef",
    "ShareVisibility",
    "TaskCreated",
    "TaskDeleted",
    "TaskMessageSent",
    "TaskStatus",
    "TaskStopped",
    "TaskType",
    "TaskUpdated",
    "V2Task",
]

TaskStatus = Literal["running", "stopped", "waiting", "error"]
TASK_STATUSES: tuple[str, ...] = ("running", "stopped", "waiting", "error")
AT_REST_STATUSES: tuple[str, ...] = ("stopped", "waiting", "error")
"""Statuses at which the agent does nothing until someone acts (``stopped`` only without background jobs)."""

ShareVisibility = Literal["private", "team", "public"]
TaskType = Literal["standard", "project", "agent_subtask"]


class ApiKeyRef(V2Model):
    """``created_by_api_key``: the key that created the task (its *current* name)."""

    id: str | None = None
    name: str | None = None


class V2Task(V2Model):
    """A v2 task record (``task.detail`` / ``task.list``): status and metadata, no conversation.

    Example::

        task = client.v2.tasks.retrieve("TeBim6FDQf9peS52xHtAyh")
        print(task.status, task.title, task.at_rest)
    """

    _timestamps: ClassVar[tuple[str, ...]] = ("created_at", "updated_at")

    id: str
    status: Union[TaskStatus, str, None] = None
    created_at: float | None = None
    updated_at: float | None = None
    task_type: Union[TaskType, str, None] = None
    share_visibility: Union[ShareVisibility, str, None] = None
    title: str | None = None
    credit_usage: int | None = None
    task_url: str | None = None
    share_url: str | None = None
    created_by_api_key: ApiKeyRef | None = None
    agent_profile: str | None = None
    has_running_background_jobs: bool | None = None

    @property
    def background_jobs_running(self) -> bool:
        """True only when Manus says so; a missing field means none (see the module docstring)."""
        return self.has_running_background_jobs is True

    @property
    def at_rest(self) -> bool:
        """``error``, ``waiting``, or ``stopped`` with no background jobs: nothing changes until someone acts."""
        if self.status == "stopped":
            return not self.background_jobs_running
        return self.status in ("waiting", "error")


class TaskCreated(V2Envelope):
    """``task.create``'s answer.

    Example::

        created = client.v2.tasks.create("Research the top 5 AI companies")
        print(created.task_id, created.task_url)
    """

    task_id: str
    task_title: str | None = None
    task_url: str | None = None
    share_visibility: Union[ShareVisibility, str, None] = None
    share_url: str | None = None


class TaskUpdated(V2Envelope):
    """``task.update``'s answer."""

    task_id: str | None = None
    task_title: str | None = None
    task_url: str | None = None
    share_url: str | None = None
    share_visibility: Union[ShareVisibility, str, None] = None


class TaskStopped(V2Envelope):
    """``task.stop``'s answer (``{ok, request_id}``)."""


class TaskDeleted(V2Envelope):
    """``task.delete``'s answer."""

    id: str | None = None
    deleted: bool | None = None


class TaskMessageSent(V2Envelope):
    """``task.sendMessage``'s answer."""

    task_id: str | None = None


class ActionConfirmed(V2Envelope):
    """``task.confirmAction``'s answer, plus what the client knows about the task afterwards.

    ``stays_waiting`` is True when the input was a rejection that Manus answers with no event
    (``accept: false`` on every accept-style type except ``webdevRequestSecrets``, §6.10): the task is
    still waiting on the same event, and following or waiting will not see it move.

    Example::

        done = client.v2.tasks.confirm(task_id, event_id, {"accept": False})
        assert done.stays_waiting
    """

    task_id: str | None = None
    confirmed: bool | None = None
    stays_waiting: bool = False
