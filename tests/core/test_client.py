"""Construction, auth and configuration of ManusOpenAI / AsyncManusOpenAI (transport level)."""

from __future__ import annotations

import inspect
from typing import Any

import httpx
import openai
import pytest

from manus_openai import AsyncManusOpenAI, ManusError, ManusOpenAI
from manus_openai.types import Task
from tests.conftest import BASE_URL, TEST_KEY, FakeManus


def make(fake: FakeManus, **kwargs: object) -> ManusOpenAI:
    kwargs.setdefault("http_client", httpx.Client(transport=httpx.MockTransport(fake)))
    return ManusOpenAI(responses_view="manus", **kwargs)  # type: ignore[arg-type]


def test_is_a_drop_in_subclass() -> None:
    assert issubclass(ManusOpenAI, openai.OpenAI)
    assert issubclass(AsyncManusOpenAI, openai.AsyncOpenAI)


def test_sends_key_in_api_key_header_never_authorization(client: ManusOpenAI, fake: FakeManus) -> None:
    client.responses.retrieve("t1")
    request = fake.requests[0]
    assert request.headers["API_KEY"] == TEST_KEY
    assert "authorization" not in request.headers
    assert TEST_KEY not in str(request.url)


def test_api_key_header_name_keeps_its_case_on_the_wire(client: ManusOpenAI, fake: FakeManus) -> None:
    client.responses.retrieve("t1")
    assert (b"API_KEY", TEST_KEY.encode()) in fake.requests[0].headers.raw


async def test_async_client_sends_key_in_api_key_header(async_client: AsyncManusOpenAI, fake: FakeManus) -> None:
    await async_client.responses.retrieve("t1")
    assert fake.requests[0].headers["API_KEY"] == TEST_KEY
    assert "authorization" not in fake.requests[0].headers


def test_key_and_base_url_from_manus_env(monkeypatch: pytest.MonkeyPatch, fake: FakeManus) -> None:
    monkeypatch.setenv("MANUS_API_KEY", "mk-env")
    monkeypatch.setenv("MANUS_BASE_URL", "http://manus.local/v1")
    client = make(fake)
    client.responses.retrieve("t1")
    assert fake.requests[0].headers["API_KEY"] == "mk-env"
    assert str(fake.requests[0].url) == "http://manus.local/v1/responses/t1"


def test_explicit_arguments_beat_the_environment(monkeypatch: pytest.MonkeyPatch, fake: FakeManus) -> None:
    monkeypatch.setenv("MANUS_API_KEY", "mk-env")
    monkeypatch.setenv("MANUS_BASE_URL", "http://manus.local/v1")
    client = make(fake, api_key="mk-arg", base_url="http://other.local/v1")
    client.responses.retrieve("t1")
    assert fake.requests[0].headers["API_KEY"] == "mk-arg"
    assert fake.requests[0].url.host == "other.local"


def test_default_base_url_is_manus(fake: FakeManus) -> None:
    client = make(fake, api_key=TEST_KEY)
    assert str(client.base_url) == "https://api.manus.ai/v1/"


def test_openai_environment_never_influences_a_manus_client(monkeypatch: pytest.MonkeyPatch, fake: FakeManus) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    monkeypatch.setenv("OPENAI_BASE_URL", "https://api.openai.com/v1")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-1")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-1")
    client = make(fake, api_key=TEST_KEY)
    client.responses.retrieve("t1")
    headers = fake.requests[0].headers
    assert fake.requests[0].url.host == "api.manus.ai"
    assert "openai-organization" not in headers
    assert "openai-project" not in headers
    assert "sk-openai" not in str(headers)


@pytest.mark.parametrize("cls", [ManusOpenAI, AsyncManusOpenAI])
def test_missing_key_raises_manus_error_naming_the_variable(
    cls: type[ManusOpenAI], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")  # must not be used as a fallback
    with pytest.raises(ManusError, match="MANUS_API_KEY"):
        cls()
    with pytest.raises(ManusError, match="api_key"):
        cls(api_key="")


def test_missing_key_error_is_an_openai_error() -> None:
    with pytest.raises(openai.OpenAIError):
        ManusOpenAI(responses_view="manus")


def test_api_key_of_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="api_key must be a str"):
        ManusOpenAI(responses_view="manus", api_key=123)  # type: ignore[arg-type]


def test_seed_style_api_key_header_is_accepted_as_the_key(fake: FakeManus) -> None:
    client = make(fake, default_headers={"API_KEY": "mk-header"})
    client.responses.retrieve("t1")
    assert fake.requests[0].headers["API_KEY"] == "mk-header"
    assert "authorization" not in fake.requests[0].headers


def test_user_default_headers_are_sent(fake: FakeManus) -> None:
    client = make(fake, api_key=TEST_KEY, default_headers={"X-Trace": "1"})
    client.responses.retrieve("t1")
    assert fake.requests[0].headers["X-Trace"] == "1"


@pytest.mark.parametrize("method", ["copy", "with_options"])
def test_copy_and_with_options_keep_manus_settings(method: str, fake: FakeManus) -> None:
    client = make(fake, api_key=TEST_KEY, base_url="http://manus.local/v1", default_headers={"X-Trace": "1"})
    other = getattr(client, method)(timeout=5)
    assert type(other) is ManusOpenAI
    assert other._client is client._client
    other.responses.retrieve("t1")
    request = fake.requests[0]
    assert request.headers["API_KEY"] == TEST_KEY
    assert request.headers["X-Trace"] == "1"
    assert request.url.host == "manus.local"
    assert "authorization" not in request.headers
    assert type(other.responses).__name__ == "ManusResponses"


def test_copy_can_change_the_key(fake: FakeManus) -> None:
    other = make(fake, api_key=TEST_KEY).copy(api_key="mk-other")
    other.responses.retrieve("t1")
    assert fake.requests[0].headers["API_KEY"] == "mk-other"


def test_copy_accepts_every_argument_of_openai_copy() -> None:
    ours = set(inspect.signature(ManusOpenAI(responses_view="manus", api_key=TEST_KEY).copy).parameters)
    theirs = set(inspect.signature(openai.OpenAI(api_key="x").copy).parameters)
    assert theirs <= ours


def test_repr_never_shows_the_key() -> None:
    for cls in (ManusOpenAI, AsyncManusOpenAI):
        client = cls(api_key=TEST_KEY, base_url=BASE_URL)
        assert TEST_KEY not in repr(client)
        assert TEST_KEY not in str(client)
        assert "api.manus.ai" in repr(client)


def test_per_request_api_key_header_overrides_the_client_key(client: ManusOpenAI, fake: FakeManus) -> None:
    client.responses.retrieve("t1", extra_headers={"API_KEY": "mk-other"})
    assert fake.requests[0].headers.get_list("API_KEY") == ["mk-other"]


def test_seed_path_with_duplicate_v1_prefix_hits_v1_once(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json={"object": "list", "data": [], "has_more": False})]
    client.get("/v1/tasks?status=completed", cast_to=object)
    assert fake.requests[0].url.path == "/v1/tasks"
    assert fake.requests[0].url.params["status"] == "completed"


def _event_stream(request: httpx.Request) -> httpx.Response:
    # An unread body, as on the network: the SDK must hand the Stream over without reading it.
    if request.url.path.endswith("/missing"):
        return httpx.Response(404, json={"message": "task not found"})
    events = [b'data: {"id": "t1"}\n\n', b'data: {"id": "t2"}\n\n', b"data: [DONE]\n\n"]
    return httpx.Response(200, content=iter(events), headers={"content-type": "text/event-stream"})


async def _async_event_stream(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/missing"):
        return httpx.Response(404, json={"message": "task not found"})

    async def events() -> Any:
        for event in (b'data: {"id": "t1"}\n\n', b'data: {"id": "t2"}\n\n', b"data: [DONE]\n\n"):
            yield event

    return httpx.Response(200, content=events(), headers={"content-type": "text/event-stream"})


@pytest.mark.parametrize(("method", "path"), [("get", "/tasks"), ("post", "/responses"), ("post", "/tasks")])
def test_stream_true_returns_an_unread_stream(method: str, path: str) -> None:
    client = ManusOpenAI(
        api_key=TEST_KEY, base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(_event_stream))
    )
    kwargs: dict[str, Any] = {"body": {}} if method == "post" else {}
    with client:
        stream = getattr(client, method)(path, cast_to=Task, stream=True, stream_cls=openai.Stream[Task], **kwargs)
        assert isinstance(stream, openai.Stream)
        assert not stream.response.is_stream_consumed
        assert [task.id for task in stream] == ["t1", "t2"]
        with pytest.raises(openai.NotFoundError):
            client.get("/tasks/missing", cast_to=Task, stream=True, stream_cls=openai.Stream[Task])


async def test_async_stream_true_returns_an_unread_stream() -> None:
    client = AsyncManusOpenAI(
        api_key=TEST_KEY,
        base_url=BASE_URL,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(_async_event_stream)),
    )
    async with client:
        stream = await client.get("/tasks", cast_to=Task, stream=True, stream_cls=openai.AsyncStream[Task])
        assert isinstance(stream, openai.AsyncStream)
        assert [task.id async for task in stream] == ["t1", "t2"]
        with pytest.raises(openai.NotFoundError):
            await client.get("/tasks/missing", cast_to=Task, stream=True, stream_cls=openai.AsyncStream[Task])


def test_raw_stream_parses_to_a_stream() -> None:
    client = ManusOpenAI(
        api_key=TEST_KEY, base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(_event_stream))
    )
    with client:
        raw = client.get(
            "/tasks",
            cast_to=Task,
            stream=True,
            stream_cls=openai.Stream[Task],
            options={"headers": {"X-Stainless-Raw-Response": "true"}},  # what with_raw_response sends
        )
        assert [task.id for task in raw.parse()] == ["t1", "t2"]
