"""Structured outputs in the OpenAI view: ``responses.parse(text_format=...)`` and ``text.format`` json_schema.

The schema travels as v2 ``structured_output_schema`` (``_plan._output_schema`` compiles it with
``v2.structured.output_schema`` and refuses, before sending, what Manus's strict subset cannot express, and
any json_schema on the v1 backend). The finished turn answers with the JSON of Manus's
``structured_output_result`` as its ``output_text`` (``_v2snapshot``); ``parsed`` turns it into the SDK's
``ParsedResponse`` with the SDK's own ``parse_response``. ``success: false`` (a ``refusal`` part) or a value
that does not parse is ``StructuredOutputError`` carrying Manus's message, the raw value and the response id
-- never a bare pydantic ``ValidationError``.
"""

from __future__ import annotations

import inspect
from typing import Any

import pydantic

from .._compat import NOT_GIVEN, NotGiven, parse_response, type_to_text_format_param
from ..errors import UnsupportedArgumentError
from ..v2.structured import StructuredOutputError, output_schema

__all__ = ["parse_kwargs", "parsed"]


def parse_kwargs(kwargs: dict[str, Any], text_format: object, *, backend: str) -> dict[str, Any]:
    """``create`` keyword arguments for ``parse(text_format=..., **kwargs)`` (raises before any request)."""
    if backend != "v2":
        raise UnsupportedArgumentError(
            "responses.parse: structured output is a v2 feature (task.create structured_output_schema); this "
            'client runs client.responses on v1. Build it with responses_backend="v2" (the default).',
            argument="text_format",
        )
    kwargs = dict(kwargs)
    if isinstance(text_format, NotGiven) or text_format is None:
        return kwargs
    text = dict(kwargs.get("text") or {})
    if "format" in text:
        raise TypeError("Cannot mix and match text.format with text_format")
    fmt: dict[str, Any] = dict(type_to_text_format_param(text_format))  # type: ignore[arg-type]  # a class
    if inspect.isclass(text_format) and issubclass(text_format, pydantic.BaseModel):
        fmt["schema"] = output_schema(text_format)  # $refs inlined: Manus's strict subset
    text["format"] = fmt
    kwargs["text"] = text
    return kwargs


def _refusal(response: Any) -> Any:
    for item in response.output or []:
        for part in getattr(item, "content", None) or []:
            if getattr(part, "type", None) == "refusal":
                return part
    return None


def parsed(response: Any, text_format: object) -> Any:
    """The SDK's ``ParsedResponse`` of a translated response; ``output_parsed`` the ``text_format`` instance.

    A turn that has not completed (in progress, waiting, failed, cancelled) is returned unparsed
    (``output_parsed`` None): there is no answer to parse yet.
    """
    fmt: Any = NOT_GIVEN if text_format is None else text_format
    if response.status != "completed":
        return parse_response(text_format=NOT_GIVEN, input_tools=NOT_GIVEN, response=response)
    refusal = _refusal(response)
    if refusal is not None:
        raw = (refusal.model_extra or {}).get("structured_output") or {}
        raise StructuredOutputError(
            f"response {response.id}: Manus could not produce the structured output: {refusal.refusal}",
            error=raw.get("error", refusal.refusal),
            value=raw.get("value"),
            response_id=response.id,
        )
    if isinstance(fmt, NotGiven):  # text={"format": ...} without a model: the SDK leaves output_parsed None
        return parse_response(text_format=NOT_GIVEN, input_tools=NOT_GIVEN, response=response)
    try:
        return parse_response(text_format=fmt, input_tools=NOT_GIVEN, response=response)
    except (pydantic.ValidationError, ValueError, TypeError) as exc:
        raise StructuredOutputError(
            f"response {response.id}: the answer is not a valid {getattr(fmt, '__name__', fmt)!s}: {exc}",
            error=str(exc),
            value=response.output_text,
            response_id=response.id,
        ) from exc
