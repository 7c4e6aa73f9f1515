"""The receiver under a real uvicorn server on loopback: deliveries, callbacks and push-based waits."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from manus_openai.webhooks import TaskStoppedEvent, WebhookEvent, WebhookReceiver

from .conftest import Serve
from .support import TASK_ID, URL, Deliver, KeyPair, created_payload, progress_payload, stopped_payload


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5) as client:
        yield client


def test_deliveries_reach_a_sync_callback_once_each(
    serve: Serve, http: httpx.Client, deliver: Deliver, keys: KeyPair
) -> None:
    seen: list[WebhookEvent] = []
    receiver = WebhookReceiver(url=URL, public_key=keys.public_pem, callback=seen.append)
    endpoint = serve(receiver)
    for payload in (created_payload(), progress_payload(), stopped_payload(), stopped_payload()):
        d = deliver(payload, timestamp=None)
        assert http.post(endpoint, content=d.body, headers=d.headers).status_code == 200
    assert http.post(endpoint, content=b"{}").json()["ok"] is True  # activation request
    bad = deliver(stopped_payload(), timestamp=None)
    assert http.post(endpoint, content=bad.body + b"\n", headers=bad.headers).status_code == 401
    assert http.get(endpoint).status_code == 405
    receiver.close()
    assert [e.event_type for e in seen] == ["task_created", "task_progress", "task_stopped"]


async def test_deliveries_reach_an_async_callback_on_the_server_loop(
    serve: Serve, deliver: Deliver, keys: KeyPair
) -> None:
    seen: list[tuple[str | None, str]] = []
    done = threading.Event()

    async def callback(event: WebhookEvent) -> None:
        await asyncio.sleep(0)
        seen.append((event.event_type, threading.current_thread().name))
        if event.event_type == "task_stopped":
            done.set()

    receiver = WebhookReceiver(url=URL, public_key=keys.public_pem, callback=callback)
    endpoint = serve(receiver)
    async with httpx.AsyncClient(timeout=5) as client:
        for payload in (created_payload(), stopped_payload(), created_payload()):
            d = deliver(payload, timestamp=None)
            assert (await client.post(endpoint, content=d.body, headers=d.headers)).status_code == 200
    assert await asyncio.to_thread(done.wait, 2)
    assert [kind for kind, _ in seen] == ["task_created", "task_stopped"]
    assert all(name != threading.current_thread().name for _, name in seen)


def test_wait_stopped_returns_within_milliseconds_of_a_loopback_delivery(
    serve: Serve, http: httpx.Client, deliver: Deliver, keys: KeyPair
) -> None:
    receiver = WebhookReceiver(url=URL, public_key=keys.public_pem)
    endpoint = serve(receiver)
    result: dict[str, object] = {}

    def wait() -> None:  # woken by the delivery, not the timeout: the bound below is half of it
        result["event"] = receiver.wait_stopped(TASK_ID, timeout=60)
        result["woke_at"] = time.monotonic()

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.05)
    d = deliver(stopped_payload(), timestamp=None)
    sent_at = time.monotonic()
    assert http.post(endpoint, content=d.body, headers=d.headers).status_code == 200
    waiter.join(60)
    assert isinstance(result["event"], TaskStoppedEvent)
    assert isinstance(result["woke_at"], float)
    assert result["woke_at"] - sent_at < 30


async def test_await_stopped_returns_within_milliseconds_of_a_loopback_delivery(
    serve: Serve, deliver: Deliver, keys: KeyPair
) -> None:
    receiver = WebhookReceiver(url=URL, public_key=keys.public_pem)
    endpoint = serve(receiver)  # the server runs its own loop in another thread
    waiting = asyncio.create_task(receiver.await_stopped(TASK_ID, timeout=60))  # bound below: half of it
    await asyncio.sleep(0.02)
    d = deliver(stopped_payload(), timestamp=None)
    async with httpx.AsyncClient(timeout=5) as client:
        sent_at = time.monotonic()
        assert (await client.post(endpoint, content=d.body, headers=d.headers)).status_code == 200
    event = await asyncio.wait_for(waiting, 60)
    assert event is not None
    assert event.stop_reason == "finish"
    assert time.monotonic() - sent_at < 30


async def test_await_stopped_times_out_with_none_under_a_real_server(serve: Serve, keys: KeyPair) -> None:
    receiver = WebhookReceiver(url=URL, public_key=keys.public_pem)
    serve(receiver)
    assert await receiver.await_stopped(TASK_ID, timeout=0.05) is None
    assert receiver.wait_stopped(TASK_ID, timeout=0.05) is None
