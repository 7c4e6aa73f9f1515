"""The Responses contract on the wire (httpx.MockTransport): blocking create, timeout, cancel, forks, views."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import openai
import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.errors import ForkRefusedError, ResponseTimeoutError, UnsupportedArgumentError
from tests.conftest import BASE_URL, TEST_KEY


def message(role: str, text: str) -> dict[str, Any]:
    return {"id": f"{role}-{text}", "role": role, "type": "message", "status": "completed",
            "content": [{"type": "output_text", "text": text}]}  # fmt: skip


class Task:
    """One scripted Manus task: GETs walk through ``states``; POST /v2/task.stop stops it."""

    def __init__(self, *states: tuple[str, list[dict[str, Any]]]) -> None:
        self.states = list(states)
        self.requests: list[httpx.Request] = []
        self.stopped = False

    def body(self, status: str, output: list[dict[str, Any]]) -> dict[str, Any]:
        return {"id": "T", "object": "response", "status": status, "model": "manus-1.6-agent",
                "createdAt": "1760348691", "metadata": {"task_url": "https://manus.im/app/T", "credit_usage": "7"},
                "output": output}  # fmt: skip

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        path = request.url.path
        if path == "/v2/task.stop":
            self.stopped = True
            return httpx.Response(200, json={"ok": True, "request_id": "req_1"})
        if self.stopped:
            return httpx.Response(200, json=self.body("completed", self.states[0][1]))
        status, output = (
            self.states[0]
            if request.method == "POST"
            else self.states.pop(0)
            if len(self.states) > 1
            else self.states[0]
        )
        return httpx.Response(200, json=self.body(status, output))

    def sent(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and r.url.path == path]


ASKED = [message("user", "q")]
ANSWERED = [message("user", "q"), message("assistant", "Blue.")]


def sync_client(task: Task, **kwargs: Any) -> ManusOpenAI:
    kwargs.setdefault("responses_backend", "v1")  # the scripted Task fake serves /v1/responses
    client = ManusOpenAI(api_key=TEST_KEY, base_url=BASE_URL, max_retries=0,
                         http_client=httpx.Client(transport=httpx.MockTransport(task)), **kwargs)  # fmt: skip
    client.responses._sleep = lambda _s: None  # type: ignore[method-assign]
    return client


def async_client(task: Task, **kwargs: Any) -> AsyncManusOpenAI:
    async def no_sleep(_s: float) -> None:
        return None

    kwargs.setdefault("responses_backend", "v1")  # the scripted Task fake serves /v1/responses
    client = AsyncManusOpenAI(api_key=TEST_KEY, base_url=BASE_URL, max_retries=0,
                              http_client=httpx.AsyncClient(transport=httpx.MockTransport(task)), **kwargs)  # fmt: skip
    client.responses._sleep = no_sleep  # type: ignore[method-assign]
    return client


def test_blocking_create_returns_the_finished_turn() -> None:
    task = Task(("running", ASKED), ("running", ASKED), ("completed", ANSWERED))
    with sync_client(task) as client:
        r = client.responses.create(model="gpt-4o", input="q")
    assert (r.id, r.status, r.manus_status, r.output_text) == ("T~1", "completed", "completed", "Blue.")
    assert len(task.sent("GET", "/v1/responses/T")) == 3
    assert "model" not in json.loads(task.sent("POST", "/v1/responses")[0].content)
    assert r.credit_usage == 7
    assert r.usage is not None


async def test_blocking_create_returns_the_finished_turn_async() -> None:
    task = Task(("running", ASKED), ("completed", ANSWERED))
    async with async_client(task) as client:
        r = await client.responses.create(input="q")
    assert (r.id, r.status, r.output_text) == ("T~1", "completed", "Blue.")


def test_background_returns_at_once_in_progress() -> None:
    task = Task(("running", ASKED))
    with sync_client(task) as client:
        r = client.responses.create(input="q", background=True)
    assert (r.status, r.background, r.output, r.output_text) == ("in_progress", True, [], "")
    assert task.sent("GET", "/v1/responses/T") == []
    assert "background" not in json.loads(task.sent("POST", "/v1/responses")[0].content)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_timeout_is_an_api_timeout_error_carrying_the_response_id() -> None:
    task = Task(("running", ASKED))
    clock = Clock()
    with sync_client(task) as client:
        client.responses._sleep = clock.sleep  # type: ignore[method-assign]
        client.responses._monotonic = lambda: clock.now  # type: ignore[method-assign]
        with pytest.raises(openai.APITimeoutError) as info:
            client.responses.create(input="q", timeout=30)
        err = info.value
        assert isinstance(err, ResponseTimeoutError)
        assert err.response_id == "T~1"
        assert "T~1" in str(err)
        assert err.response is not None
        assert err.response.status == "in_progress"
        assert clock.now <= 30
        assert client.responses.retrieve(err.response_id).status == "in_progress"  # the task is findable


async def test_timeout_is_an_api_timeout_error_async() -> None:
    task = Task(("running", ASKED))
    clock = Clock()
    async with async_client(task) as client:

        async def sleep(seconds: float) -> None:
            clock.sleep(seconds)

        client.responses._sleep = sleep  # type: ignore[method-assign]
        client.responses._monotonic = lambda: clock.now  # type: ignore[method-assign]
        with pytest.raises(ResponseTimeoutError) as info:
            await client.responses.create(input="q", timeout=10)
    assert info.value.response_id == "T~1"


def test_client_timeout_bounds_a_call_without_one() -> None:
    task = Task(("running", ASKED))
    clock = Clock()
    with sync_client(task, timeout=20) as client:
        client.responses._sleep = clock.sleep  # type: ignore[method-assign]
        client.responses._monotonic = lambda: clock.now  # type: ignore[method-assign]
        with pytest.raises(ResponseTimeoutError):
            client.responses.create(input="q")
    assert 0 < clock.now <= 20


REFUSED: list[dict[str, Any]] = [
    {"tools": [{"type": "function", "name": "get_weather", "parameters": {}}]},
    {"model": "claude-3-opus"},
    {"text": {"format": {"type": "json_object"}}},
]


@pytest.mark.parametrize("kwargs", REFUSED)
def test_refusals_happen_before_any_request(kwargs: dict[str, Any]) -> None:
    task = Task(("completed", ANSWERED))
    with sync_client(task) as client, pytest.raises(UnsupportedArgumentError):
        client.responses.create(input="q", **kwargs)
    assert task.requests == []


@pytest.mark.parametrize("kwargs", REFUSED)
async def test_refusals_happen_before_any_request_async(kwargs: dict[str, Any]) -> None:
    task = Task(("completed", ANSWERED))
    async with async_client(task) as client:
        with pytest.raises(UnsupportedArgumentError):
            await client.responses.create(input="q", **kwargs)
    assert task.requests == []


TWO_TURNS = [message("user", "q"), message("assistant", "a1"), message("user", "q2"), message("assistant", "a2")]


def test_continuing_the_latest_turn_continues_the_task() -> None:
    task = Task(("completed", TWO_TURNS))
    with sync_client(task) as client:
        r = client.responses.create(input="more", previous_response_id="T~2", background=True)
    body = json.loads(task.sent("POST", "/v1/responses")[0].content)
    assert body["previous_response_id"] == "T"
    assert r.previous_response_id == "T~2"


def test_a_fork_starts_a_new_task_carrying_the_conversation() -> None:
    task = Task(("completed", TWO_TURNS))
    with sync_client(task) as client:
        client.responses.create(input="again", previous_response_id="T~1", background=True)
    body = json.loads(task.sent("POST", "/v1/responses")[0].content)
    assert "previous_response_id" not in body
    texts = [p["text"] for p in body["input"][0]["content"]]
    assert texts == ["[user]\nq", "[assistant (earlier turn)]\na1", "[user]\nagain"]


@pytest.mark.parametrize("make", [sync_client])
def test_forks_can_be_refused(make: Callable[..., ManusOpenAI]) -> None:
    task = Task(("completed", TWO_TURNS))
    with make(task, forks="refuse") as client, pytest.raises(ForkRefusedError) as info:
        client.responses.create(input="again", previous_response_id="T~1")
    assert info.value.latest_turn == 2
    assert task.sent("POST", "/v1/responses") == []


async def test_forks_can_be_refused_async() -> None:
    task = Task(("completed", TWO_TURNS))
    async with async_client(task, forks="refuse") as client:
        with pytest.raises(ForkRefusedError):
            await client.responses.create(input="again", previous_response_id="T~1")
    assert task.sent("POST", "/v1/responses") == []


def test_an_unknown_turn_is_not_found() -> None:
    task = Task(("completed", ANSWERED))
    with sync_client(task) as client:
        with pytest.raises(openai.NotFoundError):
            client.responses.retrieve("T~5")
        with pytest.raises(openai.NotFoundError):
            client.responses.create(input="x", previous_response_id="T~5")


def test_cancel_sends_v2_task_stop_on_the_same_task_id_and_is_idempotent() -> None:
    task = Task(("running", ASKED))
    with sync_client(task) as client:
        first = client.responses.cancel("T~1")
        second = client.responses.cancel("T~1")
    stops = task.sent("POST", "/v2/task.stop")
    assert len(stops) == 1
    assert json.loads(stops[0].content) == {"task_id": "T"}
    assert stops[0].headers["x-manus-api-key"] == TEST_KEY
    assert (first.status, second.status) == ("cancelled", "cancelled")


async def test_cancel_async() -> None:
    task = Task(("running", ASKED))
    async with async_client(task) as client:
        first = await client.responses.cancel("T")
        second = await client.responses.cancel("T~1")
    assert len(task.sent("POST", "/v2/task.stop")) == 1
    assert (first.status, second.status) == ("cancelled", "cancelled")


def test_cancel_of_a_finished_turn_sends_nothing() -> None:
    task = Task(("completed", ANSWERED))
    with sync_client(task) as client:
        assert client.responses.cancel("T~1").status == "completed"
    assert task.sent("POST", "/v2/task.stop") == []


def test_v2_refusal_with_ok_false_is_an_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v2/task.stop":
            return httpx.Response(200, json={"ok": False, "error": {"code": "not_found", "message": "no task"}})
        return httpx.Response(200, json=Task().body("running", ASKED))

    with (
        ManusOpenAI(
            api_key=TEST_KEY,
            base_url=BASE_URL,
            http_client=httpx.Client(transport=httpx.MockTransport(handler)),
            responses_backend="v1",  # reads are the v1 fake's; the stop goes to v2 on either backend
        ) as c,
        pytest.raises(Exception, match="not_found"),
    ):
        c.responses.cancel("T")


def test_manus_view_restores_the_raw_objects_and_create_returns_at_once() -> None:
    task = Task(("running", ASKED), ("completed", ANSWERED))
    with sync_client(task, responses_view="manus") as client:
        r = client.responses.create(input="q")
        assert (r.id, r.status) == ("T", "running")
        done = client.responses.wait(r.id)
        assert done.status == "completed"
        assert [m.role for m in done.output] == ["user", "assistant"]
        assert client.with_options(timeout=5).responses_view == "manus"
        assert client.copy(responses_view="openai").responses_view == "openai"


def test_bad_client_options_are_typed_errors() -> None:
    with pytest.raises(ValueError, match="responses_view"):
        ManusOpenAI(api_key=TEST_KEY, responses_view="raw")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="forks"):
        AsyncManusOpenAI(api_key=TEST_KEY, forks="sometimes")  # type: ignore[arg-type]


def test_raw_response_create_parses_to_the_finished_turn() -> None:
    task = Task(("running", ASKED), ("completed", ANSWERED))
    with sync_client(task) as client:
        raw = client.responses.with_raw_response.create(input="q")
        assert raw.http_response.status_code == 200
        assert raw.parse().output_text == "Blue."
        again = client.responses.with_raw_response.retrieve("T~1")
        assert again.parse().id == "T~1"


def test_input_items_list_pages_the_turns_inputs() -> None:
    task = Task(("completed", TWO_TURNS))
    with sync_client(task) as client:
        items = list(client.responses.input_items.list("T~2"))
    assert [(i.role, i.content[0].text) for i in items] == [("user", "q2")]  # type: ignore[union-attr]


async def test_input_items_list_async() -> None:
    task = Task(("completed", TWO_TURNS))
    async with async_client(task) as client:
        page = await client.responses.input_items.list("T~1")
        items = [i async for i in client.responses.input_items.list("T~1")]
    assert page.data[0].content[0].text == "q"  # type: ignore[union-attr]
    assert len(items) == 1


def test_a_body_that_is_not_a_response_is_a_typed_error_in_the_openai_view() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html>maintenance</html>", headers={"content-type": "text/html"})

    transport = httpx.MockTransport(handler)
    with ManusOpenAI(
        api_key=TEST_KEY, base_url=BASE_URL, max_retries=0, http_client=httpx.Client(transport=transport)
    ) as c:
        with pytest.raises(openai.APIResponseValidationError):
            c.responses.retrieve("T~1")
        with pytest.raises(openai.APIResponseValidationError):
            c.responses.create(input="q", background=True)


def test_create_and_wait_and_wait_keep_working_in_the_openai_view() -> None:
    task = Task(("running", ASKED), ("running", ASKED), ("completed", ANSWERED))
    seen: list[str] = []
    with sync_client(task) as client:
        done = client.responses.create_and_wait(input="q", timeout=60, on_update=lambda r: seen.append(r.status))
        assert (done.id, done.status, done.output_text) == ("T~1", "completed", "Blue.")
        assert client.responses.wait("T~1").status == "completed"
    assert seen == ["in_progress", "in_progress", "completed"]  # every poll, in the OpenAI vocabulary


async def test_create_and_wait_in_the_openai_view_async() -> None:
    task = Task(("running", ASKED), ("completed", ANSWERED))
    async with async_client(task) as client:
        done = await client.responses.create_and_wait(input="q", timeout=60)
    assert (done.id, done.status) == ("T~1", "completed")
