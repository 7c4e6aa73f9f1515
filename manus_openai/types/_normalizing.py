"""``Normalizing``: the one place a model adapts Manus's wire shapes before it is built.

The SDK builds response models with ``construct`` (no validation, so pydantic validators never run on
that path), while strict parsing and ``model_validate`` run validators. Both paths call the model's
``_normalize_values``; a subclass overrides only that.
"""

from __future__ import annotations

from typing import Any

from openai import BaseModel
from pydantic import model_validator
from typing_extensions import Self

__all__ = ["Normalizing"]


class Normalizing(BaseModel):
    """Base (or mixin, before the SDK model) of models whose payload needs adapting first."""

    @classmethod
    def _normalize_values(cls, values: dict[str, Any]) -> dict[str, Any]:
        return values

    @classmethod
    def construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:
        """Build without validation (the SDK's parsing path), normalising the payload first."""
        return super().construct(_fields_set, **cls._normalize_values(values))

    model_construct = construct  # keep pydantic's name pointing at the override

    @model_validator(mode="before")
    @classmethod
    def _normalize_input(cls, data: Any) -> Any:
        # Strict parsing (`_strict_response_validation=True`, model_validate) goes through here instead.
        return cls._normalize_values(data) if isinstance(data, dict) else data
