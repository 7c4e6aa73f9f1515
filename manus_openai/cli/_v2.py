"""``V2Backend``: the ``manus`` commands on the Manus v2 API (``client.v2``), the default where it is installed.

What v2 adds over v1, and how the commands use it:

* ``run`` / ``wait`` follow the event log (``client.v2.tasks.follow``): the live display shows the
  agent's ``brief`` and plan steps as they arrive; ``--schema`` arms structured output and the result
  (the newest ``structured_output_result``) is printed as JSON.
* ``waiting`` is either a question (``messageAskUser``: answered with ``task.sendMessage``) or a
  confirmation (any other ``waiting_for_event_type``: its ``waiting_description`` and
  ``confirm_input_schema`` are shown, answered with ``task.confirmAction``).
* ``stop`` (``task.stop``), ``follow`` (the event log, one round until the task is at rest) and
  ``usage`` (``usage.availableCredits``).

Choices where the docs are silent:

* v2's ``stopped`` means "finished, or stopped by the user"; it reads ``stopped`` when the log's last
  turn holds a ``user_stop`` event, else ``completed``.
* The answer and files are the assistant messages after the last user message (the latest turn).
* Every command uses v2 endpoints only (no v1 call is left, so the CLI keeps working when v1 goes):
  ``tasks list`` is ``task.list`` (``--scope`` / ``--project`` / ``--agent``; v2 has no status or text
  filter, so ``--status`` / ``--query`` are applied over the pages with a note on stderr — see
  ``_v2_lists``), ``tasks show`` is ``task.detail`` plus the event log, ``tasks update`` is
  ``task.update`` and ``tasks delete`` is ``task.delete`` (the ``agent-default`` shortcuts are refused
  before sending: agent tasks cannot be deleted).
* ``tasks update --share`` is ``share_visibility: public`` (v1's public share link, the same as
  ``run --share``), ``--no-share`` is ``private``; ``--share-visibility private|team|public`` sets it
  directly. ``--visible/--hidden`` is ``enable_visible_in_task_list``.
* ``webhooks create|list|delete`` are ``webhook.create|list|delete``; their rows carry the id as
  ``webhook_id`` (the name v1's create answers with, so scripts work on both). ``webhooks listen``
  verifies deliveries with ``webhook.publicKey``.
* Files are v2's (their ids are what a v2 task takes as attachments); v2 documents no file list, so
  ``files list`` says so (exit 5). A v2 upload is one call: the progress bar completes when it returns.
* ``--mode`` (v1's task mode) has no v2 counterpart: exit 5 rather than dropping it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..types.v2.events import AssistantMessageEvent, PlanUpdateEvent, StatusUpdateEvent
from ..v2._task_calls import SHORTCUTS
from ._backend import (
    NOTHING_TO_UPDATE,
    Capability,
    Confirmation,
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
from ._exit import CliError, NotSupported
from ._v1 import V1Backend
from ._v2_lists import list_arguments, list_rows, row_view

if TYPE_CHECKING:
    from .. import ManusOpenAI

__all__ = ["ASK_USER", "V2Backend", "view_of_v2"]

ASK_USER = "messageAskUser"
"""The ``waiting_for_event_type`` of a plain question (answered with a message, not a confirmation)."""

_STATUS = {"running": "running", "waiting": "waiting", "error": "failed"}


def _latest_turn(events: list[Any]) -> list[Any]:
    last_user = max((i for i, e in enumerate(events) if e.type == "user_message"), default=-1)
    return events[last_user + 1 :]


def view_of_v2(task: Any, events: list[Any]) -> TaskView:
    """A ``TaskView`` from a v2 task record and its event log (oldest first).

    >>> from manus_openai.types.v2.task import V2Task
    >>> view_of_v2(V2Task(id="t1", status="running"), []).status
    'running'
    """
    turn = _latest_turn(events)
    raw_status = task.status if isinstance(task.status, str) else None
    status = _STATUS.get(raw_status or "", raw_status or "unknown")
    if raw_status == "stopped":
        status = "stopped" if any(e.type == "user_stop" for e in turn) else "completed"
    brief: str | None = None
    plan: tuple[str, ...] = ()
    detail: Any = None
    structured: Any = None
    error: str | None = None
    for event in events:
        if event.type == "status_update":
            brief = event.status_update.brief or brief
            detail = event.status_update.status_detail
        elif event.type == "plan_update":
            plan = tuple(step.title or "" for step in event.plan_update.steps)
        elif event.type == "structured_output_result" and event.structured_output_result.success:
            structured = event.structured_output_result.value
        elif event.type == "error_message":
            error = event.error_message.content
    texts = [e.assistant_message.content for e in turn if e.type == "assistant_message" and e.assistant_message.content]
    files = [
        OutputRef(name=a.filename or "download", url=a.url, mime_type=a.content_type, handle=a)
        for e in turn
        if e.type == "assistant_message"
        for a in e.assistant_message.attachments
    ]
    question = confirmation = None
    if status == "waiting" and detail is not None:
        if detail.waiting_for_event_type == ASK_USER:
            question = texts[-1] if texts else detail.waiting_description
        else:
            confirmation = Confirmation(
                event_id=detail.waiting_for_event_id or "",
                description=detail.waiting_description or str(detail.waiting_for_event_type),
                input_schema=detail.confirm_input_schema,
            )
    waiting = status == "waiting"
    return TaskView(
        id=task.id, status=status, raw_status=raw_status, title=task.title, url=task.task_url,
        share_url=task.share_url, credits=task.credit_usage,
        created_at=None if task.created_at is None else int(task.created_at),
        updated_at=None if task.updated_at is None else int(task.updated_at),
        answer="" if waiting else "\n\n".join(texts), files=() if waiting else tuple(files),
        question=question, confirmation=confirmation, brief=brief, plan=plan,
        error=error if status == "failed" else None, structured=structured,
        turn_marker=sum(1 for e in events if e.type == "user_message"),
        raw=task.model_dump(mode="json"),
    )  # fmt: skip


def _event_text(event: Any) -> str:
    if event.type == "status_update":
        update = event.status_update
        return f"{update.agent_status}: {update.brief or ''}".rstrip(": ")
    if event.type == "plan_update":
        return "; ".join(step.title or "" for step in event.plan_update.steps)
    for name in ("assistant_message", "user_message", "error_message", "explanation"):
        part = getattr(event, name, None)
        if part is not None and getattr(part, "content", None):
            return str(part.content)
    return ""


class V2Backend(V1Backend):
    """The v2 API behind the commands (see the module docstring); it calls no v1 endpoint (what it
    inherits from ``V1Backend`` is ``close`` and the download of a plain file URL).

    Example::

        from manus_openai.emulator import Emulator

        with Emulator(task_duration=0) as emu:
            backend = V2Backend(emu.client())
            task = backend.submit("Hello", SubmitOptions())
            print(backend.wait(task.id, timeout=10, poll_interval=0.05, on_update=print).status)
    """

    name = "v2"
    capabilities: frozenset[Capability] = frozenset({"confirm", "stop", "events", "usage", "schema", "plan"})

    def __init__(self, client: ManusOpenAI, *, sleep: Callable[[float], None] = time.sleep) -> None:
        super().__init__(client, sleep=sleep)
        self._v2 = client.v2

    def _events(self, task_id: str) -> list[Any]:
        return list(self._v2.tasks.list_messages(task_id, order="asc"))

    def submit(self, prompt: str, options: SubmitOptions) -> TaskView:
        """``task.create`` (interactive, so the agent can ask), with the files as message parts."""
        if options.mode:
            raise NotSupported("--mode (v1's task mode)", self.name, hint="leave it out, or use `manus --api v1 run`")
        message: Any = prompt
        if options.attachments:
            message = [{"type": "text", "text": prompt}] + [
                {"type": "file", "file_id": f.id, **({"filename": f.name} if f.name else {})}
                for f in options.attachments
            ]
        created = self._v2.tasks.create(
            message, connectors=list(options.connectors) or None, project_id=options.project_id,
            locale=options.locale, interactive_mode=True, hide_in_task_list=options.hide or None,
            share_visibility="public" if options.share else None, agent_profile=options.profile,
            structured_output=options.schema,
        )  # fmt: skip
        return TaskView(
            id=created.task_id, status="running", title=created.task_title, url=created.task_url,
            share_url=created.share_url, raw=created.model_dump(mode="json"),
        )  # fmt: skip

    def get(self, task_id: str) -> TaskView:
        """``task.detail`` plus the event log."""
        return view_of_v2(self._v2.tasks.retrieve(task_id), self._events(task_id))

    def wait(
        self, task_id: str, *, timeout: float | None, poll_interval: float | None, on_update: Callable[[TaskView], None]
    ) -> TaskView:
        """Follow the event log until the task is at rest (stopped, waiting or error)."""
        from ..v2 import V2WaitTimeout

        events = self._events(task_id)
        record = self._v2.tasks.retrieve(task_id)
        current = view_of_v2(record, events)
        on_update(current)
        if record.at_rest:  # following after the last event would wait for one that never comes
            return current
        follower = self._v2.tasks.follow(
            task_id, after=events[-1].id if events else None, timeout=timeout, poll_interval=poll_interval
        )
        try:
            for event in follower:
                events.append(event)
                if isinstance(event, StatusUpdateEvent):  # a status change: refresh the record (credits)
                    status = event.status_update.agent_status
                    current = view_of_v2(self._v2.tasks.retrieve(task_id), events)
                    on_update(view_of_v2(_Record(current.raw | ({"status": status} if status else {})), events))
                elif isinstance(event, (PlanUpdateEvent, AssistantMessageEvent)):
                    on_update(view_of_v2(_Record(current.raw), events))
        except V2WaitTimeout as exc:
            raise TimedOut(str(exc), view_of_v2(_Record(current.raw), events)) from exc
        return self.get(task_id)

    def answer(self, task_id: str, text: str) -> None:
        """``task.sendMessage``: the reply to a question, or a follow-up turn."""
        self._v2.tasks.send_message(task_id, text)

    def confirm(self, task_id: str, *, accept: bool, payload: dict[str, Any] | None) -> None:
        """``task.confirmAction`` on what the task waits for."""
        from ..v2 import confirmations

        waiting = self._v2.tasks.waiting_for(task_id)
        if waiting is None or waiting.waiting_for_event_type == ASK_USER:
            what = "a question: answer it with `manus answer`" if waiting is not None else "nothing"
            raise CliError(f"task {task_id} is not waiting for a confirmation (it waits for {what})")
        answer: Any
        if payload is None:
            answer = confirmations.accept() if accept else confirmations.reject()
        else:
            properties = (waiting.confirm_input_schema or {}).get("properties") or {}
            answer = {"accept": accept, **payload} if "accept" in properties else payload
        self._v2.tasks.confirm(task_id, waiting, answer)

    def stop(self, task_id: str) -> None:
        """``task.stop`` (resume with ``manus answer``)."""
        self._v2.tasks.stop(task_id)

    def events(self, task_id: str) -> Iterator[dict[str, Any]]:
        """The event log as it arrives, until the task is at rest."""
        for event in self._v2.tasks.follow(task_id, timeout=None):
            yield {**event.model_dump(mode="json"), "text": _event_text(event)}

    def usage(self) -> dict[str, Any]:
        """``usage.availableCredits``."""
        return dict(self._v2.usage.available_credits().model_dump(mode="json"))

    def download(self, ref: OutputRef, directory: Path) -> Path:
        """An attachment of an assistant message, streamed into ``directory``."""
        if ref.handle is None or not hasattr(ref.handle, "download"):
            return super().download(ref, directory)
        directory.mkdir(parents=True, exist_ok=True)
        path: Path = ref.handle.download(directory, client=self._client)
        return path

    # -- many tasks -----------------------------------------------------------------------------
    def list_tasks(self, task_filter: TaskFilter, note: Note | None = None) -> Iterator[TaskView]:
        """``task.list`` through the client's cursor iteration; status and text filters applied here."""
        arguments, statuses = list_arguments(task_filter, note)
        pages = self._v2.tasks.list(**arguments)
        return list_rows((row_view(view_of_v2(task, [])) for task in pages), task_filter, statuses)

    def update_task(
        self, task_id: str, *, title: str | None, visibility: Visibility | None, visible: bool | None
    ) -> dict[str, Any]:
        """``task.update`` with only what was given."""
        if title is None and visibility is None and visible is None:
            raise CliError(NOTHING_TO_UPDATE)
        updated = self._v2.tasks.update(
            task_id, title=title, share_visibility=visibility, enable_visible_in_task_list=visible
        )
        return _dump(updated)

    def delete_task(self, task_id: str) -> None:
        """``task.delete`` (an agent's task cannot be deleted: its shortcuts are refused before sending)."""
        if task_id in SHORTCUTS:
            raise CliError(f"{task_id} is an agent's task: agent tasks cannot be deleted (task.delete refuses them)")
        self._v2.tasks.delete(task_id)

    # -- files and webhooks ---------------------------------------------------------------------
    def upload(self, path: Path, progress: UploadProgress | None) -> FileInfo:
        """``file.upload`` (one call; ``progress`` hears the whole size when it returns)."""
        if not path.is_file():
            raise CliError(f"no file at {str(path)!r}")
        record = self._v2.files.upload(path)
        if progress is not None:
            progress(path.stat().st_size)
        created = None if record.created_at is None else int(record.created_at)
        return FileInfo(id=record.id, name=record.filename, status=record.status, created_at=created)

    def list_files(self) -> list[FileInfo]:
        """v2 documents no file list."""
        raise NotSupported("listing files", self.name, hint="`manus --api v1 files list` lists the v1 files")

    def delete_file(self, file_id: str) -> None:
        """``file.delete``."""
        self._v2.files.delete(file_id)

    def create_webhook(self, url: str) -> dict[str, Any]:
        """``webhook.create`` (Manus calls ``url`` first)."""
        return _hook_row(self._v2.webhooks.create(url))

    def list_webhooks(self) -> list[dict[str, Any]]:
        """``webhook.list``, every page."""
        return [_hook_row(hook) for hook in self._v2.webhooks.list()]

    def delete_webhook(self, webhook_id: str) -> None:
        """``webhook.delete``."""
        self._v2.webhooks.delete(webhook_id)

    def webhook_public_key(self) -> str:
        """``webhook.publicKey``: the PEM key deliveries are signed with."""
        return self._v2.webhooks.public_key().public_key


def _dump(model: Any) -> dict[str, Any]:
    data: dict[str, Any] = model.model_dump(mode="json", exclude_none=True)
    data.pop("ok", None)
    return data


def _hook_row(hook: Any) -> dict[str, Any]:
    created = None if hook.created_at is None else int(hook.created_at)
    return {"webhook_id": hook.id, "url": hook.url, "status": hook.status, "created_at": created}


class _Record:
    """The few task fields ``view_of_v2`` reads, from a dumped record (for live updates between polls)."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.id = raw.get("id", "")
        self.status = raw.get("status")
        self.title = raw.get("title")
        self.task_url = raw.get("task_url")
        self.share_url = raw.get("share_url")
        self.credit_usage = raw.get("credit_usage")
        self.created_at = raw.get("created_at")
        self.updated_at = raw.get("updated_at")
        self._raw = raw

    def model_dump(self, mode: str = "json") -> dict[str, Any]:
        return self._raw
