"""task.create / detail / list / update / delete / sendMessage (manus-api.md §6.2-§6.8) and v1<->v2."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from manus_openai.emulator import Emulator

from . import shapes
from .conftest import TASK_DURATION, create, events, fails, ok


def test_create_detail_list_shapes(v2: httpx.Client, emu: Emulator) -> None:
    body = ok(v2.post("/task.create", json={"message": {"content": "Research the top 5 AI companies"}}))
    shapes.task_ref(body)
    assert body["task_title"] == "Research the top 5 AI companies"
    assert body["task_url"] == f"https://manus.im/app/{body['task_id']}"
    detail = ok(v2.get("/task.detail", params={"task_id": body["task_id"]}))
    shapes.envelope(detail, {"task": dict})
    shapes.task(detail["task"])
    assert detail["task"]["status"] == "running"
    emu.advance(TASK_DURATION)
    listed = ok(v2.get("/task.list"))
    shapes.page(listed)
    [record] = listed["data"]
    shapes.task(record)
    assert record["status"] == "stopped"
    assert record["credit_usage"] > 0


def test_create_options_are_kept(v2: httpx.Client) -> None:
    project = ok(v2.post("/project.create", json={"name": "Reports", "instruction": "Be brief"}))["project"]
    body = ok(
        v2.post(
            "/task.create",
            json={
                "message": {"content": "Q4", "connectors": ["9444d960-ab7e-450f-9cb9-b9467fb0adda"]},
                "project_id": project["id"],
                "share_visibility": "public",
                "agent_profile": "max",
                "title": "My title",
                "locale": "ja",
                "interactive_mode": True,
                "hide_in_task_list": True,
            },
        )
    )
    shapes.task_ref(body)
    assert body["share_visibility"] == "public"
    assert body["task_title"] == "My title"
    record = ok(v2.get("/task.detail", params={"task_id": body["task_id"]}))["task"]
    assert record["task_type"] == "project"
    assert record["agent_profile"] == "manus-1.6-max"
    assert record["share_url"].endswith(body["task_id"])


def test_content_parts_and_files(v2: httpx.Client, emu: Emulator) -> None:
    upload = ok(v2.post("/file.upload", json={"filename": "notes.txt"}))
    assert httpx.put(upload["upload_url"], content=b"hello").status_code == 200
    data = base64.b64encode(b"\x89PNG fake").decode()
    body = {
        "message": {
            "content": [
                {"type": "text", "text": "Summarise"},
                {"type": "file", "file_id": upload["file"]["id"]},
                {"type": "file", "file_data": data, "filename": "pic.png"},
                {"type": "file", "file_url": "https://example.com/report.pdf"},
                {"type": "voice", "file_url": "https://example.com/q.mp3"},
            ]
        }
    }
    task_id = ok(v2.post("/task.create", json=body))["task_id"]
    [first] = events(v2, task_id)[:1]
    shapes.event(first)
    attachments = first["user_message"]["attachments"]
    assert [(a["type"], a["filename"]) for a in attachments] == [
        ("file", "notes.txt"),
        ("image", "pic.png"),
        ("file", "report.pdf"),
        ("voice", "q.mp3"),
    ]
    assert httpx.get(attachments[0]["url"]).content == b"hello"


BAD_CREATES: list[tuple[dict[str, Any], str]] = [
    ({}, "message"),
    ({"message": "hi"}, "message"),
    ({"message": {}}, "message.content"),
    ({"message": {"content": ""}}, "message.content"),
    ({"message": {"content": []}}, "message.content"),
    ({"message": {"content": 5}}, "message.content"),
    ({"message": {"content": [{"type": "image"}]}}, "message.content[0].type"),
    ({"message": {"content": [{"type": "text"}]}}, "message.content[0].text"),
    ({"message": {"content": ["x"]}}, "message.content[0]"),
    ({"message": {"content": [{"type": "file"}]}}, "message.content[0]"),
    ({"message": {"content": [{"type": "file", "file_id": "f", "file_url": "https://x"}]}}, "message.content[0]"),
    ({"message": {"content": [{"type": "file", "file_id": "file-nope"}]}}, "message.content[0].file_id"),
    ({"message": {"content": [{"type": "file", "file_url": "ftp://x/y"}]}}, "message.content[0].file_url"),
    ({"message": {"content": [{"type": "file", "file_data": "***"}]}}, "message.content[0].file_data"),
    ({"message": {"content": "x", "connectors": "gmail"}}, "message.connectors"),
    ({"message": {"content": "x", "enable_skills": [1]}}, "message.enable_skills"),
    ({"message": {"content": "x" * 20_001}}, "message.content"),
    ({"message": {"content": "x"}, "share_visibility": "everyone"}, "share_visibility"),
    ({"message": {"content": "x"}, "agent_profile": "turbo"}, "agent_profile"),
    ({"message": {"content": "x"}, "project_id": "proj_nope"}, "project_id"),
    ({"message": {"content": "x"}, "interactive_mode": "yes"}, "interactive_mode"),
    ({"message": {"content": "x"}, "hide_in_task_list": 1}, "hide_in_task_list"),
    ({"message": {"content": "x"}, "title": ""}, "title"),
    ({"message": {"content": "x"}, "locale": 5}, "locale"),
    ({"message": {"content": "x [[manus:nope]]"}}, "message.content"),
    ({"message": {"content": "x [[manus:wait=emailSend]]"}}, "message.content"),
    ({"message": {"content": "x"}, "structured_output_schema": "no"}, "structured_output_schema"),
]


@pytest.mark.parametrize(("body", "field"), BAD_CREATES)
def test_bad_create_is_a_400_naming_the_field(v2: httpx.Client, body: dict[str, Any], field: str) -> None:
    fails(v2.post("/task.create", json=body), 400, "invalid_argument", field)


def test_inline_file_data_is_limited_to_20_mb(v2: httpx.Client) -> None:
    big = base64.b64encode(b"\0" * (20 * 1024 * 1024 + 1)).decode()
    body = {"message": {"content": [{"type": "text", "text": "x"}, {"type": "file", "file_data": big}]}}
    message = fails(v2.post("/task.create", json=body), 400, "invalid_argument", "message.content[1].file_data")
    assert "20 MB" in message


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"order": "newest"}, "order"),
        ({"scope": "mine"}, "scope"),
        ({"scope": "project"}, "project_id"),
        ({"scope": "agent_subtask"}, "agent_id"),
        ({"agent_id": "agent-other"}, "agent_id"),
        ({"cursor": "garbage"}, "cursor"),
    ],
)
def test_bad_list_query_is_a_400(v2: httpx.Client, query: dict[str, str], field: str) -> None:
    fails(v2.get("/task.list", params=query), 400, "invalid_argument", field)


def test_list_paginates_with_cursors_both_ways(v2: httpx.Client, emu: Emulator) -> None:
    ids = [create(v2, f"Task {i}") for i in range(5)]
    for order, expected in (("desc", ids[::-1]), ("asc", ids)):
        seen: list[str] = []
        cursor = None
        while True:
            params = {"limit": 2, "order": order, **({"cursor": cursor} if cursor else {})}
            body = ok(v2.get("/task.list", params=params))
            shapes.page(body)
            seen += [t["id"] for t in body["data"]]
            if not body["has_more"]:
                break
            cursor = body["next_cursor"]
        assert seen == expected


def test_list_scopes(v2: httpx.Client) -> None:
    project = ok(v2.post("/project.create", json={"name": "P"}))["project"]["id"]
    in_project = create(v2, "In project", project_id=project)
    plain = create(v2, "Plain")
    assert [t["id"] for t in ok(v2.get("/task.list", params={"scope": "standard"}))["data"]] == [plain]
    scoped = ok(v2.get("/task.list", params={"scope": "project", "project_id": project}))["data"]
    assert [t["id"] for t in scoped] == [in_project]
    subtasks = ok(v2.get("/task.list", params={"scope": "agent_subtask", "agent_id": "agent-default"}))["data"]
    assert subtasks == []


def test_update(v2: httpx.Client) -> None:
    task_id = create(v2)
    body = ok(v2.post("/task.update", json={"task_id": task_id, "title": "New", "share_visibility": "team"}))
    shapes.task_ref(body)
    assert body["task_title"] == "New"
    assert body["share_visibility"] == "team"
    ok(v2.post("/task.update", json={"task_id": task_id, "enable_visible_in_task_list": False}))
    fails(v2.post("/task.update", json={"task_id": task_id, "title": ""}), 400, "invalid_argument", "title")
    fails(v2.post("/task.update", json={"task_id": task_id, "share_visibility": "x"}), 400, "invalid_argument")
    fails(
        v2.post("/task.update", json={"task_id": task_id, "enable_visible_in_task_list": "no"}), 400, "invalid_argument"
    )
    fails(v2.post("/task.update", json={}), 400, "invalid_argument", "task_id")


def test_delete(v2: httpx.Client) -> None:
    task_id = create(v2)
    body = ok(v2.post("/task.delete", json={"task_id": task_id}))
    shapes.envelope(body, {"id": str, "deleted": bool})
    assert body == {**body, "id": task_id, "deleted": True}
    fails(v2.get("/task.detail", params={"task_id": task_id}), 404, "not_found")
    fails(v2.post("/task.delete", json={"task_id": task_id}), 404, "not_found")


def test_agent_default_shortcuts(v2: httpx.Client) -> None:
    detail = ok(v2.get("/task.detail", params={"task_id": "agent-default-main_task"}))["task"]
    shapes.task(detail)
    agent = ok(v2.get("/agent.detail", params={"agent_id": "agent-default"}))["agent"]
    assert agent["task_id"] == detail["id"]
    ok(v2.post("/task.sendMessage", json={"task_id": "agent-default-main_task", "message": {"content": "Hi"}}))
    messages = ok(v2.get("/task.listMessages", params={"task_id": "agent-default-main_task"}))
    assert messages["task_id"] == detail["id"]
    fails(v2.post("/task.delete", json={"task_id": "agent-default-main_task"}), 400, "invalid_argument", "task_id")
    fails(v2.post("/task.delete", json={"task_id": detail["id"]}), 403, "permission_denied")
    listed = ok(v2.get("/task.list", params={"agent_id": "agent-default"}))["data"]
    assert [t["id"] for t in listed] == [detail["id"]]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/task.detail", {}),
        ("GET", "/task.listMessages", {}),
        ("POST", "/task.stop", {}),
        ("POST", "/task.sendMessage", {"message": {"content": "x"}}),
        ("POST", "/task.confirmAction", {"event_id": "e"}),
        ("POST", "/task.update", {}),
        ("POST", "/task.delete", {}),
    ],
)
def test_task_id_is_required_and_unknown_ids_are_404(
    v2: httpx.Client, method: str, path: str, body: dict[str, Any]
) -> None:
    if method == "GET":
        fails(v2.get(path), 400, "invalid_argument", "task_id")
        fails(v2.get(path, params={"task_id": "nope"}), 404, "not_found")
    else:
        fails(v2.post(path, json=body), 400, "invalid_argument", "task_id")
        fails(v2.post(path, json={**body, "task_id": "nope"}), 404, "not_found")


def test_send_message_follow_up_turn_and_profile(v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "First", agent_profile="lite")
    emu.advance(TASK_DURATION)
    body = ok(
        v2.post("/task.sendMessage", json={"task_id": task_id, "message": {"content": "Second"}, "agent_profile": ""})
    )
    assert set(body) == {"ok", "request_id", "task_id"}
    record = ok(v2.get("/task.detail", params={"task_id": task_id}))["task"]
    assert record["status"] == "running"
    assert record["agent_profile"] == "manus-1.6-lite"
    emu.advance(TASK_DURATION)
    answers = [e["assistant_message"]["content"] for e in events(v2, task_id) if e["type"] == "assistant_message"]
    assert len(answers) == 2
    assert "Second" in answers[1]
    bad = {"task_id": task_id, "message": {"content": "x"}, "agent_profile": "nope"}
    fails(v2.post("/task.sendMessage", json=bad), 400, "invalid_argument", "agent_profile")
    fails(v2.post("/task.sendMessage", json={"task_id": task_id}), 400, "invalid_argument", "message")


def test_v1_task_is_visible_on_v2_in_v2_words(v1: httpx.Client, v2: httpx.Client, emu: Emulator) -> None:
    response_id = v1.post("/responses", json={"input": "From v1 [[manus:ask=Which year?]]"}).json()["id"]
    emu.advance(TASK_DURATION)
    assert v1.get(f"/responses/{response_id}").json()["status"] == "pending"
    record = ok(v2.get("/task.detail", params={"task_id": response_id}))["task"]
    assert record["status"] == "waiting"
    status = [e for e in events(v2, response_id) if e["type"] == "status_update"][-1]["status_update"]
    assert status["status_detail"]["waiting_for_event_type"] == "messageAskUser"
    ok(v2.post("/task.sendMessage", json={"task_id": response_id, "message": {"content": "2025"}}))
    assert v1.get(f"/tasks/{response_id}").json()["status"] == "running"
    emu.advance(TASK_DURATION)
    assert v1.get(f"/tasks/{response_id}").json()["status"] == "completed"
    assert ok(v2.get("/task.detail", params={"task_id": response_id}))["task"]["status"] == "stopped"


def test_v2_task_is_visible_on_v1_in_v1_words(v1: httpx.Client, v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "From v2 [[manus:error=boom]]")
    assert v1.get(f"/responses/{task_id}").json()["status"] == "running"
    emu.advance(TASK_DURATION)
    assert v1.get(f"/responses/{task_id}").json()["status"] == "error"
    assert v1.get(f"/tasks/{task_id}").json()["status"] == "failed"
    assert task_id in [t["id"] for t in v1.get("/tasks").json()["data"]]
    kinds = [e["type"] for e in events(v2, task_id)]
    assert kinds[-2:] == ["error_message", "status_update"]
    v1.delete(f"/tasks/{task_id}")
    fails(v2.get("/task.detail", params={"task_id": task_id}), 404, "not_found")


def test_v1_shareable_link_reads_as_public(v1: httpx.Client, v2: httpx.Client) -> None:
    task_id = v1.post("/tasks", json={"prompt": "Share", "createShareableLink": True}).json()["task_id"]
    assert ok(v2.get("/task.detail", params={"task_id": task_id}))["task"]["share_visibility"] == "public"
    ok(v2.post("/task.update", json={"task_id": task_id, "share_visibility": "private"}))
    assert "share_url" not in v1.get(f"/tasks/{task_id}").json()["metadata"]
