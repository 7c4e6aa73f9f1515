"""``with_raw_response`` / ``with_streaming_response`` of the v2 account resources (see ``_views``).

``client.v2.projects``, ``browsers``, ``connectors``, ``skills``, ``agents`` and ``usage``: every method has
both views; ``.parse()`` returns what the plain call returns (the model, or the cursor page of a list).

Example::

    raw = client.v2.usage.with_raw_response.available_credits()
    print(raw.headers.get("x-request-id"), raw.parse().total_credits)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._compat import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)

if TYPE_CHECKING:
    from ._account import (
        V2Agents,
        V2Browsers,
        V2Connectors,
        V2Projects,
        V2Skills,
        V2Usage,
    )
    from ._async_account import (
        AsyncV2Agents,
        AsyncV2Browsers,
        AsyncV2Connectors,
        AsyncV2Projects,
        AsyncV2Skills,
        AsyncV2Usage,
    )

__all__ = [
    "AsyncV2AgentsWithRawResponse",
    "AsyncV2AgentsWithStreamingResponse",
    "AsyncV2BrowsersWithRawResponse",
    "AsyncV2BrowsersWithStreamingResponse",
    "AsyncV2ConnectorsWithRawResponse",
    "AsyncV2ConnectorsWithStreamingResponse",
    "AsyncV2ProjectsWithRawResponse",
    "AsyncV2ProjectsWithStreamingResponse",
    "AsyncV2SkillsWithRawResponse",
    "AsyncV2SkillsWithStreamingResponse",
    "AsyncV2UsageWithRawResponse",
    "AsyncV2UsageWithStreamingResponse",
    "V2AgentsWithRawResponse",
    "V2AgentsWithStreamingResponse",
    "V2BrowsersWithRawResponse",
    "V2BrowsersWithStreamingResponse",
    "V2ConnectorsWithRawResponse",
    "V2ConnectorsWithStreamingResponse",
    "V2ProjectsWithRawResponse",
    "V2ProjectsWithStreamingResponse",
    "V2SkillsWithRawResponse",
    "V2SkillsWithStreamingResponse",
    "V2UsageWithRawResponse",
    "V2UsageWithStreamingResponse",
]


class V2ProjectsWithRawResponse:
    """``client.v2.projects.with_raw_response``.

    Example::

        raw = client.v2.projects.with_raw_response.list()
        print(raw.parse().data)
    """

    def __init__(self, projects: V2Projects) -> None:
        self.create = to_raw_response_wrapper(projects.create)
        self.list = to_raw_response_wrapper(projects.list)


class V2ProjectsWithStreamingResponse:
    """``client.v2.projects.with_streaming_response``.

    Example::

        with client.v2.projects.with_streaming_response.list() as response:
            print(response.parse())
    """

    def __init__(self, projects: V2Projects) -> None:
        self.create = to_streamed_response_wrapper(projects.create)
        self.list = to_streamed_response_wrapper(projects.list)


class AsyncV2ProjectsWithRawResponse:
    """``client.v2.projects.with_raw_response`` on ``AsyncManusOpenAI``.

    Example::

        raw = await client.v2.projects.with_raw_response.list()
        print(raw.parse().data)
    """

    def __init__(self, projects: AsyncV2Projects) -> None:
        self.create = async_to_raw_response_wrapper(projects.create)
        self.list = async_to_raw_response_wrapper(projects.list)


class AsyncV2ProjectsWithStreamingResponse:
    """``client.v2.projects.with_streaming_response`` on ``AsyncManusOpenAI``.

    Example::

        async with client.v2.projects.with_streaming_response.list() as response:
            print(await response.parse())
    """

    def __init__(self, projects: AsyncV2Projects) -> None:
        self.create = async_to_streamed_response_wrapper(projects.create)
        self.list = async_to_streamed_response_wrapper(projects.list)


class V2BrowsersWithRawResponse:
    """``client.v2.browsers.with_raw_response``.

    Example::

        raw = client.v2.browsers.with_raw_response.online()
        print(raw.parse().data)
    """

    def __init__(self, browsers: V2Browsers) -> None:
        self.online = to_raw_response_wrapper(browsers.online)


class V2BrowsersWithStreamingResponse:
    """``client.v2.browsers.with_streaming_response``.

    Example::

        with client.v2.browsers.with_streaming_response.online() as response:
            print(response.parse())
    """

    def __init__(self, browsers: V2Browsers) -> None:
        self.online = to_streamed_response_wrapper(browsers.online)


class AsyncV2BrowsersWithRawResponse:
    """``client.v2.browsers.with_raw_response`` on ``AsyncManusOpenAI``.

    Example::

        raw = await client.v2.browsers.with_raw_response.online()
        print(raw.parse().data)
    """

    def __init__(self, browsers: AsyncV2Browsers) -> None:
        self.online = async_to_raw_response_wrapper(browsers.online)


class AsyncV2BrowsersWithStreamingResponse:
    """``client.v2.browsers.with_streaming_response`` on ``AsyncManusOpenAI``.

    Example::

        async with client.v2.browsers.with_streaming_response.online() as response:
            print(await response.parse())
    """

    def __init__(self, browsers: AsyncV2Browsers) -> None:
        self.online = async_to_streamed_response_wrapper(browsers.online)


class V2ConnectorsWithRawResponse:
    """``client.v2.connectors.with_raw_response``.

    Example::

        raw = client.v2.connectors.with_raw_response.list()
        print(raw.parse().data)
    """

    def __init__(self, connectors: V2Connectors) -> None:
        self.list = to_raw_response_wrapper(connectors.list)


class V2ConnectorsWithStreamingResponse:
    """``client.v2.connectors.with_streaming_response``.

    Example::

        with client.v2.connectors.with_streaming_response.list() as response:
            print(response.parse())
    """

    def __init__(self, connectors: V2Connectors) -> None:
        self.list = to_streamed_response_wrapper(connectors.list)


class AsyncV2ConnectorsWithRawResponse:
    """``client.v2.connectors.with_raw_response`` on ``AsyncManusOpenAI``.

    Example::

        raw = await client.v2.connectors.with_raw_response.list()
        print(raw.parse().data)
    """

    def __init__(self, connectors: AsyncV2Connectors) -> None:
        self.list = async_to_raw_response_wrapper(connectors.list)


class AsyncV2ConnectorsWithStreamingResponse:
    """``client.v2.connectors.with_streaming_response`` on ``AsyncManusOpenAI``.

    Example::

        async with client.v2.connectors.with_streaming_response.list() as response:
            print(await response.parse())
    """

    def __init__(self, connectors: AsyncV2Connectors) -> None:
        self.list = async_to_streamed_response_wrapper(connectors.list)


class V2SkillsWithRawResponse:
    """``client.v2.skills.with_raw_response``.

    Example::

        raw = client.v2.skills.with_raw_response.list()
        print(raw.parse().data)
    """

    def __init__(self, skills: V2Skills) -> None:
        self.list = to_raw_response_wrapper(skills.list)


class V2SkillsWithStreamingResponse:
    """``client.v2.skills.with_streaming_response``.

    Example::

        with client.v2.skills.with_streaming_response.list() as response:
            print(response.parse())
    """

    def __init__(self, skills: V2Skills) -> None:
        self.list = to_streamed_response_wrapper(skills.list)


class AsyncV2SkillsWithRawResponse:
    """``client.v2.skills.with_raw_response`` on ``AsyncManusOpenAI``.

    Example::

        raw = await client.v2.skills.with_raw_response.list()
        print(raw.parse().data)
    """

    def __init__(self, skills: AsyncV2Skills) -> None:
        self.list = async_to_raw_response_wrapper(skills.list)


class AsyncV2SkillsWithStreamingResponse:
    """``client.v2.skills.with_streaming_response`` on ``AsyncManusOpenAI``.

    Example::

        async with client.v2.skills.with_streaming_response.list() as response:
            print(await response.parse())
    """

    def __init__(self, skills: AsyncV2Skills) -> None:
        self.list = async_to_streamed_response_wrapper(skills.list)


class V2AgentsWithRawResponse:
    """``client.v2.agents.with_raw_response``.

    Example::

        raw = client.v2.agents.with_raw_response.retrieve("agent-default")
        print(raw.parse().nickname)
    """

    def __init__(self, agents: V2Agents) -> None:
        self.list = to_raw_response_wrapper(agents.list)
        self.retrieve = to_raw_response_wrapper(agents.retrieve)
        self.update = to_raw_response_wrapper(agents.update)


class V2AgentsWithStreamingResponse:
    """``client.v2.agents.with_streaming_response``.

    Example::

        with client.v2.agents.with_streaming_response.retrieve("agent-default") as response:
            print(response.parse())
    """

    def __init__(self, agents: V2Agents) -> None:
        self.list = to_streamed_response_wrapper(agents.list)
        self.retrieve = to_streamed_response_wrapper(agents.retrieve)
        self.update = to_streamed_response_wrapper(agents.update)


class AsyncV2AgentsWithRawResponse:
    """``client.v2.agents.with_raw_response`` on ``AsyncManusOpenAI``.

    Example::

        raw = await client.v2.agents.with_raw_response.retrieve("agent-default")
        print(raw.parse().nickname)
    """

    def __init__(self, agents: AsyncV2Agents) -> None:
        self.list = async_to_raw_response_wrapper(agents.list)
        self.retrieve = async_to_raw_response_wrapper(agents.retrieve)
        self.update = async_to_raw_response_wrapper(agents.update)


class AsyncV2AgentsWithStreamingResponse:
    """``client.v2.agents.with_streaming_response`` on ``AsyncManusOpenAI``.

    Example::

        async with client.v2.agents.with_streaming_response.retrieve("agent-default") as response:
            print(await response.parse())
    """

    def __init__(self, agents: AsyncV2Agents) -> None:
        self.list = async_to_streamed_response_wrapper(agents.list)
        self.retrieve = async_to_streamed_response_wrapper(agents.retrieve)
        self.update = async_to_streamed_response_wrapper(agents.update)


class V2UsageWithRawResponse:
    """``client.v2.usage.with_raw_response``.

    Example::

        raw = client.v2.usage.with_raw_response.available_credits()
        print(raw.parse().total_credits)
    """

    def __init__(self, usage: V2Usage) -> None:
        self.list = to_raw_response_wrapper(usage.list)
        self.team_statistic = to_raw_response_wrapper(usage.team_statistic)
        self.team_log = to_raw_response_wrapper(usage.team_log)
        self.available_credits = to_raw_response_wrapper(usage.available_credits)


class V2UsageWithStreamingResponse:
    """``client.v2.usage.with_streaming_response``.

    Example::

        with client.v2.usage.with_streaming_response.available_credits() as response:
            print(response.parse())
    """

    def __init__(self, usage: V2Usage) -> None:
        self.list = to_streamed_response_wrapper(usage.list)
        self.team_statistic = to_streamed_response_wrapper(usage.team_statistic)
        self.team_log = to_streamed_response_wrapper(usage.team_log)
        self.available_credits = to_streamed_response_wrapper(usage.available_credits)


class AsyncV2UsageWithRawResponse:
    """``client.v2.usage.with_raw_response`` on ``AsyncManusOpenAI``.

    Example::

        raw = await client.v2.usage.with_raw_response.available_credits()
        print(raw.parse().total_credits)
    """

    def __init__(self, usage: AsyncV2Usage) -> None:
        self.list = async_to_raw_response_wrapper(usage.list)
        self.team_statistic = async_to_raw_response_wrapper(usage.team_statistic)
        self.team_log = async_to_raw_response_wrapper(usage.team_log)
        self.available_credits = async_to_raw_response_wrapper(usage.available_credits)


class AsyncV2UsageWithStreamingResponse:
    """``client.v2.usage.with_streaming_response`` on ``AsyncManusOpenAI``.

    Example::

        async with client.v2.usage.with_streaming_response.available_credits() as response:
            print(await response.parse())
    """

    def __init__(self, usage: AsyncV2Usage) -> None:
        self.list = async_to_streamed_response_wrapper(usage.list)
        self.team_statistic = async_to_streamed_response_wrapper(usage.team_statistic)
        self.team_log = async_to_streamed_response_wrapper(usage.team_log)
        self.available_credits = async_to_streamed_response_wrapper(usage.available_credits)
