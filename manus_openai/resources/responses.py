"""``client.responses`` on a Manus client: OpenAI's resource plus Manus options, parsing and waiting.

``ManusResponses`` / ``AsyncManusResponses`` subclass the SDK's ``Responses`` / ``AsyncResponses``, so
``with_raw_response``, ``with_streaming_response`` and every OpenAI argument keep working. Decisions
(option validation, body building, the polling schedule) live in pure functions both share; only the
I/O is written twice, line for line.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any, Union, cast

import httpx
from openai.resources.responses import AsyncResponses, Responses
from openai.types.responses.response_create_params import ResponseCreateParamsNonStreaming
from typing_extensions import TypedDict, Unpack

from .. import _waiting
from .._compat import NOT_GIVEN, OVERRIDE_CAST_TO_HEADER, Body, Headers, NotGiven, Query
from .._options import (
    MANUS_OPTION_NAMES,
    ManusOptions,
    build_manus_body,
    check_continuation,
    check_id,
    normalize_input,
)
from .._polling import DEFAULT_WAIT_TIMEOUT
from .._waiting import StopEventSource, check_wait_args, check_wait_options
from ..errors import StreamingNotSupportedError
from ..types.response import ManusResponse

__all__ = [
    "AsyncManusResponses",
    "CreateAndWaitKwargs",
    "ManusResponses",
    "ResponseCreateKwargs",
    "StopEventSource",
]

_STREAM_MESSAGE = (
    "Manus does not stream responses: a task runs asynchronously. Create it without stream=True, then "
    "call client.responses.wait(response.id) (or create_and_wait(...)), or receive its task_stopped webhook."
)


class _ExtraOptions(TypedDict, total=False):
    extra_headers: Headers | None
    extra_query: Query | None
    extra_body: Body | None


class _RequestOptions(_ExtraOptions, total=False):
    timeout: Union[float, httpx.Timeout, NotGiven, None]


class ResponseCreateKwargs(ResponseCreateParamsNonStreaming, ManusOptions, _RequestOptions, total=False):
    """Every OpenAI ``responses.create`` argument of the installed SDK, the Manus options and the request
    options."""


class CreateAndWaitKwargs(ResponseCreateParamsNonStreaming, ManusOptions, _ExtraOptions, total=False):
    """``ResponseCreateKwargs`` without the HTTP ``timeout``: in ``create_and_wait`` it bounds the wait."""


def _prepare_create(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Validate a ``create`` call and return the keyword arguments for the SDK's own ``create``."""
    manus_options = {name: kwargs.pop(name) for name in MANUS_OPTION_NAMES if name in kwargs}
    if kwargs.get("stream") is True:
        raise StreamingNotSupportedError(_STREAM_MESSAGE)
    extra_body = kwargs.pop("extra_body", None)
    if extra_body is not None and not isinstance(extra_body, dict):
        raise TypeError(f"extra_body must be a dict, got {type(extra_body).__name__}")
    body = build_manus_body(manus_options)
    if extra_body:
        # Seed-style code passes the same options in extra_body: validate them too, and refuse to let
        # one silently override a different keyword-argument value.
        from_extra = build_manus_body({k: v for k, v in extra_body.items() if k in MANUS_OPTION_NAMES})
        for name, value in from_extra.items():
            if name in body and body[name] != value:
                raise ValueError(
                    f"{name} is given twice with different values: {body[name]!r} and extra_body {value!r}"
                )
        body = {**body, **extra_body}
    check_continuation(body.get("task_id"), kwargs.get("previous_response_id"))
    if "input" not in kwargs:
        raise TypeError("responses.create() needs input= (a prompt string or a list of messages)")
    kwargs["input"] = normalize_input(kwargs["input"])
    kwargs.setdefault("model", NOT_GIVEN)  # openai<1.70 declares model required; Manus does not need it
    kwargs["extra_body"] = body or None
    kwargs["extra_headers"] = _cast_headers(kwargs.get("extra_headers"))
    return kwargs


def _cast_headers(extra_headers: Headers | None) -> Headers:
    return {**(extra_headers or {}), OVERRIDE_CAST_TO_HEADER: cast(Any, ManusResponse)}


class ManusResponses(Responses):
    """``client.responses``: create, retrieve and delete Manus tasks the OpenAI way, then wait for them.

    Example::

        client = ManusOpenAI()
        response = client.responses.create(input="Plan a trip to Kyoto", task_mode="agent")
        done = client.responses.wait(response.id, timeout=600)
        print(done.output_text)
    """

    _monotonic: Callable[[], float] = staticmethod(time.monotonic)

    def create(  # type: ignore[override]  # Manus options added; stream=True refused
        self,
        **kwargs: Unpack[ResponseCreateKwargs],
    ) -> ManusResponse:
        """Start a Manus task (or continue one with ``task_id`` / ``previous_response_id``).

        Takes every OpenAI ``responses.create`` argument plus the Manus options, sent in the JSON body
        under the names the compat guide documents. ``input`` may be a plain string. Returns at once
        with ``status == "running"``; see ``wait()``.

        Example::

            r = client.responses.create(input="Summarise today's AI news", agent_profile="manus-1.6")
        """
        return cast(ManusResponse, super().create(**_prepare_create(dict(kwargs))))

    def retrieve(  # type: ignore[override]  # returns ManusResponse; stream=True refused
        self, response_id: str, **kwargs: Any
    ) -> ManusResponse:
        """Fetch the task's current state and whole conversation.

        Example::

            r = client.responses.retrieve("a5ej4FnVPLP8Vjvb6FoeAu")
            print(r.status, r.output_text)
        """
        if kwargs.get("stream") is True:
            raise StreamingNotSupportedError(_STREAM_MESSAGE)
        kwargs["extra_headers"] = _cast_headers(kwargs.get("extra_headers"))
        return cast(ManusResponse, super().retrieve(check_id(response_id), **kwargs))

    def delete(self, response_id: str, **kwargs: Any) -> None:
        """Delete the task and all its data, irreversibly (``DELETE /v1/responses/{id}``).

        Example::

            client.responses.delete("a5ej4FnVPLP8Vjvb6FoeAu")
        """
        # The SDK only refuses "": a blank or path-like id would reach another URL.
        super().delete(check_id(response_id), **kwargs)

    def wait(
        self,
        response_id: str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float | None = None,
        on_update: Callable[[ManusResponse], object] | None = None,
        events: StopEventSource | None = None,
    ) -> ManusResponse:
        """Poll until the task is no longer ``running`` and return that response.

        Also returns for ``pending`` (the agent asks a question) and ``error``: the caller decides.
        ``timeout`` seconds (None: forever) -> ``WaitTimeout`` carrying the last response. Rate limits,
        5xx and dropped connections while polling do not end the wait. The schedule is in
        ``manus_openai._polling``; ``poll_interval`` fixes it. ``on_update`` sees every polled response.
        With ``events=`` (a webhook receiver) it returns when the task's ``task_stopped`` event arrives,
        polling only as a slow safety net.

        Example::

            done = client.responses.wait(response.id, timeout=900, on_update=lambda r: print(r.status))
        """
        task_id = check_wait_args(response_id, timeout, poll_interval)
        return _waiting.wait(
            task_id,
            lambda: self.with_raw_response.retrieve(task_id),
            timeout=timeout, poll_interval=poll_interval, on_update=on_update, events=events,
            sleep=self._sleep, monotonic=self._monotonic,
        )  # fmt: skip

    def create_and_wait(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float | None = None,
        on_update: Callable[[ManusResponse], object] | None = None,
        events: StopEventSource | None = None,
        **kwargs: Unpack[CreateAndWaitKwargs],
    ) -> ManusResponse:
        """``create(...)`` then ``wait(...)``: the finished (or paused, or failed) task.

        Example::

            done = client.responses.create_and_wait(input="What's the colour of the sky?", timeout=300)
            print(done.output_text)
        """
        check_wait_options(timeout, poll_interval)
        created, remaining = _waiting.create_patiently(
            lambda: self.create(**kwargs),
            timeout=timeout, sleep=self._sleep, monotonic=self._monotonic,
        )  # fmt: skip
        return self.wait(created.id, timeout=remaining, poll_interval=poll_interval, on_update=on_update, events=events)


class AsyncManusResponses(AsyncResponses):
    """``client.responses`` on ``AsyncManusOpenAI``: the async twin of ``ManusResponses``.

    Example::

        client = AsyncManusOpenAI()
        done = await client.responses.create_and_wait(input="Plan a trip to Kyoto", timeout=600)
        print(done.output_text)
    """

    _monotonic: Callable[[], float] = staticmethod(time.monotonic)

    async def create(  # type: ignore[override]  # Manus options added; stream=True refused
        self,
        **kwargs: Unpack[ResponseCreateKwargs],
    ) -> ManusResponse:
        """Start a Manus task; see ``ManusResponses.create``.

        Example::

            r = await client.responses.create(input="Summarise today's AI news", task_mode="agent")
        """
        return cast(ManusResponse, await super().create(**_prepare_create(dict(kwargs))))

    async def retrieve(  # type: ignore[override]  # returns ManusResponse; stream=True refused
        self, response_id: str, **kwargs: Any
    ) -> ManusResponse:
        """Fetch the task's current state; see ``ManusResponses.retrieve``.

        Example::

            r = await client.responses.retrieve("a5ej4FnVPLP8Vjvb6FoeAu")
        """
        if kwargs.get("stream") is True:
            raise StreamingNotSupportedError(_STREAM_MESSAGE)
        kwargs["extra_headers"] = _cast_headers(kwargs.get("extra_headers"))
        return cast(ManusResponse, await super().retrieve(check_id(response_id), **kwargs))

    async def delete(self, response_id: str, **kwargs: Any) -> None:
        """Delete the task; see ``ManusResponses.delete``.

        Example::

            await client.responses.delete("a5ej4FnVPLP8Vjvb6FoeAu")
        """
        await super().delete(check_id(response_id), **kwargs)

    async def wait(
        self,
        response_id: str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float | None = None,
        on_update: Callable[[ManusResponse], Union[object, Awaitable[object]]] | None = None,
        events: StopEventSource | None = None,
    ) -> ManusResponse:
        """Poll until the task is no longer ``running``; see ``ManusResponses.wait``. ``on_update`` may be async.

        Example::

            done = await client.responses.wait(response.id, timeout=900)
        """
        task_id = check_wait_args(response_id, timeout, poll_interval)
        return await _waiting.async_wait(
            task_id,
            lambda: self.with_raw_response.retrieve(task_id),
            timeout=timeout, poll_interval=poll_interval, on_update=on_update, events=events,
            sleep=self._sleep, monotonic=self._monotonic,
        )  # fmt: skip

    async def create_and_wait(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float | None = None,
        on_update: Callable[[ManusResponse], Union[object, Awaitable[object]]] | None = None,
        events: StopEventSource | None = None,
        **kwargs: Unpack[CreateAndWaitKwargs],
    ) -> ManusResponse:
        """``await create(...)`` then ``await wait(...)``; see ``ManusResponses.create_and_wait``.

        Example::

            done = await client.responses.create_and_wait(input="What's the colour of the sky?")
        """
        check_wait_options(timeout, poll_interval)
        created, remaining = await _waiting.async_create_patiently(
            lambda: self.create(**kwargs),
            timeout=timeout, sleep=self._sleep, monotonic=self._monotonic,
        )  # fmt: skip
        return await self.wait(
            created.id, timeout=remaining, poll_interval=poll_interval, on_update=on_update, events=events
        )
