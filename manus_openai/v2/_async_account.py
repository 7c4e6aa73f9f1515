"""The async twins of ``_account``: ``client.v2.projects / browsers / connectors / skills / agents / usage``
on ``AsyncManusOpenAI`` (the same validation, from ``_account``'s pure functions).

Example::

    async for agent in client.v2.agents.list():
        print(agent.id)
"""

from __future__ import annotations

from functools import cached_property

from typing_extensions import Unpack

from .._compat import AsyncPaginator
from ..types.v2.account import (
    Agent,
    AgentDetail,
    AvailableCredits,
    AvailableCreditsAnswer,
    Browser,
    Connector,
    ProjectCreated,
    Skill,
    TeamLogRow,
    TeamStatistic,
    UsageRecord,
    V2Project,
)
from ._account import SortBy, _agent_body, _project_body, _range, _team_log_query, _usage_query
from ._account_views import (
    AsyncV2AgentsWithRawResponse,
    AsyncV2AgentsWithStreamingResponse,
    AsyncV2BrowsersWithRawResponse,
    AsyncV2BrowsersWithStreamingResponse,
    AsyncV2ConnectorsWithRawResponse,
    AsyncV2ConnectorsWithStreamingResponse,
    AsyncV2ProjectsWithRawResponse,
    AsyncV2ProjectsWithStreamingResponse,
    AsyncV2SkillsWithRawResponse,
    AsyncV2SkillsWithStreamingResponse,
    AsyncV2UsageWithRawResponse,
    AsyncV2UsageWithStreamingResponse,
)
from ._base import AsyncV2Resource, RequestOptions
from ._pages import AsyncCursorPage
from ._params import check_id

__all__ = [
    "AsyncV2Agents",
    "AsyncV2Browsers",
    "AsyncV2Connectors",
    "AsyncV2Projects",
    "AsyncV2Skills",
    "AsyncV2Usage",
]


class AsyncV2Projects(AsyncV2Resource):
    """The async twin of ``V2Projects``."""

    @cached_property
    def with_raw_response(self) -> AsyncV2ProjectsWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return AsyncV2ProjectsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV2ProjectsWithStreamingResponse:
        """The same methods as async context managers over the unread HTTP response."""
        return AsyncV2ProjectsWithStreamingResponse(self)

    async def create(
        self, name: str, *, instruction: str | None = None, **options: Unpack[RequestOptions]
    ) -> V2Project:
        """``project.create``; see ``V2Projects.create``.

        Example::

            project = await client.v2.projects.create("Research", instruction="Cite sources")
        """
        body = _project_body(name, instruction)
        return await self._unwrap("POST", "project.create", body, ProjectCreated, options, lambda a: a.project)

    def list(self, **options: Unpack[RequestOptions]) -> AsyncPaginator[V2Project, AsyncCursorPage[V2Project]]:
        """``project.list``; see ``V2Projects.list``.

        Example::

            async for project in client.v2.projects.list():
                print(project.id, project.name)
        """
        return self._list("project.list", {}, AsyncCursorPage[V2Project], V2Project, options)


class AsyncV2Browsers(AsyncV2Resource):
    """The async twin of ``V2Browsers``."""

    @cached_property
    def with_raw_response(self) -> AsyncV2BrowsersWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return AsyncV2BrowsersWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV2BrowsersWithStreamingResponse:
        """The same methods as async context managers over the unread HTTP response."""
        return AsyncV2BrowsersWithStreamingResponse(self)

    def online(self, **options: Unpack[RequestOptions]) -> AsyncPaginator[Browser, AsyncCursorPage[Browser]]:
        """``browser.onlineList``; empty when no extension is online; see ``V2Browsers.online``.

        Example::

            browsers = (await client.v2.browsers.online()).data
        """
        return self._list("browser.onlineList", {}, AsyncCursorPage[Browser], Browser, options)


class AsyncV2Connectors(AsyncV2Resource):
    """The async twin of ``V2Connectors``."""

    @cached_property
    def with_raw_response(self) -> AsyncV2ConnectorsWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return AsyncV2ConnectorsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV2ConnectorsWithStreamingResponse:
        """The same methods as async context managers over the unread HTTP response."""
        return AsyncV2ConnectorsWithStreamingResponse(self)

    def list(self, **options: Unpack[RequestOptions]) -> AsyncPaginator[Connector, AsyncCursorPage[Connector]]:
        """``connector.list``: the connectors installed in the account; see ``V2Connectors.list``.

        Example::

            async for connector in client.v2.connectors.list():
                print(connector.id, connector.name)
        """
        return self._list("connector.list", {}, AsyncCursorPage[Connector], Connector, options)


class AsyncV2Skills(AsyncV2Resource):
    """The async twin of ``V2Skills``."""

    @cached_property
    def with_raw_response(self) -> AsyncV2SkillsWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return AsyncV2SkillsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV2SkillsWithStreamingResponse:
        """The same methods as async context managers over the unread HTTP response."""
        return AsyncV2SkillsWithStreamingResponse(self)

    def list(
        self, *, project_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncPaginator[Skill, AsyncCursorPage[Skill]]:
        """``skill.list`` (with ``project_id``, the project's skills too); see ``V2Skills.list``.

        Example::

            skills = (await client.v2.skills.list(project_id=project_id)).data
        """
        query = {"project_id": check_id("project_id", project_id)} if project_id is not None else {}
        return self._list("skill.list", query, AsyncCursorPage[Skill], Skill, options)


class AsyncV2Agents(AsyncV2Resource):
    """The async twin of ``V2Agents``."""

    @cached_property
    def with_raw_response(self) -> AsyncV2AgentsWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return AsyncV2AgentsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV2AgentsWithStreamingResponse:
        """The same methods as async context managers over the unread HTTP response."""
        return AsyncV2AgentsWithStreamingResponse(self)

    def list(self, **options: Unpack[RequestOptions]) -> AsyncPaginator[Agent, AsyncCursorPage[Agent]]:
        """``agent.list``; see ``V2Agents.list``.

        Example::

            async for agent in client.v2.agents.list():
                print(agent.id, agent.nickname)
        """
        return self._list("agent.list", {}, AsyncCursorPage[Agent], Agent, options)

    async def retrieve(self, agent_id: str, **options: Unpack[RequestOptions]) -> Agent:
        """``agent.detail`` (``agent-default`` is the default IM agent); see ``V2Agents.retrieve``.

        Example::

            agent = await client.v2.agents.retrieve("agent-default")
        """
        query = {"agent_id": check_id("agent_id", agent_id)}
        return await self._unwrap("GET", "agent.detail", query, AgentDetail, options, lambda answer: answer.agent)

    async def update(
        self, agent_id: str, *, nickname: str | None = None, about: str | None = None, **options: Unpack[RequestOptions]
    ) -> Agent:
        """``agent.update``; see ``V2Agents.update``.

        Example::

            await client.v2.agents.update("agent-default", nickname="Max")
        """
        body = _agent_body(agent_id, nickname, about)
        return await self._unwrap("POST", "agent.update", body, AgentDetail, options, lambda answer: answer.agent)


class AsyncV2Usage(AsyncV2Resource):
    """The async twin of ``V2Usage``."""

    @cached_property
    def with_raw_response(self) -> AsyncV2UsageWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return AsyncV2UsageWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV2UsageWithStreamingResponse:
        """The same methods as async context managers over the unread HTTP response."""
        return AsyncV2UsageWithStreamingResponse(self)

    def list(
        self, *, limit: int | None = None, cursor: str | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncPaginator[UsageRecord, AsyncCursorPage[UsageRecord]]:
        """``usage.list``: credit movements, newest first; see ``V2Usage.list``.

        Example::

            async for record in client.v2.usage.list(limit=50):
                print(record.task_id, record.credits)
        """
        query = _usage_query(limit, cursor)
        return self._list("usage.list", query, AsyncCursorPage[UsageRecord], UsageRecord, options)

    def team_statistic(
        self, *, start_date: int | None = None, end_date: int | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncPaginator[TeamStatistic, AsyncCursorPage[TeamStatistic]]:
        """``usage.teamStatistic`` (team accounts): credits per day; see ``V2Usage.team_statistic``.

        Example::

            days = (await client.v2.usage.team_statistic(start_date=1764000000, end_date=1764600000)).data
        """
        query = _range(start_date, end_date)
        return self._list("usage.teamStatistic", query, AsyncCursorPage[TeamStatistic], TeamStatistic, options)

    def team_log(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        start_date: int | None = None,
        end_date: int | None = None,
        sort_by: SortBy | None = None,
        is_asc: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[TeamLogRow, AsyncCursorPage[TeamLogRow]]:
        """``usage.teamLog`` (team accounts): one row per member; see ``V2Usage.team_log``.

        Example::

            rows = (await client.v2.usage.team_log(sort_by="credits", is_asc=False)).data
        """
        query = _team_log_query(limit, cursor, start_date, end_date, sort_by, is_asc)
        return self._list("usage.teamLog", query, AsyncCursorPage[TeamLogRow], TeamLogRow, options)

    async def available_credits(self, **options: Unpack[RequestOptions]) -> AvailableCredits:
        """``usage.availableCredits``; see ``V2Usage.available_credits``.

        Example::

            print((await client.v2.usage.available_credits()).total_credits)
        """
        answer = AvailableCreditsAnswer
        return await self._unwrap("GET", "usage.availableCredits", {}, answer, options, lambda a: a.data)
