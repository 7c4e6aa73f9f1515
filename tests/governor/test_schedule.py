"""The governor's schedule on a manual clock: moving windows, 429 blocks, deadlines and FIFO turns."""

from __future__ import annotations

import asyncio
import threading

import pytest

from manus_openai import RateLimits, RateLimitWaitTimeout
from manus_openai._governor import Governor
from manus_openai._governor._governor import _Turns
from manus_openai._governor._schedule import Schedule
from tests.governor.conftest import ManualClock


def governor(clock: ManualClock, **per_minute: int | None) -> Governor:
    names = {name.replace("_", "."): value for name, value in per_minute.items()}
    gov = Governor(RateLimits(per_minute=names), "acct")
    gov._clock, gov._sleep, gov._async_sleep = clock.now, clock.sleep, clock.async_sleep
    return gov


def test_a_full_window_frees_when_its_oldest_request_leaves() -> None:
    schedule = Schedule(RateLimits())
    for second in range(10):
        assert schedule.try_take("task.create", float(second)) == 0.0
    assert schedule.try_take("task.create", 10.0) == 50.0  # the t=0 create leaves the window at t=60
    assert schedule.try_take("task.create", 60.0) == 0.0
    assert schedule.try_take("task.create", 60.5) == 0.5


def test_endpoints_have_their_own_budgets() -> None:
    schedule = Schedule(RateLimits())
    for _ in range(10):
        schedule.try_take("task.create", 0.0)
    assert schedule.delay("task.create", 0.0) == 60.0
    assert schedule.delay("task.detail", 0.0) == 0.0


def test_a_429_blocks_for_its_retry_after_and_never_shortens_a_block() -> None:
    schedule = Schedule(RateLimits())
    assert schedule.refuse("task.detail", 0.0, 7.0) == 7.0
    schedule.refuse("task.detail", 1.0, 2.0)
    assert schedule.delay("task.detail", 1.0) == 6.0
    assert schedule.try_take("task.detail", 7.0) == 0.0


def test_a_429_without_retry_after_blocks_one_slot_interval() -> None:
    schedule = Schedule(RateLimits())
    assert schedule.refuse("task.create", 0.0, None) == 6.0  # 60 s / 10 creates
    assert schedule.delay("task.create", 0.0) == 6.0


def test_an_unlimited_endpoint_never_waits() -> None:
    schedule = Schedule(RateLimits(per_minute={"task.detail": None}))
    for _ in range(1000):
        assert schedule.try_take("task.detail", 0.0) == 0.0


def test_wait_for_paces_25_creates_over_two_minutes(clock: ManualClock) -> None:
    gov = governor(clock)
    start = clock.now()
    sent = []
    for _ in range(25):
        gov.wait_for("task.create", timeout=None)
        sent.append(clock.now() - start)
    assert sent[:10] == [0.0] * 10
    assert sent[10:20] == [60.0] * 10
    assert sent[20:] == [120.0] * 5
    assert max(clock.sleeps) <= 5.0  # long waits are cut into naps (a slot freed elsewhere is seen)


def test_wait_for_raises_before_sending_when_the_deadline_is_too_close(clock: ManualClock) -> None:
    gov = governor(clock, task_create=1)
    gov.wait_for("task.create", timeout=None)
    with pytest.raises(RateLimitWaitTimeout) as raised:
        gov.wait_for("task.create", timeout=30)
    assert raised.value.endpoint == "task.create"
    assert clock.sleeps == []  # it did not sleep towards a deadline it cannot meet
    assert gov._schedule.delay("task.create", clock.now()) == 60.0  # nothing was spent


def test_unknown_endpoints_and_absolute_urls_are_not_paced(clock: ManualClock) -> None:
    gov = governor(clock)
    assert gov.wait_for(None, timeout=None) == 0.0
    assert gov.wait_for("thing.unknown", timeout=None) == 0.0


async def test_async_wait_for_paces_like_the_sync_one(clock: ManualClock) -> None:
    gov = governor(clock, task_create=2)
    start = clock.now()
    sent = []
    for _ in range(5):
        await gov.async_wait_for("task.create", timeout=None)
        sent.append(clock.now() - start)
    assert sent == [0.0, 0.0, 60.0, 60.0, 120.0]


async def test_async_wait_for_raises_before_sending_when_the_deadline_is_too_close(clock: ManualClock) -> None:
    gov = governor(clock, task_create=1)
    await gov.async_wait_for("task.create", timeout=None)
    with pytest.raises(RateLimitWaitTimeout):
        await gov.async_wait_for("task.create", timeout=30)
    assert clock.sleeps == []


async def test_async_waiters_are_served_first_come_first_served(clock: ManualClock) -> None:
    gov = governor(clock, task_create=1)

    async def nap(seconds: float) -> None:
        clock.sleep(seconds)
        await asyncio.sleep(0)  # let every other waiter run: the order must still hold

    gov._async_sleep = nap
    order: list[int] = []

    async def one(i: int) -> None:
        await gov.async_wait_for("task.create", timeout=None)
        order.append(i)

    await asyncio.gather(*(one(i) for i in range(6)))
    assert order == list(range(6))


async def test_an_async_waiter_behind_the_queue_gives_up_at_its_deadline(clock: ManualClock) -> None:
    gov = governor(clock, task_create=1)
    gov.wait_for("task.create", timeout=None)
    release = asyncio.Event()

    async def hold(seconds: float) -> None:
        await release.wait()
        clock.sleep(seconds)

    gov._async_sleep = hold
    head = asyncio.ensure_future(gov.async_wait_for("task.create", timeout=None))
    await asyncio.sleep(0)
    with pytest.raises(RateLimitWaitTimeout):
        await gov.async_wait_for("task.create", timeout=0.01)  # real seconds: it is stuck behind the head
    release.set()
    await head


def test_threads_take_their_turn_in_arrival_order() -> None:
    turns = _Turns()
    order: list[str] = []
    started = threading.Event()

    def waiter(name: str) -> None:
        with turns.held(lambda: None) as mine:
            assert mine
            order.append(name)

    with turns.held(lambda: None) as mine:
        assert mine
        threads = []
        for name in "abcd":
            thread = threading.Thread(target=waiter, args=(name,))
            thread.start()
            threads.append(thread)
            while len(turns._queue) < len(threads) + 1:  # wait until this thread queued (no timing)
                started.wait(0.001)
    for thread in threads:
        thread.join()
    assert order == list("abcd")


def test_a_thread_behind_the_queue_gives_up_at_its_deadline() -> None:
    turns = _Turns()
    with turns.held(lambda: None):
        with turns.held(lambda: 0.0) as mine:
            assert not mine
        assert len(turns._queue) == 1  # it left the queue
