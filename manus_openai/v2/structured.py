"""Structured output (manus-api.md §6.15): a pydantic model or a JSON Schema, in Manus's strict subset.

Manus requires every object in the schema to set ``additionalProperties: false`` and to list **all** its
properties in ``required``. ``output_schema(spec)``:

* a pydantic model class is compiled: ``$ref``s are inlined, every object gets
  ``additionalProperties: false`` and every property becomes required (a field with a default still
  parses, it is simply always sent); what cannot be expressed is refused with the reason and the path
  -- a recursive model, a ``dict`` with free keys, a model that allows extra fields;
* a JSON Schema dict is checked, not rewritten: a violation is refused with its path, so the schema
  Manus sees is exactly the one written.

``parse_result(result, spec)`` turns a ``structured_output_result`` into the model instance (or the raw
value for a schema); ``success: false`` raises ``StructuredOutputError`` carrying Manus's message and raw
value.

Example::

    class Company(pydantic.BaseModel):
        name: str
        founded: int

    created = client.v2.tasks.create("Who makes the iPhone?", structured_output=Company)
    company = client.v2.tasks.structured_result(created.task_id, Company)   # a Company
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Mapping
from typing import Any, Protocol, TypeVar, Union, overload

import pydantic

from ..errors import ManusError


class ResultLike(Protocol):
    """``{success, value, error}``: an event's ``structured_output_result`` or a webhook's ``structured_output``."""

    @property
    def success(self) -> bool | None: ...
    @property
    def value(self) -> Any: ...
    @property
    def error(self) -> str | None: ...


__all__ = ["ResultLike", "SchemaNotStrictError", "StructuredOutputError", "output_schema", "parse_result"]

_M = TypeVar("_M", bound=pydantic.BaseModel)
OutputSpec = Union[type[pydantic.BaseModel], Mapping[str, Any]]
"""A pydantic model class or a JSON Schema dict."""

_MAX_DEPTH = 32


class SchemaNotStrictError(ManusError, ValueError):
    """The schema cannot be sent: Manus accepts only its strict subset (``path`` says where, ``reason`` why).

    Example::

        try:
            output_schema({"type": "object", "properties": {"a": {"type": "string"}}})
        except SchemaNotStrictError as exc:
            print(exc.path, exc.reason)   # $ additionalProperties must be false ...
    """

    def __init__(self, reason: str, *, path: str) -> None:
        super().__init__(f"structured output schema at {path}: {reason}")
        self.path = path
        self.reason = reason


class StructuredOutputError(ManusError):
    """Manus reported ``success: false`` for the structured result, or its value does not fit the schema
    (``responses.parse``); ``.error`` is Manus's message (or the parse error), ``.value`` the raw value,
    ``.response_id`` the turn's id when it came from ``client.responses``.

    Example::

        try:
            client.v2.tasks.structured_result(task_id, Company)
        except StructuredOutputError as exc:
            print(exc.error, exc.value)
    """

    def __init__(self, message: str, *, error: str | None, value: object, response_id: str | None = None) -> None:
        super().__init__(message)
        self.error = error
        self.value = value
        self.response_id = response_id
        """The response (turn) id when it came from ``client.responses.parse``: the task exists and is found."""


def _is_object(node: Mapping[str, Any]) -> bool:
    kind = node.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind) or "properties" in node


def _check(node: object, path: str, depth: int = 0) -> None:
    if depth > _MAX_DEPTH:
        raise SchemaNotStrictError("nested too deeply (recursive?)", path=path)
    if isinstance(node, list):
        for i, item in enumerate(node):
            _check(item, f"{path}[{i}]", depth + 1)
        return
    if not isinstance(node, Mapping):
        return
    if _is_object(node):
        if node.get("additionalProperties") is not False:
            raise SchemaNotStrictError("additionalProperties must be false on every object", path=path)
        properties = node.get("properties") or {}
        missing = sorted(set(properties) - set(node.get("required") or ()))
        if missing:
            raise SchemaNotStrictError(f"every property must be required; not required: {missing}", path=path)
    for key, value in node.items():
        if key in ("properties", "$defs", "definitions") and isinstance(value, Mapping):
            for name, sub in value.items():
                _check(sub, f"{path}.{key}.{name}", depth + 1)
        elif key in ("items", "anyOf", "oneOf", "allOf", "prefixItems", "not"):
            _check(value, f"{path}.{key}", depth + 1)


def _resolve(ref: str, defs: Mapping[str, Any], path: str) -> Mapping[str, Any]:
    name = ref.rsplit("/", 1)[-1]
    if not ref.startswith("#/$defs/") or name not in defs:
        raise SchemaNotStrictError(f"cannot resolve $ref {ref!r}", path=path)
    return defs[name]  # type: ignore[no-any-return]  # pydantic's $defs values are dicts


def _strict(node: Any, defs: Mapping[str, Any], path: str, stack: tuple[str, ...] = ()) -> Any:
    if isinstance(node, list):
        return [_strict(item, defs, f"{path}[{i}]", stack) for i, item in enumerate(node)]
    if not isinstance(node, Mapping):
        return node
    if "$ref" in node:
        ref = node["$ref"]
        if ref in stack:
            raise SchemaNotStrictError(f"recursive model ({ref}) cannot be inlined for Manus", path=path)
        target = dict(_resolve(ref, defs, path))
        target.update({k: v for k, v in node.items() if k != "$ref"})
        return _strict(target, defs, path, (*stack, ref))
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "$defs":
            continue
        if key == "properties" and isinstance(value, Mapping):
            out[key] = {name: _strict(sub, defs, f"{path}.properties.{name}", stack) for name, sub in value.items()}
        elif key in ("items", "anyOf", "oneOf", "allOf", "prefixItems", "not"):
            out[key] = _strict(value, defs, f"{path}.{key}", stack)
        elif key == "additionalProperties" and value is not False:
            raise SchemaNotStrictError(
                "a dict with free keys (or a model allowing extra fields) cannot be expressed: Manus needs "
                "additionalProperties false and fixed property names",
                path=path,
            )
        else:
            out[key] = value
    if _is_object(out):
        out["additionalProperties"] = False
        out["required"] = list((out.get("properties") or {}).keys())
        out.setdefault("type", "object")
    return out


def _model_class(spec: object) -> type[pydantic.BaseModel] | None:
    return spec if inspect.isclass(spec) and issubclass(spec, pydantic.BaseModel) else None


def output_schema(spec: OutputSpec) -> dict[str, Any]:
    """The ``structured_output_schema`` to send for a model class or a schema dict (see the module docstring).

    >>> class City(pydantic.BaseModel):
    ...     name: str
    ...     population: int = 0
    >>> output_schema(City)["required"]
    ['name', 'population']
    """
    model = _model_class(spec)
    if model is not None:
        raw = model.model_json_schema()
        return _strict(raw, raw.get("$defs") or {}, "$")  # type: ignore[no-any-return]  # a model's schema is an object
    if not isinstance(spec, Mapping):
        raise TypeError(
            f"structured_output must be a pydantic model class or a JSON Schema dict, got {type(spec).__name__}"
        )
    schema = copy.deepcopy(dict(spec))
    _check(schema, "$")
    return schema


@overload
def parse_result(result: ResultLike, spec: type[_M]) -> _M: ...
@overload
def parse_result(result: ResultLike, spec: Mapping[str, Any] | None = None) -> Any: ...
def parse_result(result: ResultLike, spec: OutputSpec | None = None) -> Any:
    """The structured value: an instance of ``spec`` for a model class, else the raw value.

    ``result`` is a ``StructuredOutputResult`` (the event log) or a ``task_stopped`` webhook's
    ``structured_output`` (``parse_result(event.structured_output, Company)``).

    ``success: false`` raises ``StructuredOutputError``; a value that does not fit the model raises
    ``pydantic.ValidationError`` (the caller's model, the caller's error).
    """
    if result.success is not True:
        raise StructuredOutputError(
            f"Manus could not produce the structured output: {result.error or 'no message'}",
            error=result.error,
            value=result.value,
        )
    model = _model_class(spec)
    return model.model_validate(result.value) if model is not None else result.value
