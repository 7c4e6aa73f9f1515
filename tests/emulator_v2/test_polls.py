"""``polls=N`` counts reads of a task on both surfaces (a client driving only v2 sees it finish)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from manus_openai.emulator import Emulator, ManualClock

from .conftest import create, ok


@pytest.fixture
def polled(clock: ManualClock) -> Iterator[Emulator]:
    with Emulator(clock=clock, polls=3, seed=7, webhook_activation="off") as emulator:
        yield emulator


def _client(emu: Emulator) -> httpx.Client:
    return httpx.Client(base_url=emu.v2_url, headers=emu.v2_headers, timeout=10)


def _newest_status(v2: httpx.Client, task_id: str) -> str:
    body = ok(v2.get("/task.listMessages", params={"task_id": task_id, "order": "desc", "limit": 10}))
    return str(next(e["status_update"]["agent_status"] for e in body["messages"] if e["type"] == "status_update"))


def test_list_messages_reads_are_polls(polled: Emulator) -> None:
    with _client(polled) as v2:
        task_id = create(v2)
        assert [_newest_status(v2, task_id) for _ in range(3)] == ["running", "running", "stopped"]


def test_detail_reads_are_polls(polled: Emulator) -> None:
    with _client(polled) as v2:
        task_id = create(v2)
        seen = [ok(v2.get("/task.detail", params={"task_id": task_id}))["task"]["status"] for _ in range(3)]
        assert seen == ["running", "running", "stopped"]


def test_the_directive_counts_v2_reads_too(clock: ManualClock) -> None:
    with Emulator(clock=clock, seed=7, webhook_activation="off") as emu, _client(emu) as v2:
        task_id = create(v2, "Count me [[manus:polls=2]] [[manus:progress=1]]")
        assert _newest_status(v2, task_id) == "running"
        assert _newest_status(v2, task_id) == "stopped"


def test_both_surfaces_share_one_count(polled: Emulator) -> None:
    with _client(polled) as v2, polled.client(responses_view="manus") as v1:
        task_id = create(v2)
        assert v1.responses.retrieve(task_id).status == "running"
        assert ok(v2.get("/task.detail", params={"task_id": task_id}))["task"]["status"] == "running"
        assert _newest_status(v2, task_id) == "stopped"


def test_cursor_pages_continue_a_read_without_counting(polled: Emulator) -> None:
    with _client(polled) as v2:
        task_id = create(v2, "Page me [[manus:progress=3]]")
        first = ok(v2.get("/task.listMessages", params={"task_id": task_id, "order": "desc", "limit": 1}))
        cursor = first["next_cursor"]
        for _ in range(3):
            page = ok(
                v2.get("/task.listMessages", params={"task_id": task_id, "order": "desc", "limit": 1, "cursor": cursor})
            )
            assert page["messages"]
        assert polled.task(task_id).status == "running"  # three cursor pages, one poll so far


def test_lists_do_not_count(polled: Emulator) -> None:
    with _client(polled) as v2:
        task_id = create(v2)
        for _ in range(5):
            ok(v2.get("/task.list"))
        assert polled.task(task_id).status == "running"


async def test_async_v2_reads_are_polls(polled: Emulator) -> None:
    async with httpx.AsyncClient(base_url=polled.v2_url, headers=polled.v2_headers, timeout=10) as v2:
        created = await v2.post("/task.create", json={"message": {"content": "Hello"}})
        task_id = ok(created)["task_id"]
        seen = []
        for _ in range(3):
            seen.append(ok(await v2.get("/task.detail", params={"task_id": task_id}))["task"]["status"])
        assert seen == ["running", "running", "stopped"]
