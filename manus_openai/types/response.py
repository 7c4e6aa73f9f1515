"""``ManusResponse``: the OpenAI ``Response`` as Manus really returns it."""

from __future__ import annotations

from typing import Any, Literal

from openai.types.responses import Response

from ._conversation import ConversationAccessors
from ._normalizing import Normalizing

__all__ = ["RUNNING_STATUSES", "ManusResponse", "normalize_conversation_values"]

RUNNING_STATUSES = frozenset({"running", "in_progress", "queued"})
"""Statuses meaning "the agent is still working": Manus's ``running`` plus OpenAI's two spellings of it.

Every other status ends ``responses.wait()``: ``completed``, ``pending`` (the agent asks the user
something), ``error``/``failed``, ``stopped`` and statuses a later Manus release may add.
"""


def _number(value: object) -> object:
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return value
    return value


def normalize_conversation_values(values: dict[str, Any]) -> dict[str, Any]:
    """Adapt a Manus payload to the OpenAI models without losing anything.

    * ``createdAt`` (camelCase, a numeric string in the compat guide) also fills ``created_at``;
    * output items without ``type`` (seed 001 omits it) become ``"type": "message"`` so the SDK builds
      ``ResponseOutputMessage`` objects;
    * numeric strings in ``created_at`` / ``updated_at`` become numbers.
    The original keys stay in place (``createdAt`` remains in ``model_extra``).
    """
    v = dict(values)
    if v.get("created_at") is None and v.get("createdAt") is not None:
        v["created_at"] = _number(v["createdAt"])
    for key in ("created_at", "updated_at"):
        if isinstance(v.get(key), str):
            v[key] = _number(v[key])
    output = v.get("output")
    if isinstance(output, list):
        v["output"] = [
            {"type": "message", **item} if isinstance(item, dict) and "type" not in item and "content" in item else item
            for item in output
        ]
    return v


class ManusResponse(ConversationAccessors, Normalizing, Response):
    """What ``responses.create`` / ``retrieve`` / ``wait`` return: an ``openai`` ``Response`` plus Manus accessors.

    ``status`` is Manus's own string (``running``, ``pending``, ``completed``, ``error``, ...); unknown
    fields are kept (``model_extra``, ``to_dict()``).

    Example::

        done = client.responses.create_and_wait(input="What's the colour of the sky?")
        print(done.status, done.output_text)
        print(done.task_url, done.credit_usage, [f.file_name for f in done.output_files])
    """

    # Manus statuses are wider than OpenAI's ResponseStatus literal.
    status: str | None = None  # type: ignore[assignment]  # running/pending/error are not in openai's Literal
    # Manus sends createdAt; created_at is filled from it when present, else stays None.
    created_at: float | None = None  # type: ignore[assignment]  # openai declares float, Manus may omit it

    @classmethod
    def _normalize_values(cls, values: dict[str, Any]) -> dict[str, Any]:
        return normalize_conversation_values(values)

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = False,
    ) -> dict[str, object]:
        """``Response.to_dict`` without pydantic's serializer warnings by default.

        Manus echoes the user's turns in ``output`` (role ``user``), which OpenAI's output-item union
        never expects: every dump would warn about each union member while the data is still exact
        (and under ``-W error`` it would raise).

        Example::

            data = done.to_dict()
        """
        return super().to_dict(
            mode=mode, use_api_names=use_api_names, exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults, exclude_none=exclude_none, warnings=warnings,
        )  # fmt: skip

    def to_json(
        self,
        *,
        indent: int | None = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = False,
    ) -> str:
        """``Response.to_json`` without pydantic's serializer warnings by default; see ``to_dict``.

        Example::

            print(done.to_json())
        """
        return super().to_json(
            indent=indent, use_api_names=use_api_names, exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults, exclude_none=exclude_none, warnings=warnings,
        )  # fmt: skip
