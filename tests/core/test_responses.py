"""responses.create / retrieve / delete on a Manus client: the request on the wire and the parsed result."""

from __future__ import annotations

import httpx
import openai
import pytest

from manus_openai import (
    AsyncManusOpenAI,
    ManusOpenAI,
    ManusResponse,
    StreamingNotSupportedError,
    UnsupportedEndpointError,
)
from tests.conftest import FakeManus, response_body

SEED_INPUT = [{"role": "user", "content": [{"type": "input_text", "text": "What's the color of the sky?"}]}]


def test_create_sends_manus_options_in_the_json_body(client: ManusOpenAI, fake: FakeManus) -> None:
    client.responses.create(
        input=SEED_INPUT,  # type: ignore[arg-type]  # Manus's input parts are the documented shape
        task_mode="agent",
        agent_profile="manus-1.6",
        create_shareable_link=True,
        hide_in_task_list=False,
        locale="en-US",
        project_id="proj_abc123",
        connectors=["0e9ad711-8471-4fcc-a9de-8309f0f12c87"],
        interactive_mode=True,
    )
    request = fake.requests[0]
    assert request.method == "POST"
    assert str(request.url) == "https://api.manus.ai/v1/responses"
    assert fake.bodies()[0] == {
        "input": SEED_INPUT,
        "task_mode": "agent",
        "agent_profile": "manus-1.6",
        "create_shareable_link": True,
        "hide_in_task_list": False,
        "locale": "en-US",
        "project_id": "proj_abc123",
        "connectors": ["0e9ad711-8471-4fcc-a9de-8309f0f12c87"],
        "interactive_mode": True,
    }


def test_create_leaves_unset_options_out(client: ManusOpenAI, fake: FakeManus) -> None:
    client.responses.create(input="hi")
    assert fake.bodies()[0] == {"input": [{"role": "user", "content": [{"type": "input_text", "text": "hi"}]}]}


def test_string_input_becomes_the_documented_message_list(client: ManusOpenAI, fake: FakeManus) -> None:
    client.responses.create(input="Explain quantum computing in simple terms.")
    assert fake.bodies()[0]["input"] == [
        {
            "role": "user",
            "content": [{"type": "input_text", "text": "Explain quantum computing in simple terms."}],
        }
    ]


def test_short_form_message_content_becomes_parts(client: ManusOpenAI, fake: FakeManus) -> None:
    client.responses.create(input=[{"role": "user", "content": "hi"}])
    assert fake.bodies()[0]["input"] == [{"role": "user", "content": [{"type": "input_text", "text": "hi"}]}]


def test_seed_extra_body_still_works(client: ManusOpenAI, fake: FakeManus) -> None:
    client.responses.create(input=SEED_INPUT, extra_body={"task_mode": "agent", "agent_profile": "quality"})  # type: ignore[arg-type]
    assert fake.bodies()[0]["task_mode"] == "agent"
    assert fake.bodies()[0]["agent_profile"] == "quality"


def test_other_openai_arguments_pass_through(client: ManusOpenAI, fake: FakeManus) -> None:
    client.responses.create(input="hi", model="manus-1.6", metadata={"k": "v"}, previous_response_id="t0")
    body = fake.bodies()[0]
    assert body["model"] == "manus-1.6"
    assert body["metadata"] == {"k": "v"}
    assert body["previous_response_id"] == "t0"


def test_task_id_continues_a_task(client: ManusOpenAI, fake: FakeManus) -> None:
    client.responses.create(input="and Q4?", task_id="a5ej4FnVPLP8Vjvb6FoeAu")
    assert fake.bodies()[0]["task_id"] == "a5ej4FnVPLP8Vjvb6FoeAu"


def test_unknown_agent_profile_string_is_accepted(client: ManusOpenAI, fake: FakeManus) -> None:
    client.responses.create(input="hi", agent_profile="manus-2.0-future")
    assert fake.bodies()[0]["agent_profile"] == "manus-2.0-future"


BAD_OPTIONS = [
    ({"task_mode": "turbo"}, ValueError, "task_mode must be one of 'agent', 'chat', 'adaptive'"),
    ({"task_mode": 1}, ValueError, "task_mode"),
    ({"agent_profile": ""}, ValueError, "agent_profile must be a non-empty string"),
    ({"agent_profile": 3}, TypeError, "agent_profile must be a str"),
    ({"create_shareable_link": "yes"}, TypeError, "create_shareable_link must be a bool"),
    ({"hide_in_task_list": 1}, TypeError, "hide_in_task_list must be a bool"),
    ({"interactive_mode": "true"}, TypeError, "interactive_mode must be a bool"),
    ({"task_id": ""}, ValueError, "task_id must be a non-empty string"),
    ({"project_id": 5}, TypeError, "project_id must be a str"),
    ({"locale": " "}, ValueError, "locale must be a non-empty string"),
    ({"connectors": "uuid"}, TypeError, "connectors must be a list"),
    ({"connectors": [""]}, ValueError, r"connectors\[0\] must be a non-empty string"),
    ({"task_id": "t1", "previous_response_id": "t0"}, ValueError, "either task_id or previous_response_id"),
    ({"extra_body": {"task_id": "t1"}, "previous_response_id": "t0"}, ValueError, "not both"),
    ({"extra_body": {"task_mode": "nope"}}, ValueError, "task_mode must be one of"),
    ({"task_mode": "agent", "extra_body": {"task_mode": "chat"}}, ValueError, "task_mode is given twice"),
    ({"input": ""}, ValueError, "input must be a non-empty string"),
    ({"input": []}, ValueError, "input must not be an empty list"),
    ({"input": 42}, TypeError, "input must be a str or a list of messages"),
    ({"input": [{"role": "user", "content": []}]}, ValueError, r"input\[0\].content"),
    ({"input": [{"role": "user", "content": [{"text": "no type"}]}]}, ValueError, r"input\[0\].content\[0\]"),
    ({"input": ["not a dict"]}, TypeError, r"input\[0\] must be a message dict"),
]


@pytest.mark.parametrize(("kwargs", "error", "match"), BAD_OPTIONS)
def test_bad_options_fail_before_any_request(
    client: ManusOpenAI, fake: FakeManus, kwargs: dict[str, object], error: type[Exception], match: str
) -> None:
    call = {"input": "hi", **kwargs}
    with pytest.raises(error, match=match):
        client.responses.create(**call)  # type: ignore[arg-type]
    assert fake.requests == []


@pytest.mark.parametrize(("kwargs", "error", "match"), BAD_OPTIONS)
async def test_bad_options_fail_before_any_request_async(
    async_client: AsyncManusOpenAI,
    fake: FakeManus,
    kwargs: dict[str, object],
    error: type[Exception],
    match: str,
) -> None:
    call = {"input": "hi", **kwargs}
    with pytest.raises(error, match=match):
        await async_client.responses.create(**call)  # type: ignore[arg-type]
    assert fake.requests == []


def test_create_without_input_is_refused(client: ManusOpenAI, fake: FakeManus) -> None:
    with pytest.raises(TypeError, match="needs input="):
        client.responses.create(task_mode="agent")
    assert fake.requests == []


def test_stream_true_is_refused_before_sending_in_the_raw_view(client: ManusOpenAI, fake: FakeManus) -> None:
    with pytest.raises(StreamingNotSupportedError, match=r"responses_view='manus'.*responses\.wait"):
        client.responses.create(input="hi", stream=True)  # type: ignore[typeddict-item]  # refused at runtime too
    with pytest.raises(StreamingNotSupportedError):
        client.responses.retrieve("t1", stream=True)
    assert fake.requests == []


async def test_stream_true_is_refused_before_sending_in_the_raw_view_async(
    async_client: AsyncManusOpenAI, fake: FakeManus
) -> None:
    with pytest.raises(StreamingNotSupportedError, match="webhook"):
        await async_client.responses.create(input="hi", stream=True)  # type: ignore[typeddict-item]
    assert fake.requests == []


def test_create_parses_the_running_response(client: ManusOpenAI) -> None:
    response = client.responses.create(input="hi")
    assert isinstance(response, ManusResponse)
    assert isinstance(response, openai.types.responses.Response)
    assert response.status == "running"
    assert response.created_at == 1760348691.0
    assert response.task_url == "https://manus.im/app/t1"
    assert response.model_extra is not None
    assert response.model_extra["createdAt"] == "1760348691"


def test_retrieve_parses_a_completed_response(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json=response_body(status="completed", share_url="x"))]
    done = client.responses.retrieve("t1")
    assert str(fake.requests[0].url) == "https://api.manus.ai/v1/responses/t1"
    assert done.status == "completed"
    assert done.output_text == "Blue."
    assert [(f.file_name, f.mime_type, f.file_url) for f in done.output_files] == [
        ("notion_benefits.md", "text/markdown", "https://cdn.example/f.md")
    ]
    assert done.credit_usage == 12
    assert done.task_title == "Sky"
    assert done.metadata is not None
    assert done.metadata["task_url"] == done.task_url


async def test_async_retrieve_parses_a_completed_response(async_client: AsyncManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json=response_body(status="completed"))]
    done = await async_client.responses.retrieve("t1")
    assert isinstance(done, ManusResponse)
    assert done.output_text == "Blue."


def test_retrieve_rejects_an_empty_or_path_like_id(client: ManusOpenAI, fake: FakeManus) -> None:
    for bad in ("", "  ", "a/b", None):
        with pytest.raises(ValueError, match="response_id"):
            client.responses.retrieve(bad)  # type: ignore[arg-type]
    assert fake.requests == []


def test_delete_sends_delete_and_returns_none(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json={"id": "t1", "object": "task.deleted", "deleted": True})]
    client = client.with_options(responses_backend="v1")  # DELETE /v1/responses/{id} is the v1 backend's
    assert client.responses.delete("t1") is None  # type: ignore[func-returns-value]
    assert fake.requests[0].method == "DELETE"
    assert str(fake.requests[0].url) == "https://api.manus.ai/v1/responses/t1"


async def test_async_delete(async_client: AsyncManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json={"id": "t1", "object": "task.deleted", "deleted": True})]
    async_client = async_client.with_options(responses_backend="v1")  # the v1 backend's DELETE
    await async_client.responses.delete("t1")
    assert fake.requests[0].method == "DELETE"


def test_with_raw_response_parses_to_manus_response(client: ManusOpenAI, fake: FakeManus) -> None:
    raw = client.responses.with_raw_response.create(input="hi", task_mode="agent")  # type: ignore[call-arg]
    assert isinstance(raw.parse(), ManusResponse)
    assert fake.bodies()[0]["task_mode"] == "agent"
    raw = client.with_raw_response.responses.retrieve("t1")
    assert isinstance(raw.parse(), ManusResponse)


def test_with_streaming_response_parses_to_manus_response(client: ManusOpenAI) -> None:
    with client.responses.with_streaming_response.retrieve("t1") as streamed:
        assert isinstance(streamed.parse(), ManusResponse)
    with client.with_streaming_response.responses.create(input="hi") as streamed:
        assert isinstance(streamed.parse(), ManusResponse)


async def test_async_raw_and_streaming_wrappers(async_client: AsyncManusOpenAI) -> None:
    raw = await async_client.responses.with_raw_response.retrieve("t1")
    assert isinstance(raw.parse(), ManusResponse)
    async with async_client.responses.with_streaming_response.retrieve("t1") as streamed:
        assert isinstance(await streamed.parse(), ManusResponse)


def test_override_header_is_not_sent_on_the_wire(client: ManusOpenAI, fake: FakeManus) -> None:
    client.responses.create(input="hi")
    assert not any("stainless_override" in name.lower() for name in fake.requests[0].headers)


UNSUPPORTED = [
    (
        "chat completions",
        lambda c: c.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}]),
    ),
    ("embeddings", lambda c: c.embeddings.create(model="text-embedding-3-small", input="x")),
    ("images", lambda c: c.images.generate(prompt="x")),
    ("moderations", lambda c: c.moderations.create(input="x")),
    ("models", lambda c: c.models.list()),
    # input_items.list is served by the bridge from the task itself; the HTTP endpoint stays refused.
    ("only create, retrieve and delete", lambda c: c.get("/responses/t1/input_items", cast_to=object)),
]


@pytest.mark.parametrize(("name", "call"), UNSUPPORTED, ids=[u[0] for u in UNSUPPORTED])
def test_openai_endpoints_manus_lacks_fail_loudly_before_sending(
    client: ManusOpenAI, fake: FakeManus, name: str, call: object
) -> None:
    with pytest.raises(UnsupportedEndpointError, match=name) as info:
        call(client)  # type: ignore[operator]
    assert "responses.create" in str(info.value)  # says what Manus supports instead
    assert fake.requests == []


async def test_async_unsupported_endpoint_fails_before_sending(async_client: AsyncManusOpenAI, fake: FakeManus) -> None:
    with pytest.raises(UnsupportedEndpointError, match="chat completions"):
        await async_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}])
    assert fake.requests == []


def test_wrong_method_on_a_manus_path_names_the_allowed_ones(client: ManusOpenAI, fake: FakeManus) -> None:
    with pytest.raises(UnsupportedEndpointError, match="accepts DELETE, GET"):
        client.patch("/responses/t1", cast_to=object)
    assert fake.requests == []


def test_absolute_urls_are_left_to_the_caller_but_never_get_the_key(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json={})]
    client.get("https://uploads.example/presigned", cast_to=object)
    assert fake.requests[0].url.host == "uploads.example"
    assert "api_key" not in fake.requests[0].headers


def test_absolute_url_on_the_manus_host_keeps_the_key(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json={})]
    client.get("https://api.manus.ai/v1/tasks", cast_to=object)
    assert fake.requests[0].headers["API_KEY"]
