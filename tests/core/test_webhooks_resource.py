"""client.webhooks: Manus's registration endpoints and RSA verification replace OpenAI's HMAC resource."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.emulator import Emulator
from manus_openai.resources.webhooks import AsyncWebhooks, Webhooks
from manus_openai.webhooks import InvalidWebhookSignatureError, TaskStoppedEvent, sign_webhook
from tests.conftest import FakeManus

HOOK = "https://example.com/manus-hook?tenant=1"
EVENT = {
    "event_id": "task_stopped_t1_1764187300",
    "event_type": "task_stopped",
    "task_detail": {"task_id": "t1", "task_title": "Q4", "task_url": "https://manus.im/app/t1",
                    "message": "Done.", "stop_reason": "finish"},
}  # fmt: skip


@pytest.fixture(scope="module")
def key_pair() -> tuple[rsa.RSAPrivateKey, str]:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return private, pem.decode()


def key_reply(pem: str) -> httpx.Response:
    return httpx.Response(
        200, json={"public_key": pem, "algorithm": "RSA-SHA256", "created_at": "2025-01-01T00:00:00Z"}
    )


def test_client_webhooks_is_the_manus_resource(client: ManusOpenAI, async_client: AsyncManusOpenAI) -> None:
    assert isinstance(client.webhooks, Webhooks)
    assert isinstance(async_client.webhooks, AsyncWebhooks)


def test_create_sends_the_wrapped_body(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json={"webhook_id": "wh_1"})]
    assert client.webhooks.create(HOOK).webhook_id == "wh_1"
    assert fake.requests[0].method == "POST"
    assert str(fake.requests[0].url) == "https://api.manus.ai/v1/webhooks"
    assert fake.bodies() == [{"webhook": {"url": HOOK}}]


@pytest.mark.parametrize("url", ["", "not a url", "ftp://example.com/x", "/relative/path", None])
def test_create_refuses_a_bad_url_before_sending(client: ManusOpenAI, fake: FakeManus, url: Any) -> None:
    with pytest.raises(ValueError, match="url must be"):
        client.webhooks.create(url)
    assert fake.requests == []


def test_delete_accepts_the_204(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(204)]
    assert client.webhooks.delete("wh_1") is None  # type: ignore[func-returns-value]
    assert (fake.requests[0].method, fake.requests[0].url.path) == ("DELETE", "/v1/webhooks/wh_1")


def test_public_key_is_fetched_once_and_cached(client: ManusOpenAI, fake: FakeManus, key_pair: Any) -> None:
    fake.replies = [key_reply(key_pair[1])]
    first = client.webhooks.public_key()
    second = client.webhooks.public_key()
    assert first.public_key.startswith("-----BEGIN PUBLIC KEY-----")
    assert first.algorithm == "RSA-SHA256"
    assert second is first
    assert len(fake.requests) == 1
    client.webhooks.public_key(refresh=True)
    client.webhooks.public_key(ttl=0)
    assert len(fake.requests) == 3


def test_unwrap_fetches_the_key_and_verifies(client: ManusOpenAI, fake: FakeManus, key_pair: Any) -> None:
    fake.replies = [key_reply(key_pair[1])]
    body = json.dumps(EVENT).encode()
    headers = sign_webhook(body, url=HOOK, private_key=key_pair[0])
    event = client.webhooks.unwrap(body, headers, url=HOOK)
    assert isinstance(event, TaskStoppedEvent)
    assert (event.task_id, event.stop_reason, event.message) == ("t1", "finish", "Done.")
    assert client.webhooks.verify_signature(body, headers, url=HOOK) == "single"
    assert len(fake.requests) == 1  # the key was cached
    with pytest.raises(InvalidWebhookSignatureError):
        client.webhooks.unwrap(body, headers, url="https://example.com/manus-hook")  # query string differs


async def test_async_unwrap_fetches_the_key_and_verifies(
    async_client: AsyncManusOpenAI, fake: FakeManus, key_pair: Any
) -> None:
    fake.replies = [key_reply(key_pair[1])]
    body = json.dumps(EVENT).encode()
    headers = sign_webhook(body, url=HOOK, private_key=key_pair[0], scheme="double")
    event = await async_client.webhooks.unwrap(body, headers, url=HOOK)
    assert isinstance(event, TaskStoppedEvent)
    assert await async_client.webhooks.verify_signature(body, headers, url=HOOK) == "double"
    with pytest.raises(InvalidWebhookSignatureError):
        await async_client.webhooks.verify_signature(body + b" ", headers, url=HOOK)
    assert len(fake.requests) == 1


async def test_async_create_and_delete(async_client: AsyncManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json={"webhook_id": "wh_2"}), httpx.Response(204)]
    created = await async_client.webhooks.create(HOOK)
    await async_client.webhooks.delete(created.webhook_id)
    assert [r.method for r in fake.requests] == ["POST", "DELETE"]


def test_against_the_emulator() -> None:
    with Emulator() as emu:
        client = emu.client(responses_view="manus", max_retries=0)
        created = client.webhooks.create("http://127.0.0.1:9/unreachable-hook")
        assert created.webhook_id
        assert client.webhooks.public_key().public_key == emu.webhook_public_key
        client.webhooks.delete(created.webhook_id)
        registration = next(r for r in emu.requests if r.method == "POST")
        assert registration.json() == {"webhook": {"url": "http://127.0.0.1:9/unreachable-hook"}}
