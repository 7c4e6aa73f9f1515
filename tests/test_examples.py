"""Every example runs offline as its docstring says (against the bundled emulator, no key)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = {
    "quickstart.py": ["Task created:", "Final status: completed", "File: result-1.md"],
    "async_many.py": ["completed"] * 4,
    "plain_openai.py": ["Task created:", "Final status: completed"],
    "streaming.py": ["  0 response.created", "-- dropped after event 2;", "Final status: completed"],
    "streaming_async.py": ["bedtime story", "Final status: completed"],
    "files.py": ["uploaded sales.csv", "completed:", "downloaded result-1.md", "deleted file-"],
    "list_tasks.py": ["completed tasks in the last 7 days", "renamed to '[failed]"],
    "structured_output.py": ["Response ", ": completed", "JSON: {", "Parsed: "],
    "structured_output_async.py": ["Response ", ": completed", "Parsed: name="],
    "v2_interactive.py": [
        "Task created:",
        "Which city",
        "Your answer:",
        "Final status: stopped",
        "gmailSendAction",
        "send, draft or reject?",
        "Final status: stopped",
    ],
}


def test_every_example_is_covered() -> None:
    examples = {p.name for p in (ROOT / "examples").glob("*.py")}
    assert set(EXPECTED) <= examples
    assert examples - set(EXPECTED) == {"webhook_receiver.py", "webhook_flask.py"}  # tests/webhooks runs those


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_runs_offline(name: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MANUS_", "OPENAI_"))}
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        stdin=subprocess.DEVNULL,  # examples that ask at the terminal answer automatically
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "bundled emulator" in result.stdout
    position = 0
    for expected in EXPECTED[name]:
        found = result.stdout.find(expected, position)
        assert found >= 0, f"{expected!r} not in output:\n{result.stdout}"
        position = found + 1
