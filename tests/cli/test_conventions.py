"""Conventions every command keeps: help with examples, plain output off a terminal, the emulator command."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from manus_openai import ManusOpenAI
from manus_openai.cli import app

from .conftest import POLL, Cli, runner

COMMANDS = [
    ("run",), ("wait",), ("follow",), ("answer",), ("confirm",), ("stop",), ("usage",), ("emulator",),
    ("tasks",), ("tasks", "list"), ("tasks", "show"), ("tasks", "update"), ("tasks", "delete"),
    ("files",), ("files", "upload"), ("files", "list"), ("files", "delete"),
    ("webhooks",), ("webhooks", "create"), ("webhooks", "delete"), ("webhooks", "listen"),
]  # fmt: skip


@pytest.mark.parametrize("command", [(), *COMMANDS], ids=lambda c: " ".join(c) or "manus")
def test_help_shows_an_example(command: tuple[str, ...]) -> None:
    result = runner().invoke(app, [*command, "--help"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "manus " in result.stdout.split("Example", 1)[1]


def test_top_level_help_lists_the_exit_codes() -> None:
    text = " ".join(runner().invoke(app, ["--help"]).stdout.split())
    for code in ("0 done", "1 task failed", "2 usage error", "3 waiting for input", "4 timed out",
                 "5 not supported", "6 API or network error", "130 interrupted"):  # fmt: skip
        assert code in text


def test_an_unknown_option_is_a_usage_error_exit_2() -> None:
    result = runner().invoke(app, ["run", "hi", "--frobnicate"])
    assert result.exit_code == 2
    assert "No such option" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_control_codes_off_a_terminal(cli: Cli, tmp_path: Path) -> None:
    runs = [
        cli("run", "Report [[manus:files=1]]", *POLL, "--out", str(tmp_path)),
        cli("run", "Ask [[manus:ask]]", *POLL),
        cli("tasks", "list"),
        cli("run", "Hi", "--profile", "nope"),
    ]
    for result in runs:
        assert "\x1b" not in result.stdout + result.stderr


def test_no_color_keeps_even_a_forced_terminal_free_of_control_codes(cli: Cli, tmp_path: Path) -> None:
    forced = {"NO_COLOR": "1", "FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"}
    result = cli("run", "Report", *POLL, "--out", str(tmp_path), "--json", env=forced)
    assert result.exit_code == 0
    shown = cli("tasks", "show", json.loads(result.stdout)["id"], env=forced)  # bold labels on a terminal
    assert shown.exit_code == 0
    for text in (result.stdout, result.stderr, shown.stdout):
        assert "\x1b[" not in text


def test_a_forced_terminal_without_no_color_does_get_styles(cli: Cli) -> None:
    result = cli("run", "Hi", "--no-wait", "--json", env={"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"})
    shown = cli("tasks", "show", json.loads(result.stdout)["id"], env={"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"})
    assert "\x1b[" in shown.stdout  # the check above is not vacuous


def test_version() -> None:
    result = runner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("manus (manus-openai) ")


@pytest.mark.slow
def test_emulator_command_serves_and_prints_the_two_variables(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MANUS_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "manus_openai.cli", "emulator", "--port", "0", "--task-duration", "0", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        settings = json.loads(proc.stdout.readline())
        assert set(settings) == {"MANUS_BASE_URL", "MANUS_API_KEY"}
        with ManusOpenAI(api_key=settings["MANUS_API_KEY"], base_url=settings["MANUS_BASE_URL"]) as client:
            created = client.tasks.create("Hello emulator")
            assert client.responses.wait(created.task_id, timeout=30, poll_interval=0.05).status == "completed"
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "emulator stopped" in err


@pytest.mark.slow
def test_emulator_command_prints_exports_for_eval() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MANUS_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "manus_openai.cli", "emulator", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline().strip(), proc.stdout.readline().strip()]
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=60)
    assert lines[0].startswith("export MANUS_BASE_URL=http://127.0.0.1:")
    assert lines[1] == "export MANUS_API_KEY=manus-emulator-key"


@pytest.mark.slow
def test_without_the_cli_extra_the_script_names_the_install_command() -> None:
    code = "import sys; sys.modules['typer'] = None; from manus_openai.cli import main; main()"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert 'pip install "manus-openai[cli]"' in proc.stderr
    assert "Traceback" not in proc.stderr
