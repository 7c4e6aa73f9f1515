"""Every private name of the OpenAI SDK that manus_openai uses, in one place.

openai 1.66.0 - 1.100.2 keep these names and signatures (``tests/test_compat.py`` fails loudly if a
release moves one). Nothing else in the package imports from ``openai._*``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar, Union

import httpx
from openai import _legacy_response
from openai._base_client import (
    AsyncPaginator,
    BaseAsyncPage,
    BasePage,
    BaseSyncPage,
    PageInfo,
    make_request_options,
)
from openai._client import AsyncOpenAIWithRawResponse as AsyncRawClientView
from openai._client import AsyncOpenAIWithStreamedResponse as AsyncStreamedClientView
from openai._client import OpenAIWithRawResponse as RawClientView
from openai._client import OpenAIWithStreamedResponse as StreamedClientView
from openai._compat import model_copy
from openai._constants import OVERRIDE_CAST_TO_HEADER
from openai._models import FinalRequestOptions, construct_type
from openai._qs import Querystring
from openai._resource import AsyncAPIResource, SyncAPIResource
from openai._response import BaseAPIResponse, async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import NOT_GIVEN, Body, FileTypes, Headers, NotGiven, Omit, Query
from openai.lib._parsing._responses import parse_response, type_to_text_format_param
from openai.pagination import AsyncPage, SyncPage

if TYPE_CHECKING:
    from openai import APIStatusError, AsyncOpenAI, OpenAI

_T = TypeVar("_T")

to_raw_response_wrapper = _legacy_response.to_raw_response_wrapper
RawResponseTypes = (_legacy_response.LegacyAPIResponse, BaseAPIResponse, httpx.Response)
"""What ``_process_response`` returns unparsed (``with_raw_response`` / ``with_streaming_response``)."""
async_to_raw_response_wrapper = _legacy_response.async_to_raw_response_wrapper


def retry_timeout(
    client: Union[OpenAI, AsyncOpenAI], remaining_retries: int, options: FinalRequestOptions, headers: object
) -> float:
    """The SDK's own delay before a retry: ``Retry-After`` (0-60 s) honoured, else jittered backoff."""
    delay: float = client._calculate_retry_timeout(remaining_retries, options, headers)  # type: ignore[arg-type]  # headers: httpx.Headers | None at runtime
    return delay


def custom_headers(client: Union[OpenAI, AsyncOpenAI]) -> Mapping[str, str]:
    """The ``default_headers`` the user gave the client."""
    return client._custom_headers


def http_client_of(client: OpenAI) -> httpx.Client:
    """The client's own ``httpx.Client`` (its connection pool), for requests outside the API (presigned
    uploads, output-file downloads) that must not carry the SDK's default headers."""
    http: httpx.Client = client._client
    return http


def async_http_client_of(client: AsyncOpenAI) -> httpx.AsyncClient:
    """The async twin of ``http_client_of``."""
    http: httpx.AsyncClient = client._client
    return http


def status_error(client: Union[OpenAI, AsyncOpenAI], response: httpx.Response) -> APIStatusError:
    """The SDK's typed error (``NotFoundError``...) for a failed response the client did not send itself."""
    return client._make_status_error_from_response(response)


__all__ = [
    "NOT_GIVEN",
    "OVERRIDE_CAST_TO_HEADER",
    "AsyncAPIResource",
    "AsyncPage",
    "AsyncPaginator",
    "AsyncRawClientView",
    "AsyncStreamedClientView",
    "BaseAsyncPage",
    "BasePage",
    "BaseSyncPage",
    "Body",
    "FileTypes",
    "FinalRequestOptions",
    "Headers",
    "NotGiven",
    "Omit",
    "PageInfo",
    "Query",
    "Querystring",
    "RawClientView",
    "RawResponseTypes",
    "StreamedClientView",
    "SyncAPIResource",
    "SyncPage",
    "async_http_client_of",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
    "construct_type",
    "custom_headers",
    "http_client_of",
    "make_request_options",
    "model_copy",
    "parse_response",
    "retry_timeout",
    "seed_parsed",
    "set_stream_iterator",
    "status_error",
    "stream_parts",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
    "type_to_text_format_param",
]


def stream_parts(stream: object) -> tuple[object, object]:
    """A ``ResponseStream``'s raw event stream and its accumulator (``ResponseStreamState``)."""
    return stream._raw_stream, stream._state  # type: ignore[attr-defined]  # the SDK's ResponseStream internals


def set_stream_iterator(stream: object, iterator: object) -> None:
    """Replace the iterator a ``ResponseStream`` (or its async twin) hands its consumer."""
    stream._iterator = iterator  # type: ignore[attr-defined]  # as above


def seed_parsed(raw: _T, value: object) -> _T:
    """``raw`` (a ``with_raw_response`` answer) whose ``.parse()`` returns ``value``.

    A blocking ``create`` in the OpenAI view reads the task several times; ``with_raw_response.create``
    hands back the last read's HTTP response, parsed as the translated response.
    """
    cache = getattr(raw, "_parsed_by_type", None)
    cast_to = getattr(raw, "_cast_to", None)
    if isinstance(cache, dict) and cast_to is not None:
        cache[cast_to] = value
    return raw
