"""Malformed server answers: every call either raises a typed error or parses gracefully, and the
accessors (``output_text``, ``output_files``, ``task_url``, ``credit_usage``) never raise on what it parsed.

An ``AttributeError`` / ``KeyError`` / ``TypeError`` from inside the library is the bug this file
hunts: it is caught explicitly and the test fails with the traceback.
"""

from __future__ import annotations

import inspect
import json
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Union

import httpx
import openai
import pytest
from openai import AsyncOpenAI

from manus_openai import AsyncManusOpenAI, ManusError, ManusOpenAI
from tests.conftest import TEST_KEY

Client = Union[ManusOpenAI, AsyncManusOpenAI]

TEN_MB = 10 * 1024 * 1024
HTML_502 = (
    b"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
    b"<hr><center>nginx</center></body></html>"
)


@dataclass(frozen=True)
class Reply:
    id: str
    status: int
    content: bytes
    content_type: str = "application/json"

    def response(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(self.status, content=self.content, headers={"content-type": self.content_type})


def js(value: object) -> bytes:
    return json.dumps(value).encode()


GARBAGE_OBJECT = {
    "id": 5,
    "object": ["task"],
    "status": {"state": "running"},
    "createdAt": {"when": "now"},
    "created_at": "yesterday",
    "updated_at": [1],
    "metadata": "task_url=https://x",
    "output": "the answer",
    "credit_usage": {"n": 1},
    "data": "not a list",
    "has_more": "yes",
    "task_id": 12,
    "public_key": 7,
    "name": {"first": "x"},
    "filename": None,
    "webhook_id": 3,
    "deleted": "nope",
}
HOSTILE_CONVERSATION = {
    "id": "t1",
    "object": "response",
    "status": "completed",
    "metadata": {"task_url": 42, "credit_usage": "lots", "task_title": None},
    "output": [
        None,
        5,
        "text",
        {"role": "assistant"},
        {"role": "assistant", "content": None},
        {"role": "assistant", "content": "plain string"},
        {"role": "assistant", "content": [None, 7, {"type": None}, {"type": "output_text", "text": 9}]},
        {"role": "assistant", "content": [{"type": "output_file", "fileUrl": 3, "fileName": ["x"], "mimeType": None}]},
        {"type": "message", "role": "assistant", "status": "completed", "content": [{"type": "refusal"}]},
    ],
}
BIG_ANSWER = {
    "id": "t1",
    "object": "response",
    "status": "completed",
    "createdAt": "1760348691",
    "output": [{"role": "assistant", "type": "message", "content": [{"type": "output_text", "text": "x" * TEN_MB}]}],
}

REPLIES = [
    Reply("not-json", 200, b"this is not JSON at all"),
    Reply("html-502", 502, HTML_502, "text/html"),
    Reply("html-200", 200, b"<html><body>Maintenance</body></html>", "text/html"),
    Reply("truncated-json", 200, b'{"id": "t1", "status": "runn'),
    Reply("empty-body", 200, b""),
    Reply("json-null", 200, b"null"),
    Reply("json-array", 200, b'[{"id": "t1"}]'),
    Reply("json-number", 200, b"42"),
    Reply("json-string", 200, b'"ok"'),
    Reply("missing-fields", 200, b"{}"),
    Reply("wrong-field-types", 200, js(GARBAGE_OBJECT)),
    Reply("unknown-status", 200, js({"id": "t1", "object": "response", "status": "exploded", "output": []})),
    Reply("hostile-conversation", 200, js(HOSTILE_CONVERSATION)),
    Reply("unknown-content-type", 200, b"\x82\xa2id\xa2t1", "application/x-msgpack"),
    Reply("json-as-text-plain", 200, js({"id": "t1", "status": "completed"}), "text/plain"),
    Reply("ten-mb-garbage", 200, b"\xff" * TEN_MB, "application/octet-stream"),
    Reply("ten-mb-answer", 200, js(BIG_ANSWER)),
    Reply("error-404-html", 404, b"<html>Not Found</html>", "text/html"),
    Reply("error-400-array", 400, b"[1, 2]"),
    Reply("error-500-null", 500, b"null"),
    Reply("error-429-garbage", 429, b"slow down", "text/plain"),
    Reply("error-401-truncated", 401, b'{"code": 16, "mess'),
]

Call = Callable[[Client], object]
CALLS: dict[str, Call] = {
    "responses.create": lambda c: c.responses.create(input="hi"),
    "responses.retrieve": lambda c: c.responses.retrieve("t1"),
    "responses.wait": lambda c: c.responses.wait("t1", timeout=0.05, poll_interval=0.01),
    "responses.delete": lambda c: c.responses.delete("t1"),
    "tasks.create": lambda c: c.tasks.create("hi"),
    "tasks.retrieve": lambda c: c.tasks.retrieve("t1"),
    "tasks.list": lambda c: c.tasks.list(limit=5),
    "tasks.update": lambda c: c.tasks.update("t1", title="New"),
    "tasks.delete": lambda c: c.tasks.delete("t1"),
    "projects.create": lambda c: c.projects.create("Research"),
    "projects.list": lambda c: c.projects.list(),
    "files.retrieve": lambda c: c.files.retrieve("file-1"),
    "files.list": lambda c: c.files.list(),
    "files.delete": lambda c: c.files.delete("file-1"),
    "files.upload": lambda c: c.files.upload(b"a,b", filename="a.csv"),
    "webhooks.create": lambda c: c.webhooks.create("https://example.com/hook"),
    "webhooks.public_key": lambda c: c.webhooks.public_key(),
}

ACCESSORS = ("output_text", "output_files", "task_url", "credit_usage", "share_url", "task_title")
INTERNAL_BUGS = (AttributeError, KeyError, TypeError, IndexError)


def make_client(flavour: str, reply: Reply) -> Client:
    transport = httpx.MockTransport(reply.response)
    client: Client
    if flavour == "async":
        client = AsyncManusOpenAI(
            responses_view="manus", api_key=TEST_KEY, max_retries=0, http_client=httpx.AsyncClient(transport=transport)
        )

        async def sleep(_seconds: float) -> None:
            return None

    else:
        client = ManusOpenAI(
            responses_view="manus", api_key=TEST_KEY, max_retries=0, http_client=httpx.Client(transport=transport)
        )

        def sleep(_seconds: float) -> None:  # type: ignore[misc]  # the sync twin of the async sleep above
            return None

    ticks = iter(range(10**6))
    # Test seams (plain attributes of the resources): no real sleeping, and wait() times out after a few polls.
    responses: Any = client.responses
    files: Any = client.files
    responses._sleep = files._sleep = sleep
    responses._monotonic = lambda: float(next(ticks))
    return client


async def settle(result: object) -> object:
    """Await a coroutine; collect every item of a page (the first page only: the transport repeats)."""
    if inspect.isawaitable(result):
        result = await result
    data = getattr(result, "data", None)
    return list(data) if isinstance(data, list) else result


def read_accessors(result: object) -> None:
    for item in result if isinstance(result, list) else [result]:
        for name in ACCESSORS:
            if hasattr(type(item), name):
                getattr(item, name)
        for f in getattr(item, "output_files", []) if hasattr(type(item), "output_files") else []:
            _ = (f.file_url, f.file_name, f.mime_type)
        repr(item)


@pytest.mark.parametrize("reply", REPLIES, ids=[r.id for r in REPLIES])
@pytest.mark.parametrize("call", list(CALLS), ids=list(CALLS))
@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_a_malformed_answer_gives_a_typed_error_or_a_readable_result(
    flavour: str, call: str, reply: Reply
) -> None:
    client = make_client(flavour, reply)
    try:
        result = await settle(CALLS[call](client))
        read_accessors(result)
        expected_model = _expected_type(call)
        if expected_model is not None:
            items = result if isinstance(result, list) else [result]
            assert all(isinstance(item, expected_model) for item in items), (
                f"{call} on {reply.id} returned {type(result).__name__}, not a {expected_model.__name__}: "
                "a garbage answer must raise, not be handed back as another type"
            )
    except (openai.APIError, ManusError):
        pass  # typed: the caller can catch it
    except INTERNAL_BUGS:
        pytest.fail(f"{call} on {reply.id} raised from inside the library:\n{traceback.format_exc()}")
    finally:
        if isinstance(client, AsyncOpenAI):
            await client.close()
        else:
            client.close()


def _expected_type(call: str) -> type | None:
    from manus_openai import ManusResponse
    from manus_openai.types import File, FileDeleted, Project, Task, TaskCreated, TaskDeleted, TaskUpdated
    from manus_openai.types.webhook import WebhookCreated, WebhookPublicKey

    return {
        "responses.create": ManusResponse,
        "responses.retrieve": ManusResponse,
        "responses.wait": ManusResponse,
        "tasks.create": TaskCreated,
        "tasks.retrieve": Task,
        "tasks.list": Task,
        "tasks.update": TaskUpdated,
        "tasks.delete": TaskDeleted,
        "projects.create": Project,
        "projects.list": Project,
        "files.retrieve": File,
        "files.list": File,
        "files.delete": FileDeleted,
        "files.upload": File,
        "webhooks.create": WebhookCreated,
        "webhooks.public_key": WebhookPublicKey,
    }.get(call)


def _json_or_none(content: bytes) -> object:
    try:
        return json.loads(content)
    except ValueError:
        return None


JSON_REPLIES = [r for r in REPLIES if r.status == 200 and _json_or_none(r.content) is not None]


@pytest.mark.parametrize("reply", JSON_REPLIES, ids=[r.id for r in JSON_REPLIES])
def test_accessors_never_raise_on_a_constructed_garbage_response(reply: Reply) -> None:
    from manus_openai import ManusResponse
    from manus_openai._compat import construct_type
    from manus_openai.types import Task

    value = json.loads(reply.content)
    for model in (ManusResponse, Task):
        built = construct_type(type_=model, value=value)
        if isinstance(built, model):
            read_accessors(built)
            assert isinstance(built.output_text, str)
            assert isinstance(built.output_files, list)
            assert built.credit_usage is None or isinstance(built.credit_usage, int)
            assert built.task_url is None or isinstance(built.task_url, str)


def test_a_hostile_conversation_keeps_what_can_be_read() -> None:
    from manus_openai import ManusResponse
    from manus_openai._compat import construct_type

    built = construct_type(type_=ManusResponse, value=HOSTILE_CONVERSATION)
    assert isinstance(built, ManusResponse)
    assert built.status == "completed"
    assert built.output_text == ""  # only output_text parts count; a bare string content is not one
    assert built.task_url is None  # 42 is not a URL
    assert built.credit_usage is None  # "lots" is not a number
    assert [(f.file_url, f.file_name, f.mime_type) for f in built.output_files] == [(None, None, None)]


def test_the_sdk_hooks_the_checks_rely_on_keep_their_shape() -> None:
    import openai._base_client as base

    from manus_openai._compat import FinalRequestOptions

    for client in (base.SyncAPIClient, base.AsyncAPIClient):
        params = inspect.signature(client._process_response).parameters
        assert {"cast_to", "options", "response"} <= set(params), client
    assert "post_parser" in FinalRequestOptions.model_fields


def test_a_garbage_body_names_the_request_and_keeps_the_response() -> None:
    reply = Reply("html-200", 200, b"<html><body>Down for maintenance</body></html>", "text/html")
    client = make_client("sync", reply)
    assert isinstance(client, ManusOpenAI)
    with client, pytest.raises(openai.APIResponseValidationError) as info:
        client.tasks.retrieve("t1")
    assert "GET /v1/tasks/t1" in str(info.value)
    assert "Down for maintenance" in str(info.value)
    assert info.value.response.status_code == 200


def test_a_conversation_with_echoed_user_turns_serialises_without_warnings() -> None:
    from manus_openai import ManusResponse
    from manus_openai._compat import construct_type
    from tests.conftest import response_body

    built = construct_type(type_=ManusResponse, value=response_body("t1", "completed"))
    assert isinstance(built, ManusResponse)
    # filterwarnings=error: a pydantic serializer warning would fail here
    assert json.loads(built.to_json())["output"][0]["role"] == "user"
    assert built.to_dict()["createdAt"] == "1760348691"
