"""``Project``: a v1 project (``POST /v1/projects``, ``GET /v1/projects``)."""

from __future__ import annotations

from typing import Any

from ._conversation import coerce_int
from ._normalizing import Normalizing

__all__ = ["Project"]


def _normalize(values: dict[str, Any]) -> dict[str, Any]:
    v = dict(values)
    number = coerce_int(v.get("created_at"))
    if number is not None:
        v["created_at"] = number
    return v


class Project(Normalizing):
    """A project: a name and a default instruction applied to every task created with its ``id``.

    Example::

        project = client.projects.create("Research", instruction="Cite every source.")
        client.tasks.create("Compare EV makers", project_id=project.id)
    """

    id: str
    name: str | None = None
    instruction: str | None = None
    created_at: int | None = None

    @classmethod
    def _normalize_values(cls, values: dict[str, Any]) -> dict[str, Any]:
        return _normalize(values)
