"""``manus run`` in a real terminal (tmux): the live display updates, the question is asked at the prompt and
answered, the final answer and file path are printed; Ctrl-C prints the task id and exits 130.

The question runs on v1; the confirmation (and the brief in the live display) on v2.

Robust on a loaded machine: every step polls ``capture-pane`` until the expected text appears, with a
generous deadline; nothing sleeps a fixed time.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from manus_openai.emulator import Emulator

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)"),
]

DEADLINE = 90.0


class Tmux:
    """One tmux server on a private socket running one command in a 120x40 pane."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def _tmux(self, *args: str, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(
            ["tmux", "-S", str(self.socket), *args], capture_output=True, text=True, check=True, env=env
        )
        return result.stdout

    def start(self, command: str, env: dict[str, str]) -> None:
        self._tmux("new-session", "-d", "-s", "cli", "-x", "120", "-y", "40", command, env=env)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-J", "-t", "cli")  # -J: wrapped lines joined

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "cli", *keys)

    def wait_for(self, done: Callable[[str], bool], what: str, on_screen: Callable[[str], None] | None = None) -> str:
        deadline = time.monotonic() + DEADLINE
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if on_screen is not None:
                on_screen(screen)
            if done(screen):
                return screen
            time.sleep(0.05)  # a polling pace, not a wait for anything in particular
        raise AssertionError(f"{what} did not appear within {DEADLINE:.0f}s; the screen was:\n{screen}")

    def close(self) -> None:
        subprocess.run(["tmux", "-S", str(self.socket), "kill-server"], capture_output=True, check=False)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    session = Tmux(tmp_path / "tmux.sock")
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(task_duration=3.0, progress_events=0) as emulator:
        yield emulator


def _manus(emu: Emulator, tmp_path: Path, *args: str, api: str = "v1") -> tuple[str, dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE")}
    env.update(MANUS_BASE_URL=emu.base_url, MANUS_API_KEY=emu.api_key, TERM="xterm-256color", MANUS_API_VERSION=api)
    manus = " ".join(shlex.quote(a) for a in (sys.executable, "-m", "manus_openai.cli", *args))
    # The pane stays open after manus exits, so its last screen and exit code can be read.
    return f"cd {shlex.quote(str(tmp_path))} && {manus}; echo EXIT=$?; exec sleep 3600", env


def test_run_shows_live_progress_asks_the_question_and_prints_the_answer_and_file(
    tmux: Tmux, emu: Emulator, tmp_path: Path
) -> None:
    out = tmp_path / "results"
    command, env = _manus(emu, tmp_path, "run", "Plan a trip [[manus:ask=Which city?]]", "--poll-interval", "0.3",
                          "--out", str(out))  # fmt: skip
    tmux.start(command, env)
    elapsed_seen: set[str] = set()

    def record(screen: str) -> None:
        elapsed_seen.update(re.findall(r"running\s+(\d\d:\d\d)", screen))

    screen = tmux.wait_for(lambda s: "Your answer:" in s, "the question prompt", on_screen=record)
    assert len(elapsed_seen) >= 2, f"the live display never updated its elapsed time: {elapsed_seen}"
    assert "The agent asks: Which city?" in screen
    assert re.search(r"waiting\s+\d\d:\d\d\s+credits \d+", screen)
    assert "Plan a trip" in screen  # the task title under the status line

    tmux.send("Paris [[manus:files=1]]", "Enter")
    screen = tmux.wait_for(lambda s: "EXIT=" in s, "the end of the run")
    assert "EXIT=0" in screen
    assert "answer sent" in screen
    assert 'Emulated answer to "Paris"' in screen
    assert f"saved {out / 'result-1.md'}" in screen
    assert (out / "result-1.md").is_file()
    [task] = emu.engine.tasks.values()
    assert [m.text for m in task.messages if m.role == "user"][-1].startswith("Paris")


def test_ctrl_c_during_run_prints_the_task_id_and_exits_130(tmux: Tmux, emu: Emulator, tmp_path: Path) -> None:
    command, env = _manus(emu, tmp_path, "run", "Long job [[manus:forever]]", "--poll-interval", "0.3")
    tmux.start(command, env)
    tmux.wait_for(lambda s: re.search(r"running\s+\d\d:\d\d", s) is not None, "the live display")
    [task_id] = emu.engine.tasks
    tmux.send("C-c")
    screen = tmux.wait_for(lambda s: "EXIT=" in s, "the end of the run")
    assert "EXIT=130" in screen
    assert f"task {task_id} keeps running (the v1 API cannot stop tasks)" in screen
    assert f"manus wait {task_id}" in screen
    assert emu.engine.tasks[task_id].status == "running"


def test_v2_run_shows_the_brief_and_asks_the_confirmation_at_the_prompt(
    tmux: Tmux, emu: Emulator, tmp_path: Path
) -> None:
    command, env = _manus(
        emu, tmp_path, "run", "Send the report [[manus:wait=gmailSendAction]]", "--poll-interval", "0.3", api="v2"
    )
    tmux.start(command, env)
    briefs: set[str] = set()

    def record(screen: str) -> None:
        briefs.update(re.findall(r"(Working on your request|Step \d: working on Send the report)", screen))

    screen = tmux.wait_for(lambda s: "Allow it?" in s, "the confirmation prompt", on_screen=record)
    assert briefs, "the live display never showed the agent's brief"
    assert "The agent asks to confirm: Send the email drafted for: Send the report" in screen
    tmux.send("y", "Enter")
    tmux.wait_for(lambda s: "save_draft" in s, "the schema's save_draft field")
    tmux.send("n", "Enter")
    screen = tmux.wait_for(lambda s: "EXIT=" in s, "the end of the run")
    assert "EXIT=0" in screen
    assert re.search(r"task \w+ completed in", screen)
    [task] = emu.engine.tasks.values()
    confirm = [r for r in emu.requests if r.path.endswith("/v2/task.confirmAction")]
    assert len(confirm) == 1
    assert confirm[0].json()["input"] == {"accept": True, "save_draft": False}
    assert task.id in screen


def test_v2_ctrl_c_asks_stop_or_leave_and_stops_the_task(tmux: Tmux, emu: Emulator, tmp_path: Path) -> None:
    command, env = _manus(emu, tmp_path, "run", "Long job [[manus:forever]]", "--poll-interval", "0.3", api="v2")
    tmux.start(command, env)
    tmux.wait_for(lambda s: re.search(r"running\s+\d\d:\d\d", s) is not None, "the live display")
    [task_id] = emu.engine.tasks
    tmux.send("C-c")
    tmux.wait_for(lambda s: f"Stop task {task_id} or leave it running?" in s, "the stop-or-leave prompt")
    tmux.send("stop", "Enter")
    screen = tmux.wait_for(lambda s: "EXIT=" in s, "the end of the run")
    assert "EXIT=130" in screen
    assert f"stopped task {task_id}" in screen
    assert [r for r in emu.requests if r.path.endswith("/v2/task.stop")]
