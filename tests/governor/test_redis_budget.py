"""The shared budget against a real redis-server: several processes, Redis killed and restarted mid-run."""

from __future__ import annotations

import logging
import multiprocessing
import time

import pytest

from manus_openai import RateLimits
from manus_openai._governor import Governor
from manus_openai._governor._shared import RETRY_SECONDS
from tests.governor import workers
from tests.governor.redis_server import RedisServer, free_port
from tests.governor.support import Wire, async_client, fresh_account, ok, sync_client

GOVERNOR_LOG = "manus_openai.governor"


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == GOVERNOR_LOG and r.levelno == logging.WARNING]


def test_processes_on_one_redis_share_one_budget(redis_server: RedisServer) -> None:
    ctx = multiprocessing.get_context("spawn")
    ready, out, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    account = fresh_account()
    procs = [
        ctx.Process(target=workers.create_many, args=(redis_server.url, account, 5, 5, ready, go, out))
        for _ in range(3)
    ]
    for proc in procs:
        proc.start()
    for _ in procs:
        ready.get(timeout=120)
    go.set()
    stamps = sorted(t for _ in procs for t in out.get(timeout=120))
    for proc in procs:
        proc.join(timeout=60)
    assert len(stamps) == 15  # nothing lost
    # 5 creates per 1-second window for the account: 15 need at least two more windows after the first
    # five. Alone, each process would have sent its 5 at once. (A lower bound: load only stretches it.)
    assert stamps[-1] - stamps[0] >= 1.5


def test_a_429_blocks_the_endpoint_for_every_process(redis_server: RedisServer) -> None:
    limits = RateLimits(redis_url=redis_server.url, account=fresh_account())
    wire = Wire(lambda request: ok() if len(wire.sent) > 1 else _refused())
    client = sync_client(wire, None, limits, max_retries=0)
    with pytest.raises(Exception, match="Rate limit"):
        client.responses.retrieve("t1")
    other_process = Governor(limits, limits.account or "")  # what a governor elsewhere reads from Redis
    assert other_process._shared is not None
    blocked = other_process._shared.delay("task.detail", 100)
    assert blocked is not None
    assert 5 < blocked <= 30  # the Retry-After, not the 0.6-s slot interval
    assert other_process._shared.delay("task.create", 10) == 0.0
    other_process._shared.close()
    client.close()


def _refused() -> object:
    import httpx

    return httpx.Response(429, json={"code": 8, "message": "Rate limit exceeded"}, headers={"retry-after": "30"})


def _until_shared(send: object, governor: Governor) -> None:
    deadline = time.monotonic() + 60
    while not governor.shared:
        assert time.monotonic() < deadline, "the governor never went back to Redis"
        time.sleep(RETRY_SECONDS / 4)
        send()  # type: ignore[operator]  # a callable


def test_redis_killed_and_restarted_mid_run(redis_server: RedisServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, GOVERNOR_LOG)
    limits = RateLimits(redis_url=redis_server.url, account=fresh_account(), per_minute={"task.create": 1000})
    wire = Wire()
    client = sync_client(wire, None, limits)
    governor = client._governor
    assert governor is not None
    for _ in range(3):
        client.responses.create(input="while Redis is up")
    assert governor.shared
    redis_server.stop()
    for _ in range(5):
        client.responses.create(input="while Redis is down")  # no exception: the local budget governs
    assert not governor.shared
    assert len(_warnings(caplog)) == 1
    redis_server.start()
    _until_shared(lambda: client.responses.create(input="after the restart"), governor)
    assert len(_warnings(caplog)) == 1
    assert any("answers again" in r.getMessage() for r in caplog.records if r.name == GOVERNOR_LOG)
    assert all(method == "POST" for method, _, _ in wire.sent)
    assert len(wire.sent) >= 9
    client.close()


async def test_async_redis_killed_and_restarted_mid_run(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, GOVERNOR_LOG)
    limits = RateLimits(redis_url=redis_server.url, account=fresh_account(), per_minute={"task.detail": 1000})
    wire = Wire()
    client = async_client(wire, None, limits)
    governor = client._governor
    assert governor is not None
    await client.responses.retrieve("t1")
    assert governor.shared
    redis_server.stop()
    for _ in range(5):
        await client.responses.retrieve("t1")
    assert not governor.shared
    assert len(_warnings(caplog)) == 1
    redis_server.start()
    deadline = time.monotonic() + 60
    while not governor.shared:
        assert time.monotonic() < deadline
        await client.responses.retrieve("t1")
    assert len(_warnings(caplog)) == 1
    await client.close()


def test_an_unreachable_redis_falls_back_with_one_warning(caplog: pytest.LogCaptureFixture) -> None:
    limits = RateLimits(redis_url=f"redis://127.0.0.1:{free_port()}/0", account=fresh_account())
    wire = Wire()
    client = sync_client(wire, None, limits)
    for i in range(4):
        client.responses.create(input=f"task {i}")
    assert len(wire.sent) == 4
    assert len(_warnings(caplog)) == 1
    assert "fall back" in _warnings(caplog)[0]
    client.close()


def test_the_redis_password_never_reaches_the_log_or_repr(caplog: pytest.LogCaptureFixture) -> None:
    limits = RateLimits(redis_url=f"redis://user:hunter2@127.0.0.1:{free_port()}/0", account=fresh_account())
    assert "hunter2" not in repr(limits)
    client = sync_client(Wire(), None, limits)
    client.responses.create(input="x")
    assert _warnings(caplog)
    assert all("hunter2" not in message for message in _warnings(caplog))
    client.close()


def test_a_hung_redis_falls_back_instead_of_hanging_the_caller(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    import threading

    import redis

    limits = RateLimits(redis_url=redis_server.url, account=fresh_account(), per_minute={"task.create": 1000})
    wire = Wire()
    client = sync_client(wire, None, limits)
    client.responses.create(input="before")
    admin = redis.Redis.from_url(redis_server.url)
    hang = threading.Thread(target=lambda: admin.execute_command("DEBUG", "SLEEP", "6"))
    hang.start()
    probe = redis.Redis.from_url(redis_server.url, socket_timeout=0.2)
    while True:  # until a PING times out: the server is inside DEBUG SLEEP
        try:
            probe.ping()
        except redis.TimeoutError:
            break
        time.sleep(0.01)
    client.responses.create(input="while Redis hangs")  # answered by the local budget after the 1 s timeout
    hang.join()
    probe.close()
    admin.close()
    assert len(wire.sent) == 2
    assert len(_warnings(caplog)) == 1
    client.close()
