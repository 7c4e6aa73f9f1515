"""task.stop, resume by sendMessage, and background jobs (manus-api.md §6.6, §8, §12.1)."""

from __future__ import annotations

import httpx
import pytest

from manus_openai.emulator import Emulator

from .conftest import TASK_DURATION, create, events, last_status, ok


@pytest.mark.parametrize("directive", ["[[manus:forever]]", "[[manus:wait=deployAction]]", "[[manus:ask]]"])
def test_stop_ends_a_running_or_waiting_task(v2: httpx.Client, emu: Emulator, directive: str) -> None:
    task_id = create(v2, f"Long {directive}")
    emu.advance(TASK_DURATION)
    body = ok(v2.post("/task.stop", json={"task_id": task_id}))
    assert set(body) == {"ok", "request_id"}
    assert ok(v2.get("/task.detail", params={"task_id": task_id}))["task"]["status"] == "stopped"
    kinds = [e["type"] for e in events(v2, task_id)]
    assert kinds[-2:] == ["user_stop", "status_update"]
    assert next(e for e in events(v2, task_id) if e["type"] == "user_stop")["user_stop"] == {}
    assert last_status(v2, task_id)["agent_status"] == "stopped"


def test_second_stop_is_a_no_op(v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "Long [[manus:forever]]")
    ok(v2.post("/task.stop", json={"task_id": task_id}))
    before = events(v2, task_id)
    ok(v2.post("/task.stop", json={"task_id": task_id}))
    assert events(v2, task_id) == before
    finished = create(v2, "Short")
    emu.advance(TASK_DURATION)
    before = events(v2, finished)
    ok(v2.post("/task.stop", json={"task_id": finished}))
    assert events(v2, finished) == before


def test_send_message_resumes_a_stopped_task(v2: httpx.Client, emu: Emulator, v1: httpx.Client) -> None:
    task_id = create(v2, "Long [[manus:forever]]")
    ok(v2.post("/task.stop", json={"task_id": task_id}))
    assert v1.get(f"/tasks/{task_id}").json()["status"] == "completed"
    ok(v2.post("/task.sendMessage", json={"task_id": task_id, "message": {"content": "Carry on"}}))
    assert last_status(v2, task_id)["agent_status"] == "running"
    emu.advance(TASK_DURATION)
    assert last_status(v2, task_id)["agent_status"] == "stopped"
    assert [e["type"] for e in events(v2, task_id)][-2:] == ["assistant_message", "status_update"]


def test_background_jobs_stay_true_for_a_while(v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "Build [[manus:background=10]]")
    emu.advance(TASK_DURATION)
    record = ok(v2.get("/task.detail", params={"task_id": task_id}))["task"]
    assert record["status"] == "stopped"
    assert record["has_running_background_jobs"] is True
    emu.advance(9)
    assert ok(v2.get("/task.detail", params={"task_id": task_id}))["task"]["has_running_background_jobs"] is True
    emu.advance(1)
    assert ok(v2.get("/task.detail", params={"task_id": task_id}))["task"]["has_running_background_jobs"] is False
