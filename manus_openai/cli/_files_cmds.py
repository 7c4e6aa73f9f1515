"""``manus files upload | list | delete``."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ._render import human_size
from ._session import Session, emit, run_command
from ._task_cmds import JsonOpt, readable, upload_all

__all__ = ["files_app"]

files_app = typer.Typer(
    help="Upload, list and delete files to attach to tasks (v1 keeps them 48 hours).",
    epilog="Examples:\n\n  manus files upload report.pdf data.csv\n\n  manus files list --json\n\n"
    "  manus files delete FILE_ID",
    no_args_is_help=True,
)


@files_app.command("upload", epilog="Example: manus files upload report.pdf data.csv")
def upload(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Files to upload.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per file.")] = False,
) -> None:
    """Upload files (a progress bar for large ones) and print their ids."""

    def body(session: Session) -> int:
        for path in paths:
            readable(path, "upload")
        backend = session.backend()
        for path, info in zip(paths, upload_all(session, backend, paths, as_json=True), strict=True):
            file_id = info.id
            if as_json:
                emit({"id": file_id, "name": path.name, "size": path.stat().st_size})
            else:
                session.line(f"{file_id}  {path.name}  ({human_size(path.stat().st_size)})")
        return 0

    run_command(ctx, body)


@files_app.command("list", epilog="Example: manus files list")
def list_files(
    ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="JSON lines.")] = False
) -> None:
    """The 10 most recent files (the v1 list; v2 documents none: exit 5 there)."""

    def body(session: Session) -> int:
        files = session.backend().list_files()
        if as_json:
            for f in files:
                emit({"id": f.id, "name": f.name, "status": f.status, "size": f.size, "created_at": f.created_at})
            return 0
        if not files:
            session.info("no files")
            return 0
        table = Table(box=None, show_edge=False, pad_edge=False)
        for name in ("ID", "NAME", "STATUS", "CREATED"):
            table.add_column(name)
        for f in files:
            when = (
                datetime.fromtimestamp(f.created_at, tz=timezone.utc).strftime("%Y-%m-%d %H:%M") if f.created_at else ""
            )
            table.add_row(f.id, f.name or "", f.status or "", when)
        session.out.print(table)
        return 0

    run_command(ctx, body)


@files_app.command("delete", epilog="Example: manus files delete FILE_ID")
def delete(
    ctx: typer.Context,
    file_ids: Annotated[list[str], typer.Argument(metavar="FILE_ID...", help="Files to delete.")],
    as_json: JsonOpt = False,
) -> None:
    """Delete files (tasks can no longer use them)."""

    def body(session: Session) -> int:
        backend = session.backend()
        for file_id in file_ids:
            backend.delete_file(file_id)
            if as_json:
                emit({"id": file_id, "deleted": True})
            else:
                session.info(f"deleted {file_id}")
        return 0

    run_command(ctx, body)
