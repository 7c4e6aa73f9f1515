"""``client.unlisted``: the explicit door for a relative path the endpoint allow-list does not know.

The allow-list (``_endpoints``) refuses, before sending, every path that is not part of the Manus API this
library knows, so an inherited OpenAI method (chat completions, embeddings...) fails loudly instead of
reaching Manus. A path Manus added after this release is refused too; ``client.unlisted`` sends it anyway,
with the client's key, base URL, headers and retry rules (a POST is still re-sent only after a 429 or a
refused connection).

Example::

    usage = client.unlisted.get("/usage", cast_to=object)
    await async_client.unlisted.post("/tasks/archive", body={"ids": ["t1"]}, cast_to=object)
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from typing_extensions import ParamSpec

from ._endpoints import UNLISTED

if TYPE_CHECKING:
    from openai import AsyncOpenAI, OpenAI

__all__ = ["AsyncUnlistedEndpoints", "UnlistedEndpoints"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _sync(method: Callable[_P, _R]) -> Callable[_P, _R]:
    @functools.wraps(method)
    def call(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        token = UNLISTED.set(True)
        try:
            return method(*args, **kwargs)
        finally:
            UNLISTED.reset(token)

    return call


def _async(method: Callable[_P, Awaitable[_R]]) -> Callable[_P, Awaitable[_R]]:
    @functools.wraps(method)
    async def call(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        token = UNLISTED.set(True)  # set inside the coroutine: it runs in the caller's task
        try:
            return await method(*args, **kwargs)
        finally:
            UNLISTED.reset(token)

    return call


class UnlistedEndpoints:
    """``get`` / ``post`` / ``put`` / ``patch`` / ``delete`` of the client, without the endpoint allow-list.

    Example::

        usage = client.unlisted.get("/usage", cast_to=object)
    """

    def __init__(self, client: OpenAI) -> None:
        self.get = _sync(client.get)
        self.post = _sync(client.post)
        self.put = _sync(client.put)
        self.patch = _sync(client.patch)
        self.delete = _sync(client.delete)


class AsyncUnlistedEndpoints:
    """The async twin of ``UnlistedEndpoints``.

    Example::

        usage = await async_client.unlisted.get("/usage", cast_to=object)
    """

    def __init__(self, client: AsyncOpenAI) -> None:
        self.get = _async(client.get)
        self.post = _async(client.post)
        self.put = _async(client.put)
        self.patch = _async(client.patch)
        self.delete = _async(client.delete)
