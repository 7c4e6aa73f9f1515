"""``client.projects``: create and list v1 projects (manus-api.md §4.7), sync and async."""

from __future__ import annotations

from functools import cached_property
from typing import Union

import httpx

from .._compat import (
    NOT_GIVEN,
    AsyncAPIResource,
    AsyncPage,
    AsyncPaginator,
    Body,
    Headers,
    NotGiven,
    Query,
    SyncAPIResource,
    SyncPage,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    make_request_options,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ..types.project import Project

__all__ = ["AsyncProjects", "Projects", "create_project_body", "list_projects_query"]


def create_project_body(name: object, instruction: object = None) -> dict[str, object]:
    """Validate ``projects.create`` arguments and return the JSON body.

    >>> create_project_body("Research", instruction="Cite sources.")
    {'name': 'Research', 'instruction': 'Cite sources.'}
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {type(name).__name__}")
    if not name.strip():
        raise ValueError("name must be a non-empty string")
    body: dict[str, object] = {"name": name}
    if instruction is not None:
        if not isinstance(instruction, str):
            raise TypeError(f"instruction must be a str, got {type(instruction).__name__}")
        body["instruction"] = instruction
    return body


def list_projects_query(limit: object = None) -> dict[str, object]:
    """Validate ``projects.list(limit=...)`` (1-1000; the server's default is 100).

    >>> list_projects_query(20)
    {'limit': 20}
    """
    if limit is None:
        return {}
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise TypeError(f"limit must be an int between 1 and 1000, got {type(limit).__name__}")
    if not 1 <= limit <= 1000:
        raise ValueError(f"limit must be between 1 and 1000, got {limit}")
    return {"limit": limit}


class Projects(SyncAPIResource):
    """``client.projects``: projects carry a default instruction for the tasks created in them.

    Example::

        project = client.projects.create("Market research", instruction="Answer in a table.")
        client.tasks.create("Compare EV makers", project_id=project.id)
        print([p.name for p in client.projects.list()])
    """

    @cached_property
    def with_raw_response(self) -> ProjectsWithRawResponse:
        """The same methods, returning the raw HTTP response."""
        return ProjectsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ProjectsWithStreamingResponse:
        """The same methods as context managers over the unread HTTP response."""
        return ProjectsWithStreamingResponse(self)

    def create(
        self,
        name: str,
        *,
        instruction: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> Project:
        """Create a project (``POST /v1/projects``); not retried unless the server provably did not act.

        Example::

            project = client.projects.create("Research", instruction="Cite every source.")
        """
        return self._post(
            "/projects",
            body=create_project_body(name, instruction),
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
            cast_to=Project,
        )

    def list(
        self,
        *,
        limit: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> SyncPage[Project]:
        """The account's projects, newest first: one page of up to ``limit`` (no cursor is documented).

        Example::

            for project in client.projects.list(limit=50):
                print(project.id, project.name)
        """
        return self._get_api_list(
            "/projects",
            page=SyncPage[Project],
            model=Project,
            options=make_request_options(
                query=list_projects_query(limit),
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncProjects(AsyncAPIResource):
    """``client.projects`` on ``AsyncManusOpenAI``: the async twin of ``Projects``.

    Example::

        project = await client.projects.create("Research")
        async for p in client.projects.list():
            print(p.name)
    """

    @cached_property
    def with_raw_response(self) -> AsyncProjectsWithRawResponse:
        """The same methods, returning the raw HTTP response."""
        return AsyncProjectsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncProjectsWithStreamingResponse:
        """The same methods as async context managers over the unread HTTP response."""
        return AsyncProjectsWithStreamingResponse(self)

    async def create(
        self,
        name: str,
        *,
        instruction: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> Project:
        """Create a project; see ``Projects.create``.

        Example::

            project = await client.projects.create("Research")
        """
        return await self._post(
            "/projects",
            body=create_project_body(name, instruction),
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
            cast_to=Project,
        )

    def list(
        self,
        *,
        limit: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> AsyncPaginator[Project, AsyncPage[Project]]:
        """The account's projects; see ``Projects.list``.

        Example::

            page = await client.projects.list(limit=10)
        """
        return self._get_api_list(
            "/projects",
            page=AsyncPage[Project],
            model=Project,
            options=make_request_options(
                query=list_projects_query(limit),
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class ProjectsWithRawResponse:
    """``client.projects.with_raw_response`` / ``client.with_raw_response.projects``."""

    def __init__(self, projects: Projects) -> None:
        self.create = to_raw_response_wrapper(projects.create)
        self.list = to_raw_response_wrapper(projects.list)


class AsyncProjectsWithRawResponse:
    """``client.projects.with_raw_response`` on the async client."""

    def __init__(self, projects: AsyncProjects) -> None:
        self.create = async_to_raw_response_wrapper(projects.create)
        self.list = async_to_raw_response_wrapper(projects.list)


class ProjectsWithStreamingResponse:
    """``client.projects.with_streaming_response`` / ``client.with_streaming_response.projects``."""

    def __init__(self, projects: Projects) -> None:
        self.create = to_streamed_response_wrapper(projects.create)
        self.list = to_streamed_response_wrapper(projects.list)


class AsyncProjectsWithStreamingResponse:
    """``client.projects.with_streaming_response`` on the async client."""

    def __init__(self, projects: AsyncProjects) -> None:
        self.create = async_to_streamed_response_wrapper(projects.create)
        self.list = async_to_streamed_response_wrapper(projects.list)
