"""client.v2: webhooks registered through v2, deliveries verified with the cached v2 key, waits woken by push."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from manus_openai.emulator import Emulator
from manus_openai.webhooks import WebhookReceiver

from .conftest import Serve
from .support import free_socket


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(task_duration=0.3, progress_events=1) as emu:
        yield emu


def _receiver(emu: Emulator, serve: Serve) -> WebhookReceiver:
    sock = free_socket()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/manus/webhook"
    client = emu.client()
    key = client.v2.webhooks.public_key().public_key  # webhook.publicKey, cached
    receiver = WebhookReceiver(url=url, public_key=key)
    serve(receiver, "/manus/webhook", sock=sock)
    hook = client.v2.webhooks.create(url)
    assert hook.url == url
    assert hook.id in [h.id for h in client.v2.webhooks.list()]
    client.close()
    return receiver


def test_v2_wait_wakes_on_the_task_stopped_delivery(emulator: Emulator, serve: Serve) -> None:
    receiver = _receiver(emulator, serve)
    with emulator.client() as client:
        created = client.v2.tasks.create("Summarise Q4")
        emulator.clear_requests()
        done = client.v2.tasks.wait(created.task_id, timeout=30, events=receiver)
    assert done.status == "stopped"
    reads = [r for r in emulator.requests if r.path.endswith("task.detail")]
    assert len(reads) <= 3  # the first read, then the one after the delivery (no 5-second polling)


async def test_async_v2_follow_wakes_on_the_delivery(emulator: Emulator, serve: Serve) -> None:
    receiver = _receiver(emulator, serve)
    async with emulator.async_client() as client:
        created = await client.v2.tasks.create("Summarise Q4")
        events = [e async for e in client.v2.tasks.follow(created.task_id, timeout=30, events=receiver)]
    assert events[-1].agent_status == "stopped"
