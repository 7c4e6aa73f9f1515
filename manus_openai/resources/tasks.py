"""``client.tasks``: the native v1 task endpoints (manus-api.md §4.1-§4.6), sync and async.

Decisions (validation, the query and body each call sends) live in the pure ``*_request`` functions
below, shared by ``Tasks`` and ``AsyncTasks``; only the I/O is written twice, line for line.

Wire spelling, in one place each:

* ``LIST_QUERY_KEYS`` maps ``tasks.list`` arguments to the reference's query keys (camelCase
  ``orderBy`` / ``createdAfter`` / ``createdBefore``). ``status`` is sent as a repeated key
  (``status=completed&status=running``) as the reference documents, not the OpenAI client's
  ``status[]=`` (its key is a ``RepeatedQueryKey``; see ``_compat``).
* ``CREATE_BODY_KEYS`` / ``UPDATE_BODY_KEYS`` map keyword arguments to the camelCase body keys of
  ``POST /v1/tasks`` and ``PUT /v1/tasks/{id}``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import cached_property
from typing import Literal, Union

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
from .._options import AgentProfile, TaskMode, build_manus_body, check_id
from ..pagination import AsyncTasksPage, SyncTasksPage
from ..types.attachments import Attachment, check_attachments
from ..types.file import File
from ..types.task import TASK_LIST_STATUSES, Task, TaskCreated, TaskDeleted, TaskUpdated

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

DEFAULT_AGENT_PROFILE = "manus-1.6"
"""Sent as ``agentProfile`` when creating a task without one (the schema requires the key)."""

ListStatus = Literal["pending", "running", "completed", "failed"]
Order = Literal["asc", "desc"]
OrderBy = Literal["created_at", "updated_at"]
Timestamp = Union[int, datetime]

LIST_QUERY_KEYS: Mapping[str, str] = {
    "status": "status",
    "query": "query",
    "limit": "limit",
    "after": "after",
    "order": "order",
    "order_by": "orderBy",
    "created_after": "createdAfter",
    "created_before": "createdBefore",
}
"""``tasks.list`` argument -> query key of ``GET /v1/tasks`` (the reference's spelling, seed 003)."""

CREATE_BODY_KEYS: Mapping[str, str] = {
    "prompt": "prompt",
    "agent_profile": "agentProfile",
    "task_mode": "taskMode",
    "attachments": "attachments",
    "connectors": "connectors",
    "hide_in_task_list": "hideInTaskList",
    "create_shareable_link": "createShareableLink",
    "task_id": "taskId",
    "project_id": "projectId",
    "interactive_mode": "interactiveMode",
    "locale": "locale",
}
"""``tasks.create`` argument -> JSON key of ``POST /v1/tasks``."""

UPDATE_BODY_KEYS: Mapping[str, str] = {
    "title": "title",
    "enable_shared": "enableShared",
    "enable_visible_in_task_list": "enableVisibleInTaskList",
}
"""``tasks.update`` argument -> JSON key of ``PUT /v1/tasks/{id}``."""

_ORDERS = ("asc", "desc")
_ORDER_BYS = ("created_at", "updated_at")
MAX_LIMIT = 1000
MAX_UNIX_SECONDS = 253_402_300_799  # 9999-12-31T23:59:59Z, the last second a datetime can hold


def _given(value: object) -> bool:
    return value is not None and not isinstance(value, NotGiven)


def _choice(name: str, value: object, allowed: Sequence[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}; got {value!r}")
    return value


def _int_in(name: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int between {low} and {high}, got {type(value).__name__}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _timestamp(name: str, value: object) -> int:
    """Unix seconds from an int or a timezone-aware datetime (fractions of a second are dropped)."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(
                f"{name} must be a timezone-aware datetime (e.g. datetime.now(timezone.utc)); "
                f"got the naive {value.isoformat()}"
            )
        return int(value.timestamp())
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be Unix seconds (int) or an aware datetime, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")
    if value > MAX_UNIX_SECONDS:
        # Past the year 9999: almost always milliseconds (e.g. JavaScript's Date.now()), which would
        # silently match nothing (or overflow the server's int64).
        raise ValueError(f"{name} must be Unix seconds; {value} is after the year 9999 (milliseconds?)")
    return value


def _statuses(value: object) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if isinstance(items, (bytes, Mapping)) or not isinstance(items, Sequence):
        raise TypeError(f"status must be a status string or a list of them, got {type(value).__name__}")
    if not items:
        raise ValueError("status must not be an empty list (leave it out to list every status)")
    result: list[str] = []
    for item in items:
        if item not in TASK_LIST_STATUSES:
            hint = " ('error' is spelled 'failed' here)" if item == "error" else ""
            raise ValueError(f"status must be one of {', '.join(map(repr, TASK_LIST_STATUSES))}; got {item!r}{hint}")
        if item not in result:
            result.append(item)
    return result


def list_tasks_request(
    *,
    status: object = None,
    query: object = None,
    limit: object = None,
    after: object = None,
    order: object = None,
    order_by: object = None,
    created_after: object = None,
    created_before: object = None,
) -> dict[str, object]:
    """Validate ``tasks.list`` arguments and return the query parameters of ``GET /v1/tasks``.

    They travel in the SDK's ``params`` (so pagination, ``extra_query`` and the client's
    ``default_query`` merge with them as usual); the ``status`` list goes out as a repeated key.
    ``None`` means "not given" for every argument.

    >>> list_tasks_request(status=["completed", "running"], order_by="updated_at", limit=50)
    {'status': ['completed', 'running'], 'limit': 50, 'orderBy': 'updated_at'}
    """
    params: dict[str, object] = {}
    if _given(status):
        params[LIST_QUERY_KEYS["status"]] = _statuses(status)
    if _given(query):
        if not isinstance(query, str):
            raise TypeError(f"query must be a str, got {type(query).__name__}")
        if query.strip():
            params[LIST_QUERY_KEYS["query"]] = query
    if _given(limit):
        params[LIST_QUERY_KEYS["limit"]] = _int_in("limit", limit, 1, MAX_LIMIT)
    if _given(after):
        params[LIST_QUERY_KEYS["after"]] = check_id(after, "after")
    if _given(order):
        params[LIST_QUERY_KEYS["order"]] = _choice("order", order, _ORDERS)
    if _given(order_by):
        params[LIST_QUERY_KEYS["order_by"]] = _choice("order_by", order_by, _ORDER_BYS)
    lower = _timestamp("created_after", created_after) if _given(created_after) else None
    upper = _timestamp("created_before", created_before) if _given(created_before) else None
    if lower is not None and upper is not None and lower >= upper:
        raise ValueError(f"created_after ({lower}) must be earlier than created_before ({upper})")
    if lower is not None:
        params[LIST_QUERY_KEYS["created_after"]] = lower
    if upper is not None:
        params[LIST_QUERY_KEYS["created_before"]] = upper
    return params


def create_task_body(
    prompt: object,
    *,
    agent_profile: object = NOT_GIVEN,
    task_mode: object = NOT_GIVEN,
    attachments: object = NOT_GIVEN,
    connectors: object = NOT_GIVEN,
    hide_in_task_list: object = NOT_GIVEN,
    create_shareable_link: object = NOT_GIVEN,
    task_id: object = NOT_GIVEN,
    project_id: object = NOT_GIVEN,
    interactive_mode: object = NOT_GIVEN,
    locale: object = NOT_GIVEN,
) -> dict[str, object]:
    """Validate ``tasks.create`` arguments and return the camelCase JSON body of ``POST /v1/tasks``.

    >>> create_task_body("Hi", task_mode="chat")
    {'prompt': 'Hi', 'agentProfile': 'manus-1.6', 'taskMode': 'chat'}
    >>> create_task_body("And then?", task_id="TeBim6FDQf9peS52xHtAyh")
    {'prompt': 'And then?', 'taskId': 'TeBim6FDQf9peS52xHtAyh'}
    """
    if not isinstance(prompt, str):
        raise TypeError(f"prompt must be a str, got {type(prompt).__name__}")
    if not prompt.strip():
        raise ValueError("prompt must be a non-empty string")
    # Same validation as responses.create's Manus options (one implementation), then the v1 spelling.
    options = build_manus_body(
        {
            "agent_profile": agent_profile, "task_mode": task_mode, "connectors": connectors,
            "hide_in_task_list": hide_in_task_list, "create_shareable_link": create_shareable_link,
            "task_id": task_id_of(check_id(task_id, "task_id")) if _given(task_id) else None,
            "project_id": project_id, "interactive_mode": interactive_mode, "locale": locale,
        }
    )  # fmt: skip
    # agentProfile is schema-required and defaults to manus-1.6 for a new task; a continuation omits it
    # so the task keeps its profile (seed 001's examples; v2 sendMessage documents the same rule).
    if "agent_profile" not in options and "task_id" not in options:
        options["agent_profile"] = DEFAULT_AGENT_PROFILE
    if _given(attachments):
        options["attachments"] = check_attachments(attachments)
    body: dict[str, object] = {"prompt": prompt}
    for name, key in CREATE_BODY_KEYS.items():
        if name in options:
            body[key] = options[name]
    return body


def update_task_body(*, title: object = NOT_GIVEN, enable_shared: object = NOT_GIVEN,
                     enable_visible_in_task_list: object = NOT_GIVEN) -> dict[str, object]:  # fmt: skip
    """Validate ``tasks.update`` arguments; the body holds only what was given.

    >>> update_task_body(enable_shared=True)
    {'enableShared': True}
    """
    given = {
        name: value
        for name, value in {
            "title": title, "enable_shared": enable_shared, "enable_visible_in_task_list": enable_visible_in_task_list,
        }.items()
        if _given(value)
    }  # fmt: skip
    if not given:
        raise ValueError("tasks.update() needs at least one of title, enable_shared, enable_visible_in_task_list")
    if "title" in given:
        if not isinstance(given["title"], str):
            raise TypeError(f"title must be a str, got {type(given['title']).__name__}")
        if not given["title"].strip():
            raise ValueError("title must be a non-empty string")
    for name in ("enable_shared", "enable_visible_in_task_list"):
        if name in given and not isinstance(given[name], bool):
            raise TypeError(f"{name} must be a bool (True or False), got {type(given[name]).__name__}")
    return {UPDATE_BODY_KEYS[name]: value for name, value in given.items()}


def _retrieve_query(convert: bool | None) -> dict[str, object]:
    if convert is None:
        return {}
    if not isinstance(convert, bool):
        raise TypeError(f"convert must be a bool, got {type(convert).__name__}")
    return {"convert": "true" if convert else "false"}


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
                query=_retrieve_query(convert),
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
                query=_retrieve_query(convert),
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
