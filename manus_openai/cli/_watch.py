"""Watching one task to its end, shared by ``manus run`` and ``manus wait``.

The loop: wait (live display on a terminal, one line per change elsewhere) until the task leaves
``running``; when it is ``waiting``, ask the question (or the confirmation) at the prompt and send the
reply, or — without a terminal — print how to answer and exit 3; when it ends, print the answer as
Markdown, download the files and print their paths and sizes.

Ctrl-C while waiting stops the display and always prints the task id. If the backend can stop tasks
and a person is there, it asks whether to stop the task or leave it running; otherwise it says the
task keeps running. Exit code 130 either way.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.live import Live
from rich.prompt import Confirm, FloatPrompt, IntPrompt, Prompt
from rich.text import Text

from ._backend import Backend, TaskView, TimedOut
from ._exit import ExitCode
from ._render import LiveStatus, elapsed_text, print_answer, print_files, status_line
from ._session import Session, emit

__all__ = ["DEFAULT_OUT", "WatchOptions", "watch"]

DEFAULT_OUT = Path("manus-output")
"""Where output files go without ``--out``: ``./manus-output/<task id>/``."""

STALE_WINDOW = 60.0
"""After a reply, for this many seconds a ``waiting`` state with the same turn marker is read as the server
not having taken the reply in yet (polled again) rather than as a new question."""

STALE_PAUSE = 1.0
"""Pause between those polls when no ``--poll-interval`` is given."""

_sleep = time.sleep


@dataclass(frozen=True)
class WatchOptions:
    """How ``watch`` behaves (the shared options of ``run`` and ``wait``)."""

    timeout: float | None = None
    poll_interval: float | None = None
    out: Path | None = None
    as_json: bool = False
    yes: bool = False


class _Progress:
    """The live display, or one status line per change when there is no terminal."""

    def __init__(self, session: Session, view: TaskView, started: float) -> None:
        self._session = session
        self._status = LiveStatus(view, started=started)
        self._live: Live | None = None
        self._last: tuple[object, ...] | None = None

    def __enter__(self) -> _Progress:
        if self._session.live:
            self._live = Live(self._status, console=self._session.err, refresh_per_second=4, transient=False)
            self._live.start()
        else:
            self._changed(self._status.view)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None

    def update(self, view: TaskView) -> None:
        self._status.update(view)
        if self._live is None:
            self._changed(view)

    def _changed(self, view: TaskView) -> None:
        key = (view.status, view.credits, view.brief, tuple(view.plan))
        if key != self._last:
            self._last = key
            self._session.info(status_line(view, self._status.elapsed))

    @property
    def elapsed(self) -> float:
        return self._status.elapsed


def _started_at(view: TaskView, fresh: bool) -> float:
    """The monotonic time the task started: now for a task just created, else from its ``created_at``."""
    now = time.monotonic()
    if fresh or view.created_at is None:
        return now
    return now - max(time.time() - view.created_at, 0.0)


def _ask_answer(session: Session, view: TaskView) -> str | None:
    session.err.print()
    session.info(f"The agent asks: {view.question or '(no question text; see the task in the web app)'}")
    while True:
        try:
            text = Prompt.ask("Your answer", console=session.err)
        except EOFError:
            return None
        if text.strip():
            return text


def _schema_fields(schema: dict[str, Any] | None) -> dict[str, Any]:
    properties = schema.get("properties") if isinstance(schema, dict) else None
    return properties if isinstance(properties, dict) else {}


def _ask_confirmation(session: Session, view: TaskView) -> tuple[bool, dict[str, Any] | None] | None:
    confirmation = view.confirmation
    assert confirmation is not None
    session.err.print()
    session.info(f"The agent asks to confirm: {confirmation.description}")
    try:
        accept = Confirm.ask("Allow it?", console=session.err, default=False)
        payload: dict[str, Any] = {}
        if accept:
            for name, spec in _schema_fields(confirmation.input_schema).items():
                if name == "accept":  # the yes/no just asked
                    payload[name] = True
                    continue
                kind = spec.get("type") if isinstance(spec, dict) else None
                label = f"{name}" + (
                    f" ({spec['description']})" if isinstance(spec, dict) and spec.get("description") else ""
                )
                prompt = Text(label)
                if kind == "boolean":
                    payload[name] = Confirm.ask(prompt, console=session.err, default=False)
                elif kind == "integer":
                    payload[name] = IntPrompt.ask(prompt, console=session.err)
                elif kind == "number":
                    payload[name] = FloatPrompt.ask(prompt, console=session.err)
                else:
                    payload[name] = Prompt.ask(prompt, console=session.err)
    except EOFError:
        return None
    return accept, payload or None


def _how_to_answer(session: Session, view: TaskView, options: WatchOptions) -> int:
    if view.confirmation is not None:
        session.info(f"task {view.id} is waiting for a confirmation: {view.confirmation.description}")
        session.info(f"confirm with: manus confirm {view.id}   (or --reject; --input JSON for its fields)")
    else:
        session.info(f"task {view.id} is waiting for input: {view.question or '(no question text)'}")
        session.info(f"answer with: manus answer {view.id} 'TEXT'   then: manus wait {view.id}")
    if options.as_json:
        emit({**view.summary(), "waiting_for": "confirmation" if view.confirmation else "answer"})
    return int(ExitCode.WAITING)


def _interrupted(session: Session, backend: Backend, task_id: str, options: WatchOptions) -> int:
    session.err.print()
    stopped = False
    if "stop" in backend.capabilities and session.interactive:
        try:
            choice = Prompt.ask(
                Text(f"Stop task {task_id} or leave it running?"), choices=["stop", "leave"], default="leave",
                console=session.err,
            )  # fmt: skip
        except (KeyboardInterrupt, EOFError):
            choice = "leave"
        if choice == "stop":
            backend.stop(task_id)
            stopped = True
    if stopped:
        session.info(f"stopped task {task_id}")
    else:
        cannot = "" if "stop" in backend.capabilities else f" (the {backend.name} API cannot stop tasks)"
        session.info(f"task {task_id} keeps running{cannot}; resume watching with: manus wait {task_id}")
    if options.as_json:
        emit({"id": task_id, "status": "stopped" if stopped else "interrupted"})
    return int(ExitCode.INTERRUPTED)


def _finish(session: Session, backend: Backend, view: TaskView, options: WatchOptions, elapsed: float) -> int:
    saved: list[tuple[Path, int]] = []
    if view.status == "completed":
        if not options.as_json:
            if view.structured is not None:
                emit(view.structured)
            else:
                print_answer(session.out, view)
        directory = options.out if options.out is not None else DEFAULT_OUT / view.id
        for ref in view.files:
            path = backend.download(ref, directory)
            saved.append((path, path.stat().st_size))
        if not options.as_json:
            print_files(session.out, saved)
        session.info(f"task {view.id} completed in {elapsed_text(elapsed)}" +
                     ("" if view.credits is None else f", {view.credits} credits"))  # fmt: skip
        code = ExitCode.OK
    else:
        reason = f": {view.error}" if view.error else ""
        session.info(f"task {view.id} {view.status}{reason}")
        if view.answer and not options.as_json:
            print_answer(session.out, view)
        code = ExitCode.TASK_FAILED
    if options.as_json:
        files = [
            {"name": ref.name, "url": ref.url, "path": str(path), "size": size}
            for ref, (path, size) in zip(view.files, saved, strict=False)
        ]
        structured = {} if view.structured is None else {"structured": view.structured}
        emit({**view.summary(), "answer": view.answer, **structured, "files": files})
    return int(code)


def _stale(view: TaskView, replied: tuple[object, float] | None) -> bool:
    """Still showing the question we just answered (same turn marker), within the window we allow for that."""
    if replied is None or view.status != "waiting" or view.turn_marker is None:
        return False
    marker, until = replied
    return view.turn_marker == marker and time.monotonic() < until


def watch(
    session: Session,
    backend: Backend,
    view: TaskView,
    options: WatchOptions,
    *,
    fresh: bool,
) -> int:
    """Follow ``view``'s task to its end (answering what it asks when a person is there); the exit code.

    ``fresh``: the task was just created (elapsed time counts from now, not from ``created_at``).
    """
    started = _started_at(view, fresh)
    task_id = view.id
    replied: tuple[object, float] | None = None  # (turn marker when we replied, until when to trust it)
    while True:
        progress = _Progress(session, view, started)
        try:
            with progress:
                while True:
                    view = backend.wait(
                        task_id, timeout=options.timeout, poll_interval=options.poll_interval,
                        on_update=progress.update,
                    )  # fmt: skip
                    progress.update(view)  # the final frame shows the final state
                    if not _stale(view, replied):
                        break
                    _sleep(options.poll_interval or STALE_PAUSE)  # the server has not taken our reply in yet
        except KeyboardInterrupt:
            return _interrupted(session, backend, task_id, options)
        except TimedOut as exc:
            session.info(f"timed out after {options.timeout:g}s; task {task_id} keeps running: manus wait {task_id}")
            if options.as_json:
                emit({"id": task_id, "status": "running" if exc.last is None else exc.last.status, "timed_out": True})
            return int(ExitCode.TIMED_OUT)
        replied = None
        if view.status != "waiting":
            return _finish(session, backend, view, options, progress.elapsed)
        try:
            if view.confirmation is not None:
                if options.yes:
                    backend.confirm(task_id, accept=True, payload=None)
                    replied = (view.turn_marker, time.monotonic() + STALE_WINDOW)
                    session.info(f"confirmed (--yes): {view.confirmation.description}")
                    continue
                if not session.interactive:
                    return _how_to_answer(session, view, options)
                decision = _ask_confirmation(session, view)
                if decision is None:
                    return _how_to_answer(session, view, options)
                backend.confirm(task_id, accept=decision[0], payload=decision[1])
                replied = (view.turn_marker, time.monotonic() + STALE_WINDOW)
                continue
            if not session.interactive:
                return _how_to_answer(session, view, options)
            text = _ask_answer(session, view)
            if text is None:
                return _how_to_answer(session, view, options)
            backend.answer(task_id, text)
            replied = (view.turn_marker, time.monotonic() + STALE_WINDOW)
            session.info("answer sent")
        except KeyboardInterrupt:
            return _interrupted(session, backend, task_id, options)
