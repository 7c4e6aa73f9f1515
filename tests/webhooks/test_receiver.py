"""WebhookReceiver over ASGI (httpx.ASGITransport), its sync handle(), and handle_webhook_request."""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from collections.abc import AsyncIterator, Callable, MutableMapping
from typing import Any

import httpx
import pytest

from manus_openai.webhooks import (
    TaskCreatedEvent,
    TaskStoppedEvent,
    UnknownWebhookEvent,
    WebhookEvent,
    WebhookReceiver,
    handle_webhook_request,
)

from .support import NOW, TASK_ID, URL, Deliver, KeyPair, created_payload, encode, stopped_payload

Make = Callable[..., WebhookReceiver]


@pytest.fixture
def make_receiver(keys: KeyPair) -> Any:
    made: list[WebhookReceiver] = []

    def make(**kwargs: Any) -> WebhookReceiver:
        kwargs.setdefault("url", URL)
        kwargs.setdefault("public_key", keys.public_pem)
        receiver = WebhookReceiver(**kwargs)
        made.append(receiver)
        return receiver

    yield make
    for receiver in made:
        receiver.close()


def client_for(receiver: WebhookReceiver) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=receiver), base_url="https://api.yourapp.com")


@pytest.fixture
async def post(make_receiver: Make) -> AsyncIterator[Any]:
    """POST to a receiver in-process; ``post.receiver`` is the receiver used by default."""
    clients: list[httpx.AsyncClient] = []

    async def do(
        body: bytes, headers: dict[str, str] | None = None, receiver: WebhookReceiver | None = None
    ) -> httpx.Response:
        client = client_for(receiver or default)
        clients.append(client)
        return await client.post("/webhooks/manus?team=42", content=body, headers=headers or {})

    default = make_receiver()
    do.receiver = default  # type: ignore[attr-defined]  # convenience handle for tests
    yield do
    for client in clients:
        await client.aclose()


def fresh(deliver: Deliver, payload: dict[str, Any] | bytes, **kwargs: Any) -> Any:
    return deliver(payload, timestamp=None, **kwargs)  # receivers use the real clock


# -- answers ---------------------------------------------------------------------------------


async def test_valid_delivery_answers_200_and_is_recorded(deliver: Deliver, make_receiver: Make) -> None:
    receiver = make_receiver()
    d = fresh(deliver, stopped_payload())
    async with client_for(receiver) as client:
        response = await client.post("/anything", content=d.body, headers=d.headers)
    assert (response.status_code, response.json()) == (200, {"ok": True})
    assert response.headers["content-type"] == "application/json"
    [event] = receiver.events
    assert isinstance(event, TaskStoppedEvent)
    assert receiver.latest_stopped(TASK_ID) is event


async def test_double_hash_delivery_is_accepted(deliver: Deliver, post: Any) -> None:
    d = fresh(deliver, created_payload(), scheme="double")
    assert (await post(d.body, d.headers)).status_code == 200


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        pytest.param(lambda d: (d.body + b" ", d.headers), "bad_signature", id="tampered-body"),
        pytest.param(lambda d: (d.body, {}), "missing_signature", id="no-headers"),
        pytest.param(lambda d: (d.body, {**d.headers, "X-Webhook-Timestamp": "1"}), "stale_timestamp", id="stale"),
        pytest.param(
            lambda d: (d.body, {**d.headers, "X-Webhook-Signature": "%%%"}),
            "malformed_signature",
            id="base64",
        ),
    ],
)
async def test_bad_signature_answers_401_with_the_reason(deliver: Deliver, post: Any, mutate: Any, reason: str) -> None:
    body, headers = mutate(fresh(deliver, stopped_payload()))
    response = await post(body, headers)
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "invalid_signature"
    assert response.json()["error"]["reason"] == reason
    assert post.receiver.events == []


async def test_delivery_signed_for_another_url_answers_401(deliver: Deliver, post: Any) -> None:
    d = fresh(deliver, stopped_payload(), url="https://api.yourapp.com/webhooks/manus?team=43")
    assert (await post(d.body, d.headers)).status_code == 401


async def test_delivery_signed_with_another_key_answers_401(deliver: Deliver, post: Any, other_keys: KeyPair) -> None:
    d = fresh(deliver, stopped_payload(), private_key=other_keys.private)
    assert (await post(d.body, d.headers)).status_code == 401


@pytest.mark.parametrize("body", [b"not json", b"[]", b'"x"'])
async def test_non_object_body_answers_400(post: Any, body: bytes) -> None:
    response = await post(body)
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "invalid_payload"


async def test_signed_known_event_of_the_wrong_shape_answers_400(deliver: Deliver, post: Any) -> None:
    payload = stopped_payload()
    del payload["task_detail"]["task_id"]
    d = fresh(deliver, payload)
    response = await post(d.body, d.headers)
    assert response.status_code == 400
    assert "task_stopped payload" in response.json()["error"]["message"]


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "HEAD"])
async def test_other_methods_answer_405(make_receiver: Make, method: str) -> None:
    async with client_for(make_receiver()) as client:
        response = await client.request(method, "/webhooks/manus")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


async def test_oversized_body_answers_413(deliver: Deliver, make_receiver: Make) -> None:
    receiver = make_receiver(max_body_bytes=64)
    d = fresh(deliver, stopped_payload())
    async with client_for(receiver) as client:
        response = await client.post("/", content=d.body, headers=d.headers)
    assert response.status_code == 413
    assert receiver.events == []


async def test_oversized_streamed_body_without_length_answers_413(make_receiver: Make) -> None:
    receiver = make_receiver(max_body_bytes=64)

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(10):
            yield b"x" * 16

    async with client_for(receiver) as client:
        response = await client.post("/", content=chunks())
    assert response.status_code == 413


# -- activation and unknown events -----------------------------------------------------------


@pytest.mark.parametrize(
    "body", [b"{}", b'{"test": true}', b'{"message": "Manus webhook test"}', b'{"event_type": null}']
)
async def test_activation_request_without_event_type_answers_200_and_is_not_delivered(
    make_receiver: Make, body: bytes
) -> None:
    seen: list[WebhookEvent] = []
    receiver = make_receiver(callback=seen.append)
    async with client_for(receiver) as client:
        response = await client.post("/", content=body, headers={"content-type": "application/json"})
    receiver.close()
    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert (seen, receiver.events) == ([], [])


async def test_activation_request_with_a_bad_signature_still_answers_200(make_receiver: Make) -> None:
    receiver = make_receiver()
    async with client_for(receiver) as client:
        response = await client.post(
            "/", content=b"{}", headers={"X-Webhook-Signature": "bad", "X-Webhook-Timestamp": "1"}
        )
    assert response.status_code == 200
    assert receiver.events == []


async def test_unsigned_unknown_event_type_answers_200_and_is_not_delivered(make_receiver: Make) -> None:
    seen: list[WebhookEvent] = []
    receiver = make_receiver(callback=seen.append)
    async with client_for(receiver) as client:
        response = await client.post("/", content=b'{"event_type": "webhook_test", "event_id": "t1"}')
    receiver.close()
    assert response.status_code == 200
    assert "ignored" in response.json()
    assert (seen, receiver.events) == ([], [])


async def test_signed_unknown_event_type_is_delivered_as_a_generic_event(deliver: Deliver, make_receiver: Make) -> None:
    seen: list[WebhookEvent] = []
    receiver = make_receiver(callback=seen.append)
    d = fresh(deliver, {"event_id": "x1", "event_type": "task_deleted", "task_detail": {"task_id": "abc"}})
    async with client_for(receiver) as client:
        response = await client.post("/", content=d.body, headers=d.headers)
    receiver.close()
    assert response.status_code == 200
    assert [type(e) for e in seen] == [UnknownWebhookEvent]


async def test_wrongly_signed_unknown_event_type_answers_401(deliver: Deliver, post: Any) -> None:
    d = fresh(deliver, {"event_id": "x1", "event_type": "task_deleted"})
    assert (await post(d.body + b" ", d.headers)).status_code == 401


async def test_unsigned_known_event_answers_401(post: Any) -> None:
    response = await post(encode(stopped_payload()))
    assert response.status_code == 401
    assert response.json()["error"]["reason"] == "missing_signature"


# -- dedupe ----------------------------------------------------------------------------------


async def test_redelivery_is_answered_200_and_dropped(deliver: Deliver, make_receiver: Make) -> None:
    seen: list[WebhookEvent] = []
    receiver = make_receiver(callback=seen.append)
    first = deliver(stopped_payload(), timestamp=int(time.time()) - 5)
    async with client_for(receiver) as client:
        assert (await client.post("/", content=first.body, headers=first.headers)).json() == {"ok": True}
        again = fresh(deliver, stopped_payload())  # a retry is signed again, with a later timestamp
        assert again.headers != first.headers
        response = await client.post("/", content=again.body, headers=again.headers)
    receiver.close()
    assert response.json() == {"ok": True, "duplicate": True}
    assert len(seen) == 1
    assert len(receiver.events) == 1


async def test_redelivery_with_reordered_keys_is_still_a_duplicate(deliver: Deliver, post: Any) -> None:
    payload = stopped_payload()
    reordered = dict(reversed(list(payload.items())))
    for body in (encode(payload), encode(reordered)):
        d = fresh(deliver, body)
        await post(d.body, d.headers)
    assert len(post.receiver.events) == 1


async def test_a_second_stop_reusing_an_event_id_is_not_a_duplicate(deliver: Deliver, post: Any) -> None:
    ask = stopped_payload(stop_reason="ask", message="Which quarter?")
    finish = stopped_payload(stop_reason="finish", message="Done.")
    ask["event_id"] = finish["event_id"] = f"task_stopped_{TASK_ID}"  # the §2.1 form without a timestamp
    for payload in (ask, finish):
        d = fresh(deliver, payload)
        assert (await post(d.body, d.headers)).json() == {"ok": True}
    latest = post.receiver.latest_stopped(TASK_ID)
    assert latest is not None
    assert latest.stop_reason == "finish"


async def test_dedupe_memory_is_bounded(deliver: Deliver, make_receiver: Make) -> None:
    receiver = make_receiver(dedupe_size=2, history_size=10)
    bodies = [fresh(deliver, created_payload(f"task{i}")) for i in range(3)]
    async with client_for(receiver) as client:
        for d in [*bodies, bodies[0]]:  # the first one was evicted, so it is accepted again
            await client.post("/", content=d.body, headers=d.headers)
        assert (await client.post("/", content=bodies[2].body, headers=bodies[2].headers)).json()["duplicate"]
    assert [e.task_id for e in receiver.events] == ["task0", "task1", "task2", "task0"]


async def test_history_is_bounded_and_clear_forgets(deliver: Deliver, make_receiver: Make) -> None:
    receiver = make_receiver(history_size=2)
    async with client_for(receiver) as client:
        for i in range(3):
            d = fresh(deliver, stopped_payload(f"task{i}"))
            await client.post("/", content=d.body, headers=d.headers)
        assert [e.task_id for e in receiver.events] == ["task1", "task2"]
        receiver.clear()
        assert (receiver.events, receiver.latest_stopped("task2")) == ([], None)
        d = fresh(deliver, stopped_payload("task2"))
        assert (await client.post("/", content=d.body, headers=d.headers)).json() == {"ok": True}


# -- callbacks and queues --------------------------------------------------------------------


async def test_async_callback_runs_after_the_answer_without_blocking_it(deliver: Deliver, make_receiver: Make) -> None:
    release = asyncio.Event()
    done: list[WebhookEvent] = []

    async def callback(event: WebhookEvent) -> None:
        await release.wait()
        done.append(event)

    receiver = make_receiver(callback=callback)
    d = fresh(deliver, stopped_payload())
    async with client_for(receiver) as client:
        response = await asyncio.wait_for(client.post("/", content=d.body, headers=d.headers), 5)
    assert response.status_code == 200
    assert done == []
    release.set()
    for _ in range(100):
        if done:
            break
        await asyncio.sleep(0.01)
    assert [e.event_type for e in done] == ["task_stopped"]


async def test_sync_callback_runs_in_a_worker_thread_without_blocking_the_answer(
    deliver: Deliver, make_receiver: Make
) -> None:
    release = threading.Event()
    calls: list[tuple[str, str]] = []

    def callback(event: WebhookEvent) -> None:
        release.wait(5)
        calls.append((event.event_type or "", threading.current_thread().name))

    receiver = make_receiver(callback=callback)
    async with client_for(receiver) as client:
        for payload in (created_payload(), stopped_payload()):
            d = fresh(deliver, payload)
            assert (await asyncio.wait_for(client.post("/", content=d.body, headers=d.headers), 5)).status_code == 200
    assert calls == []
    release.set()
    receiver.close()  # waits for queued callbacks
    assert [kind for kind, _ in calls] == ["task_created", "task_stopped"]  # in arrival order
    assert all(name.startswith("manus-webhook-callback") for _, name in calls)


async def test_callable_object_with_async_call_is_treated_as_async(deliver: Deliver, make_receiver: Make) -> None:
    loop_threads: list[int] = []

    class Handler:
        async def __call__(self, event: WebhookEvent) -> None:
            loop_threads.append(threading.get_ident())

    receiver = make_receiver(callback=Handler())
    d = fresh(deliver, created_payload())
    async with client_for(receiver) as client:
        await client.post("/", content=d.body, headers=d.headers)
    await asyncio.sleep(0.05)
    assert loop_threads == [threading.get_ident()]


async def test_callback_errors_are_logged_not_answered(
    deliver: Deliver, make_receiver: Make, caplog: pytest.LogCaptureFixture
) -> None:
    async def callback(event: WebhookEvent) -> None:
        raise RuntimeError("boom")

    receiver = make_receiver(callback=callback)
    d = fresh(deliver, created_payload())
    with caplog.at_level(logging.ERROR, logger="manus_openai.webhooks"):
        async with client_for(receiver) as client:
            response = await client.post("/", content=d.body, headers=d.headers)
        await asyncio.sleep(0.05)
    assert response.status_code == 200
    assert "webhook callback failed" in caplog.text


async def test_events_are_put_on_a_thread_queue(deliver: Deliver, make_receiver: Make) -> None:
    events: queue.Queue[WebhookEvent] = queue.Queue()
    receiver = make_receiver(queue=events)
    d = fresh(deliver, created_payload())
    async with client_for(receiver) as client:
        await client.post("/", content=d.body, headers=d.headers)
        await client.post("/", content=d.body, headers=d.headers)
    assert isinstance(events.get_nowait(), TaskCreatedEvent)
    assert events.empty()


async def test_events_are_put_on_an_asyncio_queue(deliver: Deliver, make_receiver: Make) -> None:
    events: asyncio.Queue[WebhookEvent] = asyncio.Queue()
    receiver = make_receiver(queue=events)
    d = fresh(deliver, stopped_payload())
    async with client_for(receiver) as client:
        await client.post("/", content=d.body, headers=d.headers)
    event = await asyncio.wait_for(events.get(), 1)
    assert isinstance(event, TaskStoppedEvent)


async def test_full_queue_drops_and_logs(
    deliver: Deliver, make_receiver: Make, caplog: pytest.LogCaptureFixture
) -> None:
    events: queue.Queue[WebhookEvent] = queue.Queue(maxsize=1)
    receiver = make_receiver(queue=events)
    with caplog.at_level(logging.ERROR, logger="manus_openai.webhooks"):
        async with client_for(receiver) as client:
            for i in range(2):
                d = fresh(deliver, created_payload(f"t{i}"))
                assert (await client.post("/", content=d.body, headers=d.headers)).status_code == 200
    assert "queue is full" in caplog.text
    assert len(receiver.events) == 2


# -- keys ------------------------------------------------------------------------------------


async def test_public_key_none_skips_verification(make_receiver: Make) -> None:
    receiver = make_receiver(public_key=None)
    async with client_for(receiver) as client:
        response = await client.post("/", content=encode(stopped_payload()))
    assert response.status_code == 200
    assert isinstance(receiver.events[0], TaskStoppedEvent)


async def test_sync_key_provider_runs_off_the_loop(deliver: Deliver, make_receiver: Make, keys: KeyPair) -> None:
    threads: list[int] = []

    def provider() -> str:
        threads.append(threading.get_ident())
        return keys.public_pem

    receiver = make_receiver(public_key=provider)
    d = fresh(deliver, created_payload())
    async with client_for(receiver) as client:
        assert (await client.post("/", content=d.body, headers=d.headers)).status_code == 200
    assert threads
    assert threads[0] != threading.get_ident()


async def test_async_key_provider_is_awaited(deliver: Deliver, make_receiver: Make, keys: KeyPair) -> None:
    async def provider() -> bytes:
        return keys.public_pem.encode()

    receiver = make_receiver(public_key=provider)
    d = fresh(deliver, created_payload())
    async with client_for(receiver) as client:
        assert (await client.post("/", content=d.body, headers=d.headers)).status_code == 200


async def test_failing_key_provider_answers_500(
    deliver: Deliver, make_receiver: Make, caplog: pytest.LogCaptureFixture
) -> None:
    def provider() -> str:
        raise OSError("key service down")

    receiver = make_receiver(public_key=provider)
    d = fresh(deliver, created_payload())
    with caplog.at_level(logging.ERROR, logger="manus_openai.webhooks"):
        async with client_for(receiver) as client:
            response = await client.post("/", content=d.body, headers=d.headers)
            probe = await client.post("/", content=b"{}")
    assert response.status_code == 500
    assert response.json()["error"]["type"] == "public_key_unavailable"
    assert probe.status_code == 200  # activation does not need the key
    assert "key service down" in caplog.text


def test_bad_static_key_fails_at_construction() -> None:
    with pytest.raises(ValueError, match="PEM or DER"):
        WebhookReceiver(url=URL, public_key="not a key")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"url": ""},
        {"tolerance": -1},
        {"dedupe_size": 0},
        {"max_body_bytes": 0},
    ],
)
def test_invalid_settings_fail_at_construction(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011  # several messages
        WebhookReceiver(**{"url": URL, "public_key": None, **kwargs})


def test_public_key_is_a_required_argument() -> None:
    with pytest.raises(TypeError):
        WebhookReceiver(url=URL)  # type: ignore[call-arg]  # on purpose


# -- ASGI plumbing ---------------------------------------------------------------------------


async def test_lifespan_is_acknowledged(make_receiver: Make) -> None:
    receiver = make_receiver()
    incoming = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0)

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(dict(message))

    await receiver({"type": "lifespan"}, receive, send)
    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


async def test_client_disconnect_sends_nothing(make_receiver: Make) -> None:
    receiver = make_receiver()
    sent: list[Any] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.disconnect"}

    async def send(message: Any) -> None:
        sent.append(message)

    await receiver({"type": "http", "method": "POST", "headers": []}, receive, send)
    assert sent == []


# -- sync handle() for Flask/Django ----------------------------------------------------------


def test_sync_handle_verifies_dedupes_and_calls_back(deliver: Deliver, make_receiver: Make) -> None:
    seen: list[WebhookEvent] = []
    receiver = make_receiver(callback=seen.append)
    d = fresh(deliver, stopped_payload())
    status, body, event = receiver.handle(d.body, d.headers)
    assert (status, body, type(event)) == (200, {"ok": True}, TaskStoppedEvent)
    assert receiver.handle(d.body, d.headers) == (200, {"ok": True, "duplicate": True}, None)
    assert receiver.handle(d.body + b" ", d.headers).status_code == 401
    assert receiver.handle(b"", {}, method="GET").status_code == 405
    receiver.close()
    assert seen == [event]


def test_sync_handle_runs_async_callbacks_on_the_worker(deliver: Deliver, make_receiver: Make) -> None:
    seen: list[str] = []

    async def callback(event: WebhookEvent) -> None:
        await asyncio.sleep(0)
        seen.append(event.event_type or "")

    receiver = make_receiver(callback=callback)
    d = fresh(deliver, created_payload())
    assert receiver.handle(d.body, d.headers).status_code == 200
    receiver.close()
    assert seen == ["task_created"]


def test_sync_handle_refuses_an_async_key_provider(deliver: Deliver, make_receiver: Make, keys: KeyPair) -> None:
    async def provider() -> str:
        return keys.public_pem

    receiver = make_receiver(public_key=provider)
    d = fresh(deliver, created_payload())
    assert receiver.handle(d.body, d.headers).status_code == 500


# -- the stateless function ------------------------------------------------------------------


def test_handle_webhook_request_returns_status_body_and_event(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(created_payload())
    status, body, event = handle_webhook_request(d.body, d.headers, url=URL, public_key=keys.public, now=NOW)
    assert (status, body) == (200, {"ok": True})
    assert isinstance(event, TaskCreatedEvent)


def test_handle_webhook_request_is_stateless(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(created_payload())
    first = handle_webhook_request(d.body, d.headers, url=URL, public_key=keys.public, now=NOW)
    assert handle_webhook_request(d.body, d.headers, url=URL, public_key=keys.public, now=NOW) == first


@pytest.mark.parametrize(
    ("body", "headers", "method", "status"),
    [
        (b"{}", {}, "POST", 200),
        (b"{}", {}, "GET", 405),
        (b"nope", {}, "POST", 400),
        (encode(created_payload()), {}, "POST", 401),
        (b'{"event_type": "other"}', {}, "post", 200),
    ],
)
def test_handle_webhook_request_status_matrix(
    keys: KeyPair, body: bytes, headers: dict[str, str], method: str, status: int
) -> None:
    response = handle_webhook_request(body, headers, url=URL, public_key=keys.public, now=NOW, method=method)
    assert response.status_code == status
    assert response.event is None


def test_handle_webhook_request_stale_delivery_is_401(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(created_payload())
    response = handle_webhook_request(d.body, d.headers, url=URL, public_key=keys.public, now=NOW + 301)
    assert (response.status_code, response.body["error"]["reason"]) == (401, "stale_timestamp")
