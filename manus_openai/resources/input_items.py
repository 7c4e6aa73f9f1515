"""``client.responses.input_items``: the inputs of one turn, read from the task and paged locally.

Manus has no input-items endpoint (manus-api.md §3): one read of the task (on the client's
``responses_backend``: ``/v1/responses/{id}``, or v2 ``task.detail`` + ``task.listMessages``) gives every
item of the turn, so
later pages are cut from that read (``_bridge._items``) instead of asking the server again.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator
from typing import Any, Generic, TypeVar

from openai.pagination import AsyncCursorPage, SyncCursorPage
from openai.resources.responses.input_items import AsyncInputItems, InputItems

from .. import _bridge
from .._compat import construct_type
from .._ids import split_turn_id
from .._options import check_id
from ._responses_io import io_for

try:  # openai>=1.70
    from openai.types.responses import ResponseItem as _Item
except ImportError:  # openai<1.70 names the item union ``response_item_list.Data`` (a model union too)
    from openai.types.responses.response_item_list import Data as _Item  # type: ignore[attr-defined,no-redef]

__all__ = ["AsyncInputItemsPage", "AsyncManusInputItems", "InputItemsPage", "ManusInputItems"]

_T = TypeVar("_T")


def _given(value: object) -> Any:
    from .._compat import NotGiven

    return None if isinstance(value, NotGiven) else value


class _Local:
    """What a local page remembers to cut the next page without a request."""

    items: list[dict[str, Any]]
    order: str | None
    limit: int | None


def _page(cls: Any, local: _Local, *, after: str | None, before: str | None = None) -> Any:
    data, more = _bridge.page_slice(local.items, after=after, before=before, limit=local.limit, order=local.order)
    page = cls.construct(
        data=[construct_type(type_=_Item, value=item) for item in data],
        has_more=more,
        object="list",
        first_id=data[0]["id"] if data else None,
        last_id=data[-1]["id"] if data else None,
    )
    object.__setattr__(page, "_manus_local", local)
    return page


class InputItemsPage(SyncCursorPage[_T], Generic[_T]):
    """A page of input items; ``for item in page`` and ``iter_pages()`` walk every page without requests."""

    def get_next_page(self) -> InputItemsPage[_T]:
        """The next page, cut from the same read of the task."""
        local: _Local = object.__getattribute__(self, "_manus_local")
        last = self.data[-1] if self.data else None
        page: InputItemsPage[_T] = _page(type(self), local, after=getattr(last, "id", None))
        return page


class AsyncInputItemsPage(AsyncCursorPage[_T], Generic[_T]):
    """The async twin of ``InputItemsPage``."""

    async def get_next_page(self) -> AsyncInputItemsPage[_T]:
        """The next page, cut from the same read of the task."""
        local: _Local = object.__getattribute__(self, "_manus_local")
        last = self.data[-1] if self.data else None
        page: AsyncInputItemsPage[_T] = _page(type(self), local, after=getattr(last, "id", None))
        return page


def _local(snapshot: _bridge.Snapshot, turn: int | None, order: object, limit: object) -> _Local:
    local = _Local()
    local.items = _bridge.input_items(snapshot, turn or max(snapshot.turn_count, 1))
    local.order = _given(order)
    local.limit = _given(limit)
    _bridge.page_slice(local.items, after=None, before=None, limit=local.limit, order=local.order)  # validates
    return local


def _read_options(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The request options of a ``list`` call, for the one read of the task (either backend)."""
    return {k: kwargs[k] for k in ("extra_headers", "extra_query", "timeout") if kwargs.get(k) is not None}


class ManusInputItems(InputItems):
    """``client.responses.input_items``: ``list(response_id)`` pages what Manus received in that turn.

    Example::

        for item in client.responses.input_items.list(response.id):
            print(item.role, item.content[0].text)
    """

    def list(  # a local page class; the same arguments
        self, response_id: str, *, after: Any = None, before: Any = None, limit: Any = None, order: Any = None,
        **kwargs: Any,
    ) -> InputItemsPage[Any]:  # fmt: skip
        """The input items of ``response_id`` (a turn id or a task id: its latest turn), newest first by default."""
        task, turn = split_turn_id(check_id(response_id))
        kwargs.pop("include", None)  # nothing to add: Manus has no item details to include
        snapshot = io_for(self, asynchronous=False).snapshot(task, **_read_options(kwargs))
        local = _local(snapshot, turn, order, limit)
        page: InputItemsPage[Any] = _page(InputItemsPage, local, after=_given(after), before=_given(before))
        return page


class _AsyncPages:
    """What ``AsyncManusInputItems.list`` returns: ``await`` it for the first page, or ``async for`` the items."""

    def __init__(self, first: Any) -> None:
        self._first = first

    def __await__(self) -> Generator[Any, None, AsyncInputItemsPage[Any]]:
        page: AsyncInputItemsPage[Any] = yield from self._first().__await__()
        return page

    async def __aiter__(self) -> AsyncIterator[Any]:
        page: AsyncInputItemsPage[Any] = await self._first()
        async for one in page.iter_pages():
            for item in one.data:
                yield item


class AsyncManusInputItems(AsyncInputItems):
    """The async twin of ``ManusInputItems``.

    Example::

        page = await client.responses.input_items.list(response.id)
    """

    def list(  # a local page class; the same arguments
        self, response_id: str, *, after: Any = None, before: Any = None, limit: Any = None, order: Any = None,
        **kwargs: Any,
    ) -> Any:  # fmt: skip
        """The input items of ``response_id``; ``await`` the result or ``async for`` over it."""
        task, turn = split_turn_id(check_id(response_id))
        kwargs.pop("include", None)

        async def first() -> AsyncInputItemsPage[Any]:
            snapshot = await io_for(self, asynchronous=True).snapshot(task, **_read_options(kwargs))
            local = _local(snapshot, turn, order, limit)
            page: AsyncInputItemsPage[Any] = _page(
                AsyncInputItemsPage, local, after=_given(after), before=_given(before)
            )
            return page

        return _AsyncPages(first)
