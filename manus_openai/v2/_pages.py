"""Cursor pages of the v2 lists, on the SDK's own page machinery.

v2 lists answer ``{data | messages: [...], has_more, next_cursor?}`` (``next_cursor`` only with
``has_more``, §6.1.1); the next page is the same request with ``cursor=<next_cursor>``. Iterating a page
(``for`` / ``async for``) walks every following page lazily; ``iter_pages()`` yields pages. A server whose
``next_cursor`` equals the cursor that produced the page would loop forever: that raises
``CursorNotAdvancingError`` (a ``ManusError``) instead of requesting the same page again.

Example::

    for task in client.v2.tasks.list(limit=100):
        print(task.id, task.status)
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import httpx

from .._compat import BaseAsyncPage, BasePage, BaseSyncPage, PageInfo
from ..errors import ManusError
from ..types.v2._base import check_answer
from ..types.v2.events import Event, parse_event

__all__ = [
    "AsyncCursorPage",
    "AsyncEventPage",
    "CursorNotAdvancingError",
    "SyncCursorPage",
    "SyncEventPage",
]

_T = TypeVar("_T")


class CursorNotAdvancingError(ManusError):
    """The server answered a page with the cursor that requested it: following it would never end.

    Example::

        try:
            list(client.v2.tasks.list())
        except CursorNotAdvancingError as exc:
            print(exc.cursor)
    """

    def __init__(self, message: str, *, cursor: str) -> None:
        super().__init__(message)
        self.cursor = cursor


def _next(page: Any, has_more: bool | None, next_cursor: str | None) -> PageInfo | None:
    if not has_more or not next_cursor:
        return None
    options = getattr(page, "_options", None)
    params = getattr(options, "params", None)
    current = params.get("cursor") if isinstance(params, dict) else None
    if current == next_cursor:
        raise CursorNotAdvancingError(
            f"the server answered cursor {next_cursor!r} with the same next_cursor; stopping instead of "
            "requesting the same page forever",
            cursor=next_cursor,
        )
    return PageInfo(params={"cursor": next_cursor})


class SyncCursorPage(BaseSyncPage[_T], BasePage[_T], Generic[_T]):
    """One page of a v2 list (items in ``data``); iterating it fetches the following pages on demand."""

    data: list[_T] = []
    has_more: bool | None = None
    next_cursor: str | None = None
    request_id: str | None = None

    def _get_page_items(self) -> list[_T]:
        return self.data or []

    def has_next_page(self) -> bool:
        return bool(self.has_more and self.next_cursor) and super().has_next_page()

    def next_page_info(self) -> PageInfo | None:
        return _next(self, self.has_more, self.next_cursor)

    def _check_answer(self, response: httpx.Response) -> None:
        check_answer(self, response)


class AsyncCursorPage(BaseAsyncPage[_T], BasePage[_T], Generic[_T]):
    """The async twin of ``SyncCursorPage``."""

    data: list[_T] = []
    has_more: bool | None = None
    next_cursor: str | None = None
    request_id: str | None = None

    def _get_page_items(self) -> list[_T]:
        return self.data or []

    def has_next_page(self) -> bool:
        return bool(self.has_more and self.next_cursor) and super().has_next_page()

    def next_page_info(self) -> PageInfo | None:
        return _next(self, self.has_more, self.next_cursor)

    def _check_answer(self, response: httpx.Response) -> None:
        check_answer(self, response)


def _events(values: Any) -> list[Event]:
    return [parse_event(item) for item in values] if isinstance(values, list) else []


class SyncEventPage(BaseSyncPage[Event], BasePage[Event]):
    """One page of ``task.listMessages`` (items in ``messages``, typed by ``parse_event``)."""

    messages: list[Any] = []
    task_id: str | None = None
    has_more: bool | None = None
    next_cursor: str | None = None
    request_id: str | None = None

    def _get_page_items(self) -> list[Event]:
        return _events(self.messages)

    def has_next_page(self) -> bool:
        return bool(self.has_more and self.next_cursor) and super().has_next_page()

    def next_page_info(self) -> PageInfo | None:
        return _next(self, self.has_more, self.next_cursor)

    def _check_answer(self, response: httpx.Response) -> None:
        check_answer(self, response)

    @property
    def events(self) -> list[Event]:
        """This page's events, typed."""
        return self._get_page_items()

    @property
    def data(self) -> list[Event]:
        """The same as ``events`` (the name every other page uses)."""
        return self._get_page_items()


class AsyncEventPage(BaseAsyncPage[Event], BasePage[Event]):
    """The async twin of ``SyncEventPage``."""

    messages: list[Any] = []
    task_id: str | None = None
    has_more: bool | None = None
    next_cursor: str | None = None
    request_id: str | None = None

    def _get_page_items(self) -> list[Event]:
        return _events(self.messages)

    def has_next_page(self) -> bool:
        return bool(self.has_more and self.next_cursor) and super().has_next_page()

    def next_page_info(self) -> PageInfo | None:
        return _next(self, self.has_more, self.next_cursor)

    def _check_answer(self, response: httpx.Response) -> None:
        check_answer(self, response)

    @property
    def events(self) -> list[Event]:
        """This page's events, typed."""
        return self._get_page_items()

    @property
    def data(self) -> list[Event]:
        """The same as ``events`` (the name every other page uses)."""
        return self._get_page_items()
