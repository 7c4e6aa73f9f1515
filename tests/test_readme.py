"""The README's first screen stays true, and its Python snippets compile (the marked ones run)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from manus_openai.emulator import Emulator

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
BLOCK = re.compile(r"(?:<!-- (?P<mark>[^>]*) -->\n)?```(?P<lang>\w*)\n(?P<code>.*?)```", re.DOTALL)
BLOCKS = [(m["mark"] or "", m["lang"], m["code"]) for m in BLOCK.finditer(README)]
PYTHON = [(mark, code) for mark, lang, code in BLOCKS if lang == "python"]


def test_first_screen_has_exactly_the_two_setup_commands() -> None:
    first_screen = README.split("## ", 1)[0]
    commands = [code.strip() for _, lang, code in BLOCKS if lang == "bash" and code in first_screen]
    assert commands == [
        'python3 -m venv .venv && .venv/bin/pip install -e ".[emulator]" && .venv/bin/python examples/quickstart.py',
        'python3 -m venv .venv && .venv/bin/pip install -e ".[dev]" && .venv/bin/python -m pytest',
    ]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert '"$py" -m pip install --quiet -e ".[dev]"' in ci
    assert '"$py" -m pytest\n' in ci


@pytest.mark.parametrize("code", [code for mark, code in PYTHON if not mark.startswith("not-run")])
def test_python_snippets_compile(code: str) -> None:
    compile(code, "README.md", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)


@pytest.mark.parametrize("code", [code for mark, code in PYTHON if mark == "run"])
def test_runnable_snippets_run_against_the_emulator(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Emulator(task_duration=0) as emu:
        monkeypatch.setenv("MANUS_API_KEY", emu.api_key)
        monkeypatch.setenv("MANUS_BASE_URL", emu.base_url)
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
