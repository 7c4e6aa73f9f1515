"""Page classes for ``GET /v1/tasks``: the SDK's own pagination with Manus's cursor fields.

``SyncTasksPage`` / ``AsyncTasksPage`` read ``data``, ``first_id``, ``last_id`` and ``has_more``; the next
page is requested with ``after=<last_id>`` (manus-api.md §4.2). Iterating a page (``for`` / ``async
for``) walks every following page; ``iter_pages()`` yields pages; ``has_next_page()`` is False once
``has_more`` is false or a page comes back empty.

Example::

    page = client.tasks.list(limit=100, status="completed")
    for task in page:              # all matching tasks, 100 per request
        print(task.id, task.task_title)
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from typing_extensions import Self

from ._compat import BaseAsyncPage, BasePage, BaseSyncPage, PageInfo
from ._page_items import build_items

__all__ = ["AsyncTasksPage", "SyncTasksPage"]

_T = TypeVar("_T")


class _FastItems(BasePage[_T]):
    """Builds ``data`` with pydantic's compiled validator instead of the SDK's per-field ``construct``
    (``_page_items``); the rest of the page is the SDK's."""

    data: list[_T]

    @classmethod
    def construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:
        """The SDK's parsing path: ``data`` validated in one pass, the rest constructed as usual."""
        data = values.get("data")
        if not isinstance(data, list):
            return super().construct(_fields_set, **values)
        values["data"] = []
        page = super().construct(_fields_set, **values)
        page.__dict__["data"] = build_items(cls.model_fields["data"].annotation, data)
        return page

    model_construct = construct


def _next_page_info(has_more: bool | None, last_id: str | None) -> PageInfo | None:
    return PageInfo(params={"after": last_id}) if has_more and last_id else None


def _bind_items(items: list[Any], client: object) -> None:
    # Tasks remember the client that listed them, so their output files download through it.
    for item in items:
        bind = getattr(item, "_bind", None)
        if callable(bind):
            bind(client)


class SyncTasksPage(BaseSyncPage[_T], _FastItems[_T], Generic[_T]):
    """One page of ``tasks.list()``; iterating it fetches the following pages on demand."""

    data: list[_T]
    object: str | None = None
    first_id: str | None = None
    last_id: str | None = None
    has_more: bool | None = None

    def _get_page_items(self) -> list[_T]:
        return self.data or []

    def has_next_page(self) -> bool:
        if self.has_more is False:
            return False
        return super().has_next_page()

    def next_page_info(self) -> PageInfo | None:
        return _next_page_info(self.has_more, self.last_id)

    def _set_private_attributes(self, *args: Any, **kwargs: Any) -> None:
        super()._set_private_attributes(*args, **kwargs)
        _bind_items(self._get_page_items(), kwargs.get("client"))


class AsyncTasksPage(BaseAsyncPage[_T], _FastItems[_T], Generic[_T]):
    """The async twin of ``SyncTasksPage`` (``async for task in await client.tasks.list()``, or directly
    ``async for task in client.tasks.list()``)."""

    data: list[_T]
    object: str | None = None
    first_id: str | None = None
    last_id: str | None = None
    has_more: bool | None = None

    def _get_page_items(self) -> list[_T]:
        return self.data or []

    def has_next_page(self) -> bool:
        if self.has_more is False:
            return False
        return super().has_next_page()

    def next_page_info(self) -> PageInfo | None:
        return _next_page_info(self.has_more, self.last_id)

    def _set_private_attributes(self, *args: Any, **kwargs: Any) -> None:
        super()._set_private_attributes(*args, **kwargs)
        _bind_items(self._get_page_items(), kwargs.get("client"))
