"""Follow and wait on a scripted task (fake clock): order, no duplicates or gaps, rests, hints, timeouts."""

from __future__ import annotations

from typing import Any

import pytest
import respx

from manus_openai.types.v2 import AssistantMessageEvent, StatusUpdateEvent
from manus_openai.v2 import V2WaitTimeout, confirmations
from tests.v2.conftest import AnyClient, FakeClock, call, drain, install_clock
from tests.v2.fake_server import FakeTask


def _ids(events: list[Any]) -> list[str]:
    return [e.id for e in events]


async def test_follow_yields_every_event_once_in_order_across_pages(
    client: AnyClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    task = FakeTask(router)
    task.add("user_message", {"content": "hi"})
    task.status_update("running")
    # 120 events arrive between two polls: more than two pages of 50, read back to the last seen one.
    task.before_poll[2] = [{"__kind": "tool_used", "tool": "browser"} for _ in range(120)]
    task.before_poll[3] = [
        {"__kind": "assistant_message", "content": "done"},
        {"__kind": "status_update", "agent_status": "stopped"},
    ]
    events = await drain(client.v2.tasks.follow("t1"))
    assert _ids(events) == [e["id"] for e in task.events]
    assert len(set(_ids(events))) == len(events)
    assert isinstance(events[-1], StatusUpdateEvent)
    assert events[-1].agent_status == "stopped"
    assert isinstance(events[-2], AssistantMessageEvent)
    assert clock.sleeps == [1.0, 4.0]  # the v1 schedule: polls at 0, 1 and 5 s


async def test_stopped_with_background_jobs_is_not_final(
    client: AnyClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    task = FakeTask(router)
    task.status_update("stopped")
    task.background = True
    follower = client.v2.tasks.follow("t1")

    def flip(seconds: float) -> None:
        clock.now += seconds
        clock.sleeps.append(seconds)
        if len(clock.sleeps) == 3:
            task.background = False

    async def aflip(seconds: float) -> None:
        flip(seconds)

    tasks: Any = client.v2.tasks
    tasks._sleep = aflip if hasattr(follower, "__aiter__") else flip
    await drain(follower)
    assert task.details == 4
    assert follower.task is not None
    assert follower.task.has_running_background_jobs is False


async def test_missing_background_field_means_final(client: AnyClient, router: respx.MockRouter) -> None:
    task = FakeTask(router)
    task.status_update("stopped")
    follower = client.v2.tasks.follow("t1")
    assert len(await drain(follower)) == 1
    assert task.polls == 1
    assert task.details == 1


async def test_follow_stops_at_waiting_and_resumes_after_a_confirm(client: AnyClient, router: respx.MockRouter) -> None:
    task = FakeTask(router)
    task.status_update(
        "waiting",
        waiting_for_event_id="evt_1",
        waiting_for_event_type="gmailSendAction",
        confirm_input_schema={
            "type": "object",
            "properties": {"accept": {"type": "boolean"}, "save_draft": {"type": "boolean"}},
        },
    )
    router.post("/v2/task.confirmAction").respond(json={"ok": True, "task_id": "t1", "confirmed": True})
    follower = client.v2.tasks.follow("t1")
    first = await drain(follower)
    assert follower.waiting is not None
    assert follower.waiting.waiting_for_event_type == "gmailSendAction"
    confirmed = await call(follower, "confirm", confirmations.send_mail(save_draft=True))
    assert not confirmed.stays_waiting
    assert follower.waiting is None
    # The server has not appended the new status yet at the next poll: the follower does not stop on the old one.
    task.before_poll[3] = [
        {"__kind": "status_update", "agent_status": "running"},
        {"__kind": "status_update", "agent_status": "stopped"},
    ]
    second = await drain(follower)
    assert _ids(first + second) == [e["id"] for e in task.events]
    assert task.polls == 3


async def test_a_rejection_is_surfaced_and_following_again_does_not_hang(
    client: AnyClient, router: respx.MockRouter
) -> None:
    task = FakeTask(router)
    task.status_update("waiting", waiting_for_event_id="evt_1", waiting_for_event_type="terminalExecute")
    router.post("/v2/task.confirmAction").respond(json={"ok": True, "task_id": "t1", "confirmed": True})
    follower = client.v2.tasks.follow("t1")
    await drain(follower)
    confirmed = await call(follower, "confirm", confirmations.reject())
    assert confirmed.stays_waiting
    assert await drain(follower) == []
    assert task.polls == 2
    assert follower.waiting is not None


async def test_follow_honours_retry_after_and_survives_a_429(
    client: AnyClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    task = FakeTask(router)
    task.status_update("running")
    task.fail_polls = {2}
    task.before_poll[3] = [{"__kind": "status_update", "agent_status": "error"}]
    task.hint = "3"
    once = client.with_options(max_retries=0)  # the SDK's own retries would sleep for real
    install_clock(once, clock)
    await drain(once.v2.tasks.follow("t1"))
    assert clock.sleeps[0] == 3.0  # the 200's Retry-After
    assert 7.0 <= clock.sleeps[1] <= 10.5  # the 429's Retry-After, jittered, never early


async def test_follow_times_out_with_the_last_state(
    client: AnyClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    task = FakeTask(router)
    task.status_update("running")
    with pytest.raises(V2WaitTimeout) as caught:
        await drain(client.v2.tasks.follow("t1", timeout=30))
    assert caught.value.last_event is not None
    assert caught.value.last_event.id == "e1"
    assert clock.now == pytest.approx(30.0)


async def test_follow_after_an_event_id_skips_what_came_before(client: AnyClient, router: respx.MockRouter) -> None:
    task = FakeTask(router)
    task.add("user_message", {"content": "hi"})
    task.status_update("running")
    task.status_update("stopped")
    events = await drain(client.v2.tasks.follow("t1", after="e2"))
    assert _ids(events) == ["e3"]


@pytest.mark.parametrize("final", ["waiting", "error"])
async def test_wait_returns_at_rest(client: AnyClient, router: respx.MockRouter, clock: FakeClock, final: str) -> None:
    task = FakeTask(router)
    task.status = "running"

    def later(seconds: float) -> None:
        clock.now += seconds
        task.status = final

    async def alater(seconds: float) -> None:
        later(seconds)

    tasks: Any = client.v2.tasks
    tasks._sleep = alater if type(client).__name__.startswith("Async") else later
    done = await call(client, "v2.tasks.wait", "t1")
    assert done.status == final
    assert task.details == 2


async def test_wait_times_out_carrying_the_task(client: AnyClient, router: respx.MockRouter, clock: FakeClock) -> None:
    task = FakeTask(router)
    task.status = "stopped"
    task.background = True
    with pytest.raises(V2WaitTimeout) as caught:
        await call(client, "v2.tasks.wait", "t1", timeout=100)
    assert caught.value.task is not None
    assert caught.value.task.background_jobs_running
    assert caught.value.waited == pytest.approx(100.0)


class FakeReceiver:
    """A webhook receiver stand-in: a task_stopped arrives on the first wait."""

    def __init__(self, task: FakeTask) -> None:
        self.task = task
        self.waits: list[float | None] = []

    def wait_stopped(self, task_id: str, timeout: float | None, *, after: str | None = None) -> str | None:
        self.waits.append(timeout)
        self.task.status = "stopped"
        return "task_stopped_t1"

    async def await_stopped(self, task_id: str, timeout: float | None, *, after: str | None = None) -> str | None:
        return self.wait_stopped(task_id, timeout, after=after)


async def test_wait_with_events_waits_for_the_push_instead_of_polling(
    client: AnyClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    task = FakeTask(router)
    receiver = FakeReceiver(task)
    done = await call(client, "v2.tasks.wait", "t1", events=receiver)
    assert done.status == "stopped"
    assert task.details == 2
    assert clock.sleeps == []
    assert receiver.waits == [60.0]


@pytest.mark.parametrize("kwargs", [{"timeout": 0}, {"timeout": float("nan")}, {"poll_interval": -1}])
def test_follow_and_wait_options_are_checked_before_any_request(
    router: respx.MockRouter, kwargs: dict[str, Any]
) -> None:
    from manus_openai import ManusOpenAI
    from tests.conftest import BASE_URL, TEST_KEY

    with ManusOpenAI(api_key=TEST_KEY, base_url=BASE_URL) as client:
        with pytest.raises(ValueError, match=r"timeout|poll_interval"):
            client.v2.tasks.follow("t1", **kwargs)
        with pytest.raises(ValueError, match=r"timeout|poll_interval"):
            client.v2.tasks.wait("t1", **kwargs)
    assert not router.calls


async def test_a_page_that_shifts_while_events_arrive_emits_no_duplicate(
    client: AnyClient, router: respx.MockRouter
) -> None:
    task = FakeTask(router)
    task.status_update("running")
    for _ in range(250):
        task.add("tool_used", {"tool": "browser"})
    original = task._messages
    shifted = {"done": False}

    def shifting(request: Any) -> Any:
        if request.url.params.get("cursor") and not shifted["done"]:
            shifted["done"] = True  # three events land between page 1 and page 2 (offset cursors shift)
            task.add("tool_used", {"tool": "browser"})
            task.add("tool_used", {"tool": "browser"})
            task.status_update("stopped")
        return original(request)

    router.get("/v2/task.listMessages").mock(side_effect=shifting)
    events = await drain(client.v2.tasks.follow("t1"))
    ids = _ids(events)
    assert len(ids) == len(set(ids))
    assert set(ids) == {e["id"] for e in task.events}
