"""``TaskFollower`` / ``AsyncTaskFollower``: iterate a task's new events; act on it between rounds.

The decisions are in ``_lifecycle``; these classes only do the I/O. Iterating a follower runs one
*round*: every new event, oldest first, until the task is at rest (stopped with no background jobs,
waiting, or error). Acting through the follower (``confirm``, ``reply``) and iterating again runs the
next round from where the last one stopped, with no duplicate and no gap.

Example::

    follower = client.v2.tasks.follow(task_id)
    while True:
        for event in follower:
            print(event.type)
        waiting = follower.waiting
        if waiting is None:
            break                                  # stopped or error
        follower.confirm(confirmations.accept())   # or follower.reply("...") for messageAskUser
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Union

import httpx

from ..types.v2.events import Event, StatusDetail, StatusUpdateEvent
from ..types.v2.task import ActionConfirmed, TaskMessageSent, V2Task
from ._lifecycle import Detail, Emit, Fetch, FollowState, Page, Pause, follow_plan
from ._params import Message
from .confirmations import Confirmation

if TYPE_CHECKING:
    from ._async_tasks import AsyncV2Tasks
    from ._tasks import V2Tasks

__all__ = ["AsyncTaskFollower", "TaskFollower"]

Answer = Union[Confirmation, Mapping[str, Any], None]


class _FollowerBase:
    def __init__(
        self,
        task_id: str,
        *,
        after: str | None,
        verbose: bool,
        timeout: float | None,
        poll_interval: float | None,
        events: Any,
    ) -> None:
        self.task_id = task_id
        self._state = FollowState(after)
        self._verbose = verbose
        self._timeout = timeout
        self._poll_interval = poll_interval
        self._events = events
        self._push_seen: str | None = None

    @property
    def status(self) -> StatusUpdateEvent | None:
        """The newest ``status_update`` seen."""
        return self._state.status

    @property
    def last_event(self) -> Event | None:
        """The newest event seen."""
        return self._state.last_event

    @property
    def task(self) -> V2Task | None:
        """The last task record read (read when the log says ``stopped``)."""
        return self._state.task

    @property
    def waiting(self) -> StatusDetail | None:
        """What the task waits for, when the newest status is ``waiting`` and nobody has answered it."""
        status = self._state.status
        if status is None or status.agent_status != "waiting" or self._state.rest_status() is None:
            return None
        return status.status_update.status_detail or StatusDetail()

    def _plan(self, monotonic: Any) -> Any:
        return follow_plan(
            self.task_id,
            self._state,
            timeout=self._timeout,
            poll_interval=self._poll_interval,
            push=self._events is not None,
            monotonic=monotonic,
        )

    def _query(self, action: Fetch) -> dict[str, object]:
        query: dict[str, object] = {"task_id": self.task_id, "order": "desc", "limit": action.limit}
        if action.cursor is not None:
            query["cursor"] = action.cursor
        if self._verbose:
            query["verbose"] = "true"
        return query

    def _acted(self, confirmed: ActionConfirmed | None = None) -> None:
        if confirmed is None or not confirmed.stays_waiting:
            self._state.consume_rest()


def _page(response: httpx.Response) -> Page:
    return Page(response.json(), response.headers)


class TaskFollower(_FollowerBase):
    """Follow a task from ``ManusOpenAI``; see the module docstring."""

    def __init__(self, tasks: V2Tasks, task_id: str, **kwargs: Any) -> None:
        super().__init__(task_id, **kwargs)
        self._tasks = tasks

    def __iter__(self) -> Iterator[Event]:
        tasks = self._tasks
        plan = self._plan(tasks._monotonic)
        result: Any = None
        while True:
            try:
                action = plan.send(result)
            except StopIteration:
                return
            result = None
            if isinstance(action, Emit):
                yield action.event
                continue
            try:
                if isinstance(action, Fetch):
                    result = _page(tasks._raw_messages(self._query(action)))
                elif isinstance(action, Detail):
                    result = tasks.retrieve(self.task_id)
                elif isinstance(action, Pause):
                    if action.push:
                        self._push_seen = (
                            self._events.wait_stopped(self.task_id, action.seconds, after=self._push_seen)
                            or self._push_seen
                        )
                    else:
                        tasks._sleep(action.seconds)
            except Exception as exc:
                result = exc

    def confirm(self, answer: Answer = None) -> ActionConfirmed:
        """Answer what the task waits for (see ``V2Tasks.confirm``); the next round waits for it to move."""
        waiting = self.waiting
        if waiting is None:
            raise ValueError(f"task {self.task_id} is not waiting for a confirmation (status: {self._status_text()})")
        confirmed = self._tasks.confirm(self.task_id, waiting, answer)
        self._acted(confirmed)
        return confirmed

    def reply(self, message: Message, **kwargs: Any) -> TaskMessageSent:
        """``task.sendMessage``: answer a ``messageAskUser``, or resume a stopped task."""
        sent = self._tasks.send_message(self.task_id, message, **kwargs)
        self._acted()
        return sent

    def _status_text(self) -> str:
        return str(self._state.status.agent_status) if self._state.status else "unknown"


class AsyncTaskFollower(_FollowerBase):
    """Follow a task from ``AsyncManusOpenAI`` (``async for event in follower``)."""

    def __init__(self, tasks: AsyncV2Tasks, task_id: str, **kwargs: Any) -> None:
        super().__init__(task_id, **kwargs)
        self._tasks = tasks

    async def __aiter__(self) -> AsyncIterator[Event]:
        tasks = self._tasks
        plan = self._plan(tasks._monotonic)
        result: Any = None
        while True:
            try:
                action = plan.send(result)
            except StopIteration:
                return
            result = None
            if isinstance(action, Emit):
                yield action.event
                continue
            try:
                if isinstance(action, Fetch):
                    result = _page(await tasks._raw_messages(self._query(action)))
                elif isinstance(action, Detail):
                    result = await tasks.retrieve(self.task_id)
                elif isinstance(action, Pause):
                    if action.push:
                        seen = await self._events.await_stopped(self.task_id, action.seconds, after=self._push_seen)
                        self._push_seen = seen or self._push_seen
                    else:
                        await tasks._sleep(action.seconds)
            except Exception as exc:
                result = exc

    async def confirm(self, answer: Answer = None) -> ActionConfirmed:
        """The async twin of ``TaskFollower.confirm``."""
        waiting = self.waiting
        if waiting is None:
            status = self._state.status.agent_status if self._state.status else "unknown"
            raise ValueError(f"task {self.task_id} is not waiting for a confirmation (status: {status})")
        confirmed = await self._tasks.confirm(self.task_id, waiting, answer)
        self._acted(confirmed)
        return confirmed

    async def reply(self, message: Message, **kwargs: Any) -> TaskMessageSent:
        """The async twin of ``TaskFollower.reply``."""
        sent = await self._tasks.send_message(self.task_id, message, **kwargs)
        self._acted()
        return sent
