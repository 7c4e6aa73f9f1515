"""The commands on the v2 backend (the default) against the emulator's v2 surface."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from manus_openai.cli import ExitCode
from manus_openai.emulator import Emulator

from .conftest import POLL, Cli, json_lines, one_json

SEND_MAIL = "Send the report [[manus:wait=gmailSendAction]]"


@pytest.fixture
def v2(emu: Emulator) -> Cli:
    return Cli(emu, api="v2")


def _v2_calls(emu: Emulator, verb: str) -> list[object]:
    return [r for r in emu.requests if r.path.endswith(f"/v2/{verb}")]


def test_v2_is_the_default(cli: Cli) -> None:
    result = cli("run", "Hello", "--no-wait", env={"MANUS_API_VERSION": None})
    assert result.exit_code == 0
    assert _v2_calls(cli.emu, "task.create")


def test_an_unknown_api_version_is_exit_2(cli: Cli) -> None:
    result = cli("--api", "v3", "tasks", "list")
    assert result.exit_code == ExitCode.USAGE
    assert "--api must be one of v1, v2; got 'v3'" in result.stderr


def test_run_completes_with_the_answer_and_files(v2: Cli, tmp_path: Path) -> None:
    result = v2("run", "Write a report [[manus:files=1]]", *POLL, "--out", str(tmp_path), "--json")
    assert result.exit_code == ExitCode.OK, result.stderr
    data = one_json(result)
    assert data["status"] == "completed"
    assert data["answer"]
    [file] = data["files"]
    assert Path(file["path"]).parent == tmp_path
    assert Path(file["path"]).stat().st_size == file["size"]
    body = json.loads(_v2_calls(v2.emu, "task.create")[0].body)  # type: ignore[attr-defined]
    assert body["interactive_mode"] is True


def test_off_a_terminal_the_status_lines_show_the_brief(v2: Cli, tmp_path: Path) -> None:
    result = v2("run", "Write a report", *POLL, "--out", str(tmp_path))
    assert result.exit_code == ExitCode.OK
    assert "Task completed" in result.stderr  # the brief of the last status_update


def test_a_confirmation_without_a_terminal_exits_3_then_confirm_and_wait(v2: Cli) -> None:
    waiting = v2("run", SEND_MAIL, *POLL, "--json")
    assert waiting.exit_code == ExitCode.WAITING
    data = one_json(waiting)
    assert data["waiting_for"] == "confirmation"
    assert f"manus confirm {data['id']}" in waiting.stderr
    assert "Send the email drafted for" in waiting.stderr
    confirmed = v2("confirm", data["id"], "--input", '{"save_draft": false}', "--json")
    assert confirmed.exit_code == 0, confirmed.stderr
    assert one_json(confirmed) == {"id": data["id"], "confirmed": True}
    sent = json.loads(_v2_calls(v2.emu, "task.confirmAction")[-1].body)  # type: ignore[attr-defined]
    assert sent["input"] == {"accept": True, "save_draft": False}
    done = v2("wait", data["id"], *POLL, "--json")
    assert done.exit_code == ExitCode.OK
    assert one_json(done)["status"] == "completed"


def test_yes_accepts_the_confirmation(v2: Cli) -> None:
    result = v2("run", SEND_MAIL, *POLL, "--yes", "--json")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert one_json(result)["status"] == "completed"
    assert "confirmed (--yes)" in result.stderr


def test_reject_sends_a_refusal(v2: Cli) -> None:
    task_id = one_json(v2("run", SEND_MAIL, *POLL, "--json"))["id"]
    assert v2("confirm", task_id, "--reject").exit_code == 0
    sent = json.loads(_v2_calls(v2.emu, "task.confirmAction")[-1].body)  # type: ignore[attr-defined]
    assert sent["input"]["accept"] is False


def test_a_question_then_answer_then_wait(v2: Cli) -> None:
    asked = v2("run", "Plan [[manus:ask=Which city?]]", *POLL, "--json")
    assert asked.exit_code == ExitCode.WAITING
    data = one_json(asked)
    assert data["question"] == "Which city?"
    assert data["waiting_for"] == "answer"
    not_a_confirmation = v2("confirm", data["id"])
    assert not_a_confirmation.exit_code == ExitCode.USAGE
    assert "not waiting for a confirmation" in not_a_confirmation.stderr
    assert v2("answer", data["id"], "Rome").exit_code == 0
    done = v2("wait", data["id"], *POLL, "--json")
    assert done.exit_code == ExitCode.OK
    assert "Which city?" not in one_json(done)["answer"]


def test_stop_then_wait_reports_stopped_exit_1(v2: Cli) -> None:
    task_id = v2("run", "Long [[manus:forever]]", "--no-wait").stdout.strip()
    stopped = v2("stop", task_id, "--json")
    assert stopped.exit_code == 0
    assert one_json(stopped) == {"id": task_id, "stopped": True}
    result = v2("wait", task_id, *POLL, "--json")
    assert result.exit_code == ExitCode.TASK_FAILED
    assert one_json(result)["status"] == "stopped"


def test_follow_streams_the_event_log(v2: Cli) -> None:
    task_id = v2("run", "Quick one", "--no-wait").stdout.strip()
    result = v2("follow", task_id, "--json")
    assert result.exit_code == 0
    types = [e["type"] for e in json_lines(result.stdout)]
    assert types[0] == "user_message"
    assert "status_update" in types
    assert "assistant_message" in types
    text = v2("follow", task_id).stdout
    assert text.splitlines()[0] == "user_message: Quick one"


def test_usage_shows_the_credits(v2: Cli) -> None:
    data = one_json(v2("usage", "--json"))
    assert isinstance(data["total_credits"], float)
    assert "total_credits: " in v2("usage").stdout


def test_schema_arms_structured_output_and_prints_it(v2: Cli, tmp_path: Path) -> None:
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps({
        "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
        "additionalProperties": False,
    }))  # fmt: skip
    result = v2("run", "Pick a city", *POLL, "--schema", str(schema), "--out", str(tmp_path))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert isinstance(json.loads(result.stdout)["city"], str)
    body = json.loads(_v2_calls(v2.emu, "task.create")[0].body)  # type: ignore[attr-defined]
    assert body["structured_output_schema"]["properties"] == {"city": {"type": "string"}}


def test_mode_has_no_v2_counterpart_exit_5_before_sending(v2: Cli) -> None:
    result = v2("run", "Hi", "--mode", "chat")
    assert result.exit_code == ExitCode.NOT_SUPPORTED
    assert "--mode (v1's task mode) is not supported by the Manus v2 API" in result.stderr
    assert not _v2_calls(v2.emu, "task.create")


def test_files_upload_and_attach_on_v2_and_list_says_v2_has_none(v2: Cli, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    [uploaded] = json_lines(v2("files", "upload", str(path), "--json").stdout)
    assert _v2_calls(v2.emu, "file.upload")
    result = v2("run", "Summarise", "--file", str(path), "--no-wait")
    assert result.exit_code == 0, result.stderr
    body = json.loads(_v2_calls(v2.emu, "task.create")[0].body)  # type: ignore[attr-defined]
    parts = body["message"]["content"]
    assert parts[0] == {"type": "text", "text": "Summarise"}
    assert parts[1]["type"] == "file"
    listed = v2("files", "list")
    assert listed.exit_code == ExitCode.NOT_SUPPORTED
    assert "--api v1 files list" in listed.stderr
    assert v2("files", "delete", uploaded["id"]).exit_code == 0


def test_tasks_list_sees_v2_tasks_through_task_list(v2: Cli) -> None:
    task_id = v2("run", "Listed [[manus:forever]]", "--no-wait").stdout.strip()
    rows = json_lines(v2("tasks", "list", "--json").stdout)
    assert [row["id"] for row in rows] == [task_id]
    assert _v2_calls(v2.emu, "task.list")
    assert not [r for r in v2.emu.requests if "/v1/" in r.path]
