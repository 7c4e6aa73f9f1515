"""``manus tasks list|show|update|delete`` and ``manus webhooks`` on v2: v2 endpoints only, v1 where asked."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pytest

from manus_openai.cli import ExitCode
from manus_openai.emulator import Emulator
from manus_openai.emulator._http import RecordedRequest

from .conftest import Cli, json_lines, one_json
from .test_webhooks import _create_task_once_registered, _free_port


@pytest.fixture
def v2(emu: Emulator) -> Cli:
    return Cli(emu, api="v2")


def _calls(emu: Emulator, verb: str) -> list[RecordedRequest]:
    return [r for r in emu.requests if r.path.endswith(f"/v2/{verb}")]


def _v1_calls(emu: Emulator) -> list[RecordedRequest]:
    return [r for r in emu.requests if "/v1/" in r.path]


def _create(emu: Emulator, *prompts: str, project_id: str | None = None) -> list[str]:
    with emu.client() as client:
        return [client.v2.tasks.create(p, interactive_mode=True, project_id=project_id).task_id for p in prompts]


def _settle(emu: Emulator, task_ids: Sequence[str]) -> None:
    with emu.client() as client:
        for task_id in task_ids:
            client.v2.tasks.retrieve(task_id)  # let the engine reach the scenario's state


# -- tasks list ---------------------------------------------------------------------------------
def test_list_uses_task_list_table_and_json_lines(v2: Cli) -> None:
    first, second = _create(v2.emu, "First task [[manus:forever]]", "Second task [[manus:forever]]")
    v2.emu.clear_requests()
    table = v2("tasks", "list")
    assert table.exit_code == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split()[:3] == ["ID", "STATUS", "CREDITS"]
    assert [line.split()[0] for line in lines[1:]] == [second, first]
    rows = json_lines(v2("tasks", "list", "--json").stdout)
    assert [row["id"] for row in rows] == [second, first]
    assert {row["status"] for row in rows} == {"running"}
    assert all(row["answer"] is None for row in rows)  # a v2 list row has no conversation: unknown, not ""
    assert len(_calls(v2.emu, "task.list")) == 2
    assert _v1_calls(v2.emu) == []


def test_list_limit_pages_lazily_and_all_walks_the_cursor(v2: Cli) -> None:
    ids = _create(v2.emu, "One", "Two", "Three")
    v2.emu.clear_requests()
    assert [r["id"] for r in json_lines(v2("tasks", "list", "--limit", "1", "--json").stdout)] == [ids[2]]
    [one] = _calls(v2.emu, "task.list")
    assert one.query_values("limit") == ["1"]
    v2.emu.clear_requests()
    everything = json_lines(v2("tasks", "list", "--limit", "1", "--all", "--order", "asc", "--json").stdout)
    assert [row["id"] for row in everything] == ids
    pages = _calls(v2.emu, "task.list")
    assert len(pages) == 3
    assert pages[0].query_values("cursor") == []
    assert all(p.query_values("cursor") for p in pages[1:])
    assert all(p.query_values("order") == ["asc"] for p in pages)


def test_a_limit_above_a_v2_page_asks_for_pages_of_100(v2: Cli) -> None:
    _create(v2.emu, "One", "Two")
    v2.emu.clear_requests()
    result = v2("tasks", "list", "--limit", "500", "--json")
    assert result.exit_code == 0, result.stderr
    assert len(json_lines(result.stdout)) == 2
    [page] = _calls(v2.emu, "task.list")
    assert page.query_values("limit") == ["100"]


def test_status_and_query_are_filtered_here_with_a_note(v2: Cli) -> None:
    asked, running = _create(v2.emu, "Trip planning [[manus:ask]] [[manus:duration=0]]", "Other [[manus:forever]]")
    _settle(v2.emu, [asked, running])
    v2.emu.clear_requests()
    waiting = v2("tasks", "list", "--status", "waiting", "--json")
    assert waiting.exit_code == 0, waiting.stderr
    assert [row["id"] for row in json_lines(waiting.stdout)] == [asked]
    assert "v2's task.list has no status filter: filtering here" in waiting.stderr
    [page] = _calls(v2.emu, "task.list")
    assert page.query_values("status") == []  # nothing v2 does not know is sent
    assert [r["id"] for r in json_lines(v2("tasks", "list", "--status", "pending", "--json").stdout)] == [asked]
    found = v2("tasks", "list", "--query", "TRIP", "--json")
    assert [row["id"] for row in json_lines(found.stdout)] == [asked]
    assert "no text filter" in found.stderr
    assert "titles only" in found.stderr
    both = v2("tasks", "list", "--status", "running", "--query", "trip", "--json")
    assert json_lines(both.stdout) == []
    assert "no status and text filter" in both.stderr
    assert _v1_calls(v2.emu) == []


def test_filtered_limit_keeps_reading_pages_until_enough_match(v2: Cli) -> None:
    ids = _create(v2.emu, *(f"Task {i} [[manus:forever]]" for i in range(3)))
    result = v2("tasks", "list", "--status", "running", "--limit", "2", "--json")
    assert [row["id"] for row in json_lines(result.stdout)] == ids[::-1][:2]
    assert "until 2 match" in result.stderr


def test_a_finished_task_lists_as_stopped_and_completed_is_refused(v2: Cli) -> None:
    [done] = _create(v2.emu, "Quick [[manus:duration=0]]")
    _settle(v2.emu, [done])
    [row] = json_lines(v2("tasks", "list", "--status", "stopped", "--json").stdout)
    assert (row["id"], row["status"]) == (done, "stopped")
    v2.emu.clear_requests()
    refused = v2("tasks", "list", "--status", "completed")
    assert refused.exit_code == ExitCode.USAGE
    assert "does not tell a finished task from one the user stopped" in refused.stderr
    assert "--status stopped" in refused.stderr
    unknown = v2("tasks", "list", "--status", "done")
    assert unknown.exit_code == ExitCode.USAGE
    assert "--status must be one of running, waiting, stopped, failed, pending; got 'done'" in unknown.stderr
    assert v2.emu.requests == []


def test_scope_and_project_go_to_task_list(v2: Cli) -> None:
    with v2.emu.client() as client:
        project = client.v2.projects.create("Research").id
    [in_project] = _create(v2.emu, "In project [[manus:forever]]", project_id=project)
    _create(v2.emu, "Outside [[manus:forever]]")
    v2.emu.clear_requests()
    result = v2("tasks", "list", "--scope", "project", "--project", project, "--json")
    assert result.exit_code == 0, result.stderr
    assert [row["id"] for row in json_lines(result.stdout)] == [in_project]
    [page] = _calls(v2.emu, "task.list")
    assert page.query_values("scope") == ["project"]
    assert page.query_values("project_id") == [project]
    standard = json_lines(v2("tasks", "list", "--scope", "standard", "--json").stdout)
    assert in_project not in [row["id"] for row in standard]


def test_agent_subtasks_scope(v2: Cli) -> None:
    subtask = v2.emu.engine.create_task(prompt="Agent errand", profile="manus-1.6", task_mode="agent",
                                        agent_id="agent-default")  # fmt: skip
    _create(v2.emu, "Mine [[manus:forever]]")
    rows = json_lines(v2("tasks", "list", "--scope", "agent_subtask", "--agent", "agent-default", "--json").stdout)
    assert [row["id"] for row in rows] == [subtask.id]
    assert _calls(v2.emu, "task.list")[-1].query_values("agent_id") == ["agent-default"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--scope", "project"), "--scope project needs --project PROJECT_ID"),
        (("--scope", "agent_subtask"), "--scope agent_subtask needs --agent AGENT_ID"),
        (("--scope", "mine"), "--scope must be one of all, standard, project, agent_subtask; got 'mine'"),
        (("--order", "newest"), "--order must be one of desc, asc; got 'newest'"),
    ],
)
def test_bad_list_options_are_exit_2_before_sending(v2: Cli, args: tuple[str, ...], message: str) -> None:
    result = v2("tasks", "list", *args)
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr
    assert v2.emu.requests == []


def test_v1_has_no_scope_project_or_agent_filter(cli: Cli) -> None:
    for args in (("--scope", "standard"), ("--project", "p1"), ("--agent", "agent-default")):
        result = cli("tasks", "list", *args)
        assert result.exit_code == ExitCode.NOT_SUPPORTED, args
        assert "is not supported by the Manus v1 API" in result.stderr
        assert "--api v2 tasks list" in result.stderr
    assert cli.emu.requests == []


# -- tasks show / update / delete ---------------------------------------------------------------
def test_show_uses_task_detail_and_the_event_log(v2: Cli) -> None:
    [task_id] = _create(v2.emu, "Show me [[manus:duration=0]]")
    _settle(v2.emu, [task_id])
    v2.emu.clear_requests()
    data = one_json(v2("tasks", "show", task_id, "--json"))
    assert (data["id"], data["status"]) == (task_id, "completed")  # the event log tells finished from stopped
    assert data["answer"]
    assert data["raw"]["id"] == task_id
    assert _calls(v2.emu, "task.detail")
    assert _calls(v2.emu, "task.listMessages")
    assert _v1_calls(v2.emu) == []
    missing = v2("tasks", "show", "no-such-task")
    assert missing.exit_code == ExitCode.USAGE
    assert "not found" in missing.stderr


def test_update_sends_task_update_with_share_visibility(v2: Cli) -> None:
    [task_id] = _create(v2.emu, "Old title [[manus:forever]]")
    v2.emu.clear_requests()
    result = v2("tasks", "update", task_id, "--title", "Q4 report", "--share", "--json")
    assert result.exit_code == 0, result.stderr
    data = one_json(result)
    assert (data["task_title"], data["share_visibility"]) == ("Q4 report", "public")
    assert data["share_url"]
    [call] = _calls(v2.emu, "task.update")
    assert call.json() == {"task_id": task_id, "title": "Q4 report", "share_visibility": "public"}
    assert v2("tasks", "update", task_id, "--share-visibility", "team", "--hidden").exit_code == 0
    assert _calls(v2.emu, "task.update")[-1].json() == {
        "task_id": task_id, "share_visibility": "team", "enable_visible_in_task_list": False,
    }  # fmt: skip
    assert v2("tasks", "update", task_id, "--no-share").exit_code == 0
    assert _calls(v2.emu, "task.update")[-1].json() == {"task_id": task_id, "share_visibility": "private"}
    with v2.emu.client() as client:
        record = client.v2.tasks.retrieve(task_id)
    assert (record.title, record.share_visibility) == ("Q4 report", "private")
    assert _v1_calls(v2.emu) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "nothing to update"),
        (("--title", " "), "--title must not be empty"),
        (("--share-visibility", "everyone"), "--share-visibility must be one of private, team, public"),
        (("--share", "--share-visibility", "team"), "give --share/--no-share or --share-visibility, not both"),
    ],
)
def test_bad_updates_are_exit_2_before_sending(v2: Cli, args: tuple[str, ...], message: str) -> None:
    result = v2("tasks", "update", "T1", *args)
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr
    assert v2.emu.requests == []


def test_v1_update_maps_share_visibility_and_refuses_team(cli: Cli) -> None:
    with cli.emu.client() as client:
        task_id = client.tasks.create("Old").task_id
    cli.emu.clear_requests()
    assert cli("tasks", "update", task_id, "--share-visibility", "public").exit_code == 0
    assert next(r for r in cli.emu.requests if r.method == "PUT").json() == {"enableShared": True}
    cli.emu.clear_requests()
    team = cli("tasks", "update", task_id, "--share-visibility", "team")
    assert team.exit_code == ExitCode.NOT_SUPPORTED
    assert "sharing with the team" in team.stderr
    assert cli.emu.requests == []


def test_delete_uses_task_delete(v2: Cli) -> None:
    [task_id] = _create(v2.emu, "Doomed [[manus:forever]]")
    v2.emu.clear_requests()
    done = v2("tasks", "delete", task_id, "--yes", "--json")
    assert done.exit_code == 0, done.stderr
    assert one_json(done) == {"id": task_id, "deleted": True}
    assert [c.json() for c in _calls(v2.emu, "task.delete")] == [{"task_id": task_id}]
    assert task_id not in v2.emu.engine.tasks
    assert v2("tasks", "delete", task_id, "--yes").exit_code == ExitCode.USAGE  # not found
    assert _v1_calls(v2.emu) == []


@pytest.mark.parametrize("shortcut", ["agent-default", "agent-default-main_task"])
def test_delete_refuses_the_agent_shortcuts_before_sending(v2: Cli, shortcut: str) -> None:
    result = v2("tasks", "delete", shortcut, "--yes")
    assert result.exit_code == ExitCode.USAGE
    assert "agent tasks cannot be deleted" in result.stderr
    assert v2.emu.requests == []


# -- webhooks -----------------------------------------------------------------------------------
def test_webhooks_create_list_delete_on_v2(v2: Cli) -> None:
    created = v2("webhooks", "create", "https://example.com/hook", "--json")
    assert created.exit_code == 0, created.stderr
    hook = one_json(created)
    assert hook["url"] == "https://example.com/hook"
    assert hook["status"] == "active"
    assert hook["webhook_id"] in v2.emu.engine.webhooks
    assert _calls(v2.emu, "webhook.create")[0].json() == {"url": "https://example.com/hook"}
    assert one_json(v2("webhooks", "list", "--json")) == hook
    table = v2("webhooks", "list")
    assert table.stdout.splitlines()[0].split() == ["ID", "STATUS", "CREATED", "URL"]
    assert hook["webhook_id"] in table.stdout
    assert _calls(v2.emu, "webhook.list")
    assert v2("webhooks", "delete", hook["webhook_id"]).exit_code == 0
    assert _calls(v2.emu, "webhook.delete")[0].json() == {"webhook_id": hook["webhook_id"]}
    assert v2.emu.engine.webhooks == {}
    assert "no webhooks" in v2("webhooks", "list").stderr
    again = v2("webhooks", "delete", hook["webhook_id"])
    assert again.exit_code == ExitCode.USAGE
    assert "not found" in again.stderr
    assert _v1_calls(v2.emu) == []


def test_webhooks_on_v1_create_has_the_url_and_list_is_exit_5(cli: Cli) -> None:
    hook = one_json(cli("webhooks", "create", "https://example.com/hook", "--json"))
    assert hook["url"] == "https://example.com/hook"
    assert hook["webhook_id"] in cli.emu.engine.webhooks
    cli.emu.clear_requests()
    listed = cli("webhooks", "list")
    assert listed.exit_code == ExitCode.NOT_SUPPORTED
    assert "--api v2 webhooks list" in listed.stderr
    assert cli.emu.requests == []


def test_listen_on_v2_uses_the_v2_key_and_endpoints(v2: Cli) -> None:
    done = threading.Event()
    worker = _create_task_once_registered(v2.emu, done)
    try:
        result = v2("webhooks", "listen", "--port", str(_free_port()), "--register", "--max-events", "3", "--json")
    finally:
        done.set()
        worker.join()
    assert result.exit_code == 0, result.stderr
    events = json_lines(result.stdout)
    assert sorted(e["event_type"] for e in events) == ["task_created", "task_stopped", "webhook_test"]
    assert _calls(v2.emu, "webhook.publicKey")
    assert _calls(v2.emu, "webhook.create")
    assert _calls(v2.emu, "webhook.delete")
    assert v2.emu.engine.webhooks == {}
    cli_v1_paths = {r.path for r in _v1_calls(v2.emu)}
    assert cli_v1_paths <= {"/v1/tasks"}  # only the test's own task (created on v1 by the helper)
