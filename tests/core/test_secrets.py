"""The API key never reaches a log line, an exception message or a repr."""

from __future__ import annotations

import logging

import httpx
import openai
import pytest

from manus_openai import ManusOpenAI, WaitTimeout
from tests.conftest import TEST_KEY, FakeManus, response_body


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    for name in ("openai", "httpx", "httpcore", "manus_openai"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def all_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(record.getMessage() for record in caplog.records)


def test_debug_logs_never_contain_the_key(debug_logs: pytest.LogCaptureFixture, fake: FakeManus) -> None:
    fake.replies = [
        httpx.Response(429, json={}, headers={"retry-after-ms": "1"}),
        httpx.Response(200, json=response_body()),
    ]
    client = ManusOpenAI(
        responses_view="manus", api_key=TEST_KEY, http_client=httpx.Client(transport=httpx.MockTransport(fake))
    )
    client.responses.create(input="hi", extra_headers={"X-Trace": "1"})
    client.responses.retrieve("t1")
    text = all_text(debug_logs)
    assert "Request options" in text  # the SDK's debug line really ran
    assert TEST_KEY not in text


def test_a_key_passed_in_extra_headers_stays_out_of_the_logs(
    debug_logs: pytest.LogCaptureFixture, fake: FakeManus
) -> None:
    client = ManusOpenAI(
        responses_view="manus", api_key=TEST_KEY, http_client=httpx.Client(transport=httpx.MockTransport(fake))
    )
    client.responses.retrieve("t1", extra_headers={"API_KEY": "mk-per-request-SECRET"})
    assert fake.requests[0].headers["API_KEY"] == "mk-per-request-SECRET"
    assert "mk-per-request-SECRET" not in all_text(debug_logs)


def test_error_messages_never_contain_the_key(fake: FakeManus) -> None:
    fake.replies = [httpx.Response(401, json={"message": "invalid API_KEY header"})]
    client = ManusOpenAI(
        responses_view="manus",
        api_key=TEST_KEY,
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(fake)),
    )
    with pytest.raises(openai.AuthenticationError) as info:
        client.responses.retrieve("t1")
    assert TEST_KEY not in str(info.value)
    assert TEST_KEY not in repr(info.value)


def test_wait_timeout_message_never_contains_the_key(fake: FakeManus) -> None:
    client = ManusOpenAI(
        responses_view="manus", api_key=TEST_KEY, http_client=httpx.Client(transport=httpx.MockTransport(fake))
    )
    client.responses._sleep = lambda _s: None  # type: ignore[method-assign]
    ticks = iter(range(100))
    client.responses._monotonic = lambda: float(next(ticks))  # type: ignore[method-assign]
    with pytest.raises(WaitTimeout) as info:
        client.responses.wait("t1", timeout=2)
    assert TEST_KEY not in str(info.value)
    assert TEST_KEY not in repr(info.value.response)


def test_reprs_never_contain_the_key() -> None:
    client = ManusOpenAI(responses_view="manus", api_key=TEST_KEY)
    for obj in (client, client.responses, client.with_options(timeout=1)):
        assert TEST_KEY not in repr(obj)


def test_cassettes_hold_no_key() -> None:
    from tests.conftest import CASSETTE_KEY, CASSETTES

    files = list(CASSETTES.rglob("*.yaml"))
    assert files, "no cassettes found"
    for path in files:
        text = path.read_text()
        assert CASSETTE_KEY not in text, path
        assert TEST_KEY not in text, path
        assert "api_key:" not in text.lower(), path  # the header itself is filtered on record
        assert "authorization:" not in text.lower(), path
        assert "x-manus-api-key" not in text.lower(), path  # the v2 key header, filtered on record too
