"""Following and waiting on a v2 task, written once without I/O (both clients drive the same plans).

A plan is a generator: it yields what it needs (``Fetch`` a page of the event log, ``Detail`` the task
record, ``Pause`` for some seconds or for a webhook) and receives the result -- or the exception -- of
that I/O; it yields ``Emit`` for every new event. The sync and async drivers in ``_tasks`` only do the
I/O, so the decisions exist once and tests drive them on a fake clock.

**Follow** reads the log newest-first (``order=desc``) and walks back page by page only until it reaches
an event it has already seen, so a poll costs one request while the task works; the new events are
emitted oldest-first, each once, with no gap (a page that is entirely new is followed by the next one).
It ends when the task is *at rest*: the newest ``status_update`` says ``error``, ``waiting``, or
``stopped`` and ``task.detail`` reports no running background jobs (§12.1; a missing field means none).
A rest the caller has acted on through the follower (a confirm that was not a rejection, a reply) does
not end the next round: the follower waits for a newer status. A rejection (``accept: false``) leaves
the same waiting status in place, so following again ends at once instead of hanging.

**Wait** polls ``task.detail`` until the task is at rest and returns it.

Pacing is the v1 wait's (``manus_openai._polling``): polls at 0, 1, 5, 10 ... 60 s, then 75, 105, 165,
285 and every 120 s; a server hint (``Retry-After`` ...) replaces one delay; transient errors (429, 5xx,
dropped connections) do not end the loop; no pause goes past the deadline, which raises
``V2WaitTimeout`` carrying the last task record and event seen. With ``events=`` (a webhook receiver) a
pause becomes a wait for a ``task_stopped`` delivery, with a poll at least every ``SAFETY_NET_INTERVAL``.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any, Union

from .._polling import check_timeout, delays, error_delay, hinted_delay, is_transient, jittered
from .._waiting import SAFETY_NET_INTERVAL
from ..errors import ManusError
from ..types.v2.events import Event, StatusUpdateEvent, parse_event
from ..types.v2.task import V2Task

__all__ = ["Detail", "Emit", "Fetch", "FollowState", "Pause", "V2WaitTimeout", "follow_plan", "wait_plan"]

FOLLOW_PAGE_SIZE = 50
"""Events asked per ``listMessages`` read while following (Manus's default page)."""
CATCH_UP_PAGE_SIZE = 200
"""Events asked per read while catching up on a log never read before (Manus's maximum page)."""


class V2WaitTimeout(ManusError, TimeoutError):
    """A v2 ``wait`` / ``follow`` reached its deadline; ``.task`` is the last record, ``.last_event`` the last event.

    Example::

        try:
            client.v2.tasks.wait(task_id, timeout=30)
        except V2WaitTimeout as exc:
            print(exc.waited, exc.task and exc.task.status)
    """

    def __init__(self, message: str, *, task: V2Task | None, last_event: Event | None, waited: float) -> None:
        super().__init__(message)
        self.task = task
        self.last_event = last_event
        self.waited = waited


@dataclass
class Fetch:
    """Read one page of the event log, newest first."""

    cursor: str | None
    limit: int


@dataclass
class Detail:
    """Read the task record."""


@dataclass
class Pause:
    """Sleep ``seconds``; with ``push`` set, wait up to ``seconds`` for a ``task_stopped`` delivery instead."""

    seconds: float
    push: bool = False


@dataclass
class Emit:
    event: Event


@dataclass
class Page:
    """What a driver sends back for ``Fetch``: the decoded body and the response headers."""

    body: Any
    headers: Any


Action = Union[Fetch, Detail, Pause, Emit]


class FollowState:
    """What a follower remembers between rounds: events seen, the newest status, rests acted on."""

    def __init__(self, after: str | None = None) -> None:
        self.seen: set[str] = set()
        self.after = after
        self.status: StatusUpdateEvent | None = None
        self.last_event: Event | None = None
        self.task: V2Task | None = None
        self.consumed: str | None = None
        self.started = False

    def consume_rest(self) -> None:
        """The caller acted on the current rest (resumed it): the next round waits for a newer status."""
        if self.status is not None:
            self.consumed = self.status.id

    def take(self, events: list[Event], pending: set[str]) -> tuple[list[Event], bool]:
        """Newest-first events -> (unseen ones newest-first, whether a seen one was reached).

        ``pending`` holds the ids already taken in this poll: a page that shifted while new events
        arrived may repeat some, and they are skipped rather than emitted twice.
        """
        fresh: list[Event] = []
        for event in events:
            if event.id in self.seen or (self.after is not None and event.id == self.after):
                return fresh, True
            if event.id in pending:
                continue
            pending.add(event.id)
            fresh.append(event)
        return fresh, False

    def rest_status(self) -> str | None:
        """The status at rest ("stopped", "waiting", "error") the newest status_update shows, or None."""
        status = self.status
        if status is None or status.id == self.consumed:
            return None
        value = status.agent_status
        return value if value in ("stopped", "waiting", "error") else None


def _fail(result: Any) -> float | None:
    """Re-raise a fatal error; for a transient one, the server's hint (or None)."""
    if isinstance(result, BaseException):
        if not is_transient(result):
            raise result
        hint = error_delay(result)
        return None if hint is None else jittered(hint)
    return None


def _timeout(task_id: str, state: FollowState, waited: float) -> V2WaitTimeout:
    status = state.task.status if state.task is not None else (state.status.agent_status if state.status else None)
    return V2WaitTimeout(
        f"task {task_id} still {status or 'unknown'} after {waited:.1f}s",
        task=state.task,
        last_event=state.last_event,
        waited=waited,
    )


def _pause(hint: float | None, schedule: Any, remaining: float | None, push: bool) -> Pause:
    if push and hint is None:
        window = SAFETY_NET_INTERVAL if remaining is None else min(SAFETY_NET_INTERVAL, remaining)
        return Pause(window, push=True)
    delay = hint if hint is not None else next(schedule)
    return Pause(delay if remaining is None else min(delay, remaining))


def follow_plan(
    task_id: str,
    state: FollowState,
    *,
    timeout: float | None,
    poll_interval: float | None,
    push: bool,
    monotonic: Any,
    page_size: int = FOLLOW_PAGE_SIZE,
) -> Generator[Action, Any, None]:
    """The follow loop (see the module docstring); ``monotonic`` is the clock the deadline reads."""
    limit = check_timeout(timeout)
    schedule = delays(poll_interval)
    start = monotonic()
    while True:
        hint: float | None = None
        fresh: list[Event] = []
        pending: set[str] = set()
        cursor: str | None = None
        failed = False
        while True:  # one poll: newest page, then older pages until a seen event
            result = yield Fetch(cursor, page_size if state.seen or state.after else CATCH_UP_PAGE_SIZE)
            if isinstance(result, BaseException):
                hint, failed = _fail(result), True
                break
            body = result.body if isinstance(result.body, dict) else {}
            hint = hinted_delay(result.headers)
            events = [parse_event(item) for item in body.get("messages") or []]
            taken, reached = state.take(events, pending)
            fresh.extend(taken)
            next_cursor = body.get("next_cursor")
            if reached or not body.get("has_more") or not isinstance(next_cursor, str) or next_cursor == cursor:
                break
            cursor = next_cursor
        if not failed:
            for event in reversed(fresh):
                state.seen.add(event.id)
                state.last_event = event
                if isinstance(event, StatusUpdateEvent):
                    state.status = event
                yield Emit(event)
            rest = state.rest_status()
            if rest == "stopped":
                detail = yield Detail()
                if isinstance(detail, BaseException):
                    hint = _fail(detail)
                else:
                    state.task = detail
                    if detail.at_rest or detail.status in ("waiting", "error"):
                        return
            elif rest is not None:
                return
        waited = monotonic() - start
        remaining = None if limit is None else limit - waited
        if remaining is not None and remaining <= 0:
            raise _timeout(task_id, state, waited)
        yield _pause(hint, schedule, remaining, push)


def wait_plan(
    task_id: str,
    state: FollowState,
    *,
    timeout: float | None,
    poll_interval: float | None,
    push: bool,
    monotonic: Any,
) -> Generator[Action, Any, V2Task]:
    """The wait loop: ``task.detail`` until the task is at rest; returns the record."""
    limit = check_timeout(timeout)
    schedule = delays(poll_interval)
    start = monotonic()
    while True:
        result = yield Detail()
        hint = _fail(result)
        if not isinstance(result, BaseException):
            state.task = result
            if result.at_rest:
                return result  # type: ignore[no-any-return]  # Detail answers a V2Task
        waited = monotonic() - start
        remaining = None if limit is None else limit - waited
        if remaining is not None and remaining <= 0:
            raise _timeout(task_id, state, waited)
        yield _pause(hint, schedule, remaining, push)
