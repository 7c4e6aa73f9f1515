"""``V2`` / ``AsyncV2``: the ``client.v2`` namespaces; each resource is built on first use."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from ._account import (
    AsyncV2Agents,
    AsyncV2Browsers,
    AsyncV2Connectors,
    AsyncV2Projects,
    AsyncV2Skills,
    AsyncV2Usage,
    V2Agents,
    V2Browsers,
    V2Connectors,
    V2Projects,
    V2Skills,
    V2Usage,
)
from ._async_tasks import AsyncV2Tasks
from ._files import AsyncV2Files, V2Files
from ._sites import AsyncV2Webhooks, AsyncV2Websites, V2Webhooks, V2Websites
from ._tasks import V2Tasks

__all__ = ["V2", "AsyncV2"]


class V2:
    """``client.v2`` on ``ManusOpenAI``: the v2 resources, built on first use.

    Example::

        task = client.v2.tasks.retrieve("TeBim6FDQf9peS52xHtAyh")
    """

    def __init__(self, client: Any) -> None:
        self._client = client

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
