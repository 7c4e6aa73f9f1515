"""``client.v2.tasks`` on ``AsyncManusOpenAI``: the async twin of ``_tasks.V2Tasks``, method for method.

Example::

    created = await client.v2.tasks.create("Plan a 3-day trip to Kyoto")
    async for event in client.v2.tasks.follow(created.task_id):
        print(event.type)
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from functools import cached_property
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
from ._task_shared import (
    M,
    TaskDetail,
    Visibility,
    Waiting,
    confirm_body,
    marking,
    newest_result,
    newest_waiting,
    no_result,
    task_of,
)
from ._views import (
    AsyncV2TasksWithRawResponse,
    AsyncV2TasksWithStreamingResponse,
)
from .confirmations import Confirmation
from .structured import OutputSpec, parse_result

__all__ = ["AsyncV2Tasks"]


class AsyncV2Tasks(AsyncV2Resource):
    """``client.v2.tasks`` on ``AsyncManusOpenAI``; the async twin of ``V2Tasks``."""

    @cached_property
    def with_raw_response(self) -> AsyncV2TasksWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return AsyncV2TasksWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV2TasksWithStreamingResponse:
        """The same methods as async context managers over the unread HTTP response."""
        return AsyncV2TasksWithStreamingResponse(self)

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
        """``task.create``: start a task; see ``V2Tasks.create``.

        Example::

            created = await client.v2.tasks.create("Summarise this", interactive_mode=True)
        """
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
        """``task.detail``: status and metadata; see ``V2Tasks.retrieve``.

        Example::

            print((await client.v2.tasks.retrieve(task_id)).status)
        """
        query = {"task_id": task_ref(task_id)}
        return await self._unwrap("GET", "task.detail", query, TaskDetail, options, task_of)

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
        """``task.list``; ``async for`` walks every page, ``await`` gives the first; see ``V2Tasks.list``.

        Example::

            async for task in client.v2.tasks.list(limit=100):
                print(task.id, task.status)
            first = await client.v2.tasks.list(limit=10)
        """
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
        """``task.update``: title, sharing, visibility; see ``V2Tasks.update``.

        Example::

            await client.v2.tasks.update(task_id, title="Q4 report", share_visibility="team")
        """
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
        """``task.stop``: the task becomes ``stopped``; see ``V2Tasks.stop``.

        Example::

            await client.v2.tasks.stop(task_id)
        """
        return await self._call("POST", "task.stop", {"task_id": task_ref(task_id)}, TaskStopped, options)

    async def delete(self, task_id: str, **options: Unpack[RequestOptions]) -> TaskDeleted:
        """``task.delete``: permanent; see ``V2Tasks.delete``.

        Example::

            assert (await client.v2.tasks.delete(task_id)).deleted
        """
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
        """``task.sendMessage``: a follow-up, a resume or an answer; see ``V2Tasks.send_message``.

        Example::

            await client.v2.tasks.send_message(task_id, "Make it shorter")
        """
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
        """``task.listMessages``: the event log, typed; see ``V2Tasks.list_messages``.

        Example::

            async for event in client.v2.tasks.list_messages(task_id, order="asc", verbose=True):
                print(event.type)
        """
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
        """``task.confirmAction``: answer what the task waits for; see ``V2Tasks.confirm``.

        Example::

            waiting = await client.v2.tasks.waiting_for(task_id)
            await client.v2.tasks.confirm(task_id, waiting, confirmations.accept())
        """
        body, stays = confirm_body(task_id, waiting, input)
        return await self._unwrap("POST", "task.confirmAction", body, ActionConfirmed, options, marking(stays))

    async def waiting_for(self, task_id: str, **options: Unpack[RequestOptions]) -> StatusDetail | None:
        """What a waiting task waits for, or None when it is not waiting; see ``V2Tasks.waiting_for``.

        Example::

            waiting = await client.v2.tasks.waiting_for(task_id)
            print(waiting and waiting.waiting_for_event_type)
        """
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
        """The newest structured result, as ``spec`` or raw; see ``V2Tasks.structured_result``.

        Example::

            company = await client.v2.tasks.structured_result(task_id, Company)
        """
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
        """An async iterator over the task's events as they arrive; see ``V2Tasks.follow``.

        Example::

            async for event in client.v2.tasks.follow(task_id, verbose=True):
                print(event.type)
        """
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
        """Poll ``task.detail`` until the task is at rest; see ``V2Tasks.wait``.

        Example::

            task = await client.v2.tasks.wait(task_id, timeout=600)
        """
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
