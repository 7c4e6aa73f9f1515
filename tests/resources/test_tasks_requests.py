"""client.tasks at the transport level: exact method, URL, query, headers and body; validation before I/O."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import openai
import pytest

from manus_openai.pagination import AsyncTasksPage, SyncTasksPage
from manus_openai.resources.tasks import LIST_QUERY_KEYS, create_task_body, list_tasks_request
from manus_openai.types import Task, TaskCreated, TaskDeleted, TaskUpdated, url_attachment
from tests.conftest import TEST_KEY, FakeManus
from tests.resources.conftest import AnyClient, body_of, call, collect, json_reply

API = "https://api.manus.ai/v1"


def task_json(task_id: str, status: str = "completed", **extra: Any) -> dict[str, Any]:
    return {"id": task_id, "object": "task", "created_at": 1760000000, "updated_at": 1760000001, "status": status,
            "metadata": {"task_title": f"Title {task_id}", "task_url": f"https://manus.im/app/{task_id}"},
            "output": [], **extra}  # fmt: skip


def page_json(ids: list[str], has_more: bool) -> dict[str, Any]:
    return {"object": "list", "data": [task_json(i) for i in ids], "first_id": ids[0] if ids else None,
            "last_id": ids[-1] if ids else None, "has_more": has_more}  # fmt: skip


# --- list --------------------------------------------------------------------------------------------


async def test_list_sends_documented_query_keys_and_repeated_status(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(page_json(["a"], has_more=False))]
    week_ago = datetime(2025, 10, 6, tzinfo=timezone.utc)
    await call(
        mock_client, "tasks.list", status=["completed", "running"], query="sky", limit=50, after="t0",
        order="asc", order_by="updated_at", created_after=week_ago, created_before=1760000000,
    )  # fmt: skip
    (request,) = fake.requests
    assert request.method == "GET"
    assert request.url.path == "/v1/tasks"
    assert request.url.query.decode() == (
        "status=completed&status=running&query=sky&limit=50&after=t0&order=asc&orderBy=updated_at"
        f"&createdAfter={int(week_ago.timestamp())}&createdBefore=1760000000"
    )
    assert request.headers["API_KEY"] == TEST_KEY
    assert "authorization" not in request.headers
    assert request.content == b""


async def test_list_without_arguments_sends_no_query(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(page_json([], has_more=False))]
    page = await call(mock_client, "tasks.list")
    assert str(fake.requests[0].url) == f"{API}/tasks"
    assert page.data == []
    assert page.has_more is False
    assert not page.has_next_page()


async def test_list_single_status_string(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(page_json([], has_more=False))]
    await call(mock_client, "tasks.list", status="failed")
    assert fake.requests[0].url.query == b"status=failed"


async def test_iterating_follows_last_id_and_keeps_filters(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [
        json_reply(page_json(["t1", "t2"], has_more=True)),
        json_reply(page_json(["t3", "t4"], has_more=True)),
        json_reply(page_json(["t5"], has_more=False)),
    ]
    tasks = await collect(mock_client.tasks.list(limit=2, status=["completed", "failed"], order_by="created_at"))
    assert [t.id for t in tasks] == ["t1", "t2", "t3", "t4", "t5"]
    assert all(isinstance(t, Task) for t in tasks)
    queries = [r.url.query.decode() for r in fake.requests]
    assert queries == [
        "status=completed&status=failed&limit=2&orderBy=created_at",
        "status=completed&status=failed&limit=2&orderBy=created_at&after=t2",
        "status=completed&status=failed&limit=2&orderBy=created_at&after=t4",
    ]


async def test_page_fields_and_iter_pages(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(page_json(["t1", "t2"], has_more=True)), json_reply(page_json(["t3"], has_more=False))]
    page = await call(mock_client, "tasks.list", limit=2)
    assert isinstance(page, (SyncTasksPage, AsyncTasksPage))
    assert (page.first_id, page.last_id, page.has_more) == ("t1", "t2", True)
    assert page.next_page_info().params == {"after": "t2"}  # type: ignore[union-attr]
    pages = list(page.iter_pages()) if isinstance(page, SyncTasksPage) else [p async for p in page.iter_pages()]
    assert [[t.id for t in p.data] for p in pages] == [["t1", "t2"], ["t3"]]
    assert pages[-1].has_next_page() is False


async def test_has_more_true_with_empty_page_stops(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply({"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": True})]
    assert await collect(mock_client.tasks.list()) == []
    assert len(fake.requests) == 1


async def test_extra_query_merges_and_wins(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(page_json([], has_more=False))]
    await call(mock_client, "tasks.list", limit=5, extra_query={"limit": 7, "convert": "x"})
    assert fake.requests[0].url.params.multi_items() == [("limit", "7"), ("convert", "x")]


def test_one_mapping_of_query_keys() -> None:
    assert LIST_QUERY_KEYS["order_by"] == "orderBy"
    assert LIST_QUERY_KEYS["created_after"] == "createdAfter"
    assert LIST_QUERY_KEYS["created_before"] == "createdBefore"
    assert list_tasks_request(status=("pending", "pending", "running")) == {"status": ["pending", "running"]}


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({"limit": 0}, ValueError, "limit"),
        ({"limit": 1001}, ValueError, "limit"),
        ({"limit": "10"}, TypeError, "limit"),
        ({"limit": True}, TypeError, "limit"),
        ({"order": "up"}, ValueError, "order"),
        ({"order_by": "title"}, ValueError, "order_by"),
        ({"status": "done"}, ValueError, "status"),
        ({"status": ["completed", "error"]}, ValueError, "failed"),
        ({"status": []}, ValueError, "status"),
        ({"status": 3}, TypeError, "status"),
        ({"created_after": datetime(2025, 1, 1)}, ValueError, "created_after"),
        ({"created_before": datetime(2025, 1, 1)}, ValueError, "created_before"),
        ({"created_after": 1.5}, TypeError, "created_after"),
        ({"created_after": -1}, ValueError, "created_after"),
        ({"created_after": 20, "created_before": 10}, ValueError, "created_after"),
        ({"query": 5}, TypeError, "query"),
        ({"after": ""}, ValueError, "after"),
    ],
)
async def test_list_validates_before_any_request(
    mock_client: AnyClient, fake: FakeManus, kwargs: dict[str, Any], error: type[Exception], field: str
) -> None:
    with pytest.raises(error, match=field):
        await call(mock_client, "tasks.list", **kwargs)
    assert fake.requests == []


def test_list_error_names_allowed_values() -> None:
    with pytest.raises(ValueError, match="'pending', 'running', 'completed', 'failed'"):
        list_tasks_request(status="stopped")
    with pytest.raises(ValueError, match="'created_at', 'updated_at'"):
        list_tasks_request(order_by="createdAt")


def test_aware_datetime_in_any_zone_is_unix_seconds() -> None:
    moment = datetime(2025, 10, 13, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    assert list_tasks_request(created_after=moment) == {"createdAfter": 1760349600}


# --- retrieve / update / delete ---------------------------------------------------------------------


async def test_retrieve(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(task_json("t1", credit_usage=42))]
    task = await call(mock_client, "tasks.retrieve", "t1")
    assert str(fake.requests[0].url) == f"{API}/tasks/t1"
    assert fake.requests[0].method == "GET"
    assert isinstance(task, Task)
    assert (task.id, task.status, task.credit_usage, task.task_title) == ("t1", "completed", 42, "Title t1")


async def test_retrieve_convert_flag(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(task_json("t1"))]
    await call(mock_client, "tasks.retrieve", "t1", convert=True)
    assert fake.requests[0].url.query == b"convert=true"


@pytest.mark.parametrize("bad", ["", "a/b", None, 5])
async def test_ids_are_checked_before_they_reach_a_path(mock_client: AnyClient, fake: FakeManus, bad: Any) -> None:
    for method in ("tasks.retrieve", "tasks.delete"):
        with pytest.raises(ValueError, match="task_id"):
            await call(mock_client, method, bad)
    assert fake.requests == []


async def test_update_sends_only_given_fields_in_camel_case(mock_client: AnyClient, fake: FakeManus) -> None:
    reply = {"task_id": "t1", "task_title": "New", "task_url": "https://manus.im/app/t1",
             "share_url": "https://manus.im/share/t1"}  # fmt: skip
    fake.replies = [json_reply(reply)]
    updated = await call(mock_client, "tasks.update", "t1", enable_shared=True)
    fake.replies = [json_reply(reply)]
    await call(mock_client, "tasks.update", "t1", title="New", enable_visible_in_task_list=False)
    first, second = fake.requests
    assert (first.method, str(first.url)) == ("PUT", f"{API}/tasks/t1")
    assert body_of(first) == {"enableShared": True}
    assert body_of(second) == {"title": "New", "enableVisibleInTaskList": False}
    assert isinstance(updated, TaskUpdated)
    assert (updated.task_id, updated.share_url) == ("t1", "https://manus.im/share/t1")


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({}, ValueError, "at least one"),
        ({"title": ""}, ValueError, "title"),
        ({"title": 3}, TypeError, "title"),
        ({"enable_shared": "yes"}, TypeError, "enable_shared"),
        ({"enable_visible_in_task_list": 1}, TypeError, "enable_visible_in_task_list"),
    ],
)
async def test_update_validates(mock_client: AnyClient, fake: FakeManus, kwargs: dict[str, Any],
                                error: type[Exception], field: str) -> None:  # fmt: skip
    with pytest.raises(error, match=field):
        await call(mock_client, "tasks.update", "t1", **kwargs)
    assert fake.requests == []


async def test_delete_returns_typed_result(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply({"id": "t1", "object": "task.deleted", "deleted": True})]
    deleted = await call(mock_client, "tasks.delete", "t1")
    assert (fake.requests[0].method, str(fake.requests[0].url)) == ("DELETE", f"{API}/tasks/t1")
    assert isinstance(deleted, TaskDeleted)
    assert (deleted.id, deleted.object, deleted.deleted) == ("t1", "task.deleted", True)


# --- create ------------------------------------------------------------------------------------------

CREATED = {"task_id": "TeBim6FDQf9peS52xHtAyh", "task_title": "Generated title",
           "task_url": "https://manus.im/app/TeBim6FDQf9peS52xHtAyh"}  # fmt: skip


async def test_create_minimal_body_defaults_the_profile(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(CREATED)]
    created = await call(mock_client, "tasks.create", "Write a fibonacci function")
    (request,) = fake.requests
    assert (request.method, str(request.url)) == ("POST", f"{API}/tasks")
    assert request.headers["content-type"] == "application/json"
    assert body_of(request) == {"prompt": "Write a fibonacci function", "agentProfile": "manus-1.6"}
    assert isinstance(created, TaskCreated)
    assert created.task_id == created.id == "TeBim6FDQf9peS52xHtAyh"
    assert created.share_url is None


async def test_create_every_option_in_camel_case(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply({**CREATED, "share_url": "https://manus.im/share/x"})]
    await call(
        mock_client, "tasks.create", "Analyse", agent_profile="manus-1.6-max", task_mode="agent",
        attachments=[url_attachment("https://example.com/r.pdf", mime_type="application/pdf"),
                     {"filename": "a.csv", "file_id": "file-1"}],
        connectors=["uuid-1"], hide_in_task_list=True, create_shareable_link=True, project_id="proj_1",
        interactive_mode=False, locale="en-US",
    )  # fmt: skip
    assert body_of(fake.requests[0]) == {
        "prompt": "Analyse",
        "agentProfile": "manus-1.6-max",
        "taskMode": "agent",
        "attachments": [
            {"filename": "r.pdf", "url": "https://example.com/r.pdf", "mimeType": "application/pdf"},
            {"filename": "a.csv", "file_id": "file-1"},
        ],
        "connectors": ["uuid-1"],
        "hideInTaskList": True,
        "createShareableLink": True,
        "projectId": "proj_1",
        "interactiveMode": False,
        "locale": "en-US",
    }


async def test_continuation_omits_the_profile(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(CREATED)]
    await call(mock_client, "tasks.create", "And then?", task_id="abc123", interactive_mode=True)
    assert body_of(fake.requests[0]) == {"prompt": "And then?", "taskId": "abc123", "interactiveMode": True}


async def test_create_is_not_retried_after_a_server_error(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(500, json={"code": 13, "message": "internal", "details": []})]
    with pytest.raises(openai.InternalServerError):
        await call(mock_client, "tasks.create", "Only once")
    assert len(fake.requests) == 1


async def test_create_is_retried_after_429(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(429, headers={"retry-after-ms": "1"}, json={"message": "slow down"}),
                    json_reply(CREATED)]  # fmt: skip
    created = await call(mock_client, "tasks.create", "Twice")
    assert created.task_id == CREATED["task_id"]
    assert len(fake.requests) == 2


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "field"),
    [
        (("", " "), {}, ValueError, "prompt"),
        ((5,), {}, TypeError, "prompt"),
        (("x",), {"task_mode": "fast"}, ValueError, "task_mode"),
        (("x",), {"agent_profile": ""}, ValueError, "agent_profile"),
        (("x",), {"hide_in_task_list": "no"}, TypeError, "hide_in_task_list"),
        (("x",), {"connectors": "uuid"}, TypeError, "connectors"),
        (("x",), {"attachments": [{"url": "https://e.com/a"}]}, ValueError, "filename"),
        (("x",), {"attachments": [{"filename": "a", "url": "u", "file_id": "f"}]}, ValueError, "exactly one"),
        (("x",), {"attachments": {"filename": "a", "url": "u"}}, TypeError, "attachments"),
        (("x",), {"task_id": "a/b"}, ValueError, "task_id"),
    ],
)
async def test_create_validates_before_any_request(
    mock_client: AnyClient, fake: FakeManus, args: tuple[Any, ...], kwargs: dict[str, Any],
    error: type[Exception], field: str,
) -> None:  # fmt: skip
    with pytest.raises(error, match=field):
        await call(mock_client, "tasks.create", *args[:1], **kwargs)
    assert fake.requests == []


def test_create_body_is_a_pure_function() -> None:
    assert create_task_body("Hi", agent_profile="manus-1.6-lite", locale="zh-CN") == {
        "prompt": "Hi", "agentProfile": "manus-1.6-lite", "locale": "zh-CN",
    }  # fmt: skip


# --- raw and streaming views ---------------------------------------------------------------------------


async def test_raw_response_views(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(page_json(["t1"], has_more=False), status=200)]
    raw = await call(mock_client, "with_raw_response.tasks.list", limit=1)
    assert raw.http_request.headers["X-Stainless-Raw-Response"] == "true"
    assert [t.id for t in raw.parse().data] == ["t1"]
    fake.replies = [json_reply(task_json("t2"))]
    raw = await call(mock_client, "tasks.with_raw_response.retrieve", "t2")
    assert raw.parse().id == "t2"


def test_streaming_response_view(client: Any, fake: FakeManus) -> None:
    fake.replies = [json_reply(CREATED)]
    with client.with_streaming_response.tasks.create("Stream me") as response:
        assert response.http_request.url.path == "/v1/tasks"
        assert response.parse().task_id == CREATED["task_id"]


async def test_async_streaming_response_view(async_client: Any, fake: FakeManus) -> None:
    fake.replies = [json_reply({"id": "t1", "object": "task.deleted", "deleted": True})]
    async with async_client.with_streaming_response.tasks.delete("t1") as response:
        assert (await response.parse()).deleted is True


async def test_status_survives_client_default_query(fake: FakeManus) -> None:
    fake.replies = [json_reply(page_json(["t1"], has_more=True)), json_reply(page_json(["t2"], has_more=False))]
    from manus_openai import ManusOpenAI

    client = ManusOpenAI(responses_view="manus", api_key=TEST_KEY, base_url=API, default_query={"tenant": "a"},
                         http_client=httpx.Client(transport=httpx.MockTransport(fake)))  # fmt: skip
    assert [t.id for t in client.tasks.list(status=["running", "pending"], limit=1)] == ["t1", "t2"]
    assert [r.url.params.multi_items() for r in fake.requests] == [
        [("tenant", "a"), ("status", "running"), ("status", "pending"), ("limit", "1")],
        [("tenant", "a"), ("status", "running"), ("status", "pending"), ("limit", "1"), ("after", "t1")],
    ]


def test_resources_survive_with_options(client: Any) -> None:
    from manus_openai.resources import Files, Projects, Tasks

    copy = client.with_options(timeout=5)
    assert isinstance(copy.tasks, Tasks)
    assert isinstance(copy.projects, Projects)
    assert isinstance(copy.files, Files)
    assert copy.tasks._client is copy
    assert copy.with_raw_response.tasks is not client.with_raw_response.tasks


def test_list_tasks_example_runs_offline(capsys: pytest.CaptureFixture[str]) -> None:
    import runpy
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "examples" / "list_tasks.py"
    runpy.run_path(str(example), run_name="__main__")
    out = capsys.readouterr().out
    assert "completed tasks in the last 7 days" in out
    assert "renamed to '[failed]" in out
