"""``manus run``, ``wait``, ``follow``, ``answer``, ``confirm`` and ``stop``: one task's life.

Every input is checked before anything is sent: the attachment files exist and are readable, the
``--schema`` file is a JSON object and the backend supports it, ``--input`` is a JSON object.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TaskID, TextColumn, TransferSpeedColumn

from .._options import AGENT_PROFILES, TASK_MODES
from ._backend import Backend, FileInfo, SubmitOptions
from ._exit import CliError, ExitCode, NotSupported, choice
from ._session import Session, emit, run_command
from ._watch import WatchOptions, watch

__all__ = [
    "PROGRESS_THRESHOLD",
    "answer",
    "choice",
    "confirm",
    "follow",
    "readable",
    "run",
    "stop",
    "upload_all",
    "wait",
]

PROGRESS_THRESHOLD = 1024 * 1024
"""Files at least this large get an upload progress bar (on a terminal)."""

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout (progress stays on stderr).")]
TimeoutOpt = Annotated[
    float | None, typer.Option("--timeout", min=0.001, help="Give up waiting after this many seconds (exit 4).")
]
PollOpt = Annotated[
    float | None,
    typer.Option("--poll-interval", min=0.01, help="Poll every N seconds instead of the library's schedule."),
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", file_okay=False, help="Directory for output files (default: ./manus-output/TASK_ID)."),
]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Accept the agent's confirmations without asking.")]


def readable(path: Path, what: str) -> None:
    if not path.is_file():
        raise CliError(f"{what}: no file at {str(path)!r}")
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise CliError(f"{what}: {str(path)!r} cannot be read: {exc.strerror or exc}") from exc


def _load_schema(path: Path) -> dict[str, Any]:
    readable(path, "--schema")
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise CliError(f"--schema: {str(path)!r} is not valid JSON: {exc}") from exc
    if not isinstance(schema, dict):
        raise CliError(f"--schema: {str(path)!r} must hold a JSON object (a JSON Schema)")
    return schema


def upload_all(session: Session, backend: Backend, paths: list[Path], *, as_json: bool) -> list[FileInfo]:
    """Upload ``paths`` in order (a progress bar for large ones on a terminal); their records."""
    uploaded = []
    for path in paths:
        size = path.stat().st_size
        if session.live and size >= PROGRESS_THRESHOLD:
            columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn())
            with Progress(*columns, console=session.err, transient=True) as bar:
                job = bar.add_task(f"uploading {path.name}", total=size)

                def advance(sent: int, bar: Progress = bar, job: TaskID = job) -> None:
                    bar.advance(job, sent)

                info = backend.upload(path, advance)
        else:
            info = backend.upload(path, None)
        if not as_json:
            session.info(f"uploaded {path.name} as {info.id}")
        uploaded.append(info)
    return uploaded


def run(
    ctx: typer.Context,
    prompt: Annotated[str, typer.Argument(help="What the agent should do ('-' reads it from stdin).")],
    profile: Annotated[
        str | None, typer.Option("--profile", "-p", help=f"Agent profile: {', '.join(AGENT_PROFILES)}.")
    ] = None,
    mode: Annotated[str | None, typer.Option("--mode", "-m", help=f"Task mode: {', '.join(TASK_MODES)}.")] = None,
    project: Annotated[str | None, typer.Option("--project", help="Project id (its instruction applies).")] = None,
    locale: Annotated[str | None, typer.Option("--locale", help="Locale, e.g. en-US.")] = None,
    connector: Annotated[list[str] | None, typer.Option("--connector", "-c", help="Connector id (repeatable).")] = None,
    file: Annotated[
        list[Path] | None, typer.Option("--file", "-f", help="Attach a file, uploaded first (repeatable).")
    ] = None,
    schema: Annotated[
        Path | None, typer.Option("--schema", help="JSON Schema file: structured output, printed as JSON.")
    ] = None,
    share: Annotated[bool, typer.Option("--share", help="Create a public share link.")] = False,
    hidden: Annotated[bool, typer.Option("--hidden", help="Hide the task from the web app's task list.")] = False,
    no_wait: Annotated[bool, typer.Option("--no-wait", help="Print the task id and exit.")] = False,
    out: OutOpt = None,
    timeout: TimeoutOpt = None,
    poll_interval: PollOpt = None,
    yes: YesOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Run a task and watch it work: live status, questions at the prompt, the answer and files at the end."""
    run_command(ctx, lambda session: _run(session, prompt, profile, mode, project, locale, connector or [],
                                         file or [], schema, share, hidden, no_wait,
                                         WatchOptions(timeout, poll_interval, out, as_json, yes)))  # fmt: skip


def _run(
    session: Session, prompt: str, profile: str | None, mode: str | None, project: str | None, locale: str | None,
    connectors: list[str], files: list[Path], schema_path: Path | None, share: bool, hidden: bool, no_wait: bool,
    options: WatchOptions,
) -> int:  # fmt: skip
    choice("--profile", profile, AGENT_PROFILES)
    choice("--mode", mode, TASK_MODES)
    if prompt == "-":
        prompt = sys.stdin.read()
    if not prompt.strip():
        raise CliError("the prompt is empty")
    for path in files:
        readable(path, "--file")
    schema = _load_schema(schema_path) if schema_path is not None else None
    backend = session.backend()
    if schema is not None and "schema" not in backend.capabilities:
        raise NotSupported("structured output (--schema)", backend.name, hint="run it without --schema")
    uploaded = upload_all(session, backend, files, as_json=options.as_json)
    submit = SubmitOptions(
        profile=profile, mode=mode, project_id=project, locale=locale, connectors=tuple(connectors),
        attachments=tuple(uploaded), share=share, hide=hidden, schema=schema,
    )  # fmt: skip
    try:
        view = backend.submit(prompt, submit)
    except KeyboardInterrupt:
        session.info("interrupted while creating the task; if it was created, `manus tasks list` shows it")
        raise
    session.info(f"task {view.id} created  {view.url or ''}".rstrip())
    if no_wait:
        if options.as_json:
            emit(view.summary())
        else:
            sys.stdout.write(view.id + "\n")
            session.info(f"watch it with: manus wait {view.id}")
        return int(ExitCode.OK)
    return watch(session, backend, view, options, fresh=True)


def wait(
    ctx: typer.Context,
    task_id: Annotated[str, typer.Argument(metavar="ID", help="The task id.")],
    out: OutOpt = None,
    timeout: TimeoutOpt = None,
    poll_interval: PollOpt = None,
    yes: YesOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Watch an existing task until it ends (answering its questions on a terminal), then fetch its results."""

    def body(session: Session) -> int:
        backend = session.backend()
        view = backend.get(task_id)
        return watch(session, backend, view, WatchOptions(timeout, poll_interval, out, as_json, yes), fresh=False)

    run_command(ctx, body)


def follow(
    ctx: typer.Context,
    task_id: Annotated[str, typer.Argument(metavar="ID", help="The task id.")],
    as_json: JsonOpt = False,
) -> None:
    """Stream a task's events: messages, status changes, plan steps (needs the v2 event log; v1: exit 5)."""

    def body(session: Session) -> int:
        for event in session.backend().events(task_id):
            if as_json:
                emit(event)
            else:
                session.line(f"{event.get('type', 'event')}: {event.get('text') or event}")
        return 0

    run_command(ctx, body)


def answer(
    ctx: typer.Context,
    task_id: Annotated[str, typer.Argument(metavar="ID", help="The task id.")],
    text: Annotated[str, typer.Argument(help="Your answer ('-' reads it from stdin).")],
    as_json: JsonOpt = False,
) -> None:
    """Answer the question a waiting task asked (the task resumes)."""

    def body(session: Session) -> int:
        reply = sys.stdin.read() if text == "-" else text
        if not reply.strip():
            raise CliError("the answer is empty")
        session.backend().answer(task_id, reply)
        if as_json:
            emit({"id": task_id, "answered": True})
        else:
            session.info(f"answer sent to {task_id}; watch it with: manus wait {task_id}")
        return 0

    run_command(ctx, body)


def _input_json(raw: str | None) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except ValueError as exc:
        raise CliError(f"--input is not valid JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise CliError(f"--input must be a JSON object, got {type(value).__name__}")
    return value


def confirm(
    ctx: typer.Context,
    task_id: Annotated[str, typer.Argument(metavar="ID", help="The task id.")],
    reject: Annotated[bool, typer.Option("--reject", help="Refuse the action instead of accepting it.")] = False,
    input_json: Annotated[
        str | None, typer.Option("--input", metavar="JSON", help="The fields the confirmation's schema asks for.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Accept (or --reject) the action a waiting task wants confirmed (v2; v1 has no confirmations: exit 5)."""

    def body(session: Session) -> int:
        payload = _input_json(input_json)
        session.backend().confirm(task_id, accept=not reject, payload=payload)
        if as_json:
            emit({"id": task_id, "confirmed": not reject})
        else:
            session.info(f"{'rejected' if reject else 'confirmed'}; watch it with: manus wait {task_id}")
        return 0

    run_command(ctx, body)


def stop(
    ctx: typer.Context,
    task_id: Annotated[str, typer.Argument(metavar="ID", help="The task id.")],
    as_json: JsonOpt = False,
) -> None:
    """Stop a running task (v2; the v1 API cannot stop tasks: exit 5)."""

    def body(session: Session) -> int:
        session.backend().stop(task_id)
        if as_json:
            emit({"id": task_id, "stopped": True})
        else:
            session.info(f"stopped {task_id}")
        return 0

    run_command(ctx, body)
