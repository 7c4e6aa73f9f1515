"""The wait loop behind ``responses.wait()`` and ``wait_for_response()``, once for sync and once for async.

Both loops take the I/O as arguments (``fetch`` returns the raw HTTP response of one retrieve, ``sleep``
and ``monotonic`` pace it), so the same loop serves a Manus client and a plain ``openai.OpenAI``, and
tests can drive it on a fake clock. Every decision comes from ``_polling``.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

import httpx
from openai import RateLimitError

from ._options import check_id
from ._parsing import PARSE_ERRORS, checked, unreadable
from ._polling import check_timeout, delays, error_delay, hinted_delay, is_transient, jittered
from .errors import CreditLimitExceededError, WaitTimeout
from .types.response import RUNNING_STATUSES, ManusResponse

__all__ = [
    "SAFETY_NET_INTERVAL",
    "StopEventSource",
    "async_wait",
    "check_wait_args",
    "check_wait_options",
    "wait",
]

SAFETY_NET_INTERVAL = 60.0
"""With ``events=``, how often a wait still polls in case a webhook delivery is lost."""


class StopEventSource(Protocol):
    """What ``wait(events=...)`` needs from a webhook receiver (``manus_openai.webhooks.WebhookReceiver``).

    A source may also have an ``available`` attribute (``RedisEvents`` does): while it is False the wait
    polls on its schedule instead (the events cannot arrive).
    """

    def wait_stopped(self, task_id: str, timeout: float | None, *, after: str | None = None) -> Any: ...

    async def await_stopped(self, task_id: str, timeout: float | None, *, after: str | None = None) -> Any: ...


class _Raw(Protocol):
    @property
    def headers(self) -> Any: ...

    def parse(self, *, to: type[ManusResponse]) -> ManusResponse: ...


def check_wait_options(timeout: float | None, poll_interval: float | None) -> None:
    """Validate ``timeout`` and ``poll_interval`` (``create_and_wait`` does it before creating anything)."""
    check_timeout(timeout)
    delays(poll_interval)


def check_wait_args(response_id: object, timeout: float | None, poll_interval: float | None) -> str:
    """Validate the arguments of a wait before any request."""
    check_wait_options(timeout, poll_interval)
    return check_id(response_id)


def _refused_delay(exc: BaseException) -> float | None:
    hint = error_delay(exc)
    return None if hint is None else jittered(hint)


def _patience(exc: BaseException, attempt: int, deadline: float | None, now: float) -> float | None:
    """How long to wait before sending a create the server refused with a 429, or None to give up.

    A 429 means the server did not act, so the create is safe to send again, for as long as the
    caller's ``timeout`` allows: the client's own ``max_retries`` covers a burst, this covers a
    per-minute limit (10 creates a minute in Manus's documented limits).
    """
    if not isinstance(exc, RateLimitError) or isinstance(exc, CreditLimitExceededError):
        return None
    hint = error_delay(exc)
    delay = jittered(hint if hint is not None else min(2.0**attempt, 60.0))
    return delay if deadline is None or now + delay < deadline else None


def create_patiently(
    create: Callable[[], ManusResponse],
    *,
    timeout: float | None,
    sleep: Callable[[float], object],
    monotonic: Callable[[], float],
) -> tuple[ManusResponse, float | None]:
    """``create()``, sent again after 429s while ``timeout`` allows; returns it and the time left."""
    deadline = None if timeout is None else monotonic() + timeout
    attempt = 0
    while True:
        try:
            created = create()
        except Exception as exc:
            delay = _patience(exc, attempt, deadline, monotonic())
            if delay is None:
                raise
            attempt += 1
            sleep(delay)
        else:
            return created, None if deadline is None else max(deadline - monotonic(), 0.001)


async def async_create_patiently(
    create: Callable[[], Awaitable[ManusResponse]],
    *,
    timeout: float | None,
    sleep: Callable[[float], Awaitable[object]],
    monotonic: Callable[[], float],
) -> tuple[ManusResponse, float | None]:
    """The async twin of ``create_patiently``."""
    deadline = None if timeout is None else monotonic() + timeout
    attempt = 0
    while True:
        try:
            created = await create()
        except Exception as exc:
            delay = _patience(exc, attempt, deadline, monotonic())
            if delay is None:
                raise
            attempt += 1
            await sleep(delay)
        else:
            return created, None if deadline is None else max(deadline - monotonic(), 0.001)


def _parse(raw: _Raw) -> ManusResponse:
    """One poll's answer as a ``ManusResponse``, or the typed error for a body that is not one."""
    response = getattr(raw, "http_response", None)
    try:
        parsed = raw.parse(to=ManusResponse)
    except PARSE_ERRORS as exc:
        if not isinstance(response, httpx.Response):
            raise
        raise unreadable(response, exc) from exc
    if isinstance(response, httpx.Response):
        checked(parsed, ManusResponse, response)
    return parsed


def _running(response: ManusResponse) -> bool:
    status = response.status
    return isinstance(status, str) and status in RUNNING_STATUSES  # a non-string status is unknown: it ends the wait


def _timeout(response_id: str, last: ManusResponse | None, waited: float) -> WaitTimeout:
    status = last.status if last is not None else "unknown (every poll failed)"
    message = f"response {response_id} still {status} after waiting {waited:.1f}s"
    return WaitTimeout(message, response=last, waited=waited)


def wait(
    response_id: str,
    fetch: Callable[[], _Raw],
    *,
    timeout: float | None,
    poll_interval: float | None,
    on_update: Callable[[ManusResponse], object] | None,
    events: StopEventSource | None,
    sleep: Callable[[float], object],
    monotonic: Callable[[], float],
    done: Callable[[ManusResponse], bool] | None = None,
) -> ManusResponse:
    """Poll ``fetch`` until the status leaves ``RUNNING_STATUSES``; see ``ManusResponses.wait``.

    ``done`` replaces that test (the Responses bridge waits for the end of one turn).
    """
    check_wait_args(response_id, timeout, poll_interval)
    limit = check_timeout(timeout)
    schedule = delays(poll_interval)
    start = monotonic()
    last: ManusResponse | None = None
    seen_event: str | None = None
    while True:
        hint: float | None = None
        try:
            raw = fetch()
            last = _parse(raw)
            hint = hinted_delay(raw.headers)
        except Exception as exc:
            if not is_transient(exc):
                raise
            hint = _refused_delay(exc)
        else:
            if on_update is not None:
                on_update(last)
            if done(last) if done is not None else not _running(last):
                return last
        waited = monotonic() - start
        remaining = None if limit is None else limit - waited
        if remaining is not None and remaining <= 0:
            raise _timeout(response_id, last, waited)
        if events is not None and hint is None and getattr(events, "available", True):
            window = SAFETY_NET_INTERVAL if remaining is None else min(SAFETY_NET_INTERVAL, remaining)
            seen_event = events.wait_stopped(response_id, window, after=seen_event) or seen_event
            continue
        delay = hint if hint is not None else next(schedule)
        sleep(delay if remaining is None else min(delay, remaining))


async def async_wait(
    response_id: str,
    fetch: Callable[[], Awaitable[_Raw]],
    *,
    timeout: float | None,
    poll_interval: float | None,
    on_update: Callable[[ManusResponse], object] | None,
    events: StopEventSource | None,
    sleep: Callable[[float], Awaitable[object]],
    monotonic: Callable[[], float],
    done: Callable[[ManusResponse], bool] | None = None,
) -> ManusResponse:
    """The async twin of ``wait``, line for line; ``on_update`` may return an awaitable."""
    check_wait_args(response_id, timeout, poll_interval)
    limit = check_timeout(timeout)
    schedule = delays(poll_interval)
    start = monotonic()
    last: ManusResponse | None = None
    seen_event: str | None = None
    while True:
        hint: float | None = None
        try:
            raw = await fetch()
            last = _parse(raw)
            hint = hinted_delay(raw.headers)
        except Exception as exc:
            if not is_transient(exc):
                raise
            hint = _refused_delay(exc)
        else:
            if on_update is not None:
                result = on_update(last)
                if inspect.isawaitable(result):
                    await result
            if done(last) if done is not None else not _running(last):
                return last
        waited = monotonic() - start
        remaining = None if limit is None else limit - waited
        if remaining is not None and remaining <= 0:
            raise _timeout(response_id, last, waited)
        if events is not None and hint is None and getattr(events, "available", True):
            window = SAFETY_NET_INTERVAL if remaining is None else min(SAFETY_NET_INTERVAL, remaining)
            seen_event = await events.await_stopped(response_id, window, after=seen_event) or seen_event
            continue
        delay = hint if hint is not None else next(schedule)
        await sleep(delay if remaining is None else min(delay, remaining))
