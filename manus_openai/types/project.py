"""``Project``: a v1 project (``POST /v1/projects``, ``GET /v1/projects``)."""

from __future__ import annotations

from typing import Any

from openai import BaseModel
from pydantic import model_validator

from ._conversation import coerce_int

__all__ = ["Project"]


def _normalize(values: dict[str, Any]) -> dict[str, Any]:
    v = dict(values)
    number = coerce_int(v.get("created_at"))
    if number is not None:
        v["created_at"] = number
    return v


class Project(BaseModel):
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
    def construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Project:
        """Build without validation (the SDK's parsing path), turning a numeric-string ``created_at`` into an int."""
        return super().construct(_fields_set, **_normalize(values))

    model_construct = construct

    @model_validator(mode="before")
    @classmethod
    def _normalize(cls, data: Any) -> Any:
        return _normalize(data) if isinstance(data, dict) else data
