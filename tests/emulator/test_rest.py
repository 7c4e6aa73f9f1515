"""Seed 001's REST flows with plain httpx: create (with attachments), poll, extract results;
projects, update, delete, files (presigned and multipart)."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from manus_openai.emulator import Emulator, ManualClock

from . import shapes
from .conftest import TASK_DURATION


def poll_until_done(http: httpx.Client, clock: ManualClock, task_id: str) -> dict[str, Any]:
    for _ in range(20):
        result = http.get(f"/tasks/{task_id}")
        assert result.status_code == 200
        body = result.json()
        shapes.task_object(body)
        if body["status"] not in ("running",):
            return body  # type: ignore[no-any-return]  # JSON
        clock.advance(1)
    raise AssertionError("task never finished")


def extract_results(body: dict[str, Any]) -> list[str]:
    """Seed 001's step 3, verbatim in spirit."""
    texts = []
    for output in body.get("output", []):
        if output.get("role") == "assistant":
            for content in output.get("content", []):
                if content.get("type") == "output_text":
                    texts.append(content["text"])
    return texts


def test_seed_001_create_poll_extract(http: httpx.Client, clock: ManualClock) -> None:
    created = http.post(
        "/tasks", json={"prompt": "Analyze Bitcoin price trends this week", "agentProfile": "manus-1.6"}
    )
    assert created.status_code == 200
    ref = created.json()
    shapes.task_ref(ref)
    assert ref["task_url"] == f"https://manus.im/app/{ref['task_id']}"
    assert ref["task_title"] == "Analyze Bitcoin price trends this week"
    body = poll_until_done(http, clock, ref["task_id"])
    assert body["status"] == "completed"
    assert body["model"] == "manus-1.6-agent"
    assert body["credit_usage"] >= TASK_DURATION
    [text] = extract_results(body)
    assert "Analyze Bitcoin price trends this week" in text


def test_seed_001_attachments_in_seed_shape(http: httpx.Client, clock: ManualClock, emu: Emulator) -> None:
    uploaded = http.post("/files/upload", files={"file": ("data.txt", b"hello", "text/plain")}).json()
    csv = base64.b64encode(b"a,b\n1,2\n").decode()
    created = http.post(
        "/tasks",
        json={
            "prompt": "Analyze this financial report and create a summary",
            "attachments": [
                {"type": "url", "url": "https://example.com/report.pdf"},
                {"type": "file_id", "file_id": uploaded["file_id"]},
                {"type": "base64", "data": csv, "mimeType": "text/csv", "fileName": "data.csv"},
            ],
            "agentProfile": "manus-1.6",
        },
    )
    assert created.status_code == 200, created.text
    body = poll_until_done(http, clock, created.json()["task_id"])
    user_files = [c for c in body["output"][0]["content"] if c["type"] == "output_file"]
    assert [(f["fileName"], f["mimeType"]) for f in user_files] == [
        ("report.pdf", "application/pdf"),
        ("data.txt", "text/plain"),
        ("data.csv", "text/csv"),
    ]
    assert user_files[0]["fileUrl"] == "https://example.com/report.pdf"
    assert httpx.get(user_files[1]["fileUrl"]).content == b"hello"
    assert httpx.get(user_files[2]["fileUrl"]).content == b"a,b\n1,2\n"
    assert "3 attachment(s)" in extract_results(body)[0]


def test_official_attachment_shapes(http: httpx.Client, clock: ManualClock) -> None:
    file_id = _presigned_upload(http, "notes.md", b"# notes")
    created = http.post(
        "/tasks",
        json={
            "prompt": "Summarise",
            "attachments": [
                {"filename": "notes.md", "file_id": file_id},
                {"filename": "r.pdf", "url": "https://example.com/r.pdf", "mimeType": "application/pdf"},
                {"filename": "d.csv", "fileData": "data:text/csv;base64," + base64.b64encode(b"x").decode()},
            ],
        },
    )
    assert created.status_code == 200, created.text
    body = poll_until_done(http, clock, created.json()["task_id"])
    names = [c["fileName"] for c in body["output"][0]["content"] if c["type"] == "output_file"]
    assert names == ["notes.md", "r.pdf", "d.csv"]


def _presigned_upload(http: httpx.Client, filename: str, content: bytes) -> str:
    created = http.post("/files", json={"filename": filename})
    shapes.file_object(created.json(), created=True)
    put = httpx.put(created.json()["upload_url"], content=content)  # no API key, like S3
    assert put.status_code == 200
    return str(created.json()["id"])


def test_follow_up_with_task_id_and_interactive_mode(http: httpx.Client, clock: ManualClock) -> None:
    first = http.post("/tasks", json={"prompt": "Deep analysis of the AI market", "agentProfile": "manus-1.6-max"})
    task_id = first.json()["task_id"]
    clock.advance(TASK_DURATION)
    again = http.post(
        "/tasks", json={"prompt": "What are the implications?", "taskId": task_id, "interactiveMode": True}
    )
    assert again.json()["task_id"] == task_id
    body = poll_until_done(http, clock, task_id)
    assert [m["role"] for m in body["output"]] == ["user", "assistant", "user", "assistant"]
    assert body["model"] == "manus-1.6-max-agent"


def test_projects_instruction_applied(http: httpx.Client, clock: ManualClock) -> None:
    project = http.post("/projects", json={"name": "Research", "instruction": "Answer in French"}).json()
    shapes.project(project)
    assert project["instruction"] == "Answer in French"
    http.post("/projects", json={"name": "Other"})
    listed = http.get("/projects", params={"limit": 1}).json()
    assert [p["name"] for p in listed["data"]] == ["Other"]
    assert len(http.get("/projects").json()["data"]) == 2
    for item in http.get("/projects").json()["data"]:
        shapes.project(item)

    created = http.post("/tasks", json={"prompt": "Analyze our Q1 competitor landscape", "projectId": project["id"]})
    body = poll_until_done(http, clock, created.json()["task_id"])
    assert "Following the project instruction (Answer in French)" in extract_results(body)[0]

    via_responses = http.post("/responses", json={"input": "Hello", "project_id": project["id"]}).json()
    clock.advance(TASK_DURATION)
    done = http.get(f"/responses/{via_responses['id']}").json()
    assert "Answer in French" in done["output"][1]["content"][0]["text"]


def test_update_and_delete(http: httpx.Client) -> None:
    task_id = http.post("/tasks", json={"prompt": "Write fibonacci"}).json()["task_id"]
    updated = http.put(f"/tasks/{task_id}", json={"title": "Fib", "enableShared": True})
    shapes.task_ref(updated.json())
    assert updated.json()["share_url"] == f"https://manus.im/share/{task_id}"
    assert http.get(f"/tasks/{task_id}").json()["metadata"]["task_title"] == "Fib"
    unshared = http.put(f"/tasks/{task_id}", json={"enable_shared": False}).json()
    assert "share_url" not in unshared
    deleted = http.delete(f"/tasks/{task_id}")
    shapes.deleted(deleted.json(), "task.deleted")
    missing = http.get(f"/tasks/{task_id}")
    assert missing.status_code == 404
    shapes.error(missing.json(), 5)


@pytest.mark.parametrize("prefix", ["/v1", "", "/v1/v1"])
def test_every_documented_base_url_variant_is_served(emu: Emulator, prefix: str) -> None:
    with httpx.Client(base_url=emu.origin + prefix, headers={"API_KEY": emu.api_key}) as client:
        created = client.post("/responses", json={"input": "hi"})
        assert created.status_code == 200
        assert client.get(f"/tasks/{created.json()['id']}").status_code == 200
    assert emu.requests[-1].path == f"{prefix}/tasks/{created.json()['id']}"


def test_request_log_redacts_the_key(http: httpx.Client, emu: Emulator) -> None:
    http.post("/tasks", json={"prompt": "log me"}, params={"tag": "x"})
    record = emu.requests[-1]
    assert (record.method, record.path, record.query) == ("POST", "/v1/tasks", [("tag", "x")])
    assert record.headers["api_key"] == "[REDACTED]"
    assert record.json() == {"prompt": "log me"}
    assert record.status == 200
    assert emu.api_key not in repr(emu.requests) + repr(emu)
    emu.clear_requests()
    assert emu.requests == []
