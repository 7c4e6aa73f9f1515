"""``Governor``: each request waits for its endpoint's budget, first come first served, within its deadline.

One governor per account and setting per process (``governor_for``), so every client built with the same
key and ``rate_limits`` (``copy()``/``with_options()`` included) spends one budget; sync and async clients
share it too. Per endpoint, requests queue in arrival order and only the head waits for budget; a request
behind it waits its turn. Choices where the docs are silent:

* The deadline for waiting is the request's own ``timeout`` (``timeout=`` on the call, else the client's
  when it is not the SDK default of 600 s): a request that cannot get budget in time raises
  ``RateLimitWaitTimeout`` before anything is sent. Without such a timeout it waits as long as the budget
  needs (the alternative is being refused by the server).
* A 429 (with ``Retry-After``: that long; without: one slot interval, e.g. 6 s for ``task.create``) blocks
  the endpoint for the whole account; with Redis, for every process on it.
* Waiting happens before the request is sent and never sends it: a create that waited is sent once.
* First come, first served holds within a process (per endpoint, and separately for sync threads and
  for each event loop). Across processes sharing Redis, each process's head of queue asks when the
  next slot frees and the first to ask gets it: fair in aggregate, not a global queue.
* ``wait()``'s polls use the same budget; a poll that cannot get budget within its own ``timeout``
  counts as transient for the wait (``_polling.is_transient``), which keeps its own deadline.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import anyio
import anyio.to_thread
import httpx

from ..errors import RateLimitWaitTimeout
from ._limits import RateLimits, account_for, endpoint_for, resolve_rate_limits
from ._schedule import Schedule
from ._shared import SharedBudget

__all__ = ["MAX_NAP", "Governor", "governor_for"]

MAX_NAP = 5.0
"""The longest single sleep while waiting for budget (a freed slot elsewhere is then noticed soon)."""

_MARK = "manus_openai.governed"


class Governor:
    """Paces one account's requests. Built by ``governor_for``; clients hold one as ``_governor``.

    Example::

        governor = Governor(RateLimits(), "acme")
        governor.wait_for("task.create", timeout=30)  # returns when a create may be sent
    """

    def __init__(self, limits: RateLimits, account: str) -> None:
        self.limits = limits
        self.account = account
        self._schedule = Schedule(limits)
        self._shared = SharedBudget(limits.redis_url, account, window=limits.window) if limits.redis_url else None
        self._state = threading.Lock()
        self._turns: dict[str, _Turns] = {}
        self._async_turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Lock]] = (
            weakref.WeakKeyDictionary()
        )
        # Test and benchmark seams (a manual clock and its sleeps).
        self._clock: Callable[[], float] = time.monotonic
        self._sleep: Callable[[float], object] = time.sleep
        self._async_sleep: Callable[[float], Any] | None = None  # None: anyio.sleep, looked up per call

    @property
    def shared(self) -> bool:
        """Whether the budget is currently shared through Redis (False without Redis or while it is down)."""
        return self._shared is not None and self._shared.available

    # -- one attempt ------------------------------------------------------------------------

    def _fast_path(self, endpoint: str, loop: asyncio.AbstractEventLoop | None) -> bool:
        """Spend budget at once when nobody queues for ``endpoint`` and the in-process window has room."""
        if self._shared is not None:
            return False
        with self._state:
            if loop is None:
                turns = self._turns.get(endpoint)
                if turns is not None and turns.busy:
                    return False
            else:
                locks = self._async_turns.get(loop)
                lock = locks.get(endpoint) if locks else None
                if lock is not None and lock.locked():
                    return False
            return self._schedule.try_take(endpoint, self._clock()) <= 0

    def _local_attempt(self, endpoint: str) -> float:
        with self._state:
            return self._schedule.try_take(endpoint, self._clock())

    def _after_shared(self, endpoint: str, shared: float | None) -> float:
        if shared is None:
            return self._local_attempt(endpoint)
        if shared <= 0:
            with self._state:
                self._schedule.record(endpoint, self._clock())
        return shared

    def _attempt(self, endpoint: str, limit: int) -> float:
        shared = self._shared.delay(endpoint, limit) if self._shared is not None else None
        return self._after_shared(endpoint, shared)

    async def _async_attempt(self, endpoint: str, limit: int) -> float:
        shared = None
        if self._shared is not None:
            shared = await anyio.to_thread.run_sync(self._shared.delay, endpoint, limit)
        return self._after_shared(endpoint, shared)

    # -- waiting ----------------------------------------------------------------------------

    def wait_for(self, endpoint: str | None, *, timeout: float | None) -> float:
        """Block until one ``endpoint`` request may be sent; returns the seconds waited.

        Raises ``RateLimitWaitTimeout`` when the budget will not come within ``timeout`` seconds.
        """
        limit = None if endpoint is None else self.limits.limit(endpoint)
        if endpoint is None or limit is None or self._fast_path(endpoint, None):
            return 0.0
        start = self._clock()
        deadline = None if timeout is None else start + timeout
        with self._turn(endpoint).held(lambda: None if deadline is None else deadline - self._clock()) as ok:
            if not ok:
                raise self._late(endpoint, start, None)
            while True:
                delay = self._attempt(endpoint, limit)
                if delay <= 0:
                    return self._clock() - start
                now = self._clock()
                if deadline is not None and now + delay > deadline:
                    raise self._late(endpoint, start, delay)
                self._sleep(min(delay, MAX_NAP))

    async def async_wait_for(self, endpoint: str | None, *, timeout: float | None) -> float:
        """The async twin of ``wait_for``."""
        limit = None if endpoint is None else self.limits.limit(endpoint)
        if endpoint is None or limit is None or self._fast_path(endpoint, asyncio.get_running_loop()):
            return 0.0
        start = self._clock()
        deadline = None if timeout is None else start + timeout
        lock = self._async_turn(endpoint)
        with anyio.move_on_after(None if timeout is None else timeout) as scope:
            await lock.acquire()
        if scope.cancelled_caught:
            raise self._late(endpoint, start, None)
        try:
            while True:
                delay = await self._async_attempt(endpoint, limit)
                if delay <= 0:
                    return self._clock() - start
                now = self._clock()
                if deadline is not None and now + delay > deadline:
                    raise self._late(endpoint, start, delay)
                await (self._async_sleep or anyio.sleep)(min(delay, MAX_NAP))
        finally:
            lock.release()

    def _late(self, endpoint: str, start: float, needed: float | None) -> RateLimitWaitTimeout:
        waited = self._clock() - start
        more = "" if needed is None else f"; the next slot frees in {needed:.1f}s"
        return RateLimitWaitTimeout(
            f"no {endpoint} budget within the request's timeout (waited {waited:.1f}s{more}); nothing was sent",
            endpoint=endpoint,
            waited=waited,
        )

    def _turn(self, endpoint: str) -> _Turns:
        with self._state:
            turns = self._turns.get(endpoint)
            if turns is None:
                turns = self._turns[endpoint] = _Turns()
            return turns

    def _async_turn(self, endpoint: str) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        with self._state:
            locks = self._async_turns.setdefault(loop, {})
            lock = locks.get(endpoint)
            if lock is None:
                lock = locks[endpoint] = asyncio.Lock()
            return lock

    # -- server hints -----------------------------------------------------------------------

    def refused(self, endpoint: str | None, response: httpx.Response, retry_after: float | None) -> None:
        """A 429 arrived for ``endpoint``: block it (once per response, whichever hook sees it first)."""
        if endpoint is None or self.limits.limit(endpoint) is None or response.extensions.get(_MARK):
            return
        response.extensions[_MARK] = True
        with self._state:
            seconds = self._schedule.refuse(endpoint, self._clock(), retry_after)
        if self._shared is not None:
            self._shared.refuse(endpoint, seconds)


class _Turns:
    """First come, first served across threads: one waiter per endpoint holds the turn."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._queue: deque[object] = deque()

    @property
    def busy(self) -> bool:
        """Whether a request holds or waits for the turn (read without the lock: a hint for the fast path)."""
        return bool(self._queue)

    @contextmanager
    def held(self, remaining: Callable[[], float | None]) -> Iterator[bool]:
        me = object()
        with self._cond:
            self._queue.append(me)
            while self._queue[0] is not me:
                left = remaining()
                if left is not None and left <= 0:
                    self._queue.remove(me)
                    self._cond.notify_all()
                    break
                self._cond.wait(left)
            mine = bool(self._queue) and self._queue[0] is me
        try:
            yield mine
        finally:
            if mine:
                with self._cond:
                    self._queue.popleft()
                    self._cond.notify_all()


_REGISTRY: weakref.WeakValueDictionary[tuple[Any, ...], Governor] = weakref.WeakValueDictionary()
_REGISTRY_LOCK = threading.Lock()


def governor_for(setting: object, api_key: str, environ: Mapping[str, str]) -> Governor | None:
    """The process's governor for this ``rate_limits=`` setting and key (None when pacing is off)."""
    limits = resolve_rate_limits(setting, environ)
    if limits is None:
        return None
    account = account_for(limits, api_key)
    key = (limits.key(), account)
    with _REGISTRY_LOCK:
        governor = _REGISTRY.get(key)
        if governor is None:
            governor = Governor(limits, account)
            _REGISTRY[key] = governor
        return governor


def request_body(options: Any) -> Mapping[str, Any] | None:
    """The JSON body a POST will carry (``json_data`` merged with ``extra_body``); None for other methods
    (only a create's body changes which budget it spends)."""
    if str(getattr(options, "method", "")).upper() != "POST":
        return None
    body: dict[str, Any] = {}
    for part in (getattr(options, "json_data", None), getattr(options, "extra_json", None)):
        if isinstance(part, Mapping):
            body.update(part)
    return body or None


def response_endpoint(response: httpx.Response, base: httpx.URL) -> str | None:
    """The rate-limit name of the request behind ``response`` (relative to the client's ``base``)."""
    request = response.request
    if request.url.netloc != base.netloc:
        return None
    path = request.url.path
    prefix = base.path.rstrip("/") + "/"
    if path.startswith(prefix):
        path = path[len(prefix) :]
    body: object = None
    if request.method == "POST":
        try:
            body = json.loads(request.content or b"null")
        except (ValueError, httpx.RequestNotRead):
            body = None
    return endpoint_for(request.method, path.strip("/"), body)
