"""task.listMessages: the event log (manus-api.md §6.9): order, limit, cursor, verbose, progress over time."""

from __future__ import annotations

import httpx
import pytest

from manus_openai.emulator import Emulator

from . import shapes
from .conftest import TASK_DURATION, create, events, fails, ok


def test_a_turn_writes_the_documented_events(v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "Report [[manus:progress=2]] [[manus:files=1]]")
    emu.advance(TASK_DURATION)
    quiet = events(v2, task_id)
    assert [e["type"] for e in quiet] == [
        "user_message",
        "status_update",
        "status_update",
        "status_update",
        "assistant_message",
        "status_update",
    ]
    assert [e["status_update"]["agent_status"] for e in quiet if e["type"] == "status_update"] == [
        "running",
        "running",
        "running",
        "stopped",
    ]
    [attachment] = quiet[4]["assistant_message"]["attachments"]
    assert attachment["filename"] == "result-1.md"
    assert attachment["content_type"] == "text/markdown"
    assert httpx.get(attachment["url"]).status_code == 200
    loud = events(v2, task_id, verbose="true")
    kinds = {e["type"] for e in loud}
    assert {"tool_used", "plan_update", "new_plan_step", "explanation"} <= kinds
    for event in loud:
        shapes.event(event)
    timestamps = [e["timestamp"] for e in loud]
    assert timestamps == sorted(timestamps)
    assert len({e["id"] for e in loud}) == len(loud)


def test_progress_appears_over_the_run_on_the_emulator_clock(v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "Slow [[manus:progress=4]] [[manus:duration=10]]")
    seen = []
    for _ in range(5):
        seen.append(sum(1 for e in events(v2, task_id) if e["type"] == "status_update"))
        emu.advance(2)
    assert seen == [1, 2, 3, 4, 5]  # one step every 2 s of the clock (4 steps split 10 s in 5)
    emu.advance(10)
    plan = [e for e in events(v2, task_id, verbose="true") if e["type"] == "plan_update"][-1]["plan_update"]
    assert [s["status"] for s in plan["steps"]] == ["done", "done", "done", "doing"]


def test_desc_order_and_limit(v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "x")
    emu.advance(TASK_DURATION)
    body = ok(v2.get("/task.listMessages", params={"task_id": task_id, "limit": 2}))
    shapes.page(body, "messages")
    assert body["task_id"] == task_id
    assert [e["type"] for e in body["messages"]] == ["status_update", "assistant_message"]
    assert body["messages"][0]["status_update"]["agent_status"] == "stopped"
    assert body["has_more"] is True


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "201"}, "limit"),
        ({"limit": "x"}, "limit"),
        ({"order": "up"}, "order"),
        ({"verbose": "maybe"}, "verbose"),
        ({"slides_format": "pdf"}, "slides_format"),
        ({"cursor": "not-a-cursor"}, "cursor"),
    ],
)
def test_bad_list_messages_queries(v2: httpx.Client, params: dict[str, str], field: str) -> None:
    task_id = create(v2)
    fails(v2.get("/task.listMessages", params={"task_id": task_id, **params}), 400, "invalid_argument", field)


def test_a_cursor_belongs_to_its_task_and_order(v2: httpx.Client, emu: Emulator) -> None:
    a = create(v2, "a")
    b = create(v2, "b")
    emu.advance(TASK_DURATION)
    cursor = ok(v2.get("/task.listMessages", params={"task_id": a, "limit": 1}))["next_cursor"]
    fails(v2.get("/task.listMessages", params={"task_id": b, "cursor": cursor}), 400, "invalid_argument", "cursor")
    query = {"task_id": a, "cursor": cursor, "order": "asc"}
    fails(v2.get("/task.listMessages", params=query), 400, "invalid_argument", "cursor")


def test_pagination_over_more_than_200_events_while_the_task_runs(v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "Huge [[manus:progress=300]] [[manus:duration=301]]")
    emu.advance(150)  # about 150 steps done: 1 + 2 + 149 status updates and 4 verbose events per step
    first = ok(v2.get("/task.listMessages", params={"task_id": task_id, "limit": 200, "verbose": "true"}))
    assert first["has_more"] is True
    pages = [first["messages"]]
    cursor = first["next_cursor"]
    emu.advance(100)  # many more events arrive between pages
    while cursor:
        query = {"task_id": task_id, "limit": 200, "verbose": "true", "cursor": cursor}
        body = ok(v2.get("/task.listMessages", params=query))
        pages.append(body["messages"])
        cursor = body.get("next_cursor")
    walked = [e["id"] for page in pages for e in page]
    assert len(walked) == len(set(walked))  # nothing repeated...
    assert len(walked) > 400
    emu.advance(60)
    everything = events(v2, task_id, verbose="true")
    ids = [e["id"] for e in everything]
    start = ids.index(walked[0])
    assert ids[: start + 1][::-1] == walked  # ...nothing skipped: the desc walk is the log's prefix reversed
    assert everything[-1]["status_update"]["agent_status"] == "stopped"
    # asc pagination reaches events that arrive after it started
    assert len(ids) > 1200
    assert ids == [e["id"] for e in everything]
