"""v2 credentials (API key or OAuth token, never both) and v2 errors as the SDK's typed errors."""

from __future__ import annotations

import logging

import httpx
import openai
import pytest
import respx

from manus_openai import AsyncManusOpenAI, ManusError, ManusOpenAI
from tests.conftest import BASE_URL, TEST_KEY
from tests.v2.conftest import AnyClient, call, ok

TOKEN = "oauth-SECRET-token-42"
TASK = {"task": {"id": "t1", "status": "running"}}


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MANUS_API_KEY", "MANUS_OAUTH_TOKEN", "MANUS_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("cls", [ManusOpenAI, AsyncManusOpenAI])
def test_key_and_token_together_are_refused_at_construction(cls: type[ManusOpenAI]) -> None:
    with pytest.raises(ManusError, match="not both"):
        cls(api_key=TEST_KEY, oauth_token=TOKEN)


def test_both_in_the_environment_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MANUS_API_KEY", TEST_KEY)
    monkeypatch.setenv("MANUS_OAUTH_TOKEN", TOKEN)
    with pytest.raises(ManusError, match="MANUS_API_KEY and MANUS_OAUTH_TOKEN"):
        ManusOpenAI()


def test_explicit_token_beats_a_key_in_the_environment(
    monkeypatch: pytest.MonkeyPatch, router: respx.MockRouter
) -> None:
    monkeypatch.setenv("MANUS_API_KEY", TEST_KEY)
    route = router.get("/v2/task.detail").respond(json=ok(**TASK))
    with ManusOpenAI(oauth_token=TOKEN, base_url=BASE_URL) as client:
        client.v2.tasks.retrieve("t1")
    headers = route.calls.last.request.headers
    assert headers["authorization"] == f"Bearer {TOKEN}"
    assert "x-manus-api-key" not in headers
    assert "api_key" not in headers


def test_token_from_the_environment_is_used(monkeypatch: pytest.MonkeyPatch, router: respx.MockRouter) -> None:
    monkeypatch.setenv("MANUS_OAUTH_TOKEN", TOKEN)
    route = router.get("/v2/task.detail").respond(json=ok(**TASK))
    with ManusOpenAI(base_url=BASE_URL) as client:
        client.v2.tasks.retrieve("t1")
    assert route.calls.last.request.headers["authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize(
    "dotted",
    ["v2.webhooks.public_key", "v2.usage.available_credits", "v2.agents.list", "v2.webhooks.list"],
)
async def test_api_key_only_endpoints_refuse_a_token_before_sending(dotted: str, router: respx.MockRouter) -> None:
    for client in (
        ManusOpenAI(oauth_token=TOKEN, base_url=BASE_URL),
        AsyncManusOpenAI(oauth_token=TOKEN, base_url=BASE_URL),
    ):
        with pytest.raises(ManusError, match="accepts only an API key"):
            await call(client, dotted)
        await call(client, "close")
    assert not router.calls


def test_v1_call_on_a_token_only_client_is_refused_before_sending(router: respx.MockRouter) -> None:
    with (
        ManusOpenAI(oauth_token=TOKEN, base_url=BASE_URL, responses_backend="v1") as client,
        pytest.raises(ManusError, match="v1 endpoint"),
    ):
        client.responses.retrieve("t1")
    assert not router.calls


@pytest.mark.parametrize("method", ["copy", "with_options"])
def test_copy_keeps_the_token_and_a_new_key_replaces_it(method: str, router: respx.MockRouter) -> None:
    route = router.get("/v2/task.detail").respond(json=ok(**TASK))
    with ManusOpenAI(oauth_token=TOKEN, base_url=BASE_URL) as client:
        getattr(client, method)(timeout=5).v2.tasks.retrieve("t1")
        assert route.calls.last.request.headers["authorization"] == f"Bearer {TOKEN}"
        getattr(client, method)(api_key=TEST_KEY).v2.tasks.retrieve("t1")
        assert route.calls.last.request.headers["x-manus-api-key"] == TEST_KEY
        assert "authorization" not in route.calls.last.request.headers
        with ManusOpenAI(api_key=TEST_KEY, base_url=BASE_URL) as keyed:
            keyed.copy(oauth_token=TOKEN).v2.tasks.retrieve("t1")
        assert route.calls.last.request.headers["authorization"] == f"Bearer {TOKEN}"


def test_the_key_never_reaches_a_debug_log(router: respx.MockRouter, caplog: pytest.LogCaptureFixture) -> None:
    router.post("/v2/task.create").respond(json=ok(task_id="t1"))
    caplog.set_level(logging.DEBUG)
    with ManusOpenAI(api_key=TEST_KEY, base_url=BASE_URL) as client:
        client.v2.tasks.create("hi")
    with ManusOpenAI(oauth_token=TOKEN, base_url=BASE_URL) as client:
        client.v2.tasks.create("hi")
    assert TEST_KEY not in caplog.text
    assert TOKEN not in caplog.text


def _error(code: str, status: int, message: str = "nope") -> httpx.Response:
    return httpx.Response(
        status, json={"ok": False, "request_id": "req_9", "error": {"code": code, "message": message}}
    )


@pytest.mark.parametrize(
    ("code", "status", "cls"),
    [
        ("rate_limited", 429, openai.RateLimitError),
        ("unauthenticated", 401, openai.AuthenticationError),
        ("permission_denied", 403, openai.PermissionDeniedError),
        ("permission_denied", 401, openai.PermissionDeniedError),
        ("invalid_argument", 400, openai.BadRequestError),
        ("not_found", 404, openai.NotFoundError),
        ("internal", 500, openai.InternalServerError),
        ("QuotaExceededError", 400, openai.BadRequestError),
    ],
)
async def test_v2_error_codes_become_typed_errors_keeping_code_message_and_request_id(
    client: AnyClient, router: respx.MockRouter, code: str, status: int, cls: type[openai.APIStatusError]
) -> None:
    router.get("/v2/task.detail").mock(return_value=_error(code, status, "Rate limit exceeded"))
    with pytest.raises(cls) as caught:
        await call(client.with_options(max_retries=0), "v2.tasks.retrieve", "t1")
    assert caught.value.code == code
    assert caught.value.message == "Rate limit exceeded"
    assert caught.value.request_id == "req_9"
    assert TEST_KEY not in str(caught.value)


@pytest.mark.parametrize(
    ("reply", "cls", "code"),
    [
        (httpx.Response(502, text="<html>Bad gateway</html>"), openai.InternalServerError, "http_502"),
        (httpx.Response(400, json={"ok": False, "request_id": "r"}), openai.BadRequestError, "http_400"),
        (
            httpx.Response(200, json={"ok": False, "request_id": "r", "error": {"code": "not_found", "message": "x"}}),
            openai.NotFoundError,
            "not_found",
        ),
    ],
)
async def test_a_body_that_is_not_the_envelope_is_a_typed_error(
    client: AnyClient, router: respx.MockRouter, reply: httpx.Response, cls: type[openai.APIStatusError], code: str
) -> None:
    router.get("/v2/task.detail").mock(return_value=reply)
    with pytest.raises(cls) as caught:
        await call(client.with_options(max_retries=0), "v2.tasks.retrieve", "t1")
    assert caught.value.code == code


async def test_a_200_that_is_not_json_is_a_validation_error(client: AnyClient, router: respx.MockRouter) -> None:
    router.get("/v2/task.detail").respond(200, text="<html>maintenance</html>", headers={"content-type": "text/html"})
    with pytest.raises(openai.APIResponseValidationError):
        await call(client, "v2.tasks.retrieve", "t1")


async def test_create_is_not_resent_after_a_5xx(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.post("/v2/task.create").mock(return_value=_error("internal", 500))
    with pytest.raises(openai.InternalServerError):
        await call(client, "v2.tasks.create", "hi")
    assert route.call_count == 1


async def test_create_is_resent_after_a_429(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.post("/v2/task.create").mock(
        side_effect=[
            httpx.Response(429, json={"ok": False, "error": {"code": "rate_limited"}}, headers={"retry-after-ms": "1"}),
            httpx.Response(200, json=ok(task_id="t1")),
        ]
    )
    created = await call(client, "v2.tasks.create", "hi")
    assert created.task_id == "t1"
    assert route.call_count == 2


async def test_send_message_is_not_resent_after_a_timeout(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.post("/v2/task.sendMessage").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(openai.APITimeoutError):
        await call(client, "v2.tasks.send_message", "t1", "more")
    assert route.call_count == 1


async def test_reads_keep_the_sdk_retries(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.get("/v2/task.detail").mock(
        side_effect=[
            httpx.Response(503, json={"ok": False, "error": {"code": "unavailable"}}, headers={"retry-after-ms": "1"}),
            httpx.Response(200, json=ok(**TASK)),
        ]
    )
    assert (await call(client, "v2.tasks.retrieve", "t1")).id == "t1"
    assert route.call_count == 2


@pytest.mark.parametrize("header", ["x-manus-api-key", "API_KEY"])
def test_a_per_request_key_overrides_the_clients_and_stays_out_of_logs(
    header: str, router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    route = router.get("/v2/task.detail").respond(json=ok(**TASK))
    caplog.set_level(logging.DEBUG)
    with ManusOpenAI(api_key=TEST_KEY, base_url=BASE_URL) as client:
        client.v2.tasks.retrieve("t1", extra_headers={header: "mk-other-SECRET"})
    headers = route.calls.last.request.headers
    assert headers["x-manus-api-key"] == "mk-other-SECRET"
    assert "api_key" not in headers
    assert "mk-other-SECRET" not in caplog.text


def test_a_per_request_authorization_replaces_the_key(router: respx.MockRouter) -> None:
    route = router.get("/v2/task.detail").respond(json=ok(**TASK))
    with ManusOpenAI(api_key=TEST_KEY, base_url=BASE_URL) as client:
        client.v2.tasks.retrieve("t1", extra_headers={"Authorization": f"Bearer {TOKEN}"})
    headers = route.calls.last.request.headers
    assert headers["authorization"] == f"Bearer {TOKEN}"
    assert "x-manus-api-key" not in headers
