"""Per-endpoint rate limits of manus-api.md §6.1.3 on the emulator clock (off by default)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from manus_openai.emulator import Emulator, ManualClock

from .conftest import fails, ok


@pytest.fixture
def limited(clock: ManualClock) -> Iterator[Emulator]:
    with Emulator(clock=clock, rate_limits=True, rate_limit_retry_after=True, webhook_activation="off") as emu:
        yield emu


def test_off_by_default(v2: httpx.Client) -> None:
    for _ in range(15):
        ok(v2.post("/task.create", json={"message": {"content": "x"}}))


def test_task_create_allows_10_per_minute(limited: Emulator, clock: ManualClock) -> None:
    with httpx.Client(base_url=limited.v2_url, headers=limited.v2_headers) as v2:
        for _ in range(10):
            ok(v2.post("/task.create", json={"message": {"content": "x"}}))
        clock.advance(30)
        response = v2.post("/task.create", json={"message": {"content": "x"}})
        message = fails(response, 429, "rate_limited")
        assert "task.create" in message
        assert response.headers["Retry-After"] == "30"
        ok(v2.get("/task.list"))  # each endpoint has its own counter
        clock.advance(30)
        ok(v2.post("/task.create", json={"message": {"content": "x"}}))


def test_read_endpoints_allow_100_and_a_sliding_window(limited: Emulator, clock: ManualClock) -> None:
    with httpx.Client(base_url=limited.v2_url, headers=limited.v2_headers) as v2:
        for i in range(100):
            ok(v2.get("/task.list"))
            if i == 49:
                clock.advance(20)
        fails(v2.get("/task.list"), 429, "rate_limited")
        clock.advance(40)  # the first 50 calls left the window
        for _ in range(50):
            ok(v2.get("/task.list"))
        fails(v2.get("/task.list"), 429, "rate_limited")


def test_retry_after_is_a_setting(clock: ManualClock) -> None:
    send = {"task_id": "nope", "message": {"content": "x"}}
    emu = Emulator(clock=clock, rate_limits=True, webhook_activation="off")
    with emu, httpx.Client(base_url=emu.start().v2_url, headers=emu.v2_headers) as v2:
        for _ in range(10):  # refused calls count too: the limit is on requests
            fails(v2.post("/task.sendMessage", json=send), 404, "not_found")
        response = v2.post("/task.sendMessage", json=send)
        fails(response, 429, "rate_limited")
        assert "Retry-After" not in response.headers
        emu.rate_limiter.enabled = False
        fails(v2.post("/task.sendMessage", json=send), 404, "not_found")


def test_the_documented_table_is_enforced_per_endpoint() -> None:
    from manus_openai.emulator._v2_http import ENDPOINTS

    documented = {
        "task.create": 10, "task.sendMessage": 10, "task.detail": 100, "task.list": 100,
        "task.listMessages": 100, "task.update": 40, "task.stop": 40, "task.delete": 40,
        "task.confirmAction": 40, "project.create": 40, "project.list": 100, "skill.list": 100,
        "agent.list": 100, "agent.detail": 100, "agent.update": 40, "file.upload": 40, "file.detail": 100,
        "file.delete": 40, "webhook.create": 40, "webhook.list": 100, "webhook.delete": 40,
        "usage.list": 600, "usage.teamStatistic": 600, "usage.teamLog": 600, "connector.list": 100,
        "browser.onlineList": 100, "website.status": 100, "website.listCheckpoints": 100,
        "website.publish": 40, "website.update": 40,
    }  # fmt: skip
    assert {name: ENDPOINTS[name].limit for name in documented} == documented
    assert set(ENDPOINTS) - set(documented) == {"webhook.publicKey", "usage.availableCredits"}


def test_usage_list_allows_600(limited: Emulator) -> None:
    with httpx.Client(base_url=limited.v2_url, headers=limited.v2_headers) as v2:
        for _ in range(600):
            assert v2.get("/usage.list").status_code == 200
        fails(v2.get("/usage.list"), 429, "rate_limited")
