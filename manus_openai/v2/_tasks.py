"""``client.v2.tasks`` on ``ManusOpenAI``: every ``task.*`` endpoint, typed, plus follow / wait / confirm.

``create`` and ``send_message`` cost credits: like every POST of this client they are sent again only
when the server provably did not act (a 429, a refused connection); reads keep the SDK's retries.

Example::

    created = client.v2.tasks.create("Plan a 3-day trip to Kyoto", interactive_mode=True)
    for event in client.v2.tasks.follow(created.task_id):
        print(event.type)
    task = client.v2.tasks.wait(created.task_id)
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any, Literal, Union, overload

import httpx
from typing_extensions import Unpack

from .._waiting import check_wait_options
from ..types.v2.events import StatusDetail, StatusUpdateEvent
from ..types.v2.task import ActionConfirmed, TaskCreated, TaskDeleted, TaskMessageSent, TaskStopped, TaskUpdated, V2Task
from ._base import RequestOptions, V2Resource
from ._follow import TaskFollower
from ._lifecycle import Detail, FollowState, Pause, wait_plan
from ._pages import SyncCursorPage, SyncEventPage
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
    V2TasksWithRawResponse,
    V2TasksWithStreamingResponse,
)
from .confirmations import Confirmation
from .structured import OutputSpec, parse_result

__all__ = ["V2Tasks"]


class V2Tasks(V2Resource):
    """``client.v2.tasks`` on ``ManusOpenAI``."""

    @cached_property
    def with_raw_response(self) -> V2TasksWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return V2TasksWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V2TasksWithStreamingResponse:
        """The same methods as context managers over the unread HTTP response."""
        return V2TasksWithStreamingResponse(self)

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    _monotonic = staticmethod(time.monotonic)

    def create(
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
        """``task.create``: start a task. ``message`` is text, a list of parts, or a ``MessageInput``.

        ``structured_output`` is a pydantic model class or a JSON Schema (see ``v2.structured``).

        Example::

            created = client.v2.tasks.create("Summarise this", interactive_mode=True)
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
        return self._call("POST", "task.create", body, TaskCreated, options)

    def retrieve(self, task_id: str, **options: Unpack[RequestOptions]) -> V2Task:
        """``task.detail``: status and metadata (no conversation).

        Example::

            print(client.v2.tasks.retrieve(task_id).status)
        """
        return self._unwrap("GET", "task.detail", {"task_id": task_ref(task_id)}, TaskDetail, options, task_of)

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
    ) -> SyncCursorPage[V2Task]:
        """``task.list``; iterating the page walks every following page.

        Example::

            for task in client.v2.tasks.list(limit=100):
                print(task.id, task.status)
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
        return self._list("task.list", query, SyncCursorPage[V2Task], V2Task, options)

    def update(
        self,
        task_id: str,
        *,
        title: str | None = None,
        share_visibility: Visibility | None = None,
        enable_visible_in_task_list: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> TaskUpdated:
        """``task.update``: title, sharing, visibility in the task list.

        Example::

            client.v2.tasks.update(task_id, title="Q4 report", share_visibility="team")
        """
        body = update_body(
            task_id,
            {
                "title": title,
                "share_visibility": share_visibility,
                "enable_visible_in_task_list": enable_visible_in_task_list,
            },
        )
        return self._call("POST", "task.update", body, TaskUpdated, options)

    def stop(self, task_id: str, **options: Unpack[RequestOptions]) -> TaskStopped:
        """``task.stop``: the task becomes ``stopped`` (resume it with ``send_message``).

        Example::

            client.v2.tasks.stop(task_id)
        """
        return self._call("POST", "task.stop", {"task_id": task_ref(task_id)}, TaskStopped, options)

    def delete(self, task_id: str, **options: Unpack[RequestOptions]) -> TaskDeleted:
        """``task.delete``: permanent (agent tasks cannot be deleted).

        Example::

            assert client.v2.tasks.delete(task_id).deleted
        """
        return self._call("POST", "task.delete", {"task_id": task_ref(task_id, deletable=True)}, TaskDeleted, options)

    def send_message(
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
        """``task.sendMessage``: a follow-up turn, a resume, or the answer to ``messageAskUser``.

        A new ``structured_output`` replaces an armed one; omitting it leaves an armed schema in place.

        Example::

            client.v2.tasks.send_message(task_id, "Make it shorter")
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
        return self._call("POST", "task.sendMessage", body, TaskMessageSent, options)

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
    ) -> SyncEventPage:
        """``task.listMessages``: the event log, typed (``Event``); iterating walks every page.

        Example::

            for event in client.v2.tasks.list_messages(task_id, order="asc", verbose=True):
                print(event.type)
        """
        query = list_messages_query(
            task_id,
            {"limit": limit, "cursor": cursor, "order": order, "verbose": verbose, "slides_format": slides_format},
        )
        return self._list("task.listMessages", query, SyncEventPage, Any, options)

    def confirm(
        self,
        task_id: str,
        waiting: Waiting,
        input: Union[Confirmation, Mapping[str, Any], None] = None,
        **options: Unpack[RequestOptions],
    ) -> ActionConfirmed:
        """``task.confirmAction``: answer what the task waits for (see ``v2.confirmations``).

        ``waiting`` is the ``StatusDetail`` (or its ``status_update`` event; best: the input is checked
        against its type and ``confirm_input_schema``) or a bare ``event_id``.

        Example::

            waiting = client.v2.tasks.waiting_for(task_id)
            client.v2.tasks.confirm(task_id, waiting, confirmations.accept())
        """
        body, stays = confirm_body(task_id, waiting, input)
        return self._unwrap("POST", "task.confirmAction", body, ActionConfirmed, options, marking(stays))

    def waiting_for(self, task_id: str, **options: Unpack[RequestOptions]) -> StatusDetail | None:
        """What a waiting task waits for (from its newest ``status_update``), or None when it is not waiting.

        Example::

            waiting = client.v2.tasks.waiting_for(task_id)
            print(waiting and waiting.waiting_for_event_type)
        """
        page = self.list_messages(task_id, order="desc", limit=50, **options)
        for current in page.iter_pages():
            found = newest_waiting(current.events)
            if found is not None or any(isinstance(e, StatusUpdateEvent) for e in current.events):
                return found
        return None

    @overload
    def structured_result(self, task_id: str, spec: type[M], **options: Unpack[RequestOptions]) -> M: ...
    @overload
    def structured_result(
        self, task_id: str, spec: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> Any: ...
    def structured_result(self, task_id: str, spec: OutputSpec | None = None, **options: Unpack[RequestOptions]) -> Any:
        """The newest ``structured_output_result``, as an instance of ``spec`` (a model) or the raw value.

        ``success: false`` raises ``StructuredOutputError``; no result at all raises ``LookupError``.

        Example::

            company = client.v2.tasks.structured_result(task_id, Company)
        """
        for current in self.list_messages(task_id, order="desc", limit=50, **options).iter_pages():
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
    ) -> TaskFollower:
        """An iterator over the task's events as they arrive, ending when the task is at rest.

        ``after`` starts after that event id (default: from the first event). See ``v2._follow``.

        Example::

            for event in client.v2.tasks.follow(task_id, verbose=True):
                print(event.type)
        """
        check_wait_options(timeout, poll_interval)
        return TaskFollower(
            self,
            task_ref(task_id),
            after=after,
            verbose=verbose,
            timeout=timeout,
            poll_interval=poll_interval,
            events=events,
        )

    def wait(
        self,
        task_id: str,
        *,
        timeout: float | None = 3600.0,
        poll_interval: float | None = None,
        events: Any = None,
    ) -> V2Task:
        """Poll ``task.detail`` until the task is stopped (no background jobs), waiting or error.

        ``events`` is a webhook receiver (``manus_openai.webhooks.WebhookReceiver``): pauses then wait for
        its ``task_stopped`` deliveries. Raises ``V2WaitTimeout`` at the deadline.

        Example::

            task = client.v2.tasks.wait(task_id, timeout=600)
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
                    result = self.retrieve(task_id)
                elif isinstance(action, Pause) and action.push:
                    seen = events.wait_stopped(task_id, action.seconds, after=seen) or seen
                elif isinstance(action, Pause):
                    self._sleep(action.seconds)
            except Exception as exc:
                result = exc

    def _raw_messages(self, query: Mapping[str, object]) -> httpx.Response:
        return self._call("GET", "task.listMessages", query, httpx.Response, {})
