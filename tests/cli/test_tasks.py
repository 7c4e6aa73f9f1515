"""``manus tasks list | show | update | delete`` against the emulator."""

from __future__ import annotations

from manus_openai.cli import ExitCode
from manus_openai.emulator import Emulator

from .conftest import Cli, json_lines, one_json


def _tasks(emu: Emulator, *prompts: str) -> list[str]:
    client = emu.client()
    try:
        return [client.tasks.create(p).task_id for p in prompts]
    finally:
        client.close()


def test_list_shows_a_table_newest_first(cli: Cli) -> None:
    first, second = _tasks(cli.emu, "First task", "Second task")
    result = cli("tasks", "list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["ID", "STATUS", "CREDITS"]
    assert [line.split()[0] for line in lines[1:]] == [second, first]
    assert "Second task" in lines[1]


def test_list_json_streams_one_object_per_line(cli: Cli) -> None:
    ids = _tasks(cli.emu, "One", "Two", "Three")
    rows = json_lines(cli("tasks", "list", "--json").stdout)
    assert [row["id"] for row in rows] == ids[::-1]
    assert {row["status"] for row in rows} == {"running"}


def test_list_limit_is_one_page_and_all_pages_through_everything(cli: Cli) -> None:
    ids = _tasks(cli.emu, "One", "Two", "Three")
    assert len(json_lines(cli("tasks", "list", "--limit", "1", "--json").stdout)) == 1
    everything = json_lines(cli("tasks", "list", "--limit", "1", "--all", "--json").stdout)
    assert [row["id"] for row in everything] == ids[::-1]
    pages = [r for r in cli.emu.requests if r.method == "GET" and r.path.endswith("/tasks")]
    assert len(pages) >= 1 + 3


def test_list_filters_by_status_and_query(cli: Cli) -> None:
    asked, _ = _tasks(cli.emu, "Trip planning [[manus:ask]] [[manus:duration=0]]", "Other [[manus:forever]]")
    with cli.emu.client() as client:
        client.tasks.retrieve(asked)  # let the engine reach its pending state
    waiting = json_lines(cli("tasks", "list", "--status", "pending", "--json").stdout)
    assert [row["id"] for row in waiting] == [asked]
    assert waiting[0]["status"] == "waiting"
    found = json_lines(cli("tasks", "list", "--query", "trip", "--json").stdout)
    assert [row["id"] for row in found] == [asked]
    query = [r.query for r in cli.emu.requests if r.path.endswith("/tasks") and r.method == "GET"][-2]
    assert ("status", "pending") in query


def test_list_rejects_an_unknown_status(cli: Cli) -> None:
    result = cli("tasks", "list", "--status", "done")
    assert result.exit_code == ExitCode.USAGE
    assert "--status must be one of pending, running, completed, failed; got 'done'" in result.stderr


def test_show_prints_the_fields_and_json_has_the_raw_task(cli: Cli) -> None:
    [task_id] = _tasks(cli.emu, "Show me")
    text = cli("tasks", "show", task_id)
    assert text.exit_code == 0
    assert task_id in text.stdout
    assert "Show me" in text.stdout
    data = one_json(cli("tasks", "show", task_id, "--json"))
    assert data["id"] == task_id
    assert data["raw"]["id"] == task_id


def test_update_sends_only_what_was_given(cli: Cli) -> None:
    [task_id] = _tasks(cli.emu, "Old title")
    result = cli("tasks", "update", task_id, "--title", "Q4 report", "--share", "--json")
    assert result.exit_code == 0
    assert one_json(result)["task_title"] == "Q4 report"
    body = next(r for r in cli.emu.requests if r.method == "PUT").json()
    assert body == {"title": "Q4 report", "enableShared": True}
    assert cli.emu.engine.tasks[task_id].title == "Q4 report"


def test_update_with_nothing_to_change_is_exit_2(cli: Cli) -> None:
    result = cli("tasks", "update", "T1")
    assert result.exit_code == ExitCode.USAGE
    assert "nothing to update" in result.stderr
    assert cli("tasks", "update", "T1", "--title", " ").exit_code == ExitCode.USAGE


def test_delete_needs_yes_without_a_terminal(cli: Cli) -> None:
    [task_id] = _tasks(cli.emu, "Doomed")
    refused = cli("tasks", "delete", task_id)
    assert refused.exit_code == ExitCode.USAGE
    assert "--yes" in refused.stderr
    assert task_id in cli.emu.engine.tasks
    done = cli("tasks", "delete", task_id, "--yes", "--json")
    assert done.exit_code == 0
    assert one_json(done) == {"id": task_id, "deleted": True}
    assert cli("tasks", "show", task_id).exit_code == ExitCode.USAGE
