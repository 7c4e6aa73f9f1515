"""Webhook management and signed deliveries (manus-api.md §4.9, §5)."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from manus_openai.emulator import Emulator, ManualClock

from . import shapes


class Receiver:
    """A real HTTP receiver on loopback; answers the next status in ``plan`` (then 200)."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.plan: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                status = receiver.plan.pop(0) if receiver.plan else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook?source=manus"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def events(self) -> list[dict[str, Any]]:
        return [json.loads(body) for _, body in self.received]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


def wait_for(predicate: Any, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def verify(public_pem: str, headers: dict[str, str], body: bytes, url: str, mode: str) -> None:
    key = serialization.load_pem_public_key(public_pem.encode())
    assert isinstance(key, rsa.RSAPublicKey)
    signed = f"{headers['x-webhook-timestamp']}.{url}.{hashlib.sha256(body).hexdigest()}".encode()
    message = signed if mode == "single" else hashlib.sha256(signed).digest()
    key.verify(base64.b64decode(headers["x-webhook-signature"]), message, padding.PKCS1v15(), hashes.SHA256())


def test_management_endpoints(http: httpx.Client, receiver: Receiver) -> None:
    wrapped = http.post("/webhooks", json={"webhook": {"url": receiver.url}})
    shapes.webhook_created(wrapped.json())
    flat = http.post("/webhooks", json={"url": receiver.url})
    shapes.webhook_created(flat.json())
    deleted = http.delete(f"/webhooks/{wrapped.json()['webhook_id']}")
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert http.delete(f"/webhooks/{wrapped.json()['webhook_id']}").status_code == 404
    key = http.get("/webhook/public_key").json()
    shapes.public_key(key)
    assert http.get("/webhook/public_key").json() == key  # one key per emulator


@pytest.mark.parametrize("mode", ["single", "double"])
def test_signed_lifecycle_deliveries(receiver: Receiver, mode: str) -> None:
    clock = ManualClock()
    emulator = Emulator(clock=clock, task_duration=3, webhook_signature_mode=mode)  # type: ignore[arg-type]  # a runtime value / deliberately invalid argument
    with emulator as emu, httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}) as http:
        http.post("/webhooks", json={"webhook": {"url": receiver.url}})
        wait_for(lambda: len(receiver.received) == 1)  # the activation test request
        assert receiver.events()[0]["event_type"] == "webhook_test"
        task_id = http.post("/responses", json={"input": "Report [[manus:files=1]]"}).json()["id"]
        emu.advance(3)  # nobody polls: the engine ticks and emits
        wait_for(lambda: len(receiver.received) == 5)
        public = http.get("/webhook/public_key").json()["public_key"]
        origin = emu.origin
    events = receiver.events()[1:]
    assert [e["event_type"] for e in events] == ["task_created", "task_progress", "task_progress", "task_stopped"]
    created, progress, _, stopped = events
    assert created == {
        "event_id": f"task_created_{task_id}",
        "event_type": "task_created",
        "task_detail": {"task_id": task_id, "task_title": "Report", "task_url": f"https://manus.im/app/{task_id}"},
    }
    assert progress["progress_detail"]["progress_type"] == "plan_update"
    assert progress["event_id"].startswith(f"task_progress_{task_id}_")
    detail = stopped["task_detail"]
    assert detail["stop_reason"] == "finish"
    assert detail["message"].startswith("Emulated answer")
    [attachment] = detail["attachments"]
    assert attachment["file_name"] == "result-1.md"
    assert attachment["size_bytes"] > 0
    assert attachment["url"].startswith(f"{origin}/files-content/")
    for headers, body in receiver.received:
        assert int(clock.now()) - 3 <= int(headers["x-webhook-timestamp"]) <= int(clock.now())
        verify(public, headers, body, receiver.url, mode)
        other = "double" if mode == "single" else "single"
        with pytest.raises(InvalidSignature):
            verify(public, headers, body, receiver.url, other)


def test_ask_then_finish_sends_two_stops(http: httpx.Client, receiver: Receiver, emu: Emulator) -> None:
    http.post("/webhooks", json={"url": receiver.url})
    task_id = http.post("/tasks", json={"prompt": "Plan [[manus:ask=Where to?]] [[manus:progress=0]]"}).json()[
        "task_id"
    ]
    emu.advance(5)
    http.post("/tasks", json={"prompt": "Paris [[manus:progress=0]]", "taskId": task_id})
    emu.advance(5)
    wait_for(lambda: len(receiver.received) == 3)
    stops = [e["task_detail"] for e in receiver.events() if e["event_type"] == "task_stopped"]
    assert next((s["stop_reason"], s["message"]) for s in stops) == ("ask", "Where to?")
    assert stops[1]["stop_reason"] == "finish"


def test_failed_deliveries_are_retried_with_backoff(receiver: Receiver) -> None:
    receiver.plan = [500, 503]
    with (
        Emulator(task_duration=0, webhook_retry_delays=(0.05, 0.1), webhook_activation="off") as emu,
        httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}) as http,
    ):
        http.post("/webhooks", json={"url": receiver.url})
        http.post("/tasks", json={"prompt": "x [[manus:forever]] [[manus:progress=0]]"})
        assert emu.wait_for_webhooks(5)
    created = next(d for d in emu.webhook_deliveries if d.event_type == "task_created")
    assert created.attempts == [{"status": 500}, {"status": 503}, {"status": 200}]
    assert created.status == "delivered"
    ids = [json.loads(body)["event_id"] for _, body in receiver.received]
    assert ids.count(created.event_id) == 3  # same event id on every retry: receivers dedupe on it


def test_unreachable_receiver_fails_after_retries() -> None:
    with (
        Emulator(task_duration=0, webhook_retry_delays=(0.01,), webhook_activation="off") as emu,
        httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}) as http,
    ):
        http.post("/webhooks", json={"url": "http://127.0.0.1:9/nothing"})
        started = time.perf_counter()
        assert http.post("/tasks", json={"prompt": "x"}).status_code == 200
        assert time.perf_counter() - started < 5  # deliveries never block the request (generous: a loaded machine)
        assert emu.wait_for_webhooks(5)
    assert {d.status for d in emu.webhook_deliveries} == {"failed"}
    assert all(len(d.attempts) == 2 for d in emu.webhook_deliveries)


def test_required_activation_rejects_a_failing_receiver(receiver: Receiver) -> None:
    receiver.plan = [404]
    with (
        Emulator(webhook_activation="require") as emu,
        httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}) as http,
    ):
        refused = http.post("/webhooks", json={"webhook": {"url": receiver.url}})
        accepted = http.post("/webhooks", json={"webhook": {"url": receiver.url}})
    assert refused.status_code == 400
    shapes.error(refused.json(), 3)
    assert refused.json()["message"].startswith("webhook.url: activation test request got HTTP 404")
    assert accepted.status_code == 200
