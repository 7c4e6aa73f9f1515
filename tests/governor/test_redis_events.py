"""Webhook events through a real redis-server: dedupe across replicas, cross-process push waits, faults."""

from __future__ import annotations

import json
import logging
import multiprocessing
import time

import pytest
import redis

from manus_openai.webhooks import RedisEvents, TaskStoppedEvent, WebhookEvent, WebhookReceiver
from tests.governor import workers
from tests.governor.conftest import ManualClock
from tests.governor.redis_server import RedisServer
from tests.governor.support import Wire, fresh_account, ok, sync_client

URL = "https://app.example/manus/webhook"


def stopped(task_id: str = "abc", event_id: str = "e1") -> bytes:
    return json.dumps(
        {"event_id": event_id, "event_type": "task_stopped",
         "task_detail": {"task_id": task_id, "stop_reason": "finish", "message": "done"}}
    ).encode()  # fmt: skip


def replicas(url: str, account: str, seen: list[WebhookEvent]) -> tuple[WebhookReceiver, WebhookReceiver]:
    return (
        WebhookReceiver(url=URL, public_key=None, callback=seen.append, shared=RedisEvents(url, account=account)),
        WebhookReceiver(url=URL, public_key=None, callback=seen.append, shared=RedisEvents(url, account=account)),
    )


def close(*receivers: WebhookReceiver) -> None:
    for receiver in receivers:
        receiver.close()
        if receiver._shared is not None:
            receiver._shared.close()


def test_a_redelivery_to_another_replica_reaches_one_callback(redis_server: RedisServer) -> None:
    seen: list[WebhookEvent] = []
    a, b = replicas(redis_server.url, fresh_account(), seen)
    first, again = a.handle(stopped(), {}), b.handle(stopped(), {})
    close(a, b)  # waits for the callbacks
    assert (first.status_code, again.status_code) == (200, 200)
    assert again.body == {"ok": True, "duplicate": True}
    assert len(seen) == 1
    assert b.latest_stopped("abc") is not None  # the duplicate still wakes waiters on that replica


async def test_async_a_redelivery_to_another_replica_reaches_one_callback(redis_server: RedisServer) -> None:
    seen: list[WebhookEvent] = []
    a, b = replicas(redis_server.url, fresh_account(), seen)
    first = await a.handle_async(stopped(), {})
    again = await b.handle_async(stopped(), {})
    close(a, b)
    assert first.event is not None
    assert again.body == {"ok": True, "duplicate": True}
    assert len(seen) == 1


def test_a_waiter_in_another_process_returns_on_the_published_stop(redis_server: RedisServer) -> None:
    account = fresh_account()
    ctx = multiprocessing.get_context("spawn")
    polled, out = ctx.Queue(), ctx.Queue()
    child = ctx.Process(target=workers.wait_in_another_process, args=(redis_server.url, account, "abc", polled, out))
    child.start()
    assert polled.get(timeout=120) == "running"  # the child polled once and now waits on the stream
    flags = redis.Redis.from_url(redis_server.url)
    flags.set("done:abc", b"1")
    flags.close()
    receiver = WebhookReceiver(url=URL, public_key=None, shared=RedisEvents(redis_server.url, account=account))
    assert receiver.handle(stopped(), {}).status_code == 200
    result = json.loads(out.get(timeout=120))
    child.join(timeout=60)
    close(receiver)
    # Only the event could end the wait this soon: the safety-net poll comes after 60 s, the child's
    # timeout is 50 s. Requests: the first poll and the one after the event.
    assert result == {"status": "completed", "gets": 2}


def test_a_waiter_that_starts_after_the_stop_still_sees_it(redis_server: RedisServer) -> None:
    account = fresh_account()
    receiver = WebhookReceiver(url=URL, public_key=None, shared=RedisEvents(redis_server.url, account=account))
    receiver.handle(stopped(event_id="early"), {})
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    child = ctx.Process(target=workers.replay, args=(redis_server.url, account, "abc", out))
    child.start()
    assert out.get(timeout=120) == "early"
    child.join(timeout=60)
    close(receiver)


async def test_async_waiters_receive_stops_from_the_stream(redis_server: RedisServer) -> None:
    account = fresh_account()
    receiver = WebhookReceiver(url=URL, public_key=None, shared=RedisEvents(redis_server.url, account=account))
    await receiver.handle_async(stopped("t9", "e9"), {})
    with RedisEvents(redis_server.url, account=account) as events:
        found = await events.await_stopped("t9", 50)
        assert isinstance(found, TaskStoppedEvent)
        assert found.event_id == "e9"
        assert await events.await_stopped("t9", 0.2, after=found) is None
    close(receiver)


def test_redis_down_receivers_answer_200_with_local_dedupe(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[WebhookEvent] = []
    receiver = WebhookReceiver(
        url=URL, public_key=None, callback=seen.append, shared=RedisEvents(redis_server.url, account=fresh_account())
    )
    redis_server.stop()
    first, again = receiver.handle(stopped(), {}), receiver.handle(stopped(), {})
    other = receiver.handle(stopped("xyz", "e2"), {})
    close(receiver)
    assert [r.status_code for r in (first, again, other)] == [200, 200, 200]
    assert again.body == {"ok": True, "duplicate": True}
    assert len(seen) == 2
    warnings = [r for r in caplog.records if r.name == "manus_openai.webhooks" and r.levelno == logging.WARNING]
    assert len(warnings) == 1


def test_redis_down_waits_poll_on_the_schedule(redis_server: RedisServer, clock: ManualClock) -> None:
    statuses = iter(["running", "running", "completed"])
    wire = Wire(lambda request: ok("abc", next(statuses)))
    client = sync_client(wire, None)
    client.responses._sleep = clock.sleep  # type: ignore[method-assign]  # the manual clock paces the polls
    client.responses._monotonic = clock.now
    redis_server.stop()
    with RedisEvents(redis_server.url, account=fresh_account()) as events:
        _until_down(events)
        done = client.responses.wait("abc", timeout=600, events=events)
    assert done.status == "completed"
    assert clock.sleeps == [1.0, 4.0]  # the default schedule, not the 60-s safety net
    client.close()


def test_waiters_return_to_push_when_redis_is_back(redis_server: RedisServer) -> None:
    account = fresh_account()
    with RedisEvents(redis_server.url, account=account) as events:
        redis_server.stop()
        _until_down(events)
        redis_server.start()
        with RedisEvents(redis_server.url, account=account) as publisher:
            publisher.share(_event("abc", "after-restart"), ("task_stopped", "after-restart", "x"))
        deadline = time.monotonic() + 60
        while not events.available:  # the listener reconnects within a retry interval or two
            assert time.monotonic() < deadline, "the listener never reconnected"
            time.sleep(0.05)
        found = events.wait_stopped("abc", 50)
        assert found is not None
        assert found.event_id == "after-restart"
        assert events.available


def _until_down(events: RedisEvents) -> None:
    """Start the listener and wait until it has found Redis down (no timing assert: a generous bound)."""
    deadline = time.monotonic() + 60
    while events.available:
        assert time.monotonic() < deadline, "the listener never noticed Redis was down"
        events.wait_stopped("nothing", 0.1)


def _event(task_id: str, event_id: str) -> WebhookEvent:
    from manus_openai.webhooks import parse_event

    return parse_event(stopped(task_id, event_id))
