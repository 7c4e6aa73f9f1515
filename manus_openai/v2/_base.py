"""The request helpers every v2 resource uses: one place builds the URL, the options and the credential check.

A method whose result is a field of the envelope (``task.detail`` answers ``{ok, request_id, task}``;
``retrieve`` returns the ``V2Task``) unwraps it in the SDK's ``post_parser``, not after the call: the
plain call, ``with_raw_response....parse()`` and ``with_streaming_response....parse()`` then all return
the same typed model. An answer saying ``ok: false``, or one without the object it must carry, is an
error on all three paths too (``types.v2._base.check_answer``, run where the response is at hand).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar, Union, cast

import httpx
from typing_extensions import TypedDict

from .._compat import (
    NOT_GIVEN,
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
_E = TypeVar("_E")


class RequestOptions(TypedDict, total=False):
    """Per-request options every v2 method takes (the SDK's ``extra_*`` and ``timeout``)."""

    extra_headers: Headers
    extra_query: Query
    extra_body: Body
    timeout: Union[float, httpx.Timeout, NotGiven, None]


def _options(
    options: Mapping[str, Any], query: Mapping[str, object] | None = None, post_parser: Any = NOT_GIVEN
) -> Any:
    unknown = sorted(set(options) - set(RequestOptions.__annotations__))
    if unknown:
        raise TypeError(f"unknown request option(s) {unknown}; they are: {', '.join(RequestOptions.__annotations__)}")
    return make_request_options(query=dict(query) if query is not None else None, post_parser=post_parser, **options)


def _post_parser(envelope: type[_E], then: Callable[[_E], object] | None) -> Any:
    """``then`` applied to the parsed envelope; a raw response parsed ``to=`` another type is left alone."""
    if then is None:
        return NOT_GIVEN

    def parse(value: object) -> object:
        return then(value) if isinstance(value, envelope) else value

    return parse


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
        return self._unwrap(method, endpoint, data, cast_to, options, None)

    def _unwrap(
        self,
        method: Literal["GET", "POST"],
        endpoint: str,
        data: Mapping[str, object],
        envelope: type[_E],
        options: Mapping[str, Any],
        then: Callable[[_E], _T] | None,
    ) -> _T:
        """One request, its envelope parsed as ``envelope`` and handed to ``then`` (see the module docstring)."""
        url = _url(self._client, endpoint)
        parser = _post_parser(envelope, then)
        if method == "GET":
            result = self._get(url, options=_options(options, data, parser), cast_to=envelope)
        else:
            result = self._post(url, body=dict(data), options=_options(options, None, parser), cast_to=envelope)
        return cast(_T, result)

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
        return await self._unwrap(method, endpoint, data, cast_to, options, None)

    async def _unwrap(
        self,
        method: Literal["GET", "POST"],
        endpoint: str,
        data: Mapping[str, object],
        envelope: type[_E],
        options: Mapping[str, Any],
        then: Callable[[_E], _T] | None,
    ) -> _T:
        """The async twin of ``V2Resource._unwrap``."""
        url = _url(self._client, endpoint)
        parser = _post_parser(envelope, then)
        if method == "GET":
            result = await self._get(url, options=_options(options, data, parser), cast_to=envelope)
        else:
            result = await self._post(url, body=dict(data), options=_options(options, None, parser), cast_to=envelope)
        return cast(_T, result)

    def _list(
        self, endpoint: str, query: Mapping[str, object], page: Any, model: Any, options: Mapping[str, Any]
    ) -> AsyncPaginator[Any, Any]:
        """An ``AsyncPaginator``: ``await`` it for the first page, ``async for`` it for every item."""
        url = _url(self._client, endpoint)
        return self._get_api_list(url, page=page, model=model, options=_options(options, query))
