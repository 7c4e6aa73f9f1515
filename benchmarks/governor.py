"""7. Many tasks, many workers: the Redis-shared rate governor and the cross-process push wait.

(a) 1,000 tasks created and awaited by 8 worker processes on one account, each an ``AsyncManusOpenAI``
    with ``RateLimits(redis_url=..., account="bench")``, against the emulator served over loopback
    behind the ``RateLimiter`` of ``concurrency.py`` (the emulator has no limiter of its own yet): the
    documented 10 creates and 100 retrieves per window, fixed windows, 429 + ``Retry-After`` beyond.
    **Time is scaled 60x**: the window is 1 s instead of 60 s on both sides (the harness's limiter and
    the governor's ``RateLimits(window=1)``), tasks last 1-10 s (60-600 s scaled), and waits poll every
    1 s (``poll_interval=1``). Everything else is real: processes, HTTP, Redis (a ``redis-server`` the
    benchmark starts on a free loopback port). Scaling makes network and scheduling jitter 60x larger
    relative to the window than in production, so the refusal figure is a pessimistic one.
    Floor: the create limit alone lets the last of N creates start after ceil(N/10)-1 windows, plus the
    longest task (as in ``concurrency.py``). Duplicates: creates the limiter accepted for a prompt
    already accepted.
(b) Cross-process push wait: the emulator (real time, 0.3-1 s tasks) delivers signed webhooks to a
    ``WebhookReceiver(shared=RedisEvents(...))`` in this process; a waiter in another process runs
    ``create`` + ``wait(events=RedisEvents(...))``. Lag: wall time from the emulator's completion timestamp
    to ``wait`` returning in the other process. Requests per task: the create and that task's retrieves.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import random
import time
from collections import Counter
from typing import Any

from manus_openai import AsyncManusOpenAI, ManusOpenAI, RateLimits
from manus_openai.emulator import Emulator
from manus_openai.webhooks import RedisEvents, WebhookReceiver

from ._common import Report, check, median, ms
from ._serve import ThreadedServer
from .concurrency import LIMITS, RateLimiter

WINDOW = 1.0  # seconds standing for Manus's 60
MIN_DURATION, MAX_DURATION = 1.0, 10.0


class _Wall:
    def now(self) -> float:
        return time.time()


def _prompt(i: int, duration: float) -> str:
    return f"Task #{i} [[manus:duration={duration:g}]]"


def _worker(
    base_url: str, api_key: str, redis_url: str, jobs: list[tuple[int, float]], ready: Any, go: Any, out: Any
) -> None:
    async def main() -> dict[str, Any]:
        limits = RateLimits(redis_url=redis_url, account="bench", window=int(WINDOW))
        client = AsyncManusOpenAI(api_key=api_key, base_url=base_url, rate_limits=limits, max_retries=5)
        errors: Counter[str] = Counter()
        finished = 0

        async def one(i: int, duration: float) -> None:
            nonlocal finished
            try:
                done = await client.responses.create_and_wait(
                    input=_prompt(i, duration), timeout=None, poll_interval=1.0
                )
            except Exception as exc:  # counted: the benchmark measures whether any escape
                errors[type(exc).__name__] += 1
                return
            if done.status == "completed":
                finished += 1
            else:
                errors[f"status {done.status}"] += 1

        ready.put(True)
        await asyncio.get_running_loop().run_in_executor(None, go.wait)
        await asyncio.gather(*(one(i, d) for i, d in jobs))
        await client.close()
        return {"finished": finished, "errors": dict(errors), "end": time.time()}

    out.put(asyncio.run(main()))


def _many(n: int, workers: int, redis_url: str, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    durations = [round(rng.uniform(MIN_DURATION, MAX_DURATION), 1) for _ in range(n)]
    emu = Emulator(webhook_activation="off", progress_events=0, seed=seed)
    limiter = RateLimiter(emu.app, _Wall(), window=WINDOW)  # type: ignore[arg-type]  # the emulator app is ASGI
    ctx = multiprocessing.get_context("spawn")
    ready, out, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    with ThreadedServer() as server:
        server.serve(limiter)
        jobs = [[(i, durations[i]) for i in range(w, n, workers)] for w in range(workers)]
        procs = [
            ctx.Process(target=_worker, args=(server.url + "/v1", emu.api_key, redis_url, jobs[w], ready, go, out))
            for w in range(workers)
        ]
        for proc in procs:
            proc.start()
        for _ in procs:
            ready.get(timeout=300)
        start = time.time()
        go.set()
        results = [out.get(timeout=3600) for _ in procs]
        for proc in procs:
            proc.join(timeout=60)
    log = limiter.log
    accepted = Counter(e.key for e in log if e.kind == "create" and e.status == 200)
    errors: Counter[str] = Counter()
    for result in results:
        errors.update(result["errors"])
    return {
        "n": n,
        "workers": workers,
        "finished": sum(r["finished"] for r in results),
        "errors": dict(errors),
        "wall": max(r["end"] for r in results) - start,
        "longest": max(durations),
        "requests": len(log),
        "refused": sum(1 for e in log if e.status == 429),
        "creates": sum(1 for e in log if e.kind == "create"),
        "duplicates": sum(count - 1 for count in accepted.values() if count > 1),
        "tasks": len(accepted),
    }


def _push_waiter(base_url: str, api_key: str, redis_url: str, durations: list[float], out: Any) -> None:
    returned: list[tuple[str, float]] = []
    with RedisEvents(redis_url, account="push") as events, ManusOpenAI(
        api_key=api_key, base_url=base_url, rate_limits=False
    ) as client:  # fmt: skip
        for i, duration in enumerate(durations):
            created = client.responses.create(input=_prompt(i, duration))
            done = client.responses.wait(created.id, timeout=30, events=events)
            returned.append((created.id if done.status == "completed" else f"!{done.status}", time.time()))
    out.put(returned)


def _push(count: int, redis_url: str) -> tuple[list[float], list[int]]:
    durations = [0.3 + 0.7 * (i % 5) / 4 for i in range(count)]
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    with Emulator(webhook_activation="off", progress_events=0) as emu, ThreadedServer() as server:
        url = server.url + "/manus/webhook"
        shared = RedisEvents(redis_url, account="push")
        receiver = WebhookReceiver(url=url, public_key=emu.webhook_public_key, shared=shared)
        server.serve(receiver)
        with emu.client(rate_limits=False) as admin:
            admin.post("/webhooks", body={"webhook": {"url": url}}, cast_to=object)
        emu.clear_requests()
        child = ctx.Process(target=_push_waiter, args=(emu.base_url, emu.api_key, redis_url, durations, out))
        child.start()
        returned = out.get(timeout=600)
        child.join(timeout=60)
        lags = [at - emu.task(task_id).updated_at for task_id, at in returned if not task_id.startswith("!")]
        requests = [
            1 + sum(1 for r in emu.requests if r.method == "GET" and task_id in r.path) for task_id, _ in returned
        ]
        receiver.close()
        shared.close()
    return lags, requests


def run(quick: bool) -> Report:
    from tests.governor.redis_server import RedisServer  # the suite's own real-Redis harness

    report = Report("governor", "7. many tasks, many workers")
    n, workers = (200, 4) if quick else (1000, 8)
    with RedisServer() as redis_server:
        result = _many(n, workers, redis_server.url, seed=7)
        lags, requests = _push(8 if quick else 20, redis_server.url)
    errors = ", ".join(f"{k} x{v}" for k, v in sorted(result["errors"].items())) or "none"
    report.add(
        f"{n} tasks, {workers} processes, one account: finished",
        f"{result['finished']}/{n} (errors: {errors})",
        f"{n}/{n}",
        check(result["finished"] == n),
    )
    share = result["refused"] / max(result["requests"], 1)
    report.add(
        "refused (429) of all requests",
        f"{result['refused']:,} of {result['requests']:,} ({share:.2%}); creates sent {result['creates']:,}",
        "<= 1%",
        check(share <= 0.01),
    )
    floor = (math.ceil(n / LIMITS["create"]) - 1) * WINDOW + result["longest"]
    report.add(
        "wall time vs the create-limit floor",
        f"{result['wall']:.1f} s vs {floor:.1f} s (x{result['wall'] / floor:.3f}); "
        f"{result['wall'] * 60 / WINDOW / 60:.0f} min unscaled",
        "<= 1.02x",
        check(result["wall"] <= 1.02 * floor),
    )
    report.add(
        "duplicate tasks",
        f"{result['duplicates']} ({result['tasks']} distinct tasks)",
        "0",
        check(result["duplicates"] == 0),
    )
    if lags:
        report.add(
            f"cross-process push wait, {len(lags)} tasks: median lag",
            f"{ms(median(lags))} (max {ms(max(lags))})",
            "< 50 ms",
            check(median(lags) < 0.050 and len(lags) == len(requests)),
        )
    report.add(
        "cross-process push wait: requests per task",
        f"max {max(requests)}, median {median(requests):g}",
        "<= 3",
        check(max(requests) <= 3),
    )
    report.note(
        f"(a) {workers} spawned processes, AsyncManusOpenAI with RateLimits(redis_url, window=1) against the "
        "emulator over loopback behind the benchmark's RateLimiter (10 creates / 100 retrieves per 1-s fixed "
        "window); time scaled 60x (1-s windows, 1-10 s tasks, poll_interval=1). (b) WebhookReceiver with "
        "RedisEvents in this process, the waiter in a spawned process, real time, real signed deliveries."
    )
    return report
