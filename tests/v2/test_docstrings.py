"""Every public v2 resource method has its own docstring with an example; the async ones show ``await``."""

from __future__ import annotations

import inspect

import pytest

import manus_openai  # noqa: F401  # the client first: v2's modules build on resources
from manus_openai.v2 import _account, _async_account, _async_tasks, _files, _root, _sites, _tasks

MODULES = (_account, _async_account, _async_tasks, _files, _root, _sites, _tasks)
METHODS = [
    (f"{cls.__name__}.{name}", cls.__name__.startswith("Async"), member)
    for module in MODULES
    for cls in vars(module).values()
    if inspect.isclass(cls) and cls.__module__ == module.__name__ and cls.__name__.startswith(("V2", "AsyncV2"))
    and not cls.__name__.endswith(("WithRawResponse", "WithStreamingResponse"))
    for name, member in vars(cls).items()
    if not name.startswith("_") and inspect.isfunction(member)
]  # fmt: skip


def test_the_resource_methods_were_found() -> None:
    names = {name for name, _, _ in METHODS}
    assert {"AsyncV2Tasks.create", "AsyncV2Usage.team_log", "AsyncV2Files.upload", "V2Websites.update"} <= names


@pytest.mark.parametrize(("name", "is_async", "method"), METHODS, ids=[m[0] for m in METHODS])
def test_method_has_a_docstring_with_an_example(name: str, is_async: bool, method: object) -> None:
    doc = inspect.getdoc(method) or ""
    assert "Example::" in doc, name
    example = doc.split("Example::", 1)[1]
    if is_async:
        assert "await " in example or "async for " in example or "async with " in example, name
    else:
        assert "await " not in example, name
