"""The budget shared through Redis: ``limits``' moving window, plus 429 blocks every process sees.

Library choice: ``limits`` (maintained, typed, sync and async storages for Redis, Memcached, MongoDB).
Its Redis moving window is one Lua script per request (``LPUSH``/``LTRIM`` on a list of timestamps), so
it is atomic across processes and machines with no home-made locking, and its ``get_window_stats`` says
when the oldest request leaves the window, which is when the governor next tries. ``pyrate-limiter`` was
the alternative; its waiting is built on sleeping inside the bucket call, which would ignore the caller's
deadline and our FIFO queue.

Only the head of each endpoint's in-process queue talks to Redis, from a thread in async code (the sync
storage in a worker thread needs no connection pool per event loop, and a Redis that hangs never blocks
the loop).

Faults: any Redis error (refused, reset, timeout, ``LOADING``...) marks Redis down: one WARNING line,
then the in-process ``Schedule`` governs; Redis is tried again every ``RETRY_SECONDS`` and, when it
answers, one INFO line says the budget is shared again. Nothing a caller sees changes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from ._limits import _redact

__all__ = ["RETRY_SECONDS", "SharedBudget", "redis_errors"]

log = logging.getLogger("manus_openai.governor")

RETRY_SECONDS = 1.0
"""While Redis is down, how often the governor tries it again."""

REDIS_TIMEOUT = 1.0
"""Socket connect and read timeout for Redis calls: a hung Redis costs at most this, then the fallback."""

_INSTALL = "pip install 'manus-openai[redis]'"


def _import_limits() -> Any:
    try:
        import limits
        import limits.storage
        import limits.strategies
        import redis
    except ImportError as exc:
        raise ImportError(f"Sharing rate limits through Redis needs the redis extra: {_INSTALL} ({exc})") from exc
    return limits, redis


def redis_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "Redis is not answering" (the redis extra must be installed)."""
    limits, redis = _import_limits()
    return (redis.RedisError, OSError, limits.errors.StorageError)


class SharedBudget:
    """One account's budgets in Redis; ``delay()`` returns ``None`` while Redis is down (use the local one).

    Example::

        budget = SharedBudget("redis://localhost:6379/0", "acme", window=60)
        budget.delay("task.create", 10)  # 0.0: sent now; 4.2: try again then; None: Redis is down
    """

    def __init__(self, url: str, account: str, *, window: int, wall: Callable[[], float] = time.time) -> None:
        limits, redis = _import_limits()
        self._limits_module = limits
        self._url = url
        self._account = account
        self._window = window
        self._wall = wall
        options = {"socket_timeout": REDIS_TIMEOUT, "socket_connect_timeout": REDIS_TIMEOUT}
        self._storage = limits.storage.RedisStorage(url, key_prefix="manus-openai", **options)
        self._limiter = limits.strategies.MovingWindowRateLimiter(self._storage)
        self._redis = redis.Redis.from_url(url, **options)
        self._errors = redis_errors()
        self._items: dict[int, Any] = {}
        self._state = threading.Lock()
        self._down = False
        self._retry_at = 0.0

    @property
    def available(self) -> bool:
        """False while Redis is considered down (between a failure and the next successful call)."""
        return not self._down

    def close(self) -> None:
        """Release the Redis connections."""
        self._redis.close()
        self._storage.storage.close()

    def _block_key(self, endpoint: str) -> str:
        return f"manus-openai:block:{self._account}:{endpoint}"

    def delay(self, endpoint: str, limit: int) -> float | None:
        """Spend one request of ``endpoint`` now (0.0), or the seconds to wait, or None if Redis is down."""
        if not self._may_try():
            return None
        try:
            blocked = self._redis.get(self._block_key(endpoint))
            now = self._wall()
            if blocked is not None and float(blocked) > now:
                result = float(blocked) - now
            else:
                item = self._item(limit)
                if self._limiter.hit(item, self._account, endpoint):
                    result = 0.0
                else:
                    reset, _ = self._limiter.get_window_stats(item, self._account, endpoint)
                    result = max(float(reset) - self._wall(), 0.001)
        except self._errors as exc:
            self._went_down(exc)
            return None
        self._came_back()
        return result

    def refuse(self, endpoint: str, seconds: float) -> None:
        """Block ``endpoint`` for every process on this account for ``seconds`` (never shortening a block)."""
        if not self._may_try():
            return
        key = self._block_key(endpoint)
        until = self._wall() + seconds
        try:
            current = self._redis.get(key)
            if current is None or float(current) < until:
                self._redis.set(key, repr(until), px=max(int(seconds * 1000), 1))
        except self._errors as exc:
            self._went_down(exc)
            return
        self._came_back()

    def _item(self, limit: int) -> Any:
        item = self._items.get(limit)
        if item is None:
            item = self._limits_module.RateLimitItemPerSecond(limit, self._window)
            self._items[limit] = item
        return item

    def _may_try(self) -> bool:
        with self._state:
            return not self._down or self._wall() >= self._retry_at

    def _went_down(self, exc: BaseException) -> None:
        with self._state:
            first = not self._down
            self._down = True
            self._retry_at = self._wall() + RETRY_SECONDS
        if first:
            log.warning(
                "Redis at %s is not answering (%s: %s); rate limits fall back to this process's own budget "
                "until it is back",
                _redact(self._url),
                type(exc).__name__,
                exc,
            )

    def _came_back(self) -> None:
        with self._state:
            if not self._down:
                return
            self._down = False
        log.info("Redis at %s answers again; rate limits are shared again", _redact(self._url))
