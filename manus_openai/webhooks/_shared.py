"""``RedisEvents``: webhook events shared through Redis, for receivers behind a load balancer and waiters
in any process.

* Receivers (``WebhookReceiver(..., shared=RedisEvents(url, account=...))``) claim each verified
  delivery with ``SET NX EX`` (one key per delivery, ``dedupe_ttl`` seconds), so a redelivery that lands
  on another replica is answered 200 as a duplicate and handed to no callback; the first one is appended
  to a Redis stream per account (``XADD ... MAXLEN ~ maxlen``).
* Waiters pass the same ``RedisEvents`` as ``events=`` to ``responses.wait()`` / ``create_and_wait()``.
  One listener thread per ``RedisEvents`` reads the stream from its start (``XREAD BLOCK``), so a stop
  published before the waiter started is still seen: there is no race between create and subscribe.
* Redis down: receivers keep answering Manus 200 with their in-process dedupe (a redelivery to another
  replica may then reach two callbacks); waiters see ``available`` turn False and poll on the adaptive
  schedule until the listener reconnects (it resumes after the last entry it read). One WARNING line
  per outage, one INFO line when Redis is back.

Choices where nothing is documented: Manus's retry window is unknown, so deliveries are remembered for a
day (``dedupe_ttl``); the stream keeps about ``maxlen`` (10,000) recent events; the payload stored is
the verified event as JSON, so a waiter's process re-parses it without a signature.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import threading
import time
from typing import Any

from ._events import TaskStoppedEvent, WebhookEvent
from ._parse import parse_event

__all__ = ["RedisEvents"]

log = logging.getLogger("manus_openai.webhooks")

_INSTALL = "pip install 'manus-openai[redis]'"
_SLICE = 0.5  # a waiter re-checks that Redis is up this often while it blocks
_BLOCK_MS = 1000
_RETRY = 1.0


def _import_redis() -> Any:
    try:
        import redis
    except ImportError as exc:
        raise ImportError(f"Sharing webhook events through Redis needs the redis extra: {_INSTALL} ({exc})") from exc
    return redis


class RedisEvents:
    """Publish verified webhook events to Redis and wait on them from any process.

    Example::

        events = RedisEvents("redis://localhost:6379/0", account="acme")
        receiver = WebhookReceiver(url=URL, public_key=KEY, shared=events)   # in the web app
        done = client.responses.create_and_wait(input="...", events=events)  # in any worker
    """

    def __init__(
        self, url: str, *, account: str, maxlen: int = 10_000, dedupe_ttl: int = 86_400, timeout: float = 1.0
    ) -> None:
        if not isinstance(url, str) or not url.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError(f"url must be a redis://, rediss:// or unix:// URL, got {url!r}")
        if not isinstance(account, str) or not account:
            raise ValueError(f"account must be a non-empty str (the same in receivers and waiters), got {account!r}")
        if maxlen < 1 or dedupe_ttl < 1 or not timeout > 0:
            raise ValueError("maxlen and dedupe_ttl must be positive ints, timeout a positive number of seconds")
        from ._receiver import WebhookReceiver

        redis = _import_redis()
        self._redis_module = redis
        self._url = url
        self._account = account
        self._stream = f"manus-openai:events:{account}"
        self._maxlen = maxlen
        self._ttl = dedupe_ttl
        self._client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        self._listen_timeout = timeout
        self._errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
        self._board = WebhookReceiver(url=f"redis-events:{account}", public_key=None)  # what the listener read
        self._state = threading.Lock()
        self._down = False
        self._retry_at = 0.0
        self._listener: threading.Thread | None = None
        self._closing = threading.Event()
        self._last_id = "0"

    @property
    def account(self) -> str:
        """The stream's name: receivers and waiters of one Manus account use the same one."""
        return self._account

    @property
    def available(self) -> bool:
        """False while Redis is down: ``wait()`` then polls on its schedule instead of waiting here."""
        return not self._down

    # -- receivers --------------------------------------------------------------------------

    def share(self, event: WebhookEvent, key: tuple[str | None, str | None, str]) -> bool:
        """Claim a delivery for this replica and publish it; False when another replica already had it.

        True (handle it here) when Redis is down: receivers then fall back to their own dedupe.
        """
        if not self._may_try():
            return True
        digest = hashlib.sha256(json.dumps(key).encode()).hexdigest()
        try:
            if not self._client.set(f"manus-openai:seen:{self._account}:{digest}", b"1", nx=True, ex=self._ttl):
                self._came_back()
                return False
            payload = json.dumps(event.model_dump(mode="json"))
            self._client.xadd(self._stream, {"event": payload}, maxlen=self._maxlen, approximate=True)
        except self._errors as exc:
            self._went_down(exc)
            return True
        self._came_back()
        return True

    # -- waiters ----------------------------------------------------------------------------

    def wait_stopped(self, task_id: str, timeout: float | None, *, after: Any = None) -> TaskStoppedEvent | None:
        """The newest ``task_stopped`` for ``task_id`` in the stream (waiting up to ``timeout`` s), or None.

        Returns None at once while Redis is down (see ``available``). ``after`` is as in
        ``WebhookReceiver.wait_stopped``.
        """
        self._ensure_listener()
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.available:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return None
            found = self._board.wait_stopped(task_id, _SLICE if left is None else min(_SLICE, left), after=after)
            if found is not None:
                return found
        return None

    async def await_stopped(self, task_id: str, timeout: float | None, *, after: Any = None) -> TaskStoppedEvent | None:
        """The async twin of ``wait_stopped``."""
        self._ensure_listener()
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        while self.available:
            left = None if deadline is None else deadline - loop.time()
            if left is not None and left <= 0:
                return None
            found = await self._board.await_stopped(task_id, _SLICE if left is None else min(_SLICE, left), after=after)
            if found is not None:
                return found
        return None

    def _ensure_listener(self) -> None:
        with self._state:
            if self._listener is None and not self._closing.is_set():
                self._listener = threading.Thread(target=self._listen, name="manus-redis-events", daemon=True)
                self._listener.start()

    def _listen(self) -> None:
        redis = self._redis_module
        reader = redis.Redis.from_url(
            self._url,
            socket_timeout=self._listen_timeout + _BLOCK_MS / 1000,
            socket_connect_timeout=self._listen_timeout,
        )
        try:
            while not self._closing.is_set():
                try:
                    batches = reader.xread({self._stream: self._last_id}, count=500, block=_BLOCK_MS)
                except self._errors as exc:
                    self._went_down(exc)
                    self._closing.wait(_RETRY)
                    continue
                self._came_back()
                for _stream, entries in batches or []:
                    for entry_id, fields in entries:
                        self._last_id = entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)
                        self._take(fields)
        finally:
            reader.close()

    def _take(self, fields: dict[Any, Any]) -> None:
        raw = fields.get(b"event", fields.get("event"))
        try:
            if not isinstance(raw, (bytes, str)):
                raise TypeError("no event field")
            event = parse_event(raw)
        except Exception:  # a foreign entry in the stream must not stop the listener
            log.warning("ignoring an unreadable entry in Redis stream %s", self._stream)
            return
        self._board._record(event)  # same package: the receiver's bookkeeping wakes the waiters

    # -- state ------------------------------------------------------------------------------

    def _may_try(self) -> bool:
        with self._state:
            return not self._down or time.monotonic() >= self._retry_at

    def _went_down(self, exc: BaseException) -> None:
        with self._state:
            first = not self._down
            self._down = True
            self._retry_at = time.monotonic() + _RETRY
        if first:
            log.warning(
                "Redis for webhook events (%s) is not answering (%s); receivers dedupe locally and waits poll "
                "until it is back",
                self._stream,
                type(exc).__name__,
            )

    def _came_back(self) -> None:
        with self._state:
            if not self._down:
                return
            self._down = False
        log.info("Redis for webhook events (%s) answers again", self._stream)

    def close(self) -> None:
        """Stop the listener thread and release the connections."""
        self._closing.set()
        listener = self._listener
        if listener is not None:
            listener.join(timeout=self._listen_timeout + _BLOCK_MS / 1000 + 1)
        self._client.close()
        self._board.close()

    def __enter__(self) -> RedisEvents:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RedisEvents(account={self._account!r})"
