"""``client.webhooks``: register and delete webhooks, fetch the signing key, verify and parse deliveries.

Replaces the OpenAI SDK's ``client.webhooks`` (Standard-Webhooks HMAC, which matches nothing Manus does)
with Manus's RSA-SHA256 scheme. The pure functions live in ``manus_openai.webhooks``; these methods add
the client's key fetching: ``public_key()`` is fetched once and cached for ``PUBLIC_KEY_TTL`` seconds,
the docs' advice ("cache it, it rarely changes").
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Union

import httpx

from .._compat import NOT_GIVEN, AsyncAPIResource, NotGiven, SyncAPIResource, make_request_options
from .._options import check_id
from ..types.webhook import WebhookCreated, WebhookPublicKey

if TYPE_CHECKING:  # imported on first use: a plain create/wait never loads the webhook machinery
    from ..webhooks import HeadersLike, PublicKeyLike, SignatureScheme, WebhookEvent

__all__ = ["PUBLIC_KEY_TTL", "AsyncWebhooks", "Webhooks"]

PUBLIC_KEY_TTL = 3600.0
"""Seconds a fetched public key is reused (the v2 docs suggest about an hour)."""

Timeout = Union[float, httpx.Timeout, None, NotGiven]


def webhook_body(url: object) -> dict[str, object]:
    """The reference's wrapped registration body; the URL must be absolute http(s)."""
    if not isinstance(url, str) or not url.strip():
        raise ValueError(f"url must be a non-empty string, got {url!r}")
    parsed = httpx.URL(url)
    if parsed.scheme not in ("https", "http") or not parsed.host:
        raise ValueError(f"url must be an absolute http(s) URL (Manus requires HTTPS in production), got {url!r}")
    return {"webhook": {"url": url}}


def check_ttl(ttl: object) -> float:
    """``public_key(ttl=...)``: seconds >= 0, checked before the cache (or the network) is consulted."""
    if isinstance(ttl, bool) or not isinstance(ttl, (int, float)):
        raise TypeError(f"ttl must be a number of seconds, got {type(ttl).__name__}")
    if math.isnan(ttl) or ttl < 0:
        raise ValueError(f"ttl must be >= 0 seconds, got {ttl!r}")
    return float(ttl)


class _KeyCache:
    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.key: WebhookPublicKey | None = None
        self.fetched_at = 0.0

    def fresh(self, ttl: float) -> WebhookPublicKey | None:
        if self.key is not None and self.clock() - self.fetched_at < ttl:
            return self.key
        return None

    def store(self, key: WebhookPublicKey) -> WebhookPublicKey:
        self.key, self.fetched_at = key, self.clock()
        return key


class Webhooks(SyncAPIResource):
    """``client.webhooks`` on ``ManusOpenAI``.

    Example::

        hook = client.webhooks.create("https://example.com/manus-hook")
        event = client.webhooks.unwrap(body, headers, url="https://example.com/manus-hook")
        client.webhooks.delete(hook.webhook_id)
    """

    def __init__(self, client: Any) -> None:
        super().__init__(client)
        self._keys = _KeyCache(time.monotonic)

    def create(self, url: str, *, timeout: Timeout = NOT_GIVEN) -> WebhookCreated:
        """Register ``url`` (``POST /v1/webhooks`` with ``{"webhook": {"url": ...}}``).

        Manus first sends a test request to the URL, which must answer 200 within 10 seconds.

        Example::

            created = client.webhooks.create("https://example.com/manus-hook")
        """
        body = webhook_body(url)
        return self._post("/webhooks", body=body, cast_to=WebhookCreated, options=make_request_options(timeout=timeout))

    def delete(self, webhook_id: str, *, timeout: Timeout = NOT_GIVEN) -> None:
        """Delete a webhook (``DELETE /v1/webhooks/{id}``, answered with 204).

        Example::

            client.webhooks.delete(created.webhook_id)
        """
        path = f"/webhooks/{check_id(webhook_id, 'webhook_id')}"
        self._delete(path, cast_to=type(None), options=make_request_options(timeout=timeout))

    def public_key(self, *, ttl: float = PUBLIC_KEY_TTL, refresh: bool = False) -> WebhookPublicKey:
        """The signing key (``GET /v1/webhook/public_key``), cached for ``ttl`` seconds.

        Example::

            pem = client.webhooks.public_key().public_key
        """
        fresh_for = check_ttl(ttl)
        cached = None if refresh else self._keys.fresh(fresh_for)
        if cached is not None:
            return cached
        return self._keys.store(self._get("/webhook/public_key", cast_to=WebhookPublicKey))

    def verify_signature(
        self,
        body: Union[bytes, str],
        headers: HeadersLike,
        *,
        url: str,
        public_key: PublicKeyLike | None = None,
        tolerance: int = 300,
        now: float | None = None,
    ) -> SignatureScheme:
        """``manus_openai.webhooks.verify_signature`` with the key fetched (and cached) when not given.

        Example::

            client.webhooks.verify_signature(raw_body, request_headers, url="https://example.com/manus-hook")
        """
        from ..webhooks import verify_signature

        key = public_key if public_key is not None else self.public_key().public_key
        return verify_signature(body, headers, url=url, public_key=key, tolerance=tolerance, now=now)

    def unwrap(
        self,
        body: Union[bytes, str],
        headers: HeadersLike,
        *,
        url: str,
        public_key: PublicKeyLike | None = None,
        tolerance: int = 300,
        now: float | None = None,
    ) -> WebhookEvent:
        """Verify, then parse a delivery into a typed event; see ``manus_openai.webhooks.unwrap``.

        Example::

            event = client.webhooks.unwrap(raw_body, request_headers, url="https://example.com/manus-hook")
        """
        from ..webhooks import unwrap

        key = public_key if public_key is not None else self.public_key().public_key
        return unwrap(body, headers, url=url, public_key=key, tolerance=tolerance, now=now)


class AsyncWebhooks(AsyncAPIResource):
    """``client.webhooks`` on ``AsyncManusOpenAI``; the async twin of ``Webhooks``.

    Example::

        hook = await client.webhooks.create("https://example.com/manus-hook")
        event = await client.webhooks.unwrap(body, headers, url="https://example.com/manus-hook")
    """

    def __init__(self, client: Any) -> None:
        super().__init__(client)
        self._keys = _KeyCache(time.monotonic)

    async def create(self, url: str, *, timeout: Timeout = NOT_GIVEN) -> WebhookCreated:
        """Register ``url``; see ``Webhooks.create``.

        Example::

            created = await client.webhooks.create("https://example.com/manus-hook")
        """
        body = webhook_body(url)
        return await self._post(
            "/webhooks", body=body, cast_to=WebhookCreated, options=make_request_options(timeout=timeout)
        )

    async def delete(self, webhook_id: str, *, timeout: Timeout = NOT_GIVEN) -> None:
        """Delete a webhook; see ``Webhooks.delete``.

        Example::

            await client.webhooks.delete(created.webhook_id)
        """
        path = f"/webhooks/{check_id(webhook_id, 'webhook_id')}"
        await self._delete(path, cast_to=type(None), options=make_request_options(timeout=timeout))

    async def public_key(self, *, ttl: float = PUBLIC_KEY_TTL, refresh: bool = False) -> WebhookPublicKey:
        """The signing key, cached for ``ttl`` seconds; see ``Webhooks.public_key``.

        Example::

            pem = (await client.webhooks.public_key()).public_key
        """
        fresh_for = check_ttl(ttl)
        cached = None if refresh else self._keys.fresh(fresh_for)
        if cached is not None:
            return cached
        return self._keys.store(await self._get("/webhook/public_key", cast_to=WebhookPublicKey))

    async def verify_signature(
        self,
        body: Union[bytes, str],
        headers: HeadersLike,
        *,
        url: str,
        public_key: PublicKeyLike | None = None,
        tolerance: int = 300,
        now: float | None = None,
    ) -> SignatureScheme:
        """Async ``Webhooks.verify_signature`` (it may fetch the key).

        Example::

            await client.webhooks.verify_signature(raw_body, request_headers, url="https://example.com/manus-hook")
        """
        from ..webhooks import verify_signature

        key = public_key if public_key is not None else (await self.public_key()).public_key
        return verify_signature(body, headers, url=url, public_key=key, tolerance=tolerance, now=now)

    async def unwrap(
        self,
        body: Union[bytes, str],
        headers: HeadersLike,
        *,
        url: str,
        public_key: PublicKeyLike | None = None,
        tolerance: int = 300,
        now: float | None = None,
    ) -> WebhookEvent:
        """Async ``Webhooks.unwrap`` (it may fetch the key).

        Example::

            event = await client.webhooks.unwrap(raw_body, request_headers, url="https://example.com/manus-hook")
        """
        from ..webhooks import unwrap

        key = public_key if public_key is not None else (await self.public_key()).public_key
        return unwrap(body, headers, url=url, public_key=key, tolerance=tolerance, now=now)
