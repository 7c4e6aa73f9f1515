"""Tasks inserted by ``seed_tasks`` have the v2 event log their status implies (built on first need)."""

from __future__ import annotations

import httpx
import pytest

from manus_openai.emulator import Emulator

from .conftest import events, fails, ok

LOGS = {
    "completed": ["user_message", "status_update", "assistant_message", "status_update"],
    "pending": ["user_message", "status_update", "assistant_message", "status_update"],
    "failed": ["user_message", "status_update", "error_message", "status_update"],
    "running": ["user_message", "status_update"],
}
FINAL = {"completed": "stopped", "pending": "waiting", "failed": "error", "running": "running"}


@pytest.mark.parametrize("status", sorted(LOGS))
def test_a_seeded_task_has_the_log_of_its_status(emu: Emulator, v2: httpx.Client, status: str) -> None:
    task_id = emu.seed_tasks(3, statuses=[status], start=1_700_000_000, prompt="Seeded {i}")[1]
    log = events(v2, task_id, verbose="true")
    assert [e["type"] for e in log] == LOGS[status]
    assert log[0]["user_message"]["content"] == "Seeded 1"
    assert log[-1]["status_update"]["agent_status"] == FINAL[status]
    assert {e["timestamp"] for e in log} == {1_700_000_001}
    assert len({e["id"] for e in log}) == len(log)
    assert events(v2, task_id) == log  # built once: the same events on every read


def test_the_seeded_answer_matches_v1(emu: Emulator, v2: httpx.Client, v1: httpx.Client) -> None:
    task_id = emu.seed_tasks(1, prompt="Sky colour")[0]
    answer = next(e for e in events(v2, task_id) if e["type"] == "assistant_message")["assistant_message"]
    output = v1.get(f"/tasks/{task_id}").json()["output"]
    assert answer["content"] == output[-1]["content"][0]["text"]
    assert answer["attachments"] == []


def test_a_seeded_question_waits_for_message_ask_user(emu: Emulator, v2: httpx.Client) -> None:
    task_id = emu.seed_tasks(1, statuses=["pending"])[0]
    detail = events(v2, task_id)[-1]["status_update"]["status_detail"]
    assert detail["waiting_for_event_type"] == "messageAskUser"
    refused = v2.post(
        "/task.confirmAction", json={"task_id": task_id, "event_id": detail["waiting_for_event_id"], "input": {}}
    )
    assert "task.sendMessage" in fails(refused, 409, "failed_precondition")
    ok(v2.post("/task.sendMessage", json={"task_id": task_id, "message": {"content": "Blue, please"}}))
    types = [e["type"] for e in events(v2, task_id)]
    assert types[:5] == [*LOGS["pending"], "user_message"]


def test_confirm_before_any_read_knows_the_seeded_wait(emu: Emulator, v2: httpx.Client) -> None:
    task_id = emu.seed_tasks(1, statuses=["pending"])[0]
    refused = v2.post("/task.confirmAction", json={"task_id": task_id, "event_id": "evt_x", "input": {}})
    assert "messageAskUser" in fails(refused, 409, "failed_precondition")


def test_stopping_a_seeded_task_before_reading_keeps_its_history(emu: Emulator, v2: httpx.Client) -> None:
    task_id = emu.seed_tasks(1, statuses=["running"])[0]
    ok(v2.post("/task.stop", json={"task_id": task_id}))
    log = events(v2, task_id)
    assert [e["type"] for e in log] == [*LOGS["running"], "user_stop", "status_update"]
    assert log[-1]["status_update"]["agent_status"] == "stopped"


def test_a_follow_up_before_reading_comes_after_the_seeded_log(emu: Emulator, v2: httpx.Client) -> None:
    task_id = emu.seed_tasks(1, prompt="First turn")[0]
    ok(v2.post("/task.sendMessage", json={"task_id": task_id, "message": {"content": "Second turn"}}))
    log = events(v2, task_id)
    assert [e["type"] for e in log[:5]] == [*LOGS["completed"], "user_message"]
    assert [e["user_message"]["content"] for e in log if e["type"] == "user_message"] == ["First turn", "Second turn"]


async def test_async_reads_see_the_seeded_log(emu: Emulator) -> None:
    task_id = emu.seed_tasks(2, statuses=["failed"])[1]
    async with httpx.AsyncClient(base_url=emu.v2_url, headers=emu.v2_headers, timeout=10) as v2:
        response = await v2.get("/task.listMessages", params={"task_id": task_id, "order": "asc"})
    assert [e["type"] for e in ok(response)["messages"]] == LOGS["failed"]
