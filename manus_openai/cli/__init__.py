"""``manus``: the command line (``pip install "manus-openai[cli]"``), built on Typer and Rich.

Commands: ``run``, ``wait``, ``follow``, ``answer``, ``confirm``, ``stop``, ``tasks list|show|update|delete``,
``files upload|list|delete``, ``webhooks create|delete|listen``, ``usage``, ``emulator``. Modules: one per
command group (``_task_cmds``, ``_tasks_cmds``, ``_files_cmds``, ``_webhooks_cmds``, ``_misc_cmds``), the
per-invocation session and error handling (``_session``), rendering (``_render``), the watch loop
(``_watch``), the API seam (``_backend``) and its v1 implementation (``_v1``). Exit codes: ``_exit``.

Example::

    from typer.testing import CliRunner
    from manus_openai.cli import app

    result = CliRunner().invoke(app, ["tasks", "list", "--json"], env={"MANUS_API_KEY": "..."})
"""

from __future__ import annotations

from ._app import app
from ._exit import ExitCode

__all__ = ["ExitCode", "app", "main"]


def main() -> None:
    """The ``manus`` console script."""
    app(prog_name="manus")
