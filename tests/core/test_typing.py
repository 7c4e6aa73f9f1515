"""Typical user code type-checks under mypy --strict, and typos in Manus options are caught."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_mypy(*paths: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_typical_user_code_type_checks() -> None:
    result = run_mypy("tests/typing/user_code.py")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mistyped_manus_options_are_type_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from manus_openai import ManusOpenAI\n"
        "c = ManusOpenAI(api_key='k')\n"
        "c.responses.create(input='hi', task_mode='turbo')\n"
        "c.responses.create(input='hi', hide_in_task_list='yes')\n"
        "c.responses.create(input='hi', bogus_option=1)\n"
        "ManusOpenAI(api_key='k', max_retires=3)\n"
        "c.responses.create_and_wait(input='hi', task_mode='fast', timeout=5)\n"
    )
    result = run_mypy(str(bad))
    assert result.returncode == 1
    assert result.stdout.count("error:") >= 5, result.stdout
    for line in (3, 4, 5, 6, 7):
        assert f"bad.py:{line}: error" in result.stdout, result.stdout
