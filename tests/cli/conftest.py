"""Fixtures for the ``manus`` command tests: the emulator and a runner pointed at it."""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from manus_openai.cli import app
from manus_openai.emulator import Emulator


@dataclass
class Cli:
    """``manus`` through Typer's runner, with ``MANUS_BASE_URL`` / ``MANUS_API_KEY`` set to the emulator's
    and ``MANUS_API_VERSION`` to ``api``."""

    emu: Emulator
    api: str = "v1"

    def __call__(self, *args: str, input: str | None = None, env: dict[str, str | None] | None = None) -> Result:
        base = {
            "MANUS_BASE_URL": self.emu.base_url, "MANUS_API_KEY": self.emu.api_key, "NO_COLOR": None,
            "MANUS_API_VERSION": self.api,
        }  # fmt: skip
        return runner().invoke(app, list(args), input=input, env={**base, **(env or {})}, catch_exceptions=False)


def runner() -> CliRunner:
    """A runner keeping stderr apart from stdout (older Click mixes them unless told not to)."""
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg,unused-ignore]  # Click < 8.2
    return CliRunner()


def json_lines(text: str) -> list[Any]:
    """Every stdout line parsed as JSON (fails on a line that is not)."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def one_json(result: Result) -> Any:
    """The single JSON value a ``--json`` command printed."""
    values = json_lines(result.stdout)
    assert len(values) == 1, result.stdout
    return values[0]


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(task_duration=0.2, progress_events=0) as emulator:
        yield emulator


@pytest.fixture
def cli(emu: Emulator) -> Cli:
    return Cli(emu)


def created_ids(emu: Emulator) -> Sequence[str]:
    """Ids of the tasks the emulator holds, oldest first."""
    return [t.id for t in sorted(emu.engine.tasks.values(), key=lambda t: t.seq)]


POLL = ("--poll-interval", "0.05")
