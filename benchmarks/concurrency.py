"""5. Concurrency: 1,000 tasks created and awaited at once with ``AsyncManusOpenAI`` under rate limits.

Set-up, and what is emulated:

* The emulator's ASGI app runs **in-process** (``httpx.ASGITransport``), on a ``ManualClock``.
* The emulator has no rate limiter, so ``RateLimiter`` below (an ASGI wrapper, part of this benchmark)
  emulates one at Manus's documented per-user limits (manus-api.md §6.1.3, the v2 table; no v1 numbers
  are documented): ``task.create`` 10/min for ``POST /v1/responses``, ``task.detail`` 100/min for
  ``GET /v1/responses/{id}``, in fixed 60-second windows of the emulator clock. Over the limit it answers
  429 with the v1 error body (code 8, "Rate limit exceeded...") and ``Retry-After`` = seconds left in the
  window. This is 429 injection shaped like a real limiter, not a feature of the emulator.
* Time is virtual: every sleep (``client.responses._sleep``, and ``anyio.sleep``, which the SDK's retry
  loop and the Manus create-retry use) waits on a scheduler that advances the emulator clock to the next
  wake-up as soon as every coroutine is blocked. So an hour of emulated traffic costs only the CPU of
  its requests, and "wall time" is emulator-clock time.
* The client is ``AsyncManusOpenAI`` with its defaults (``max_retries=2``) and the rate governor off
  (``rate_limits=False``: the baseline that ``governor.py`` improves on); each of the N
  coroutines runs ``create_and_wait`` for a task lasting 60-600 s (seeded).

Figures: tasks finished; requests in the second after each 429; the busiest second of retries (a
request repeating one that got a 429): a storm is more retries in one second than the endpoint
admits per minute; retries sent before ``Retry-After`` elapsed; wall time
against the target (longest task + one poll interval, +10%) and against the floor the documented
create limit imposes on any client.
"""

from __future__ import annotations

import asyncio
import bisect
import heapq
import itertools
import json
import math
import random
import time
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import anyio
import httpx

from manus_openai import AsyncManusOpenAI
from manus_openai._polling import default_delays
from manus_openai.emulator import Emulator, ManualClock

from ._common import Report, check, median

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]

WINDOW = 60.0
LIMITS = {"create": 10, "detail": 100}  # requests per minute (manus-api.md §6.1.3)
MIN_DURATION, MAX_DURATION = 60.0, 600.0
REAL_TIME_BUDGET = 90.0  # seconds of real time before the run is abandoned (reported as such)


# ---------------------------------------------------------------------------------------- virtual time
class VirtualTime:
    """Sleeps that complete when every coroutine is blocked, by jumping the ``ManualClock`` ahead."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self._heap: list[tuple[float, int, asyncio.Future[None]]] = []
        self._counter = itertools.count()

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._heap, (self.clock.now() + seconds, next(self._counter), future))
        await future

    async def drive(self, done: asyncio.Future[Any], deadline: float) -> None:
        """Run until ``done``; advance the clock whenever nothing else can run."""
        loop = asyncio.get_running_loop()
        ready = loop._ready  # type: ignore[attr-defined]  # asyncio internals: the runnable callbacks
        while not done.done():
            await asyncio.sleep(0)
            if ready:
                continue
            if time.monotonic() > deadline:
                raise TimeoutError("the concurrency benchmark exceeded its real-time budget")
            while self._heap and self._heap[0][2].cancelled():
                heapq.heappop(self._heap)
            if not self._heap:
                await asyncio.sleep(0.001)  # something waits on real I/O (should not happen in-process)
                continue
            wake = self._heap[0][0]
            if wake > self.clock.now():
                self.clock.set(wake)
            while self._heap and self._heap[0][0] <= wake:
                future = heapq.heappop(self._heap)[2]
                if not future.done():
                    future.set_result(None)


@contextmanager
def patched_anyio_sleep(sleep: Callable[[float], Awaitable[None]]) -> Iterator[None]:
    """Route ``anyio.sleep`` (the SDK's retry back-off, the Manus create-retry) to virtual time."""
    original = anyio.sleep
    anyio.sleep = sleep  # type: ignore[assignment]  # same call signature for the uses that matter
    try:
        yield
    finally:
        anyio.sleep = original


# ---------------------------------------------------------------------------------------- rate limiter
@dataclass
class Logged:
    at: float
    kind: str
    key: str
    status: int
    retry_after: float | None = None


@dataclass
class RateLimiter:
    """An ASGI wrapper enforcing per-endpoint requests-per-minute in fixed windows of ``clock``.

    ``window`` scales time (the governor benchmark runs 60x faster with ``window=1``); it is thread-safe
    enough for one uvicorn loop (no await between reading and writing a count).
    """

    app: ASGIApp
    clock: Any
    log: list[Logged] = field(default_factory=list)
    window: float = WINDOW
    _counts: dict[tuple[str, int], int] = field(default_factory=dict)

    @staticmethod
    def kind(method: str, path: str) -> str | None:
        parts = [p for p in path.split("/") if p]
        while parts[:2] == ["v1", "v1"]:
            parts = parts[1:]
        if parts[:1] == ["v1"]:
            parts = parts[1:]
        if method == "POST" and parts == ["responses"]:
            return "create"
        if method == "GET" and len(parts) == 2 and parts[0] == "responses":
            return "detail"
        return None

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Any]], send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        kind = self.kind(method, path)
        now = self.clock.now()
        body = b""
        if kind == "create":  # read the body to tell tasks apart (their prompt), then replay it
            message = await receive()
            body = message.get("body", b"")
            replayed = False

            async def replay() -> Any:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            receive = replay
        key = path if kind != "create" else _prompt_key(body)
        if kind is None:
            await self.app(scope, receive, send)
            return
        window = int(now // self.window)
        used = self._counts.get((kind, window), 0)
        if used >= LIMITS[kind]:
            left = (window + 1) * self.window - now
            retry_after = (math.ceil(left) or 1) if self.window >= 60 else round(max(left, 0.001), 3)
            self.log.append(Logged(now, kind, key, 429, float(retry_after)))
            payload = json.dumps(
                {"code": 8, "message": "Rate limit exceeded. Please retry after a short backoff.", "details": []}
            ).encode()
            headers = [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"retry-after", str(retry_after).encode()),
            ]
            await send({"type": "http.response.start", "status": 429, "headers": headers})
            await send({"type": "http.response.body", "body": payload})
            return
        self._counts[(kind, window)] = used + 1
        self.log.append(Logged(now, kind, key, 200))
        await self.app(scope, receive, send)


def _prompt_key(body: bytes) -> str:
    try:
        data = json.loads(body)
        return str(data["input"][0]["content"][0]["text"])
    except (ValueError, KeyError, IndexError, TypeError):
        return body.decode(errors="replace")


# ---------------------------------------------------------------------------------------- analysis
def _poll_interval_at(elapsed: float) -> float:
    """The default schedule's delay in force ``elapsed`` seconds into a wait."""
    t = 0.0
    for delay in default_delays():
        if t + delay > elapsed:
            return delay
        t += delay
    raise AssertionError("unreachable")  # pragma: no cover


def _after_each_429(log: list[Logged]) -> tuple[int, float]:
    """Requests (same endpoint) in the second after each 429, that instant excluded: (max, median)."""
    times = {kind: [e.at for e in log if e.kind == kind] for kind in LIMITS}
    counts = [
        bisect.bisect_right(times[e.kind], e.at + 1.0) - bisect.bisect_right(times[e.kind], e.at)
        for e in log
        if e.status == 429
    ]
    return (max(counts), median(counts)) if counts else (0, 0.0)


def _retries(log: list[Logged]) -> list[Logged]:
    """The requests that repeat one answered with 429 (same endpoint and task): the client's reaction."""
    rejected: set[tuple[str, str]] = set()
    out: list[Logged] = []
    for entry in log:
        ident = (entry.kind, entry.key)
        if ident in rejected:
            out.append(entry)
            rejected.discard(ident)
        if entry.status == 429:
            rejected.add(ident)
    return out


def _peak_second(log: list[Logged]) -> tuple[int, str, float]:
    """The busiest 1-second window of retries after a 429, per endpoint: (count, endpoint, start)."""
    best, best_kind, best_at = 0, "", 0.0
    retries = _retries(log)
    for kind in LIMITS:
        series = [e.at for e in retries if e.kind == kind]
        for i, at in enumerate(series):
            n = bisect.bisect_left(series, at + 1.0) - i
            if n > best:
                best, best_kind, best_at = n, kind, at
    return best, best_kind, best_at


def start_of(log: list[Logged]) -> float:
    return log[0].at if log else 0.0


def _early_retries(log: list[Logged]) -> int:
    """Requests repeated before the ``Retry-After`` of the 429 their previous attempt got."""
    pending: dict[tuple[str, str], float] = {}
    early = 0
    for entry in log:
        ident = (entry.kind, entry.key)
        not_before = pending.pop(ident, None)
        if not_before is not None and entry.at < not_before - 1e-9:
            early += 1
        if entry.status == 429 and entry.retry_after is not None:
            pending[ident] = entry.at + entry.retry_after
    return early


# ---------------------------------------------------------------------------------------- the run
@dataclass
class Outcome:
    finished: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    wall: float = 0.0
    longest: float = 0.0
    aborted: str | None = None
    log: list[Logged] = field(default_factory=list)
    real_seconds: float = 0.0


async def _run(n: int, seed: int, max_retries: int | None = None) -> Outcome:
    clock = ManualClock(start=1_759_999_980)  # a multiple of 60: windows start at t=0
    virtual = VirtualTime(clock)
    emu = Emulator(clock=clock, webhook_activation="off", progress_events=0, seed=seed)
    limiter = RateLimiter(emu.app, clock)
    rng = random.Random(seed)
    durations = [round(rng.uniform(MIN_DURATION, MAX_DURATION)) for _ in range(n)]
    extra: dict[str, Any] = {} if max_retries is None else {"max_retries": max_retries}
    client = AsyncManusOpenAI(
        **extra,
        rate_limits=False,
        api_key=emu.api_key,
        base_url="http://emulator.test/v1",
        http_client=httpx.AsyncClient(transport=httpx.ASGITransport(app=limiter), base_url="http://emulator.test"),
    )
    client.responses._sleep = virtual.sleep  # type: ignore[method-assign]  # virtual time
    client.responses._monotonic = clock.now
    outcome = Outcome(longest=float(max(durations)))
    start = clock.now()

    async def one(i: int) -> None:
        text = f"Task #{i} [[manus:duration={durations[i]}]]"
        try:
            done = await client.responses.create_and_wait(input=text, timeout=None)
        except Exception as exc:  # counted and reported: the benchmark measures whether any escape
            name = type(exc).__name__
            outcome.errors[name] = outcome.errors.get(name, 0) + 1
            return
        if done.status == "completed":
            outcome.finished += 1
        else:
            outcome.errors[f"status {done.status}"] = outcome.errors.get(f"status {done.status}", 0) + 1

    real_start = time.monotonic()
    with patched_anyio_sleep(virtual.sleep):
        everything = asyncio.gather(*(one(i) for i in range(n)))
        driver = asyncio.ensure_future(virtual.drive(everything, real_start + REAL_TIME_BUDGET))
        try:
            pending: set[asyncio.Future[Any]] = {everything, driver}
            await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            if driver.done() and driver.exception() is not None:
                outcome.aborted = str(driver.exception())
                everything.cancel()
                await asyncio.gather(everything, return_exceptions=True)
        finally:
            driver.cancel()
            await asyncio.gather(driver, return_exceptions=True)
    outcome.wall = clock.now() - start
    outcome.real_seconds = time.monotonic() - real_start
    outcome.log = limiter.log
    await client.close()
    return outcome


def run(quick: bool) -> Report:
    report = Report("concurrency", "5. concurrency")
    n = 100 if quick else 1000
    _figures(report, asyncio.run(_run(n, seed=5)), n, "")
    # The workaround a user would try next: a retry budget big enough to outlast the create limit.
    m = 100 if quick else 200
    _figures(report, asyncio.run(_run(m, seed=6, max_retries=100)), m, " [max_retries=100]", short=True)
    report.note(
        "In-process ASGI (httpx.ASGITransport), virtual time on a ManualClock. Rate limits emulated by the "
        "benchmark's RateLimiter (the emulator has none): 429 + Retry-After at the documented 10 creates/min "
        "and 100 retrieves/min, fixed 60 s windows. First run: AsyncManusOpenAI defaults (max_retries=2); "
        "second run: max_retries=100, fewer tasks to bound its run time."
    )
    return report


def _figures(report: Report, result: Outcome, n: int, tag: str, *, short: bool = False) -> None:
    log = result.log
    rejected = sum(1 for e in log if e.status == 429)
    errors = ", ".join(f"{k} x{v}" for k, v in sorted(result.errors.items())) or "none"
    report.add(
        f"{n} tasks via create_and_wait{tag}: finished",
        f"{result.finished}/{n} (errors: {errors})" + (f" [ABORTED: {result.aborted}]" if result.aborted else ""),
        f"{n}/{n}",
        check(result.finished == n and result.aborted is None),
    )
    by_kind = {k: sum(1 for e in log if e.kind == k) for k in LIMITS}
    report.add(
        f"requests (create / retrieve), 429s{tag}",
        f"{by_kind['create']:,} / {by_kind['detail']:,}, {rejected:,} rejected; {result.real_seconds:.1f} s real",
    )
    if not short:
        after_max, after_median = _after_each_429(log)
        report.add("requests in the 1 s after each 429 (max, median)", f"{after_max}, {after_median:g}")
    peak, peak_kind, peak_at = _peak_second(log)
    limit = LIMITS.get(peak_kind, 0)
    report.add(
        f"busiest 1 s of retries after 429s{tag}",
        f"{peak} {peak_kind} retries within 1 s at t={peak_at - start_of(log):,.0f} s (limit {limit}/min)"
        if peak
        else "no retry",
        "<= the endpoint's per-minute limit",
        check(peak <= limit or not peak),
    )
    early = _early_retries(log)
    report.add(f"retries sent before Retry-After elapsed{tag}", str(early), "0", check(early == 0))
    interval = _poll_interval_at(result.longest)
    bound = 1.10 * (result.longest + interval)
    floor = (math.ceil(n / LIMITS["create"]) - 1) * WINDOW + result.longest
    report.add(
        f"wall time (emulator clock){tag}",
        f"{result.wall:,.0f} s (longest task {result.longest:.0f} s, poll interval {interval:.0f} s)"
        + ("" if result.finished == n else f"; only {result.finished} tasks finished"),
        f"<= {bound:,.0f} s",
        check(result.aborted is None and result.finished == n and result.wall <= bound),
    )
    report.add(
        f"floor set by the create limit alone{tag}",
        f"{floor:,.0f} s ({n} creates at {LIMITS['create']}/min: the last can start after "
        f"{math.ceil(n / LIMITS['create']) - 1} windows); wall/floor = {result.wall / floor:.2f}",
    )
