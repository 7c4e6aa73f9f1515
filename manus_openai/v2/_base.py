"""The request helpers every v2 resource uses: one place builds the URL, the options and the credential check."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, Union

import httpx
from typing_extensions import TypedDict

from .._compat import (
    AsyncAPIResource,
    AsyncPaginator,
    Body,
    Headers,
    NotGiven,
    Query,
    SyncAPIResource,
    make_request_options,
)
from ._transport import require_api_key, v2_url

__all__ = ["AsyncV2Resource", "RequestOptions", "V2Resource"]

_T = TypeVar("_T")


class RequestOptions(TypedDict, total=False):
    """Per-request options every v2 method takes (the SDK's ``extra_*`` and ``timeout``)."""

    extra_headers: Headers
    extra_query: Query
    extra_body: Body
    timeout: Union[float, httpx.Timeout, NotGiven, None]


def _options(options: Mapping[str, Any], query: Mapping[str, object] | None = None) -> Any:
    unknown = sorted(set(options) - set(RequestOptions.__annotations__))
    if unknown:
        raise TypeError(f"unknown request option(s) {unknown}; they are: {', '.join(RequestOptions.__annotations__)}")
    return make_request_options(query=dict(query) if query is not None else None, **options)


def _url(client: Any, endpoint: str) -> str:
    require_api_key(endpoint, client.api_key, getattr(client, "_oauth_token", None))
    return v2_url(client.base_url, endpoint)


class V2Resource(SyncAPIResource):
    """Base of the sync v2 resources."""

    _client: Any

    def _call(
        self,
        method: Literal["GET", "POST"],
        endpoint: str,
        data: Mapping[str, object],
        cast_to: type[_T],
        options: Mapping[str, Any],
    ) -> _T:
        url = _url(self._client, endpoint)
        if method == "GET":
            return self._get(url, options=_options(options, data), cast_to=cast_to)
        return self._post(url, body=dict(data), options=_options(options), cast_to=cast_to)

    def _list(
        self, endpoint: str, query: Mapping[str, object], page: type[_T], model: Any, options: Mapping[str, Any]
    ) -> _T:
        url = _url(self._client, endpoint)
        result: _T = self._get_api_list(url, page=page, model=model, options=_options(options, query))  # type: ignore[type-var]  # page is a SyncCursorPage / SyncEventPage
        return result


class AsyncV2Resource(AsyncAPIResource):
    """Base of the async v2 resources."""

    _client: Any

    async def _call(
        self,
        method: Literal["GET", "POST"],
        endpoint: str,
        data: Mapping[str, object],
        cast_to: type[_T],
        options: Mapping[str, Any],
    ) -> _T:
        url = _url(self._client, endpoint)
        if method == "GET":
            return await self._get(url, options=_options(options, data), cast_to=cast_to)
        return await self._post(url, body=dict(data), options=_options(options), cast_to=cast_to)

    def _list(
        self, endpoint: str, query: Mapping[str, object], page: Any, model: Any, options: Mapping[str, Any]
    ) -> AsyncPaginator[Any, Any]:
        """An ``AsyncPaginator``: ``await`` it for the first page, ``async for`` it for every item."""
        url = _url(self._client, endpoint)
        return self._get_api_list(url, page=page, model=model, options=_options(options, query))
