"""``manus usage`` (the credit balance) and ``manus emulator`` (a local Manus API, no key needed)."""

from __future__ import annotations

import signal
import threading
from typing import Annotated

import typer

from ._exit import CliError
from ._session import Session, emit, run_command
from ._task_cmds import JsonOpt

__all__ = ["emulator", "usage"]


def usage(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Show the account's credits (v2 API; the v1 API has no credits endpoint: exit 5)."""

    def body(session: Session) -> int:
        data = session.backend().usage()
        if as_json:
            emit(data)
        else:
            for key, value in data.items():
                session.line(f"{key}: {value}")
        return 0

    run_command(ctx, body)


def emulator(
    ctx: typer.Context,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port (0: any free one).")] = 8765,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    task_duration: Annotated[float, typer.Option("--task-duration", min=0, help="Seconds a task runs.")] = 3.0,
    output_files: Annotated[int, typer.Option("--output-files", min=0, help="Files each finished task has.")] = 0,
    as_json: JsonOpt = False,
) -> None:
    """Serve the bundled emulator and print the two environment variables to export (Ctrl-C stops it)."""

    def body(session: Session) -> int:
        try:
            from ..emulator import Emulator
        except ImportError as exc:
            raise CliError(str(exc)) from exc
        emu = Emulator(host=host, port=port, task_duration=task_duration, output_files=output_files)
        done = threading.Event()
        previous = {sig: signal.signal(sig, lambda *_: done.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            try:
                emu.start()
            except OSError as exc:
                raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
            try:
                if as_json:
                    emit({"MANUS_BASE_URL": emu.base_url, "MANUS_API_KEY": emu.api_key})
                else:
                    session.line(f"export MANUS_BASE_URL={emu.base_url}")
                    session.line(f"export MANUS_API_KEY={emu.api_key}")
                    session.out.file.flush()
                session.info(f"Manus emulator on {emu.base_url} (a local stand-in; this key works only here). "
                             "Ctrl-C stops it.")  # fmt: skip
                while not done.wait(0.5):
                    pass
            finally:
                emu.stop()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        session.info("emulator stopped")
        return 0

    run_command(ctx, body)
