"""Functions run in child processes (multiprocessing "spawn") by the Redis tests."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

from manus_openai import ManusOpenAI, RateLimits
from manus_openai.webhooks import RedisEvents

KEY = "mk-test-SECRET-0123456789"


def create_many(url: str, account: str, n: int, limit: int, ready: Any, go: Any, out: Any) -> None:
    """Send ``n`` creates through a Redis-shared budget; report the wall-clock time each reached the wire."""
    stamps: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        stamps.append(time.time())
        return httpx.Response(200, json={"id": f"t{len(stamps)}", "object": "response", "status": "running"})

    limits = RateLimits(redis_url=url, account=account, per_minute={"task.create": limit}, window=1)
    with ManusOpenAI(
        api_key=KEY, base_url="https://api.manus.ai/v1",
        http_client=httpx.Client(transport=httpx.MockTransport(handler)), rate_limits=limits,
        responses_view="manus",  # creates that return at once: the governor's pacing is what is measured
    ) as client:  # fmt: skip
        ready.put(True)
        go.wait()
        for i in range(n):
            client.responses.create(input=f"task {i}")
    out.put(stamps)


def wait_in_another_process(url: str, account: str, task_id: str, polled: Any, out: Any) -> None:
    """``responses.wait(task_id, events=RedisEvents)``: the task reads as running until a Redis flag is set."""
    import redis

    flags = redis.Redis.from_url(url)
    gets: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        gets.append(request.url.path)
        status = "completed" if flags.get(f"done:{task_id}") else "running"
        return httpx.Response(200, json={"id": task_id, "object": "response", "status": status})

    with RedisEvents(url, account=account) as events, ManusOpenAI(
        api_key=KEY, base_url="https://api.manus.ai/v1",
        http_client=httpx.Client(transport=httpx.MockTransport(handler)), rate_limits=False,
        responses_view="manus",  # Manus's statuses, as the stub answers them
    ) as client:  # fmt: skip
        done = client.responses.wait(task_id, timeout=50, events=events, on_update=lambda r: polled.put(r.status))
    flags.close()
    out.put(json.dumps({"status": done.status, "gets": len(gets)}))


def replay(url: str, account: str, task_id: str, out: Any) -> None:
    """A waiter that starts after the stop was published still receives it."""
    with RedisEvents(url, account=account) as events:
        stopped = events.wait_stopped(task_id, timeout=50)
    out.put(None if stopped is None else stopped.event_id)
