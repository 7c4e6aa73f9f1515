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


class _Last(ConversationAccessors):
    def __init__(self, output: list[object]) -> None:
        self.output = output


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
    manus_status: str | None = None
    """Manus's own status (``running``, ``pending``, ``completed``, ``error``...) in the OpenAI view; None in
    the raw Manus view, where ``status`` is that string itself."""
    turn: int | None = None
    """Which turn of the task this response is (1 = the turn that created it); None in the raw view."""

    @property
    def task_id(self) -> str:
        """The Manus task id behind ``id`` (``"T~2"`` -> ``"T"``; a bare task id stays as it is).

        Example::

            client.tasks.retrieve(response.task_id)
        """
        from .._ids import task_id_of

        return task_id_of(self.id) if isinstance(self.id, str) else ""

    @property
    def question(self) -> str | None:
        """What the agent asks the user when it paused this turn for input (OpenAI status ``incomplete``,
        Manus ``pending`` / v2 ``waiting``), else None. Answer it with ``previous_response_id=response.id``.
        On the v2 backend a task waiting for a confirmation (not a question) gives its
        ``waiting_description``; ``response.waiting_for`` holds the whole ``status_detail``.

        Example::

            if r.status == "incomplete" and r.question:
                r = client.responses.create(input="Make it short", previous_response_id=r.id)
        """
        if self.status == "incomplete" and self.manus_status in ("pending", "waiting"):
            waiting = (self.model_extra or {}).get("waiting_for")
            described = waiting.get("waiting_description") if isinstance(waiting, dict) else None
            return self.output_text or (described if isinstance(described, str) else None) or None
        if self.status != "pending":  # the raw view: the question is the last assistant message
            return None
        last = list(self._assistant_messages())[-1:]
        text = ConversationAccessors.output_text.fget(_Last(last)) if last else ""  # type: ignore[attr-defined]
        return text or None

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
