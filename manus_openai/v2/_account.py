"""``client.v2.projects / browsers / connectors / skills / agents / usage`` (manus-api.md §6.11, §6.14).

Lists the docs show without pagination (projects, browsers, connectors, skills, agents, team
statistics) still come back as cursor pages: one page today, and every page should Manus add a cursor.
``usage.*`` and ``agent.*`` accept only an API key (refused before sending with only an OAuth token).
The async twins are in ``_async_account``; they share the pure functions below.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from typing_extensions import Unpack

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
from ._account_views import (
    V2AgentsWithRawResponse,
    V2AgentsWithStreamingResponse,
    V2BrowsersWithRawResponse,
    V2BrowsersWithStreamingResponse,
    V2ConnectorsWithRawResponse,
    V2ConnectorsWithStreamingResponse,
    V2ProjectsWithRawResponse,
    V2ProjectsWithStreamingResponse,
    V2SkillsWithRawResponse,
    V2SkillsWithStreamingResponse,
    V2UsageWithRawResponse,
    V2UsageWithStreamingResponse,
)
from ._base import RequestOptions, V2Resource
from ._pages import SyncCursorPage
from ._params import check_bool, check_choice, check_id, check_int, check_str, given, prune

__all__ = [
    "V2Agents",
    "V2Browsers",
    "V2Connectors",
    "V2Projects",
    "V2Skills",
    "V2Usage",
]


def _project_body(name: object, instruction: object) -> dict[str, object]:
    body: dict[str, object] = {"name": check_str("name", name)}
    if given(instruction):
        body["instruction"] = check_str("instruction", instruction)
    return body


def _agent_body(agent_id: object, nickname: object, about: object) -> dict[str, object]:
    fields = prune({"nickname": nickname, "about": about})
    if not fields:
        raise ValueError("agent.update needs nickname and/or about")
    for key, value in fields.items():
        check_str(key, value)
    return {"agent_id": check_id("agent_id", agent_id), **fields}


def _seconds(name: str, value: object) -> int:
    return check_int(name, value, 0, None)


def _usage_query(limit: object, cursor: object) -> dict[str, object]:
    query = prune({"limit": limit, "cursor": cursor})
    if "limit" in query:
        check_int("limit", query["limit"], 1, 100)
    if "cursor" in query:
        check_str("cursor", query["cursor"])
    return query


def _range(start_date: object, end_date: object) -> dict[str, object]:
    query = prune({"start_date": start_date, "end_date": end_date})
    for key, value in query.items():
        _seconds(key, value)
    if len(query) == 2 and query["start_date"] > query["end_date"]:  # type: ignore[operator]  # ints, checked
        raise ValueError("start_date must not be after end_date")
    return query


def _team_log_query(
    limit: object, cursor: object, start_date: object, end_date: object, sort_by: object, is_asc: object
) -> dict[str, object]:
    query = {**_usage_query(limit, cursor), **_range(start_date, end_date)}
    if given(sort_by):
        query["sort_by"] = check_choice("sort_by", sort_by, ("task_count", "credits"))
    if given(is_asc):
        query["is_asc"] = "true" if check_bool("is_asc", is_asc) else "false"
    return query


SortBy = Literal["task_count", "credits"]


class V2Projects(V2Resource):
    """``client.v2.projects``.

    Example::

        project = client.v2.projects.create("Research", instruction="Cite sources")
    """

    @cached_property
    def with_raw_response(self) -> V2ProjectsWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return V2ProjectsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V2ProjectsWithStreamingResponse:
        """The same methods as context managers over the unread HTTP response."""
        return V2ProjectsWithStreamingResponse(self)

    def create(self, name: str, *, instruction: str | None = None, **options: Unpack[RequestOptions]) -> V2Project:
        """``project.create``.

        Example::

            project = client.v2.projects.create("Research", instruction="Cite sources")
        """
        body = _project_body(name, instruction)
        return self._unwrap("POST", "project.create", body, ProjectCreated, options, lambda answer: answer.project)

    def list(self, **options: Unpack[RequestOptions]) -> SyncCursorPage[V2Project]:
        """``project.list``.

        Example::

            for project in client.v2.projects.list():
                print(project.id, project.name)
        """
        return self._list("project.list", {}, SyncCursorPage[V2Project], V2Project, options)


class V2Browsers(V2Resource):
    """``client.v2.browsers``: Manus Browser Extensions online now (for a ``needConnectMyBrowser`` answer)."""

    @cached_property
    def with_raw_response(self) -> V2BrowsersWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return V2BrowsersWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V2BrowsersWithStreamingResponse:
        """The same methods as context managers over the unread HTTP response."""
        return V2BrowsersWithStreamingResponse(self)

    def online(self, **options: Unpack[RequestOptions]) -> SyncCursorPage[Browser]:
        """``browser.onlineList``; empty when no extension is online.

        Example::

            browsers = client.v2.browsers.online().data
        """
        return self._list("browser.onlineList", {}, SyncCursorPage[Browser], Browser, options)


class V2Connectors(V2Resource):
    """``client.v2.connectors``."""

    @cached_property
    def with_raw_response(self) -> V2ConnectorsWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return V2ConnectorsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V2ConnectorsWithStreamingResponse:
        """The same methods as context managers over the unread HTTP response."""
        return V2ConnectorsWithStreamingResponse(self)

    def list(self, **options: Unpack[RequestOptions]) -> SyncCursorPage[Connector]:
        """``connector.list``: the connectors installed in the account.

        Example::

            for connector in client.v2.connectors.list():
                print(connector.id, connector.name)
        """
        return self._list("connector.list", {}, SyncCursorPage[Connector], Connector, options)


class V2Skills(V2Resource):
    """``client.v2.skills``."""

    @cached_property
    def with_raw_response(self) -> V2SkillsWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return V2SkillsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V2SkillsWithStreamingResponse:
        """The same methods as context managers over the unread HTTP response."""
        return V2SkillsWithStreamingResponse(self)

    def list(self, *, project_id: str | None = None, **options: Unpack[RequestOptions]) -> SyncCursorPage[Skill]:
        """``skill.list`` (with ``project_id``, the project's skills too).

        Example::

            skills = client.v2.skills.list(project_id=project_id).data
        """
        query = {"project_id": check_id("project_id", project_id)} if project_id is not None else {}
        return self._list("skill.list", query, SyncCursorPage[Skill], Skill, options)


class V2Agents(V2Resource):
    """``client.v2.agents`` (API key only)."""

    @cached_property
    def with_raw_response(self) -> V2AgentsWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return V2AgentsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V2AgentsWithStreamingResponse:
        """The same methods as context managers over the unread HTTP response."""
        return V2AgentsWithStreamingResponse(self)

    def list(self, **options: Unpack[RequestOptions]) -> SyncCursorPage[Agent]:
        """``agent.list``.

        Example::

            for agent in client.v2.agents.list():
                print(agent.id, agent.nickname)
        """
        return self._list("agent.list", {}, SyncCursorPage[Agent], Agent, options)

    def retrieve(self, agent_id: str, **options: Unpack[RequestOptions]) -> Agent:
        """``agent.detail`` (``agent-default`` is the default IM agent).

        Example::

            agent = client.v2.agents.retrieve("agent-default")
        """
        query = {"agent_id": check_id("agent_id", agent_id)}
        return self._unwrap("GET", "agent.detail", query, AgentDetail, options, lambda answer: answer.agent)

    def update(
        self, agent_id: str, *, nickname: str | None = None, about: str | None = None, **options: Unpack[RequestOptions]
    ) -> Agent:
        """``agent.update``.

        Example::

            client.v2.agents.update("agent-default", nickname="Max")
        """
        body = _agent_body(agent_id, nickname, about)
        return self._unwrap("POST", "agent.update", body, AgentDetail, options, lambda answer: answer.agent)


class V2Usage(V2Resource):
    """``client.v2.usage`` (API key only).

    Example::

        print(client.v2.usage.available_credits().total_credits)
    """

    @cached_property
    def with_raw_response(self) -> V2UsageWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return V2UsageWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V2UsageWithStreamingResponse:
        """The same methods as context managers over the unread HTTP response."""
        return V2UsageWithStreamingResponse(self)

    def list(
        self, *, limit: int | None = None, cursor: str | None = None, **options: Unpack[RequestOptions]
    ) -> SyncCursorPage[UsageRecord]:
        """``usage.list``: credit movements, newest first.

        Example::

            for record in client.v2.usage.list(limit=50):
                print(record.task_id, record.credits)
        """
        return self._list("usage.list", _usage_query(limit, cursor), SyncCursorPage[UsageRecord], UsageRecord, options)

    def team_statistic(
        self, *, start_date: int | None = None, end_date: int | None = None, **options: Unpack[RequestOptions]
    ) -> SyncCursorPage[TeamStatistic]:
        """``usage.teamStatistic`` (team accounts): credits per day.

        Example::

            days = client.v2.usage.team_statistic(start_date=1764000000, end_date=1764600000).data
        """
        query = _range(start_date, end_date)
        return self._list("usage.teamStatistic", query, SyncCursorPage[TeamStatistic], TeamStatistic, options)

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
    ) -> SyncCursorPage[TeamLogRow]:
        """``usage.teamLog`` (team accounts): one row per member.

        Example::

            rows = client.v2.usage.team_log(sort_by="credits", is_asc=False).data
        """
        query = _team_log_query(limit, cursor, start_date, end_date, sort_by, is_asc)
        return self._list("usage.teamLog", query, SyncCursorPage[TeamLogRow], TeamLogRow, options)

    def available_credits(self, **options: Unpack[RequestOptions]) -> AvailableCredits:
        """``usage.availableCredits``: the balance (``total_credits`` is authoritative).

        Example::

            print(client.v2.usage.available_credits().total_credits)
        """
        return self._unwrap("GET", "usage.availableCredits", {}, AvailableCreditsAnswer, options, lambda a: a.data)
