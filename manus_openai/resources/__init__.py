"""The Manus resources of a client, and the one place that installs them on it.

openai<1.78 sets resources as instance attributes in ``OpenAI.__init__``, >=1.78 as cached properties:
writing the instance ``__dict__`` after ``super().__init__()`` overrides both, and rebuilding the
``with_raw_response`` / ``with_streaming_response`` views makes them wrap our resources too (the views
are built last: on openai<1.78 their constructor wraps ``client.files`` & co. eagerly).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._compat import AsyncRawClientView, AsyncStreamedClientView, RawClientView, StreamedClientView
from .files import (
    AsyncFiles,
    AsyncFilesWithRawResponse,
    AsyncFilesWithStreamingResponse,
    Files,
    FilesWithRawResponse,
    FilesWithStreamingResponse,
)
from .projects import (
    AsyncProjects,
    AsyncProjectsWithRawResponse,
    AsyncProjectsWithStreamingResponse,
    Projects,
    ProjectsWithRawResponse,
    ProjectsWithStreamingResponse,
)
from .responses import AsyncManusResponses, ManusResponses
from .tasks import (
    AsyncTasks,
    AsyncTasksWithRawResponse,
    AsyncTasksWithStreamingResponse,
    Tasks,
    TasksWithRawResponse,
    TasksWithStreamingResponse,
)
from .webhooks import AsyncWebhooks, Webhooks

if TYPE_CHECKING:
    from .._client import AsyncManusOpenAI, ManusOpenAI
    from ..v2._root import (
        AsyncV2WithRawResponse,
        AsyncV2WithStreamingResponse,
        V2WithRawResponse,
        V2WithStreamingResponse,
    )

__all__ = [
    "AsyncFiles",
    "AsyncManusRawClientView",
    "AsyncManusResponses",
    "AsyncManusStreamedClientView",
    "AsyncProjects",
    "AsyncTasks",
    "AsyncWebhooks",
    "Files",
    "ManusRawClientView",
    "ManusResponses",
    "ManusStreamedClientView",
    "Projects",
    "Tasks",
    "Webhooks",
    "install_async",
    "install_sync",
]


class ManusRawClientView(RawClientView):
    """``client.with_raw_response``: OpenAI's view plus ``tasks``, ``projects``, Manus's ``files`` and ``v2``.

    Example::

        raw = client.with_raw_response.tasks.list(limit=10)
        print(raw.headers.get("x-request-id"), raw.parse().data)
    """

    tasks: TasksWithRawResponse
    projects: ProjectsWithRawResponse
    v2: V2WithRawResponse
    files: FilesWithRawResponse  # type: ignore[assignment]  # Manus's files resource replaces OpenAI's

    def __init__(self, client: ManusOpenAI) -> None:
        super().__init__(client)
        view = self.__dict__
        view["tasks"] = TasksWithRawResponse(client.__dict__["tasks"])
        view["projects"] = ProjectsWithRawResponse(client.__dict__["projects"])
        view["files"] = FilesWithRawResponse(client.__dict__["files"])
        view["v2"] = client.__dict__["v2"].with_raw_response


class AsyncManusRawClientView(AsyncRawClientView):
    """``client.with_raw_response`` on ``AsyncManusOpenAI``."""

    tasks: AsyncTasksWithRawResponse
    projects: AsyncProjectsWithRawResponse
    v2: AsyncV2WithRawResponse
    files: AsyncFilesWithRawResponse  # type: ignore[assignment]  # Manus's files resource replaces OpenAI's

    def __init__(self, client: AsyncManusOpenAI) -> None:
        super().__init__(client)
        view = self.__dict__
        view["tasks"] = AsyncTasksWithRawResponse(client.__dict__["tasks"])
        view["projects"] = AsyncProjectsWithRawResponse(client.__dict__["projects"])
        view["files"] = AsyncFilesWithRawResponse(client.__dict__["files"])
        view["v2"] = client.__dict__["v2"].with_raw_response


class ManusStreamedClientView(StreamedClientView):
    """``client.with_streaming_response``: OpenAI's view plus ``tasks``, ``projects``, Manus's ``files``, ``v2``."""

    tasks: TasksWithStreamingResponse
    projects: ProjectsWithStreamingResponse
    v2: V2WithStreamingResponse
    files: FilesWithStreamingResponse  # type: ignore[assignment]  # Manus's files resource replaces OpenAI's

    def __init__(self, client: ManusOpenAI) -> None:
        super().__init__(client)
        view = self.__dict__
        view["tasks"] = TasksWithStreamingResponse(client.__dict__["tasks"])
        view["projects"] = ProjectsWithStreamingResponse(client.__dict__["projects"])
        view["files"] = FilesWithStreamingResponse(client.__dict__["files"])
        view["v2"] = client.__dict__["v2"].with_streaming_response


class AsyncManusStreamedClientView(AsyncStreamedClientView):
    """``client.with_streaming_response`` on ``AsyncManusOpenAI``."""

    tasks: AsyncTasksWithStreamingResponse
    projects: AsyncProjectsWithStreamingResponse
    v2: AsyncV2WithStreamingResponse
    files: AsyncFilesWithStreamingResponse  # type: ignore[assignment]  # Manus's files resource replaces OpenAI's

    def __init__(self, client: AsyncManusOpenAI) -> None:
        super().__init__(client)
        view = self.__dict__
        view["tasks"] = AsyncTasksWithStreamingResponse(client.__dict__["tasks"])
        view["projects"] = AsyncProjectsWithStreamingResponse(client.__dict__["projects"])
        view["files"] = AsyncFilesWithStreamingResponse(client.__dict__["files"])
        view["v2"] = client.__dict__["v2"].with_streaming_response


def install_sync(client: ManusOpenAI) -> None:
    """Put the Manus resources on a freshly constructed ``ManusOpenAI``."""
    resources = client.__dict__
    resources["responses"] = ManusResponses(client)
    resources["tasks"] = Tasks(client)
    resources["projects"] = Projects(client)
    resources["files"] = Files(client)
    resources["webhooks"] = Webhooks(client)
    from ..v2._root import V2  # here, not at the top: v2's modules import resources.files / webhooks

    resources["v2"] = V2(client)
    resources["with_raw_response"] = ManusRawClientView(client)
    resources["with_streaming_response"] = ManusStreamedClientView(client)


def install_async(client: AsyncManusOpenAI) -> None:
    """Put the Manus resources on a freshly constructed ``AsyncManusOpenAI``."""
    resources = client.__dict__
    resources["responses"] = AsyncManusResponses(client)
    resources["tasks"] = AsyncTasks(client)
    resources["projects"] = AsyncProjects(client)
    resources["files"] = AsyncFiles(client)
    resources["webhooks"] = AsyncWebhooks(client)
    from ..v2._root import AsyncV2

    resources["v2"] = AsyncV2(client)
    resources["with_raw_response"] = AsyncManusRawClientView(client)
    resources["with_streaming_response"] = AsyncManusStreamedClientView(client)
