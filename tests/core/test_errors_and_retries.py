"""HTTP errors keep the SDK's classes; credit limits are typed; a create is never sent twice unless safe."""

from __future__ import annotations

from typing import Any

import httpx
import openai
import pytest

from manus_openai import AsyncManusOpenAI, CreditLimitExceededError, ManusOpenAI
from tests.conftest import TEST_KEY, FakeManus, response_body

FAST = {"retry-after-ms": "1"}  # the SDK honours it, keeping retry tests instant
CREDIT = {"code": 8, "message": "Credit limit exceeded", "details": []}


def ok() -> httpx.Response:
    return httpx.Response(200, json=response_body())


@pytest.mark.parametrize("status", [400, 402, 403, 429, 500])
def test_credit_limit_error_is_typed_whatever_the_status(client: ManusOpenAI, fake: FakeManus, status: int) -> None:
    fake.replies = [httpx.Response(status, json=CREDIT, headers=FAST), ok()]
    with pytest.raises(CreditLimitExceededError) as info:
        client.responses.retrieve("t1")
    assert isinstance(info.value, openai.APIStatusError)
    assert info.value.status_code == status
    assert info.value.code == 8  # type: ignore[comparison-overlap]  # Manus's int code is kept as-is
    assert info.value.body == CREDIT
    assert len(fake.requests) == 1  # never retried, even for a 429


def test_credit_limit_wrapped_in_error_key_is_recognised(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(400, json={"error": {"code": "8", "message": "Credit limit exceeded"}})]
    with pytest.raises(CreditLimitExceededError):
        client.responses.create(input="hi")


def test_code_8_rate_limit_stays_a_retryable_rate_limit(client: ManusOpenAI, fake: FakeManus) -> None:
    rate = {"code": 8, "message": "Too many requests: rate limit exceeded", "details": []}
    fake.replies = [httpx.Response(429, json=rate, headers=FAST), ok()]
    assert client.responses.create(input="hi").id == "t1"
    assert len(fake.requests) == 2
    fake.replies = [httpx.Response(429, json=rate, headers=FAST)]
    with pytest.raises(openai.RateLimitError) as info:
        client.with_options(max_retries=0).responses.retrieve("t1")
    assert not isinstance(info.value, CreditLimitExceededError)


async def test_credit_limit_error_async(async_client: AsyncManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(429, json=CREDIT, headers=FAST), ok()]
    with pytest.raises(CreditLimitExceededError):
        await async_client.responses.create(input="hi")
    assert len(fake.requests) == 1


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, openai.BadRequestError),
        (401, openai.AuthenticationError),
        (403, openai.PermissionDeniedError),
        (404, openai.NotFoundError),
        (422, openai.UnprocessableEntityError),
    ],
)
def test_http_errors_keep_the_openai_classes(
    client: ManusOpenAI, fake: FakeManus, status: int, error: type[openai.APIStatusError]
) -> None:
    body = {"code": 5, "message": "task not found", "details": []}
    fake.replies = [httpx.Response(status, json=body)]
    with pytest.raises(error) as info:
        client.responses.retrieve("t1")
    assert info.value.status_code == status
    assert info.value.body == body
    assert TEST_KEY not in str(info.value)


def test_create_is_not_retried_after_a_5xx(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(502, text="<html>bad gateway</html>", headers=FAST), ok()]
    with pytest.raises(openai.InternalServerError):
        client.responses.create(input="hi")
    assert len(fake.requests) == 1


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("read timed out"),
        httpx.RemoteProtocolError("server disconnected"),
        httpx.ReadError("reset"),
    ],
)
def test_create_is_not_retried_when_the_server_may_have_acted(
    client: ManusOpenAI, fake: FakeManus, failure: Exception
) -> None:
    fake.replies = [failure, ok()]
    with pytest.raises(openai.APIConnectionError):
        client.responses.create(input="hi")
    assert len(fake.requests) == 1


def test_create_is_retried_after_a_429(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(429, json={"message": "slow down"}, headers=FAST), ok()]
    response = client.responses.create(input="hi")
    assert response.id == "t1"
    assert len(fake.requests) == 2
    assert fake.bodies()[0] == fake.bodies()[1]


def test_create_is_retried_when_the_connection_was_refused(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.ConnectError("connection refused"), ok()]
    assert client.responses.create(input="hi").id == "t1"
    assert len(fake.requests) == 2


def test_create_retries_stop_at_the_client_budget(fake: FakeManus) -> None:
    fake.replies = [httpx.Response(429, json={}, headers=FAST)]
    client = ManusOpenAI(
        responses_view="manus",
        api_key=TEST_KEY,
        max_retries=3,
        http_client=httpx.Client(transport=httpx.MockTransport(fake)),
    )
    with pytest.raises(openai.RateLimitError):
        client.responses.create(input="hi")
    assert len(fake.requests) == 4


def test_create_with_max_retries_zero_is_sent_once(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(429, json={}, headers=FAST), ok()]
    with pytest.raises(openai.RateLimitError):
        client.with_options(max_retries=0).responses.create(input="hi")
    assert len(fake.requests) == 1


def test_create_honours_retry_after(client: ManusOpenAI, fake: FakeManus, monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr("manus_openai._client.time.sleep", slept.append)
    fake.replies = [httpx.Response(429, json={}, headers={"retry-after": "7"}), ok()]
    client.responses.create(input="hi")
    assert len(slept) == 1
    assert 7.0 <= slept[0] <= 10.5  # never before Retry-After, jittered by up to half of it


def test_reads_are_retried_as_the_sdk_does(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(500, headers=FAST), httpx.Response(503, headers=FAST), ok()]
    assert client.responses.retrieve("t1").id == "t1"
    assert len(fake.requests) == 3


def test_deletes_are_retried_as_the_sdk_does(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(503, headers=FAST), httpx.Response(200, json={"deleted": True})]
    client.with_options(responses_backend="v1").responses.delete("t1")  # v1's DELETE (v2's is a POST)
    assert len(fake.requests) == 2


async def test_async_create_is_not_retried_after_a_5xx(async_client: AsyncManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(500, headers=FAST), ok()]
    with pytest.raises(openai.InternalServerError):
        await async_client.responses.create(input="hi")
    assert len(fake.requests) == 1


async def test_async_create_is_not_retried_after_a_timeout(async_client: AsyncManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.ReadTimeout("slow"), ok()]
    with pytest.raises(openai.APITimeoutError):
        await async_client.responses.create(input="hi")
    assert len(fake.requests) == 1


async def test_async_create_is_retried_after_429_and_refused_connection(
    async_client: AsyncManusOpenAI, fake: FakeManus
) -> None:
    fake.replies = [httpx.Response(429, json={}, headers=FAST), httpx.ConnectError("refused"), ok()]
    response: Any = await async_client.responses.create(input="hi")
    assert response.id == "t1"
    assert len(fake.requests) == 3


async def test_async_reads_are_retried(async_client: AsyncManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(502, headers=FAST), ok()]
    assert (await async_client.responses.retrieve("t1")).id == "t1"
    assert len(fake.requests) == 2


def test_create_retries_are_counted_as_the_sdk_counts_them(
    client: ManusOpenAI, fake: FakeManus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("manus_openai._client.time.sleep", lambda _s: None)
    fake.replies = [httpx.Response(429, json={}, headers=FAST), httpx.ConnectError("refused"), ok()]
    raw = client.responses.with_raw_response.create(input="hi")
    assert [r.headers["x-stainless-retry-count"] for r in fake.requests] == ["0", "1", "2"]
    assert raw.retries_taken == 2
    assert raw.parse().id == "t1"


async def test_async_create_retries_are_counted_as_the_sdk_counts_them(
    async_client: AsyncManusOpenAI, fake: FakeManus
) -> None:
    fake.replies = [httpx.Response(429, json={}, headers=FAST), httpx.ConnectError("refused"), ok()]
    raw = await async_client.responses.with_raw_response.create(input="hi")
    assert [r.headers["x-stainless-retry-count"] for r in fake.requests] == ["0", "1", "2"]
    assert raw.retries_taken == 2


def test_a_create_sent_once_reports_no_retries(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [ok()]
    raw = client.responses.with_raw_response.create(input="hi")
    assert fake.requests[0].headers["x-stainless-retry-count"] == "0"
    assert raw.retries_taken == 0
