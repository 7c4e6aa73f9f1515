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


@pytest.mark.slow
def test_v2_raw_views_keep_the_methods_signatures(tmp_path: Path) -> None:
    bad = tmp_path / "bad_raw.py"
    bad.write_text(
        "from manus_openai import ManusOpenAI\n"
        "from manus_openai.types.v2 import V2File\n"
        "c = ManusOpenAI(api_key='k')\n"
        "c.v2.tasks.with_raw_response.create('hi', share_visibility='world')\n"
        "c.v2.tasks.with_streaming_response.retrieve(task_id=3)\n"
        "c.v2.with_raw_response.tasks.update('t1', bogus=1)\n"
        "f: V2File = c.v2.tasks.with_raw_response.retrieve('t1').parse()\n"
        "c.v2.tasks.with_raw_response.follow('t1')\n"
    )
    result = run_mypy(str(bad))
    assert result.returncode == 1
    for line in (4, 5, 6, 7, 8):
        assert f"bad_raw.py:{line}: error" in result.stdout, result.stdout
