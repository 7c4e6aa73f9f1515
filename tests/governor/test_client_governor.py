"""The governor inside ManusOpenAI / AsyncManusOpenAI: on by default, paced, sent once, tightened by 429s."""

from __future__ import annotations

import httpx
import openai
import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI, RateLimits, RateLimitWaitTimeout
from tests.conftest import TEST_KEY
from tests.governor.conftest import ManualClock
from tests.governor.support import Wire, async_client, fresh_account, ok, sync_client


def test_on_by_default_at_the_documented_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MANUS_RATE_LIMITS")
    with ManusOpenAI(api_key=TEST_KEY) as client:
        assert client._governor is not None
        assert client._governor.limits == RateLimits()
        assert client._governor.limits.limit("task.create") == 10


@pytest.mark.parametrize("cls", [ManusOpenAI, AsyncManusOpenAI])
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_a_loopback_base_url_is_not_paced_unless_asked(
    monkeypatch: pytest.MonkeyPatch, cls: type[ManusOpenAI], host: str
) -> None:
    monkeypatch.delenv("MANUS_RATE_LIMITS")
    url = f"http://{host}:8765/v1"
    assert cls(api_key=TEST_KEY, base_url=url)._governor is None
    assert cls(api_key=TEST_KEY, base_url=url, rate_limits=RateLimits())._governor is not None
    monkeypatch.setenv("MANUS_RATE_LIMITS", "redis://127.0.0.1:1/0")
    assert cls(api_key=TEST_KEY, base_url=url)._governor is not None


def test_an_oauth_only_client_has_its_own_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MANUS_RATE_LIMITS")
    monkeypatch.delenv("MANUS_API_KEY", raising=False)
    with ManusOpenAI(oauth_token="tok-a") as a, ManusOpenAI(oauth_token="tok-b") as b:
        assert a._governor is not None
        assert b._governor is not None
        assert a._governor is not b._governor


@pytest.mark.parametrize("cls", [ManusOpenAI, AsyncManusOpenAI])
def test_rate_limits_false_turns_it_off(cls: type[ManusOpenAI]) -> None:
    client = cls(api_key=TEST_KEY, rate_limits=False)
    assert client._governor is None


@pytest.mark.parametrize(("value", "expected"), [("off", None), ("redis://127.0.0.1:1/0", "redis://127.0.0.1:1/0")])
def test_manus_rate_limits_variable_sets_the_default(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: str | None
) -> None:
    monkeypatch.setenv("MANUS_RATE_LIMITS", value)
    with ManusOpenAI(api_key=TEST_KEY) as client:
        governor = client._governor
        assert (governor.limits.redis_url if governor else None) == expected


def test_bad_settings_fail_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(TypeError, match="rate_limits must be"):
        ManusOpenAI(api_key=TEST_KEY, rate_limits=10)  # type: ignore[arg-type]  # the point of the test
    with pytest.raises(ValueError, match="redis_url"):
        ManusOpenAI(api_key=TEST_KEY, rate_limits="http://localhost")
    with pytest.raises(ValueError, match=r"per_minute\['task.create'\]"):
        RateLimits(per_minute={"task.create": 0})
    with pytest.raises(ValueError, match="endpoint names"):
        RateLimits(per_minute={"create": 5})
    with pytest.raises(ValueError, match="window"):
        RateLimits(window=0)
    monkeypatch.setenv("MANUS_RATE_LIMITS", "sometimes")
    with pytest.raises(ValueError, match="MANUS_RATE_LIMITS"):
        ManusOpenAI(api_key=TEST_KEY)


def test_copy_and_with_options_keep_the_same_budget() -> None:
    limits = RateLimits(account=fresh_account(), per_minute={"task.create": 3})
    with ManusOpenAI(api_key=TEST_KEY, rate_limits=limits) as client:
        assert client.copy(timeout=5)._governor is client._governor
        assert client.with_options(max_retries=0)._governor is client._governor
        assert client.with_options(rate_limits=False)._governor is None


def test_clients_with_one_key_share_one_budget_and_other_keys_do_not() -> None:
    on = RateLimits()
    a, b = ManusOpenAI(api_key=TEST_KEY, rate_limits=on), AsyncManusOpenAI(api_key=TEST_KEY, rate_limits=on)
    c = ManusOpenAI(api_key="mk-2", rate_limits=on)
    assert a._governor is not None
    assert a._governor is b._governor
    assert a._governor is not c._governor
    assert TEST_KEY not in a._governor.account  # a digest names the budget, never the key
    a.close()
    c.close()


def test_a_create_that_waited_is_sent_once(clock: ManualClock) -> None:
    wire = Wire()
    client = sync_client(wire, clock, RateLimits(account=fresh_account(), per_minute={"task.create": 1}))
    ids = [client.responses.create(input=f"task {i}").id for i in range(3)]
    assert ids == ["t1", "t2", "t3"]
    assert [body["input"][0]["content"][0]["text"] for _, _, body in wire.sent] == ["task 0", "task 1", "task 2"]
    assert clock.now() - 1000.0 == 120.0  # two full windows waited, on the manual clock
    client.close()


async def test_async_a_create_that_waited_is_sent_once(clock: ManualClock) -> None:
    wire = Wire()
    client = async_client(wire, clock, RateLimits(account=fresh_account(), per_minute={"task.create": 1}))
    ids = [(await client.responses.create(input=f"task {i}")).id for i in range(3)]
    assert ids == ["t1", "t2", "t3"]
    assert len(wire.sent) == 3
    assert clock.now() - 1000.0 == 120.0
    await client.close()


def test_continuing_a_task_spends_the_send_message_budget(clock: ManualClock) -> None:
    wire = Wire()
    limits = RateLimits(account=fresh_account(), per_minute={"task.create": 1, "task.sendMessage": 1})
    client = sync_client(wire, clock, limits)
    client.responses.create(input="first")
    client.responses.create(input="more", previous_response_id="t1")
    assert clock.now() == 1000.0  # different budgets: neither waited
    client.close()


def test_no_budget_within_the_request_timeout_raises_and_sends_nothing(clock: ManualClock) -> None:
    wire = Wire()
    client = sync_client(wire, clock, RateLimits(account=fresh_account(), per_minute={"task.create": 1}))
    client.responses.create(input="first")
    with pytest.raises(RateLimitWaitTimeout, match="nothing was sent"):
        client.with_options(timeout=10).responses.create(input="second")
    with pytest.raises(RateLimitWaitTimeout):
        client.responses.create(input="third", timeout=10)
    assert len(wire.sent) == 1
    client.close()


async def test_async_no_budget_within_the_request_timeout_raises_and_sends_nothing(clock: ManualClock) -> None:
    wire = Wire()
    client = async_client(wire, clock, RateLimits(account=fresh_account(), per_minute={"task.create": 1}))
    await client.responses.create(input="first")
    with pytest.raises(RateLimitWaitTimeout):
        await client.with_options(timeout=10).responses.create(input="second")
    assert len(wire.sent) == 1
    await client.close()


def _refuse_first(retry_after: str | None) -> Wire:
    answers = []

    def reply(request: httpx.Request) -> httpx.Response:
        answers.append(request)
        if len(answers) == 1:
            headers = {"retry-after": retry_after} if retry_after else {}
            return httpx.Response(429, json={"code": 8, "message": "Rate limit exceeded"}, headers=headers)
        return ok()

    return Wire(reply)


@pytest.mark.parametrize(("retry_after", "blocked"), [("7", 7.0), (None, 0.6)])
def test_a_429_tightens_the_budget(clock: ManualClock, retry_after: str | None, blocked: float) -> None:
    wire = _refuse_first(retry_after)
    client = sync_client(wire, clock, max_retries=0)
    with pytest.raises(openai.RateLimitError):
        client.responses.retrieve("t1")
    client.responses.retrieve("t1")
    assert clock.now() - 1000.0 == pytest.approx(blocked)  # 100/min: one slot is 0.6 s
    client.responses.create(input="other endpoint")
    assert clock.now() - 1000.0 == pytest.approx(blocked)  # task.create was not blocked
    client.close()


async def test_async_a_429_tightens_the_budget(clock: ManualClock) -> None:
    wire = _refuse_first("7")
    client = async_client(wire, clock, max_retries=0)
    with pytest.raises(openai.RateLimitError):
        await client.responses.retrieve("t1")
    await client.responses.retrieve("t1")
    assert clock.now() - 1000.0 == 7.0
    await client.close()


def test_a_refused_create_is_sent_again_after_the_block(clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    wire = _refuse_first("3")
    client = sync_client(wire, clock, max_retries=1)
    monkeypatch.setattr("manus_openai._client.time.sleep", lambda _s: None)  # the create-retry's own sleep
    assert client.responses.create(input="hi").id == "t1"
    assert [method for method, _, _ in wire.sent] == ["POST", "POST"]  # refused, then sent once more
    assert clock.now() - 1000.0 == 3.0
    client.close()


def test_absolute_urls_are_not_paced(clock: ManualClock) -> None:
    wire = Wire(lambda request: httpx.Response(200, json={}))
    client = sync_client(wire, clock, RateLimits(account=fresh_account(), per_minute={"file.detail": 1}))
    for _ in range(3):
        client.get("https://cdn.example/files/f1", cast_to=object)  # an output file's CDN URL
    assert clock.now() == 1000.0
    client.close()


def test_a_poll_without_budget_in_its_timeout_does_not_end_the_wait(clock: ManualClock) -> None:
    statuses = iter(["running", "completed"])
    wire = Wire(lambda request: ok("t1", next(statuses)))
    limits = RateLimits(account=fresh_account(), per_minute={"task.detail": 1})
    client = sync_client(wire, clock, limits, timeout=5)  # a poll may wait 5 s for budget, the window is 60 s
    client.responses._sleep = clock.sleep  # type: ignore[method-assign]  # the wait's sleeps on the same clock
    client.responses._monotonic = clock.now
    done = client.responses.wait("t1", timeout=600)
    assert done.status == "completed"
    assert len(wire.sent) == 2  # the refused-for-budget polls sent nothing
    client.close()
