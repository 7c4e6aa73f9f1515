"""``V2`` / ``AsyncV2``: the ``client.v2`` namespaces; each resource is built on first use."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from ._account import (
    V2Agents,
    V2Browsers,
    V2Connectors,
    V2Projects,
    V2Skills,
    V2Usage,
)
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
from ._async_account import (
    AsyncV2Agents,
    AsyncV2Browsers,
    AsyncV2Connectors,
    AsyncV2Projects,
    AsyncV2Skills,
    AsyncV2Usage,
)
from ._async_tasks import AsyncV2Tasks
from ._files import AsyncV2Files, V2Files
from ._sites import AsyncV2Webhooks, AsyncV2Websites, V2Webhooks, V2Websites
from ._tasks import V2Tasks
from ._views import (
    AsyncV2FilesWithRawResponse,
    AsyncV2FilesWithStreamingResponse,
    AsyncV2TasksWithRawResponse,
    AsyncV2TasksWithStreamingResponse,
    AsyncV2WebhooksWithRawResponse,
    AsyncV2WebhooksWithStreamingResponse,
    AsyncV2WebsitesWithRawResponse,
    AsyncV2WebsitesWithStreamingResponse,
    V2FilesWithRawResponse,
    V2FilesWithStreamingResponse,
    V2TasksWithRawResponse,
    V2TasksWithStreamingResponse,
    V2WebhooksWithRawResponse,
    V2WebhooksWithStreamingResponse,
    V2WebsitesWithRawResponse,
    V2WebsitesWithStreamingResponse,
)

__all__ = [
    "V2",
    "AsyncV2",
    "AsyncV2WithRawResponse",
    "AsyncV2WithStreamingResponse",
    "V2WithRawResponse",
    "V2WithStreamingResponse",
]


class V2:
    """``client.v2`` on ``ManusOpenAI``: the v2 resources, built on first use.

    Example::

        task = client.v2.tasks.retrieve("TeBim6FDQf9peS52xHtAyh")
    """

    def __init__(self, client: Any) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> V2WithRawResponse:
        """Every v2 resource's ``with_raw_response`` view (``client.v2.with_raw_response.tasks.retrieve(...)``)."""
        return V2WithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V2WithStreamingResponse:
        """Every v2 resource's ``with_streaming_response`` view."""
        return V2WithStreamingResponse(self)

    @cached_property
    def tasks(self) -> V2Tasks:
        return V2Tasks(self._client)

    @cached_property
    def files(self) -> V2Files:
        return V2Files(self._client)

    @cached_property
    def projects(self) -> V2Projects:
        return V2Projects(self._client)

    @cached_property
    def webhooks(self) -> V2Webhooks:
        return V2Webhooks(self._client)

    @cached_property
    def browsers(self) -> V2Browsers:
        return V2Browsers(self._client)

    @cached_property
    def connectors(self) -> V2Connectors:
        return V2Connectors(self._client)

    @cached_property
    def skills(self) -> V2Skills:
        return V2Skills(self._client)

    @cached_property
    def agents(self) -> V2Agents:
        return V2Agents(self._client)

    @cached_property
    def usage(self) -> V2Usage:
        return V2Usage(self._client)

    @cached_property
    def websites(self) -> V2Websites:
        return V2Websites(self._client)


class AsyncV2:
    """``client.v2`` on ``AsyncManusOpenAI``.

    Example::

        task = await client.v2.tasks.retrieve("TeBim6FDQf9peS52xHtAyh")
    """

    def __init__(self, client: Any) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncV2WithRawResponse:
        """Every v2 resource's ``with_raw_response`` view (``client.v2.with_raw_response.tasks.retrieve(...)``)."""
        return AsyncV2WithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV2WithStreamingResponse:
        """Every v2 resource's ``with_streaming_response`` view."""
        return AsyncV2WithStreamingResponse(self)

    @cached_property
    def tasks(self) -> AsyncV2Tasks:
        return AsyncV2Tasks(self._client)

    @cached_property
    def files(self) -> AsyncV2Files:
        return AsyncV2Files(self._client)

    @cached_property
    def projects(self) -> AsyncV2Projects:
        return AsyncV2Projects(self._client)

    @cached_property
    def webhooks(self) -> AsyncV2Webhooks:
        return AsyncV2Webhooks(self._client)

    @cached_property
    def browsers(self) -> AsyncV2Browsers:
        return AsyncV2Browsers(self._client)

    @cached_property
    def connectors(self) -> AsyncV2Connectors:
        return AsyncV2Connectors(self._client)

    @cached_property
    def skills(self) -> AsyncV2Skills:
        return AsyncV2Skills(self._client)

    @cached_property
    def agents(self) -> AsyncV2Agents:
        return AsyncV2Agents(self._client)

    @cached_property
    def usage(self) -> AsyncV2Usage:
        return AsyncV2Usage(self._client)

    @cached_property
    def websites(self) -> AsyncV2Websites:
        return AsyncV2Websites(self._client)


class V2WithRawResponse:
    """``client.v2.with_raw_response``: each v2 resource's raw view.

    Example::

        raw = client.v2.with_raw_response.tasks.retrieve(task_id)
        print(raw.headers.get("x-request-id"), raw.parse().status)
    """

    def __init__(self, v2: V2) -> None:
        self._v2 = v2

    @cached_property
    def tasks(self) -> V2TasksWithRawResponse:
        return self._v2.tasks.with_raw_response

    @cached_property
    def files(self) -> V2FilesWithRawResponse:
        return self._v2.files.with_raw_response

    @cached_property
    def projects(self) -> V2ProjectsWithRawResponse:
        return self._v2.projects.with_raw_response

    @cached_property
    def webhooks(self) -> V2WebhooksWithRawResponse:
        return self._v2.webhooks.with_raw_response

    @cached_property
    def browsers(self) -> V2BrowsersWithRawResponse:
        return self._v2.browsers.with_raw_response

    @cached_property
    def connectors(self) -> V2ConnectorsWithRawResponse:
        return self._v2.connectors.with_raw_response

    @cached_property
    def skills(self) -> V2SkillsWithRawResponse:
        return self._v2.skills.with_raw_response

    @cached_property
    def agents(self) -> V2AgentsWithRawResponse:
        return self._v2.agents.with_raw_response

    @cached_property
    def usage(self) -> V2UsageWithRawResponse:
        return self._v2.usage.with_raw_response

    @cached_property
    def websites(self) -> V2WebsitesWithRawResponse:
        return self._v2.websites.with_raw_response


class V2WithStreamingResponse:
    """``client.v2.with_streaming_response``: each v2 resource's streaming view.

    Example::

        with client.v2.with_streaming_response.tasks.retrieve(task_id) as response:
            print(response.parse().status)
    """

    def __init__(self, v2: V2) -> None:
        self._v2 = v2

    @cached_property
    def tasks(self) -> V2TasksWithStreamingResponse:
        return self._v2.tasks.with_streaming_response

    @cached_property
    def files(self) -> V2FilesWithStreamingResponse:
        return self._v2.files.with_streaming_response

    @cached_property
    def projects(self) -> V2ProjectsWithStreamingResponse:
        return self._v2.projects.with_streaming_response

    @cached_property
    def webhooks(self) -> V2WebhooksWithStreamingResponse:
        return self._v2.webhooks.with_streaming_response

    @cached_property
    def browsers(self) -> V2BrowsersWithStreamingResponse:
        return self._v2.browsers.with_streaming_response

    @cached_property
    def connectors(self) -> V2ConnectorsWithStreamingResponse:
        return self._v2.connectors.with_streaming_response

    @cached_property
    def skills(self) -> V2SkillsWithStreamingResponse:
        return self._v2.skills.with_streaming_response

    @cached_property
    def agents(self) -> V2AgentsWithStreamingResponse:
        return self._v2.agents.with_streaming_response

    @cached_property
    def usage(self) -> V2UsageWithStreamingResponse:
        return self._v2.usage.with_streaming_response

    @cached_property
    def websites(self) -> V2WebsitesWithStreamingResponse:
        return self._v2.websites.with_streaming_response


class AsyncV2WithRawResponse:
    """``client.v2.with_raw_response`` on ``AsyncManusOpenAI``: each v2 resource's raw view.

    Example::

        raw = await client.v2.with_raw_response.tasks.retrieve(task_id)
        print(raw.headers.get("x-request-id"), raw.parse().status)
    """

    def __init__(self, v2: AsyncV2) -> None:
        self._v2 = v2

    @cached_property
    def tasks(self) -> AsyncV2TasksWithRawResponse:
        return self._v2.tasks.with_raw_response

    @cached_property
    def files(self) -> AsyncV2FilesWithRawResponse:
        return self._v2.files.with_raw_response

    @cached_property
    def projects(self) -> AsyncV2ProjectsWithRawResponse:
        return self._v2.projects.with_raw_response

    @cached_property
    def webhooks(self) -> AsyncV2WebhooksWithRawResponse:
        return self._v2.webhooks.with_raw_response

    @cached_property
    def browsers(self) -> AsyncV2BrowsersWithRawResponse:
        return self._v2.browsers.with_raw_response

    @cached_property
    def connectors(self) -> AsyncV2ConnectorsWithRawResponse:
        return self._v2.connectors.with_raw_response

    @cached_property
    def skills(self) -> AsyncV2SkillsWithRawResponse:
        return self._v2.skills.with_raw_response

    @cached_property
    def agents(self) -> AsyncV2AgentsWithRawResponse:
        return self._v2.agents.with_raw_response

    @cached_property
    def usage(self) -> AsyncV2UsageWithRawResponse:
        return self._v2.usage.with_raw_response

    @cached_property
    def websites(self) -> AsyncV2WebsitesWithRawResponse:
        return self._v2.websites.with_raw_response


class AsyncV2WithStreamingResponse:
    """``client.v2.with_streaming_response`` on ``AsyncManusOpenAI``: each v2 resource's streaming view.

    Example::

        async with client.v2.with_streaming_response.tasks.retrieve(task_id) as response:
            print((await response.parse()).status)
    """

    def __init__(self, v2: AsyncV2) -> None:
        self._v2 = v2

    @cached_property
    def tasks(self) -> AsyncV2TasksWithStreamingResponse:
        return self._v2.tasks.with_streaming_response

    @cached_property
    def files(self) -> AsyncV2FilesWithStreamingResponse:
        return self._v2.files.with_streaming_response

    @cached_property
    def projects(self) -> AsyncV2ProjectsWithStreamingResponse:
        return self._v2.projects.with_streaming_response

    @cached_property
    def webhooks(self) -> AsyncV2WebhooksWithStreamingResponse:
        return self._v2.webhooks.with_streaming_response

    @cached_property
    def browsers(self) -> AsyncV2BrowsersWithStreamingResponse:
        return self._v2.browsers.with_streaming_response

    @cached_property
    def connectors(self) -> AsyncV2ConnectorsWithStreamingResponse:
        return self._v2.connectors.with_streaming_response

    @cached_property
    def skills(self) -> AsyncV2SkillsWithStreamingResponse:
        return self._v2.skills.with_streaming_response

    @cached_property
    def agents(self) -> AsyncV2AgentsWithStreamingResponse:
        return self._v2.agents.with_streaming_response

    @cached_property
    def usage(self) -> AsyncV2UsageWithStreamingResponse:
        return self._v2.usage.with_streaming_response

    @cached_property
    def websites(self) -> AsyncV2WebsitesWithStreamingResponse:
        return self._v2.websites.with_streaming_response
