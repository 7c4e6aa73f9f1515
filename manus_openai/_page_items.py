"""A page's items built by pydantic's compiled validators, falling back to the SDK's ``construct`` per item.

The SDK builds every response model with ``construct``: a Python walk over each field of each nested
model, which made ``tasks.list()`` iterate at 0.28x the speed of reading the same pages as plain dicts.
Here the ``data`` list is validated in one call of a cached ``TypeAdapter`` in strict mode: a page of
well-formed items comes back as the same typed models, unknown fields kept (``extra="allow"``), the
models' own normalising validators applied. Strict mode means no coercion the SDK would not do: an item
whose field has an unexpected type (``"created_at": "n/a"``, a number where a string belongs) fails
validation and is built by ``construct`` instead, exactly as before, so it keeps what the server sent.
Entries that are not objects pass unchanged, for ``_parsing.checked`` to refuse.

The cyclic collector is left alone: pausing it while a page is built cut the client's CPU per page by a third
but let every page's objects pile up in the oldest generation (the heap grew 1.25x over 100,000 tasks),
so it was measured and dropped (benchmarks/RESULTS.md).

Example::

    tasks = build_items(list[Task], page_json["data"])
"""

from __future__ import annotations

import functools
from typing import Any, get_args

import pydantic

from ._compat import construct_type

__all__ = ["build_items"]


@functools.lru_cache(maxsize=64)
def _adapter(annotation: Any) -> pydantic.TypeAdapter[Any] | None:
    args = get_args(annotation)
    item = args[0] if len(args) == 1 else None
    if not (isinstance(item, type) and issubclass(item, pydantic.BaseModel)):
        return None
    return pydantic.TypeAdapter(annotation)


def build_items(annotation: Any, data: list[Any]) -> list[Any]:
    """``data`` as ``annotation`` (``list[Task]``): validated in one pass, else item by item."""
    adapter = _adapter(annotation)
    if adapter is None:
        built: list[Any] = construct_type(type_=annotation, value=data)  # type: ignore[assignment]  # a list in, a list out
        return built
    try:
        items: list[Any] = adapter.validate_python(data, strict=True)
        return items
    except pydantic.ValidationError:
        pass
    item_type = get_args(annotation)[0]
    return [_one(item_type, entry) for entry in data]


def _one(item_type: type[pydantic.BaseModel], entry: Any) -> Any:
    if isinstance(entry, dict):
        try:
            return item_type.model_validate(entry, strict=True)
        except pydantic.ValidationError:
            pass
    return construct_type(type_=item_type, value=entry)
