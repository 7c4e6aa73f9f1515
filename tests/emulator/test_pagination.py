"""GET /v1/tasks: cursors without dupes or gaps, filters, both spellings, has_more, empty pages."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from manus_openai.emulator import Emulator, ManualClock

from . import shapes


def walk(http: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    after = None
    while True:
        query = dict(params, **({"after": after} if after else {}))
        body = http.get("/tasks", params=query).json()
        shapes.task_list(body)
        seen.extend(body["data"])
        if not body["has_more"]:
            assert len(body["data"]) <= int(params.get("limit", 100))
            return seen
        assert len(body["data"]) == int(params.get("limit", 100))
        after = body["last_id"]


@pytest.fixture
def seeded(emu: Emulator, clock: ManualClock) -> list[str]:
    return emu.seed_tasks(
        250, statuses=["completed", "running", "failed", "pending", "completed"], start=clock.now() - 1000, spacing=2
    )


@pytest.mark.parametrize("limit", [1, 7, 50, 250, 1000])
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_walk_has_no_dupes_or_gaps(http: httpx.Client, seeded: list[str], limit: int, order: str) -> None:
    ids = [t["id"] for t in walk(http, limit=limit, order=order)]
    assert ids == (seeded if order == "asc" else seeded[::-1])


def test_default_is_newest_first_100(http: httpx.Client, seeded: list[str]) -> None:
    body = http.get("/tasks").json()
    assert [t["id"] for t in body["data"]] == seeded[::-1][:100]
    assert body["has_more"] is True


def test_exact_multiple_ends_with_has_more_false(http: httpx.Client, emu: Emulator) -> None:
    ids = emu.seed_tasks(10)
    first = http.get("/tasks", params={"limit": 5}).json()
    second = http.get("/tasks", params={"limit": 5, "after": first["last_id"]}).json()
    assert first["has_more"] is True
    assert second["has_more"] is False
    assert [t["id"] for t in first["data"] + second["data"]] == ids[::-1]


def test_empty_results(http: httpx.Client, emu: Emulator) -> None:
    empty = http.get("/tasks").json()
    shapes.task_list(empty)
    assert empty == {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False}
    [only] = emu.seed_tasks(1)
    past_end = http.get("/tasks", params={"after": only}).json()
    assert past_end["data"] == []
    assert past_end["has_more"] is False


@pytest.mark.parametrize("key", ["status", "status[]"])
def test_status_filter_uses_task_vocabulary(http: httpx.Client, seeded: list[str], key: str) -> None:
    tasks = walk(http, limit=40, **{key: ["running", "pending"]})
    assert {t["status"] for t in tasks} == {"running", "pending"}
    assert len(tasks) == 100


def test_status_filter_sees_live_transitions(http: httpx.Client, clock: ManualClock) -> None:
    task_id = http.post("/responses", json={"input": "go"}).json()["id"]
    assert [t["id"] for t in walk(http, status="running")] == [task_id]
    clock.advance(5)
    assert walk(http, status="running") == []
    assert [t["id"] for t in walk(http, status="completed")] == [task_id]


@pytest.mark.parametrize(
    ("after_key", "before_key"), [("createdAfter", "createdBefore"), ("created_after", "created_before")]
)
def test_created_range_both_spellings(
    http: httpx.Client, seeded: list[str], emu: Emulator, after_key: str, before_key: str
) -> None:
    created = {t["id"]: t["created_at"] for t in walk(http, limit=1000)}
    lo, hi = created[seeded[10]], created[seeded[20]]
    tasks = walk(http, limit=3, order="asc", **{after_key: lo, before_key: hi})
    assert [t["id"] for t in tasks] == seeded[11:20]  # both bounds are strict


@pytest.mark.parametrize("key", ["orderBy", "order_by"])
def test_order_by_updated_at(http: httpx.Client, emu: Emulator, clock: ManualClock, key: str) -> None:
    ids = emu.seed_tasks(5, start=clock.now() - 100)
    clock.advance(1)
    http.put(f"/tasks/{ids[1]}", json={"title": "touched"})
    by_updated = [t["id"] for t in walk(http, limit=2, **{key: "updated_at"})]
    assert by_updated == [ids[1], ids[4], ids[3], ids[2], ids[0]]
    assert [t["id"] for t in walk(http, limit=2, order="asc", **{key: "updated_at"})] == by_updated[::-1]


def test_query_matches_title_and_body(http: httpx.Client, clock: ManualClock) -> None:
    a = http.post("/tasks", json={"prompt": "Analyze Bitcoin price"}).json()["task_id"]
    b = http.post("/tasks", json={"prompt": "Plan a trip"}).json()["task_id"]
    http.put(f"/tasks/{b}", json={"title": "Holiday"})
    assert [t["id"] for t in walk(http, query="bitcoin")] == [a]
    assert [t["id"] for t in walk(http, query="holiday")] == [b]
    assert [t["id"] for t in walk(http, query="trip")] == [b]  # body content, not only the title
    clock.advance(5)
    assert [t["id"] for t in walk(http, query="emulated answer")] == [b, a]


def test_deleted_cursor_keeps_working(http: httpx.Client, emu: Emulator) -> None:
    ids = emu.seed_tasks(6)
    first = http.get("/tasks", params={"limit": 3}).json()
    http.delete(f"/tasks/{first['last_id']}")
    rest = http.get("/tasks", params={"limit": 3, "after": first["last_id"]}).json()
    assert [t["id"] for t in rest["data"]] == ids[::-1][3:]


def test_hidden_tasks_are_listed(http: httpx.Client) -> None:
    task_id = http.post("/tasks", json={"prompt": "quiet", "hideInTaskList": True}).json()["task_id"]
    assert [t["id"] for t in walk(http)] == [task_id]


class CountingTasks(dict):  # type: ignore[type-arg]  # the engine's task table, counting lookups
    def __init__(self, tasks: dict[str, Any]) -> None:
        super().__init__(tasks)
        self.lookups = 0

    def get(self, key: Any, default: Any = None) -> Any:
        self.lookups += 1
        return super().get(key, default)


def test_a_deep_cursor_among_100_000_tasks_is_bisected_not_scanned(emu: Emulator, http: httpx.Client) -> None:
    # Counted, not timed (the seconds are benchmarks/emulator.py's "seed / deep page" row): a scan
    # would look up ~50,000 tasks to reach the cursor; bisection looks up the cursor and one page.
    ids = emu.seed_tasks(100_000)
    assert len(set(ids)) == 100_000
    counting = CountingTasks(emu.engine.tasks)
    emu.engine.tasks = counting
    deep = http.get("/tasks", params={"limit": 10, "after": ids[50_000]}).json()
    assert [t["id"] for t in deep["data"]] == ids[49_990:50_000][::-1]
    assert deep["has_more"] is True
    assert counting.lookups <= 1 + 11  # the cursor, the page and the one that says has_more
