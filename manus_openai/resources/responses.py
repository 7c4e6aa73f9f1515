"""``client.responses`` on a Manus client: OpenAI's resource, keeping OpenAI's Responses contract on Manus.

``ManusResponses`` / ``AsyncManusResponses`` subclass the SDK's ``Responses`` / ``AsyncResponses``, so
``with_raw_response`` and every OpenAI argument keep working. In the default ``responses_view="openai"``
every decision (argument table, role folding, statuses, this turn's output, ids, continue-or-fork) is a
pure function of ``manus_openai._bridge``; the I/O of the client's ``responses_backend`` (v2 primitives by
default, or ``/v1/responses``) is in ``_responses_io``; this module drives it, once for sync and once for
async, line for line. ``responses_view="manus"`` is the raw Manus view: v1's objects (``/v1/responses``
on either backend), and ``create`` returning at once.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any, Literal, Union, cast, overload

import httpx
from openai import AsyncStream, Stream
from openai.resources.responses import AsyncResponses, Responses
from openai.types.responses import ParsedResponse, ResponseStreamEvent
from openai.types.responses.response_create_params import ResponseCreateParamsBase, ResponseCreateParamsNonStreaming
from typing_extensions import TypedDict, Unpack

from .. import _bridge, _waiting
from .._bridge import CreatePlan, Snapshot
from .._bridge._structured import parse_kwargs, parsed
from .._compat import NOT_GIVEN, Body, Headers, NotGiven, Query, seed_parsed
from .._ids import split_turn_id, task_id_of, turn_id
from .._options import ManusOptions, check_id
from .._polling import DEFAULT_WAIT_TIMEOUT
from .._waiting import StopEventSource, check_wait_args, check_wait_options
from ..errors import WaitTimeout
from ..types.response import ManusResponse
from . import response_streams
from ._responses_io import Read, io_for
from ._responses_shared import (
    _cancelled,
    _http_timeout,
    _needs_stop,
    _not_found,
    _Polled,
    _raw_headers,
    _refuse_manus_view,
    _settings,
    _timeout_error,
    _translate,
    _turn_of,
)
from .input_items import AsyncManusInputItems, ManusInputItems

__all__ = [
    "AsyncManusResponses",
    "CreateAndWaitKwargs",
    "ManusResponses",
    "ResponseCreateKwargs",
    "ResponseStreamKwargs",
    "StopEventSource",
]


class _ExtraOptions(TypedDict, total=False):
    extra_headers: Headers | None
    extra_query: Query | None
    extra_body: Body | None


class _RequestOptions(_ExtraOptions, total=False):
    timeout: Union[float, httpx.Timeout, NotGiven, None]


class ResponseCreateKwargs(ResponseCreateParamsNonStreaming, ManusOptions, _RequestOptions, total=False):
    """Every OpenAI ``responses.create`` argument of the installed SDK, the Manus options and the request
    options."""


class ResponseStreamKwargs(ResponseCreateParamsBase, ManusOptions, _RequestOptions, total=False):
    """``ResponseCreateKwargs`` without ``stream``: what ``create(..., stream=True)`` takes besides it."""


class CreateAndWaitKwargs(ResponseCreateParamsNonStreaming, ManusOptions, _ExtraOptions, total=False):
    """``ResponseCreateKwargs`` without the HTTP ``timeout``: in ``create_and_wait`` it bounds the wait."""


class ManusResponses(response_streams.StreamMethods, Responses):
    """``client.responses``: OpenAI's Responses contract on Manus tasks (see the README's contract section).

    Example::

        client = ManusOpenAI()
        response = client.responses.create(input="Plan a trip to Kyoto")  # waits for the answer
        print(response.status, response.output_text)
    """

    _monotonic: Callable[[], float] = staticmethod(time.monotonic)

    def __init__(self, client: Any) -> None:
        super().__init__(client)
        self.__dict__["input_items"] = ManusInputItems(client)  # openai<1.78 sets it in __init__ too

    def _view(self) -> str:
        return cast(str, getattr(self._client, "responses_view", "openai"))

    # ------------------------------------------------------------------ I/O
    def _io(self) -> Any:
        return io_for(self, asynchronous=False)

    def _raw_get(self, task: str, **kwargs: Any) -> Any:
        kwargs["extra_headers"] = {**(kwargs.get("extra_headers") or {}), **_raw_headers()}
        return Responses.retrieve(self, task, **kwargs)

    def _snapshot(self, task: str) -> Snapshot:
        return cast(Snapshot, self._io().snapshot(task))

    def _stop(self, task: str, **kwargs: Any) -> None:
        # v1 cannot stop a task: v2 task.stop does, on the same task id (see _bridge._backend).
        self._io().stop(task, **kwargs)

    def _wait_turn(
        self, task: str, turn: int | None, *, timeout: float | None, poll_interval: float | None = None,
        on_update: Callable[[ManusResponse], object] | None = None, events: StopEventSource | None = None,
        plan: CreatePlan | None = None, http_timeout: Any = None,
    ) -> tuple[ManusResponse, Any]:  # fmt: skip
        """Poll until turn ``turn`` ends; the translated response and the last raw HTTP response."""
        io = self._io()
        last: list[Read] = []

        def fetch() -> _Polled:
            read = io.read(task, http_timeout=http_timeout, known=last[0] if last else None)
            last[:] = [read]
            return _Polled(read, turn, plan)

        def done(r: ManusResponse) -> bool:
            snapshot = last[0].snapshot
            return _bridge.turn_done(snapshot, _turn_of(snapshot, turn))

        final = _waiting.wait(
            task, fetch, timeout=timeout, poll_interval=poll_interval, on_update=on_update, events=events,
            sleep=self._sleep, monotonic=self._monotonic, done=done,
        )  # fmt: skip
        return final, (last[0].raw if last else None)

    # ------------------------------------------------------------------ the OpenAI methods
    @overload  # type: ignore[override]  # Manus options added
    def create(
        self, *, stream: Literal[True], **kwargs: Unpack[ResponseStreamKwargs]
    ) -> Stream[ResponseStreamEvent]: ...
    @overload
    def create(self, **kwargs: Unpack[ResponseCreateKwargs]) -> ManusResponse: ...
    def create(self, **kwargs: Any) -> Any:
        """Create a response: the finished turn, as OpenAI's ``create`` returns it (``background=True``: at once).

        Takes every OpenAI ``responses.create`` argument (the README's argument table says what each does
        on Manus) plus the Manus options. ``timeout`` bounds the whole call; past it
        ``openai.APITimeoutError`` (``ResponseTimeoutError``) carries ``.response_id``. With
        ``responses_view="manus"`` it returns Manus's object at once, as the compat guide shows.

        Example::

            r = client.responses.create(model="gpt-4o", input="Summarise today's AI news")
            print(r.status, r.output_text)
        """
        if kwargs.get("stream") is True:  # an openai.Stream of ResponseStreamEvent (response_streams)
            return response_streams.create_stream(self, dict(kwargs))
        if self._view() == "manus":
            return cast(ManusResponse, super().create(**_bridge.prepare_create(dict(kwargs))))
        start = self._monotonic()
        io = self._io()
        plan = _bridge.plan_create(dict(kwargs), client_timeout=self._client.timeout, backend=io.name)
        before: Snapshot | None = None
        if plan.check_turn is not None:
            task, turn = plan.check_turn
            before = io.snapshot(task)
            if turn > before.turn_count:
                raise _not_found(self._client.base_url, task, turn, before.turn_count)
            plan = _bridge.continuation(plan, before, forks=_settings(self._client)[0])
        read, task_id, turn = io.start(plan, before)
        if plan.background:
            response = _translate(read.snapshot, turn, plan, read.request_id)
            return seed_parsed(read.raw, response) if plan.raw else response
        remaining = None if plan.timeout is None else max(plan.timeout - (self._monotonic() - start), 0.001)
        try:
            response, raw = self._wait_turn(
                task_id, turn, timeout=remaining, events=_settings(self._client)[1], plan=plan,
                http_timeout=_http_timeout(plan),
            )  # fmt: skip
        except WaitTimeout as exc:
            raise _timeout_error(self._client.base_url, turn_id(task_id, turn), exc.response, exc.waited) from exc
        return seed_parsed(raw, response) if plan.raw and raw is not None else response

    def parse(  # type: ignore[override]  # Manus options added; the SDK's own parse would post v1's body
        self, *, text_format: Any = NOT_GIVEN, **kwargs: Unpack[ResponseCreateKwargs]
    ) -> ParsedResponse[Any]:
        """Structured output: ``create`` with the schema of ``text_format`` (a pydantic model) or of
        ``text={"format": {"type": "json_schema", ...}}``, sent as v2 ``structured_output_schema``.

        Returns the SDK's ``ParsedResponse``; ``output_parsed`` is the model instance and ``output_text``
        its JSON. Refused before sending on the v1 backend or for a schema outside Manus's strict subset
        (``SchemaNotStrictError``); ``success: false`` or a value that does not fit is
        ``StructuredOutputError`` (``.error``, ``.value``, ``.response_id``).

        Example::

            class City(pydantic.BaseModel):
                name: str
                population: int

            r = client.responses.parse(input="The largest city in Japan?", text_format=City)
            print(r.output_parsed.name)
        """
        _refuse_manus_view(self._view())
        create_kwargs = parse_kwargs(dict(kwargs), text_format, backend=self._io().name)
        return cast("ParsedResponse[Any]", parsed(self.create(**create_kwargs), text_format))

    @overload  # type: ignore[override]  # returns ManusResponse
    def retrieve(self, response_id: str, *, stream: Literal[True], **kwargs: Any) -> Stream[ResponseStreamEvent]: ...
    @overload
    def retrieve(
        self, response_id: str, *, stream: Literal[False] | NotGiven | None = ..., **kwargs: Any
    ) -> ManusResponse: ...
    def retrieve(self, response_id: str, **kwargs: Any) -> Any:
        """Fetch a response: a turn id gives that turn, a bare task id the task's latest turn.

        Example::

            r = client.responses.retrieve(response.id)
            print(r.status, r.output_text)
        """
        if kwargs.get("stream") is True:  # an openai.Stream of ResponseStreamEvent (response_streams)
            return response_streams.retrieve_stream(self, response_id, kwargs)
        task, turn = split_turn_id(check_id(response_id))
        if self._view() == "manus":
            kwargs["extra_headers"] = _bridge.cast_headers(kwargs.get("extra_headers"))
            return cast(ManusResponse, super().retrieve(task, **kwargs))
        headers = dict(kwargs.pop("extra_headers", None) or {})
        raw_mode = headers.pop(_bridge._plan.RAW_RESPONSE_HEADER, None)
        read = self._io().read(task, extra_headers=headers, **kwargs)
        snapshot = read.snapshot
        if turn is not None and turn > snapshot.turn_count:
            raise _not_found(self._client.base_url, task, turn, snapshot.turn_count)
        response = _translate(snapshot, _turn_of(snapshot, turn), None, read.request_id)
        return seed_parsed(read.raw, response) if raw_mode is not None else response

    def delete(self, response_id: str, **kwargs: Any) -> None:
        """Delete the task behind ``response_id`` and all its data (every turn), irreversibly (v2
        ``task.delete``, or ``DELETE /v1/responses/{id}`` on the v1 backend).

        Example::

            client.responses.delete(response.id)
        """
        # The SDK only refuses "": a blank or path-like id would reach another URL.
        self._io().delete(task_id_of(check_id(response_id)), **kwargs)

    def cancel(self, response_id: str, **kwargs: Any) -> ManusResponse:
        """Stop the task's running turn (v2 ``task.stop``, on either backend) and return it ``cancelled``;
        idempotent.

        A turn that already ended (``completed``, ``failed``, ``cancelled``) is returned as it is, without a
        request to stop anything.

        Example::

            r = client.responses.create(input="Write a long report", background=True)
            print(client.responses.cancel(r.id).status)  # cancelled
        """
        task, turn = split_turn_id(check_id(response_id))
        before = self._snapshot(task)
        n = _turn_of(before, turn)
        if self._view() == "manus":
            self._stop(task, **kwargs)
            return self.retrieve(task)
        if not _needs_stop(before, n):
            return _translate(before, n, None)
        self._stop(task, **kwargs)
        return _cancelled(self._snapshot(task), n)

    def wait(
        self,
        response_id: str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float | None = None,
        on_update: Callable[[ManusResponse], object] | None = None,
        events: StopEventSource | None = None,
    ) -> ManusResponse:
        """Poll until the response (a turn; a bare task id: the latest turn) has ended, and return it.

        Returns also for ``incomplete`` (the agent asks the user something) and ``failed``: the caller
        decides. ``timeout`` seconds (None: forever) -> ``WaitTimeout`` carrying the last response. Rate
        limits, 5xx and dropped connections while polling do not end the wait. The schedule is in
        ``manus_openai._polling``; ``poll_interval`` fixes it. ``on_update`` sees every polled response.
        With ``events=`` (a webhook receiver; default: the client's ``stop_events``) it returns when the
        task's ``task_stopped`` event arrives, polling only as a slow safety net.

        Example::

            done = client.responses.wait(response.id, timeout=900, on_update=lambda r: print(r.status))
        """
        check_wait_args(response_id, timeout, poll_interval)
        task, turn = split_turn_id(response_id)
        events = events if events is not None else _settings(self._client)[1]
        if self._view() == "manus":
            return _waiting.wait(
                task, lambda: self._raw_get(task),
                timeout=timeout, poll_interval=poll_interval, on_update=on_update, events=events,
                sleep=self._sleep, monotonic=self._monotonic,
            )  # fmt: skip
        response, _ = self._wait_turn(
            task, turn, timeout=timeout, poll_interval=poll_interval, on_update=on_update, events=events
        )
        return response

    def create_and_wait(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float | None = None,
        on_update: Callable[[ManusResponse], object] | None = None,
        events: StopEventSource | None = None,
        **kwargs: Unpack[CreateAndWaitKwargs],
    ) -> ManusResponse:
        """``create(..., background=True)`` then ``wait(...)``: the finished (or paused, or failed) turn.

        Example::

            done = client.responses.create_and_wait(input="What's the colour of the sky?", timeout=300)
            print(done.output_text)
        """
        check_wait_options(timeout, poll_interval)
        if self._view() == "openai":
            kwargs["background"] = True
        created, remaining = _waiting.create_patiently(
            lambda: self.create(**kwargs),
            timeout=timeout, sleep=self._sleep, monotonic=self._monotonic,
        )  # fmt: skip
        return self.wait(created.id, timeout=remaining, poll_interval=poll_interval, on_update=on_update, events=events)


class AsyncManusResponses(response_streams.AsyncStreamMethods, AsyncResponses):
    """``client.responses`` on ``AsyncManusOpenAI``: the async twin of ``ManusResponses``.

    Example::

        client = AsyncManusOpenAI()
        response = await client.responses.create(input="Plan a trip to Kyoto")
        print(response.output_text)
    """

    _monotonic: Callable[[], float] = staticmethod(time.monotonic)

    def __init__(self, client: Any) -> None:
        super().__init__(client)
        self.__dict__["input_items"] = AsyncManusInputItems(client)

    def _view(self) -> str:
        return cast(str, getattr(self._client, "responses_view", "openai"))

    # ------------------------------------------------------------------ I/O
    def _io(self) -> Any:
        return io_for(self, asynchronous=True)

    async def _raw_get(self, task: str, **kwargs: Any) -> Any:
        kwargs["extra_headers"] = {**(kwargs.get("extra_headers") or {}), **_raw_headers()}
        return await AsyncResponses.retrieve(self, task, **kwargs)

    async def _snapshot(self, task: str) -> Snapshot:
        return cast(Snapshot, await self._io().snapshot(task))

    async def _stop(self, task: str, **kwargs: Any) -> None:
        await self._io().stop(task, **kwargs)

    async def _wait_turn(
        self, task: str, turn: int | None, *, timeout: float | None, poll_interval: float | None = None,
        on_update: Callable[[ManusResponse], Union[object, Awaitable[object]]] | None = None,
        events: StopEventSource | None = None, plan: CreatePlan | None = None, http_timeout: Any = None,
    ) -> tuple[ManusResponse, Any]:  # fmt: skip
        """Poll until turn ``turn`` ends; the translated response and the last raw HTTP response."""
        io = self._io()
        last: list[Read] = []

        async def fetch() -> _Polled:
            read = await io.read(task, http_timeout=http_timeout, known=last[0] if last else None)
            last[:] = [read]
            return _Polled(read, turn, plan)

        def done(r: ManusResponse) -> bool:
            snapshot = last[0].snapshot
            return _bridge.turn_done(snapshot, _turn_of(snapshot, turn))

        final = await _waiting.async_wait(
            task, fetch, timeout=timeout, poll_interval=poll_interval, on_update=on_update, events=events,
            sleep=self._sleep, monotonic=self._monotonic, done=done,
        )  # fmt: skip
        return final, (last[0].raw if last else None)

    # ------------------------------------------------------------------ the OpenAI methods
    @overload  # type: ignore[override]  # Manus options added
    async def create(
        self, *, stream: Literal[True], **kwargs: Unpack[ResponseStreamKwargs]
    ) -> AsyncStream[ResponseStreamEvent]: ...
    @overload
    async def create(self, **kwargs: Unpack[ResponseCreateKwargs]) -> ManusResponse: ...
    async def create(self, **kwargs: Any) -> Any:
        """Create a response: the finished turn (``background=True``: at once); see ``ManusResponses.create``.

        Example::

            r = await client.responses.create(model="gpt-4o", input="Summarise today's AI news")
        """
        if kwargs.get("stream") is True:  # an openai.AsyncStream of ResponseStreamEvent (response_streams)
            return await response_streams.async_create_stream(self, dict(kwargs))
        if self._view() == "manus":
            return cast(ManusResponse, await super().create(**_bridge.prepare_create(dict(kwargs))))
        start = self._monotonic()
        io = self._io()
        plan = _bridge.plan_create(dict(kwargs), client_timeout=self._client.timeout, backend=io.name)
        before: Snapshot | None = None
        if plan.check_turn is not None:
            task, turn = plan.check_turn
            before = await io.snapshot(task)
            if turn > before.turn_count:
                raise _not_found(self._client.base_url, task, turn, before.turn_count)
            plan = _bridge.continuation(plan, before, forks=_settings(self._client)[0])
        read, task_id, turn = await io.start(plan, before)
        if plan.background:
            response = _translate(read.snapshot, turn, plan, read.request_id)
            return seed_parsed(read.raw, response) if plan.raw else response
        remaining = None if plan.timeout is None else max(plan.timeout - (self._monotonic() - start), 0.001)
        try:
            response, raw = await self._wait_turn(
                task_id, turn, timeout=remaining, events=_settings(self._client)[1], plan=plan,
                http_timeout=_http_timeout(plan),
            )  # fmt: skip
        except WaitTimeout as exc:
            raise _timeout_error(self._client.base_url, turn_id(task_id, turn), exc.response, exc.waited) from exc
        return seed_parsed(raw, response) if plan.raw and raw is not None else response

    async def parse(  # type: ignore[override]  # Manus options added; the SDK's own parse would post v1's body
        self, *, text_format: Any = NOT_GIVEN, **kwargs: Unpack[ResponseCreateKwargs]
    ) -> ParsedResponse[Any]:
        """Structured output; see ``ManusResponses.parse``.

        Example::

            r = await client.responses.parse(input="The largest city in Japan?", text_format=City)
        """
        _refuse_manus_view(self._view())
        create_kwargs = parse_kwargs(dict(kwargs), text_format, backend=self._io().name)
        return cast("ParsedResponse[Any]", parsed(await self.create(**create_kwargs), text_format))

    @overload  # type: ignore[override]  # returns ManusResponse
    async def retrieve(
        self, response_id: str, *, stream: Literal[True], **kwargs: Any
    ) -> AsyncStream[ResponseStreamEvent]: ...
    @overload
    async def retrieve(
        self, response_id: str, *, stream: Literal[False] | NotGiven | None = ..., **kwargs: Any
    ) -> ManusResponse: ...
    async def retrieve(self, response_id: str, **kwargs: Any) -> Any:
        """Fetch a response; see ``ManusResponses.retrieve``.

        Example::

            r = await client.responses.retrieve(response.id)
        """
        if kwargs.get("stream") is True:  # an openai.AsyncStream of ResponseStreamEvent (response_streams)
            return await response_streams.async_retrieve_stream(self, response_id, kwargs)
        task, turn = split_turn_id(check_id(response_id))
        if self._view() == "manus":
            kwargs["extra_headers"] = _bridge.cast_headers(kwargs.get("extra_headers"))
            return cast(ManusResponse, await super().retrieve(task, **kwargs))
        headers = dict(kwargs.pop("extra_headers", None) or {})
        raw_mode = headers.pop(_bridge._plan.RAW_RESPONSE_HEADER, None)
        read = await self._io().read(task, extra_headers=headers, **kwargs)
        snapshot = read.snapshot
        if turn is not None and turn > snapshot.turn_count:
            raise _not_found(self._client.base_url, task, turn, snapshot.turn_count)
        response = _translate(snapshot, _turn_of(snapshot, turn), None, read.request_id)
        return seed_parsed(read.raw, response) if raw_mode is not None else response

    async def delete(self, response_id: str, **kwargs: Any) -> None:
        """Delete the task behind ``response_id``; see ``ManusResponses.delete``.

        Example::

            await client.responses.delete(response.id)
        """
        await self._io().delete(task_id_of(check_id(response_id)), **kwargs)

    async def cancel(self, response_id: str, **kwargs: Any) -> ManusResponse:
        """Stop the task's running turn and return it ``cancelled``; see ``ManusResponses.cancel``.

        Example::

            print((await client.responses.cancel(r.id)).status)  # cancelled
        """
        task, turn = split_turn_id(check_id(response_id))
        before = await self._snapshot(task)
        n = _turn_of(before, turn)
        if self._view() == "manus":
            await self._stop(task, **kwargs)
            return await self.retrieve(task)
        if not _needs_stop(before, n):
            return _translate(before, n, None)
        await self._stop(task, **kwargs)
        return _cancelled(await self._snapshot(task), n)

    async def wait(
        self,
        response_id: str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float | None = None,
        on_update: Callable[[ManusResponse], Union[object, Awaitable[object]]] | None = None,
        events: StopEventSource | None = None,
    ) -> ManusResponse:
        """Poll until the response has ended; see ``ManusResponses.wait``. ``on_update`` may be async.

        Example::

            done = await client.responses.wait(response.id, timeout=900)
        """
        check_wait_args(response_id, timeout, poll_interval)
        task, turn = split_turn_id(response_id)
        events = events if events is not None else _settings(self._client)[1]
        if self._view() == "manus":
            return await _waiting.async_wait(
                task, lambda: self._raw_get(task),
                timeout=timeout, poll_interval=poll_interval, on_update=on_update, events=events,
                sleep=self._sleep, monotonic=self._monotonic,
            )  # fmt: skip
        response, _ = await self._wait_turn(
            task, turn, timeout=timeout, poll_interval=poll_interval, on_update=on_update, events=events
        )
        return response

    async def create_and_wait(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float | None = None,
        on_update: Callable[[ManusResponse], Union[object, Awaitable[object]]] | None = None,
        events: StopEventSource | None = None,
        **kwargs: Unpack[CreateAndWaitKwargs],
    ) -> ManusResponse:
        """``await create(..., background=True)`` then ``await wait(...)``; see ``ManusResponses.create_and_wait``.

        Example::

            done = await client.responses.create_and_wait(input="What's the colour of the sky?")
        """
        check_wait_options(timeout, poll_interval)
        if self._view() == "openai":
            kwargs["background"] = True
        created, remaining = await _waiting.async_create_patiently(
            lambda: self.create(**kwargs),
            timeout=timeout, sleep=self._sleep, monotonic=self._monotonic,
        )  # fmt: skip
        return await self.wait(
            created.id, timeout=remaining, poll_interval=poll_interval, on_update=on_update, events=events
        )
