"""``client.tasks``: the native v1 task endpoints (manus-api.md §4.1-§4.6), sync and async.

Decisions (validation, the query and body each call sends, the wire spelling) live in the pure
functions of ``_task_requests``, shared by ``Tasks`` and ``AsyncTasks``; only the I/O is written twice,
line for line.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Union

import httpx

from .._compat import (
    NOT_GIVEN,
    AsyncAPIResource,
    AsyncPaginator,
    Body,
    Headers,
    NotGiven,
    Query,
    SyncAPIResource,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    make_request_options,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._ids import task_id_of
from .._options import AgentProfile, TaskMode, check_id
from ..pagination import AsyncTasksPage, SyncTasksPage
from ..types.attachments import Attachment
from ..types.file import File
from ..types.task import Task, TaskCreated, TaskDeleted, TaskUpdated
from ._task_requests import (
    CREATE_BODY_KEYS,
    DEFAULT_AGENT_PROFILE,
    LIST_QUERY_KEYS,
    UPDATE_BODY_KEYS,
    ListStatus,
    Order,
    OrderBy,
    Timestamp,
    create_task_body,
    list_tasks_request,
    retrieve_query,
    update_task_body,
)

__all__ = [
    "CREATE_BODY_KEYS",
    "DEFAULT_AGENT_PROFILE",
    "LIST_QUERY_KEYS",
    "UPDATE_BODY_KEYS",
    "AsyncTasks",
    "Tasks",
    "create_task_body",
    "list_tasks_request",
    "update_task_body",
]


def _path(task_id: object) -> str:
    # A Responses turn id ("T~2") names its task: every id the library hands out works here.
    return f"/tasks/{task_id_of(check_id(task_id, 'task_id'))}"


class Tasks(SyncAPIResource):
    """``client.tasks``: list, retrieve, create, update and delete Manus tasks (v1 REST).

    Example::

        from datetime import datetime, timedelta, timezone

        week_ago = datetime.now(timezone.utc) - timedelta(days=7)
        for task in client.tasks.list(status="completed", created_after=week_ago, limit=100):
            print(task.id, task.task_title, task.credit_usage)
    """

    @cached_property
    def with_raw_response(self) -> TasksWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the usual result)."""
        return TasksWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> TasksWithStreamingResponse:
        """The same methods as context managers over the unread HTTP response."""
        return TasksWithStreamingResponse(self)

    def list(
        self,
        *,
        status: Union[ListStatus, Sequence[ListStatus], None] = None,
        query: str | None = None,
        limit: int | None = None,
        after: str | None = None,
        order: Order | None = None,
        order_by: OrderBy | None = None,
        created_after: Timestamp | None = None,
        created_before: Timestamp | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> SyncTasksPage[Task]:
        """List tasks (also those created in the web app), newest first by default.

        Returns the first page; iterating it yields every matching task, fetching ``limit`` (1-1000,
        server default 100) per request with ``after=<last_id>``. ``status`` is one value or a list
        (``pending``, ``running``, ``completed``, ``failed``); ``created_after`` / ``created_before``
        are Unix seconds or aware datetimes; ``query`` searches titles and content.

        Example::

            page = client.tasks.list(status=["completed", "failed"], order_by="updated_at", limit=50)
            print(len(page.data), page.has_more, page.last_id)
            for task in page:
                ...
        """
        params = list_tasks_request(
            status=status, query=query, limit=limit, after=after, order=order, order_by=order_by,
            created_after=created_after, created_before=created_before,
        )  # fmt: skip
        return self._get_api_list(
            "/tasks",
            page=SyncTasksPage[Task],
            model=Task,
            options=make_request_options(
                query=params,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def retrieve(
        self,
        task_id: str,
        *,
        convert: bool | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> Task:
        """Fetch one task: status, conversation (``output``), metadata and credit usage.

        ``convert=True`` asks Manus to convert output files (newest docs: pptx only).

        Example::

            task = client.tasks.retrieve("TeBim6FDQf9peS52xHtAyh")
            print(task.status, task.output_text)
        """
        task: Task = self._get(
            _path(task_id),
            options=make_request_options(
                query=retrieve_query(convert),
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            cast_to=Task,
        )
        return task._bind(self._client) if isinstance(task, Task) else task

    def create(
        self,
        prompt: str,
        *,
        agent_profile: Union[AgentProfile, NotGiven] = NOT_GIVEN,
        task_mode: Union[TaskMode, NotGiven] = NOT_GIVEN,
        attachments: Union[Sequence[Union[Attachment, File]], NotGiven] = NOT_GIVEN,
        connectors: Union[Sequence[str], NotGiven] = NOT_GIVEN,
        hide_in_task_list: Union[bool, NotGiven] = NOT_GIVEN,
        create_shareable_link: Union[bool, NotGiven] = NOT_GIVEN,
        task_id: Union[str, NotGiven] = NOT_GIVEN,
        project_id: Union[str, NotGiven] = NOT_GIVEN,
        interactive_mode: Union[bool, NotGiven] = NOT_GIVEN,
        locale: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> TaskCreated:
        """Start a task (``POST /v1/tasks``), or continue one with ``task_id`` (same id returned).

        Not idempotent: like ``responses.create`` it is re-sent only when the server provably did not
        act (429, connection refused). ``agent_profile`` defaults to ``manus-1.6`` for a new task and is
        left out when continuing. Wait for the result with ``client.responses.wait(created.task_id)``.

        Example::

            created = client.tasks.create(
                "Summarise this report", attachments=[url_attachment("https://example.com/r.pdf")]
            )
            done = client.responses.wait(created.task_id)
        """
        body = create_task_body(
            prompt, agent_profile=agent_profile, task_mode=task_mode, attachments=attachments,
            connectors=connectors, hide_in_task_list=hide_in_task_list,
            create_shareable_link=create_shareable_link, task_id=task_id, project_id=project_id,
            interactive_mode=interactive_mode, locale=locale,
        )  # fmt: skip
        return self._post(
            "/tasks",
            body=body,
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
            cast_to=TaskCreated,
        )

    def update(
        self,
        task_id: str,
        *,
        title: Union[str, NotGiven] = NOT_GIVEN,
        enable_shared: Union[bool, NotGiven] = NOT_GIVEN,
        enable_visible_in_task_list: Union[bool, NotGiven] = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> TaskUpdated:
        """Rename a task, toggle its public share link or its visibility in the web app's list.

        Sends only the fields given (``PUT /v1/tasks/{id}``).

        Example::

            updated = client.tasks.update(task_id, title="Q3 summary", enable_shared=True)
            print(updated.share_url)
        """
        body = update_task_body(
            title=title, enable_shared=enable_shared, enable_visible_in_task_list=enable_visible_in_task_list
        )
        return self._put(
            _path(task_id),
            body=body,
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
            cast_to=TaskUpdated,
        )

    def delete(
        self,
        task_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> TaskDeleted:
        """Delete a task and all its data, irreversibly.

        Example::

            assert client.tasks.delete(task_id).deleted
        """
        return self._delete(
            _path(task_id),
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
            cast_to=TaskDeleted,
        )


class AsyncTasks(AsyncAPIResource):
    """``client.tasks`` on ``AsyncManusOpenAI``: the async twin of ``Tasks``.

    Example::

        async for task in client.tasks.list(status="completed", limit=100):
            print(task.id, task.task_title)
    """

    @cached_property
    def with_raw_response(self) -> AsyncTasksWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the usual result)."""
        return AsyncTasksWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncTasksWithStreamingResponse:
        """The same methods as async context managers over the unread HTTP response."""
        return AsyncTasksWithStreamingResponse(self)

    def list(
        self,
        *,
        status: Union[ListStatus, Sequence[ListStatus], None] = None,
        query: str | None = None,
        limit: int | None = None,
        after: str | None = None,
        order: Order | None = None,
        order_by: OrderBy | None = None,
        created_after: Timestamp | None = None,
        created_before: Timestamp | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> AsyncPaginator[Task, AsyncTasksPage[Task]]:
        """List tasks; see ``Tasks.list``. ``await`` it for the first page, or ``async for`` over every task.

        Example::

            page = await client.tasks.list(limit=50)
            async for task in client.tasks.list(status="running"):
                ...
        """
        params = list_tasks_request(
            status=status, query=query, limit=limit, after=after, order=order, order_by=order_by,
            created_after=created_after, created_before=created_before,
        )  # fmt: skip
        return self._get_api_list(
            "/tasks",
            page=AsyncTasksPage[Task],
            model=Task,
            options=make_request_options(
                query=params,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def retrieve(
        self,
        task_id: str,
        *,
        convert: bool | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> Task:
        """Fetch one task; see ``Tasks.retrieve``.

        Example::

            task = await client.tasks.retrieve("TeBim6FDQf9peS52xHtAyh")
        """
        task: Task = await self._get(
            _path(task_id),
            options=make_request_options(
                query=retrieve_query(convert),
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            cast_to=Task,
        )
        return task._bind(self._client) if isinstance(task, Task) else task

    async def create(
        self,
        prompt: str,
        *,
        agent_profile: Union[AgentProfile, NotGiven] = NOT_GIVEN,
        task_mode: Union[TaskMode, NotGiven] = NOT_GIVEN,
        attachments: Union[Sequence[Union[Attachment, File]], NotGiven] = NOT_GIVEN,
        connectors: Union[Sequence[str], NotGiven] = NOT_GIVEN,
        hide_in_task_list: Union[bool, NotGiven] = NOT_GIVEN,
        create_shareable_link: Union[bool, NotGiven] = NOT_GIVEN,
        task_id: Union[str, NotGiven] = NOT_GIVEN,
        project_id: Union[str, NotGiven] = NOT_GIVEN,
        interactive_mode: Union[bool, NotGiven] = NOT_GIVEN,
        locale: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> TaskCreated:
        """Start or continue a task; see ``Tasks.create``.

        Example::

            created = await client.tasks.create("Plan a trip to Kyoto", task_mode="agent")
            done = await client.responses.wait(created.task_id)
        """
        body = create_task_body(
            prompt, agent_profile=agent_profile, task_mode=task_mode, attachments=attachments,
            connectors=connectors, hide_in_task_list=hide_in_task_list,
            create_shareable_link=create_shareable_link, task_id=task_id, project_id=project_id,
            interactive_mode=interactive_mode, locale=locale,
        )  # fmt: skip
        return await self._post(
            "/tasks",
            body=body,
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
            cast_to=TaskCreated,
        )

    async def update(
        self,
        task_id: str,
        *,
        title: Union[str, NotGiven] = NOT_GIVEN,
        enable_shared: Union[bool, NotGiven] = NOT_GIVEN,
        enable_visible_in_task_list: Union[bool, NotGiven] = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> TaskUpdated:
        """Update a task's title, sharing or visibility; see ``Tasks.update``.

        Example::

            await client.tasks.update(task_id, enable_visible_in_task_list=False)
        """
        body = update_task_body(
            title=title, enable_shared=enable_shared, enable_visible_in_task_list=enable_visible_in_task_list
        )
        return await self._put(
            _path(task_id),
            body=body,
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
            cast_to=TaskUpdated,
        )

    async def delete(
        self,
        task_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> TaskDeleted:
        """Delete a task; see ``Tasks.delete``.

        Example::

            await client.tasks.delete(task_id)
        """
        return await self._delete(
            _path(task_id),
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
            cast_to=TaskDeleted,
        )


class TasksWithRawResponse:
    """``client.tasks.with_raw_response`` / ``client.with_raw_response.tasks``."""

    def __init__(self, tasks: Tasks) -> None:
        self.list = to_raw_response_wrapper(tasks.list)
        self.retrieve = to_raw_response_wrapper(tasks.retrieve)
        self.create = to_raw_response_wrapper(tasks.create)
        self.update = to_raw_response_wrapper(tasks.update)
        self.delete = to_raw_response_wrapper(tasks.delete)


class AsyncTasksWithRawResponse:
    """``client.tasks.with_raw_response`` on the async client."""

    def __init__(self, tasks: AsyncTasks) -> None:
        self.list = async_to_raw_response_wrapper(tasks.list)
        self.retrieve = async_to_raw_response_wrapper(tasks.retrieve)
        self.create = async_to_raw_response_wrapper(tasks.create)
        self.update = async_to_raw_response_wrapper(tasks.update)
        self.delete = async_to_raw_response_wrapper(tasks.delete)


class TasksWithStreamingResponse:
    """``client.tasks.with_streaming_response`` / ``client.with_streaming_response.tasks``."""

    def __init__(self, tasks: Tasks) -> None:
        self.list = to_streamed_response_wrapper(tasks.list)
        self.retrieve = to_streamed_response_wrapper(tasks.retrieve)
        self.create = to_streamed_response_wrapper(tasks.create)
        self.update = to_streamed_response_wrapper(tasks.update)
        self.delete = to_streamed_response_wrapper(tasks.delete)


class AsyncTasksWithStreamingResponse:
    """``client.tasks.with_streaming_response`` on the async client."""

    def __init__(self, tasks: AsyncTasks) -> None:
        self.list = async_to_streamed_response_wrapper(tasks.list)
        self.retrieve = async_to_streamed_response_wrapper(tasks.retrieve)
        self.create = async_to_streamed_response_wrapper(tasks.create)
        self.update = async_to_streamed_response_wrapper(tasks.update)
        self.delete = async_to_streamed_response_wrapper(tasks.delete)
