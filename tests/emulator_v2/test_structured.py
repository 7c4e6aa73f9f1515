"""Structured output (manus-api.md §6.15): the strict subset, values generated from the schema, success: false."""

from __future__ import annotations

from typing import Any

import httpx
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manus_openai.emulator import Emulator
from manus_openai.emulator._structured import check_schema, extract

from .conftest import TASK_DURATION, create, events, fails, ok


def obj(**props: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


SCHEMAS: list[dict[str, Any]] = [
    obj(answer={"type": "string"}),
    obj(count={"type": "integer", "minimum": 3, "maximum": 9}),
    obj(ratio={"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1}),
    obj(score={"type": "integer", "multipleOf": 7, "minimum": 10}),
    obj(flag={"type": "boolean"}, nothing={"type": "null"}),
    obj(colour={"type": "string", "enum": ["red", "green"]}),
    obj(kind={"const": "fixed"}),
    obj(code={"type": "string", "minLength": 12, "maxLength": 14}),
    obj(when={"type": "string", "format": "date-time"}, mail={"type": "string", "format": "email"}),
    obj(tags={"type": "array", "items": {"type": "string"}, "minItems": 3, "maxItems": 5, "uniqueItems": True}),
    obj(people={"type": "array", "items": obj(name={"type": "string"}, age={"type": "integer", "minimum": 18})}),
    obj(address=obj(street={"type": "string"}, geo=obj(lat={"type": "number"}, lng={"type": "number"}))),
    obj(maybe={"anyOf": [{"type": "integer", "minimum": 5}, {"type": "null"}]}),
    obj(value={"type": ["string", "null"]}),
    {
        "type": "object",
        "properties": {"item": {"$ref": "#/$defs/item"}},
        "required": ["item"],
        "additionalProperties": False,
        "$defs": {"item": obj(sku={"type": "string"}, qty={"type": "integer", "minimum": 1})},
    },
]


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda s: ",".join(s["properties"]))
def test_each_schema_yields_a_conforming_value_end_to_end(v2: httpx.Client, emu: Emulator, schema: Any) -> None:
    task_id = create(v2, "Extract", structured_output_schema=schema)
    emu.advance(TASK_DURATION)
    [result] = [e for e in events(v2, task_id) if e["type"] == "structured_output_result"]
    payload = result["structured_output_result"]
    assert payload["success"] is True
    assert payload["error"] is None
    jsonschema.validate(payload["value"], schema)


@pytest.mark.parametrize(
    ("schema", "path"),
    [
        ({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}, "additionalProperties"),
        ({"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": False}, "required"),
        (
            obj(inner={"type": "object", "properties": {"x": {"type": "integer"}}}),
            "properties.inner.additionalProperties",
        ),
        (
            obj(list={"type": "array", "items": {"type": "object", "properties": {}, "required": []}}),
            "properties.list.items",
        ),
        ({"type": "string"}, "type"),
        ({"type": "object", "properties": 5}, "properties"),
        ({"type": "nonsense"}, "type"),
    ],
)
def test_strict_subset_violations_are_400s_naming_the_path(v2: httpx.Client, schema: Any, path: str) -> None:
    body = {"message": {"content": "x"}, "structured_output_schema": schema}
    message = fails(v2.post("/task.create", json=body), 400, "invalid_argument")
    assert message.startswith(f"structured_output_schema.{path}"), message


def test_arm_once_fire_once_and_re_arm_on_send_message(v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "First", structured_output_schema=obj(a={"type": "integer"}))
    emu.advance(TASK_DURATION)
    ok(v2.post("/task.sendMessage", json={"task_id": task_id, "message": {"content": "Second"}}))
    emu.advance(TASK_DURATION)
    assert sum(e["type"] == "structured_output_result" for e in events(v2, task_id)) == 1
    schema = obj(b={"type": "string"})
    ok(
        v2.post(
            "/task.sendMessage",
            json={"task_id": task_id, "message": {"content": "Third"}, "structured_output_schema": schema},
        )
    )
    emu.advance(TASK_DURATION)
    results = [e["structured_output_result"] for e in events(v2, task_id) if e["type"] == "structured_output_result"]
    assert [sorted(r["value"]) for r in results] == [["a"], ["b"]]


def test_an_armed_schema_survives_a_question(v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "Ask first [[manus:ask]]", structured_output_schema=obj(a={"type": "integer"}))
    emu.advance(TASK_DURATION)
    ok(v2.post("/task.sendMessage", json={"task_id": task_id, "message": {"content": "Answer"}}))
    emu.advance(TASK_DURATION)
    assert [e["type"] for e in events(v2, task_id)][-2:] == ["structured_output_result", "status_update"]


def test_success_false_scenario(v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "Extract [[manus:structured=fail]]", structured_output_schema=obj(a={"type": "integer"}))
    emu.advance(TASK_DURATION)
    [result] = [e["structured_output_result"] for e in events(v2, task_id) if e["type"] == "structured_output_result"]
    assert result["success"] is False
    assert result["value"] is None
    assert isinstance(result["error"], str)


def test_unsatisfiable_schema_reports_success_false() -> None:
    schema = obj(code={"type": "string", "pattern": "^[0-9]{3}$"})
    result = extract(check_schema(schema))
    assert result["success"] is False


PRIMITIVES = st.sampled_from(
    [
        {"type": "string"},
        {"type": "string", "minLength": 5},
        {"type": "integer", "minimum": -3, "maximum": 40},
        {"type": "number", "minimum": 0.5},
        {"type": "integer", "multipleOf": 5, "minimum": 1},
        {"type": "boolean"},
        {"type": "string", "enum": ["a", "b"]},
        {"type": "array", "items": {"type": "integer"}, "minItems": 2},
    ]
)
NAMES = st.text(alphabet="abcdefghij", min_size=1, max_size=6)


def objects(children: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(NAMES, children, min_size=1, max_size=4).map(lambda props: obj(**props))


SCHEMA_TREES = st.recursive(
    PRIMITIVES, lambda inner: objects(inner) | st.builds(lambda s: {"type": "array", "items": s}, inner), max_leaves=12
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(objects(SCHEMA_TREES))
def test_any_strict_schema_yields_a_conforming_value(schema: dict[str, Any]) -> None:
    result = extract(check_schema(schema))
    assert result["success"] is True, result
    jsonschema.validate(result["value"], schema)


def test_the_webhook_task_stopped_carries_the_structured_output(emu: Emulator, v2: httpx.Client) -> None:
    seen: list[Any] = []
    emu.engine.listeners.append(lambda event: seen.append(event))
    task_id = create(v2, "Extract", structured_output_schema=obj(a={"type": "integer"}))
    emu.advance(TASK_DURATION)
    [stopped] = [e for e in seen if e.type == "task_stopped" and e.task_id == task_id]
    service = emu._webhooks  # the payload builder the deliveries use
    payload = service.payload(stopped)
    assert payload["task_detail"]["structured_output"] == {"success": True, "value": {"a": 0}, "error": None}
