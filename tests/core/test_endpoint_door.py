"""The endpoint allow-list refuses OpenAI endpoints Manus lacks, lets v2 through, and has a documented door."""

from __future__ import annotations

from typing import Any

import httpx
import openai
import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI, UnsupportedEndpointError
from tests.conftest import BASE_URL, TEST_KEY, FakeManus

OK = {"ok": True, "request_id": "r1", "data": []}


def make(fake: FakeManus, base_url: str = BASE_URL) -> ManusOpenAI:
    return ManusOpenAI(
        api_key=TEST_KEY, base_url=base_url, http_client=httpx.Client(transport=httpx.MockTransport(fake))
    )


def test_an_unknown_path_is_refused_and_the_error_names_the_door(fake: FakeManus) -> None:
    with pytest.raises(UnsupportedEndpointError, match=r"client\.unlisted\.get\('/usage'"):
        make(fake).get("/usage", cast_to=object)
    assert fake.requests == []


def test_unlisted_sends_an_unknown_path_with_the_clients_key(fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json={"credits": 5})]
    client = make(fake)
    assert client.unlisted.get("/usage", cast_to=object, options={"params": {"day": "1"}}) == {"credits": 5}
    request = fake.requests[0]
    assert request.url.path == "/v1/usage"
    assert request.url.params["day"] == "1"
    assert request.headers["API_KEY"] == TEST_KEY
    with pytest.raises(UnsupportedEndpointError):  # the door closes behind the call
        client.get("/usage", cast_to=object)


def test_unlisted_post_keeps_the_create_retry_rule(fake: FakeManus) -> None:
    fake.replies = [httpx.Response(500, headers={"retry-after-ms": "1"}), httpx.Response(200, json={})]
    with pytest.raises(openai.InternalServerError):
        make(fake).unlisted.post("/tasks/archive", body={"ids": ["t1"]}, cast_to=object)
    assert len(fake.requests) == 1


def test_openai_endpoints_manus_lacks_stay_refused(fake: FakeManus) -> None:
    client = make(fake)
    with pytest.raises(UnsupportedEndpointError, match="embeddings"):
        client.embeddings.create(model="x", input="hi")
    with pytest.raises(UnsupportedEndpointError, match="models"):
        client.get("/models", cast_to=object)
    assert fake.requests == []


@pytest.mark.parametrize(
    ("method", "path", "sent"),
    [("get", "/v2/task.list", "/v2/task.list"), ("post", "v2/task.create", "/v2/task.create")],
)
def test_v2_paths_pass_and_go_to_the_v2_surface_of_the_host(fake: FakeManus, method: str, path: str, sent: str) -> None:
    fake.replies = [httpx.Response(200, json=OK)]
    client = make(fake)
    kwargs: dict[str, object] = {"body": {"message": {"content": "hi"}}} if method == "post" else {}
    assert getattr(client, method)(path, cast_to=object, **kwargs) == OK
    assert fake.requests[0].url.path == sent
    assert fake.requests[0].url.host == "api.manus.ai"


def test_v2_query_string_and_base_prefix_are_kept(fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json=OK)]
    make(fake, base_url="http://proxy.local/manus/v1").get("/v2/task.list?limit=5", cast_to=object)
    assert str(fake.requests[0].url) == "http://proxy.local/manus/v2/task.list?limit=5"


def test_every_path_passes_on_a_v2_base_url(fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json=OK)]
    make(fake, base_url="https://api.manus.ai/v2").get(
        "/task.detail", cast_to=object, options={"params": {"task_id": "t"}}
    )
    assert fake.requests[0].url.path == "/v2/task.detail"


async def test_async_unlisted_and_v2(fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json=OK)]
    client = AsyncManusOpenAI(
        api_key=TEST_KEY, base_url=BASE_URL, http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake))
    )
    async with client:
        with pytest.raises(UnsupportedEndpointError):
            await client.get("/usage", cast_to=object)
        assert await client.unlisted.get("/usage", cast_to=object) == OK
        assert await client.get("/v2/task.list", cast_to=object) == OK
        with pytest.raises(UnsupportedEndpointError):
            await client.get("/usage", cast_to=object)
    assert [r.url.path for r in fake.requests] == ["/v1/usage", "/v2/task.list"]


def test_a_relative_v2_path_carries_the_v2_credentials(fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json=OK)]
    both: list[dict[str, Any]] = [{"api_key": TEST_KEY}, {"oauth_token": "tok-oauth-1"}]
    for credentials in both:
        client = ManusOpenAI(
            base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(fake)), **credentials
        )
        assert client.get("/v2/task.list", cast_to=object) == OK
    with_key, with_token = fake.requests
    assert with_key.url.path == with_token.url.path == "/v2/task.list"
    assert with_key.headers["x-manus-api-key"] == TEST_KEY
    assert with_token.headers["authorization"] == "Bearer tok-oauth-1"
