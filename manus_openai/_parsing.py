"""What a parsed answer must look like before it is handed to the caller.

The OpenAI SDK parses leniently: a body that is not JSON comes back as a ``str``, JSON ``null`` / an
array / a number comes back as itself, and a truncated JSON body raises a bare ``json.JSONDecodeError``
-- all where the caller was promised a model. That turns a proxy's maintenance page or a cut-off answer
into an ``AttributeError`` far away (``'str' object has no attribute 'status'``). These checks turn each
of them into ``openai.APIResponseValidationError`` (an ``openai.APIError``, keeping the response), so one
``except openai.APIError`` covers every failed call. Fields of the wrong type inside a JSON object are
not errors: models keep what the server sent and the accessors read it defensively.
"""

from __future__ import annotations

import inspect
import json
import weakref
from typing import Any, get_origin

import httpx
import pydantic
from openai import APIResponseValidationError, AsyncStream, Stream

from ._compat import BasePage, FinalRequestOptions, NotGiven, RawResponseTypes

__all__ = ["PARSE_ERRORS", "checked", "checking", "unreadable"]

PARSE_ERRORS = (json.JSONDecodeError, UnicodeDecodeError)
"""What decoding a body that claims to be JSON raises when it is not (both are ``ValueError``)."""

_SNIPPET = 80
_UNCHECKED = (*RawResponseTypes, Stream, AsyncStream)


def _describe(response: httpx.Response) -> str:
    content_type = response.headers.get("content-type", "no content type")
    size = len(response.content)
    text = response.content[:_SNIPPET].decode("utf-8", "replace")
    snippet = " ".join(text.split())
    more = "..." if size > _SNIPPET else ""
    where = f"{response.request.method} {response.request.url.path}"
    return f"{where} answered {response.status_code} ({content_type}, {size} bytes: {snippet!r}{more})"


def unreadable(response: httpx.Response, exc: BaseException) -> APIResponseValidationError:
    """The typed error for a body that cannot be decoded as the JSON it claims to be."""
    message = f"The answer is not valid JSON ({exc}): {_describe(response)}"
    return APIResponseValidationError(response, None, message=message)


def checked(result: Any, cast_to: Any, response: httpx.Response) -> Any:
    """``result`` if it is a model object as ``cast_to`` promises, else ``APIResponseValidationError``.

    Raw-response wrappers, streams (``stream=True``: their body is read by whoever iterates them) and
    non-model targets (``object``, ``NoneType``, ``str``) pass unchanged; a page must hold a ``data``
    list of model objects.
    """
    if isinstance(result, _UNCHECKED):
        return result
    origin = get_origin(cast_to) or cast_to
    if not (inspect.isclass(origin) and issubclass(origin, pydantic.BaseModel)):
        return result
    if not isinstance(result, pydantic.BaseModel):  # any model: a raw response may be parsed `to=` another one
        what = "text that is not JSON" if isinstance(result, str) else f"JSON {type(result).__name__}"
        raise APIResponseValidationError(
            response, None if isinstance(result, str) else result,
            message=f"Expected a JSON object for {origin.__name__}, got {what}: {_describe(response)}",
        )  # fmt: skip
    check = getattr(result, "_check_answer", None)
    if callable(check):  # a model's own rule about its answer (v2: ``ok: false``, a missing payload)
        check(response)
    if isinstance(result, BasePage):
        data = getattr(result, "data", None)
        if not isinstance(data, list):
            raise APIResponseValidationError(
                response, None, message=f"Expected a list in `data` of {origin.__name__}: {_describe(response)}"
            )
        for i, item in enumerate(data):
            if not isinstance(item, pydantic.BaseModel):
                raise APIResponseValidationError(
                    response, None,
                    message=f"Expected an object at data[{i}] of {origin.__name__}, got {type(item).__name__}: "
                    f"{_describe(response)}",
                )  # fmt: skip
    return result


def checking(options: FinalRequestOptions, cast_to: Any, response: httpx.Response) -> FinalRequestOptions:
    """``options`` with a ``post_parser`` that runs ``checked`` first.

    The SDK applies ``post_parser`` right after parsing and before its own use of the result (the
    pagination hook), so garbage is refused before anything touches it -- also when a raw response
    is parsed later. ``options`` is changed in place: the SDK builds them per request (a retry starts
    again from its own copy), and copying them on every response measurably slowed every call.
    """
    original = options.post_parser
    if getattr(original, "_manus_checked", False):
        return options
    # Weakly: the SDK's page parser and ``options`` form a reference cycle, and a strong reference here
    # would keep every page's body alive until the cyclic collector runs. Whoever can still call the
    # parser (the SDK's APIResponse) holds the response itself.
    response_ref = weakref.ref(response)

    def post_parser(parsed: Any) -> Any:
        current = response_ref()
        if current is not None:
            parsed = checked(parsed, cast_to, current)
        return parsed if isinstance(original, NotGiven) else original(parsed)

    post_parser._manus_checked = True  # type: ignore[attr-defined]  # marks a parser already wrapped
    options.post_parser = post_parser
    return options
