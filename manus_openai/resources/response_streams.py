"""The I/O of streamed responses: ``create(stream=True)``, ``retrieve(stream=True)`` and ``responses.stream()``.

Manus has no server-sent events, so a stream follows the task by polling it (``_snapshot``, the backend
seam) on ``_polling``'s adaptive schedule, and after each read sends the events of
``_bridge.stream_events`` it has not sent yet. The events travel through the SDK's own machinery: they are
encoded as SSE into an ``httpx.Response`` whose body is produced by the poll loop, and handed to
``openai.Stream`` / ``openai.AsyncStream`` (which build the typed ``ResponseStreamEvent`` models exactly as
for OpenAI's server) and to the SDK's ``ResponseStreamManager`` (its accumulator, ``get_final_response``,
``until_done``). The poll loop runs only while the consumer asks for the next event: a consumer that stops
iterating sends no more requests, and closing the stream ends the loop.

Rate limits, 5xx and dropped connections while polling do not end a stream (``_polling.is_transient``);
the server's retry hint replaces the next delay.
"""

from __future__ import annotations

import inspect
import json
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from functools import partial
from typing import Annotated, Any, Generic, Literal, TypeVar, cast, get_args, get_origin

import httpx
from openai import AsyncStream, Stream
from openai.lib.streaming.responses import (
    AsyncResponseStream,
    AsyncResponseStreamManager,
    ResponseStream,
    ResponseStreamManager,
)
from openai.types.responses import ResponseStreamEvent

from .. import _bridge
from .._bridge import Snapshot
from .._compat import NOT_GIVEN, NotGiven, construct_type, set_stream_iterator, stream_parts, type_to_text_format_param
from .._ids import split_turn_id
from .._options import check_id
from .._polling import delays, is_transient
from .._waiting import _refused_delay
from ..errors import StreamingNotSupportedError
from ._responses_shared import _not_found

__all__ = [
    "AsyncManusResponseStreamManager",
    "AsyncStreamMethods",
    "ManusResponseStreamManager",
    "StreamMethods",
    "accumulate",
    "async_create_stream",
    "async_follow",
    "async_retrieve_stream",
    "async_stream_manager",
    "check_starting_after",
    "create_stream",
    "follow",
    "retrieve_stream",
    "stream_manager",
]

_T = TypeVar("_T")

_SDK_FILTERS = "starting_after" in inspect.signature(ResponseStream.__init__).parameters
"""openai >= 1.9x's ``ResponseStream`` takes ``starting_after``; 1.66.0's does not (``_resumable`` filters on both)."""


def check_starting_after(value: object) -> int | None:
    """``starting_after``: a sequence number (an int >= -1) or not given (None)."""
    if value is None or isinstance(value, NotGiven):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < -1:
        raise ValueError(f"starting_after must be an event sequence number (an int >= -1), got {value!r}")
    return value


def _context(kwargs: dict[str, Any]) -> dict[str, Any]:
    """What the create call said, echoed on the streamed responses (as a blocking create echoes it)."""
    instructions = kwargs.get("instructions")
    previous = kwargs.get("previous_response_id")
    return {
        "background": kwargs.get("background") is True,
        "instructions": instructions if isinstance(instructions, str) else None,
        "previous_response_id": previous if isinstance(previous, str) else None,
    }


def _event_classes() -> dict[str, Any]:
    """``type`` -> the SDK's event model, from the installed ``ResponseStreamEvent`` union."""
    union = get_args(ResponseStreamEvent)[0] if get_origin(ResponseStreamEvent) is Annotated else ResponseStreamEvent
    classes: dict[str, Any] = {}
    for variant in get_args(union):
        field = getattr(variant, "model_fields", {}).get("type")
        if field is not None and get_origin(field.annotation) is Literal:
            classes.update((value, variant) for value in get_args(field.annotation))
    return classes


_EVENT_CLASSES = _event_classes()


class _StreamEvent:
    """The ``cast_to`` of a followed task's ``openai.Stream``: each event built as its own SDK model.

    The SDK's ``construct_type`` on the whole union first tries strict validation, then its discriminator
    map; openai 1.66.0's map lacks ``response.created`` / ``completed`` ..., so a Manus answer (an
    ``output_file`` part, Manus's extra fields) would come out as the union's first member. Building the
    named model directly keeps every field on every release; an event type the installed SDK does not know
    (1.66.0 has no reasoning events) goes through ``construct_type`` on the union, as the SDK would.
    """

    @classmethod
    def build(cls, *, response: httpx.Response, data: object) -> Any:
        del response
        kind = data.get("type") if isinstance(data, dict) else None
        model = _EVENT_CLASSES.get(kind) if isinstance(kind, str) else None
        return construct_type(type_=model if model is not None else ResponseStreamEvent, value=data)


def _sse(event: dict[str, Any]) -> bytes:
    data = json.dumps(event, separators=(",", ":"), ensure_ascii=False)
    return f"event: {event['type']}\ndata: {data}\n\n".encode()


def _new(events: list[dict[str, Any]], sent: int, starting_after: int | None) -> list[dict[str, Any]]:
    return [e for e in events[sent:] if starting_after is None or e["sequence_number"] > starting_after]


def _ended(events: list[dict[str, Any]]) -> bool:
    return bool(events) and events[-1]["type"] in _bridge.TERMINAL_EVENTS


def follow(
    read: Callable[[], Snapshot],
    turn: int,
    *,
    sleep: Callable[[float], object],
    context: dict[str, Any],
    starting_after: int | None = None,
    poll_interval: float | None = None,
    first: Snapshot | None = None,
) -> Iterator[dict[str, Any]]:
    """Poll ``read`` and yield turn ``turn``'s new stream events, until its terminal event.

    ``first`` is a read already made (no request for it). Example::

        for event in follow(lambda: client.responses._snapshot(task), 1, sleep=time.sleep, context={}):
            print(event["type"])
    """
    schedule = delays(poll_interval)
    sent = 0
    snapshot = first
    while True:
        hint: float | None = None
        if snapshot is None:
            try:
                snapshot = read()
            except Exception as exc:
                if not is_transient(exc):
                    raise
                hint = _refused_delay(exc)
        if snapshot is not None:
            events = _bridge.stream_events(snapshot, turn, **context)
            yield from _new(events, sent, starting_after)
            sent = max(sent, len(events))
            if _ended(events):
                return
        sleep(hint if hint is not None else next(schedule))
        snapshot = None


async def async_follow(
    read: Callable[[], Awaitable[Snapshot]],
    turn: int,
    *,
    sleep: Callable[[float], Awaitable[object]],
    context: dict[str, Any],
    starting_after: int | None = None,
    poll_interval: float | None = None,
    first: Snapshot | None = None,
) -> AsyncIterator[dict[str, Any]]:
    """The async twin of ``follow``, line for line."""
    schedule = delays(poll_interval)
    sent = 0
    snapshot = first
    while True:
        hint: float | None = None
        if snapshot is None:
            try:
                snapshot = await read()
            except Exception as exc:
                if not is_transient(exc):
                    raise
                hint = _refused_delay(exc)
        if snapshot is not None:
            events = _bridge.stream_events(snapshot, turn, **context)
            for event in _new(events, sent, starting_after):
                yield event
            sent = max(sent, len(events))
            if _ended(events):
                return
        await sleep(hint if hint is not None else next(schedule))
        snapshot = None


class _EventBytes(httpx.SyncByteStream):
    """The body of a followed task: its events as SSE, produced as they are read."""

    def __init__(self, events: Iterator[dict[str, Any]]) -> None:
        self._events = events

    def __iter__(self) -> Iterator[bytes]:
        for event in self._events:
            yield _sse(event)

    def close(self) -> None:
        close = getattr(self._events, "close", None)
        if close is not None:
            close()  # stops the poll loop: no request after this


class _AsyncEventBytes(httpx.AsyncByteStream):
    def __init__(self, events: AsyncIterator[dict[str, Any]]) -> None:
        self._events = events

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for event in self._events:
            yield _sse(event)

    async def aclose(self) -> None:
        aclose = getattr(self._events, "aclose", None)
        if aclose is not None:
            await aclose()


def _http_response(client: Any, task: str, body: httpx.SyncByteStream | httpx.AsyncByteStream) -> httpx.Response:
    request = httpx.Request("GET", f"{str(client.base_url).rstrip('/')}/responses/{task}")
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, stream=body, request=request)


def _sync_stream(resource: Any, task: str, events: Iterator[dict[str, Any]]) -> Stream[ResponseStreamEvent]:
    response = _http_response(resource._client, task, _EventBytes(events))
    return Stream(cast_to=cast(Any, _StreamEvent), response=response, client=resource._client)


def _async_stream(resource: Any, task: str, events: AsyncIterator[dict[str, Any]]) -> AsyncStream[ResponseStreamEvent]:
    response = _http_response(resource._client, task, _AsyncEventBytes(events))
    return AsyncStream(cast_to=cast(Any, _StreamEvent), response=response, client=resource._client)


def _refuse_manus_view(resource: Any) -> None:
    if resource._view() == "manus":
        raise StreamingNotSupportedError(_bridge.STREAM_MESSAGE)


def _refuse_unstreamable(resource: Any, kwargs: dict[str, Any], call: str) -> None:
    """Before any request: the raw view, and ``with_raw_response`` / ``with_streaming_response`` around a
    ``stream=True`` call (the events are built by following the task, so there is no one HTTP response)."""
    _refuse_manus_view(resource)
    headers = kwargs.get("extra_headers") or {}
    raw = [v for k, v in headers.items() if str(k).lower() == _bridge._plan.RAW_RESPONSE_HEADER.lower()]
    if raw:
        view = "with_streaming_response" if raw[0] == "stream" else "with_raw_response"
        raise StreamingNotSupportedError(
            f"{view}.{call}(..., stream=True) is not available: the stream follows the task over "
            f"several reads, so there is no single HTTP response to return; call client.responses.{call}"
            "(..., stream=True) and iterate it"
        )


def _create_kwargs(kwargs: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    kwargs = dict(kwargs)
    kwargs.pop("stream", None)
    context = _context(kwargs)
    kwargs["background"] = True  # the create is sent once and returns at once; the stream follows the task
    return kwargs, context


def _retrieve_target(response_id: str, kwargs: dict[str, Any]) -> tuple[str, int | None, int | None]:
    task, turn = split_turn_id(check_id(response_id))
    starting_after = check_starting_after(kwargs.get("starting_after"))
    return task, turn, starting_after


def _turn_checked(resource: Any, first: Snapshot, task: str, turn: int | None) -> int:
    if turn is not None and turn > first.turn_count:
        raise _not_found(resource._client.base_url, task, turn, first.turn_count)
    return turn if turn is not None else max(first.turn_count, 1)


# ------------------------------------------------------------------ sync
def create_stream(resource: Any, kwargs: dict[str, Any]) -> Stream[ResponseStreamEvent]:
    """``responses.create(..., stream=True)``: create the task once (``background=True``), then follow it."""
    _refuse_unstreamable(resource, kwargs, "create")
    create_kwargs, context = _create_kwargs(kwargs)
    created = resource.create(**create_kwargs)
    task, turn = split_turn_id(created.id)
    events = follow(lambda: resource._snapshot(task), turn or 1, sleep=resource._sleep, context=context)
    return _sync_stream(resource, task, events)


def retrieve_stream(resource: Any, response_id: str, kwargs: dict[str, Any]) -> Stream[ResponseStreamEvent]:
    """``responses.retrieve(id, stream=True, starting_after=N)``: the turn's events after ``N``."""
    _refuse_unstreamable(resource, kwargs, "retrieve")
    task, turn, starting_after = _retrieve_target(response_id, kwargs)
    first = resource._snapshot(task)
    n = _turn_checked(resource, first, task, turn)
    events = follow(
        lambda: resource._snapshot(task), n, sleep=resource._sleep, context={}, starting_after=starting_after,
        first=first,
    )  # fmt: skip
    return _sync_stream(resource, task, events)


def _numbered(fired: list[Any], raw_event: Any, starting_after: int | None) -> list[Any]:
    """The events the SDK's accumulator fired for one raw event, numbered and past ``starting_after``.

    openai 1.66.0 rebuilds the text and completed events without ``sequence_number``: they carry the raw
    event's again, so every release yields numbered events and can resume.
    """
    number = getattr(raw_event, "sequence_number", None)
    out = []
    for event in fired:
        if getattr(event, "sequence_number", None) is None and number is not None:
            event.sequence_number = number
        if starting_after is None or number is None or number > starting_after:
            out.append(event)
    return out


def accumulate(state: Any, raw_event: Any) -> list[Any]:
    """``ResponseStreamState.handle_event``: the events the SDK's accumulator fires for one raw event."""
    with warnings.catch_warnings():
        # openai 1.66.0's accumulator dumps each content part with to_dict(); an ``output_file`` part (Manus's,
        # not in OpenAI's content union) makes pydantic warn about the union although nothing is lost.
        warnings.filterwarnings("ignore", message="Pydantic serializer warnings", category=UserWarning)
        fired: list[Any] = state.handle_event(raw_event)
    return fired


def _resumable(stream: Any, starting_after: int | None) -> Iterator[Any]:
    """The SDK's ``ResponseStream.__stream__`` loop (its accumulator), numbered and resumable on every release."""
    raw_events, state = stream_parts(stream)
    for raw_event in cast(Any, raw_events):
        yield from _numbered(accumulate(state, raw_event), raw_event, starting_after)


async def _async_resumable(stream: Any, starting_after: int | None) -> AsyncIterator[Any]:
    raw_events, state = stream_parts(stream)
    async for raw_event in cast(Any, raw_events):
        for event in _numbered(accumulate(state, raw_event), raw_event, starting_after):
            yield event


def _stream_kwargs(starting_after: int | None) -> dict[str, Any]:
    del starting_after  # filtered by _resumable on every release
    return {"starting_after": None} if _SDK_FILTERS else {}


class ManusResponseStreamManager(ResponseStreamManager[_T], Generic[_T]):
    """The SDK's ``ResponseStreamManager`` with ``starting_after`` on every supported openai release.

    Example::

        with client.responses.stream(input="Plan a trip") as stream:
            for event in stream:
                if event.type == "response.output_text.delta":
                    print(event.delta, end="")
            final = stream.get_final_response()
    """

    def __init__(
        self,
        api_request: Callable[[], Stream[ResponseStreamEvent]],
        *,
        text_format: type[_T] | NotGiven,
        input_tools: Any,
        starting_after: int | None,
    ) -> None:
        sdk_options = _stream_kwargs(starting_after)
        super().__init__(api_request, text_format=text_format, input_tools=input_tools, **sdk_options)
        self._manus_request = api_request
        self._manus_options: dict[str, Any] = {"text_format": text_format, "input_tools": input_tools}
        self._manus_starting_after = starting_after
        self._manus_stream: ResponseStream[_T] | None = None

    def __enter__(self) -> ResponseStream[_T]:
        stream: ResponseStream[_T] = ResponseStream(
            raw_stream=self._manus_request(), **self._manus_options, **_stream_kwargs(self._manus_starting_after)
        )
        set_stream_iterator(stream, _resumable(stream, self._manus_starting_after))
        self._manus_stream = stream
        return stream

    def __exit__(self, *exc_info: object) -> None:
        if self._manus_stream is not None:
            self._manus_stream.close()


def _split_stream_args(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in kwargs.items() if not isinstance(v, NotGiven)}


def _new_response_kwargs(kwargs: dict[str, Any], text_format: Any, tools: Any) -> dict[str, Any]:
    """The ``create`` arguments of ``responses.stream(...)`` (``text_format`` becomes ``text.format``)."""
    if "input" not in kwargs:
        raise TypeError("responses.stream() needs input= (a new response) or response_id= (an existing one)")
    if not isinstance(text_format, NotGiven):
        text = dict(kwargs.get("text") or {})
        if "format" in text:
            raise TypeError("Cannot mix and match text.format with text_format")
        text["format"] = type_to_text_format_param(text_format)
        kwargs["text"] = text
    if not isinstance(tools, NotGiven):
        kwargs["tools"] = tools
    return kwargs


_REQUEST_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout")


def _check_existing(response_id: object, starting_after: object, kwargs: dict[str, Any]) -> bool:
    """Whether ``stream()`` follows an existing response; refuses mixing it with create arguments."""
    existing = not isinstance(response_id, NotGiven) or not isinstance(starting_after, NotGiven)
    creating = [k for k in kwargs if k not in _REQUEST_OPTIONS]
    if existing and creating:
        raise ValueError(
            "Cannot provide both response_id/starting_after can't be provided together with " + ", ".join(creating)
        )
    if existing and isinstance(response_id, NotGiven):
        raise ValueError("response_id must be provided when streaming an existing response")
    check_starting_after(starting_after)
    return existing


def stream_manager(
    resource: Any,
    *,
    response_id: Any = NOT_GIVEN,
    starting_after: Any = NOT_GIVEN,
    text_format: Any = NOT_GIVEN,
    tools: Any = NOT_GIVEN,
    kwargs: dict[str, Any],
) -> ManusResponseStreamManager[Any]:
    """``responses.stream(...)``: a new response (``input=``) or an existing one (``response_id=``)."""
    _refuse_manus_view(resource)
    kwargs = _split_stream_args(kwargs)
    if _check_existing(response_id, starting_after, kwargs):
        options = {k: kwargs[k] for k in _REQUEST_OPTIONS if k in kwargs and k != "extra_body"}
        request: Callable[[], Stream[ResponseStreamEvent]] = partial(
            resource.retrieve, response_id, stream=True, **options
        )
        after = check_starting_after(starting_after)
    else:
        request = partial(resource.create, stream=True, **_new_response_kwargs(kwargs, text_format, tools))
        after = None
    return ManusResponseStreamManager(request, text_format=text_format, input_tools=tools, starting_after=after)


# ------------------------------------------------------------------ async
async def async_create_stream(resource: Any, kwargs: dict[str, Any]) -> AsyncStream[ResponseStreamEvent]:
    """The async twin of ``create_stream``."""
    _refuse_unstreamable(resource, kwargs, "create")
    create_kwargs, context = _create_kwargs(kwargs)
    created = await resource.create(**create_kwargs)
    task, turn = split_turn_id(created.id)
    events = async_follow(lambda: resource._snapshot(task), turn or 1, sleep=resource._sleep, context=context)
    return _async_stream(resource, task, events)


async def async_retrieve_stream(
    resource: Any, response_id: str, kwargs: dict[str, Any]
) -> AsyncStream[ResponseStreamEvent]:
    """The async twin of ``retrieve_stream``."""
    _refuse_unstreamable(resource, kwargs, "retrieve")
    task, turn, starting_after = _retrieve_target(response_id, kwargs)
    first = await resource._snapshot(task)
    n = _turn_checked(resource, first, task, turn)
    events = async_follow(
        lambda: resource._snapshot(task), n, sleep=resource._sleep, context={}, starting_after=starting_after,
        first=first,
    )  # fmt: skip
    return _async_stream(resource, task, events)


class AsyncManusResponseStreamManager(AsyncResponseStreamManager[_T], Generic[_T]):
    """The SDK's ``AsyncResponseStreamManager`` with ``starting_after`` on every supported openai release.

    Example::

        async with client.responses.stream(input="Plan a trip") as stream:
            async for event in stream:
                print(event.type)
            final = await stream.get_final_response()
    """

    def __init__(
        self,
        api_request: Awaitable[AsyncStream[ResponseStreamEvent]],
        *,
        text_format: type[_T] | NotGiven,
        input_tools: Any,
        starting_after: int | None,
    ) -> None:
        sdk_options = _stream_kwargs(starting_after)
        super().__init__(api_request, text_format=text_format, input_tools=input_tools, **sdk_options)
        self._manus_request = api_request
        self._manus_options: dict[str, Any] = {"text_format": text_format, "input_tools": input_tools}
        self._manus_starting_after = starting_after
        self._manus_stream: AsyncResponseStream[_T] | None = None

    async def __aenter__(self) -> AsyncResponseStream[_T]:
        stream: AsyncResponseStream[_T] = AsyncResponseStream(
            raw_stream=await self._manus_request, **self._manus_options, **_stream_kwargs(self._manus_starting_after)
        )
        set_stream_iterator(stream, _async_resumable(stream, self._manus_starting_after))
        self._manus_stream = stream
        return stream

    async def __aexit__(self, *exc_info: object) -> None:
        if self._manus_stream is not None:
            await self._manus_stream.close()


def async_stream_manager(
    resource: Any,
    *,
    response_id: Any = NOT_GIVEN,
    starting_after: Any = NOT_GIVEN,
    text_format: Any = NOT_GIVEN,
    tools: Any = NOT_GIVEN,
    kwargs: dict[str, Any],
) -> AsyncManusResponseStreamManager[Any]:
    """The async twin of ``stream_manager`` (the request is sent on ``async with``)."""
    _refuse_manus_view(resource)
    kwargs = _split_stream_args(kwargs)
    if _check_existing(response_id, starting_after, kwargs):
        options = {k: kwargs[k] for k in _REQUEST_OPTIONS if k in kwargs and k != "extra_body"}
        request: Awaitable[AsyncStream[ResponseStreamEvent]] = resource.retrieve(response_id, stream=True, **options)
        after = check_starting_after(starting_after)
    else:
        request = resource.create(stream=True, **_new_response_kwargs(kwargs, text_format, tools))
        after = None
    return AsyncManusResponseStreamManager(request, text_format=text_format, input_tools=tools, starting_after=after)


class StreamMethods:
    """``responses.stream()`` on ``ManusResponses`` (the SDK's signature, ``model=`` optional, Manus options)."""

    def stream(  # model= optional; Manus options accepted
        self,
        *,
        response_id: str | NotGiven = NOT_GIVEN,
        starting_after: int | NotGiven = NOT_GIVEN,
        text_format: Any = NOT_GIVEN,
        tools: Any = NOT_GIVEN,
        **kwargs: Any,
    ) -> ManusResponseStreamManager[Any]:
        """Stream a new response (``input=``, like ``create``) or follow one (``response_id=``, ``starting_after=``).

        Returns the SDK's ``ResponseStreamManager``: events, ``until_done()``, ``get_final_response()``.

        Example::

            with client.responses.stream(input="Plan a trip to Kyoto") as stream:
                for event in stream:
                    if event.type == "response.output_text.delta":
                        print(event.delta, end="")
            print(stream.get_final_response().output_text)
        """
        return stream_manager(
            self, response_id=response_id, starting_after=starting_after, text_format=text_format, tools=tools,
            kwargs=kwargs,
        )  # fmt: skip


class AsyncStreamMethods:
    """``responses.stream()`` on ``AsyncManusResponses``."""

    def stream(  # model= optional; Manus options accepted
        self,
        *,
        response_id: str | NotGiven = NOT_GIVEN,
        starting_after: int | NotGiven = NOT_GIVEN,
        text_format: Any = NOT_GIVEN,
        tools: Any = NOT_GIVEN,
        **kwargs: Any,
    ) -> AsyncManusResponseStreamManager[Any]:
        """Stream a new response or follow one; see ``ManusResponses.stream``.

        Example::

            async with client.responses.stream(input="Plan a trip to Kyoto") as stream:
                async for event in stream:
                    print(event.type)
        """
        return async_stream_manager(
            self, response_id=response_id, starting_after=starting_after, text_format=text_format, tools=tools,
            kwargs=kwargs,
        )  # fmt: skip
