"""``with_raw_response`` / ``with_streaming_response`` of ``client.v2.tasks``, ``files``, ``webhooks``, ``websites``.

Built with the SDK's own ``to_raw_response_wrapper`` / ``to_streamed_response_wrapper``, as every
openai-python resource is: the same arguments, the same checks before sending, but the HTTP response
comes back (headers such as ``x-request-id``, status, body); ``.parse()`` returns what the plain call
returns (a ``V2Task`` for ``retrieve``, a cursor page for ``list``). Only single-request methods have a
raw form: ``follow``, ``wait``, ``waiting_for``, ``structured_result`` and ``files.upload`` make several
requests (as v1's ``files.upload``). ``webhooks.public_key`` in a raw view always asks the server, and
``.parse()`` refreshes the cache.

Example::

    raw = client.v2.tasks.with_raw_response.retrieve(task_id)
    print(raw.headers.get("x-request-id"), raw.parse().status)
    with client.v2.tasks.with_streaming_response.list_messages(task_id) as response:
        page = response.parse()
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
    from ._async_tasks import AsyncV2Tasks
    from ._files import AsyncV2Files, V2Files
    from ._sites import AsyncV2Webhooks, AsyncV2Websites, V2Webhooks, V2Websites
    from ._tasks import V2Tasks

__all__ = [
    "AsyncV2FilesWithRawResponse",
    "AsyncV2FilesWithStreamingResponse",
    "AsyncV2TasksWithRawResponse",
    "AsyncV2TasksWithStreamingResponse",
    "AsyncV2WebhooksWithRawResponse",
    "AsyncV2WebhooksWithStreamingResponse",
    "AsyncV2WebsitesWithRawResponse",
    "AsyncV2WebsitesWithStreamingResponse",
    "V2FilesWithRawResponse",
    "V2FilesWithStreamingResponse",
    "V2TasksWithRawResponse",
    "V2TasksWithStreamingResponse",
    "V2WebhooksWithRawResponse",
    "V2WebhooksWithStreamingResponse",
    "V2WebsitesWithRawResponse",
    "V2WebsitesWithStreamingResponse",
]


class V2TasksWithRawResponse:
    """``client.v2.tasks.with_raw_response``: each call returns the HTTP response; ``.parse()`` the model.

    Example::

        raw = client.v2.tasks.with_raw_response.create("hi")
        print(raw.headers.get("x-request-id"), raw.parse().task_id)
    """

    def __init__(self, tasks: V2Tasks) -> None:
        self.create = to_raw_response_wrapper(tasks.create)
        self.retrieve = to_raw_response_wrapper(tasks.retrieve)
        self.list = to_raw_response_wrapper(tasks.list)
        self.update = to_raw_response_wrapper(tasks.update)
        self.stop = to_raw_response_wrapper(tasks.stop)
        self.delete = to_raw_response_wrapper(tasks.delete)
        self.send_message = to_raw_response_wrapper(tasks.send_message)
        self.list_messages = to_raw_response_wrapper(tasks.list_messages)
        self.confirm = to_raw_response_wrapper(tasks.confirm)


class AsyncV2TasksWithRawResponse:
    """``client.v2.tasks.with_raw_response`` on ``AsyncManusOpenAI``.

    Example::

        raw = await client.v2.tasks.with_raw_response.retrieve(task_id)
        print(raw.headers.get("x-request-id"), raw.parse().status)
    """

    def __init__(self, tasks: AsyncV2Tasks) -> None:
        self.create = async_to_raw_response_wrapper(tasks.create)
        self.retrieve = async_to_raw_response_wrapper(tasks.retrieve)
        self.list = async_to_raw_response_wrapper(tasks.list)
        self.update = async_to_raw_response_wrapper(tasks.update)
        self.stop = async_to_raw_response_wrapper(tasks.stop)
        self.delete = async_to_raw_response_wrapper(tasks.delete)
        self.send_message = async_to_raw_response_wrapper(tasks.send_message)
        self.list_messages = async_to_raw_response_wrapper(tasks.list_messages)
        self.confirm = async_to_raw_response_wrapper(tasks.confirm)


class V2TasksWithStreamingResponse:
    """``client.v2.tasks.with_streaming_response``: each call is a context manager over the unread response.

    Example::

        with client.v2.tasks.with_streaming_response.retrieve(task_id) as response:
            print(response.headers.get("x-request-id"), response.parse().status)
    """

    def __init__(self, tasks: V2Tasks) -> None:
        self.create = to_streamed_response_wrapper(tasks.create)
        self.retrieve = to_streamed_response_wrapper(tasks.retrieve)
        self.list = to_streamed_response_wrapper(tasks.list)
        self.update = to_streamed_response_wrapper(tasks.update)
        self.stop = to_streamed_response_wrapper(tasks.stop)
        self.delete = to_streamed_response_wrapper(tasks.delete)
        self.send_message = to_streamed_response_wrapper(tasks.send_message)
        self.list_messages = to_streamed_response_wrapper(tasks.list_messages)
        self.confirm = to_streamed_response_wrapper(tasks.confirm)


class AsyncV2TasksWithStreamingResponse:
    """``client.v2.tasks.with_streaming_response`` on ``AsyncManusOpenAI``.

    Example::

        async with client.v2.tasks.with_streaming_response.retrieve(task_id) as response:
            print((await response.parse()).status)
    """

    def __init__(self, tasks: AsyncV2Tasks) -> None:
        self.create = async_to_streamed_response_wrapper(tasks.create)
        self.retrieve = async_to_streamed_response_wrapper(tasks.retrieve)
        self.list = async_to_streamed_response_wrapper(tasks.list)
        self.update = async_to_streamed_response_wrapper(tasks.update)
        self.stop = async_to_streamed_response_wrapper(tasks.stop)
        self.delete = async_to_streamed_response_wrapper(tasks.delete)
        self.send_message = async_to_streamed_response_wrapper(tasks.send_message)
        self.list_messages = async_to_streamed_response_wrapper(tasks.list_messages)
        self.confirm = async_to_streamed_response_wrapper(tasks.confirm)


class V2FilesWithRawResponse:
    """``client.v2.files.with_raw_response``: ``retrieve`` and ``delete`` (``upload`` is several requests).

    Example::

        raw = client.v2.files.with_raw_response.retrieve(file_id)
        print(raw.parse().status)
    """

    def __init__(self, files: V2Files) -> None:
        self.retrieve = to_raw_response_wrapper(files.retrieve)
        self.delete = to_raw_response_wrapper(files.delete)


class AsyncV2FilesWithRawResponse:
    """``client.v2.files.with_raw_response`` on ``AsyncManusOpenAI``.

    Example::

        raw = await client.v2.files.with_raw_response.retrieve(file_id)
    """

    def __init__(self, files: AsyncV2Files) -> None:
        self.retrieve = async_to_raw_response_wrapper(files.retrieve)
        self.delete = async_to_raw_response_wrapper(files.delete)


class V2FilesWithStreamingResponse:
    """``client.v2.files.with_streaming_response``.

    Example::

        with client.v2.files.with_streaming_response.retrieve(file_id) as response:
            print(response.parse().status)
    """

    def __init__(self, files: V2Files) -> None:
        self.retrieve = to_streamed_response_wrapper(files.retrieve)
        self.delete = to_streamed_response_wrapper(files.delete)


class AsyncV2FilesWithStreamingResponse:
    """``client.v2.files.with_streaming_response`` on ``AsyncManusOpenAI``.

    Example::

        async with client.v2.files.with_streaming_response.retrieve(file_id) as response:
            print((await response.parse()).status)
    """

    def __init__(self, files: AsyncV2Files) -> None:
        self.retrieve = async_to_streamed_response_wrapper(files.retrieve)
        self.delete = async_to_streamed_response_wrapper(files.delete)


class V2WebhooksWithRawResponse:
    """``client.v2.webhooks.with_raw_response``; ``public_key`` here always asks the server.

    Example::

        raw = client.v2.webhooks.with_raw_response.list()
        print(raw.headers.get("x-request-id"), raw.parse().data)
    """

    def __init__(self, webhooks: V2Webhooks) -> None:
        self.create = to_raw_response_wrapper(webhooks.create)
        self.list = to_raw_response_wrapper(webhooks.list)
        self.delete = to_raw_response_wrapper(webhooks.delete)
        self.public_key = to_raw_response_wrapper(webhooks._fetch_public_key)


class AsyncV2WebhooksWithRawResponse:
    """``client.v2.webhooks.with_raw_response`` on ``AsyncManusOpenAI``.

    Example::

        raw = await client.v2.webhooks.with_raw_response.public_key()
    """

    def __init__(self, webhooks: AsyncV2Webhooks) -> None:
        self.create = async_to_raw_response_wrapper(webhooks.create)
        self.list = async_to_raw_response_wrapper(webhooks.list)
        self.delete = async_to_raw_response_wrapper(webhooks.delete)
        self.public_key = async_to_raw_response_wrapper(webhooks._fetch_public_key)


class V2WebhooksWithStreamingResponse:
    """``client.v2.webhooks.with_streaming_response``.

    Example::

        with client.v2.webhooks.with_streaming_response.list() as response:
            print(response.parse().data)
    """

    def __init__(self, webhooks: V2Webhooks) -> None:
        self.create = to_streamed_response_wrapper(webhooks.create)
        self.list = to_streamed_response_wrapper(webhooks.list)
        self.delete = to_streamed_response_wrapper(webhooks.delete)
        self.public_key = to_streamed_response_wrapper(webhooks._fetch_public_key)


class AsyncV2WebhooksWithStreamingResponse:
    """``client.v2.webhooks.with_streaming_response`` on ``AsyncManusOpenAI``.

    Example::

        async with client.v2.webhooks.with_streaming_response.list() as response:
            print((await response.parse()).data)
    """

    def __init__(self, webhooks: AsyncV2Webhooks) -> None:
        self.create = async_to_streamed_response_wrapper(webhooks.create)
        self.list = async_to_streamed_response_wrapper(webhooks.list)
        self.delete = async_to_streamed_response_wrapper(webhooks.delete)
        self.public_key = async_to_streamed_response_wrapper(webhooks._fetch_public_key)


class V2WebsitesWithRawResponse:
    """``client.v2.websites.with_raw_response``.

    Example::

        raw = client.v2.websites.with_raw_response.status(task_id=task_id)
        print(raw.parse().publish_status)
    """

    def __init__(self, websites: V2Websites) -> None:
        self.status = to_raw_response_wrapper(websites.status)
        self.checkpoints = to_raw_response_wrapper(websites.checkpoints)
        self.publish = to_raw_response_wrapper(websites.publish)
        self.update = to_raw_response_wrapper(websites.update)


class AsyncV2WebsitesWithRawResponse:
    """``client.v2.websites.with_raw_response`` on ``AsyncManusOpenAI``.

    Example::

        raw = await client.v2.websites.with_raw_response.status(task_id=task_id)
    """

    def __init__(self, websites: AsyncV2Websites) -> None:
        self.status = async_to_raw_response_wrapper(websites.status)
        self.checkpoints = async_to_raw_response_wrapper(websites.checkpoints)
        self.publish = async_to_raw_response_wrapper(websites.publish)
        self.update = async_to_raw_response_wrapper(websites.update)


class V2WebsitesWithStreamingResponse:
    """``client.v2.websites.with_streaming_response``.

    Example::

        with client.v2.websites.with_streaming_response.status(task_id=task_id) as response:
            print(response.parse().publish_status)
    """

    def __init__(self, websites: V2Websites) -> None:
        self.status = to_streamed_response_wrapper(websites.status)
        self.checkpoints = to_streamed_response_wrapper(websites.checkpoints)
        self.publish = to_streamed_response_wrapper(websites.publish)
        self.update = to_streamed_response_wrapper(websites.update)


class AsyncV2WebsitesWithStreamingResponse:
    """``client.v2.websites.with_streaming_response`` on ``AsyncManusOpenAI``.

    Example::

        async with client.v2.websites.with_streaming_response.status(task_id=task_id) as response:
            print((await response.parse()).publish_status)
    """

    def __init__(self, websites: AsyncV2Websites) -> None:
        self.status = async_to_streamed_response_wrapper(websites.status)
        self.checkpoints = async_to_streamed_response_wrapper(websites.checkpoints)
        self.publish = async_to_streamed_response_wrapper(websites.publish)
        self.update = async_to_streamed_response_wrapper(websites.update)
