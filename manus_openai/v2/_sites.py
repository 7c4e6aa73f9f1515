"""``client.v2.webhooks`` (§6.13, deliveries §5) and ``client.v2.websites`` (§6.14); API key only.

``webhooks.public_key()`` is fetched once and cached for ``PUBLIC_KEY_TTL`` seconds (the docs: "cache
it, it rarely changes"); ``verify_signature`` / ``unwrap`` run the existing ``manus_openai.webhooks``
functions with it. Website calls take exactly one of ``task_id`` / ``website_id`` (refused otherwise).
Choice: ``website.publish`` / ``website.update`` accept the documented ``public`` / ``team`` only.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, Union

import httpx
from typing_extensions import Unpack

from .._compat import AsyncPaginator
from ..resources.webhooks import PUBLIC_KEY_TTL, check_ttl
from ..types.v2.account import (
    Done,
    V2Webhook,
    V2WebhookCreated,
    V2WebhookPublicKey,
    Website,
    WebsiteCheckpoints,
    WebsitePublished,
)
from ._base import AsyncV2Resource, RequestOptions, V2Resource
from ._pages import AsyncCursorPage, SyncCursorPage
from ._params import check_choice, check_id, check_str, given
from ._views import (
    AsyncV2WebhooksWithRawResponse,
    AsyncV2WebhooksWithStreamingResponse,
    AsyncV2WebsitesWithRawResponse,
    AsyncV2WebsitesWithStreamingResponse,
    V2WebhooksWithRawResponse,
    V2WebhooksWithStreamingResponse,
    V2WebsitesWithRawResponse,
    V2WebsitesWithStreamingResponse,
)

if TYPE_CHECKING:
    from ..webhooks import HeadersLike, WebhookEvent

__all__ = ["AsyncV2Webhooks", "AsyncV2Websites", "V2Webhooks", "V2Websites"]

Visibility = Literal["public", "team"]


def _hook_url(url: object) -> str:
    text = check_str("url", url)
    parsed = httpx.URL(text)
    if parsed.scheme not in ("https", "http") or not parsed.host:
        raise ValueError(f"url must be an absolute https URL (Manus calls it), got {url!r}")
    return text


def _site(task_id: object, website_id: object) -> dict[str, object]:
    if given(task_id) == given(website_id):
        raise ValueError("pass exactly one of task_id or website_id")
    if given(task_id):
        return {"task_id": check_id("task_id", task_id)}
    return {"website_id": check_id("website_id", website_id)}


def _update_body(locator: dict[str, object], title: object, visibility: object) -> dict[str, object]:
    if not given(title) and not given(visibility):
        raise ValueError("website.update needs title and/or visibility")
    body = dict(locator)
    if given(title):
        body["title"] = check_str("title", title)
    if given(visibility):
        body["visibility"] = check_choice("visibility", visibility, ("public", "team"))
    return body


class _KeyCache:
    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.key: V2WebhookPublicKey | None = None
        self.at = 0.0

    def fresh(self, ttl: float) -> V2WebhookPublicKey | None:
        return self.key if self.key is not None and self.clock() - self.at < ttl else None

    def store(self, key: V2WebhookPublicKey) -> V2WebhookPublicKey:
        self.key, self.at = key, self.clock()
        return key


class V2Webhooks(V2Resource):
    """``client.v2.webhooks``.

    Example::

        hook = client.v2.webhooks.create("https://example.com/manus-hook")
        event = client.v2.webhooks.unwrap(body, headers, url="https://example.com/manus-hook")
    """

    @cached_property
    def with_raw_response(self) -> V2WebhooksWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return V2WebhooksWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V2WebhooksWithStreamingResponse:
        """The same methods as context managers over the unread HTTP response."""
        return V2WebhooksWithStreamingResponse(self)

    def __init__(self, client: Any) -> None:
        super().__init__(client)
        self._keys = _KeyCache(time.monotonic)

    def create(self, url: str, **options: Unpack[RequestOptions]) -> V2Webhook:
        """``webhook.create``: Manus first calls ``url``, which must answer 2xx.

        Example::

            hook = client.v2.webhooks.create("https://example.com/manus-hook")
        """
        body = {"url": _hook_url(url)}
        return self._unwrap("POST", "webhook.create", body, V2WebhookCreated, options, lambda a: a.webhook)

    def list(self, **options: Unpack[RequestOptions]) -> SyncCursorPage[V2Webhook]:
        """``webhook.list``.

        Example::

            for hook in client.v2.webhooks.list():
                print(hook.id, hook.url)
        """
        return self._list("webhook.list", {}, SyncCursorPage[V2Webhook], V2Webhook, options)

    def delete(self, webhook_id: str, **options: Unpack[RequestOptions]) -> Done:
        """``webhook.delete``: deliveries stop at once.

        Example::

            client.v2.webhooks.delete(hook.id)
        """
        return self._call("POST", "webhook.delete", {"webhook_id": check_id("webhook_id", webhook_id)}, Done, options)

    def public_key(self, *, ttl: float = PUBLIC_KEY_TTL, refresh: bool = False) -> V2WebhookPublicKey:
        """``webhook.publicKey``, cached for ``ttl`` seconds.

        Example::

            pem = client.v2.webhooks.public_key().public_key
        """
        fresh = None if refresh else self._keys.fresh(check_ttl(ttl))
        if fresh is not None:
            return fresh
        return self._fetch_public_key()

    def _fetch_public_key(self, **options: Unpack[RequestOptions]) -> V2WebhookPublicKey:
        return self._unwrap("GET", "webhook.publicKey", {}, V2WebhookPublicKey, options, self._keys.store)

    def unwrap(
        self, body: Union[bytes, str], headers: HeadersLike, *, url: str, tolerance: int = 300, now: float | None = None
    ) -> WebhookEvent:
        """Verify a delivery with the cached key, then parse it (``manus_openai.webhooks.unwrap``).

        Example::

            event = client.v2.webhooks.unwrap(body, headers, url="https://example.com/manus-hook")
        """
        from ..webhooks import unwrap

        key = self.public_key().public_key
        return unwrap(body, headers, url=url, public_key=key, tolerance=tolerance, now=now)


class V2Websites(V2Resource):
    """``client.v2.websites``: a task's website (exactly one of ``task_id`` / ``website_id``).

    Example::

        site = client.v2.websites.status(task_id=task_id)
        print(site.publish_status, site.site_urls)
    """

    @cached_property
    def with_raw_response(self) -> V2WebsitesWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return V2WebsitesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V2WebsitesWithStreamingResponse:
        """The same methods as context managers over the unread HTTP response."""
        return V2WebsitesWithStreamingResponse(self)

    def status(
        self, *, task_id: str | None = None, website_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Website:
        """``website.status``.

        Example::

            site = client.v2.websites.status(task_id=task_id)
            print(site.publish_status, site.site_urls)
        """
        return self._call("GET", "website.status", _site(task_id, website_id), Website, options)

    def checkpoints(
        self, *, task_id: str | None = None, website_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> WebsiteCheckpoints:
        """``website.listCheckpoints`` (newest first).

        Example::

            checkpoints = client.v2.websites.checkpoints(website_id=website_id)
        """
        return self._call("GET", "website.listCheckpoints", _site(task_id, website_id), WebsiteCheckpoints, options)

    def publish(
        self,
        *,
        task_id: str | None = None,
        website_id: str | None = None,
        visibility: Visibility | None = None,
        **options: Unpack[RequestOptions],
    ) -> WebsitePublished:
        """``website.publish`` the latest checkpoint (asynchronous: poll ``status``).

        Example::

            client.v2.websites.publish(task_id=task_id, visibility="team")
        """
        body = _site(task_id, website_id)
        if visibility is not None:
            body["visibility"] = check_choice("visibility", visibility, ("public", "team"))
        return self._call("POST", "website.publish", body, WebsitePublished, options)

    def update(
        self,
        *,
        task_id: str | None = None,
        website_id: str | None = None,
        title: str | None = None,
        visibility: Visibility | None = None,
        **options: Unpack[RequestOptions],
    ) -> Done:
        """``website.update``: title and/or visibility, no redeploy.

        Example::

            client.v2.websites.update(website_id=website_id, title="Q4 site")
        """
        body = _update_body(_site(task_id, website_id), title, visibility)
        return self._call("POST", "website.update", body, Done, options)


class AsyncV2Webhooks(AsyncV2Resource):
    """The async twin of ``V2Webhooks``."""

    @cached_property
    def with_raw_response(self) -> AsyncV2WebhooksWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return AsyncV2WebhooksWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV2WebhooksWithStreamingResponse:
        """The same methods as async context managers over the unread HTTP response."""
        return AsyncV2WebhooksWithStreamingResponse(self)

    def __init__(self, client: Any) -> None:
        super().__init__(client)
        self._keys = _KeyCache(time.monotonic)

    async def create(self, url: str, **options: Unpack[RequestOptions]) -> V2Webhook:
        """``webhook.create``: Manus first calls ``url``, which must answer 2xx; see ``V2Webhooks.create``.

        Example::

            hook = await client.v2.webhooks.create("https://example.com/manus-hook")
        """
        body = {"url": _hook_url(url)}
        return await self._unwrap("POST", "webhook.create", body, V2WebhookCreated, options, lambda a: a.webhook)

    def list(self, **options: Unpack[RequestOptions]) -> AsyncPaginator[V2Webhook, AsyncCursorPage[V2Webhook]]:
        """``webhook.list``; see ``V2Webhooks.list``.

        Example::

            async for hook in client.v2.webhooks.list():
                print(hook.id, hook.url)
        """
        return self._list("webhook.list", {}, AsyncCursorPage[V2Webhook], V2Webhook, options)

    async def delete(self, webhook_id: str, **options: Unpack[RequestOptions]) -> Done:
        """``webhook.delete``: deliveries stop at once; see ``V2Webhooks.delete``.

        Example::

            await client.v2.webhooks.delete(hook.id)
        """
        body = {"webhook_id": check_id("webhook_id", webhook_id)}
        return await self._call("POST", "webhook.delete", body, Done, options)

    async def public_key(self, *, ttl: float = PUBLIC_KEY_TTL, refresh: bool = False) -> V2WebhookPublicKey:
        """``webhook.publicKey``, cached for ``ttl`` seconds; see ``V2Webhooks.public_key``.

        Example::

            pem = (await client.v2.webhooks.public_key()).public_key
        """
        fresh = None if refresh else self._keys.fresh(check_ttl(ttl))
        if fresh is not None:
            return fresh
        return await self._fetch_public_key()

    async def _fetch_public_key(self, **options: Unpack[RequestOptions]) -> V2WebhookPublicKey:
        return await self._unwrap("GET", "webhook.publicKey", {}, V2WebhookPublicKey, options, self._keys.store)

    async def unwrap(
        self, body: Union[bytes, str], headers: HeadersLike, *, url: str, tolerance: int = 300, now: float | None = None
    ) -> WebhookEvent:
        """Verify a delivery with the cached key; see ``V2Webhooks.unwrap``.

        Example::

            event = await client.v2.webhooks.unwrap(body, headers, url="https://example.com/manus-hook")
        """
        from ..webhooks import unwrap

        key = (await self.public_key()).public_key
        return unwrap(body, headers, url=url, public_key=key, tolerance=tolerance, now=now)


class AsyncV2Websites(AsyncV2Resource):
    """The async twin of ``V2Websites``."""

    @cached_property
    def with_raw_response(self) -> AsyncV2WebsitesWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return AsyncV2WebsitesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV2WebsitesWithStreamingResponse:
        """The same methods as async context managers over the unread HTTP response."""
        return AsyncV2WebsitesWithStreamingResponse(self)

    async def status(
        self, *, task_id: str | None = None, website_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Website:
        """``website.status``; see ``V2Websites.status``.

        Example::

            site = await client.v2.websites.status(task_id=task_id)
            print(site.publish_status, site.site_urls)
        """
        return await self._call("GET", "website.status", _site(task_id, website_id), Website, options)

    async def checkpoints(
        self, *, task_id: str | None = None, website_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> WebsiteCheckpoints:
        """``website.listCheckpoints`` (newest first); see ``V2Websites.checkpoints``.

        Example::

            checkpoints = await client.v2.websites.checkpoints(website_id=website_id)
        """
        locator = _site(task_id, website_id)
        return await self._call("GET", "website.listCheckpoints", locator, WebsiteCheckpoints, options)

    async def publish(
        self,
        *,
        task_id: str | None = None,
        website_id: str | None = None,
        visibility: Visibility | None = None,
        **options: Unpack[RequestOptions],
    ) -> WebsitePublished:
        """``website.publish`` the latest checkpoint (asynchronous: poll ``status``); see ``V2Websites.publish``.

        Example::

            await client.v2.websites.publish(task_id=task_id, visibility="team")
        """
        body = _site(task_id, website_id)
        if visibility is not None:
            body["visibility"] = check_choice("visibility", visibility, ("public", "team"))
        return await self._call("POST", "website.publish", body, WebsitePublished, options)

    async def update(
        self,
        *,
        task_id: str | None = None,
        website_id: str | None = None,
        title: str | None = None,
        visibility: Visibility | None = None,
        **options: Unpack[RequestOptions],
    ) -> Done:
        """``website.update``: title and/or visibility, no redeploy; see ``V2Websites.update``.

        Example::

            await client.v2.websites.update(website_id=website_id, title="Q4 site")
        """
        body = _update_body(_site(task_id, website_id), title, visibility)
        return await self._call("POST", "website.update", body, Done, options)
