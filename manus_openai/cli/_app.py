"""The ``manus`` Typer application: global options, the command groups and their help with examples."""

from __future__ import annotations

from typing import Annotated

import typer

from .._version import __version__
from ._files_cmds import files_app
from ._misc_cmds import emulator, usage
from ._session import Session
from ._task_cmds import answer, confirm, follow, run, stop, wait
from ._tasks_cmds import tasks_app
from ._webhooks_cmds import webhooks_app

__all__ = ["app"]

EXAMPLES = """Examples:

  manus emulator                      # a local Manus API; export the two variables it prints

  manus run "Compare the top 3 vector databases" --file notes.pdf --out results/

  manus run "Summarise today's AI news" --no-wait      # prints the task id

  manus wait ID ; manus answer ID "Berlin" ; manus tasks list --status running

Exit codes: 0 done, 1 task failed, 2 usage error or bad input, 3 waiting for input, 4 timed out, """ + (
    "5 not supported by this API, 6 API or network error, 130 interrupted."
)

app = typer.Typer(
    name="manus",
    help="Run Manus agent tasks from the terminal: watch them work, answer their questions, manage tasks, "
    "files and webhooks. The key comes from MANUS_API_KEY (or --api-key), the API from MANUS_BASE_URL.",
    epilog=EXAMPLES,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"manus (manus-openai) {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            envvar="MANUS_API_KEY",
            show_envvar=True,
            show_default=False,
            help="Manus API key (never printed).",
        ),
    ] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", envvar="MANUS_BASE_URL", show_envvar=True, help="API base URL.")
    ] = None,
    api: Annotated[
        str | None,
        typer.Option(
            "--api",
            envvar="MANUS_API_VERSION",
            show_envvar=True,
            help="API version: v2 (the default where installed: events, confirmations, stop, usage) or v1.",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Run Manus agent tasks from the terminal."""
    ctx.obj = Session(api_key=api_key or None, base_url=base_url or None, api=api or None)


def _examples(*lines: str) -> str:
    return "Examples:\n\n" + "\n\n".join(f"  {line}" for line in lines)


app.command("run", epilog=_examples(
    'manus run "Plan a 3-day trip to Kyoto" --profile manus-1.6 --mode agent',
    'manus run "Summarise these" -f a.pdf -f b.pdf --out results/',
    'manus run "Research X" --no-wait --json | jq -r .id',
    'manus run "Which year?" --json > result.json    # exit 3 if it asks and no terminal can answer',
))(run)  # fmt: skip
app.command("wait", epilog=_examples("manus wait ID", "manus wait ID --timeout 600 --json"))(wait)
app.command("follow", epilog=_examples("manus follow ID --json"))(follow)
app.command("answer", epilog=_examples('manus answer ID "Berlin, in May"', "echo Berlin | manus answer ID -"))(answer)
app.command("confirm", epilog=_examples("manus confirm ID", "manus confirm ID --reject",
                                        """manus confirm ID --input '{"accept": true}'"""))(confirm)  # fmt: skip
app.command("stop", epilog=_examples("manus stop ID"))(stop)
app.command("usage", epilog=_examples("manus usage --json"))(usage)
app.command(
    "emulator",
    epilog=_examples(
        "manus emulator --port 8765   # then, in another shell, export the two lines it prints",
        "manus emulator --port 0 --json --output-files 1",
    ),
)(emulator)
app.add_typer(tasks_app, name="tasks")
app.add_typer(files_app, name="files")
app.add_typer(webhooks_app, name="webhooks")
