"""Structured output (manus-api.md §6.15): the strict-subset check and a value built from the schema.

``check_schema`` runs when a schema is armed (``task.create`` / ``task.sendMessage``): the
schema must be a valid Draft 2020-12 schema (``jsonschema``), and every object schema —
``type: "object"`` or any schema with ``properties`` — must set ``additionalProperties: false``
and list all its properties in ``required``; a violation is a 400 ``invalid_argument`` naming
``structured_output_schema.<path>``. The root must be an object schema (choice: the docs'
examples all are, and the value is "extracted" from the answer as a record).

``extract`` builds a value from the schema itself (so any schema a test writes yields a
conforming value): ``const`` / ``enum`` (first) / ``default`` when valid, else by type —
objects with every property, arrays of ``minItems`` (at least 1, within ``maxItems``) items,
strings of ``minLength`` honouring a few ``format`` values, numbers inside their bounds and
``multipleOf``; ``anyOf``/``oneOf`` take the first branch that validates, ``allOf`` merges.
The value is validated with ``jsonschema`` before it is reported; a schema the generator cannot
satisfy (e.g. a ``pattern``) ends in ``success: false`` with the reason, as the
``[[manus:structured=fail]]`` scenario does on purpose.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ._errors import ApiError

__all__ = ["check_schema", "extract", "generate"]

FIELD = "structured_output_schema"


def check_schema(schema: object, where: str = FIELD) -> dict[str, Any]:
    """``schema`` if it is a valid strict-subset schema, else a 400 naming the offending path."""
    import jsonschema

    if not isinstance(schema, dict):
        raise ApiError.invalid(where, "must be a JSON Schema object")
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as exc:
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in exc.absolute_path)
        raise ApiError.invalid(where + path, f"not a valid JSON Schema: {exc.message}") from None
    if schema.get("type") != "object":
        raise ApiError.invalid(f"{where}.type", 'the root schema must be {"type": "object", ...}')
    _strict(schema, where)
    return schema


def _strict(schema: Mapping[str, Any], where: str) -> None:
    is_object = schema.get("type") == "object" or (isinstance(schema.get("type"), list) and "object" in schema["type"])
    props = schema.get("properties")
    if is_object or isinstance(props, dict):
        if schema.get("additionalProperties") is not False:
            raise ApiError.invalid(f"{where}.additionalProperties", "every object schema must set it to false")
        names = list(props) if isinstance(props, dict) else []
        missing = [n for n in names if n not in schema.get("required", [])]
        if missing:
            raise ApiError.invalid(f"{where}.required", f"must list every property; missing {', '.join(missing)}")
    for key in ("properties", "$defs", "definitions"):
        sub = schema.get(key)
        if isinstance(sub, dict):
            for name, child in sub.items():
                if isinstance(child, dict):
                    _strict(child, f"{where}.{key}.{name}")
    for key in ("items", "additionalItems", "not", "if", "then", "else"):
        child = schema.get(key)
        if isinstance(child, dict):
            _strict(child, f"{where}.{key}")
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        branches = schema.get(key)
        if isinstance(branches, list):
            for i, child in enumerate(branches):
                if isinstance(child, dict):
                    _strict(child, f"{where}.{key}[{i}]")


def _valid(value: object, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    import jsonschema

    full = dict(schema)
    for key in ("$defs", "definitions"):
        if key in root and key not in full:
            full[key] = root[key]
    return bool(jsonschema.Draft202012Validator(full).is_valid(value))


def generate(schema: Mapping[str, Any], root: Mapping[str, Any] | None = None, depth: int = 0) -> Any:
    """A value for ``schema`` (best effort; ``extract`` validates it)."""
    root = root if root is not None else schema
    if depth > 20:
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target: Any = root
        for part in ref[2:].split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        return generate(target, root, depth + 1)
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    if "default" in schema and _valid(schema["default"], schema, root):
        return schema["default"]
    for key in ("anyOf", "oneOf"):
        branches = schema.get(key)
        if isinstance(branches, list):
            for branch in branches:
                value = generate(branch, root, depth + 1)
                if _valid(value, branch, root):
                    return value
    if isinstance(schema.get("allOf"), list):
        merged: dict[str, Any] = {}
        for branch in schema["allOf"]:
            merged.update(branch)
        rest = {k: v for k, v in schema.items() if k != "allOf"}
        return generate({**merged, **rest}, root, depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), kind[0] if kind else None)
    if kind is None:
        kind = "object" if "properties" in schema else ("array" if "items" in schema else "string")
    if kind == "object":
        props = schema.get("properties", {})
        return {name: generate(sub, root, depth + 1) for name, sub in props.items()}
    if kind == "array":
        count = max(1, int(schema.get("minItems", 1)))
        if "maxItems" in schema:
            count = min(count, int(schema["maxItems"]))
        prefix = schema.get("prefixItems", [])
        items = schema.get("items", {})
        out = [generate(p, root, depth + 1) for p in prefix]
        while len(out) < count:
            out.append(generate(items if isinstance(items, dict) else {}, root, depth + 1))
        if schema.get("uniqueItems") and len(out) > 1:
            out = _unique(out, items if isinstance(items, dict) else {})
        return out
    if kind == "string":
        return _string(schema)
    if kind in ("number", "integer"):
        return _number(schema, integer=kind == "integer")
    if kind == "boolean":
        return True
    return None


def _unique(values: list[Any], items: Mapping[str, Any]) -> list[Any]:
    if items.get("type") == "string":
        return [f"{v}{i}" if isinstance(v, str) else v for i, v in enumerate(values)]
    if items.get("type") in ("integer", "number"):
        return [v + i if isinstance(v, (int, float)) else v for i, v in enumerate(values)]
    return values


def _string(schema: Mapping[str, Any]) -> str:
    formats = {
        "date-time": "2026-01-01T00:00:00Z",
        "date": "2026-01-01",
        "time": "00:00:00Z",
        "email": "user@example.com",
        "uri": "https://example.com/",
        "url": "https://example.com/",
        "uuid": "00000000-0000-4000-8000-000000000000",
        "ipv4": "192.0.2.1",
    }
    text = formats.get(str(schema.get("format")), "emulated")
    low = int(schema.get("minLength", 0))
    high = schema.get("maxLength")
    if len(text) < low:
        text = text + "x" * (low - len(text))
    if high is not None and len(text) > int(high):
        text = text[: int(high)]
    return text


def _number(schema: Mapping[str, Any], *, integer: bool) -> float | int:
    low = schema.get("minimum")
    high = schema.get("maximum")
    xlow = schema.get("exclusiveMinimum")
    xhigh = schema.get("exclusiveMaximum")
    step = schema.get("multipleOf")
    lo = -math.inf if low is None else float(low)
    hi = math.inf if high is None else float(high)
    if xlow is not None:
        lo = max(lo, float(xlow) + (1 if integer else 1e-9))
    if xhigh is not None:
        hi = min(hi, float(xhigh) - (1 if integer else 1e-9))
    if lo == -math.inf and hi == math.inf:
        value = 0.0
    elif lo == -math.inf:
        value = min(0.0, hi)
    elif hi == math.inf:
        value = max(0.0, lo)
    else:
        value = (lo + hi) / 2 if not integer else lo
    if step:
        value = math.ceil(value / float(step)) * float(step)
        if value > hi:
            value = math.floor(hi / float(step)) * float(step)
    if integer:
        value = math.ceil(value) if value >= lo else value
        return int(value)
    return int(value) if float(value).is_integer() and schema.get("type") == "integer" else value


def extract(schema: Mapping[str, Any], *, fail: bool = False) -> dict[str, object]:
    """The ``{success, value, error}`` result for an armed schema."""
    if fail:
        return {
            "success": False,
            "value": None,
            "error": "Could not extract a value matching the schema from the answer (emulated failure)",
        }
    value = generate(schema)
    if not _valid(value, schema, schema):
        return {
            "success": False,
            "value": None,
            "error": "The emulator could not build a value satisfying this schema (e.g. a pattern)",
        }
    return {"success": True, "value": value, "error": None}
