"""``V1Backend``: the ``manus`` commands on the Manus v1 API, through a ``ManusOpenAI`` client.

Which v1 calls it uses: ``client.tasks.create`` to create and to answer (``task_id=`` continues a
task), ``client.responses.wait`` to follow one (``responses.create`` is never called, so whether it
blocks by default does not matter here), ``client.tasks.retrieve`` for the final record (answer,
question, files) and ``tasks show``, ``client.tasks`` for list/update/delete,
``client.files`` and ``client.webhooks``; output files download through ``OutputFile.download``.
``tasks list`` filters by status and text on the server; v2's ``--scope`` / ``--project`` / ``--agent``
and ``webhooks list`` have no v1 counterpart (exit 5). ``--share-visibility public|private`` is v1's
``enableShared`` on/off; ``team`` has no v1 counterpart (exit 5).

Choices where the docs are silent:

* Status words: the responses view's ``pending`` (and the Task schema's) is read as ``waiting`` — the
  compatibility guide's "the agent needs input" — and its last assistant message as the question;
  ``error`` and ``failed`` are both ``failed``.
* v1 has no confirmations, no stop, no event log, no credits balance and no structured output: those
  raise ``NotSupported`` (exit code 5) saying what v1 offers instead. Per-task credits are shown.
* The answer shown is the latest turn's: the assistant messages after the last user message, so after
  ``manus answer`` the question is not printed again as part of the answer.
* Uploads with a progress callback stream the bytes to the presigned URL in 64 KiB chunks with a
  ``Content-Length`` (presigned storage URLs refuse chunked bodies) through a short-lived ``httpx``
  client that never carries the API key; without one they use ``client.files.upload``.
"""

from __future__ import annotations

import mimetypes
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import httpx

from ..errors import WaitTimeout
from ..resources._task_requests import ListStatus, Order
from ..resources.files import UPLOAD_POLL_DELAYS
from ..types.attachments import FileIdAttachment
from ..types.file import File
from ..types.output_file import OutputFile
from ..types.task import TASK_LIST_STATUSES
from ._backend import (
    NOTHING_TO_UPDATE,
    Capability,
    FileInfo,
    Note,
    OutputRef,
    SubmitOptions,
    TaskFilter,
    TaskView,
    TimedOut,
    UploadProgress,
    Visibility,
)
from ._exit import CliError, ExitCode, NotSupported, choice

if TYPE_CHECKING:
    from .. import ManusOpenAI

__all__ = ["STATUS_WORDS", "V1Backend", "view_of"]

STATUS_WORDS: dict[str, str] = {
    "running": "running",
    "pending": "waiting",
    "completed": "completed",
    "error": "failed",
    "failed": "failed",
    "stopped": "stopped",
}
"""v1 status (responses view and Task schema) -> the CLI's word."""

_CHUNK = 64 * 1024


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _latest_turn(output: object) -> list[dict[str, Any]]:
    """The assistant messages after the last user message."""
    messages = [m for m in output if isinstance(m, dict)] if isinstance(output, list) else []
    last_user = max((i for i, m in enumerate(messages) if m.get("role") == "user"), default=-1)
    return [m for m in messages[last_user + 1 :] if m.get("role") == "assistant"]


def _parts(message: dict[str, Any]) -> list[Any]:
    content = message.get("content")
    return content if isinstance(content, list) else []


def _texts(messages: list[dict[str, Any]]) -> list[str]:
    texts = []
    for message in messages:
        text = "".join(
            p["text"] for p in _parts(message) if isinstance(p, dict) and p.get("type") in ("output_text", None)
            and isinstance(p.get("text"), str)
        )  # fmt: skip
        if text:
            texts.append(text)
    return texts


def _files(messages: list[dict[str, Any]]) -> list[OutputRef]:
    refs = []
    for message in messages:
        for part in _parts(message):
            if isinstance(part, dict) and part.get("type") == "output_file":
                f = OutputFile.from_part(part)
                name = f.file_name or (f.file_url or "download").rsplit("/", 1)[-1] or "download"
                refs.append(OutputRef(name=name, url=f.file_url, mime_type=f.mime_type, handle=f))
    return refs


def _error_text(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("message") or value.get("code")
    return str(value) if value else None


def view_of(obj: Any) -> TaskView:
    """A ``TaskView`` of a v1 ``Task`` or ``ManusResponse``.

    >>> from manus_openai.types import Task
    >>> view_of(Task.construct(id="t1", status="pending", output=[])).status
    'waiting'
    """
    raw: dict[str, Any] = obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)
    raw_status = raw.get("status") if isinstance(raw.get("status"), str) else None
    status = STATUS_WORDS.get(raw_status or "", raw_status or "unknown")
    turn = _latest_turn(raw.get("output"))
    texts = _texts(turn)
    question = texts[-1] if status == "waiting" and texts else None
    return TaskView(
        id=str(raw.get("id") or getattr(obj, "id", "")),
        status=status,
        raw_status=raw_status,
        title=obj.task_title,
        url=obj.task_url,
        share_url=obj.share_url,
        credits=obj.credit_usage,
        created_at=_int(raw.get("created_at") if raw.get("created_at") is not None else raw.get("createdAt")),
        updated_at=_int(raw.get("updated_at")),
        answer="" if question is not None else "\n\n".join(texts),
        files=() if question is not None else tuple(_files(turn)),
        question=question,
        error=_error_text(raw.get("error")) if status == "failed" else None,
        turn_marker=len(raw["output"]) if isinstance(raw.get("output"), list) else None,
        raw=raw,
    )


def _file_info(f: File) -> FileInfo:
    return FileInfo(id=f.id, name=f.filename, status=f.status, size=f.bytes, created_at=f.created_at)


class V1Backend:
    """The v1 API behind the commands (see the module docstring).

    Example::

        from manus_openai.emulator import Emulator

        with Emulator(task_duration=0) as emu:
            backend = V1Backend(emu.client())
            task = backend.submit("Hello", SubmitOptions())
            print(backend.wait(task.id, timeout=10, poll_interval=0.05, on_update=print).status)
    """

    name = "v1"
    capabilities: frozenset[Capability] = frozenset()

    def __init__(self, client: ManusOpenAI, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self._client = client
        self._sleep = sleep

    # -- one task -------------------------------------------------------------------------------
    def submit(self, prompt: str, options: SubmitOptions) -> TaskView:
        """Create the task with ``POST /v1/tasks`` and return its first state (``running``)."""
        if options.schema is not None:
            raise NotSupported("structured output (--schema)", self.name, hint="the v2 API returns JSON to a schema")
        attachments: list[FileIdAttachment] = [
            {"file_id": f.id, "filename": f.name or f.id} for f in options.attachments
        ]
        kwargs: dict[str, Any] = {}
        if options.profile:
            kwargs["agent_profile"] = options.profile
        if options.mode:
            kwargs["task_mode"] = options.mode
        if options.project_id:
            kwargs["project_id"] = options.project_id
        if options.locale:
            kwargs["locale"] = options.locale
        if options.connectors:
            kwargs["connectors"] = list(options.connectors)
        if attachments:
            kwargs["attachments"] = attachments
        if options.share:
            kwargs["create_shareable_link"] = True
        if options.hide:
            kwargs["hide_in_task_list"] = True
        created = self._client.tasks.create(prompt, **kwargs)
        return TaskView(
            id=created.task_id, status="running", title=created.task_title, url=created.task_url,
            share_url=created.share_url, raw=created.to_dict(),
        )  # fmt: skip

    def get(self, task_id: str) -> TaskView:
        """The task's current state and conversation (``GET /v1/tasks/{id}``, the native record)."""
        return view_of(self._client.tasks.retrieve(task_id))

    def wait(
        self, task_id: str, *, timeout: float | None, poll_interval: float | None, on_update: Callable[[TaskView], None]
    ) -> TaskView:
        """``client.responses.wait``: until the task is no longer running (``WaitTimeout`` past ``timeout``)."""
        try:
            done = self._client.responses.wait(
                task_id, timeout=timeout, poll_interval=poll_interval, on_update=lambda r: on_update(view_of(r))
            )
        except WaitTimeout as exc:
            raise TimedOut(str(exc), None if exc.response is None else view_of(exc.response)) from exc
        # The answer, question and files come from the native task record, whatever view of the
        # conversation the Responses surface gives.
        final = self.get(task_id)
        return final if final.status == view_of(done).status else view_of(done)

    def answer(self, task_id: str, text: str) -> None:
        """Send a follow-up turn (``POST /v1/tasks`` with ``taskId``)."""
        self._client.tasks.create(text, task_id=task_id)

    def confirm(self, task_id: str, *, accept: bool, payload: dict[str, Any] | None) -> None:
        """v1 has no confirmations."""
        raise NotSupported(
            "confirming an action", self.name,
            hint=f"a v1 task that needs you asks a question instead: manus answer {task_id} TEXT",
        )  # fmt: skip

    def stop(self, task_id: str) -> None:
        """v1 cannot stop a task."""
        raise NotSupported(
            "stopping a task", self.name,
            hint=f"the task keeps running; `manus tasks delete {task_id}` deletes it (irreversibly)",
        )  # fmt: skip

    def events(self, task_id: str) -> Iterator[dict[str, Any]]:
        """v1 has no event log."""
        raise NotSupported(
            "the event log", self.name, hint=f"`manus wait {task_id}` shows the task's status until it ends"
        )

    def usage(self) -> dict[str, Any]:
        """v1 has no credits endpoint."""
        raise NotSupported(
            "the credit balance", self.name,
            hint="each task's credits are shown by `manus tasks list` and `manus tasks show ID`",
        )  # fmt: skip

    def download(self, ref: OutputRef, directory: Path) -> Path:
        """Stream one output file into ``directory``."""
        handle = ref.handle if isinstance(ref.handle, OutputFile) else OutputFile(file_url=ref.url, file_name=ref.name)
        directory.mkdir(parents=True, exist_ok=True)
        return handle.download(directory, client=self._client)

    # -- many tasks -----------------------------------------------------------------------------
    def list_tasks(self, task_filter: TaskFilter, note: Note | None = None) -> Iterator[TaskView]:
        """Newest first; one page of ``limit`` rows, or every page with ``everything`` (filters server-side)."""
        for value in task_filter.statuses:
            choice("--status", value, TASK_LIST_STATUSES)
        for option, given in (
            ("--scope", task_filter.scope), ("--project", task_filter.project_id), ("--agent", task_filter.agent_id)
        ):  # fmt: skip
            if given is not None:
                raise NotSupported(
                    f"listing tasks by {option[2:]} ({option})", self.name,
                    hint="v1's task list filters by status and text only; `manus --api v2 tasks list` has it",
                )  # fmt: skip
        page = self._client.tasks.list(
            status=cast("list[ListStatus]", list(task_filter.statuses)) or None,  # checked above
            query=task_filter.query,
            limit=task_filter.limit,
            order=cast("Order | None", task_filter.order),
        )
        return (view_of(task) for task in (iter(page) if task_filter.everything else iter(page.data)))

    def update_task(
        self, task_id: str, *, title: str | None, visibility: Visibility | None, visible: bool | None
    ) -> dict[str, Any]:
        """``PUT /v1/tasks/{id}`` with only what was given; ``public`` / ``private`` is ``enableShared``."""
        kwargs: dict[str, Any] = {}
        if title is not None:
            kwargs["title"] = title
        if visibility == "team":
            raise NotSupported(
                "sharing with the team (--share-visibility team)", self.name,
                hint="v1 shares publicly or not at all: --share / --no-share; v2 has team sharing",
            )  # fmt: skip
        if visibility is not None:
            kwargs["enable_shared"] = visibility == "public"
        if visible is not None:
            kwargs["enable_visible_in_task_list"] = visible
        if not kwargs:
            raise CliError(NOTHING_TO_UPDATE)
        return self._client.tasks.update(task_id, **kwargs).to_dict()

    def delete_task(self, task_id: str) -> None:
        """``DELETE /v1/tasks/{id}``."""
        self._client.tasks.delete(task_id)

    # -- files and webhooks ---------------------------------------------------------------------
    def upload(self, path: Path, progress: UploadProgress | None) -> FileInfo:
        """Upload one file; ``progress`` (if given) hears every chunk sent."""
        if not path.is_file():
            raise CliError(f"no file at {str(path)!r}")
        try:
            size = path.stat().st_size
            with path.open("rb"):
                pass
        except OSError as exc:
            raise CliError(f"{str(path)!r} cannot be read: {exc.strerror or exc}") from exc
        if progress is None:
            return _file_info(self._client.files.upload(path))
        created = self._client.post("/files", body={"filename": path.name}, cast_to=File)
        if not created.upload_url:
            raise CliError(f"the server gave no upload URL for {path.name}", ExitCode.API_ERROR)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"

        def chunks() -> Iterator[bytes]:
            with path.open("rb") as stream:
                while chunk := stream.read(_CHUNK):
                    yield chunk
                    progress(len(chunk))

        headers = {"Content-Type": mime, "Content-Length": str(size)}
        try:
            with httpx.Client(timeout=httpx.Timeout(600.0, connect=10.0)) as http:  # no key: the URL is its credential
                response = http.put(created.upload_url, content=chunks(), headers=headers)
        except httpx.HTTPError as exc:
            raise CliError(f"uploading {path.name} failed: {exc}", ExitCode.API_ERROR) from exc
        if response.is_error:
            raise CliError(f"uploading {path.name} failed: HTTP {response.status_code}", ExitCode.API_ERROR)
        for delay in UPLOAD_POLL_DELAYS:
            if delay:
                self._sleep(delay)
            record = self._client.files.retrieve(created.id)
            if record.status != "pending":
                return _file_info(record)
        raise CliError(f"file {created.id} was uploaded but is still 'pending'", ExitCode.API_ERROR)

    def list_files(self) -> list[FileInfo]:
        """The 10 most recent files (all v1 lists)."""
        return [_file_info(f) for f in self._client.files.list().data]

    def delete_file(self, file_id: str) -> None:
        """``DELETE /v1/files/{id}``."""
        self._client.files.delete(file_id)

    def create_webhook(self, url: str) -> dict[str, Any]:
        """Register ``url``; Manus sends a test request first."""
        return {**self._client.webhooks.create(url).to_dict(), "url": url}

    def list_webhooks(self) -> list[dict[str, Any]]:
        """v1 documents no webhook list."""
        raise NotSupported(
            "listing webhooks", self.name,
            hint="the web app's settings list them; `manus --api v2 webhooks list` lists them on v2",
        )  # fmt: skip

    def delete_webhook(self, webhook_id: str) -> None:
        """``DELETE /v1/webhooks/{id}``."""
        self._client.webhooks.delete(webhook_id)

    def webhook_public_key(self) -> str:
        """The PEM key deliveries are signed with."""
        return self._client.webhooks.public_key().public_key

    def close(self) -> None:
        """Close the client's connection pool."""
        self._client.close()
