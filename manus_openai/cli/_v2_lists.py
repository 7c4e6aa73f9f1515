"""``manus tasks list`` on v2's ``task.list``: its options, and the status and text filters v2 does not have.

``task.list`` takes ``limit`` (at most 100 a page), ``cursor``, ``order``, ``scope``, ``project_id`` and
``agent_id`` (manus-api.md §6.4) and has no status or text filter. Choices where the docs are silent:

* ``--status`` / ``--query`` are applied here, over the pages, and a note on stderr says so (never
  silently dropped). ``--query`` matches titles only, case-insensitively: a v2 list row carries no
  conversation (v1's server-side search also reads the content).
* Status words of a list row are read from the record alone (one ``task.listMessages`` per row would
  cost a request each): v2's ``stopped`` is shown as ``stopped`` — finished *or* stopped by the user;
  ``manus tasks show ID`` tells them apart from the event log. So ``--status`` takes ``running``,
  ``waiting`` (``pending``, v1's word, is the same), ``stopped`` and ``failed``; ``completed`` is
  refused with that explanation rather than answered with a guess.
* ``--limit N`` is the number of rows shown: v2 pages hold at most 100, so more rows (or filtered
  rows) take more pages, fetched lazily through the client's cursor iteration and no further than
  needed. With ``--all``, every page is walked (pages of ``min(N, 100)``).
* ``--scope project`` needs ``--project`` and ``--scope agent_subtask`` needs ``--agent`` (checked
  before sending, as documented).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ._backend import Note, TaskFilter, TaskView
from ._exit import CliError, choice

__all__ = ["V2_LIST_STATUSES", "list_arguments", "list_rows", "row_view"]

V2_LIST_STATUSES = ("running", "waiting", "stopped", "failed", "pending")
"""What ``--status`` takes on v2 (``pending`` is v1's word for ``waiting``)."""

_RAW = {"running": "running", "waiting": "waiting", "pending": "waiting", "stopped": "stopped", "failed": "error"}
_SCOPES = ("all", "standard", "project", "agent_subtask")
PAGE_MAX = 100


def _check(task_filter: TaskFilter) -> frozenset[str]:
    """The v2 statuses asked for (empty: all), or the usage error naming the problem."""
    for value in task_filter.statuses:
        if value == "completed":
            raise CliError(
                "--status completed: v2's task list does not tell a finished task from one the user stopped "
                "(both are 'stopped')",
                hint="use --status stopped (both), `manus tasks show ID` for one task, "
                "or `manus --api v1 tasks list --status completed`",
            )
        choice("--status", value, V2_LIST_STATUSES)
    choice("--order", task_filter.order, ("desc", "asc"))
    choice("--scope", task_filter.scope, _SCOPES)
    if task_filter.scope == "project" and task_filter.project_id is None:
        raise CliError("--scope project needs --project PROJECT_ID")
    if task_filter.scope == "agent_subtask" and task_filter.agent_id is None:
        raise CliError("--scope agent_subtask needs --agent AGENT_ID (e.g. agent-default)")
    for option, given in (("--project", task_filter.project_id), ("--agent", task_filter.agent_id)):
        if given is not None and not given.strip():
            raise CliError(f"{option} must not be empty")
    return frozenset(_RAW[value] for value in task_filter.statuses)


def list_arguments(task_filter: TaskFilter, note: Note | None) -> tuple[dict[str, Any], frozenset[str]]:
    """The ``task.list`` keyword arguments and the statuses to keep; tells ``note`` what is filtered here.

    >>> list_arguments(TaskFilter(limit=500, scope="all"), None)
    ({'limit': 100, 'order': None, 'scope': 'all', 'project_id': None, 'agent_id': None}, frozenset())
    """
    statuses = _check(task_filter)
    filtered = bool(statuses) or task_filter.query is not None
    if filtered and note is not None:
        what = " and ".join(
            name for name, given in (("status", statuses), ("text", task_filter.query is not None)) if given
        )
        where = "every page" if task_filter.everything else f"the pages until {task_filter.limit} match"
        titles = "; --query matches titles only" if task_filter.query is not None else ""
        note(f"note: v2's task.list has no {what} filter: filtering here over {where}{titles}")
    page_size = PAGE_MAX if filtered else min(task_filter.limit, PAGE_MAX)
    if task_filter.everything:
        page_size = min(task_filter.limit, PAGE_MAX)
    arguments = {
        "limit": page_size, "order": task_filter.order, "scope": task_filter.scope,
        "project_id": task_filter.project_id, "agent_id": task_filter.agent_id,
    }  # fmt: skip
    return arguments, statuses


def row_view(view: TaskView) -> TaskView:
    """A list row's view: v2's ``stopped`` as is (the record alone cannot say finished or stopped)."""
    status = "stopped" if view.raw_status == "stopped" else view.status
    return dataclasses.replace(view, status=status, has_conversation=False)


def list_rows(views: Iterable[TaskView], task_filter: TaskFilter, statuses: frozenset[str]) -> Iterator[TaskView]:
    """The rows to show: ``views`` (read lazily) kept by the filters, cut at ``limit`` unless ``everything``.

    >>> rows = [TaskView(id="a", status="running", raw_status="running", title="Trip to Rome"),
    ...         TaskView(id="b", status="failed", raw_status="error", title="Other")]
    >>> [v.id for v in list_rows(rows, TaskFilter(query="rome"), frozenset())]
    ['a']
    >>> [v.id for v in list_rows(rows, TaskFilter(limit=1), frozenset({"error"}))]
    ['b']
    """
    needle = task_filter.query.casefold() if task_filter.query is not None else None

    def keep(view: TaskView) -> bool:
        if statuses and view.raw_status not in statuses:
            return False
        return needle is None or needle in (view.title or "").casefold()

    kept = (view for view in views if keep(view))
    return kept if task_filter.everything else islice(kept, task_filter.limit)
