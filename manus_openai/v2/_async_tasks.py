"""``client.v2.tasks`` on ``AsyncManusOpenAI``: the async twin of ``_tasks.V2Tasks``, method for method.

Example::

    created = await client.v2.tasks.create("Plan a 3-day trip to Kyoto")
    async for event in client.v2.tasks.follow(created.task_id):
        print(event.type)
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any, Literal, Union, overload

import anyio
import httpx
from typing_extensions import Unpack

from .._compat import AsyncPaginator
from .._waiting import check_wait_options
from ..types.v2.events import Event, StatusDetail, StatusUpdateEvent
from ..types.v2.task import ActionConfirmed, TaskCreated, TaskDeleted, TaskMessageSent, TaskStopped, TaskUpdated, V2Task
from ._base import AsyncV2Resource, RequestOptions
from ._follow import AsyncTaskFollower
from ._lifecycle import Detail, FollowState, Pause, wait_plan
from ._pages import AsyncCursorPage, AsyncEventPage
from ._params import AgentProfileV2, Message
from ._task_calls import create_body, list_messages_query, list_query, send_message_body, task_ref, update_body
from ._task_shared import M, TaskDetail, Visibility, Waiting, confirm_body, newest_result, newest_waiting, no_result
from .confirmations import Confirmation
from .structured import OutputSpec, parse_result

__all__ = ["AsyncV2Tasks"]


class AsyncV2Tasks(AsyncV2Resource):
    """``client.v2.tasks`` on ``AsyncManusOpenAI``; the async twin of ``V2Tasks``."""

    async def _sleep(self, seconds: float) -> None:
        await anyio.sleep(seconds)

    _monotonic = staticmethod(time.monotonic)

    async def create(
        self,
        message: Message,
        *,
        connectors: Sequence[str] | None = None,
        enable_skills: Sequence[str] | None = None,
        force_skills: Sequence[str] | None = None,
        task_references: Sequence[str] | None = None,
        project_id: str | None = None,
        locale: str | None = None,
        interactive_mode: bool | None = None,
        hide_in_task_list: bool | None = None,
        share_visibility: Visibility | None = None,
        agent_profile: AgentProfileV2 | None = None,
        title: str | None = None,
        structured_output: OutputSpec | None = None,
        **options: Unpack[RequestOptions],
    ) -> TaskCreated:
        """``task.create``; see ``V2Tasks.create``."""
        body = create_body(
            message,
            {
                "project_id": project_id,
                "locale": locale,
                "interactive_mode": interactive_mode,
                "hide_in_task_list": hide_in_task_list,
                "share_visibility": share_visibility,
                "agent_profile": agent_profile,
                "title": title,
                "structured_output": structured_output,
            },
            {
                "connectors": connectors,
                "enable_skills": enable_skills,
                "force_skills": force_skills,
                "task_references": task_references,
            },
        )
        return await self._call("POST", "task.create", body, TaskCreated, options)

    async def retrieve(self, task_id: str, **options: Unpack[RequestOptions]) -> V2Task:
        """``task.detail``; see ``V2Tasks.retrieve``."""
        return (await self._call("GET", "task.detail", {"task_id": task_ref(task_id)}, TaskDetail, options)).task

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        order: Literal["asc", "desc"] | None = None,
        scope: Literal["all", "standard", "project", "agent_subtask"] | None = None,
        agent_id: str | None = None,
        project_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[V2Task, AsyncCursorPage[V2Task]]:
        """``task.list`` (``async for task in client.v2.tasks.list()``); see ``V2Tasks.list``."""
        query = list_query(
            {
                "limit": limit,
                "cursor": cursor,
                "order": order,
                "scope": scope,
                "agent_id": agent_id,
                "project_id": project_id,
            }
        )
        return self._list("task.list", query, AsyncCursorPage[V2Task], V2Task, options)

    async def update(
        self,
        task_id: str,
        *,
        title: str | None = None,
        share_visibility: Visibility | None = None,
        enable_visible_in_task_list: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> TaskUpdated:
        """``task.update``; see ``V2Tasks.update``."""
        body = update_body(
            task_id,
            {
                "title": title,
                "share_visibility": share_visibility,
                "enable_visible_in_task_list": enable_visible_in_task_list,
            },
        )
        return await self._call("POST", "task.update", body, TaskUpdated, options)

    async def stop(self, task_id: str, **options: Unpack[RequestOptions]) -> TaskStopped:
        """``task.stop``; see ``V2Tasks.stop``."""
        return await self._call("POST", "task.stop", {"task_id": task_ref(task_id)}, TaskStopped, options)

    async def delete(self, task_id: str, **options: Unpack[RequestOptions]) -> TaskDeleted:
        """``task.delete``; see ``V2Tasks.delete``."""
        body = {"task_id": task_ref(task_id, deletable=True)}
        return await self._call("POST", "task.delete", body, TaskDeleted, options)

    async def send_message(
        self,
        task_id: str,
        message: Message,
        *,
        connectors: Sequence[str] | None = None,
        enable_skills: Sequence[str] | None = None,
        force_skills: Sequence[str] | None = None,
        task_references: Sequence[str] | None = None,
        agent_profile: AgentProfileV2 | None = None,
        structured_output: OutputSpec | None = None,
        **options: Unpack[RequestOptions],
    ) -> TaskMessageSent:
        """``task.sendMessage``; see ``V2Tasks.send_message``."""
        body = send_message_body(
            task_id,
            message,
            {"agent_profile": agent_profile, "structured_output": structured_output},
            {
                "connectors": connectors,
                "enable_skills": enable_skills,
                "force_skills": force_skills,
                "task_references": task_references,
            },
        )
        return await self._call("POST", "task.sendMessage", body, TaskMessageSent, options)

    reply = send_message

    def list_messages(
        self,
        task_id: str,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        order: Literal["asc", "desc"] | None = None,
        verbose: bool | None = None,
        slides_format: Literal["html", "pptx"] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[Event, AsyncEventPage]:
        """``task.listMessages`` (``async for event in ...``); see ``V2Tasks.list_messages``."""
        query = list_messages_query(
            task_id,
            {"limit": limit, "cursor": cursor, "order": order, "verbose": verbose, "slides_format": slides_format},
        )
        return self._list("task.listMessages", query, AsyncEventPage, Any, options)

    async def confirm(
        self,
        task_id: str,
        waiting: Waiting,
        input: Union[Confirmation, Mapping[str, Any], None] = None,
        **options: Unpack[RequestOptions],
    ) -> ActionConfirmed:
        """``task.confirmAction``; see ``V2Tasks.confirm``."""
        body, stays = confirm_body(task_id, waiting, input)
        confirmed = await self._call("POST", "task.confirmAction", body, ActionConfirmed, options)
        confirmed.stays_waiting = stays
        return confirmed

    async def waiting_for(self, task_id: str, **options: Unpack[RequestOptions]) -> StatusDetail | None:
        """See ``V2Tasks.waiting_for``."""
        page: AsyncEventPage = await self.list_messages(task_id, order="desc", limit=50, **options)
        async for current in page.iter_pages():
            found = newest_waiting(current.events)
            if found is not None or any(isinstance(e, StatusUpdateEvent) for e in current.events):
                return found
        return None

    @overload
    async def structured_result(self, task_id: str, spec: type[M], **options: Unpack[RequestOptions]) -> M: ...
    @overload
    async def structured_result(
        self, task_id: str, spec: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> Any: ...
    async def structured_result(
        self, task_id: str, spec: OutputSpec | None = None, **options: Unpack[RequestOptions]
    ) -> Any:
        """See ``V2Tasks.structured_result``."""
        page: AsyncEventPage = await self.list_messages(task_id, order="desc", limit=50, **options)
        async for current in page.iter_pages():
            found = newest_result(current.events)
            if found is not None:
                return parse_result(found.structured_output_result, spec)
        raise no_result(task_id)

    def follow(
        self,
        task_id: str,
        *,
        after: str | None = None,
        verbose: bool = False,
        timeout: float | None = 3600.0,
        poll_interval: float | None = None,
        events: Any = None,
    ) -> AsyncTaskFollower:
        """``async for event in client.v2.tasks.follow(task_id)``; see ``V2Tasks.follow``."""
        check_wait_options(timeout, poll_interval)
        return AsyncTaskFollower(
            self,
            task_ref(task_id),
            after=after,
            verbose=verbose,
            timeout=timeout,
            poll_interval=poll_interval,
            events=events,
        )

    async def wait(
        self,
        task_id: str,
        *,
        timeout: float | None = 3600.0,
        poll_interval: float | None = None,
        events: Any = None,
    ) -> V2Task:
        """See ``V2Tasks.wait``."""
        task_id = task_ref(task_id)
        plan = wait_plan(
            task_id,
            FollowState(),
            timeout=timeout,
            poll_interval=poll_interval,
            push=events is not None,
            monotonic=self._monotonic,
        )
        result: Any = None
        seen: str | None = None
        while True:
            try:
                action = plan.send(result)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]  # wait_plan returns a V2Task
            result = None
            try:
                if isinstance(action, Detail):
                    result = await self.retrieve(task_id)
                elif isinstance(action, Pause) and action.push:
                    seen = await events.await_stopped(task_id, action.seconds, after=seen) or seen
                elif isinstance(action, Pause):
                    await self._sleep(action.seconds)
            except Exception as exc:
                result = exc

    async def _raw_messages(self, query: Mapping[str, object]) -> httpx.Response:
        return await self._call("GET", "task.listMessages", query, httpx.Response, {})
