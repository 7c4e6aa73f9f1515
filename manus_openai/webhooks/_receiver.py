"""Receive Manus webhook deliveries: a framework-agnostic handler and a raw-ASGI receiver.

Ambiguities resolved here (each names the doc revision followed):

* Activation test request: every revision says Manus POSTs a test request (JSON) before
  activating a webhook and needs a 2xx within 10 s, but none shows its body or says whether it
  is signed. So a JSON object without ``event_type`` is answered 200 and never verified,
  recorded or handed to the callback; an *unsigned* body with an unknown ``event_type`` is also
  answered 200 and dropped. A body that carries a signature header, or a known event type, is
  held to the signature (401 on failure). Nothing unverified ever reaches user code.
* Dedupe: the newest skill file advises idempotency and names ``event_id``; but the older v1
  examples reuse ``task_created_task_abc123`` for a ``task_stopped`` and §2.1 shows ids without a
  timestamp (``task_stopped_task_abc123``), which would make the ``finish`` after an ``ask``
  look like a repeat. Deliveries are therefore deduplicated on ``(event_type, event_id, digest of
  the parsed payload)``: a redelivery is dropped, a different event that reuses an id is not.
* Retries are UNDOCUMENTED: answers are 200 for everything accepted or deliberately ignored
  (including duplicates), 400 for a body that is not a JSON object or a known event of the wrong
  shape, 401 for a bad signature, 405 for other methods, 413 over ``max_body_bytes``, 500 when a
  key provider fails.
* With ``shared=`` (a ``RedisEvents``) a delivery is also claimed in Redis before it is handled, so
  replicas behind a load balancer hand each event to one callback, and it is published for waiters in
  other processes (see ``_shared``).
* The signed URL is the one given to the receiver (the registered public URL), never one
  rebuilt from the request, which behind a proxy differs (§5.4).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import hashlib
import inspect
import json
import logging
import queue as queue_module
import threading
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union, cast

from ._events import TaskStoppedEvent, WebhookEvent
from ._handling import WebhookResponse, _error, _finish, _precheck, handle_webhook_request
from ._keys import PublicKeyLike, load_public_key
from ._verify import HeadersLike, check_tolerance

if TYPE_CHECKING:
    from ._shared import RedisEvents

__all__ = [
    "KeyProvider",
    "StopMarker",
    "WebhookCallback",
    "WebhookReceiver",
    "WebhookResponse",
    "handle_webhook_request",
]

log = logging.getLogger("manus_openai.webhooks")

WebhookCallback = Callable[[WebhookEvent], object]
"""``def cb(event) -> None`` or ``async def cb(event) -> None``."""

KeyProvider = Callable[[], Union[PublicKeyLike, Awaitable[PublicKeyLike]]]
"""A zero-argument callable returning the public key (e.g. a cached ``client.webhooks.public_key``)."""

StopMarker = Union[str, int, TaskStoppedEvent, None]
"""What ``after=`` accepts in the waits: the ``event_id`` of a stop already handled (``str``), that stop
itself (:class:`TaskStoppedEvent`), a :meth:`WebhookReceiver.cursor` (``int``), or ``None``."""

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


@dataclass
class _AsyncWaiter:
    task_id: str
    after: StopMarker
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[TaskStoppedEvent]


def _resolve(future: asyncio.Future[TaskStoppedEvent], event: TaskStoppedEvent) -> None:
    if not future.done():
        future.set_result(event)


def _delivery_key(event: WebhookEvent) -> tuple[str | None, str | None, str]:
    canonical = json.dumps(event.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return event.event_type, event.event_id, hashlib.sha256(canonical.encode()).hexdigest()


def _is_async_callable(func: object) -> bool:
    return inspect.iscoroutinefunction(func) or inspect.iscoroutinefunction(getattr(func, "__call__", None))  # noqa: B004


async def _await(awaitable: Awaitable[object]) -> None:
    await awaitable


class WebhookReceiver:
    """Receive, verify, de-duplicate and dispatch Manus deliveries; mountable as an ASGI app.

    * ``url``: the webhook URL exactly as registered with Manus (it is part of what is signed).
    * ``public_key``: required. A PEM/DER key or ``RSAPublicKey`` (loaded now, so a bad key fails
      here), a zero-argument provider (sync or async, called per delivery; a sync one runs in a
      thread under ASGI so a key fetch never blocks the loop), or an explicit ``None`` to skip
      verification (local development only).
    * ``callback``: called once per new event, never before it is recorded and never blocking the
      answer to Manus. Under ASGI an ``async def`` callback becomes a task on the server's loop; a
      sync one (and, from :meth:`handle`, an async one via ``asyncio.run``) runs on a single
      worker thread, so sync callbacks see events in arrival order. Exceptions are logged.
    * ``queue``: a ``queue.Queue`` (any thread) or an ``asyncio.Queue`` (only if consumed on the
      loop that runs this ASGI app); each new event is ``put_nowait``. A full queue drops the event
      (logged); use an unbounded queue.
    * ``dedupe_size`` bounds the remembered deliveries and stopped tasks; ``history_size`` bounds
      :attr:`events`.
    * ``shared``: a :class:`RedisEvents` to dedupe across replicas and publish every new event for
      waiters in other processes (``wait(..., events=that RedisEvents)``).

    Waiting: :meth:`wait_stopped` / :meth:`await_stopped` return the newest ``task_stopped`` for a
    task, immediately if it already arrived. A task stops again after an ``ask`` is answered; to
    wait for the *next* stop pass ``after=`` the stop you already handled (or its ``event_id``), or
    a :meth:`cursor` taken before sending the reply.

    Example (``uvicorn myapp:receiver``; in Starlette/FastAPI ``app.mount("/manus", receiver)``)::

        receiver = WebhookReceiver(
            url="https://api.example.com/manus/webhook",
            public_key=os.environ["MANUS_WEBHOOK_PUBLIC_KEY"],
            callback=lambda event: print(event.event_type, event.task_id),
        )
        stopped = receiver.wait_stopped(task_id, timeout=600)
    """

    def __init__(
        self,
        *,
        url: str,
        public_key: PublicKeyLike | KeyProvider | None,
        callback: WebhookCallback | None = None,
        queue: queue_module.Queue[WebhookEvent] | asyncio.Queue[WebhookEvent] | None = None,
        tolerance: int = 300,
        dedupe_size: int = 10_000,
        history_size: int = 1_000,
        max_body_bytes: int = 1_048_576,
        shared: RedisEvents | None = None,
    ) -> None:
        if not isinstance(url, str) or not url:
            raise ValueError("url must be the webhook URL exactly as registered with Manus")
        check_tolerance(tolerance)
        if dedupe_size < 1 or history_size < 0 or max_body_bytes < 1:
            raise ValueError("dedupe_size and max_body_bytes must be positive, history_size >= 0")
        self._url = url
        self._provider: KeyProvider | None = None
        self._key: PublicKeyLike | None = None
        if callable(public_key):
            self._provider = public_key
        elif public_key is not None:
            self._key = load_public_key(public_key)
        self._callback = callback
        self._callback_is_async = _is_async_callable(callback)
        self._queue = queue
        self._tolerance = tolerance
        self._dedupe_size = dedupe_size
        self._max_body_bytes = max_body_bytes
        self._shared = shared

        self._cond = threading.Condition(threading.Lock())
        self._seq = 0
        self._seen: OrderedDict[tuple[str | None, str | None, str], None] = OrderedDict()
        self._history: deque[WebhookEvent] = deque(maxlen=history_size)
        self._latest_stop: OrderedDict[str, tuple[int, TaskStoppedEvent]] = OrderedDict()
        self._async_waiters: list[_AsyncWaiter] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._executor_lock = threading.Lock()

    @property
    def url(self) -> str:
        """The registered webhook URL deliveries are verified against."""
        return self._url

    @property
    def events(self) -> list[WebhookEvent]:
        """A copy of the most recent new events (at most ``history_size``), oldest first."""
        with self._cond:
            return list(self._history)

    def cursor(self) -> int:
        """A marker for "events received from now on", for ``wait_stopped(..., after=cursor)``.

        >>> receiver = WebhookReceiver(url="https://x/hook", public_key=None)
        >>> receiver.cursor()
        0
        """
        with self._cond:
            return self._seq

    def clear(self) -> None:
        """Forget recorded events, stops and seen deliveries (cursors stay valid; waiters keep waiting)."""
        with self._cond:
            self._seen.clear()
            self._history.clear()
            self._latest_stop.clear()

    def close(self) -> None:
        """Wait for queued sync callbacks to finish and stop their worker thread."""
        with self._executor_lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)

    def __enter__(self) -> WebhookReceiver:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- handling ---------------------------------------------------------------------------

    def handle(self, body: bytes | str, headers: HeadersLike, *, method: str = "POST") -> WebhookResponse:
        """Handle one delivery from a sync framework (Flask, Django): answer with the result.

        Like :func:`handle_webhook_request`, plus dedupe, recording for waiters, the queue and the
        callback (which runs on the receiver's worker thread, not in the request). A duplicate
        answers 200 with ``event=None``.

        >>> receiver = WebhookReceiver(url="https://x/hook", public_key=None)
        >>> body = b'{"event_id": "e1", "event_type": "task_created", "task_detail": {"task_id": "abc"}}'
        >>> receiver.handle(body, {}).status_code, receiver.handle(body, {}).body
        (200, {'ok': True, 'duplicate': True})
        """
        early = _precheck(body, headers, method=method, verifying=self._verifying)
        if early is not None:
            return early
        try:
            key = self._key if self._provider is None else self._provided_key_sync()
        except Exception as exc:
            return self._key_failure(exc)
        response = _finish(body, headers, url=self._url, public_key=key, tolerance=self._tolerance, now=None)
        return self._accept(response, loop=None, claimed=self._share(response.event))

    async def handle_async(self, body: bytes | str, headers: HeadersLike, *, method: str = "POST") -> WebhookResponse:
        """:meth:`handle` for async frameworks (what the ASGI app calls); async callbacks become tasks.

        >>> import asyncio
        >>> receiver = WebhookReceiver(url="https://x/hook", public_key=None)
        >>> asyncio.run(receiver.handle_async(b"{}", {})).body
        {'ok': True, 'ignored': 'no event_type (activation test request)'}
        """
        loop = asyncio.get_running_loop()
        self._loop = loop
        early = _precheck(body, headers, method=method, verifying=self._verifying)
        if early is not None:
            return early
        try:
            key = self._key if self._provider is None else await self._provided_key_async()
        except Exception as exc:
            return self._key_failure(exc)
        response = _finish(body, headers, url=self._url, public_key=key, tolerance=self._tolerance, now=None)
        claimed = True if self._shared is None else await asyncio.to_thread(self._share, response.event)
        return self._accept(response, loop=loop, claimed=claimed)

    @property
    def _verifying(self) -> bool:
        return self._key is not None or self._provider is not None

    def _provided_key_sync(self) -> PublicKeyLike:
        assert self._provider is not None
        result = self._provider()
        if inspect.isawaitable(result):
            if inspect.iscoroutine(result):
                result.close()
            raise TypeError("an async public_key provider needs the ASGI app or handle_async()")
        return load_public_key(result)

    async def _provided_key_async(self) -> PublicKeyLike:
        provider = self._provider
        assert provider is not None
        result: object
        if _is_async_callable(provider):
            result = provider()
        else:
            result = await asyncio.to_thread(provider)
        if inspect.isawaitable(result):
            result = await result
        return load_public_key(cast(PublicKeyLike, result))

    @staticmethod
    def _key_failure(exc: Exception) -> WebhookResponse:
        log.error("webhook public key provider failed", exc_info=exc)
        return _error(500, "public_key_unavailable", "The receiver could not load the Manus public key.")

    def _share(self, event: WebhookEvent | None) -> bool:
        """Claim and publish through ``shared``; False when another replica already handled the delivery."""
        return self._shared is None or event is None or self._shared.share(event, _delivery_key(event))

    def _accept(
        self, response: WebhookResponse, *, loop: asyncio.AbstractEventLoop | None, claimed: bool = True
    ) -> WebhookResponse:
        event = response.event
        if event is None:
            return response
        if not self._record(event) or not claimed:  # a replica's duplicate still wakes waiters here
            return WebhookResponse(200, {"ok": True, "duplicate": True}, None)
        self._dispatch(event, loop)
        return response

    def _record(self, event: WebhookEvent) -> bool:
        key = _delivery_key(event)
        with self._cond:
            if key in self._seen:
                self._seen.move_to_end(key)
                return False
            self._seen[key] = None
            if len(self._seen) > self._dedupe_size:
                self._seen.popitem(last=False)
            self._seq += 1
            self._history.append(event)
            if isinstance(event, TaskStoppedEvent):
                self._latest_stop[event.task_id] = (self._seq, event)
                self._latest_stop.move_to_end(event.task_id)
                if len(self._latest_stop) > self._dedupe_size:
                    self._latest_stop.popitem(last=False)
                self._cond.notify_all()
                self._wake_async_waiters(event.task_id)
        return True

    def _wake_async_waiters(self, task_id: str) -> None:
        """Resolve matching async waiters on their own loops (caller holds the lock)."""
        remaining: list[_AsyncWaiter] = []
        for waiter in self._async_waiters:
            match = self._match(waiter.task_id, waiter.after) if waiter.task_id == task_id else None
            if match is None:
                remaining.append(waiter)
                continue
            # A closed loop raises RuntimeError: nobody is waiting there any more.
            with contextlib.suppress(RuntimeError):
                waiter.loop.call_soon_threadsafe(_resolve, waiter.future, match)
        self._async_waiters = remaining

    def _dispatch(self, event: WebhookEvent, loop: asyncio.AbstractEventLoop | None) -> None:
        if self._queue is not None:
            try:
                self._queue.put_nowait(event)
            except (queue_module.Full, asyncio.QueueFull):
                log.error("webhook queue is full; dropped %s %s", event.event_type, event.event_id)
        if self._callback is None:
            return
        if self._callback_is_async and loop is not None:
            task = loop.create_task(self._run_async_callback(event))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        else:
            self._get_executor().submit(self._run_callback_in_thread, event)

    async def _run_async_callback(self, event: WebhookEvent) -> None:
        assert self._callback is not None
        try:
            await cast(Awaitable[object], self._callback(event))
        except Exception:
            log.exception("webhook callback failed for %s %s", event.event_type, event.event_id)

    def _run_callback_in_thread(self, event: WebhookEvent) -> None:
        assert self._callback is not None
        try:
            result = self._callback(event)
            if inspect.isawaitable(result):
                asyncio.run(_await(result))
        except Exception:
            log.exception("webhook callback failed for %s %s", event.event_type, event.event_id)

    def _get_executor(self) -> concurrent.futures.ThreadPoolExecutor:
        with self._executor_lock:
            if self._executor is None:
                self._executor = concurrent.futures.ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="manus-webhook-callback"
                )
            return self._executor

    # -- waiting ----------------------------------------------------------------------------

    def _match(self, task_id: str, after: StopMarker) -> TaskStoppedEvent | None:
        entry = self._latest_stop.get(task_id)
        if entry is None:
            return None
        seq, event = entry
        if after is None:
            return event
        if isinstance(after, TaskStoppedEvent):
            return None if (event is after or event == after) else event
        if isinstance(after, str):
            return None if event.event_id == after else event
        return event if seq > after else None

    def latest_stopped(self, task_id: str) -> TaskStoppedEvent | None:
        """The newest ``task_stopped`` recorded for ``task_id``, without waiting."""
        with self._cond:
            return self._match(task_id, None)

    def wait_stopped(
        self, task_id: str, timeout: float | None = None, *, after: StopMarker = None
    ) -> TaskStoppedEvent | None:
        """Block until a ``task_stopped`` for ``task_id`` is received; ``None`` after ``timeout`` s.

        Returns the newest stop at once if one was already received. ``after`` skips a stop you
        already know: that :class:`TaskStoppedEvent` (exact: wait for any other stop), its
        ``event_id`` (a ``str``; note the §2.1 id form without a timestamp can repeat across stops,
        so prefer the event), or an ``int`` from :meth:`cursor` (wait for a stop received after it;
        race-free when taken before sending the reply that leads to the next stop). Thread-safe. Refuses to run on the
        event loop that serves this receiver (it would block the delivery): use
        :meth:`await_stopped` there.

        >>> receiver = WebhookReceiver(url="https://x/hook", public_key=None)
        >>> receiver.wait_stopped("abc", timeout=0.01) is None
        True
        """
        self._refuse_serving_loop()
        with self._cond:
            self._cond.wait_for(lambda: self._match(task_id, after) is not None, timeout=_timeout(timeout))
            return self._match(task_id, after)

    async def await_stopped(
        self, task_id: str, timeout: float | None = None, *, after: StopMarker = None
    ) -> TaskStoppedEvent | None:
        """Async :meth:`wait_stopped`; works whether the server runs on this loop or another thread.

        >>> import asyncio
        >>> receiver = WebhookReceiver(url="https://x/hook", public_key=None)
        >>> asyncio.run(receiver.await_stopped("abc", timeout=0.01)) is None
        True
        """
        loop = asyncio.get_running_loop()
        future: asyncio.Future[TaskStoppedEvent] = loop.create_future()
        waiter = _AsyncWaiter(task_id, after, loop, future)
        with self._cond:
            match = self._match(task_id, after)
            if match is not None:
                return match
            self._async_waiters.append(waiter)
        try:
            return await asyncio.wait_for(future, _timeout(timeout))
        except asyncio.TimeoutError:
            return None
        finally:
            with self._cond:
                if waiter in self._async_waiters:
                    self._async_waiters.remove(waiter)

    def _refuse_serving_loop(self) -> None:
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            return
        if running is self._loop:
            raise RuntimeError(
                "wait_stopped() would block the event loop that delivers to this receiver; "
                "use `await receiver.await_stopped(...)`"
            )

    # -- ASGI -------------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The ASGI entry point: POST deliveries on any path; lifespan events are acknowledged."""
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1000})
            return
        if scope["type"] != "http":
            return
        if scope.get("method", "GET") != "POST":
            status, body, _ = _error(405, "method_not_allowed", "Manus webhook deliveries are POST requests.")
            await _send_json(send, status, body, extra_headers=[(b"allow", b"POST")])
            return
        raw = await self._read_body(scope, receive)
        if raw is None:
            return  # the client went away
        if isinstance(raw, int):
            message = f"The body exceeds {self._max_body_bytes} bytes."
            status, body, _ = _error(413, "payload_too_large", message)
            await _send_json(send, status, body)
            return
        response = await self.handle_async(raw, scope.get("headers") or [])
        await _send_json(send, response.status_code, response.body)

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes | int | None:
        for name, value in scope.get("headers") or []:
            if name.lower() == b"content-length" and value.isdigit() and int(value) > self._max_body_bytes:
                return int(value)
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self._max_body_bytes:
                return size
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._tasks:  # let running async callbacks finish, briefly
                    await asyncio.wait(set(self._tasks), timeout=5)
                await send({"type": "lifespan.shutdown.complete"})
                return


def _timeout(timeout: float | None) -> float | None:
    return None if timeout is None else max(0.0, timeout)


async def _send_json(
    send: Send, status: int, body: dict[str, Any], *, extra_headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    payload = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + (extra_headers or [])})
    await send({"type": "http.response.body", "body": payload})
