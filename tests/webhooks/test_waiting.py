"""Push-based waiting: wait_stopped / await_stopped, in-process and across threads and loops."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from manus_openai.webhooks import TaskStoppedEvent, WebhookReceiver

from .support import TASK_ID, URL, Deliver, KeyPair, created_payload, stopped_payload


@pytest.fixture
def receiver(keys: KeyPair) -> Iterator[WebhookReceiver]:
    with WebhookReceiver(url=URL, public_key=keys.public) as receiver:
        yield receiver


def push(receiver: WebhookReceiver, deliver: Deliver, payload: dict[str, Any]) -> None:
    d = deliver(payload, timestamp=None)
    assert receiver.handle(d.body, d.headers).status_code == 200


class Waiter(threading.Thread):
    """Runs ``wait_stopped`` in a thread and records when it returned."""

    def __init__(self, receiver: WebhookReceiver, task_id: str = TASK_ID, **kwargs: Any) -> None:
        super().__init__(daemon=True)
        self.receiver, self.task_id, self.kwargs = receiver, task_id, kwargs
        self.result: TaskStoppedEvent | None = None
        self.woke_at: float | None = None

    def run(self) -> None:
        self.result = self.receiver.wait_stopped(self.task_id, **self.kwargs)
        self.woke_at = time.monotonic()


def start_waiter(receiver: WebhookReceiver, **kwargs: Any) -> Waiter:
    waiter = Waiter(receiver, **kwargs)
    waiter.start()
    time.sleep(0.05)
    assert waiter.is_alive(), "the waiter should be blocked until a delivery"
    return waiter


def test_receiver_is_what_responses_wait_events_expects(receiver: WebhookReceiver, deliver: Deliver) -> None:
    from manus_openai._waiting import StopEventSource  # the client's side of the contract (type-checked here)

    source: StopEventSource = receiver
    push(receiver, deliver, stopped_payload(stop_reason="ask", stamp=1))
    ask = source.wait_stopped(TASK_ID, 1)
    assert ask is not None
    assert source.wait_stopped(TASK_ID, 0.01, after=ask.event_id) is None
    push(receiver, deliver, stopped_payload(stop_reason="finish", stamp=2))
    assert source.wait_stopped(TASK_ID, 1, after=ask.event_id).stop_reason == "finish"


def test_after_an_event_id_string_skips_that_stop(receiver: WebhookReceiver, deliver: Deliver) -> None:
    push(receiver, deliver, stopped_payload(stop_reason="ask", stamp=1))
    assert receiver.wait_stopped(TASK_ID, 0.01, after=f"task_stopped_{TASK_ID}_1") is None
    assert receiver.wait_stopped(TASK_ID, 0.01, after="some_other_event") is not None


async def test_await_stopped_after_an_event_id_string(receiver: WebhookReceiver, deliver: Deliver) -> None:
    push(receiver, deliver, stopped_payload(stop_reason="ask", stamp=1))
    waiting = asyncio.create_task(receiver.await_stopped(TASK_ID, 5, after=f"task_stopped_{TASK_ID}_1"))
    await asyncio.sleep(0.01)
    assert not waiting.done()
    push(receiver, deliver, stopped_payload(stop_reason="finish", stamp=2))
    event = await asyncio.wait_for(waiting, 1)
    assert event is not None
    assert event.stop_reason == "finish"


def test_wait_stopped_returns_at_once_when_the_stop_already_arrived(
    receiver: WebhookReceiver, deliver: Deliver
) -> None:
    push(receiver, deliver, stopped_payload())
    event = receiver.wait_stopped(TASK_ID, timeout=0)  # "at once": found without any waiting at all
    assert event is not None
    assert event.stop_reason == "finish"


def test_wait_stopped_times_out_with_none(receiver: WebhookReceiver) -> None:
    started = time.monotonic()
    assert receiver.wait_stopped(TASK_ID, timeout=0.05) is None
    assert 0.04 <= time.monotonic() - started < 1


@pytest.mark.parametrize("timeout", [0, -1])
def test_wait_stopped_with_a_non_positive_timeout_only_checks(receiver: WebhookReceiver, timeout: float) -> None:
    assert receiver.wait_stopped(TASK_ID, timeout=timeout) is None


def test_wait_stopped_wakes_within_milliseconds_of_the_delivery(receiver: WebhookReceiver, deliver: Deliver) -> None:
    # Woken by the delivery, not by its timeout: the bound is half the timeout (the milliseconds are
    # benchmark 3's figure), so a loaded machine cannot make it fail, a waiter that only wakes late can.
    waiter = start_waiter(receiver, timeout=60)
    push(receiver, deliver, created_payload())
    time.sleep(0.02)
    assert waiter.is_alive(), "task_created must not wake a stop waiter"
    delivered_at = time.monotonic()
    push(receiver, deliver, stopped_payload())
    waiter.join(60)
    assert waiter.result is not None
    assert waiter.result.task_id == TASK_ID
    assert waiter.woke_at is not None
    assert waiter.woke_at - delivered_at < 30


def test_a_stop_of_another_task_does_not_wake_the_waiter(receiver: WebhookReceiver, deliver: Deliver) -> None:
    waiter = start_waiter(receiver, timeout=0.3)
    push(receiver, deliver, stopped_payload("another-task"))
    waiter.join(5)
    assert waiter.result is None


def test_many_waiters_each_get_their_own_task(receiver: WebhookReceiver, deliver: Deliver) -> None:
    waiters = [Waiter(receiver, f"task{i}", timeout=5) for i in range(8)]
    for waiter in waiters:
        waiter.start()
    for i in reversed(range(8)):
        push(receiver, deliver, stopped_payload(f"task{i}"))
    for waiter in waiters:
        waiter.join(5)
    assert [w.result.task_id if w.result else None for w in waiters] == [f"task{i}" for i in range(8)]


def test_after_an_event_waits_for_the_next_stop(receiver: WebhookReceiver, deliver: Deliver) -> None:
    push(receiver, deliver, stopped_payload(stop_reason="ask", message="Which quarter?", stamp=1))
    ask = receiver.wait_stopped(TASK_ID, timeout=1)
    assert ask is not None
    assert ask.stop_reason == "ask"
    assert receiver.wait_stopped(TASK_ID, timeout=0.05, after=ask) is None
    waiter = start_waiter(receiver, timeout=5, after=ask)
    push(receiver, deliver, stopped_payload(stop_reason="finish", stamp=2))
    waiter.join(5)
    assert waiter.result is not None
    assert waiter.result.stop_reason == "finish"


def test_after_an_equal_copy_of_the_event_also_skips_it(receiver: WebhookReceiver, deliver: Deliver) -> None:
    push(receiver, deliver, stopped_payload(stop_reason="ask"))
    copy = TaskStoppedEvent.model_validate(stopped_payload(stop_reason="ask"))
    assert receiver.wait_stopped(TASK_ID, timeout=0.01, after=copy) is None


def test_after_a_cursor_waits_for_stops_received_later(receiver: WebhookReceiver, deliver: Deliver) -> None:
    push(receiver, deliver, stopped_payload(stop_reason="ask", stamp=1))
    cursor = receiver.cursor()  # taken before sending the reply
    assert receiver.wait_stopped(TASK_ID, timeout=0.01, after=cursor) is None
    push(receiver, deliver, stopped_payload(stop_reason="finish", stamp=2))
    event = receiver.wait_stopped(TASK_ID, timeout=1, after=cursor)
    assert event is not None
    assert event.stop_reason == "finish"
    assert receiver.cursor() == cursor + 1


def test_newest_stop_wins_without_after(receiver: WebhookReceiver, deliver: Deliver) -> None:
    push(receiver, deliver, stopped_payload(stop_reason="ask", stamp=1))
    push(receiver, deliver, stopped_payload(stop_reason="finish", stamp=2))
    event = receiver.wait_stopped(TASK_ID, timeout=1)
    assert event is not None
    assert event.stop_reason == "finish"


def test_clear_forgets_stops_but_keeps_cursors_valid(receiver: WebhookReceiver, deliver: Deliver) -> None:
    push(receiver, deliver, stopped_payload())
    cursor = receiver.cursor()
    receiver.clear()
    assert receiver.wait_stopped(TASK_ID, timeout=0.01) is None
    assert receiver.cursor() == cursor


# -- async ------------------------------------------------------------------------------------


async def test_await_stopped_returns_at_once_when_the_stop_already_arrived(
    receiver: WebhookReceiver, deliver: Deliver
) -> None:
    push(receiver, deliver, stopped_payload())
    event = await receiver.await_stopped(TASK_ID, timeout=0)  # found without any waiting at all
    assert event is not None
    assert event.task_id == TASK_ID


async def test_await_stopped_times_out_with_none_and_forgets_the_waiter(receiver: WebhookReceiver) -> None:
    started = time.monotonic()
    assert await receiver.await_stopped(TASK_ID, timeout=0.05) is None
    assert 0.04 <= time.monotonic() - started < 1
    assert receiver._async_waiters == []


async def test_cancelled_await_stopped_forgets_the_waiter(receiver: WebhookReceiver) -> None:
    task = asyncio.create_task(receiver.await_stopped(TASK_ID))
    await asyncio.sleep(0.01)
    assert len(receiver._async_waiters) == 1
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert receiver._async_waiters == []


async def test_await_stopped_wakes_on_a_delivery_in_the_same_loop(receiver: WebhookReceiver, deliver: Deliver) -> None:
    waiting = asyncio.create_task(receiver.await_stopped(TASK_ID, timeout=5))
    await asyncio.sleep(0.01)
    d = deliver(stopped_payload(), timestamp=None)
    transport = httpx.ASGITransport(app=receiver)
    async with httpx.AsyncClient(transport=transport, base_url="https://api.yourapp.com") as client:
        delivered_at = time.monotonic()
        assert (await client.post("/", content=d.body, headers=d.headers)).status_code == 200
    event = await asyncio.wait_for(waiting, 1)
    assert event is not None
    assert event.stop_reason == "finish"
    assert time.monotonic() - delivered_at < 1.0


async def test_await_stopped_wakes_on_a_delivery_from_another_thread(
    receiver: WebhookReceiver, deliver: Deliver
) -> None:
    waiting = asyncio.create_task(receiver.await_stopped(TASK_ID, timeout=5))
    await asyncio.sleep(0.01)
    delivered_at = time.monotonic()
    thread = threading.Thread(target=push, args=(receiver, deliver, stopped_payload()))
    thread.start()
    event = await asyncio.wait_for(waiting, 2)
    thread.join()
    assert event is not None
    assert time.monotonic() - delivered_at < 1.0


async def test_await_stopped_after_an_event_waits_for_the_next_stop(
    receiver: WebhookReceiver, deliver: Deliver
) -> None:
    push(receiver, deliver, stopped_payload(stop_reason="ask", stamp=1))
    ask = await receiver.await_stopped(TASK_ID, timeout=1)
    assert ask is not None
    assert await receiver.await_stopped(TASK_ID, timeout=0.05, after=ask) is None
    waiting = asyncio.create_task(receiver.await_stopped(TASK_ID, timeout=5, after=ask))
    await asyncio.sleep(0.01)
    await asyncio.to_thread(push, receiver, deliver, stopped_payload(stop_reason="finish", stamp=2))
    event = await asyncio.wait_for(waiting, 1)
    assert event is not None
    assert event.stop_reason == "finish"


async def test_await_stopped_after_a_cursor(receiver: WebhookReceiver, deliver: Deliver) -> None:
    push(receiver, deliver, stopped_payload(stop_reason="ask", stamp=1))
    cursor = receiver.cursor()
    waiting = asyncio.create_task(receiver.await_stopped(TASK_ID, timeout=5, after=cursor))
    await asyncio.sleep(0.01)
    assert not waiting.done()
    push(receiver, deliver, stopped_payload(stop_reason="finish", stamp=2))
    event = await asyncio.wait_for(waiting, 1)
    assert event is not None
    assert event.stop_reason == "finish"


async def test_many_async_waiters_are_all_woken(receiver: WebhookReceiver, deliver: Deliver) -> None:
    waiting = [asyncio.create_task(receiver.await_stopped(TASK_ID, timeout=5)) for _ in range(5)]
    other = asyncio.create_task(receiver.await_stopped("other", timeout=0.2))
    await asyncio.sleep(0.01)
    push(receiver, deliver, stopped_payload())
    results = await asyncio.wait_for(asyncio.gather(*waiting), 1)
    assert {r.task_id for r in results if r} == {TASK_ID}
    assert len(results) == 5
    assert await other is None


async def test_wait_stopped_refuses_to_block_the_serving_loop(receiver: WebhookReceiver) -> None:
    transport = httpx.ASGITransport(app=receiver)
    async with httpx.AsyncClient(transport=transport, base_url="https://api.yourapp.com") as client:
        await client.post("/", content=b"{}")
    with pytest.raises(RuntimeError, match="await_stopped"):
        receiver.wait_stopped(TASK_ID, timeout=0)


async def test_wait_stopped_in_a_worker_thread_of_the_serving_loop_is_fine(
    receiver: WebhookReceiver, deliver: Deliver
) -> None:
    transport = httpx.ASGITransport(app=receiver)
    async with httpx.AsyncClient(transport=transport, base_url="https://api.yourapp.com") as client:
        waiting = asyncio.create_task(asyncio.to_thread(receiver.wait_stopped, TASK_ID, 5))
        await asyncio.sleep(0.02)
        d = deliver(stopped_payload(), timestamp=None)
        await client.post("/", content=d.body, headers=d.headers)
        event = await asyncio.wait_for(waiting, 2)
    assert event is not None
