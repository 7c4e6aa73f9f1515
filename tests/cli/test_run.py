"""``manus run`` against the emulator: results on stdout and disk, exit codes, and input checked first."""

from __future__ import annotations

from pathlib import Path

import pytest

from manus_openai.cli import ExitCode
from manus_openai.cli._v1 import V1Backend

from .conftest import POLL, Cli, created_ids, one_json


def test_run_prints_the_answer_and_saves_the_files(cli: Cli, tmp_path: Path) -> None:
    result = cli("run", "Write a haiku [[manus:files=2]]", *POLL, "--out", str(tmp_path))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "Emulated answer" in result.stdout
    saved = sorted(tmp_path.iterdir())
    assert [p.name for p in saved] == ["result-1.md", "result-2.md"]
    for path in saved:
        assert f"saved {path}" in result.stdout
    assert "completed" in result.stderr


def test_off_a_terminal_the_answer_is_the_markdown_source(cli: Cli, tmp_path: Path) -> None:
    result = cli("run", "Write a haiku", *POLL, "--out", str(tmp_path))
    assert result.exit_code == ExitCode.OK
    [task] = cli.emu.engine.tasks.values()
    answer = [m.text for m in task.messages if m.role == "assistant"][-1]
    assert result.stdout == answer + "\n"


def test_run_json_reports_status_answer_and_file_paths(cli: Cli, tmp_path: Path) -> None:
    result = cli("run", "Write a haiku [[manus:files=1]]", *POLL, "--out", str(tmp_path), "--json")
    assert result.exit_code == ExitCode.OK
    data = one_json(result)
    assert data["status"] == "completed"
    assert data["answer"].startswith("Emulated answer")
    [file] = data["files"]
    assert Path(file["path"]).read_bytes()
    assert file["size"] == Path(file["path"]).stat().st_size
    assert data["credits"] >= 1


def test_run_defaults_output_files_to_manus_output_task_id(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = one_json(cli("run", "Report [[manus:files=1]]", *POLL, "--json"))
    assert Path(data["files"][0]["path"]) == Path("manus-output") / data["id"] / "result-1.md"


def test_run_no_wait_prints_the_id_and_leaves_the_task_running(cli: Cli) -> None:
    result = cli("run", "Long job [[manus:forever]]", "--no-wait")
    assert result.exit_code == 0
    task_id = result.stdout.strip()
    assert task_id == created_ids(cli.emu)[-1]
    assert cli.emu.engine.tasks[task_id].status == "running"
    data = one_json(cli("run", "Another [[manus:forever]]", "--no-wait", "--json"))
    assert data["status"] == "running"
    assert data["id"] == created_ids(cli.emu)[-1]


def test_run_sends_the_options(cli: Cli) -> None:
    args = ("--profile", "manus-1.6-lite", "--mode", "chat", "--locale", "de-DE", "--connector", "gmail",
            "--connector", "notion", "--share", "--hidden", "--no-wait")  # fmt: skip
    assert cli("run", "Hallo", *args).exit_code == 0
    body = next(r for r in cli.emu.requests if r.method == "POST" and r.path.endswith("/tasks")).json()
    assert body == {
        "prompt": "Hallo", "agentProfile": "manus-1.6-lite", "taskMode": "chat", "locale": "de-DE",
        "connectors": ["gmail", "notion"], "createShareableLink": True, "hideInTaskList": True,
    }  # fmt: skip


def test_run_uploads_files_first_and_attaches_them(cli: Cli, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.csv"
    a.write_text("alpha")
    b.write_text("x,y\n1,2\n")
    result = cli("run", "Compare", "-f", str(a), "--file", str(b), "--no-wait", "--json")
    assert result.exit_code == 0, result.stderr
    create = next(r for r in cli.emu.requests if r.method == "POST" and r.path.endswith("/tasks")).json()
    assert [att["filename"] for att in create["attachments"]] == ["a.txt", "b.csv"]
    assert all(att["file_id"] for att in create["attachments"])


def test_run_reads_the_prompt_from_stdin(cli: Cli) -> None:
    assert cli("run", "-", "--no-wait", input="From stdin\n").exit_code == 0
    assert cli.emu.engine.tasks[created_ids(cli.emu)[-1]].title == "From stdin"


def test_run_exits_3_with_how_to_answer_when_the_task_asks_without_a_terminal(cli: Cli) -> None:
    result = cli("run", "Plan [[manus:ask=Which city?]]", *POLL, "--json")
    assert result.exit_code == ExitCode.WAITING
    data = one_json(result)
    assert data["status"] == "waiting"
    assert data["question"] == "Which city?"
    assert f"manus answer {data['id']}" in result.stderr


def test_run_exits_1_when_the_task_fails(cli: Cli) -> None:
    result = cli("run", "Break [[manus:error=disk full]]", *POLL, "--json")
    assert result.exit_code == ExitCode.TASK_FAILED
    assert one_json(result)["status"] == "failed"
    assert "failed" in result.stderr


def test_run_exits_4_on_timeout_and_keeps_the_task(cli: Cli) -> None:
    result = cli("run", "Forever [[manus:forever]]", *POLL, "--timeout", "0.2", "--json")
    assert result.exit_code == ExitCode.TIMED_OUT
    data = one_json(result)
    assert data["timed_out"] is True
    assert data["status"] == "running"
    assert f"manus wait {data['id']}" in result.stderr


def test_ctrl_c_prints_the_task_id_and_exits_130(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: V1Backend, task_id: str, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(V1Backend, "wait", interrupted)
    result = cli("run", "Long [[manus:forever]]", "--json")
    assert result.exit_code == ExitCode.INTERRUPTED
    task_id = created_ids(cli.emu)[-1]
    assert one_json(result) == {"id": task_id, "status": "interrupted"}
    assert f"manus wait {task_id}" in result.stderr
    assert "cannot stop" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--profile", "manus-9"), "--profile must be one of manus-1.6"),
        (("--mode", "turbo"), "--mode must be one of agent, chat, adaptive"),
        (("--file", "/no/such/file.pdf"), "--file: no file at '/no/such/file.pdf'"),
        (("--schema", "/no/such/schema.json"), "--schema: no file at"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_is_sent(cli: Cli, args: tuple[str, ...], message: str) -> None:
    result = cli("run", "Hello", *args)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[0].startswith(f"manus: error: {message}")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert cli.emu.requests == []


def test_schema_is_not_supported_on_v1_exit_5_before_sending(cli: Cli, tmp_path: Path) -> None:
    schema = tmp_path / "schema.json"
    schema.write_text('{"type": "object", "properties": {"city": {"type": "string"}}}')
    result = cli("run", "Hello", "--schema", str(schema))
    assert result.exit_code == ExitCode.NOT_SUPPORTED
    assert "structured output (--schema) is not supported by the Manus v1 API" in result.stderr
    assert cli.emu.requests == []


def test_schema_must_be_a_json_object(cli: Cli, tmp_path: Path) -> None:
    schema = tmp_path / "schema.json"
    schema.write_text("[1, 2")
    result = cli("run", "Hello", "--schema", str(schema))
    assert result.exit_code == ExitCode.USAGE
    assert "is not valid JSON" in result.stderr


def test_missing_key_says_how_to_set_it_and_mentions_the_emulator(cli: Cli) -> None:
    result = cli("run", "Hello", env={"MANUS_API_KEY": None})
    assert result.exit_code == ExitCode.USAGE
    assert "MANUS_API_KEY" in result.stderr
    assert "manus emulator" in result.stderr
    assert cli.emu.requests == []


def test_a_refused_key_is_never_printed(cli: Cli) -> None:
    secret = "mk-live-SECRET-do-not-print-42"
    result = cli("run", "Hello", "--no-wait", env={"MANUS_API_KEY": secret})
    assert result.exit_code == ExitCode.API_ERROR
    assert "refused the key" in result.stderr
    assert secret not in result.stderr + result.stdout
    flag = cli("--api-key", secret, "tasks", "list")
    assert flag.exit_code == ExitCode.API_ERROR
    assert secret not in flag.stderr + flag.stdout


def test_an_unreachable_api_is_exit_6_with_one_line(cli: Cli) -> None:
    result = cli("tasks", "list", env={"MANUS_BASE_URL": "http://127.0.0.1:9/v1"})
    assert result.exit_code == ExitCode.API_ERROR
    assert result.stderr.startswith("manus: error: cannot reach http://127.0.0.1:9")


def test_ctrl_c_while_creating_says_where_to_look(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: V1Backend, prompt: str, options: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(V1Backend, "submit", interrupted)
    result = cli("run", "Hello")
    assert result.exit_code == ExitCode.INTERRUPTED
    assert "`manus tasks list` shows it" in result.stderr
