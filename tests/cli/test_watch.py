"""The watch loop behind ``run``/``wait`` through the ``Backend`` seam: prompts, confirmations, Ctrl-C.

A scripted backend stands in for one with confirmations and stop (the v2 shape); the question prompt is
also driven against the emulator's v1 backend, with the session told a person is at the terminal.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from manus_openai.cli import ExitCode
from manus_openai.cli._backend import Confirmation, OutputRef, SubmitOptions, TaskView
from manus_openai.cli._session import Session

from .conftest import POLL, Cli, one_json


class ScriptedBackend:
    """Returns the scripted states from ``wait`` one by one and records every call."""

    name = "scripted"
    capabilities = frozenset({"confirm", "stop"})

    def __init__(self, *states: TaskView | BaseException) -> None:
        self.states = list(states)
        self.calls: list[tuple[str, Any]] = []

    def submit(self, prompt: str, options: SubmitOptions) -> TaskView:
        self.calls.append(("submit", (prompt, options.schema)))
        return TaskView(id="T1", status="running")

    def wait(self, task_id: str, *, timeout: float | None, poll_interval: float | None,
             on_update: Callable[[TaskView], None]) -> TaskView:  # fmt: skip
        state = self.states.pop(0)
        if isinstance(state, BaseException):
            raise state
        on_update(state)
        return state

    def confirm(self, task_id: str, *, accept: bool, payload: dict[str, Any] | None) -> None:
        self.calls.append(("confirm", (accept, payload)))

    def answer(self, task_id: str, text: str) -> None:
        self.calls.append(("answer", text))

    def stop(self, task_id: str) -> None:
        self.calls.append(("stop", task_id))

    def download(self, ref: OutputRef, directory: Path) -> Path:
        raise AssertionError("no files in these scripts")

    def events(self, task_id: str) -> Iterator[dict[str, Any]]:
        yield {"type": "status_update", "text": "Searching the web"}
        yield {"type": "assistant_message", "text": "Found 3 sources"}

    def close(self) -> None:
        self.calls.append(("close", None))


DEPLOY = Confirmation(
    event_id="evt_1",
    description="Deploy the site to production",
    input_schema={
        "type": "object",
        "properties": {
            "accept": {"type": "boolean"},
            "note": {"type": "string", "description": "a [bracketed] hint"},
            "replicas": {"type": "integer"},
        },
    },
)
WAITING = TaskView(id="T1", status="waiting", confirmation=DEPLOY)
DONE = TaskView(id="T1", status="completed", answer="Deployed.")


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> Callable[..., ScriptedBackend]:
    def install(*states: TaskView | BaseException) -> ScriptedBackend:
        backend = ScriptedBackend(*states)
        monkeypatch.setattr(Session, "backend", lambda self: backend)
        return backend

    return install


@pytest.fixture
def person(monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone is at the terminal: prompts are asked (and read from the runner's input)."""
    monkeypatch.setattr(Session, "interactive", property(lambda self: True))


def test_yes_accepts_a_confirmation_and_the_task_finishes(cli: Cli, scripted: Callable[..., ScriptedBackend]) -> None:
    backend = scripted(WAITING, DONE)
    result = cli("run", "Deploy it", "--yes", "--json")
    assert result.exit_code == ExitCode.OK
    assert ("confirm", (True, None)) in backend.calls
    assert one_json(result)["answer"] == "Deployed."
    assert "confirmed (--yes): Deploy the site to production" in result.stderr


def test_a_confirmation_without_a_terminal_exits_3_with_how_to_confirm(
    cli: Cli, scripted: Callable[..., ScriptedBackend]
) -> None:
    backend = scripted(WAITING)
    result = cli("run", "Deploy it", "--json")
    assert result.exit_code == ExitCode.WAITING
    assert one_json(result)["waiting_for"] == "confirmation"
    assert "manus confirm T1" in result.stderr
    assert not [c for c in backend.calls if c[0] == "confirm"]


def test_a_confirmation_at_the_prompt_asks_yes_no_and_the_schema_fields(
    cli: Cli, scripted: Callable[..., ScriptedBackend], person: None
) -> None:
    backend = scripted(WAITING, DONE)
    result = cli("run", "Deploy it", input="y\nship it\n3\n")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert ("confirm", (True, {"accept": True, "note": "ship it", "replicas": 3})) in backend.calls
    assert "note (a [bracketed] hint)" in result.stderr
    assert "The agent asks to confirm: Deploy the site to production" in result.stderr


def test_ctrl_c_with_a_stoppable_backend_asks_and_stops(
    cli: Cli, scripted: Callable[..., ScriptedBackend], person: None
) -> None:
    backend = scripted(KeyboardInterrupt())
    result = cli("run", "Long", input="stop\n")
    assert result.exit_code == ExitCode.INTERRUPTED
    assert ("stop", "T1") in backend.calls
    assert "Stop task T1 or leave it running?" in result.stderr
    assert "stopped task T1" in result.stderr


def test_ctrl_c_leave_keeps_the_task_and_prints_its_id(
    cli: Cli, scripted: Callable[..., ScriptedBackend], person: None
) -> None:
    backend = scripted(KeyboardInterrupt())
    result = cli("run", "Long", input="leave\n")
    assert result.exit_code == ExitCode.INTERRUPTED
    assert not [c for c in backend.calls if c[0] == "stop"]
    assert "task T1 keeps running; resume watching with: manus wait T1" in result.stderr


def test_follow_streams_a_backends_events(cli: Cli, scripted: Callable[..., ScriptedBackend]) -> None:
    scripted()
    text = cli("follow", "T1")
    assert text.exit_code == 0
    assert text.stdout.splitlines() == ["status_update: Searching the web", "assistant_message: Found 3 sources"]
    lines = cli("follow", "T1", "--json").stdout.splitlines()
    assert len(lines) == 2
    assert '"Found 3 sources"' in lines[1]


def test_the_question_is_asked_at_the_prompt_and_the_answer_sent_v1(cli: Cli, person: None, tmp_path: Path) -> None:
    result = cli(
        "run", "Plan a trip [[manus:ask=Which city?]]", *POLL, "--out", str(tmp_path), "--json", input="\nRome\n"
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "The agent asks: Which city?" in result.stderr
    assert result.stderr.count("Your answer") == 2  # an empty answer is asked again
    data = one_json(result)
    assert data["status"] == "completed"
    assert 'answer to "Rome"' in data["answer"]


def test_end_of_input_at_the_prompt_exits_3(cli: Cli, person: None) -> None:
    result = cli("run", "Plan [[manus:ask=Which city?]]", *POLL, input="")
    assert result.exit_code == ExitCode.WAITING
    assert "manus answer" in result.stderr


def test_the_live_display_shows_status_elapsed_credits_brief_and_plan() -> None:
    from rich.console import Console

    from manus_openai.cli._render import LiveStatus

    now = [100.0]
    view = TaskView(id="T1", status="running", title="Trip", credits=7, brief="Comparing flights",
                    plan=("Search flights", "Book hotel"), url="https://manus.im/app/T1")  # fmt: skip
    status = LiveStatus(view, clock=lambda: now[0])
    console = Console(record=True, width=100, color_system=None)
    now[0] += 75
    console.print(status)
    lines = [line.strip() for line in console.export_text().splitlines()]
    assert lines[0].split()[1:] == ["running", "01:15", "credits", "7"]
    assert lines[1:] == ["Trip", "Comparing flights", "- Search flights", "- Book hotel", "T1  https://manus.im/app/T1"]


def test_a_backend_with_structured_output_gets_the_schema_and_its_json_is_printed(
    cli: Cli, scripted: Callable[..., ScriptedBackend], tmp_path: Path
) -> None:
    schema = {"type": "object", "properties": {"city": {"type": "string"}}}
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(schema))
    backend = scripted(TaskView(id="T1", status="completed", answer="Lisbon", structured={"city": "Lisbon"}))
    backend.capabilities = frozenset({"schema"})
    text = cli("run", "Where?", "--schema", str(path))
    assert text.exit_code == ExitCode.OK
    assert ("submit", ("Where?", schema)) in backend.calls
    assert json.loads(text.stdout) == {"city": "Lisbon"}
    backend.states.append(TaskView(id="T1", status="completed", answer="Lisbon", structured={"city": "Lisbon"}))
    assert one_json(cli("run", "Where?", "--schema", str(path), "--json"))["structured"] == {"city": "Lisbon"}


def test_a_question_still_shown_right_after_the_reply_is_polled_again_not_asked_again(
    cli: Cli, scripted: Callable[..., ScriptedBackend], person: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from manus_openai.cli import _watch

    pauses: list[float] = []
    monkeypatch.setattr(_watch, "_sleep", pauses.append)
    asked = TaskView(id="T1", status="waiting", question="Which city?", turn_marker=2)
    backend = scripted(asked, asked, asked, TaskView(id="T1", status="completed", answer="Rome it is", turn_marker=4))
    result = cli("run", "Plan", "--poll-interval", "0.5", input="Rome\n")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert [c for c in backend.calls if c[0] == "answer"] == [("answer", "Rome")]
    assert result.stderr.count("Your answer") == 1
    assert pauses == [0.5, 0.5]
    assert result.stdout.strip() == "Rome it is"


def test_a_timeout_from_the_backend_is_exit_4_with_its_last_state(
    cli: Cli, scripted: Callable[..., ScriptedBackend]
) -> None:
    from manus_openai.cli._backend import TimedOut

    scripted(TimedOut("still running", TaskView(id="T1", status="running")))
    result = cli("run", "Long", "--timeout", "1", "--json")
    assert result.exit_code == ExitCode.TIMED_OUT
    assert one_json(result) == {"id": "T1", "status": "running", "timed_out": True}
