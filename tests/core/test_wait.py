"""responses.wait / create_and_wait on a fake clock: schedule, hints, deadline, transient failures."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import httpx
import openai
import pytest

from manus_openai import AsyncManusOpenAI, ManusError, ManusOpenAI, WaitTimeout
from manus_openai._polling import default_delays
from tests.conftest import TEST_KEY, FakeManus, response_body


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


def finishing_at(clock: FakeClock, seconds: float, final: str = "completed") -> Any:
    """A reply that says running until the fake clock reaches ``seconds``."""

    def reply(_request: httpx.Request) -> httpx.Response:
        status = final if clock.now >= seconds else "running"
        return httpx.Response(200, json=response_body(status=status))

    return reply


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def waiting(fake: FakeManus, clock: FakeClock) -> Iterator[ManusOpenAI]:
    client = ManusOpenAI(
        responses_view="manus",
        api_key=TEST_KEY,
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(fake)),
    )
    client.responses._sleep = clock.sleep  # type: ignore[method-assign]
    client.responses._monotonic = clock.monotonic  # type: ignore[method-assign]
    return client


@pytest.fixture
def async_waiting(fake: FakeManus, clock: FakeClock) -> AsyncManusOpenAI:
    client = AsyncManusOpenAI(
        responses_view="manus",
        api_key=TEST_KEY,
        max_retries=0,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake)),
    )
    client.responses._sleep = clock.async_sleep  # type: ignore[method-assign]
    client.responses._monotonic = clock.monotonic  # type: ignore[method-assign]
    return client


@pytest.mark.parametrize("final", ["completed", "pending", "error", "failed", "stopped", "some_new_status"])
def test_wait_returns_once_the_status_is_no_longer_running(
    waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock, final: str
) -> None:
    fake.replies = [finishing_at(clock, 12, final)]
    done = waiting.responses.wait("t1")
    assert done.status == final
    assert clock.now >= 12


@pytest.mark.parametrize("final", ["completed", "pending", "error"])
async def test_async_wait_returns_once_the_status_is_no_longer_running(
    async_waiting: AsyncManusOpenAI, fake: FakeManus, clock: FakeClock, final: str
) -> None:
    fake.replies = [finishing_at(clock, 12, final)]
    done = await async_waiting.responses.wait("t1")
    assert done.status == final


def test_wait_follows_the_default_schedule(waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock) -> None:
    fake.replies = [finishing_at(clock, 100)]
    waiting.responses.wait("t1")
    assert clock.sleeps == list(itertools.islice(default_delays(), len(clock.sleeps)))
    assert clock.sleeps[:4] == [1.0, 4.0, 5.0, 5.0]
    assert clock.now == 105.0  # polls at ..., 60, 75, 105


def test_default_schedule_never_detects_later_than_a_five_second_loop_under_a_minute() -> None:
    times = list(itertools.accumulate(itertools.islice(default_delays(), 40)))
    grid = [t for t in times if t <= 60]
    for seconds in range(5, 61, 5):
        assert float(seconds) in grid
    assert times[:2] == [1.0, 5.0]


def test_default_schedule_costs_a_third_of_a_five_second_loop_from_five_minutes() -> None:
    times = list(itertools.accumulate(itertools.islice(default_delays(), 400)))
    for task_seconds in (300, 1800):
        # create + the first poll + polls before the end + the detecting poll, against the seed's loop
        ours = 1 + 1 + sum(1 for t in times if t < task_seconds) + 1
        vendor_loop = 1 + 1 + task_seconds // 5
        assert ours <= vendor_loop / 3


def test_fixed_poll_interval_replaces_the_schedule(waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock) -> None:
    fake.replies = [finishing_at(clock, 9)]
    waiting.responses.wait("t1", poll_interval=3)
    assert clock.sleeps == [3.0, 3.0, 3.0]


def test_wait_never_sleeps_past_the_deadline(waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock) -> None:
    fake.replies = [finishing_at(clock, 1_000)]
    with pytest.raises(WaitTimeout) as info:
        waiting.responses.wait("t1", timeout=10, poll_interval=4)
    assert clock.sleeps == [4.0, 4.0, 2.0]
    assert clock.now == 10.0
    assert info.value.response is not None
    assert info.value.response.status == "running"
    assert info.value.waited == 10.0
    assert len(fake.requests) == 4  # at 0, 4, 8 and at the deadline


def test_wait_timeout_is_both_a_manus_error_and_a_timeout_error() -> None:
    assert issubclass(WaitTimeout, ManusError)
    assert issubclass(WaitTimeout, TimeoutError)
    assert issubclass(WaitTimeout, openai.OpenAIError)


async def test_async_wait_never_sleeps_past_the_deadline(
    async_waiting: AsyncManusOpenAI, fake: FakeManus, clock: FakeClock
) -> None:
    fake.replies = [finishing_at(clock, 1_000)]
    with pytest.raises(WaitTimeout) as info:
        await async_waiting.responses.wait("t1", timeout=10, poll_interval=4)
    assert clock.sleeps == [4.0, 4.0, 2.0]
    assert info.value.response is not None


def test_wait_honours_retry_after(waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock) -> None:
    fake.replies = [
        httpx.Response(429, json={"message": "slow down"}, headers={"retry-after": "7"}),
        httpx.Response(200, json=response_body(status="completed")),
    ]
    waiting.responses.wait("t1")
    assert len(clock.sleeps) == 1
    assert 7.0 <= clock.sleeps[0] <= 10.5  # never before Retry-After, jittered by up to half of it


def test_wait_honours_a_poll_hint_on_a_running_response(
    waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock
) -> None:
    fake.replies = [
        httpx.Response(200, json=response_body(), headers={"openai-poll-after-ms": "2500"}),
        httpx.Response(200, json=response_body(status="completed")),
    ]
    waiting.responses.wait("t1")
    assert clock.sleeps == [2.5]


def test_retry_after_is_capped_by_the_deadline(waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock) -> None:
    fake.replies = [httpx.Response(503, headers={"retry-after": "30"})]
    with pytest.raises(WaitTimeout) as info:
        waiting.responses.wait("t1", timeout=5)
    assert clock.sleeps == [5.0]
    assert info.value.response is None
    assert "unknown" in str(info.value)


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(429, json={}),
        httpx.Response(500, text="oops"),
        httpx.Response(502, text="<html>Bad gateway</html>"),
        httpx.Response(503, json={}),
        httpx.RemoteProtocolError("dropped"),
        httpx.ReadTimeout("slow"),
        httpx.ConnectError("refused"),
    ],
)
def test_transient_failures_do_not_end_the_wait(
    waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock, failure: Any
) -> None:
    fake.replies = [failure, failure, httpx.Response(200, json=response_body(status="completed"))]
    assert waiting.responses.wait("t1").status == "completed"
    assert len(fake.requests) == 3


async def test_async_transient_failures_do_not_end_the_wait(
    async_waiting: AsyncManusOpenAI, fake: FakeManus, clock: FakeClock
) -> None:
    fake.replies = [
        httpx.Response(502, text="bad gateway"),
        httpx.RemoteProtocolError("dropped"),
        httpx.Response(429, json={}, headers={"retry-after": "3"}),
        httpx.Response(200, json=response_body(status="completed")),
    ]
    assert (await async_waiting.responses.wait("t1")).status == "completed"
    assert any(3.0 <= slept <= 4.5 for slept in clock.sleeps)


@pytest.mark.parametrize(("status", "error"), [(404, openai.NotFoundError), (401, openai.AuthenticationError)])
def test_permanent_errors_end_the_wait(
    waiting: ManusOpenAI, fake: FakeManus, status: int, error: type[Exception]
) -> None:
    fake.replies = [httpx.Response(status, json={"code": 5, "message": "task not found", "details": []})]
    with pytest.raises(error):
        waiting.responses.wait("t1")
    assert len(fake.requests) == 1


def test_on_update_sees_every_polled_response(waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock) -> None:
    fake.replies = [finishing_at(clock, 3)]
    seen: list[str | None] = []
    waiting.responses.wait("t1", on_update=lambda r: seen.append(r.status), poll_interval=1)
    assert seen == ["running", "running", "running", "completed"]


async def test_async_on_update_may_be_a_coroutine(
    async_waiting: AsyncManusOpenAI, fake: FakeManus, clock: FakeClock
) -> None:
    fake.replies = [finishing_at(clock, 2)]
    seen: list[str | None] = []

    async def record(response: Any) -> None:
        seen.append(response.status)

    await async_waiting.responses.wait("t1", on_update=record, poll_interval=1)
    assert seen == ["running", "running", "completed"]


def test_timeout_none_waits_until_done(waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock) -> None:
    fake.replies = [finishing_at(clock, 7200)]
    assert waiting.responses.wait("t1", timeout=None).status == "completed"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"timeout": 0}, "timeout must be a positive number"),
        ({"timeout": -1}, "timeout must be a positive number"),
        ({"timeout": "10"}, "timeout must be a positive number"),
        ({"poll_interval": 0}, "poll_interval must be a positive number"),
        ({"poll_interval": True}, "poll_interval must be a positive number"),
    ],
)
def test_bad_wait_arguments_fail_before_any_request(
    waiting: ManusOpenAI, fake: FakeManus, kwargs: dict[str, Any], match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        waiting.responses.wait("t1", **kwargs)
    with pytest.raises(ValueError, match=match):
        waiting.responses.create_and_wait(input="hi", **kwargs)
    assert fake.requests == []


def test_create_and_wait_creates_then_waits(waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock) -> None:
    fake.replies = [httpx.Response(200, json=response_body()), finishing_at(clock, 4)]
    done = waiting.responses.create_and_wait(input="hi", task_mode="agent", timeout=60)
    assert done.status == "completed"
    assert done.output_text == "Blue."
    assert fake.requests[0].method == "POST"
    assert fake.bodies()[0]["task_mode"] == "agent"
    assert all(r.method == "GET" for r in fake.requests[1:])


async def test_async_create_and_wait(async_waiting: AsyncManusOpenAI, fake: FakeManus, clock: FakeClock) -> None:
    fake.replies = [httpx.Response(200, json=response_body()), finishing_at(clock, 4)]
    done = await async_waiting.responses.create_and_wait(input="hi", timeout=60)
    assert done.output_files[0].file_name == "notion_benefits.md"


class FakeEvents:
    """A stand-in webhook receiver: the stop event 'arrives' after ``delay`` seconds of the fake clock."""

    def __init__(self, clock: FakeClock, delay: float) -> None:
        self.clock, self.delay = clock, delay
        self.calls: list[tuple[str, float | None, str | None]] = []

    def wait_stopped(self, task_id: str, timeout: float | None, *, after: str | None = None) -> Any:
        self.calls.append((task_id, timeout, after))
        assert timeout is not None
        step = min(timeout, self.delay)
        self.clock.now += step
        self.delay -= step
        return type("Event", (), {"event_id": "task_stopped_t1"})() if self.delay <= 0 else None

    async def await_stopped(self, task_id: str, timeout: float | None, *, after: str | None = None) -> Any:
        return self.wait_stopped(task_id, timeout, after=after)


def test_wait_with_events_returns_on_the_stop_event(waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock) -> None:
    fake.replies = [finishing_at(clock, 42)]
    events = FakeEvents(clock, 42)
    assert waiting.responses.wait("t1", events=events).status == "completed"
    assert len(fake.requests) == 2  # one poll before, one after the event
    assert clock.sleeps == []


def test_wait_with_events_still_polls_as_a_safety_net(waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock) -> None:
    fake.replies = [finishing_at(clock, 150)]
    events = FakeEvents(clock, 10_000)  # the delivery never comes
    assert waiting.responses.wait("t1", events=events).status == "completed"
    assert [c[1] for c in events.calls] == [60.0, 60.0, 60.0]


async def test_async_wait_with_events(async_waiting: AsyncManusOpenAI, fake: FakeManus, clock: FakeClock) -> None:
    fake.replies = [finishing_at(clock, 5)]
    assert (await async_waiting.responses.wait("t1", events=FakeEvents(clock, 5))).status == "completed"
    assert len(fake.requests) == 2


def test_create_and_wait_keeps_sending_a_refused_create_within_its_timeout(
    waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock
) -> None:
    refused = httpx.Response(429, json={"code": 8, "message": "rate limit exceeded"}, headers={"retry-after": "60"})
    fake.replies = [
        refused,
        refused,
        refused,
        refused,
        httpx.Response(200, json=response_body()),
        finishing_at(clock, 0),
    ]
    done = waiting.responses.create_and_wait(input="hi", timeout=600)
    assert done.status == "completed"
    posts = [r for r in fake.requests if r.method == "POST"]
    assert len(posts) == 5
    assert all(60.0 <= s <= 90.0 for s in clock.sleeps[:4])  # each refusal waited out, jittered


def test_create_and_wait_gives_up_on_429_at_its_timeout(
    waiting: ManusOpenAI, fake: FakeManus, clock: FakeClock
) -> None:
    fake.replies = [httpx.Response(429, json={}, headers={"retry-after": "60"})]
    with pytest.raises(openai.RateLimitError):
        waiting.responses.create_and_wait(input="hi", timeout=100)
    assert clock.now < 100
    assert all(r.method == "POST" for r in fake.requests)


def test_create_and_wait_never_resends_after_a_5xx(waiting: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(500, json={}), httpx.Response(200, json=response_body())]
    with pytest.raises(openai.InternalServerError):
        waiting.responses.create_and_wait(input="hi", timeout=600)
    assert len(fake.requests) == 1


async def test_async_create_and_wait_keeps_sending_a_refused_create(
    async_waiting: AsyncManusOpenAI, fake: FakeManus, clock: FakeClock
) -> None:
    refused = httpx.Response(429, json={}, headers={"retry-after": "10"})
    fake.replies = [refused, refused, httpx.Response(200, json=response_body()), finishing_at(clock, 0)]
    done = await async_waiting.responses.create_and_wait(input="hi", timeout=600)
    assert done.status == "completed"
    assert sum(1 for r in fake.requests if r.method == "POST") == 3
