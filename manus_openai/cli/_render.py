"""How ``manus`` shows things to people: the live status display, the answer, task tables, sizes.

Everything here draws with Rich on the session's consoles; on a non-terminal (or with ``NO_COLOR``)
Rich writes plain text, and the live display is replaced by one ``status_line`` per change.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.markdown import Markdown
from rich.spinner import Spinner
from rich.table import Table
from rich.text import Text

from ._backend import TaskView

__all__ = [
    "LiveStatus",
    "elapsed_text",
    "human_size",
    "print_answer",
    "print_task",
    "status_line",
    "tasks_table",
]

_STYLES = {"running": "cyan", "waiting": "yellow", "completed": "green", "failed": "red", "stopped": "magenta"}


def human_size(size: int | None) -> str:
    """Bytes for people.

    >>> human_size(512), human_size(1536), human_size(5 * 1024 * 1024), human_size(None)
    ('512 B', '1.5 KiB', '5.0 MiB', '?')
    """
    if size is None:
        return "?"
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{int(value)} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def elapsed_text(seconds: float) -> str:
    """``mm:ss`` (``h:mm:ss`` past an hour).

    >>> elapsed_text(75), elapsed_text(3725)
    ('01:15', '1:02:05')
    """
    whole = max(int(seconds), 0)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _when(unix: int | None) -> str:
    if unix is None:
        return ""
    return datetime.fromtimestamp(unix, tz=timezone.utc).strftime("%Y-%m-%d %H:%M")


def status_line(view: TaskView, elapsed: float) -> str:
    """One plain line: what a non-terminal sees at each change.

    >>> status_line(TaskView(id="t1", status="running", credits=3), 12)
    't1  running  00:12  credits 3'
    """
    parts = [view.id, view.status, elapsed_text(elapsed)]
    if view.credits is not None:
        parts.append(f"credits {view.credits}")
    if view.brief:
        parts.append(view.brief)
    return "  ".join(parts)


class LiveStatus:
    """The live display's content: redrawn by ``rich.live.Live`` several times a second.

    The elapsed time is computed at each redraw, so it advances between polls.

    Example::

        status = LiveStatus(view)
        with Live(status, console=console):
            status.update(backend.get(view.id))
    """

    def __init__(self, view: TaskView, *, started: float | None = None, clock: Callable[[], float] = time.monotonic):
        self.view = view
        self._clock = clock
        self._started = clock() if started is None else started
        self._spinner = Spinner("dots")

    def update(self, view: TaskView) -> None:
        """Show a newer state."""
        self.view = view

    @property
    def elapsed(self) -> float:
        """Seconds since the display started."""
        return self._clock() - self._started

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        view = self.view
        head = Table.grid(padding=(0, 2))
        for _ in range(4):
            head.add_column()
        credits = "credits ?" if view.credits is None else f"credits {view.credits}"
        head.add_row(
            self._spinner if view.status == "running" else Text("•"),
            Text(view.status, style=_STYLES.get(view.status, "")),
            Text(elapsed_text(self.elapsed)),
            Text(credits),
        )
        lines: list[RenderableType] = [head]
        if view.title:
            lines.append(Text(view.title, style="bold"))
        if view.brief:
            lines.append(Text(view.brief, style="italic"))
        for step in view.plan:
            lines.append(Text(f"  - {step}"))
        lines.append(Text(f"{view.id}  {view.url or ''}".rstrip(), style="dim"))
        yield Group(*lines)


def print_answer(out: Console, view: TaskView) -> None:
    """The answer on stdout: rendered as Markdown on a terminal, the Markdown source itself elsewhere
    (so ``manus run ... > answer.md`` keeps it)."""
    if not view.answer:
        return
    if out.is_terminal:
        out.print(Markdown(view.answer))
    else:
        out.file.write(view.answer.rstrip("\n") + "\n")


def print_files(out: Console, saved: Sequence[tuple[Path, int]]) -> None:
    """The downloaded files with their paths and sizes (stdout)."""
    for path, size in saved:
        out.print(Text(f"saved {path}  ({human_size(size)})"), soft_wrap=True)


def print_task(out: Console, view: TaskView) -> None:
    """``manus tasks show``: the fields, then the answer and the files."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for label, value in (
        ("id", view.id), ("status", view.status), ("title", view.title), ("url", view.url),
        ("share url", view.share_url), ("credits", None if view.credits is None else str(view.credits)),
        ("created", _when(view.created_at)), ("updated", _when(view.updated_at)),
        ("question", view.question), ("error", view.error),
    ):  # fmt: skip
        if value:
            table.add_row(label, Text(value))
    out.print(table)
    if view.answer:
        out.print()
        print_answer(out, view)
    for ref in view.files:
        out.print(Text(f"file {ref.name}  {ref.url or ''}".rstrip()), soft_wrap=True)


def tasks_table(views: Iterable[TaskView]) -> Table:
    """``manus tasks list`` as a table."""
    table = Table(show_edge=False, pad_edge=False, box=None)
    for name in ("ID", "STATUS", "CREDITS", "CREATED", "TITLE"):
        table.add_column(name, no_wrap=name != "TITLE")
    for view in views:
        table.add_row(
            view.id,
            Text(view.status, style=_STYLES.get(view.status, "")),
            "" if view.credits is None else str(view.credits),
            _when(view.created_at),
            view.title or "",
        )
    return table
