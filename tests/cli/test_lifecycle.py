"""``manus wait``, ``answer``, ``follow``, ``confirm``, ``stop`` and ``usage`` against the emulator."""

from __future__ import annotations

from pathlib import Path

from manus_openai.cli import ExitCode

from .conftest import POLL, Cli, created_ids, one_json


def _no_wait(cli: Cli, prompt: str) -> str:
    result = cli("run", prompt, "--no-wait")
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


def test_wait_watches_an_existing_task_to_its_end(cli: Cli, tmp_path: Path) -> None:
    task_id = _no_wait(cli, "Report [[manus:files=1]]")
    result = cli("wait", task_id, *POLL, "--out", str(tmp_path), "--json")
    assert result.exit_code == ExitCode.OK
    data = one_json(result)
    assert data["id"] == task_id
    assert data["status"] == "completed"
    assert Path(data["files"][0]["path"]).parent == tmp_path


def test_answer_then_wait_shows_the_answer_to_the_reply_not_the_question(cli: Cli) -> None:
    task_id = _no_wait(cli, "Plan [[manus:ask=Which city?]]")
    assert cli("wait", task_id, *POLL).exit_code == ExitCode.WAITING
    answered = cli("answer", task_id, "Paris", "--json")
    assert answered.exit_code == 0
    assert one_json(answered) == {"id": task_id, "answered": True}
    result = cli("wait", task_id, *POLL, "--json")
    assert result.exit_code == ExitCode.OK
    data = one_json(result)
    assert 'answer to "Paris"' in data["answer"]
    assert "Which city?" not in data["answer"]


def test_answer_reads_stdin_and_refuses_an_empty_answer(cli: Cli) -> None:
    task_id = _no_wait(cli, "Plan [[manus:ask]]")
    cli("wait", task_id, *POLL)
    assert cli("answer", task_id, "-", input="Berlin\n").exit_code == 0
    empty = cli("answer", task_id, "   ")
    assert empty.exit_code == ExitCode.USAGE
    assert "the answer is empty" in empty.stderr


def test_an_id_that_does_not_exist_is_one_line_exit_2(cli: Cli) -> None:
    for args in (("wait", "NoSuchTask123"), ("answer", "NoSuchTask123", "hi"), ("tasks", "show", "NoSuchTask123")):
        result = cli(*args)
        assert result.exit_code == ExitCode.USAGE, args
        assert result.stderr.startswith("manus: error: not found"), result.stderr
        assert "Traceback" not in result.stderr


def test_follow_confirm_stop_and_usage_say_v1_cannot_and_exit_5(cli: Cli) -> None:
    task_id = _no_wait(cli, "Long [[manus:forever]]")
    sent_before = len(cli.emu.requests)
    for args, what in (
        (("follow", task_id), "the event log"),
        (("confirm", task_id), "confirming an action"),
        (("confirm", task_id, "--reject", "--input", '{"accept": false}'), "confirming an action"),
        (("stop", task_id), "stopping a task"),
        (("usage", "--json"), "the credit balance"),
    ):
        result = cli(*args)
        assert result.exit_code == ExitCode.NOT_SUPPORTED, args
        assert f"manus: error: {what} is not supported by the Manus v1 API" in result.stderr
        assert "hint:" in result.stderr
        assert result.stdout == ""
    assert len(cli.emu.requests) == sent_before
    assert cli.emu.engine.tasks[task_id].status == "running"


def test_confirm_rejects_malformed_input_json_first(cli: Cli) -> None:
    for raw, message in (("{bad", "--input is not valid JSON"), ("[1]", "--input must be a JSON object")):
        result = cli("confirm", "T1", "--input", raw)
        assert result.exit_code == ExitCode.USAGE
        assert message in result.stderr


def test_wait_json_timeout_is_exit_4(cli: Cli) -> None:
    task_id = _no_wait(cli, "Long [[manus:forever]]")
    result = cli("wait", task_id, *POLL, "--timeout", "0.1", "--json")
    assert result.exit_code == ExitCode.TIMED_OUT
    assert one_json(result)["id"] == task_id
    assert created_ids(cli.emu) == [task_id]
