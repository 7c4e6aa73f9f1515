"""``manus``: the command line (``pip install "manus-openai[cli]"``), built on Typer and Rich.

Commands: ``run``, ``wait``, ``follow``, ``answer``, ``confirm``, ``stop``, ``tasks list|show|update|delete``,
``files upload|list|delete``, ``webhooks create|delete|listen``, ``usage``, ``emulator``. Modules: one per
command group (``_task_cmds``, ``_tasks_cmds``, ``_files_cmds``, ``_webhooks_cmds``, ``_misc_cmds``), the
per-invocation session and error handling (``_session``), rendering (``_render``), the watch loop
(``_watch``), the API seam (``_backend``) and its implementations (``_v2``, the default where the v2
client is installed, and ``_v1``; ``--api`` / ``MANUS_API_VERSION`` choose). Exit codes: ``_exit``.

The ``manus`` script is installed with the core package; without the ``cli`` extra it says which
install command adds it (exit 2) instead of failing with an ImportError.

Example::

    from typer.testing import CliRunner
    from manus_openai.cli import app

    result = CliRunner().invoke(app, ["tasks", "list", "--json"], env={"MANUS_API_KEY": "..."})
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from ._exit import ExitCode

if TYPE_CHECKING:
    from ._app import app

__all__ = ["MISSING_EXTRA", "ExitCode", "app", "main"]

MISSING_EXTRA = 'manus: the command line needs its extra: pip install "manus-openai[cli]" ({error})'


def __getattr__(name: str) -> Any:
    if name == "app":
        from ._app import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """The ``manus`` console script."""
    try:
        from ._app import app
    except ImportError as exc:
        if exc.name not in ("typer", "rich", "click"):
            raise
        sys.stderr.write(MISSING_EXTRA.format(error=exc) + "\n")
        raise SystemExit(int(ExitCode.USAGE)) from None
    app(prog_name="manus")
