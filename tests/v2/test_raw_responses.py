"""``with_raw_response`` / ``with_streaming_response`` on ``client.v2`` and every v2 resource (sync and async).

respx: every single-request method's raw and streamed forms send the plain call's request, expose the
HTTP response (headers, status) and ``.parse()`` to what the plain call returns; lists parse to the
cursor page, which still walks its following pages; errors and the create policy are unchanged.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import openai
import pytest
import respx

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.types.v2 import StatusUpdateEvent, V2Task
from manus_openai.v2 import AsyncCursorPage, AsyncEventPage, SyncCursorPage, SyncEventPage
from tests.v2.conftest import AnyClient, call, collect, ok
from tests.v2.test_request_shapes import CASES, LISTS, TASK

RESOURCES = (
    "tasks",
    "files",
    "projects",
    "webhooks",
    "browsers",
    "connectors",
    "skills",
    "agents",
    "usage",
    "websites",
)
HEADERS = {"x-request-id": "req_from_header"}


def viewed(dotted: str, view: str) -> str:
    """``v2.tasks.create`` -> ``v2.tasks.<view>.create``."""
    head, method = dotted.rsplit(".", 1)
    return f"{head}.{view}.{method}"


def resolve(client: AnyClient, dotted: str) -> Any:
    target: Any = client
    for name in dotted.split("."):
        target = getattr(target, name)
    return target


async def streamed(client: AnyClient, dotted: str, *args: Any, **kwargs: Any) -> tuple[Any, Any, bool]:
    """Open ``client.<dotted>(...)`` (a streaming view) and return (response, parsed, closed after exit)."""
    manager = resolve(client, dotted)(*args, **kwargs)
    if isinstance(client, AsyncManusOpenAI):
        async with manager as response:
            parsed = await response.parse()
    else:
        with manager as response:
            parsed = response.parse()
    return response, parsed, response.http_response.is_closed


def _sent(request: httpx.Request, method: str) -> dict[str, Any]:
    if method == "GET":
        return dict(request.url.params)
    return json.loads(request.content)  # type: ignore[no-any-return]  # a JSON object body


CASE_IDS = [c[0] for c in CASES]
CASE_ARGS = ("dotted", "args", "kwargs", "method", "endpoint", "sent", "reply")


@pytest.mark.parametrize(CASE_ARGS, CASES, ids=CASE_IDS)
async def test_raw_response_exposes_headers_and_parses_to_the_plain_result(
    client: AnyClient,
    router: respx.MockRouter,
    dotted: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    method: str,
    endpoint: str,
    sent: dict[str, Any],
    reply: dict[str, Any],
) -> None:
    route = router.route(method=method, path=f"/v2/{endpoint}").respond(json=ok(**reply), headers=HEADERS)
    raw = await call(client, viewed(dotted, "with_raw_response"), *args, **kwargs)
    assert route.call_count == 1
    assert _sent(route.calls.last.request, method) == sent
    assert raw.headers["x-request-id"] == "req_from_header"
    assert raw.request_id == "req_from_header"
    assert raw.status_code == 200
    assert raw.http_request.headers["x-manus-api-key"]
    parsed = raw.parse()
    plain = await call(client, dotted, *args, **kwargs)
    assert type(parsed) is type(plain)
    assert parsed == plain


@pytest.mark.parametrize(CASE_ARGS, CASES, ids=CASE_IDS)
async def test_streaming_response_parses_to_the_plain_result_and_closes(
    client: AnyClient,
    router: respx.MockRouter,
    dotted: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    method: str,
    endpoint: str,
    sent: dict[str, Any],
    reply: dict[str, Any],
) -> None:
    route = router.route(method=method, path=f"/v2/{endpoint}").respond(json=ok(**reply), headers=HEADERS)
    response, parsed, closed = await streamed(client, viewed(dotted, "with_streaming_response"), *args, **kwargs)
    assert route.call_count == 1
    assert _sent(route.calls.last.request, method) == sent
    assert response.headers["x-request-id"] == "req_from_header"
    assert closed
    plain = await call(client, dotted, *args, **kwargs)
    assert type(parsed) is type(plain)
    assert parsed == plain


@pytest.mark.parametrize(("dotted", "kwargs", "endpoint", "query", "item"), LISTS, ids=[c[0] for c in LISTS])
async def test_raw_list_parses_to_the_typed_cursor_page(
    client: AnyClient,
    router: respx.MockRouter,
    dotted: str,
    kwargs: dict[str, Any],
    endpoint: str,
    query: dict[str, str],
    item: dict[str, Any],
) -> None:
    route = router.get(f"/v2/{endpoint}").respond(json=ok(data=[item]), headers=HEADERS)
    raw = await call(client, viewed(dotted, "with_raw_response"), **kwargs)
    assert dict(route.calls.last.request.url.params) == query
    assert raw.headers["x-request-id"] == "req_from_header"
    page = raw.parse()
    assert isinstance(page, (AsyncCursorPage if isinstance(client, AsyncManusOpenAI) else SyncCursorPage))
    plain = await collect(await call(client, dotted, **kwargs))
    assert page.data == plain
    assert type(page.data[0]) is type(plain[0])


async def test_raw_list_page_still_walks_the_following_pages(client: AnyClient, router: respx.MockRouter) -> None:
    second = {**TASK, "id": "t2"}

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("cursor") == "c2":
            return httpx.Response(200, json=ok(data=[second], has_more=False))
        return httpx.Response(200, json=ok(data=[TASK], has_more=True, next_cursor="c2"), headers=HEADERS)

    route = router.get("/v2/task.list").mock(side_effect=answer)
    raw = await call(client, "v2.tasks.with_raw_response.list", limit=1)
    page = raw.parse()
    assert page.has_more
    assert page.next_cursor == "c2"
    tasks = await collect(page)
    assert [t.id for t in tasks] == ["t1", "t2"]
    assert all(isinstance(t, V2Task) for t in tasks)
    assert [r.request.url.params.get("cursor") for r in route.calls] == [None, "c2"]
    assert route.calls.last.request.url.params["limit"] == "1"


async def test_streamed_list_messages_parses_to_the_typed_event_page(
    client: AnyClient, router: respx.MockRouter
) -> None:
    event = {"id": "e1", "type": "status_update", "timestamp": 1, "status_update": {"agent_status": "running"}}
    router.get("/v2/task.listMessages").respond(json=ok(task_id="t1", has_more=False, messages=[event]))
    _, page, _ = await streamed(client, "v2.tasks.with_streaming_response.list_messages", "t1", order="asc")
    assert isinstance(page, (AsyncEventPage if isinstance(client, AsyncManusOpenAI) else SyncEventPage))
    assert [type(e) for e in page.events] == [StatusUpdateEvent]


@pytest.mark.parametrize("view", ["with_raw_response", "with_streaming_response"])
@pytest.mark.parametrize("resource", RESOURCES)
async def test_every_resource_has_both_views_reachable_three_ways(view: str, resource: str) -> None:
    with ManusOpenAI(api_key="mk") as sync_client:
        async with AsyncManusOpenAI(api_key="mk") as async_client:
            for client in (sync_client, async_client):
                own = getattr(getattr(client.v2, resource), view)
                assert getattr(getattr(client.v2, view), resource) is own
                assert getattr(getattr(client, view).v2, resource) is own
                assert type(own).__name__.endswith(("WithRawResponse", "WithStreamingResponse"))


async def test_raw_view_raises_the_typed_v2_error(client: AnyClient, router: respx.MockRouter) -> None:
    body = {"ok": False, "request_id": "req_e", "error": {"code": "not_found", "message": "no such task"}}
    router.get("/v2/task.detail").respond(404, json=body)
    with pytest.raises(openai.NotFoundError) as caught:
        await call(client, "v2.tasks.with_raw_response.retrieve", "t404")
    assert (caught.value.code, caught.value.request_id) == ("not_found", "req_e")
    with pytest.raises(openai.NotFoundError):
        await streamed(client, "v2.tasks.with_streaming_response.retrieve", "t404")


async def test_raw_view_refuses_an_ok_false_envelope_on_2xx(client: AnyClient, router: respx.MockRouter) -> None:
    body = {"ok": False, "request_id": "req_e", "error": {"code": "permission_denied", "message": "nope"}}
    router.get("/v2/task.detail").respond(200, json=body)
    with pytest.raises(openai.PermissionDeniedError):
        await call(client, "v2.tasks.with_raw_response.retrieve", "t1")


async def test_raw_view_validates_before_sending(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.post("/v2/task.update").respond(json=ok())
    with pytest.raises(ValueError, match="at least one of title"):
        await call(client, "v2.tasks.with_raw_response.update", "t1")
    with pytest.raises(ValueError, match="share_visibility"):
        await call(client, "v2.tasks.with_raw_response.update", "t1", share_visibility="everyone")
    assert route.call_count == 0


async def test_raw_create_is_not_resent_after_a_5xx(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.post("/v2/task.create").respond(500, json={"ok": False, "error": {"code": "internal"}})
    with pytest.raises(openai.InternalServerError):
        await call(client, "v2.tasks.with_raw_response.create", "hi")
    assert route.call_count == 1


async def test_raw_create_is_resent_after_a_429(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.post("/v2/task.create").mock(
        side_effect=[
            httpx.Response(429, json={"ok": False, "error": {"code": "rate_limited"}}, headers={"retry-after-ms": "1"}),
            httpx.Response(200, json=ok(task_id="t1")),
        ]
    )
    raw = await call(client, "v2.tasks.with_raw_response.create", "hi")
    assert raw.parse().task_id == "t1"
    assert route.call_count == 2


async def test_raw_confirm_keeps_stays_waiting(client: AnyClient, router: respx.MockRouter) -> None:
    from manus_openai.types.v2 import StatusDetail
    from manus_openai.v2 import confirmations

    router.post("/v2/task.confirmAction").respond(json=ok(task_id="t1", confirmed=True))
    waiting = StatusDetail(waiting_for_event_id="evt_1", waiting_for_event_type="gmailSendAction")
    raw = await call(client, "v2.tasks.with_raw_response.confirm", "t1", waiting, confirmations.reject())
    assert raw.parse().stays_waiting is True


async def test_raw_public_key_always_asks_and_refreshes_the_cache(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.get("/v2/webhook.publicKey").mock(
        side_effect=[
            httpx.Response(200, json=ok(public_key="OLD", algorithm="RSA-SHA256")),
            httpx.Response(200, json=ok(public_key="NEW", algorithm="RSA-SHA256")),
        ]
    )
    assert (await call(client, "v2.webhooks.public_key")).public_key == "OLD"
    raw = await call(client, "v2.webhooks.with_raw_response.public_key")
    assert raw.parse().public_key == "NEW"
    assert (await call(client, "v2.webhooks.public_key")).public_key == "NEW"  # from the cache
    assert route.call_count == 2


async def test_raw_parse_to_another_type_is_not_unwrapped(client: AnyClient, router: respx.MockRouter) -> None:
    class MyEnvelope(openai.BaseModel):
        ok: bool
        task: dict[str, Any]

    router.get("/v2/task.detail").respond(json=ok(task=TASK))
    raw = await call(client, "v2.tasks.with_raw_response.retrieve", "t1")
    mine = raw.parse(to=MyEnvelope)
    assert isinstance(mine, MyEnvelope)
    assert mine.task["id"] == "t1"
    assert isinstance(raw.parse(to=httpx.Response), httpx.Response)
    assert isinstance(raw.parse(), V2Task)


async def test_streamed_view_refuses_an_ok_false_envelope_on_2xx(client: AnyClient, router: respx.MockRouter) -> None:
    # The body of a streamed response is read only at .parse(): the envelope is checked there.
    body = {"ok": False, "request_id": "req_e", "error": {"code": "permission_denied", "message": "nope"}}
    router.get("/v2/task.detail").respond(200, json=body)
    router.get("/v2/task.list").respond(200, json=body)
    with pytest.raises(openai.PermissionDeniedError) as caught:
        await streamed(client, "v2.tasks.with_streaming_response.retrieve", "t1")
    assert (caught.value.code, caught.value.request_id) == ("permission_denied", "req_e")
    with pytest.raises(openai.PermissionDeniedError):
        await streamed(client, "v2.tasks.with_streaming_response.list")


# (dotted method, args, HTTP method, endpoint, the payload field the answer must carry)
PAYLOADS = [
    ("v2.tasks.retrieve", ("t1",), "GET", "task.detail", "task"),
    ("v2.files.retrieve", ("f1",), "GET", "file.detail", "file"),
    ("v2.projects.create", ("Research",), "POST", "project.create", "project"),
    ("v2.agents.retrieve", ("agent-default",), "GET", "agent.detail", "agent"),
    ("v2.usage.available_credits", (), "GET", "usage.availableCredits", "data"),
    ("v2.webhooks.create", ("https://example.com/h",), "POST", "webhook.create", "webhook"),
]


@pytest.mark.parametrize("view", ["", "with_raw_response", "with_streaming_response"])
@pytest.mark.parametrize(("dotted", "args", "method", "endpoint", "field"), PAYLOADS, ids=[p[0] for p in PAYLOADS])
async def test_an_answer_without_its_payload_is_a_typed_error_not_none(
    client: AnyClient,
    router: respx.MockRouter,
    view: str,
    dotted: str,
    args: tuple[Any, ...],
    method: str,
    endpoint: str,
    field: str,
) -> None:
    router.route(method=method, path=f"/v2/{endpoint}").respond(json=ok())

    async def attempt() -> object:
        if view == "with_streaming_response":
            return await streamed(client, viewed(dotted, view), *args)
        if view:
            return (await call(client, viewed(dotted, view), *args)).parse()
        return await call(client, dotted, *args)

    with pytest.raises(openai.APIResponseValidationError, match=f"without the `{field}` object"):
        await attempt()
