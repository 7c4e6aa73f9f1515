"""End to end over loopback: the emulator signs and delivers, the receiver verifies, calls back and wakes waits."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from manus_openai.emulator import Emulator
from manus_openai.webhooks import (
    SignatureScheme,
    TaskCreatedEvent,
    TaskStoppedEvent,
    UnknownWebhookEvent,
    WebhookEvent,
    WebhookReceiver,
)

from .conftest import Serve
from .support import free_socket


@pytest.fixture(params=["single", "double"])
def emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    mode: SignatureScheme = request.param
    with Emulator(task_duration=0.3, progress_events=1, webhook_signature_mode=mode) as emu:
        yield emu


def start_receiver(emu: Emulator, serve: Serve, **kwargs: object) -> WebhookReceiver:
    sock = free_socket()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/manus/webhook?team=42"
    receiver = WebhookReceiver(url=url, public_key=emu.webhook_public_key, **kwargs)  # type: ignore[arg-type]  # test kwargs
    serve(receiver, "/manus/webhook", sock=sock)
    response = httpx.post(
        f"{emu.base_url}/webhooks", json={"webhook": {"url": url}}, headers={"API_KEY": emu.api_key}, timeout=10
    )
    assert response.status_code == 200, response.text
    return receiver


def test_emulator_deliveries_reach_the_callback_and_wake_wait_stopped(emulator: Emulator, serve: Serve) -> None:
    seen: list[WebhookEvent] = []
    lock = threading.Lock()

    def callback(event: WebhookEvent) -> None:
        with lock:
            seen.append(event)

    receiver = start_receiver(emulator, serve, callback=callback)
    client = emulator.client(responses_view="manus")
    created = client.responses.create(input="Summarise Q4")
    stopped = receiver.wait_stopped(created.id, timeout=10)
    assert isinstance(stopped, TaskStoppedEvent)
    assert (stopped.task_id, stopped.stop_reason) == (created.id, "finish")
    assert emulator.wait_for_webhooks(5)
    receiver.close()
    kinds = [type(e) for e in seen]
    assert UnknownWebhookEvent in kinds  # the emulator's signed activation request
    assert kinds.index(TaskCreatedEvent) < kinds.index(TaskStoppedEvent)
    assert {d.status for d in emulator.webhook_deliveries} == {"delivered"}  # every answer was a 2xx


async def test_emulator_ask_then_finish_wakes_await_stopped_twice(emulator: Emulator, serve: Serve) -> None:
    receiver = start_receiver(emulator, serve)
    client = emulator.async_client(responses_view="manus")
    created = await client.responses.create(input="Plan a trip [[manus:ask=Which city?]]")
    ask = await receiver.await_stopped(created.id, timeout=10)
    assert ask is not None
    assert (ask.stop_reason, ask.message) == ("ask", "Which city?")
    await client.responses.create(input="Paris", previous_response_id=created.id)
    finish = await receiver.await_stopped(created.id, timeout=10, after=ask)
    assert finish is not None
    assert finish.stop_reason == "finish"
    await client.close()


def test_responses_wait_with_events_returns_on_the_delivery(emulator: Emulator, serve: Serve) -> None:
    receiver = start_receiver(emulator, serve)
    client = emulator.client(responses_view="manus")
    created = client.responses.create(input="Summarise Q4 [[manus:duration=0.5]]")
    started = time.monotonic()
    done = client.responses.wait(created.id, events=receiver, timeout=20)
    assert done.status == "completed"
    assert time.monotonic() - started < 15  # generous for a loaded machine; the safety-net poll is 60 s


async def test_async_responses_wait_with_events_returns_on_the_delivery(emulator: Emulator, serve: Serve) -> None:
    receiver = start_receiver(emulator, serve)
    client = emulator.async_client(responses_view="manus")
    created = await client.responses.create(input="Summarise Q4 [[manus:duration=0.5]]")
    started = time.monotonic()
    done = await asyncio.wait_for(client.responses.wait(created.id, events=receiver, timeout=20), 20)
    assert done.status == "completed"
    assert time.monotonic() - started < 15
    await client.close()
