"""``manus tasks list | show | update | delete``."""

from __future__ import annotations

from typing import Annotated

import typer

from ..types.task import TASK_LIST_STATUSES
from ._backend import TaskFilter
from ._exit import CliError
from ._render import print_task, tasks_table
from ._session import Session, emit, run_command
from ._task_cmds import JsonOpt, choice

__all__ = ["tasks_app"]

tasks_app = typer.Typer(
    help="List, show, update and delete tasks.",
    epilog="Examples:\n\n  manus tasks list --status running\n\n  manus tasks list --all --json | jq .id\n\n"
    "  manus tasks show ID\n\n  manus tasks update ID --title 'Q4 report' --share\n\n  manus tasks delete ID --yes",
    no_args_is_help=True,
)

IdArg = Annotated[str, typer.Argument(metavar="ID", help="The task id.")]


@tasks_app.command("list", epilog="Example: manus tasks list --status completed --limit 50")
def list_tasks(
    ctx: typer.Context,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", "-s", help=f"Only this status (repeatable): {', '.join(TASK_LIST_STATUSES)}."),
    ] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="Search titles and content.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000, help="Rows (per page with --all).")] = 20,
    order: Annotated[str | None, typer.Option("--order", help="By creation time: desc (default) or asc.")] = None,
    everything: Annotated[bool, typer.Option("--all", help="Page through every matching task.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line (streamed).")] = False,
) -> None:
    """List tasks, newest first (a table; --json streams JSON lines)."""

    def body(session: Session) -> int:
        for value in status or ():
            choice("--status", value, TASK_LIST_STATUSES)
        choice("--order", order, ("desc", "asc"))
        views = session.backend().list_tasks(
            TaskFilter(statuses=tuple(status or ()), query=query, limit=limit, order=order, everything=everything)
        )
        if as_json:
            for view in views:
                emit({**view.summary(), "answer": view.answer})
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


@tasks_app.command("update", epilog="Example: manus tasks update ID --title 'Q4 report' --share")
def update(
    ctx: typer.Context,
    task_id: IdArg,
    title: Annotated[str | None, typer.Option("--title", help="New title.")] = None,
    share: Annotated[bool | None, typer.Option("--share/--no-share", help="Public share link on or off.")] = None,
    visible: Annotated[
        bool | None, typer.Option("--visible/--hidden", help="Shown in the web app's task list or not.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Change a task's title, sharing or visibility (only what you pass is sent)."""

    def body(session: Session) -> int:
        if title is not None and not title.strip():
            raise CliError("--title must not be empty")
        result = session.backend().update_task(task_id, title=title, share=share, visible=visible)
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
