"""The helpers for code that keeps a plain openai.OpenAI client."""

from __future__ import annotations

import json

import httpx
import openai
import pytest

from manus_openai import (
    ManusError,
    ManusOpenAI,
    async_wait_for_response,
    manus_client_options,
    manus_extra_body,
    wait_for_response,
)
from manus_openai.helpers import PLACEHOLDER_API_KEY
from tests.conftest import TEST_KEY, FakeManus, response_body


def plain(fake: FakeManus, **options: object) -> openai.OpenAI:
    return openai.OpenAI(
        **manus_client_options(api_key=TEST_KEY, **options),  # type: ignore[arg-type]
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(fake)),
    )


def test_client_options_make_a_working_plain_client(fake: FakeManus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_ORG_ID", "org-leak")
    client = plain(fake)
    client.responses.create(
        input=[{"role": "user", "content": [{"type": "input_text", "text": "hi"}]}],
        extra_body=manus_extra_body(task_mode="agent", agent_profile="quality"),
        model="manus-1.6",
    )
    request = fake.requests[0]
    assert str(request.url) == "https://api.manus.ai/v1/responses"
    assert request.headers["API_KEY"] == TEST_KEY
    assert TEST_KEY not in request.headers.get("authorization", "")
    assert request.headers["authorization"] == f"Bearer {PLACEHOLDER_API_KEY}"
    assert "openai-organization" not in request.headers
    assert json.loads(request.content)["agent_profile"] == "quality"


def test_client_options_read_the_manus_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MANUS_API_KEY", "mk-env")
    monkeypatch.setenv("MANUS_BASE_URL", "http://127.0.0.1:8765/v1")
    options = manus_client_options()
    assert options["default_headers"]["API_KEY"] == "mk-env"
    assert options["base_url"] == "http://127.0.0.1:8765/v1"


def test_client_options_without_a_key_name_the_variable() -> None:
    with pytest.raises(ManusError, match="MANUS_API_KEY"):
        manus_client_options()


def test_extra_body_is_validated() -> None:
    assert manus_extra_body() == {}
    assert manus_extra_body(hide_in_task_list=True, connectors=["c1"]) == {
        "hide_in_task_list": True,
        "connectors": ["c1"],
    }
    with pytest.raises(ValueError, match="task_mode must be one of"):
        manus_extra_body(task_mode="fast")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="create_shareable_link must be a bool"):
        manus_extra_body(create_shareable_link="true")  # type: ignore[arg-type]


def test_wait_for_response_works_on_a_plain_client(fake: FakeManus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("manus_openai.helpers.time.sleep", lambda _s: None)
    fake.replies = [
        httpx.Response(200, json=response_body()),
        httpx.Response(200, json=response_body(status="completed")),
    ]
    done = wait_for_response(plain(fake), "t1", poll_interval=0.01)
    assert done.status == "completed"
    assert done.output_text == "Blue."
    assert done.credit_usage == 12


def test_wait_for_response_works_on_a_manus_client(fake: FakeManus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("manus_openai.helpers.time.sleep", lambda _s: None)
    fake.replies = [httpx.Response(200, json=response_body(status="pending"))]
    client = ManusOpenAI(
        responses_view="manus", api_key=TEST_KEY, http_client=httpx.Client(transport=httpx.MockTransport(fake))
    )
    assert wait_for_response(client, "t1").status == "pending"


async def test_async_wait_for_response_works_on_a_plain_async_client(fake: FakeManus) -> None:
    fake.replies = [
        httpx.Response(200, json=response_body()),
        httpx.Response(200, json=response_body(status="error")),
    ]
    client = openai.AsyncOpenAI(
        **manus_client_options(api_key=TEST_KEY),
        max_retries=0,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake)),
    )
    done = await async_wait_for_response(client, "t1", poll_interval=0.001)
    assert done.status == "error"


def test_wait_for_response_validates_before_any_request(fake: FakeManus) -> None:
    with pytest.raises(ValueError, match="response_id"):
        wait_for_response(plain(fake), "")
    with pytest.raises(ValueError, match="timeout"):
        wait_for_response(plain(fake), "t1", timeout=-5)
    assert fake.requests == []
