"""The I/O behind ``client.responses`` on each Manus surface (``responses_backend``), sync and async.

Every decision is a pure function of ``manus_openai._bridge``; these classes only send requests and hand
back ``Read`` s (a ``Snapshot`` plus the HTTP response it came from), line for line in both flavours:

* ``V1IO`` — ``/v1/responses``: create / continue with the SDK's own ``Responses.create`` (the raw
  Manus object), read with ``GET /v1/responses/{id}``, delete with ``DELETE``; v1 cannot stop a task, so
  ``stop`` is v2 ``task.stop`` on the same task id (``_bridge._backend``);
* ``V2IO`` — v2 primitives through the client's own ``client.v2``: ``task.create`` / ``task.sendMessage``,
  ``task.detail`` + every page of ``task.listMessages`` (``snapshot_from_v2``), ``task.stop``,
  ``task.delete``. A wait's later polls (``known=`` the previous read) send only ``task.detail`` while it
  says ``running`` and reuse the log already read: one request per poll, as on v1; the log is read again
  once the task stops, waits or fails, which is when the turn's end is decided. A create or sendMessage
  is a POST, which this client never sends twice unless the server provably did not act
  (``_client.request``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openai.resources.responses import AsyncResponses, Responses

from .. import _bridge
from .._bridge import CreatePlan, Snapshot
from .._bridge._plan import RAW_RESPONSE_HEADER
from .._bridge._snapshot import _as_dict
from .._bridge._v2plan import v2_call
from .._bridge._v2snapshot import sent_snapshot, snapshot_from_v2
from .._compat import make_request_options
from ..types.response import ManusResponse

__all__ = ["V1IO", "V2IO", "AsyncV1IO", "AsyncV2IO", "Read", "io_for"]

_RAW = {RAW_RESPONSE_HEADER: "true"}
_PAGE = 200  # task.listMessages' largest page: the fewest requests for a whole log


@dataclass
class Read:
    """One read of a task: its snapshot, the HTTP response of the read (for ``with_raw_response`` and
    rate-limit hints) and that response's request id."""

    snapshot: Snapshot
    raw: Any
    request_id: object = None
    events: tuple[object, ...] | None = None
    """The v2 event log the snapshot was built from (None on v1), reused by a wait's next poll."""

    @property
    def headers(self) -> Any:
        http = getattr(self.raw, "http_response", None)
        return getattr(http, "headers", {}) if http is not None else {}


def _v1_read(raw: Any) -> Read:
    """The snapshot of a raw ``/v1/responses`` answer straight from its JSON; a body that is not a JSON
    object goes through ``parse()`` for the typed error."""
    try:
        data = raw.http_response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        data = raw.parse()
    return Read(_bridge.snapshot_from_v1(data), raw, raw.http_response.headers.get("x-request-id"))


def _options(http_timeout: Any, extra_headers: Any = None) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if http_timeout is not None:
        options["timeout"] = http_timeout
    if extra_headers:
        options["extra_headers"] = dict(extra_headers)
    return options


def _request_options(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The options a v2 read takes from a ``retrieve`` call (``include`` / ``starting_after`` / ``stream=False``
    have nothing to do on a v2 read)."""
    return {k: v for k, v in kwargs.items() if k in ("extra_query", "extra_body", "timeout", "extra_headers")}


def _still_running(detail: object, known: Read | None) -> tuple[object, ...] | None:
    """The log to reuse for ``detail`` (None: read it again): a poll of a task ``task.detail`` still calls
    ``running`` cannot have ended its turn, so the log read by the previous poll of the same task serves."""
    if known is None or known.events is None or _as_dict(detail).get("status") != "running":
        return None
    if known.snapshot.task_id != _as_dict(detail).get("id", known.snapshot.task_id):
        return None
    return known.events


def _turn_after(before: Snapshot | None) -> int:
    return 1 if before is None else before.turn_count + 1


class V1IO:
    """``client.responses`` on ``/v1/responses`` (sync)."""

    name = "v1"

    def __init__(self, resource: Responses) -> None:
        self._resource = resource
        self._client: Any = resource._client

    def read(
        self, task: str, *, http_timeout: Any = None, extra_headers: Any = None, known: Read | None = None,
        **kwargs: Any,
    ) -> Read:  # fmt: skip
        options = _options(http_timeout, extra_headers)
        options["extra_headers"] = {**options.get("extra_headers", {}), **_bridge.cast_headers(_RAW)}
        return _v1_read(Responses.retrieve(self._resource, task, **options, **kwargs))

    def snapshot(self, task: str, **options: Any) -> Snapshot:
        raw = self._resource._get(f"/responses/{task}", cast_to=ManusResponse, options=make_request_options(**options))
        return _bridge.snapshot_from_v1(raw)

    def start(self, plan: CreatePlan, before: Snapshot | None) -> tuple[Read, str, int]:
        sdk_kwargs = dict(plan.sdk_kwargs)
        sdk_kwargs["extra_headers"] = {**sdk_kwargs["extra_headers"], **_RAW}
        read = _v1_read(Responses.create(self._resource, **sdk_kwargs))
        return read, read.snapshot.task_id, max(read.snapshot.turn_count, 1)

    def stop(self, task: str, **kwargs: Any) -> None:
        self._client.v2.tasks.stop(task, **kwargs)

    def delete(self, task: str, **kwargs: Any) -> None:
        Responses.delete(self._resource, task, **kwargs)


class V2IO:
    """``client.responses`` on v2 primitives (sync)."""

    name = "v2"

    def __init__(self, resource: Responses) -> None:
        self._client: Any = resource._client

    def read(
        self, task: str, *, http_timeout: Any = None, extra_headers: Any = None, known: Read | None = None,
        **kwargs: Any,
    ) -> Read:  # fmt: skip
        options = {**_options(http_timeout, extra_headers), **_request_options(kwargs)}
        tasks = self._client.v2.tasks
        raw = tasks.with_raw_response.retrieve(task, **options)
        detail = raw.parse()
        events = _still_running(detail, known)
        if events is None:
            events = tuple(tasks.list_messages(task, order="asc", limit=_PAGE, verbose=True, **options))
        return Read(snapshot_from_v2(detail, events), raw, raw.http_response.headers.get("x-request-id"), events)

    def snapshot(self, task: str, **options: Any) -> Snapshot:
        return self.read(task, **options).snapshot

    def start(self, plan: CreatePlan, before: Snapshot | None) -> tuple[Read, str, int]:
        call = v2_call(plan)
        tasks = self._client.v2.tasks
        if call.task_id is None:
            raw = tasks.with_raw_response.create(call.message, **call.fields, **call.options)
            created, before = raw.parse(), None
            task, turn = created.task_id, 1
        else:
            if before is None or before.task_id != call.task_id:
                before = self.snapshot(call.task_id)  # the turn this message opens
            raw = tasks.with_raw_response.send_message(call.task_id, call.message, **call.fields, **call.options)
            created, task, turn = None, call.task_id, _turn_after(before)
        sent = sent_snapshot(task, call.message, created, before)
        return Read(sent, raw, raw.http_response.headers.get("x-request-id")), task, turn

    def stop(self, task: str, **kwargs: Any) -> None:
        self._client.v2.tasks.stop(task, **kwargs)

    def delete(self, task: str, **kwargs: Any) -> None:
        self._client.v2.tasks.delete(task, **kwargs)


class AsyncV1IO:
    """``client.responses`` on ``/v1/responses`` (async)."""

    name = "v1"

    def __init__(self, resource: AsyncResponses) -> None:
        self._resource = resource
        self._client: Any = resource._client

    async def read(
        self, task: str, *, http_timeout: Any = None, extra_headers: Any = None, known: Read | None = None,
        **kwargs: Any,
    ) -> Read:  # fmt: skip
        options = _options(http_timeout, extra_headers)
        options["extra_headers"] = {**options.get("extra_headers", {}), **_bridge.cast_headers(_RAW)}
        return _v1_read(await AsyncResponses.retrieve(self._resource, task, **options, **kwargs))

    async def snapshot(self, task: str, **options: Any) -> Snapshot:
        raw = await self._resource._get(
            f"/responses/{task}", cast_to=ManusResponse, options=make_request_options(**options)
        )
        return _bridge.snapshot_from_v1(raw)

    async def start(self, plan: CreatePlan, before: Snapshot | None) -> tuple[Read, str, int]:
        sdk_kwargs = dict(plan.sdk_kwargs)
        sdk_kwargs["extra_headers"] = {**sdk_kwargs["extra_headers"], **_RAW}
        read = _v1_read(await AsyncResponses.create(self._resource, **sdk_kwargs))
        return read, read.snapshot.task_id, max(read.snapshot.turn_count, 1)

    async def stop(self, task: str, **kwargs: Any) -> None:
        await self._client.v2.tasks.stop(task, **kwargs)

    async def delete(self, task: str, **kwargs: Any) -> None:
        await AsyncResponses.delete(self._resource, task, **kwargs)


class AsyncV2IO:
    """``client.responses`` on v2 primitives (async)."""

    name = "v2"

    def __init__(self, resource: AsyncResponses) -> None:
        self._client: Any = resource._client

    async def read(
        self, task: str, *, http_timeout: Any = None, extra_headers: Any = None, known: Read | None = None,
        **kwargs: Any,
    ) -> Read:  # fmt: skip
        options = {**_options(http_timeout, extra_headers), **_request_options(kwargs)}
        tasks = self._client.v2.tasks
        raw = await tasks.with_raw_response.retrieve(task, **options)
        detail = raw.parse()
        events = _still_running(detail, known)
        if events is None:
            pages = tasks.list_messages(task, order="asc", limit=_PAGE, verbose=True, **options)
            events = tuple([e async for e in pages])
        return Read(snapshot_from_v2(detail, events), raw, raw.http_response.headers.get("x-request-id"), events)

    async def snapshot(self, task: str, **options: Any) -> Snapshot:
        return (await self.read(task, **options)).snapshot

    async def start(self, plan: CreatePlan, before: Snapshot | None) -> tuple[Read, str, int]:
        call = v2_call(plan)
        tasks = self._client.v2.tasks
        if call.task_id is None:
            raw = await tasks.with_raw_response.create(call.message, **call.fields, **call.options)
            created, before = raw.parse(), None
            task, turn = created.task_id, 1
        else:
            if before is None or before.task_id != call.task_id:
                before = await self.snapshot(call.task_id)  # the turn this message opens
            raw = await tasks.with_raw_response.send_message(call.task_id, call.message, **call.fields, **call.options)
            created, task, turn = None, call.task_id, _turn_after(before)
        sent = sent_snapshot(task, call.message, created, before)
        return Read(sent, raw, raw.http_response.headers.get("x-request-id")), task, turn

    async def stop(self, task: str, **kwargs: Any) -> None:
        await self._client.v2.tasks.stop(task, **kwargs)

    async def delete(self, task: str, **kwargs: Any) -> None:
        await self._client.v2.tasks.delete(task, **kwargs)


def io_for(resource: Any, *, asynchronous: bool) -> Any:
    """The I/O of the client's ``responses_backend`` (a plain OpenAI client has none: v1). The raw view
    (``responses_view="manus"``) shows v1's own objects, so it always reads and writes through v1."""
    client = resource._client
    raw_view = getattr(client, "responses_view", "openai") == "manus"
    backend = "v1" if raw_view else getattr(client, "responses_backend", "v1")
    if asynchronous:
        return AsyncV2IO(resource) if backend == "v2" else AsyncV1IO(resource)
    return V2IO(resource) if backend == "v2" else V1IO(resource)
