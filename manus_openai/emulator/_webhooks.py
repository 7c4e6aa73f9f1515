"""Webhook signing key, signed deliveries and the background delivery worker (manus-api.md §5).

Deliveries never block request handling: events are queued by the engine and POSTed from one
worker thread with its own ``httpx.Client``; a failed delivery (transport error or non-2xx) is
retried after each of ``retry_delays`` (real seconds). The same thread ticks running tasks so
``task_progress``/``task_stopped`` fire on time even when nobody polls.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import itertools
import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import httpx

from ._engine import Engine
from ._model import TaskEvent, Webhook
from ._views import iso

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

__all__ = ["SignatureMode", "WebhookDelivery", "WebhookService", "sign"]

SignatureMode = Literal["single", "double"]


def sign(key: RSAPrivateKey, *, timestamp: str, url: str, body: bytes, mode: SignatureMode = "single") -> str:
    """Base64 RSA-SHA256 (PKCS#1 v1.5) signature over ``{timestamp}.{url}.{sha256_hex(body)}``.

    ``mode="single"``: the signed string is hashed once by the RSA-SHA256 signer (the Go sample and
    the live-tested community receiver). ``mode="double"``: the 32-byte SHA-256 digest of the signed
    string is what gets RSA-SHA256-signed (what the Python/Node doc samples verify).
    """
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    signed = f"{timestamp}.{url}.{hashlib.sha256(body).hexdigest()}".encode()
    message = signed if mode == "single" else hashlib.sha256(signed).digest()
    return base64.b64encode(key.sign(message, padding.PKCS1v15(), hashes.SHA256())).decode()


TICK = 0.02
"""Seconds between checks for tasks that finished on their own (events fire within about this long)."""


@dataclass
class WebhookDelivery:
    """One delivery (an event to one webhook) and every attempt made for it."""

    webhook_id: str
    url: str
    event_type: str
    event_id: str
    body: bytes
    attempts: list[dict[str, object]] = field(default_factory=list)
    status: Literal["pending", "delivered", "failed"] = "pending"
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> object:
        return json.loads(self.body)


class WebhookService:
    """Owns the RSA key (generated lazily: ~50-100 ms), the delivery log and the worker thread."""

    def __init__(
        self,
        engine: Engine,
        *,
        mode: SignatureMode = "single",
        retry_delays: Sequence[float] = (0.5, 1.0, 2.0, 4.0),
        timeout: float = 10.0,
        origin: Callable[[], str],
    ) -> None:
        self.engine = engine
        self.mode: SignatureMode = mode
        self.retry_delays = tuple(retry_delays)
        self.timeout = timeout
        self._origin = origin
        self._key: RSAPrivateKey | None = None
        self._key_created: float = 0.0
        self._key_lock = threading.Lock()
        self.deliveries: list[WebhookDelivery] = []
        self._queue: list[tuple[float, int, WebhookDelivery]] = []
        self._counter = itertools.count()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._event_ids: dict[str, int] = {}
        engine.listeners.append(self._on_event)

    # -------------------------------------------------------------- key
    def private_key(self) -> RSAPrivateKey:
        with self._key_lock:
            if self._key is None:
                from cryptography.hazmat.primitives.asymmetric import rsa

                self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
                self._key_created = self.engine.clock.now()
            return self._key

    def public_key_pem(self) -> str:
        from cryptography.hazmat.primitives import serialization

        pem = (
            self.private_key()
            .public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        )
        return pem.decode()

    def public_key_view(self) -> dict[str, object]:
        pem = self.public_key_pem()
        return {"public_key": pem, "algorithm": "RSA-SHA256", "created_at": iso(self._key_created)}

    # -------------------------------------------------------------- building deliveries
    def _headers(self, url: str, body: bytes) -> dict[str, str]:
        timestamp = str(int(self.engine.clock.now()))
        return {
            "Content-Type": "application/json",
            "User-Agent": "manus-emulator-webhooks",
            "X-Webhook-Timestamp": timestamp,
            "X-Webhook-Signature": sign(self.private_key(), timestamp=timestamp, url=url, body=body, mode=self.mode),
        }

    def _event_id(self, event: TaskEvent) -> str:
        if event.type == "task_created":
            base = f"task_created_{event.task_id}"
        else:
            base = f"{event.type}_{event.task_id}_{int(event.at)}"
        n = self._event_ids.get(base, 0) + 1
        self._event_ids[base] = n
        return base if n == 1 else f"{base}_{n}"  # two progress events in one second stay distinct

    def payload(self, event: TaskEvent) -> dict[str, object]:
        event_id = self._event_id(event)
        task_url = f"https://manus.im/app/{event.task_id}"
        if event.type == "task_progress":
            detail: dict[str, object] = {
                "task_id": event.task_id,
                "progress_type": "plan_update",
                "message": event.message or "",
            }
            return {"event_id": event_id, "event_type": event.type, "progress_detail": detail}
        detail = {"task_id": event.task_id, "task_title": event.task_title, "task_url": task_url}
        if event.type == "task_stopped":
            detail["message"] = event.message or ""
            detail["stop_reason"] = event.stop_reason or "finish"
            if event.attachments:
                origin = self._origin()
                detail["attachments"] = [
                    {
                        "file_name": a.name,
                        "url": origin + (a.path or "") if a.path else (a.url or ""),
                        "size_bytes": a.size,
                    }
                    for a in event.attachments
                ]
            if event.structured_output is not None:
                detail["structured_output"] = dict(event.structured_output)
        return {"event_id": event_id, "event_type": event.type, "task_detail": detail}

    def _on_event(self, event: TaskEvent) -> None:
        hooks = list(self.engine.webhooks.values())
        if not hooks:
            return
        body = json.dumps(self.payload(event), separators=(",", ":")).encode()
        event_id = json.loads(body)["event_id"]
        for hook in hooks:
            self._enqueue(WebhookDelivery(hook.id, hook.url, event.type, event_id, body))

    def _enqueue(self, delivery: WebhookDelivery, due: float | None = None) -> None:
        with self._cond:
            if delivery not in self.deliveries:
                self.deliveries.append(delivery)
            heapq.heappush(self._queue, (due or time.monotonic(), next(self._counter), delivery))
            self._ensure_thread()
            self._cond.notify()

    # -------------------------------------------------------------- activation test request
    @staticmethod
    def _activation(hook: Webhook) -> WebhookDelivery:
        body = json.dumps(
            {
                "event_id": f"webhook_test_{hook.id}",
                "event_type": "webhook_test",
                "webhook_detail": {"webhook_id": hook.id, "url": hook.url},
            },
            separators=(",", ":"),
        ).encode()
        return WebhookDelivery(hook.id, hook.url, "webhook_test", f"webhook_test_{hook.id}", body)

    def queue_activation(self, hook: Webhook) -> None:
        """Send the activation test request from the worker (one attempt, outcome only logged)."""
        self._enqueue(self._activation(hook))

    async def activate(self, hook: Webhook) -> str | None:
        """POST the activation test request; return an error text unless the receiver said 2xx."""
        delivery = self._activation(hook)
        with self._cond:
            self.deliveries.append(delivery)
        try:
            headers = self._headers(hook.url, delivery.body)
            delivery.headers = headers
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.post(hook.url, content=delivery.body, headers=headers)
        except httpx.HTTPError as exc:
            delivery.attempts.append({"error": f"{type(exc).__name__}: {exc}"})
            delivery.status = "failed"
            return f"activation test request failed: {type(exc).__name__}"
        delivery.attempts.append({"status": response.status_code})
        if response.is_success:
            delivery.status = "delivered"
            return None
        delivery.status = "failed"
        return f"activation test request got HTTP {response.status_code} (2xx required)"

    # -------------------------------------------------------------- worker
    # TICK (module level): how often running tasks are advanced so their events fire without a poll.
    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name="manus-emulator-webhooks", daemon=True)
            self._thread.start()

    def start_ticker(self) -> None:
        with self._cond:
            self._ensure_thread()

    def _run(self) -> None:
        with httpx.Client(timeout=self.timeout) as client:
            while True:
                with self._cond:
                    if self._stopping:
                        return
                    now = time.monotonic()
                    due = self._queue[0][0] if self._queue else now + TICK
                    if due > now:
                        self._cond.wait(timeout=min(due - now, TICK))
                    ready: list[WebhookDelivery] = []
                    now = time.monotonic()
                    while self._queue and self._queue[0][0] <= now:
                        ready.append(heapq.heappop(self._queue)[2])
                if self.engine.webhooks:
                    self.engine.advance_active()
                for delivery in ready:
                    self._attempt(client, delivery)

    def _attempt(self, client: httpx.Client, delivery: WebhookDelivery) -> None:
        headers = self._headers(delivery.url, delivery.body)
        delivery.headers = headers
        try:
            response = client.post(delivery.url, content=delivery.body, headers=headers)
            ok = response.is_success
            delivery.attempts.append({"status": response.status_code})
        except httpx.HTTPError as exc:
            ok = False
            delivery.attempts.append({"error": f"{type(exc).__name__}: {exc}"})
        if ok:
            delivery.status = "delivered"
            return
        retry = len(delivery.attempts) - 1
        if delivery.event_type != "webhook_test" and retry < len(self.retry_delays):
            self._enqueue(delivery, time.monotonic() + self.retry_delays[retry])
        else:
            delivery.status = "failed"

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no delivery is queued or pending; False on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._cond:
                busy = bool(self._queue) or any(d.status == "pending" for d in self.deliveries)
            if not busy:
                return True
            time.sleep(0.01)
        return False

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)
        self._thread = None
