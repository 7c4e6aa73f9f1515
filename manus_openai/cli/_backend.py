"""The seam between the ``manus`` commands and an API version: ``Backend`` and the plain values it returns.

Commands speak only to a ``Backend``; ``_v1.V1Backend`` implements it on the v1 surfaces
(``client.tasks``, ``client.responses`` wait/retrieve, ``client.files``, ``client.webhooks``) and
``_v2.V2Backend`` on ``client.v2`` (events, confirmations, stop, usage, structured output). A backend
says what it can do in ``capabilities``; a method it cannot serve raises ``NotSupported`` (exit code 5)
naming what to do instead, and never returns made-up data.

``tasks list`` filters a backend cannot send are applied by the backend itself over the pages, with a
note (the ``note`` callback, stderr) saying so; a filter is never silently ignored.

Status words are the CLI's own, mapped by each backend from its surface's vocabulary: ``running``,
``waiting`` (a question or a confirmation), ``completed``, ``failed``, ``stopped``, or the server's
word unchanged when it is none of these.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

__all__ = [
    "NOTHING_TO_UPDATE",
    "Backend",
    "Capability",
    "Confirmation",
    "FileInfo",
    "Note",
    "OutputRef",
    "SubmitOptions",
    "TaskFilter",
    "TaskView",
    "TimedOut",
    "UploadProgress",
    "Visibility",
]

Visibility = Literal["private", "team", "public"]
"""Who a task's share link reaches (v2's ``share_visibility``; v1 knows only private and public)."""

NOTHING_TO_UPDATE = "nothing to update: give --title, --share/--no-share, --share-visibility or --visible/--hidden"

Note = Callable[[str], None]
"""Told a line for people (stderr) about how a request was served."""

Capability = Literal["confirm", "stop", "events", "usage", "schema", "plan"]
"""What only some backends can do (v1 has none of these)."""

UploadProgress = Callable[[int], None]
"""Called with the number of bytes just sent."""


class TimedOut(Exception):
    """``Backend.wait`` ran out of time; ``last`` is the last state seen (None if every poll failed)."""

    def __init__(self, message: str, last: TaskView | None) -> None:
        super().__init__(message)
        self.last = last


@dataclass(frozen=True)
class OutputRef:
    """A file the task produced: its name, URL and MIME type, and the object that downloads it."""

    name: str
    url: str | None
    mime_type: str | None
    handle: Any = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Confirmation:
    """An action the agent wants confirmed (v2): what it is, and the JSON Schema of the input it needs."""

    event_id: str
    description: str
    input_schema: dict[str, Any] | None = None


@dataclass(frozen=True)
class TaskView:
    """One task as the commands show it; ``raw`` is the server's object for ``--json``.

    ``answer`` / ``files`` are the latest turn's (a follow-up's answer, not the question it replied to);
    ``question`` is the agent's question while ``waiting``.
    """

    id: str
    status: str
    raw_status: str | None = None
    title: str | None = None
    url: str | None = None
    share_url: str | None = None
    credits: int | None = None
    created_at: int | None = None
    updated_at: int | None = None
    answer: str = ""
    files: Sequence[OutputRef] = ()
    question: str | None = None
    confirmation: Confirmation | None = None
    brief: str | None = None
    plan: Sequence[str] = ()
    error: str | None = None
    structured: Any = None  # the JSON a --schema run returned (backends with "schema")
    turn_marker: object = None  # changes once the server has taken in a reply (v1: the message count)
    has_conversation: bool = True  # False: a list row without the conversation (v2): answer/files unknown
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def summary(self) -> dict[str, Any]:
        """The fields ``--json`` prints, without the raw conversation.

        >>> TaskView(id="t1", status="running").summary()["status"]
        'running'
        """
        return {
            "id": self.id,
            "status": self.status,
            "title": self.title,
            "url": self.url,
            "share_url": self.share_url,
            "credits": self.credits,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "question": self.question,
            "error": self.error,
        }


@dataclass(frozen=True)
class FileInfo:
    """An uploaded file's record."""

    id: str
    name: str | None
    status: str | None
    size: int | None = None
    created_at: int | None = None


@dataclass(frozen=True)
class SubmitOptions:
    """What ``manus run`` passes on to create a task (``None`` / empty: not given)."""

    profile: str | None = None
    mode: str | None = None
    project_id: str | None = None
    locale: str | None = None
    connectors: Sequence[str] = ()
    attachments: Sequence[FileInfo] = ()  # uploaded files
    share: bool = False
    hide: bool = False
    schema: dict[str, Any] | None = None


@dataclass(frozen=True)
class TaskFilter:
    """``manus tasks list`` filters (``None`` / empty: not given)."""

    statuses: Sequence[str] = ()
    query: str | None = None
    limit: int = 20
    order: str | None = None
    everything: bool = False
    scope: str | None = None
    project_id: str | None = None
    agent_id: str | None = None


class Backend(Protocol):
    """What every API version offers the commands; see the module docstring."""

    name: str
    capabilities: frozenset[Capability]

    def submit(self, prompt: str, options: SubmitOptions) -> TaskView: ...

    def get(self, task_id: str) -> TaskView: ...

    def wait(
        self, task_id: str, *, timeout: float | None, poll_interval: float | None, on_update: Callable[[TaskView], None]
    ) -> TaskView:
        """Until the task is no longer ``running``; ``TimedOut`` past ``timeout`` seconds."""
        ...

    def answer(self, task_id: str, text: str) -> None: ...

    def confirm(self, task_id: str, *, accept: bool, payload: dict[str, Any] | None) -> None: ...

    def stop(self, task_id: str) -> None: ...

    def events(self, task_id: str) -> Iterator[dict[str, Any]]: ...

    def usage(self) -> dict[str, Any]: ...

    def download(self, ref: OutputRef, directory: Path) -> Path: ...

    def list_tasks(self, task_filter: TaskFilter, note: Note | None = None) -> Iterator[TaskView]:
        """Checks ``task_filter`` when called (before any request); the rows come as they are iterated."""
        ...

    def update_task(
        self, task_id: str, *, title: str | None, visibility: Visibility | None, visible: bool | None
    ) -> dict[str, Any]: ...

    def delete_task(self, task_id: str) -> None: ...

    def upload(self, path: Path, progress: UploadProgress | None) -> FileInfo: ...

    def list_files(self) -> list[FileInfo]: ...

    def delete_file(self, file_id: str) -> None: ...

    def create_webhook(self, url: str) -> dict[str, Any]:
        """``{"webhook_id": ..., "url": ...}`` (and ``status`` / ``created_at`` where the API says)."""
        ...

    def list_webhooks(self) -> list[dict[str, Any]]:
        """Rows shaped like ``create_webhook``'s."""
        ...

    def delete_webhook(self, webhook_id: str) -> None: ...

    def webhook_public_key(self) -> str: ...

    def close(self) -> None: ...
