"""``manus tasks list | show | update | delete``.

Filters and options a backend cannot send are refused (exit 5) or, on v2, applied over the pages with a
note on stderr (``_v2_lists``); none is silently dropped. ``--share`` is a public share link and
``--no-share`` a private task on both APIs; ``--share-visibility team`` exists on v2 only.
"""

from __future__ import annotations

from typing import Annotated, cast

import typer

from ..types.task import TASK_LIST_STATUSES
from ._backend import TaskFilter, Visibility
from ._exit import CliError
from ._render import print_task, tasks_table
from ._session import Session, emit, run_command
from ._task_cmds import JsonOpt, choice
from ._v2_lists import V2_LIST_STATUSES

__all__ = ["tasks_app"]

VISIBILITIES: tuple[Visibility, ...] = ("private", "team", "public")

tasks_app = typer.Typer(
    help="List, show, update and delete tasks.",
    epilog="Examples:\n\n  manus tasks list --status running\n\n  manus tasks list --all --json | jq .id\n\n"
    "  manus tasks show ID\n\n  manus tasks update ID --title 'Q4 report' --share\n\n  manus tasks delete ID --yes",
    no_args_is_help=True,
)

IdArg = Annotated[str, typer.Argument(metavar="ID", help="The task id.")]


@tasks_app.command(
    "list",
    epilog="Examples:\n\n  manus tasks list --limit 50\n\n  manus tasks list --scope project --project PROJECT_ID\n\n"
    "  manus tasks list --status waiting --all --json    # v2: filtered here over the pages (a note says so)",
)
def list_tasks(
    ctx: typer.Context,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            "-s",
            help=f"Only this status (repeatable). v1 (on the server): {', '.join(TASK_LIST_STATUSES)}. "
            f"v2 (filtered here over the pages; v2 lists have no status filter): {', '.join(V2_LIST_STATUSES)} "
            "(pending = waiting; a v2 row's 'stopped' is finished or stopped by the user).",
        ),
    ] = None,
    query: Annotated[
        str | None,
        typer.Option("--query", "-q", help="Search: v1 titles and content; v2 titles only, filtered here."),
    ] = None,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=1, max=1000, help="Rows shown (per page with --all; v2 pages hold <= 100)."),
    ] = 20,
    order: Annotated[str | None, typer.Option("--order", help="By creation time: desc (default) or asc.")] = None,
    scope: Annotated[
        str | None,
        typer.Option(
            "--scope", help="v2: all (default), standard, project (needs --project), agent_subtask (needs --agent)."
        ),
    ] = None,
    project: Annotated[str | None, typer.Option("--project", help="v2: only this project's tasks.")] = None,
    agent: Annotated[
        str | None, typer.Option("--agent", help="v2: only this agent's subtasks (e.g. agent-default).")
    ] = None,
    everything: Annotated[bool, typer.Option("--all", help="Page through every matching task.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line (streamed).")] = False,
) -> None:
    """List tasks, newest first (a table; --json streams JSON lines)."""

    def body(session: Session) -> int:
        choice("--order", order, ("desc", "asc"))
        task_filter = TaskFilter(
            statuses=tuple(status or ()), query=query, limit=limit, order=order, everything=everything,
            scope=scope, project_id=project, agent_id=agent,
        )  # fmt: skip
        views = session.backend().list_tasks(task_filter, session.info)
        if as_json:
            for view in views:
                emit({**view.summary(), "answer": view.answer if view.has_conversation else None})
        else:
            rows = list(views)
            if rows:
                session.out.print(tasks_table(rows))
            else:
                session.info("no tasks")
        return 0

    run_command(ctx, body)


@tasks_app.command("show", epilog="Example: manus tasks show ID --json")
def show(ctx: typer.Context, task_id: IdArg, as_json: JsonOpt = False) -> None:
    """Show one task: status, links, credits, the latest answer and its files."""

    def body(session: Session) -> int:
        view = session.backend().get(task_id)
        if as_json:
            emit({**view.summary(), "answer": view.answer, "raw": view.raw})
        else:
            print_task(session.out, view)
        return 0

    run_command(ctx, body)


@tasks_app.command(
    "update",
    epilog="Examples:\n\n  manus tasks update ID --title 'Q4 report' --share\n\n"
    "  manus tasks update ID --share-visibility team --hidden    # team sharing: v2 only",
)
def update(
    ctx: typer.Context,
    task_id: IdArg,
    title: Annotated[str | None, typer.Option("--title", help="New title.")] = None,
    share: Annotated[
        bool | None, typer.Option("--share/--no-share", help="Public share link on (public) or off (private).")
    ] = None,
    share_visibility: Annotated[
        str | None,
        typer.Option("--share-visibility", help=f"Who the share link reaches: {', '.join(VISIBILITIES)} (team: v2)."),
    ] = None,
    visible: Annotated[
        bool | None, typer.Option("--visible/--hidden", help="Shown in the web app's task list or not.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Change a task's title, sharing or visibility (only what you pass is sent)."""

    def body(session: Session) -> int:
        if title is not None and not title.strip():
            raise CliError("--title must not be empty")
        choice("--share-visibility", share_visibility, VISIBILITIES)
        if share is not None and share_visibility is not None:
            raise CliError("give --share/--no-share or --share-visibility, not both")
        visibility: Visibility | None = cast("Visibility | None", share_visibility)
        if share is not None:
            visibility = "public" if share else "private"
        result = session.backend().update_task(task_id, title=title, visibility=visibility, visible=visible)
        if as_json:
            emit(result)
        else:
            share_url = result.get("share_url")
            session.info(f"updated {task_id}" + (f"; share link: {share_url}" if share_url else ""))
        return 0

    run_command(ctx, body)


@tasks_app.command("delete", epilog="Example: manus tasks delete ID --yes")
def delete(
    ctx: typer.Context,
    task_id: IdArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (required without a terminal).")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Delete a task and all its data, irreversibly."""

    def body(session: Session) -> int:
        if not yes:
            if not session.interactive:
                raise CliError("deleting is irreversible: pass --yes to delete without a prompt")
            if not typer.confirm(f"Delete task {task_id} and all its data?", default=False, err=True):
                session.info("not deleted")
                return 0
        session.backend().delete_task(task_id)
        if as_json:
            emit({"id": task_id, "deleted": True})
        else:
            session.info(f"deleted {task_id}")
        return 0

    run_command(ctx, body)
